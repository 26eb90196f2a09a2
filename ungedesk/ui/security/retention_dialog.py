"""Closed cases past their retention period: tick the ones to delete, confirm, delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from ungedesk.services import retention
from ungedesk.services.retention import ExpiredCase
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.i18n import format_day
from ungedesk.ui.rows_model import RowsModel
from ungedesk.ui.widgets import HINT_STYLE, name_table
from ungedesk.ui.work_dialog import WorkDialog

Index = QModelIndex | QPersistentModelIndex


class ExpiredColumn(IntEnum):
    CASE_NUMBER = 0
    CLOSED_ON = 1
    EXIT = 2


class ExpiredModel(RowsModel[ExpiredCase]):
    """Expired cases with a tick box in the first column (all ticked at first)."""

    checked_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checked: set[int] = set()

    def set_cases(self, cases: list[ExpiredCase]) -> None:
        self._checked = {c.youth_id for c in cases}
        self.replace_rows(cases)
        self.checked_changed.emit()

    def checked_ids(self) -> list[int]:
        return [c.youth_id for c in self.rows if c.youth_id in self._checked]

    def set_all(self, checked: bool) -> None:
        self._checked = {c.youth_id for c in self.rows} if checked else set()
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self.rows) - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.checked_changed.emit()

    def toggle(self, row: int) -> None:
        index = self.index(row, ExpiredColumn.CASE_NUMBER)
        state = self.data(index, Qt.ItemDataRole.CheckStateRole)
        new = Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else Qt.CheckState.Checked
        self.setData(index, new, Qt.ItemDataRole.CheckStateRole)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Case no."), self.tr("Closed"), self.tr("Went to"))

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ExpiredColumn.CASE_NUMBER:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        case = self.rows[index.row()]
        column = ExpiredColumn(index.column())
        if role == Qt.ItemDataRole.CheckStateRole and column is ExpiredColumn.CASE_NUMBER:
            return (
                Qt.CheckState.Checked if case.youth_id in self._checked else Qt.CheckState.Unchecked
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is ExpiredColumn.CASE_NUMBER:
            return case.case_number
        if column is ExpiredColumn.CLOSED_ON:
            return format_day(case.closed_on)
        return case.exit_label

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != ExpiredColumn.CASE_NUMBER:
            return False
        youth_id = self.rows[index.row()].youth_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(youth_id)
        else:
            self._checked.discard(youth_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True


class ExpiredCasesDialog(WorkDialog):
    """Lists retention.expired_cases; deletes the ticked ones after a confirmation."""

    deleted = Signal(list)  # youth ids

    def __init__(
        self,
        store: Store,
        today: Callable[[], date] = date.today,
        confirm: Callable[[int], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Delete ticked…"), parent)
        self._store = store
        self._today = today
        self._confirm = confirm or self.confirm_deletion
        self.setWindowTitle(self.tr("Cases to delete"))
        self.resize(640, 460)
        self.intro = QLabel(
            self.tr(
                "Closed cases whose retention period has run out. Tick the cases to delete "
                "(Space ticks or unticks the selected row). Deleted data cannot be recovered, "
                "except from an older backup."
            )
        )
        self.intro.setWordWrap(True)
        self.model = ExpiredModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        name_table(
            self.table,
            self.tr("Cases due for deletion"),
            self.tr("Closed cases kept longer than the retention period."),
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = QLabel(self.tr("Loading …"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(HINT_STYLE)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        # Room for several rows: the dialog fits its height to its contents.
        self.stack.setMinimumHeight(self.table.fontMetrics().height() * 14)
        self.select_all = QPushButton(self.tr("Tick &all"))
        self.select_none = QPushButton(self.tr("Tick &none"))
        for button in (self.select_all, self.select_none):
            button.setAutoDefault(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ResetRole)
        self.body.addWidget(self.intro)
        self.body.addWidget(self.stack, 1)
        self.select_all.clicked.connect(self._tick_all)
        self.select_none.clicked.connect(self._tick_none)
        self.model.checked_changed.connect(self._update_button)
        self.ok_button.setEnabled(False)
        self.load()

    def confirm_deletion(self, count: int) -> bool:
        """Ask once more, with the count, defaulting to No."""
        answer = QMessageBox.question(
            self,
            self.tr("Delete cases"),
            self.tr(
                "Delete {count} cases permanently? All data about these young people is "
                "removed from this computer. The access log keeps only that a case was deleted.",
                "",
                count,
            ).format(count=count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _tick_all(self) -> None:
        self.model.set_all(True)

    def _tick_none(self) -> None:
        self.model.set_all(False)

    def load(self) -> None:
        self.operation(retention.expired_cases, self._store, today=self._today()).success(
            self._loaded
        ).run()

    def _loaded(self, cases: list[ExpiredCase]) -> None:
        self.set_busy(False)
        self.model.set_cases(cases)
        if cases:
            self.stack.setCurrentWidget(self.table)
            self.table.setFocus()
            self.table.selectRow(0)
        else:
            self.empty.setText(
                self.tr("No closed case has passed its retention period. Nothing to delete.")
            )
            self.stack.setCurrentWidget(self.empty)
        self._update_button()

    def _update_button(self) -> None:
        count = len(self.model.checked_ids())
        self.ok_button.setEnabled(count > 0 and not self.working)
        self.ok_button.setText(self.tr("&Delete {count} ticked…", "", count).format(count=count))

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        if not busy:
            self._update_button()

    def accept_work(self) -> None:
        ids = self.model.checked_ids()
        if not ids or not self._confirm(len(ids)):
            return
        self.operation(retention.delete_expired, self._store, ids, today=self._today()).changes(
            Change.of(Aspect.YOUTH, Aspect.DEADLINES)
        ).success(self._done).run()

    def _done(self, _: int) -> None:
        self.set_busy(False)
        ids = self.model.checked_ids()
        self.deleted.emit(ids)
        self.load()
