"""The "Frister" list: unmet deadlines grouped as due this week, next week and overdue.

One flat table model: a header row per group (spanning the row in the view), then the
group's rows, or one hint row when the group is empty. The overdue group can run into
thousands at "Alle", so it comes last and grows page by page as the view scrolls
(canFetchMore/fetchMore asking the worker for ``overdue_page``); the bounded groups are
complete from the start. Cells are built in ``data`` only for the rows on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ungedesk.domain.rule_text import short_citation
from ungedesk.ui.i18n import format_day, format_number

if TYPE_CHECKING:
    from ungedesk.services.deadlines import Overview, OverviewRow

PAGE_SIZE = 200
YOUTH_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

OVERDUE_COLOUR = QColor("#b00020")
CLOSED_COLOUR = QColor("#8a5300")
HINT_COLOUR = QColor("#555555")


class Column(IntEnum):
    # What the caseworker reads first on the left: when, who, which rule and why.
    DUE = 0
    NAME = 1
    RULE = 2
    SOURCE = 3
    STATUS = 4
    CASE_NUMBER = 5
    CASEWORKER = 6


class Group(IntEnum):
    THIS_WEEK = 0
    NEXT_WEEK = 1
    OVERDUE = 2


class Kind(IntEnum):
    HEADER = 0
    EMPTY = 1
    ROW = 2


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: Kind
    group: Group
    row: OverviewRow | None = None


def iso_week(day: date) -> int:
    return day.isocalendar().week


class DeadlineOverviewModel(QAbstractTableModel):
    """Deadlines grouped for the caseworker; ``fetch_requested(offset)`` asks the owner for
    the next page of overdue rows, which it hands back through ``add_overdue``."""

    fetch_requested = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[_Entry] = []
        self._overview: Overview | None = None
        self._today = date.today()
        self._overdue_total = 0
        self._overdue_loaded = 0
        self._fetching = False
        self._loaded = False

    # --- state -------------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def today(self) -> date:
        return self._today

    @property
    def overdue_total(self) -> int:
        return self._overdue_total

    @property
    def overdue_loaded(self) -> int:
        return self._overdue_loaded

    @property
    def overview(self) -> Overview | None:
        """The overview on screen (pages of overdue rows belong to it)."""
        return self._overview

    def set_overview(self, overview: Overview, today: date) -> None:
        self.beginResetModel()
        self._overview = overview
        self._today = today
        self._overdue_total = overview.overdue_total
        self._overdue_loaded = len(overview.overdue)
        self._fetching = False
        self._loaded = True
        entries: list[_Entry] = []
        for group, rows in (
            (Group.THIS_WEEK, overview.this_week),
            (Group.NEXT_WEEK, overview.next_week),
            (Group.OVERDUE, overview.overdue),
        ):
            entries.append(_Entry(Kind.HEADER, group))
            if rows:
                entries.extend(_Entry(Kind.ROW, group, r) for r in rows)
            else:
                entries.append(_Entry(Kind.EMPTY, group))
        self._entries = entries
        self.endResetModel()

    def add_overdue(self, offset: int, rows: list[OverviewRow]) -> None:
        """A page from ``overdue_page`` arrived; pages for an older overview are dropped."""
        self._fetching = False
        if offset != self._overdue_loaded or not rows:
            if not rows:
                self._overdue_total = self._overdue_loaded  # the list shrank meanwhile
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._entries.extend(_Entry(Kind.ROW, Group.OVERDUE, r) for r in rows)
        self._overdue_loaded += len(rows)
        self.endInsertRows()

    def header_rows(self) -> list[int]:
        """Rows that span the whole width (group headers and empty-group hints)."""
        return [i for i, e in enumerate(self._entries) if e.kind is not Kind.ROW]

    def youth_id(self, row: int) -> int | None:
        if 0 <= row < len(self._entries):
            entry = self._entries[row]
            return entry.row.youth_id if entry.row is not None else None
        return None

    def group_of(self, row: int) -> Group | None:
        return self._entries[row].group if 0 <= row < len(self._entries) else None

    # --- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and not self._fetching
            and self._overdue_loaded < self._overdue_total
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self.fetch_requested.emit(self._overdue_loaded)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._entries[index.row()].kind is Kind.ROW:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Due"),
            self.tr("Name"),
            self.tr("Deadline"),
            self.tr("Rule"),
            self.tr("Status"),
            self.tr("Case no."),
            self.tr("Caseworker"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == KIND_ROLE:
            return int(entry.kind)
        if entry.kind is Kind.HEADER:
            return self._header_data(entry.group, index.column(), role)
        if entry.kind is Kind.EMPTY:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return self._empty_text(entry.group)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(HINT_COLOUR)
            return None
        assert entry.row is not None
        return self._row_data(entry.group, entry.row, Column(index.column()), role)

    # --- cells ---------------------------------------------------------------------------

    def group_title(self, group: Group) -> str:
        week = iso_week(self._today)
        if group is Group.THIS_WEEK:
            return self.tr("This week (week {week})").format(week=week)
        if group is Group.NEXT_WEEK:
            return self.tr("Next week (week {week})").format(
                week=iso_week(self._today + timedelta(days=7))
            )
        return self.tr("Overdue ({count})").format(count=format_number(self._overdue_total))

    def _header_data(self, group: Group, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return self.group_title(group)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and group is Group.OVERDUE:
            return QBrush(OVERDUE_COLOUR)
        return None

    def _empty_text(self, group: Group) -> str:
        if group is Group.THIS_WEEK:
            return self.tr("No deadlines this week")
        if group is Group.NEXT_WEEK:
            return self.tr("No deadlines next week")
        return self.tr("No overdue deadlines")

    def _row_data(self, group: Group, row: OverviewRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(group, row, column)
        if role == YOUTH_ROLE:
            return row.youth_id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is Column.STATUS and group is Group.OVERDUE:
                return QBrush(OVERDUE_COLOUR)
            if column is Column.DUE and row.due_closed:
                return QBrush(CLOSED_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.DUE and row.due_closed:
                return self.tr(
                    "The due date falls on a closed day ({reason}). The deadline is not moved."
                ).format(reason=row.due_closed)
            if column in (Column.RULE, Column.SOURCE):
                return f"{row.description}\n{row.source}"
            if column is Column.STATUS and row.provisional:
                return self.tr(
                    "Provisional: the young person has no target group yet. The deadline "
                    "becomes final or disappears when the visitation sets one."
                )
        return None

    def _display(self, group: Group, row: OverviewRow, column: Column) -> str:
        match column:
            case Column.DUE:
                text = format_day(row.due)
                return f"{text} · {row.due_closed}" if row.due_closed else text
            case Column.STATUS:
                status = self.tr("⚠ Overdue") if group is Group.OVERDUE else self.tr("Open")
                if row.provisional:  # before visitation: counted, but may still go away
                    status = self.tr("{status} · provisional").format(status=status)
                if row.needed > 1:
                    count = self.tr("{done} done, {needed} required").format(
                        done=row.done, needed=row.needed
                    )
                    return f"{status} · {count}"
                return status
            case Column.NAME:
                return row.name
            case Column.CASE_NUMBER:
                return row.case_number
            case Column.RULE:
                return row.description
            case Column.SOURCE:
                return short_citation(row.source)
            case Column.CASEWORKER:
                return row.caseworker
