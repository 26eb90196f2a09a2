"""Table models of the list's preview and of the meeting's review.

Both hold every row of a month's list in memory (a few thousand at most) and make cells
only for the rows the view shows; the review's rows come ordered in the groups the meeting
goes through: those to act on, then the unreachable, then the misplaced.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ungedesk.domain.restgruppe import CONTACT_LABELS, ContactStatus
from ungedesk.services.restgruppe_import import PreviewRow
from ungedesk.services.restgruppe_review import ReviewEntry
from ungedesk.ui.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
WARNING_BRUSH = QBrush(QColor("#8a5300"))
MUTED_BRUSH = QBrush(QColor("#6b6b6b"))


class PreviewModel(RowsModel[PreviewRow]):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Line"),
            self.tr("CPR"),
            self.tr("Name in the file"),
            self.tr("In the register"),
            self.tr("Notes"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(row.line)
            if column == 1:
                return row.masked_cpr
            if column == 2:
                return f"{row.first_name} {row.last_name}".strip()
            if column == 3:
                return row.registered_name if row.youth_id else self.tr("Not registered")
            return " ".join(row.warnings)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and row.warnings:
            return "\n".join(row.warnings)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 4:
                return WARNING_BRUSH
            if column == 3 and row.youth_id is None:
                return MUTED_BRUSH
        return None


def meeting_order(entries: tuple[ReviewEntry, ...]) -> list[ReviewEntry]:
    """Those to act on first, then the unreachable together, then the misplaced."""

    def group(entry: ReviewEntry) -> int:
        if entry.misplaced:
            return 2
        if entry.contact_status is ContactStatus.UNREACHABLE:
            return 1
        return 0

    return sorted(entries, key=group)  # stable: the service's name order within a group


class ReviewModel(RowsModel[ReviewEntry]):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("CPR"),
            self.tr("Group"),
            self.tr("Months in a row"),
            self.tr("Contact"),
            self.tr("Action owner"),
            self.tr("Next step"),
        )

    def group_label(self, entry: ReviewEntry) -> str:
        if entry.misplaced:
            return self.tr("Misplaced")
        if entry.contact_status is ContactStatus.UNREACHABLE:
            return self.tr("Unreachable")
        if entry.repeater:
            return self.tr("Repeater")
        return ""

    def row_of(self, entry_id: int) -> int | None:
        return next((i for i, e in enumerate(self.rows) if e.id == entry_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return entry.name
            if column == 1:
                return entry.masked_cpr
            if column == 2:
                return self.group_label(entry)
            if column == 3:
                return str(entry.streak)
            if column == 4:
                return CONTACT_LABELS[entry.contact_status]
            if column == 5:
                return entry.action_owner
            return entry.next_step
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 6):
            return entry.name if column == 0 else entry.next_step or None
        if role == Qt.ItemDataRole.ForegroundRole and entry.misplaced:
            return MUTED_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and entry.repeater:
            return WARNING_BRUSH
        return None
