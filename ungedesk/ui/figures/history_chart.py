"""The last 12 months' flow as a bar chart (tilgang, afgang, vendt i døren) with the active
cases beside it in a table, so no number is only a colour; in total or for one target group
(show_group). Takes plain FlowFigures."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from ungedesk.domain.figures import TOTAL, Figure, FlowFigures
from ungedesk.ui.i18n import LOCALE
from ungedesk.ui.rows_model import Index, RowsModel
from ungedesk.ui.widgets import name_table

COLOURS = ("#0072B2", "#D55E00", "#009E73")  # Okabe-Ito
SERIES = (Figure.INFLOW, Figure.OUTFLOW, Figure.TURNED_AWAY)


def month_short(flow: FlowFigures) -> str:
    from babel.dates import format_date

    return format_date(flow.period.start, "MMM y", locale=LOCALE)


class HistoryModel(RowsModel[FlowFigures]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = TOTAL  # the column counted: a target group's code or TOTAL

    def set_group(self, group: str) -> None:
        self.beginResetModel()
        self.group = group
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Month"),
            self.tr("Active cases"),
            self.tr("Inflow"),
            self.tr("Outflow"),
            self.tr("Turned away at the door"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        f = self.rows[index.row()]
        if index.column() == 0:
            return month_short(f)
        figure = (Figure.ACTIVE, *SERIES)[index.column() - 1]
        return str(f.count(figure, self.group))


class HistoryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(self.tr("Chart of the last 12 months"))
        self.model = HistoryModel(self)
        self.months: list[FlowFigures] = []
        self.group_label = ""  # the chosen target group's label; "" for all groups
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.table, 2)
        self._describe()

    def series_names(self) -> tuple[str, ...]:
        return (self.tr("Inflow"), self.tr("Outflow"), self.tr("Turned away at the door"))

    def show_history(self, months: list[FlowFigures]) -> None:
        self.months = months
        self.model.replace_rows(months)
        self._draw()

    def show_group(self, group: str, label: str) -> None:
        """One target group's counts (its code and label), or TOTAL's with label ""."""
        self.group_label = label if group != TOTAL else ""
        self.model.set_group(group)
        self._draw()

    def bar_values(self) -> dict[str, list[float]]:
        """Each series' bars as drawn, by the series' name."""
        return {
            bars.label(): [bars.at(i) for i in range(bars.count())]
            for series in self.chart.series()
            if isinstance(series, QBarSeries)
            for bars in series.barSets()
        }

    def _describe(self) -> None:
        """The chart's title and the table's description say which group is counted."""
        if self.group_label:
            self.chart.setTitle(self.tr("Target group: %1").replace("%1", self.group_label))
            about = self.tr(
                "Active cases, inflow, outflow and turned away per month, target group %1."
            ).replace("%1", self.group_label)
        else:
            self.chart.setTitle("")
            about = self.tr("Active cases, inflow, outflow and turned away per month, in total.")
        name_table(self.table, self.tr("The last 12 months"), about)
        self.view.setAccessibleDescription(about)

    def _draw(self) -> None:
        months, group = self.months, self.model.group
        self._describe()
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QBarSeries()
        for name, colour, figure in zip(self.series_names(), COLOURS, SERIES, strict=True):
            bars = QBarSet(name)
            bars.setColor(QColor(colour))
            bars.append([float(m.count(figure, group)) for m in months])
            series.append(bars)
        self.chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([month_short(m) for m in months])
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        top = max((m.count(f, group) for m in months for f in SERIES), default=0)
        axis_y.setRange(0, max(1, top))
        axis_y.applyNiceNumbers()
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
