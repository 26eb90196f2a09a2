"""The coordination group's figures over the last 12 months: a table and a bar chart.

The chart takes plain MonthFigures, so a test can check exactly what it draws. Colours are
Okabe-Ito (readable with every common colour-vision deficiency) and every series is also
in the table beside it, so no number is only a colour.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from ungedesk.domain.restgruppe import MonthFigures
from ungedesk.ui.i18n import LOCALE
from ungedesk.ui.rows_model import Index, RowsModel
from ungedesk.ui.widgets import name_table

COLOURS = ("#0072B2", "#E69F00", "#D55E00", "#009E73")


def month_short(figures: MonthFigures) -> str:
    from babel.dates import format_date

    return format_date(figures.month, "MMM y", locale=LOCALE)


class FiguresModel(RowsModel[MonthFigures]):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Month"),
            self.tr("On the list"),
            self.tr("Misplaced"),
            self.tr("Repeaters"),
            self.tr("Unreachable"),
            self.tr("Reached"),
            self.tr("Back in education or work"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        f = self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return None if index.column() == 0 else Qt.AlignmentFlag.AlignRight
        values = (
            month_short(f),
            f.on_list,
            f.misplaced,
            f.repeaters,
            f.unreachable,
            f.reached,
            f.back_in_education,
        )
        return str(values[index.column()])


class FiguresPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FiguresModel(self)
        self.table = QTableView()
        name_table(
            self.table,
            self.tr("Figures per month"),
            self.tr("The list's figures for each of the last 12 months that have a list."),
        )
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.ResizeToContents)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(260)
        self.view.setAccessibleName(self.tr("Chart of the figures per month"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.table, 2)

    def series_names(self) -> tuple[str, ...]:
        return (
            self.tr("On the list"),
            self.tr("Repeaters"),
            self.tr("Unreachable"),
            self.tr("Back in education or work"),
        )

    def show_figures(self, figures: list[MonthFigures]) -> None:
        self.model.replace_rows(figures)
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.chart.setTitle(
            self.tr("No list imported yet.") if not figures else self.tr("The last 12 months")
        )
        if not figures:
            return
        series = QBarSeries()
        for name, colour, values in zip(
            self.series_names(),
            COLOURS,
            (
                [f.on_list for f in figures],
                [f.repeaters for f in figures],
                [f.unreachable for f in figures],
                [f.back_in_education for f in figures],
            ),
            strict=True,
        ):
            bars = QBarSet(name)
            bars.setColor(QColor(colour))
            bars.append([float(v) for v in values])
            series.append(bars)
        self.chart.addSeries(series)
        months = QBarCategoryAxis()
        months.append([month_short(f) for f in figures])
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        counts.setRange(0, max(1, max(f.on_list for f in figures)))
        counts.applyNiceNumbers()
        self.chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(months)
        series.attachAxis(counts)
