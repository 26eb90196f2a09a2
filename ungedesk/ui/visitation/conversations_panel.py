"""The record's "Conversations" tab: the young person's conversations and what to do with
them (book, held, missed, cancel, correct, calendar invitation), and under the list the
selected conversation in full: its note, participants, place, who held it and the history
of its corrections, as selectable text (a tooltip is no place to read a note)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.visitation import ConversationStatus, Mode
from ungedesk.services import conversations, invitations
from ungedesk.services.conversations import CORRECTABLE, ConversationView
from ungedesk.services.invitations import ConversationsTab
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.dates import format_when, format_when_long
from ungedesk.ui.operations import Operation
from ungedesk.ui.rows_model import RowsModel
from ungedesk.ui.visitation.booking_dialog import (
    BookingDefaults,
    BookingDialog,
    HeldDialog,
)
from ungedesk.ui.visitation.correction_dialog import CorrectionDialog, corrections_text
from ungedesk.ui.visitation.record_tab import RecordTab
from ungedesk.ui.widgets import GOOD_STYLE, HINT_STYLE, MessageLabel, name_table

_Index = QModelIndex | QPersistentModelIndex


class ConversationsModel(RowsModel[ConversationView]):
    def set_rows(self, rows: list[ConversationView]) -> None:
        self.replace_rows(rows)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("When"),
            self.tr("Type"),
            self.tr("Status"),
            self.tr("Place"),
            self.tr("Participants"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        c = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return format_when(c.starts_at)
            if column == 1:
                return c.kind_label
            if column == 2:
                return c.status_label
            if column == 3:
                if c.mode is Mode.IN_PERSON and c.place:
                    return f"{c.mode_label}: {c.place}"
                return c.mode_label
            return ", ".join(c.participants)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() in (3, 4):
                return self.data(index)
            return c.notes or None
        return None


class ConversationsPanel(RecordTab):
    # The UU counsellor's hours (a setting) decide the free slots the booking offers.
    ASPECTS = (Aspect.CONVERSATIONS, Aspect.SETTINGS)

    def __init__(
        self,
        store: Store,
        youth_id: int,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, youth_id, parent)
        self._now = now
        self.defaults: BookingDefaults | None = None
        self.dialog: BookingDialog | HeldDialog | CorrectionDialog | None = None

        self.model = ConversationsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        name_table(
            self.table,
            self.tr("Conversations"),
            self.tr(
                "Booked, held and missed conversations, newest first. The chosen one is "
                "shown in full below."
            ),
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Place and participants can be long: they take what is left, elided, with the
        # whole text as tooltip, so a row stays one line.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty = QLabel(
            self.tr('No conversations yet. Book the first one with "Book conversation" (Ctrl+B).')
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(HINT_STYLE)
        self.message = MessageLabel(GOOD_STYLE)

        self.book_button = QPushButton(self.tr("&Book conversation…"))
        self.book_button.setToolTip(self.tr("Ctrl+B"))
        self.record_button = QPushButton(self.tr("Record &held conversation…"))
        self.record_button.setToolTip(
            self.tr("Record a conversation afterwards, held or missed, that was never booked.")
        )
        self.held_button = QPushButton(self.tr("&Held…"))
        self.missed_button = QPushButton(self.tr("&Missed"))
        self.cancel_button = QPushButton(self.tr("Ca&ncel"))
        self.ics_button = QPushButton(self.tr("Save as calendar &invitation (.ics)…"))
        self.correct_button = QPushButton(self.tr("&Correct conversation…"))
        self.correct_button.setToolTip(
            self.tr("Correct the date, type, whether it was held, or who held it, with a reason.")
        )
        # The selected conversation in full, read-only but selectable (copy a note).
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.detail.setPlaceholderText(
            self.tr("Select a conversation to read its note, participants and corrections.")
        )
        self.detail_box = QGroupBox(self.tr("Note and details"))
        detail_layout = QVBoxLayout(self.detail_box)
        detail_layout.addWidget(self.detail)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        top = QHBoxLayout()
        top.addWidget(self.book_button)
        top.addWidget(self.record_button)
        top.addStretch(1)
        selected = QHBoxLayout()
        selected.addWidget(QLabel(self.tr("Selected conversation:")))
        for button in (
            self.held_button,
            self.missed_button,
            self.cancel_button,
            self.ics_button,
            self.correct_button,
        ):
            selected.addWidget(button)
        selected.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.empty_box = QWidget()
        empty_layout = QVBoxLayout(self.empty_box)
        empty_layout.setContentsMargins(0, 8, 0, 0)
        empty_layout.addWidget(self.empty)
        empty_layout.addStretch(1)
        layout.addWidget(self.empty_box, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(selected)
        layout.addWidget(self.message)
        layout.addWidget(self.error)

        self.book_button.clicked.connect(self.book_new)
        self.record_button.clicked.connect(self.record_afterwards)
        self.held_button.clicked.connect(self.mark_held)
        self.missed_button.clicked.connect(self.mark_missed)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.ics_button.clicked.connect(self.save_ics)
        self.correct_button.clicked.connect(self.correct_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.reload()

    def now(self) -> datetime:
        return self._now()

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        Operation(
            self, invitations.conversations_tab, self._store, self._youth_id, self.now()
        ).latest("read").success(self._loaded).run()

    def _loaded(self, tab: ConversationsTab) -> None:
        keep = self.selected()
        self.defaults = BookingDefaults(tab.history, tab.free_slots, tab.now)
        self.model.set_rows(list(tab.history))
        self.empty_box.setVisible(not tab.history)
        self.splitter.setVisible(bool(tab.history))
        if keep is not None:
            for row, c in enumerate(self.model.rows):
                if c.id == keep.id:
                    self.table.selectRow(row)
        self._update_buttons()
        self._refreshed()

    def selected(self) -> ConversationView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.rows[rows[0].row()]

    def _update_buttons(self) -> None:
        c = self.selected()
        booked = c is not None and c.status is ConversationStatus.BOOKED
        for button in (self.held_button, self.missed_button, self.cancel_button, self.ics_button):
            button.setEnabled(booked)
        self.correct_button.setEnabled(c is not None and c.status in CORRECTABLE)
        self.book_button.setEnabled(self.defaults is not None)
        self.record_button.setEnabled(self.defaults is not None)
        self._show_detail(c)

    def _show_detail(self, c: ConversationView | None) -> None:
        if c is None:
            self.detail.setPlainText("")
            return
        place = (
            f"{c.mode_label}: {c.place}" if c.mode is Mode.IN_PERSON and c.place else c.mode_label
        )
        counts = (
            self.tr("counts as a jobsamtale")
            if c.counts_as_jobsamtale
            else self.tr("does not count as a jobsamtale")
        )
        lines = [
            f"{c.kind_label}, {c.status_label.lower()}",
            self.tr("When: {when} ({minutes} min.)").format(
                when=format_when_long(c.starts_at), minutes=c.duration_minutes
            ),
            self.tr("Held by: {holder}").format(holder=c.held_by_label)
            + (f" ({counts})" if c.status is ConversationStatus.HELD else ""),
            self.tr("Form and place: {place}").format(place=place),
            self.tr("Participants: {people}").format(people=", ".join(c.participants) or "–"),
            "",
            self.tr("Note:"),
            c.notes or self.tr("(no note)"),
        ]
        history = corrections_text(c)
        if history:
            lines += ["", self.tr("Corrections:"), history]
        self.detail.setPlainText("\n".join(lines))

    # --- actions -------------------------------------------------------------------------

    def open_booking(self, status: ConversationStatus = ConversationStatus.BOOKED) -> None:
        if self.defaults is None:
            return
        dialog = BookingDialog(
            self._store, self._youth_id, self.defaults, status=status, parent=self
        )
        dialog.accepted.connect(self._after_change)
        self.dialog = dialog
        dialog.open()

    def book_new(self) -> None:
        self.open_booking(ConversationStatus.BOOKED)

    def record_afterwards(self) -> None:
        """A conversation held (or missed) that was never booked."""
        self.open_booking(ConversationStatus.HELD)

    def mark_missed(self) -> None:
        self._set_status(ConversationStatus.MISSED)

    def mark_held(self) -> None:
        c = self.selected()
        if c is None:
            return
        dialog = HeldDialog(self._store, c, parent=self, today=self.now().date())
        dialog.accepted.connect(self._after_change)
        self.dialog = dialog
        dialog.open()

    def correct_selected(self) -> None:
        c = self.selected()
        if c is None or c.status not in CORRECTABLE:
            return
        dialog = CorrectionDialog(self._store, c, today=self.now().date(), parent=self)
        dialog.accepted.connect(self._after_change)
        self.dialog = dialog
        dialog.open()

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        self.context_menu().popup(self.table.viewport().mapToGlobal(pos))

    def context_menu(self) -> QMenu:
        """The actions on the selected conversation, as the right-click menu shows them."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        held = menu.addAction(self.tr("Held…"))
        held.setEnabled(self.held_button.isEnabled())
        held.triggered.connect(self.mark_held)
        correct = menu.addAction(self.tr("Correct conversation…"))
        correct.setEnabled(self.correct_button.isEnabled())
        correct.triggered.connect(self.correct_selected)
        return menu

    def cancel_selected(self) -> None:
        c = self.selected()
        if c is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Cancel conversation"),
            self.tr("Cancel the conversation {when}? It stays in the list as cancelled.").format(
                when=format_when(c.starts_at)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._set_status(ConversationStatus.CANCELLED)

    def _set_status(self, status: ConversationStatus) -> None:
        c = self.selected()
        if c is None:
            return
        Operation(self, conversations.set_status, self._store, c.id, status).changes(
            Change.of(Aspect.CONVERSATIONS, Aspect.DEADLINES, youth_id=self._youth_id)
        ).success(self._after_change).run()

    def _after_change(self, _result: object = None) -> None:
        # The list reads again from the change the operation (or dialog) announced.
        self.message.show_message(None)
        self.error.show_message(None)

    def save_ics(self) -> None:
        c = self.selected()
        if c is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save calendar invitation"),
            str(Path.home() / invitations.default_file_name(c)),
            self.tr("Calendar invitation (*.ics)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        Operation(self, invitations.save_ics, self._store, c.id, self._youth_id, path).success(
            self._ics_saved
        ).run()

    def _ics_saved(self, path: Path) -> None:
        self.error.show_message(None)
        self.message.show_message(
            self.tr(
                "Invitation saved as {file}. It holds the time and place only, no name and "
                "no CPR number."
            ).format(file=path.name)
        )
