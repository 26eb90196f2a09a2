"""The catalogue list: a table model over the in-memory OfferIndex, fetched in pages."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ungedesk.domain.offer_search import OfferFilter, OfferIndex
from ungedesk.services.catalogue import OfferView

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    KIND = 1
    PROVIDER = 2
    AUDIENCES = 3
    AGES = 4
    WEEKS = 5
    STATUS = 6


class OfferModel(QAbstractTableModel):
    """The offers that match the filter, in Danish name order. The index is built once per
    load (a few ms at 2,000 offers); a keystroke filters it in memory and the view is
    filled PAGE_SIZE rows at a time (fetchMore), so only visible rows make cells."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._offers: list[OfferView] = []
        self._index = OfferIndex([])
        self._matched: Sequence[int] = []
        self._shown = 0
        self._filter = OfferFilter()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Provider"),
            self.tr("For"),
            self.tr("Ages"),
            self.tr("Weeks"),
            self.tr("Status"),
        )

    def set_offers(self, offers: list[OfferView]) -> None:
        self._offers = list(offers)
        self._index = OfferIndex(o.entry() for o in self._offers)
        self.apply(self._filter)

    def apply(self, flt: OfferFilter) -> None:
        self.beginResetModel()
        self._filter = flt
        self._matched = self._index.positions(flt)
        self._shown = min(PAGE_SIZE, len(self._matched))
        self.endResetModel()

    @property
    def matched(self) -> int:
        return len(self._matched)

    @property
    def total(self) -> int:
        return len(self._offers)

    def offer(self, row: int) -> OfferView:
        return self._offers[self._matched[row]]

    def row_of(self, offer_id: int) -> int | None:
        for row, i in enumerate(self._matched):
            if self._offers[i].id == offer_id:
                while self._shown <= row:
                    self.fetchMore()
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._matched)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        more = min(PAGE_SIZE, len(self._matched) - self._shown)
        if parent.isValid() or more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        offer = self.offer(index.row())
        if role == ID_ROLE:
            return offer.id
        if role == Qt.ItemDataRole.ForegroundRole and not offer.active:
            return QBrush(QColor("#6b6b6b"))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == Column.NAME:
            return offer.notes or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        match Column(index.column()):
            case Column.NAME:
                return offer.name
            case Column.KIND:
                return offer.kind_label
            case Column.PROVIDER:
                return offer.provider
            case Column.AUDIENCES:
                return offer.audience_labels
            case Column.AGES:
                return offer.ages
            case Column.WEEKS:
                return "" if offer.weeks is None else str(offer.weeks)
            case Column.STATUS:
                return self.tr("Active") if offer.active else self.tr("Retired")
