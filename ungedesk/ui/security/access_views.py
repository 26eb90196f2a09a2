"""Who saw what: the caseworker's own access and one young person's access history.

Both are tables over audit events (model/view, newest first). Times are shown local and
Danish: "24. nov. 2026 kl. 14.03".
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.services.audit import AuditView
from ungedesk.ui.i18n import format_day
from ungedesk.ui.rows_model import RowsModel
from ungedesk.ui.widgets import HINT_STYLE, name_table, widths_from_samples

Index = QModelIndex | QPersistentModelIndex


class AuditColumn(IntEnum):
    TIME = 0
    ACTION = 1
    CASE_NUMBER = 2
    ACTOR = 3
    PURPOSE = 4
    DETAIL = 5


def format_moment(event: AuditView) -> str:
    local = event.at.astimezone()
    return f"{format_day(local.date())} kl. {local:%H.%M}"


class AuditModel(RowsModel[AuditView]):
    """Audit events as rows; read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded = False

    def set_events(self, events: list[AuditView]) -> None:
        self.loaded = True
        self.replace_rows(events)

    def audit_event(self, row: int) -> AuditView:
        return self.rows[row]

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Time"),
            self.tr("Action"),
            self.tr("Case no."),
            self.tr("By"),
            self.tr("Purpose"),
            self.tr("Details"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        e = self.rows[index.row()]
        column = AuditColumn(index.column())
        if column is AuditColumn.TIME:
            return format_moment(e)
        if column is AuditColumn.ACTION:
            return e.action_label
        if column is AuditColumn.CASE_NUMBER:
            return e.subject
        if column is AuditColumn.ACTOR:
            return e.actor
        if column is AuditColumn.PURPOSE:
            return e.purpose
        return e.detail


class AuditDialog(QDialog):
    """A table of audit events with a title line and an empty state; Esc closes."""

    def __init__(
        self, parent: QWidget | None = None, *, hidden: tuple[AuditColumn, ...] = ()
    ) -> None:
        super().__init__(parent)
        self.resize(900, 520)
        self.model = AuditModel(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.count = QLabel()
        self.count.setStyleSheet(HINT_STYLE)
        self.table = QTableView()
        self.table.setModel(self.model)
        name_table(
            self.table,
            self.tr("Access log"),
            self.tr("Who read or changed what, and when."),
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths_from_samples(
            self.table,
            (
                (AuditColumn.TIME, "30. sep. 2026 kl. 23.59"),
                (AuditColumn.ACTION, "CPR-nummer vist"),
                (AuditColumn.CASE_NUMBER, "U-0000-00000"),
                (AuditColumn.ACTOR, "Anne Bjerregaard (ABJ)"),
                (AuditColumn.PURPOSE, "Indsigtsanmodning fra borger"),
            ),
            padding=24,
        )
        for column in hidden:
            self.table.setColumnHidden(column, True)
        self.empty = QLabel(self.tr("Loading …"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(HINT_STYLE)
        self.empty_text = ""
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.count)
        layout.addWidget(self.stack, 1)
        layout.addWidget(buttons)

    def set_events(self, events: list[AuditView]) -> None:
        self.model.set_events(events)
        if events:
            self.count.setText(
                self.tr("{count} events, newest first", "", len(events)).format(count=len(events))
            )
            self.stack.setCurrentWidget(self.table)
            self.table.setFocus()
            self.table.selectRow(0)
        else:
            self.count.setText("")
            self.empty.setText(self.empty_text)
            self.stack.setCurrentWidget(self.empty)


class MyAccessDialog(AuditDialog):
    """The caseworker's own recent access (audit.recent_for_actor)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, hidden=(AuditColumn.ACTOR,))
        self.setWindowTitle(self.tr("My access"))
        self.intro.setText(
            self.tr(
                "What you have read, searched, changed, printed and exported (up to the 500 "
                "latest). Older events are deleted after the retention period in Settings."
            )
        )
        self.empty_text = self.tr("You have no logged access yet.")


class YouthHistoryDialog(AuditDialog):
    """Every logged access to one young person (audit.events_for_youth)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Access history – {name}").format(name=name))
        self.intro.setText(
            self.tr(
                "Everyone who has seen or changed this young person's data on this computer, "
                "and why. The young person has the right to see this."
            )
        )
        self.empty_text = self.tr("No access is logged for this young person.")
