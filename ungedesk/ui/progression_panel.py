"""The record's "Progression" tab: the chosen indicators with the latest scores, a spider
chart of first, previous and latest readings, a timeline of the selected indicator, and the
measurements, with "New measurement" (Ctrl+M) and "Correct measurement".

Health and substance use (special-category data) and finances (confidential private matters)
are shown here and nowhere else in the app, marked as sensitive, and the service logs every
read of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent
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
from ungedesk.domain.progression import (
    INDICATOR_LABELS,
    INDICATOR_SHORT,
    SENSITIVE,
    STAGE_LABELS,
    Indicator,
    stage_of,
    talk_about,
)
from ungedesk.services import conversations, progression
from ungedesk.services.conversations import ConversationView
from ungedesk.services.progression import CorrectionView, MeasurementView, Progression
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.dates import format_when
from ungedesk.ui.i18n import format_day
from ungedesk.ui.indicator_choice_dialog import IndicatorChoiceDialog
from ungedesk.ui.measurement_dialog import MeasurementDialog
from ungedesk.ui.progression_chart import (
    Reading,
    ReadingKind,
    SpiderChart,
    TimelineChart,
    TimelinePoint,
    View,
)
from ungedesk.ui.rows_model import RowsModel
from ungedesk.ui.widgets import HINT_STYLE, MessageLabel, widths_from_samples

_Index = QModelIndex | QPersistentModelIndex
# Formatting a Danish date through babel costs ~75 µs; a record repeats the same few.
_format_day = lru_cache(maxsize=2048)(format_day)
WARNING_COLOUR = QColor("#8a5300")


@dataclass(frozen=True, slots=True)
class ProgressionScreen:
    """What the tab shows, read on the worker in one go."""

    progression: Progression
    conversations: tuple[ConversationView, ...]


def load_screen(store: Store, youth_id: int) -> ProgressionScreen:
    return ProgressionScreen(
        progression.get_progression(store, youth_id),
        tuple(conversations.for_youth(store, youth_id)),
    )


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    indicator: Indicator
    caseworker: int | None
    youth: int | None
    measured_on: date | None

    @property
    def talk_about(self) -> bool:
        return talk_about(self.caseworker, self.youth)

    @property
    def sensitive(self) -> bool:
        return self.indicator in SENSITIVE


def indicator_rows(p: Progression) -> list[IndicatorRow]:
    """The chosen indicators with the latest measurement that scored each."""
    rows = []
    for indicator in p.chosen:
        series = p.series(indicator)
        if series:
            day, caseworker, youth = series[-1]
            rows.append(IndicatorRow(indicator, caseworker, youth, day))
        else:
            rows.append(IndicatorRow(indicator, None, None, None))
    return rows


def readings(p: Progression) -> list[Reading]:
    """First, previous and latest measurement as chart readings (fewer when there are
    fewer measurements: a single one is both first and latest, drawn as latest)."""
    picked: list[tuple[ReadingKind, MeasurementView | None]] = [
        (ReadingKind.FIRST, p.first() if len(p.measurements) >= 2 else None),
        (ReadingKind.PREVIOUS, p.previous() if len(p.measurements) >= 3 else None),
        (ReadingKind.LATEST, p.latest()),
    ]
    out = []
    for kind, m in picked:
        if m is None:
            continue
        out.append(
            Reading(
                kind,
                m.measured_on,
                {s.indicator: s.caseworker_score for s in m.scores},
                {s.indicator: s.youth_score for s in m.scores},
            )
        )
    return out


def _initials(who: str) -> str:
    """ "Anne Bjerregaard (ABJ)" as "ABJ": the full name is in the tooltip."""
    if who.endswith(")") and "(" in who:
        return who[who.rindex("(") + 1 : -1]
    return who


def _score_text(score: int | None) -> str:
    return "–" if score is None else str(score)


class IndicatorsModel(RowsModel[IndicatorRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Qt asks for the column count on every cell: translate the titles once.
        # Four narrow columns, so the scores stay in view beside the chart in a record
        # pane of ~700 px; the stage's name is in the score's tooltip.
        self._headers = (self.tr("Indicator"), self.tr("Cw."), self.tr("Own"))

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {
                1: self.tr("The caseworker's latest score (1-10)"),
                2: self.tr("The young person's own latest score (1-10)"),
            }.get(section)
        return super().headerData(section, orientation, role)

    def note(self, row: IndicatorRow) -> str:
        """Marks after the indicator's name: "(!)" as on the chart's axis, and "følsom"."""
        parts = []
        if row.talk_about:
            parts.append("(!)")
        if row.sensitive:
            parts.append(self.tr("sensitive"))
        return " ".join(parts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                note = self.note(row)
                name = INDICATOR_SHORT[row.indicator]
                return f"{name} {note}" if note else name
            if column == 1:
                return _score_text(row.caseworker)
            return _score_text(row.youth)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and self.note(row):
            return QBrush(WARNING_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                notes = [INDICATOR_LABELS[row.indicator] + "."]
                if row.talk_about:
                    notes.append(
                        self.tr("The caseworker and the young person differ by 3 or more.")
                    )
                if row.sensitive:
                    notes.append(self.tr("Sensitive data (GDPR art. 9): shown only here."))
                return " ".join(notes)
            if row.measured_on is None:
                return self.tr("Not scored yet")
            latest = self.tr("Latest score {day}").format(day=format_day(row.measured_on))
            score = {1: row.caseworker, 2: row.youth}.get(column)
            if score is None:
                return latest
            stage = stage_of(score)
            return self.tr("{latest}. Stage {stage}: {label}").format(
                latest=latest, stage=stage, label=STAGE_LABELS[stage - 1]
            )
        return None


class MeasurementsModel(RowsModel[MeasurementView]):
    """Newest first: the one to correct is usually the latest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conversations: dict[int, ConversationView] = {}
        self._headers = (self.tr("Date"), self.tr("Conversation"), self.tr("Recorded by"))
        self._texts: list[tuple[str, str, str]] = []

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def set_measurements(
        self, rows: list[MeasurementView], conversations: dict[int, ConversationView]
    ) -> None:
        """The rows and their cell texts, formatted once: a Danish date through babel
        costs ~75 µs, and Qt asks again at every repaint."""
        self.conversations = conversations
        self._texts = [self._row_texts(m) for m in rows]
        self.replace_rows(rows)

    def _row_texts(self, m: MeasurementView) -> tuple[str, str, str]:
        day = _format_day(m.measured_on)
        when = self.tr("{day} (corrected)").format(day=day) if m.corrected else day
        c = self.conversations.get(m.conversation_id or 0)
        if c is None:
            conversation = self.tr("None")
        elif c.starts_at.date() == m.measured_on:  # the usual case: say the date once
            conversation = c.kind_label
        else:
            conversation = f"{c.kind_label}, {_format_day(c.starts_at.date())}"
        return when, conversation, _initials(m.recorded_by)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        m = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                c = self.conversations.get(m.conversation_id or 0)
                return format_when(c.starts_at) if c is not None else None
            if column == 2:
                return m.recorded_by
            talk = [INDICATOR_LABELS[s.indicator] for s in m.scores if s.talk_about]
            if talk:
                return self.tr("Talk about: {indicators}").format(indicators=", ".join(talk))
        return None


class ProgressionPanel(QWidget):
    changed = Signal()

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
        self.loaded = False
        self.loads = 0
        self.dialog: MeasurementDialog | IndicatorChoiceDialog | None = None

        # Left: the indicators and the measurements.
        self.indicators = IndicatorsModel(self)
        self.indicator_table = self._table(self.indicators)
        header = self.indicator_table.horizontalHeader()
        widths_from_samples(self.indicator_table, ((1, "Sagsb."), (2, "Egen")))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.measurements = MeasurementsModel(self)
        self.measurement_table = self._table(self.measurements)
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
        self.measurement_table.doubleClicked.connect(lambda _i: self.correct_measurement())
        self.view_group.buttonToggled.connect(self._view_toggled)
        for box, kind in (
            (self.show_first, ReadingKind.FIRST),
            (self.show_previous, ReadingKind.PREVIOUS),
            (self.show_latest, ReadingKind.LATEST),
        ):
            box.toggled.connect(lambda on, k=kind: self.spider.set_shown(k, on))
        self.indicator_table.selectionModel().selectionChanged.connect(self._indicator_selected)
        self.measurement_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        # Read when first shown, not when the record opens: the read is logged, and as
        # sensitive data when health, substance use or finances is chosen, so it should
        # happen only when somebody looks.
        self.requested = False
        self._new_when_loaded = False

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

    def reload(self) -> None:
        self.requested = True
        tasks.run_task(
            load_screen,
            self._store,
            self._youth_id,
            on_done=self.show_screen,
            on_error=self._failed,
        )

    def show_screen(self, screen: ProgressionScreen) -> None:
        """Fill the tab from what the worker read (public for the benchmark)."""
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
        self.loaded = True
        self.loads += 1
        self._update_buttons()
        if self._new_when_loaded:
            self._new_when_loaded = False
            self.new_measurement()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self.error.show_message(exc.message)
            return
        raise exc

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
        if self.state is None:
            # Ctrl+M before the tab was ever shown: open once the data is there.
            self._new_when_loaded = True
            if not self.requested:
                self.reload()
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
        tasks.run_task(
            progression.corrections,
            self._store,
            m.id,
            on_done=lambda earlier: self._open_correction(m, earlier),
            on_error=self._failed,
        )

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
        dialog.accepted.connect(self._after_change)
        self.dialog = dialog
        dialog.open()

    def _after_change(self) -> None:
        self.error.show_message(None)
        self.changed.emit()
        self.reload()
