"""The record's "Journal" tab: the case in date order, newest first (services.journal).

Each row is one thing that happened: its date, kind, what it was, who, and the note or
reason wrapped (up to ROW_LINES lines); the entry under the cursor is shown in full below
the list. A filter picks one kind; Up/Down walk the entries and the filter is reached with
Alt+V. The tab reads again when the change bus says anything it
shows changed for its young person.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.services import journal
from ungedesk.services.journal import KIND_LABELS, EntryKind, JournalEntry
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect
from ungedesk.ui.i18n import format_day
from ungedesk.ui.operations import Operation
from ungedesk.ui.rows_model import RowsModel
from ungedesk.ui.visitation.record_tab import RecordTab
from ungedesk.ui.widgets import HINT_STYLE, name_table

Index = QModelIndex | QPersistentModelIndex

DATE, KIND, TITLE, WHO, TEXT = range(5)
# A row shows at most this many lines of its note: a row taller than the list would stop
# Up/Down (they would scroll inside it), and the full note is shown below the list.
ROW_LINES = 6


class JournalModel(RowsModel[JournalEntry]):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Kind"), self.tr("What"), self.tr("Who"), self.tr("Text"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DATE:
                day = format_day(entry.on)
                return f"{day} {entry.at:%H.%M}" if entry.at is not None else day
            if column == KIND:
                return entry.kind_label
            if column == TITLE:
                return entry.title
            if column == WHO:
                return entry.who
            return entry.text
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, TEXT):
            return entry.title if column == TITLE else entry.text or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class JournalPanel(RecordTab):
    # Everything the journal shows (a plan handed out, a measurement, a conversation …).
    ASPECTS = (
        Aspect.VISITATION,
        Aspect.CONVERSATIONS,
        Aspect.PLAN,
        Aspect.PROGRESSION,
    )

    def __init__(self, store: Store, youth_id: int, parent: QWidget | None = None) -> None:
        super().__init__(store, youth_id, parent)
        self.entries: list[JournalEntry] = []
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), "")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        caption = QLabel(self.tr("Sho&w:"))
        caption.setBuddy(self.kind)
        self.count = QLabel()
        self.count.setStyleSheet(HINT_STYLE)
        top = QHBoxLayout()
        top.addWidget(caption)
        top.addWidget(self.kind)
        top.addSpacing(12)
        top.addWidget(self.count, 1)

        self.model = JournalModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        name_table(
            self.table,
            self.tr("Journal"),
            self.tr(
                "The case in date order: conversations, visitation, events, plan versions "
                "and measurements."
            ),
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Scrolling by pixel: an entry with a long note is taller than the view.
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The note takes what is left and wraps. What it was and who wrap in columns of
        # their own modest width: sized to their longest text, they left the note nothing.
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        chars = self.fontMetrics().averageCharWidth()
        for column, width in ((TITLE, 22), (WHO, 16)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, chars * width)
        header.sectionResized.connect(self._resize_rows)
        self.empty = QLabel(self.tr("Nothing has been recorded in the case yet."))
        self.empty.setStyleSheet(HINT_STYLE)
        self.empty.hide()

        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("The chosen entry in full"))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.error)
        self.kind.currentIndexChanged.connect(self._filter)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.reload()

    def reload(self) -> None:
        Operation(self, journal.read, self._store, self._youth_id).latest("read").success(
            self._loaded
        ).run()

    def _loaded(self, entries: list[JournalEntry]) -> None:
        self.entries = entries
        self._filter()
        self._refreshed()

    def _filter(self) -> None:
        wanted = self.kind.currentData()
        rows = [e for e in self.entries if not wanted or e.kind is EntryKind(wanted)]
        self.model.replace_rows(rows)
        self._resize_rows()
        self.empty.setVisible(not self.entries)
        self.splitter.setVisible(bool(self.entries))
        self.detail.clear()
        self.count.setText(
            self.tr("{shown} of {total} entries").format(shown=len(rows), total=len(self.entries))
            if wanted
            else self.tr("%n entries", "", len(rows))
        )
        if rows:
            self.table.selectRow(0)

    def _resize_rows(self) -> None:
        # Rows follow their wrapped note; a journal is tens of entries, so this is cheap.
        self.table.resizeRowsToContents()
        most = self.table.fontMetrics().lineSpacing() * ROW_LINES + 8
        for row in range(self.model.rowCount()):
            if self.table.rowHeight(row) > most:
                self.table.setRowHeight(row, most)

    def _show_detail(self, current: QModelIndex) -> None:
        if not current.isValid() or current.row() >= len(self.model.rows):
            self.detail.clear()
            return
        entry = self.model.rows[current.row()]
        head = " · ".join(
            part
            for part in (
                self.model.index(current.row(), DATE).data(),
                entry.kind_label,
                entry.title,
                entry.who,
            )
            if part
        )
        self.detail.setPlainText(f"{head}\n\n{entry.text}" if entry.text else head)

    def focus_list(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
