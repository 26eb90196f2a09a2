"""The caseworker's view of progression over a caseload: average movement per indicator
for a period, a target group and optionally only their own young people. Aggregates only:
no names, no single young person's scores."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from babel.numbers import format_decimal
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import InputError, KnownError
from ungedesk.services import progression, target_groups
from ungedesk.services.progression import MovementRow
from ungedesk.store.database import Store
from ungedesk.ui import changes
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.dates import date_field, pydate
from ungedesk.ui.i18n import LOCALE
from ungedesk.ui.operations import Operation
from ungedesk.ui.rows_model import RowsModel
from ungedesk.ui.widgets import (
    HINT_STYLE,
    BusyBar,
    FittingDialog,
    MessageLabel,
    add_row,
    name_table,
)

_Index = QModelIndex | QPersistentModelIndex


def format_movement(value: float | None) -> str:
    """'+1,5', '-0,3', '0,0'; '–' when nobody has two scores."""
    if value is None:
        return "–"
    text = format_decimal(abs(value), format="0.0", locale=LOCALE)
    if round(value, 1) > 0:
        return f"+{text}"
    if round(value, 1) < 0:
        return f"-{text}"
    return text


class MovementModel(RowsModel[MovementRow]):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Indicator"),
            self.tr("Young people"),
            self.tr("Movement, caseworker's score"),
            self.tr("Movement, own score"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.label
            if column == 1:
                return str(row.youths)
            if column == 2:
                return format_movement(row.caseworker_average)
            return format_movement(row.youth_average)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class CaseloadProgressionDialog(FittingDialog):
    # The figures for the chosen filter are on screen, or the filter was refused.
    figures_shown = Signal()
    figures_refused = Signal()

    def __init__(
        self, store: Store, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.setWindowTitle(self.tr("Progression over the caseload"))
        self.setMinimumWidth(760)
        now = today()
        self.start = date_field(date(now.year, 1, 1), latest=now)
        self.end = date_field(now, latest=now)
        self.target_group = QComboBox()
        self.target_group.addItem(self.tr("All target groups"), "")
        # Every code with its current label (the filter spans dates; the data is a small
        # shipped file, read once per process).
        for code, label in target_groups.all_codes():
            self.target_group.addItem(label, code)
        self.only_mine = QCheckBox(self.tr("Only &my young people"))
        self.only_mine.setChecked(True)
        self.field_errors = {"start": MessageLabel(), "end": MessageLabel()}
        form = QFormLayout()
        add_row(form, self.tr("&From"), self.start, self.field_errors["start"])
        add_row(form, self.tr("&To"), self.end, self.field_errors["end"])
        add_row(form, self.tr("Target &group"), self.target_group)
        form.addRow(self.only_mine)

        self.model = MovementModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        name_table(
            self.table,
            self.tr("Progression in the caseload"),
            self.tr("How the scores of the caseload moved per indicator."),
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        rows = 9
        self.table.setMinimumHeight(
            self.table.verticalHeader().defaultSectionSize() * (rows + 1) + 6
        )
        self.definition = QLabel(
            self.tr(
                "Movement is the latest score minus the first score in the period, for each "
                "young person with two or more scores on the indicator in the period; the "
                "figure is the average over those young people. A positive figure is "
                "progress. The target group is the one each young person had on the last "
                "day of the period. Caseworker's score and the young person's own score are "
                "counted separately."
            )
        )
        self.definition.setWordWrap(True)
        self.definition.setStyleSheet(HINT_STYLE)
        self.error = MessageLabel()
        self.busy = BusyBar()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(self.definition)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)

        self.start.dateChanged.connect(self.refresh)
        self.end.dateChanged.connect(self.refresh)
        self.target_group.currentIndexChanged.connect(self.refresh)
        self.only_mine.toggled.connect(self.refresh)
        # New or corrected scores anywhere move the averages.
        changes.bus().changed.connect(self._store_changed)
        self.refresh()

    def _store_changed(self, change: Change) -> None:
        if change.touches(Aspect.PROGRESSION):
            self.refresh()

    def refresh(self) -> None:
        self.busy.show()
        code = self.target_group.currentData()
        Operation(
            self,
            progression.caseload_movement,
            self._store,
            start=pydate(self.start),
            end=pydate(self.end),
            target_group=str(code) if code else None,
            only_mine=self.only_mine.isChecked(),
        ).latest("movement").success(self._loaded).failure(self._refused).run()

    def _loaded(self, rows: list[MovementRow]) -> None:
        self.busy.hide()
        for label in self.field_errors.values():
            label.show_message(None)
        self.error.show_message(None)
        self.model.replace_rows(rows)
        self.figures_shown.emit()

    def _refused(self, error: KnownError) -> None:
        self.busy.hide()
        if isinstance(error, InputError):
            for field, message in error.fields.items():
                label = self.field_errors.get(field)
                if label is not None:
                    label.show_message(message)
                else:
                    self.error.show_message(message)
            self.model.replace_rows([])
        else:
            self.error.show_message(error.message)
        self.figures_refused.emit()
