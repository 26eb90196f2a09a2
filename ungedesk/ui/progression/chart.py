"""The progression charts: a spider chart of readings and a timeline of one indicator.

Both take plain data (dates and scores per indicator), never a store or a service's read
model, so tests can feed them and check exactly which series they draw.

Readable in black and white and for colour-blind readers: who scored is told by colour
(Okabe-Ito blue for the caseworker, vermillion for the young person) AND by marker shape
(circle, triangle); which reading by line style (first dotted, previous dashed, latest
solid). The legend is drawn by us, with a sample of line and marker, because Qt's own legend
shows either the line or the marker but not both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from functools import cache

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QPolarChart,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QLocale, QMargins, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ungedesk.domain.progression import (
    INDICATOR_LABELS,
    INDICATOR_SHORT,
    SCALE_MAX,
    SCALE_MIN,
    STAGE_LABELS,
    Indicator,
    stage_range,
    talk_about,
)
from ungedesk.ui.i18n import format_day

# Okabe-Ito: distinguishable with every common colour-vision deficiency.
CASEWORKER_COLOUR = "#0072B2"  # blue
YOUTH_COLOUR = "#D55E00"  # vermillion
TALK_COLOUR = "#CC79A7"  # reddish purple
GRID_COLOUR = "#BBBBBB"
# Date axis labels, Danish style: "nov. 2026" over a long history, "3. nov." over a short one.
MONTH_AXIS_FORMAT = "MMM yyyy"
DAY_AXIS_FORMAT = "d. MMM"
MARKER_SIZE = 11


class Who(Enum):
    CASEWORKER = "caseworker"
    YOUTH = "youth"


class ReadingKind(Enum):
    FIRST = "first"
    PREVIOUS = "previous"
    LATEST = "latest"


class View(Enum):
    """Whose scores the spider chart shows."""

    CASEWORKER = "caseworker"
    YOUTH = "youth"
    BOTH = "both"


LINE_STYLES: dict[ReadingKind, Qt.PenStyle] = {
    ReadingKind.FIRST: Qt.PenStyle.DotLine,
    ReadingKind.PREVIOUS: Qt.PenStyle.DashLine,
    ReadingKind.LATEST: Qt.PenStyle.SolidLine,
}
COLOURS: dict[Who, str] = {Who.CASEWORKER: CASEWORKER_COLOUR, Who.YOUTH: YOUTH_COLOUR}


@dataclass(frozen=True, slots=True)
class Reading:
    """One measurement as the spider chart draws it. A missing score (the young person did
    not score, or the indicator was not chosen then) is left out of the polygon."""

    kind: ReadingKind
    measured_on: date
    caseworker: Mapping[Indicator, int | None]
    youth: Mapping[Indicator, int | None]

    def scores(self, who: Who) -> Mapping[Indicator, int | None]:
        return self.caseworker if who is Who.CASEWORKER else self.youth


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    measured_on: date
    caseworker: int | None
    youth: int | None


@dataclass(frozen=True, slots=True)
class DrawnLine:
    """What one drawn series shows, for tests and for the legend."""

    who: Who
    kind: ReadingKind | None  # None on the timeline
    name: str
    points: tuple[tuple[Indicator | date, int], ...]


@cache
def marker_image(who: Who, size: int = MARKER_SIZE, colour: str | None = None) -> QImage:
    """Caseworker: a filled circle; young person: a filled triangle. Shape carries the
    meaning where colour cannot (print, colour-blindness)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#000000"), 1))
    painter.setBrush(QBrush(QColor(colour or COLOURS[who])))
    inset = 1.0
    if who is Who.CASEWORKER:
        painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset))
    else:
        path = QPainterPath()
        path.moveTo(size / 2, inset)
        path.lineTo(size - inset, size - inset)
        path.lineTo(inset, size - inset)
        path.closeSubpath()
        painter.drawPath(path)
    painter.end()
    return image


def _pen(who: Who, style: Qt.PenStyle, width: float = 2.0) -> QPen:
    pen = QPen(QColor(COLOURS[who]))
    pen.setWidthF(width)
    pen.setStyle(style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def _talk_pen() -> QPen:
    colour = QColor(TALK_COLOUR)
    colour.setAlpha(150)
    pen = QPen(colour)
    pen.setWidthF(7)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def legend_sample(who: Who, style: Qt.PenStyle, width: int = 44, height: int = 16) -> QPixmap:
    """A short stretch of line with the marker in the middle, as drawn in the chart."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(_pen(who, style))
    painter.drawLine(QPointF(1, height / 2), QPointF(width - 1, height / 2))
    marker = marker_image(who)
    painter.drawImage(QPointF((width - marker.width()) / 2, (height - marker.height()) / 2), marker)
    painter.end()
    return pixmap


class Legend(QWidget):
    """Legend entries in a grid (a drawn sample and its text), ``columns`` to a row, so a
    long legend wraps instead of widening the chart."""

    def __init__(self, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(4, 0, 4, 0)
        self._layout.setHorizontalSpacing(14)
        self._layout.setVerticalSpacing(2)
        self.entries: list[str] = []

    def set_entries(self, entries: Sequence[tuple[QPixmap, str]]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.entries = [text for _pixmap, text in entries]
        for number, (pixmap, text) in enumerate(entries):
            row, column = divmod(number, self._columns)
            sample = QLabel()
            sample.setPixmap(pixmap)
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            # No word wrap: a wrapped label asked for height the splitter did not give,
            # and was drawn over the chart.
            self._layout.addWidget(sample, row, 2 * column)
            self._layout.addWidget(label, row, 2 * column + 1)
        for column in range(self._columns):
            self._layout.setColumnStretch(2 * column + 1, 1)
        self.setVisible(bool(entries))


class MatrixLegend(QWidget):
    """The spider chart's legend as a small table: a column per person (caseworker,
    young person), a row per reading (first, previous, latest with its date), a drawn
    sample in each cell. Compact enough for a narrow pane, and it reads like the toggles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(4, 0, 4, 0)
        self._layout.setHorizontalSpacing(12)
        self._layout.setVerticalSpacing(0)
        self.entries: list[str] = []

    def set_matrix(
        self,
        columns: Sequence[tuple[Who, str]],
        rows: Sequence[tuple[str, dict[Who, QPixmap]]],
        entries: Sequence[str],
    ) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.entries = list(entries)
        for column, (_who, title) in enumerate(columns, start=1):
            header = QLabel(title)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._layout.addWidget(header, 0, column)
        for number, (title, samples) in enumerate(rows, start=1):
            label = QLabel(title)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self._layout.addWidget(label, number, 0)
            for column, (who, _title) in enumerate(columns, start=1):
                pixmap = samples.get(who)
                if pixmap is None:
                    continue
                sample = QLabel()
                sample.setPixmap(pixmap)
                sample.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self._layout.addWidget(sample, number, column)
        self._layout.setColumnStretch(len(columns) + 1, 1)
        self.setVisible(bool(rows))


def _msecs(day: date) -> float:
    """Noon on the day as the date axis counts (local time, ms since the epoch). Python's
    own arithmetic: building a QDateTime per point cost ~50 µs each."""
    return datetime.combine(day, time(12, 0)).timestamp() * 1000


def _qdatetime(day: date) -> QDateTime:
    return QDateTime(datetime.combine(day, time(12, 0)))


class _ChartView(QChartView):
    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def __init__(self, chart: QChart, parent: QWidget | None = None) -> None:
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)


class SpiderChart(QWidget):
    """First, previous and latest readings on a polar chart: one axis per chosen indicator,
    radius 0-10 with a grid circle at each stage boundary (2, 4, 6, 8, 10)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QPolarChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.view = _ChartView(self.chart)
        self.view.setMinimumSize(320, 300)
        # Qt keeps too little room for the angle labels at 3 and 9 o'clock: a long name
        # such as "Arbejdsidentitet" was cut off at the edge. More margin than this
        # shrinks the plot sharply (Qt's polar layout); a set plot area it draws wrongly.
        self.chart.setMargins(QMargins(30, 4, 30, 4))
        self.legend = MatrixLegend()
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #555555;")
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.legend)
        self.note = QLabel(self.tr("(!) Differ by 3 or more: talk about it."))
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)

        self.angular = QCategoryAxis()
        self.angular.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.angular.setGridLinePen(QPen(QColor(GRID_COLOUR), 1))
        self.radial = QValueAxis()
        self.radial.setRange(0, SCALE_MAX)
        self.radial.setTickCount(6)
        self.radial.setLabelFormat("%d")
        self.radial.setGridLinePen(QPen(QColor(GRID_COLOUR), 1))
        self.chart.addAxis(self.angular, QPolarChart.PolarOrientation.PolarOrientationAngular)
        self.chart.addAxis(self.radial, QPolarChart.PolarOrientation.PolarOrientationRadial)

        self.indicators: tuple[Indicator, ...] = ()
        self.readings: tuple[Reading, ...] = ()
        self.marked: frozenset[Indicator] = frozenset()
        self.who = View.BOTH
        self.shown: set[ReadingKind] = {ReadingKind.FIRST, ReadingKind.LATEST}
        self.lines: list[DrawnLine] = []

    # --- input ---------------------------------------------------------------------------

    def set_data(
        self,
        indicators: Sequence[Indicator],
        readings: Sequence[Reading],
        *,
        marked: frozenset[Indicator] = frozenset(),
    ) -> None:
        """The axes (chosen indicators, in this order), the readings to draw, and the
        indicators to mark as something to talk about."""
        self.indicators = tuple(indicators)
        self.readings = tuple(readings)
        self.marked = marked
        self._rebuild_axis()
        self.redraw()

    def set_view(self, who: View) -> None:
        self.who = who
        self.redraw()

    def set_shown(self, kind: ReadingKind, shown: bool) -> None:
        if shown:
            self.shown.add(kind)
        else:
            self.shown.discard(kind)
        self.redraw()

    # --- drawing -------------------------------------------------------------------------

    def _rebuild_axis(self) -> None:
        for label in list(self.angular.categoriesLabels()):
            self.angular.remove(label)
        n = len(self.indicators)
        # Indicator i sits at angle i of n; the first one also at n (the same direction, at
        # the top), which closes each polygon and carries the first axis label, because a
        # category cannot end at the axis minimum.
        self.angular.setRange(0, max(n, 1))
        for position in range(1, n + 1):
            indicator = self.indicators[position % n]
            text = INDICATOR_SHORT[indicator]
            if indicator in self.marked:
                text = f"{text} (!)"
            self.angular.append(text, position)

    def redraw(self) -> None:
        self.chart.removeAllSeries()
        self.lines = []
        whos = {
            View.CASEWORKER: (Who.CASEWORKER,),
            View.YOUTH: (Who.YOUTH,),
            View.BOTH: (Who.CASEWORKER, Who.YOUTH),
        }[self.who]
        n = len(self.indicators)
        legend_rows: list[tuple[str, dict[Who, QPixmap]]] = []
        for reading in self.readings:
            if reading.kind not in self.shown:
                continue
            samples: dict[Who, QPixmap] = {}
            for who in whos:
                scores = reading.scores(who)
                points = [
                    (position, indicator, score)
                    for position, indicator in enumerate(self.indicators)
                    if (score := scores.get(indicator)) is not None
                ]
                if not points:
                    continue
                name = self._name(who, reading)
                series = QLineSeries()
                series.setName(name)
                for position, _indicator, score in points:
                    series.append(float(position), float(score))
                if points[0][0] == 0:
                    series.append(float(n), float(points[0][2]))
                series.setPen(_pen(who, LINE_STYLES[reading.kind]))
                series.setLightMarker(marker_image(who))
                series.setMarkerSize(MARKER_SIZE)
                self.chart.addSeries(series)
                series.attachAxis(self.angular)
                series.attachAxis(self.radial)
                self.lines.append(
                    DrawnLine(who, reading.kind, name, tuple((i, s) for _p, i, s in points))
                )
                samples[who] = legend_sample(who, LINE_STYLES[reading.kind])
            if samples:
                legend_rows.append((self._reading_title(reading), samples))
        shown_whos = [w for w in whos if any(line.who is w for line in self.lines)]
        self.legend.set_matrix(
            [(w, self._whose(w)) for w in shown_whos],
            legend_rows,
            [line.name for line in self.lines],
        )
        if not self.indicators:
            self.empty.setText(self.tr("No indicators chosen."))
        elif not self.readings:
            self.empty.setText(self.tr("No measurements yet."))
        elif not self.lines:
            self.empty.setText(self.tr("Nothing to show: pick a reading and whose scores."))
        self.empty.setVisible(not self.lines)
        self.note.setVisible(bool(self.marked & set(self.indicators)))

    def _whose(self, who: Who) -> str:
        return self.tr("Caseworker") if who is Who.CASEWORKER else self.tr("Young person")

    def _reading_title(self, reading: Reading) -> str:
        which = {
            ReadingKind.FIRST: self.tr("First"),
            ReadingKind.PREVIOUS: self.tr("Previous"),
            ReadingKind.LATEST: self.tr("Latest"),
        }[reading.kind]
        return f"{which}, {format_day(reading.measured_on)}"

    def _name(self, who: Who, reading: Reading) -> str:
        return f"{self._whose(who)}: {self._reading_title(reading)}"


class TimelineChart(QWidget):
    """One indicator over time: the caseworker's and the young person's score at each
    measurement, stage bands named on the right, and the readings that differ by 3 or
    more ringed as something to talk about."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.view = _ChartView(self.chart)
        self.view.setMinimumSize(320, 180)
        # Two to a row: three made the legend the widest thing on the progression tab.
        self.legend = Legend(columns=2)
        # The indicator's name above the chart rather than as the chart's title: the title
        # took the height the date labels needed, and Qt then left those out.
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)

        # Danish month names on the date axis: it writes them in the chart's own locale.
        self.chart.setLocale(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat(MONTH_AXIS_FORMAT)
        self.x_axis.setTickCount(5)
        self.x_axis.setGridLinePen(QPen(QColor(GRID_COLOUR), 1))
        # A category axis with a label on each whole score: a value axis over 0.5-10.5
        # (room for the markers at 1 and 10) elided its labels.
        self.y_axis = QCategoryAxis()
        self.y_axis.setRange(0.5, SCALE_MAX + 0.5)
        self.y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self._dense: bool | None = None
        self._label_scores(dense=True)
        self.y_axis.setGridLinePen(QPen(QColor("#E4E4E4"), 1))
        # The five stages, named on the right, with a stronger line at each boundary.
        self.stages = QCategoryAxis()
        self.stages.setRange(0.5, SCALE_MAX + 0.5)
        self.stages.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
        for number, label in enumerate(STAGE_LABELS, start=1):
            self.stages.append(label, stage_range(number)[1] + 0.5)
        self.stages.setGridLinePen(QPen(QColor(GRID_COLOUR), 1))
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.stages, Qt.AlignmentFlag.AlignRight)
        self.view.resized.connect(self._view_resized)

        self.indicator: Indicator | None = None
        self.points: tuple[TimelinePoint, ...] = ()
        self.lines: list[DrawnLine] = []
        self.talk_points: tuple[date, ...] = ()

    def _label_scores(self, *, dense: bool) -> None:
        """Every score labelled when there is room, else every other one: labels closer
        than their own height are elided to '...' by Qt."""
        if dense == self._dense:
            return
        self._dense = dense
        for label in list(self.y_axis.categoriesLabels()):
            self.y_axis.remove(label)
        step = 1 if dense else 2
        for score in range(SCALE_MIN + step - 1, SCALE_MAX + 1, step):
            self.y_axis.append(str(score), score)

    def _view_resized(self) -> None:
        # The stage names need room; on a narrow pane they would be cut to "Meget l...".
        self.stages.setLabelsVisible(self.view.width() >= 520)
        line = self.fontMetrics().height()
        self._label_scores(dense=self.view.height() - 3 * line > (SCALE_MAX + 1) * line * 1.3)

    def set_data(self, indicator: Indicator | None, points: Sequence[TimelinePoint]) -> None:
        self.indicator = indicator
        self.points = tuple(points)
        self.chart.removeAllSeries()
        self.lines = []
        self.title.setText(INDICATOR_LABELS[indicator] if indicator is not None else "")
        # The talk-about bars first, so the score markers are drawn on top of them.
        self.talk_points = tuple(
            p.measured_on for p in self.points if talk_about(p.caseworker, p.youth)
        )
        for p in self.points:
            if p.caseworker is None or p.youth is None or not talk_about(p.caseworker, p.youth):
                continue
            # A broad bar between the two scores: the gap itself is what to talk about.
            x = _msecs(p.measured_on)
            bar = QLineSeries()
            bar.setName(self.tr("Talk about"))
            bar.append(x, float(p.caseworker))
            bar.append(x, float(p.youth))
            bar.setPen(_talk_pen())
            self._add(bar)
        legend: list[tuple[QPixmap, str]] = []
        for who, style in (
            (Who.CASEWORKER, Qt.PenStyle.SolidLine),
            (Who.YOUTH, Qt.PenStyle.DashLine),
        ):
            values = [
                (p.measured_on, score)
                for p in self.points
                if (score := p.caseworker if who is Who.CASEWORKER else p.youth) is not None
            ]
            if not values:
                continue
            name = self.tr("Caseworker") if who is Who.CASEWORKER else self.tr("Young person")
            series = QLineSeries()
            series.setName(name)
            for day, score in values:
                series.append(_msecs(day), float(score))
            series.setPen(_pen(who, style))
            series.setLightMarker(marker_image(who, 9))
            series.setMarkerSize(9)
            self._add(series)
            self.lines.append(DrawnLine(who, None, name, tuple(values)))
            legend.append((legend_sample(who, style), name))
        if self.talk_points:
            legend.append((self._talk_sample(), self.tr("3+ apart: talk about")))
        if self.points:
            first = self.points[0].measured_on
            last = self.points[-1].measured_on
            # A little room either side, so the first and last markers are not cut in half.
            pad = max(timedelta(days=7), (last - first) / 20)
            self.x_axis.setRange(_qdatetime(first - pad), _qdatetime(last + pad))
            # Months for a long history; days when it is short (else "nov. 2026" four times).
            long = (last - first).days > 120
            self.x_axis.setFormat(MONTH_AXIS_FORMAT if long else DAY_AXIS_FORMAT)
            # A new range on a chart already on screen left the date labels out (Qt lays
            # them out only when their visibility changes); switching them off and on
            # makes it lay them out again.
            self.x_axis.setLabelsVisible(False)
            self.x_axis.setLabelsVisible(True)
        self.legend.set_entries(legend)

    def _add(self, series: QLineSeries) -> None:
        self.chart.addSeries(series)
        series.attachAxis(self.x_axis)
        series.attachAxis(self.y_axis)

    @staticmethod
    def _talk_sample() -> QPixmap:
        pixmap = QPixmap(20, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setPen(_talk_pen())
        painter.drawLine(QPointF(10, 1), QPointF(10, 15))
        painter.end()
        return pixmap
