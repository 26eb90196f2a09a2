"""The record's "Progression" tab: the chosen indicators with the latest scores, a spider
chart of first, previous and latest readings, a timeline of the selected indicator, and the
measurements, with "New measurement" (Ctrl+M) and "Correct measurement".

Health and substance use (special-category data) and finances (confidential private matters)
are shown here and nowhere else in the app, marked as sensitive, and the service logs every
read of them. So the tab reads only when somebody looks: when first shown, and again after a
change to this young person's progression or conversations (announced on the change bus)
only if it is on screen, else when it is next shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.domain.progression import SENSITIVE, Indicator
from ungedesk.services import progression
from ungedesk.services.progression import CorrectionView, MeasurementView, ProgressionScreen
from ungedesk.store.database import Store
from ungedesk.ui import changes
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.operations import Operation, is_wanted
from ungedesk.ui.progression.chart import (
    ReadingKind,
    SpiderChart,
    TimelineChart,
    TimelinePoint,
    View,
)
from ungedesk.ui.progression.indicator_choice_dialog import IndicatorChoiceDialog
from ungedesk.ui.progression.measurement_dialog import MeasurementDialog
from ungedesk.ui.progression.models import (
    IndicatorsModel,
    MeasurementsModel,
    indicator_rows,
    readings,
)
from ungedesk.ui.widgets import HINT_STYLE, MessageLabel, name_table, widths_from_samples


class ProgressionPanel(QWidget):
    # The tab shows what a read delivered (the benchmark and tests wait for it).
    screen_shown = Signal()

    def __init__(
        self,
        store: Store,
        youth_id: int,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._youth_id = youth_id
        self._today = today
        self.state: ProgressionScreen | None = None
        # The read running now, if any: Ctrl+M while it runs opens the dialog from its
        # success instead of reading a second time (every read is logged).
        self._reading: Operation[ProgressionScreen] | None = None
        self.dialog: MeasurementDialog | IndicatorChoiceDialog | None = None

        # Left: the indicators and the measurements.
        self.indicators = IndicatorsModel(self)
        self.indicator_table = self._table(self.indicators)
        name_table(
            self.indicator_table,
            self.tr("Indicators"),
            self.tr("The latest score per indicator, the caseworker's and the young person's own."),
        )
        header = self.indicator_table.horizontalHeader()
        widths_from_samples(self.indicator_table, ((1, "Sagsb."), (2, "Egen")))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Room for the longest name with both marks, "Helbred (!) (følsomt emne)", uncut.
        self.indicator_table.setMinimumWidth(
            self.indicator_table.fontMetrics().horizontalAdvance(
                self.tr("Health (!) (sensitive topic)")
            )
            + sum(self.indicator_table.columnWidth(c) for c in (1, 2))
            + 40
        )
        self.measurements = MeasurementsModel(self)
        self.measurement_table = self._table(self.measurements)
        name_table(
            self.measurement_table,
            self.tr("Measurements"),
            self.tr("Each measurement of the progression, newest first."),
        )
        # Widths from sample text, not from the contents: sizing to contents reads every
        # cell of every row on each reload.
        widths_from_samples(
            self.measurement_table, ((0, "24. sep. 2026 (rettet)"), (1, "Fællessamtale"))
        )
        self.measurement_table.horizontalHeader().setStretchLastSection(True)

        self.choose_button = QPushButton(self.tr("C&hoose indicators…"))
        self.new_button = QPushButton(self.tr("&New measurement…"))
        self.new_button.setToolTip(self.tr("Ctrl+M"))
        self.correct_button = QPushButton(self.tr("Co&rrect measurement…"))
        self.empty = QLabel(
            self.tr(
                "No indicators are chosen for this young person yet. Choose the ones that "
                'apply (up to nine) with "Choose indicators"; then record the first '
                "measurement at a conversation."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(HINT_STYLE)
        # At the top, where the list would be, as on the other tabs.
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.no_measurements = QLabel(
            self.tr('No measurements yet. Record the first one with "New measurement" (Ctrl+M).')
        )
        self.no_measurements.setWordWrap(True)
        self.no_measurements.setStyleSheet(HINT_STYLE)
        self.sensitive_note = QLabel(
            self.tr(
                "Health, substance use and finances are sensitive data: shown only here, "
                "and every look is logged."
            )
        )
        self.sensitive_note.setWordWrap(True)
        self.sensitive_note.setStyleSheet(HINT_STYLE)
        self.error = MessageLabel()

        # Each list with its own buttons above it: one long row of buttons made the left
        # side, and so the whole tab, wider than the record pane often is.
        indicator_bar = QHBoxLayout()
        indicator_bar.addWidget(self._caption(self.tr("Indicators")))
        indicator_bar.addStretch(1)
        indicator_bar.addWidget(self.choose_button)
        self.measurement_box = QWidget()
        measurement_bar = QHBoxLayout(self.measurement_box)
        measurement_bar.setContentsMargins(0, 0, 0, 0)
        measurement_bar.addWidget(self._caption(self.tr("Measurements")))
        measurement_bar.addStretch(1)
        measurement_bar.addWidget(self.new_button)
        measurement_bar.addWidget(self.correct_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(indicator_bar)
        left_layout.addWidget(self.empty, 3)
        left_layout.addWidget(self.indicator_table, 3)
        left_layout.addWidget(self.sensitive_note)
        left_layout.addSpacing(6)
        left_layout.addWidget(self.measurement_box)
        left_layout.addWidget(self.no_measurements)
        left_layout.addWidget(self.measurement_table, 2)
        left_layout.addWidget(self.error)

        # Right: the charts with their toggles.
        self.view_caseworker = QRadioButton(self.tr("Caseworker"))
        self.view_youth = QRadioButton(self.tr("Young person"))
        self.view_both = QRadioButton(self.tr("Both"))
        self.view_both.setChecked(True)
        self.view_group = QButtonGroup(self)
        for button in (self.view_caseworker, self.view_youth, self.view_both):
            self.view_group.addButton(button)
        self.show_first = QCheckBox(self.tr("First"))
        self.show_previous = QCheckBox(self.tr("Previous"))
        self.show_latest = QCheckBox(self.tr("Latest"))
        self.show_first.setChecked(True)
        self.show_latest.setChecked(True)
        # Two short rows rather than one long one: the charts' side can then be narrow.
        toggles = QGridLayout()
        toggles.setHorizontalSpacing(10)
        toggles.setVerticalSpacing(0)
        toggles.addWidget(QLabel(self.tr("Scores:")), 0, 0)
        for column, button in enumerate(
            (self.view_caseworker, self.view_youth, self.view_both), start=1
        ):
            toggles.addWidget(button, 0, column)
        toggles.addWidget(QLabel(self.tr("Readings:")), 1, 0)
        for column, box in enumerate(
            (self.show_first, self.show_previous, self.show_latest), start=1
        ):
            toggles.addWidget(box, 1, column)
        toggles.setColumnStretch(4, 1)
        self.spider = SpiderChart()
        self.timeline = TimelineChart()
        spider_box = QWidget()
        spider_layout = QVBoxLayout(spider_box)
        spider_layout.setContentsMargins(0, 0, 0, 0)
        spider_layout.addLayout(toggles)
        spider_layout.addWidget(self.spider, 1)
        self.charts = QSplitter(Qt.Orientation.Vertical)
        self.charts.addWidget(spider_box)
        self.charts.addWidget(self.timeline)
        self.charts.setStretchFactor(0, 2)
        self.charts.setStretchFactor(1, 1)
        self.charts.setChildrenCollapsible(False)

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(left)
        self.split.addWidget(self.charts)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setChildrenCollapsible(False)
        # The left column just wide enough for the indicators' scores and notes; the chart
        # takes the rest and grows with the window.
        self.split.setSizes([360, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(self.split, 1)

        self.choose_button.clicked.connect(self.choose_indicators)
        self.new_button.clicked.connect(self.new_measurement)
        self.correct_button.clicked.connect(self.correct_measurement)
        self.measurement_table.doubleClicked.connect(self._measurement_activated)
        self.view_group.buttonToggled.connect(self._view_toggled)
        for box, kind in (
            (self.show_first, ReadingKind.FIRST),
            (self.show_previous, ReadingKind.PREVIOUS),
            (self.show_latest, ReadingKind.LATEST),
        ):
            box.toggled.connect(partial(self.spider.set_shown, kind))
        self.indicator_table.selectionModel().selectionChanged.connect(self._indicator_selected)
        self.measurement_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        # Read when first shown, not when the record opens: the read is logged, and as
        # sensitive data when health, substance use or finances is chosen, so it should
        # happen only when somebody looks. False also after a change made the shown data
        # stale: the next showing reads again.
        self.requested = False
        changes.bus().changed.connect(self._store_changed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.requested:
            self.reload()

    def _table(self, model: QAbstractItemModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        return table

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold;")
        return label

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> Operation[ProgressionScreen]:
        self.requested = True
        self._reading = (
            Operation(self, progression.screen, self._store, self._youth_id)
            .latest("screen")
            .success(self.show_screen)
            .failure(self._read_failed)
            .run()
        )
        return self._reading

    def _store_changed(self, change: Change) -> None:
        if not change.touches(Aspect.PROGRESSION, Aspect.CONVERSATIONS):
            return
        if not change.about(self._youth_id) or not self.requested or not is_wanted(self):
            return
        self.requested = False
        self._reading = None  # a read still running may predate the change
        self.error.show_message(None)
        if self.isVisible():
            self.reload()

    def show_screen(self, screen: ProgressionScreen) -> None:
        """Fill the tab from what the worker read (public for the benchmark)."""
        self._reading = None
        keep = self.selected_indicator()
        self.state = screen
        p = screen.progression
        self.indicators.replace_rows(indicator_rows(p))
        self.measurements.set_measurements(
            list(reversed(p.measurements)), {c.id: c for c in screen.conversations}
        )
        chosen = bool(p.chosen)
        self.empty.setVisible(not chosen)
        self.indicator_table.setVisible(chosen)
        # Empty charts say nothing: without indicators the explanation is the whole tab.
        self.charts.setVisible(chosen)
        self.measurement_box.setVisible(chosen or bool(p.measurements))
        self.sensitive_note.setVisible(any(i in SENSITIVE for i in p.chosen))
        self.no_measurements.setVisible(chosen and not p.measurements)
        self.measurement_table.setVisible(bool(p.measurements))
        latest = p.latest()
        marked = (
            frozenset(s.indicator for s in latest.scores if s.talk_about) if latest else frozenset()
        )
        axes = list(p.chosen)
        if latest is not None:
            # A dropped indicator the latest reading still scored keeps its axis.
            axes += [s.indicator for s in latest.scores if s.indicator not in axes]
            axes.sort(key=list(Indicator).index)
        self.spider.set_data(axes, readings(p), marked=marked)
        # The timeline starts on the first indicator that is not sensitive: health and
        # substance use are shown when asked for, not by default.
        row = next((n for n, r in enumerate(self.indicators.rows) if not r.sensitive), 0)
        for number, r in enumerate(self.indicators.rows):
            if r.indicator == keep:
                row = number
        if self.indicators.rows:
            self.indicator_table.selectRow(row)
        else:
            self.timeline.set_data(None, [])
        if self.measurements.rows and self.selected_measurement() is None:
            self.measurement_table.selectRow(0)  # the latest, the one usually corrected
        self._update_buttons()
        self.screen_shown.emit()

    def _show_then_new(self, screen: ProgressionScreen) -> None:
        self.show_screen(screen)
        self.new_measurement()

    def _read_failed(self, error: KnownError) -> None:
        self._reading = None
        self.show_known_error(error)

    def show_known_error(self, error: KnownError) -> None:
        """The tab's message area (operations of the tab report known errors here)."""
        self.error.show_message(error.message)
        self._update_buttons()

    # --- selection -----------------------------------------------------------------------

    def selected_indicator(self) -> Indicator | None:
        rows = self.indicator_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.indicators.rows[rows[0].row()].indicator

    def selected_measurement(self) -> MeasurementView | None:
        rows = self.measurement_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.measurements.rows[rows[0].row()]

    def _indicator_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        indicator = self.selected_indicator()
        if indicator is None or self.state is None:
            return
        points = [
            TimelinePoint(day, caseworker, youth)
            for day, caseworker, youth in self.state.progression.series(indicator)
        ]
        self.timeline.set_data(indicator, points)

    def _view_toggled(self) -> None:
        if self.view_caseworker.isChecked():
            self.spider.set_view(View.CASEWORKER)
        elif self.view_youth.isChecked():
            self.spider.set_view(View.YOUTH)
        else:
            self.spider.set_view(View.BOTH)

    def _update_buttons(self) -> None:
        ready = self.state is not None
        chosen = ready and self.state is not None and bool(self.state.progression.chosen)
        self.choose_button.setEnabled(ready)
        self.new_button.setEnabled(chosen)
        self.correct_button.setEnabled(self.selected_measurement() is not None)

    # --- actions -------------------------------------------------------------------------

    def choose_indicators(self) -> None:
        if self.state is None:
            return
        dialog = IndicatorChoiceDialog(
            self._store, self._youth_id, self.state.progression, self._today, parent=self
        )
        self._open(dialog)

    def new_measurement(self) -> None:
        if self.state is None or not self.requested or self._reading is not None:
            # Ctrl+M before the tab's data is read, or while it is read again: open the
            # dialog when the data is there, from the read already running if there is one.
            reading = self._reading if self._reading is not None else self.reload()
            reading.success(self._show_then_new)
            return
        p = self.state.progression
        if not p.chosen:
            self.choose_indicators()
            return
        dialog = MeasurementDialog(
            self._store,
            self._youth_id,
            p.chosen,
            p.descriptors,
            self.state.conversations,
            self._today,
            parent=self,
        )
        self._open(dialog)

    def correct_measurement(self) -> None:
        m = self.selected_measurement()
        if m is None or self.state is None:
            return
        self.correct_button.setEnabled(False)
        Operation(self, progression.corrections, self._store, m.id).success(
            partial(self._open_correction, m)
        ).run()

    def _measurement_activated(self, _index: QModelIndex) -> None:
        self.correct_measurement()

    def _open_correction(self, m: MeasurementView, earlier: list[CorrectionView]) -> None:
        self._update_buttons()
        if self.state is None:
            return
        p = self.state.progression
        dialog = MeasurementDialog(
            self._store,
            self._youth_id,
            p.chosen,
            p.descriptors,
            self.state.conversations,
            self._today,
            current=m,
            earlier=earlier,
            parent=self,
        )
        self._open(dialog)

    def _open(self, dialog: MeasurementDialog | IndicatorChoiceDialog) -> None:
        # What the dialog saves comes back through the change bus (_store_changed).
        self.dialog = dialog
        dialog.open()
