"""The register list: a table model over the in-memory RegisterIndex, fetched in pages."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ungedesk.domain import cpr as cprmod
from ungedesk.domain.search import RegisterIndex, YouthRow
from ungedesk.domain.youth import STATUS_LABELS, CaseStatus
from ungedesk.services.register_page import RegisterPage
from ungedesk.ui.i18n import format_day

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    CPR = 1
    AGE = 2
    CASE_NUMBER = 3
    HENVENDELSE = 4
    CASEWORKER = 5
    STATUS = 6


# Sort keys of domain.search.SORT_KEYS per column. Age sorts by birth date, reversed, so
# that ascending age means youngest first, as a caseworker reads the column.
_SORT_KEYS: dict[Column, tuple[str, bool]] = {
    Column.NAME: ("name", False),
    Column.CPR: ("cpr", False),
    Column.AGE: ("age", True),
    Column.CASE_NUMBER: ("case_number", False),
    Column.HENVENDELSE: ("henvendelse_date", False),
    Column.CASEWORKER: ("caseworker", False),
    Column.STATUS: ("status", False),
}


class RegisterModel(QAbstractTableModel):
    """The register list, in two phases so the window is usable at once:

    1. the first page, read straight from SQL by the stored Danish sort key
       (services.register.first_page), and while the index is not there a search answered
       from SQL too (search_page): a keystroke during start-up still finds people;
    2. the whole register in memory (RegisterIndex, built on the worker after the first
       paint): every keystroke after that filters in memory, and the view sees the rows
       PAGE_SIZE at a time (fetchMore), so a search over 100,000 young people only ever
       builds one page of cells.
    """

    counts_changed = Signal()

    def __init__(self, today: Callable[[], date] = date.today, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self._index: RegisterIndex | None = None
        self._page: RegisterPage | None = None
        # Rows registered or edited before the index arrived: added to it when it does.
        self._early_rows: list[YouthRow] = []
        self._shown = 0
        self._last_row: tuple[int, RegisterIndex | None, YouthRow] | None = None
        self.modelAboutToBeReset.connect(self._forget_last_row)
        self._query = ""
        self._sort: tuple[Column, Qt.SortOrder] = (Column.NAME, Qt.SortOrder.AscendingOrder)

    # --- state -------------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        """Something to show: the first page or the whole index."""
        return self._index is not None or self._page is not None

    @property
    def index_ready(self) -> bool:
        """The whole register is in memory: searching and sorting no longer need SQL."""
        return self._index is not None

    @property
    def total(self) -> int:
        if self._index is not None:
            return self._index.total
        return self._page.total if self._page is not None else 0

    @property
    def matched(self) -> int:
        if self._index is not None:
            return len(self._index)
        return self._page.matched if self._page is not None else 0

    @property
    def query(self) -> str:
        return self._query

    def suggestion(self) -> str | None:
        """A search one typo away that finds someone, when the search finds nobody (only
        from the index: before it has arrived there is no suggestion)."""
        if self._index is None or len(self._index) > 0 or not self._query.strip():
            return None
        return self._index.suggest(self._query)

    def set_rows(self, rows: list[YouthRow]) -> None:
        self.set_index(RegisterIndex(rows))

    def set_page(self, query: str, page: RegisterPage) -> None:
        """Show a page read from SQL for ``query`` (the first page has the empty query),
        until the index is there; a page for an older query than the field's is ignored
        by the caller (Operation.latest)."""
        if self._index is not None:
            return  # the index arrived meanwhile and answers everything
        self.beginResetModel()
        self._page = page
        self._query = query
        self._shown = len(page.rows)
        self.endResetModel()
        self.counts_changed.emit()

    def set_index(self, index: RegisterIndex) -> None:
        """Show ``index``, built on the worker (services.register.load_index): folding
        100,000 names takes a few tenths of a second that the GUI thread should not spend."""
        self.beginResetModel()
        self._index = index
        self._page = None
        for row in self._early_rows:
            index.add(row)
        self._early_rows.clear()
        # The register lives as long as the window: move it out of the cyclic GC's reach, or
        # a collection triggered by a keystroke's match list rescans all 100,000 rows.
        gc.freeze()
        self._apply_sort()
        index.search(self._query)
        self._shown = min(PAGE_SIZE, len(index))
        self.endResetModel()
        self.counts_changed.emit()

    def search(self, text: str) -> None:
        """Filter in memory; only once the index is ready (before, the window asks SQL)."""
        if self._index is None:
            self._query = text
            return
        self.beginResetModel()
        self._query = text
        self._index.search(text)
        self._shown = min(PAGE_SIZE, len(self._index))
        self.endResetModel()
        self.counts_changed.emit()

    def add_row(self, row: YouthRow) -> None:
        """A young person was registered or edited: update the list without a reload."""
        if self._index is None:
            self._early_rows = [r for r in self._early_rows if r.id != row.id] + [row]
            return
        self.beginResetModel()
        self._index.add(row)
        position = self._index.position_of(row.id)
        self._shown = min(max(PAGE_SIZE, (position or 0) + 1), len(self._index))
        self.endResetModel()
        self.counts_changed.emit()

    def _forget_last_row(self) -> None:
        self._last_row = None

    def _row(self, position: int) -> YouthRow:
        # The seven cells of a line ask one after another: the index makes a row object
        # per call, so keep the last one (the cache goes with every reset of the model).
        cached = self._last_row
        if cached is not None and cached[0] == position and cached[1] is self._index:
            return cached[2]
        if self._index is not None:
            row = self._index.row(position)
            self._last_row = (position, self._index, row)
            return row
        assert self._page is not None
        return self._page.rows[position]

    def youth_id(self, row: int) -> int:
        return self._row(row).id

    def row_of(self, youth_id: int) -> int | None:
        """The row showing ``youth_id``, fetching pages up to it; None when filtered out."""
        if self._index is None:
            rows = self._page.rows if self._page is not None else []
            return next((i for i, r in enumerate(rows) if r.id == youth_id), None)
        position = self._index.position_of(youth_id)
        if position is None:
            return None
        if position >= self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, position)
            self._shown = position + 1
            self.endInsertRows()
        return position

    # --- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._index is None:
            return False
        return self._shown < len(self._index)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._index is None:
            return
        more = min(PAGE_SIZE, len(self._index) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Name"),
            self.tr("CPR no."),
            self.tr("Age"),
            self.tr("Case no."),
            self.tr("First contact"),
            self.tr("Caseworker"),
            self.tr("Status"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks about ten roles per cell on every repaint (after each keystroke):
        # answer the ones without a row first, and read a row only for what shows it.
        if not index.isValid() or index.row() >= self._shown:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.column() == Column.AGE:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == Column.CPR:
                return self.tr("Open the record and press Show CPR to see the full number.")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(self._row(index.row()), Column(index.column()))
        if role == ID_ROLE:
            return self._row(index.row()).id
        return None

    def _display(self, row: YouthRow, column: Column) -> str:
        match column:
            case Column.NAME:
                return row.name
            case Column.CPR:
                return cprmod.mask(row.cpr)
            case Column.AGE:
                return str(cprmod.age_on(row.birth_date, self._today()))
            case Column.CASE_NUMBER:
                return row.case_number
            case Column.HENVENDELSE:
                return format_day(row.henvendelse_date)
            case Column.CASEWORKER:
                return row.caseworker
            case Column.STATUS:
                try:
                    return STATUS_LABELS[CaseStatus(row.status)]
                except ValueError:
                    return row.status

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # A reset, not layoutChanged: the rows under a selection change identity, and a
        # stale selection would point at another young person.
        self._sort = (Column(column), order)
        if self._index is None:
            return  # the SQL page is in name order; the index applies the sort on arrival
        self.beginResetModel()
        self._apply_sort()
        self._shown = min(max(self._shown, PAGE_SIZE), len(self._index))
        self.endResetModel()

    def _apply_sort(self) -> None:
        if self._index is None:
            return
        column, order = self._sort
        key, reverse = _SORT_KEYS[column]
        descending = (order == Qt.SortOrder.DescendingOrder) != reverse
        self._index.sort(key, descending)
