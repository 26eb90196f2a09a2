"""The record's "Conversations" tab: the young person's conversations and what to do with
them (book, held, missed, cancel, calendar invitation)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.visitation import ConversationStatus, Mode
from ungedesk.services import conversations, invitations
from ungedesk.services.conversations import ConversationView
from ungedesk.store.database import Store
from ungedesk.store.errors import StoreError
from ungedesk.ui import tasks
from ungedesk.ui.booking_dialog import BookingDefaults, BookingDialog, HeldDialog, format_when
from ungedesk.ui.rows_model import RowsModel
from ungedesk.ui.widgets import GOOD_STYLE, HINT_STYLE, MessageLabel

_Index = QModelIndex | QPersistentModelIndex


def load_for_booking(store: Store, youth_id: int, now: datetime) -> BookingDefaults:
    """On the worker: the conversations and the next free UU slots, in one go."""
    history = tuple(conversations.for_youth(store, youth_id))
    free = tuple(invitations.free_slots(store, now))
    return BookingDefaults(history, free, now)


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


class ConversationsPanel(QWidget):
    changed = Signal()  # something was saved: the deadlines may have moved

    def __init__(
        self,
        store: Store,
        youth_id: int,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._youth_id = youth_id
        self._now = now
        self.loaded = False
        self.loads = 0  # answers received: tests wait for the next one
        self.defaults: BookingDefaults | None = None
        self.dialog: BookingDialog | HeldDialog | None = None

        self.model = ConversationsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
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
        self.error = MessageLabel()

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
        top = QHBoxLayout()
        top.addWidget(self.book_button)
        top.addWidget(self.record_button)
        top.addStretch(1)
        selected = QHBoxLayout()
        selected.addWidget(QLabel(self.tr("Selected conversation:")))
        for button in (self.held_button, self.missed_button, self.cancel_button, self.ics_button):
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
        layout.addWidget(self.table, 1)
        layout.addLayout(selected)
        layout.addWidget(self.message)
        layout.addWidget(self.error)

        self.book_button.clicked.connect(lambda: self.open_booking(ConversationStatus.BOOKED))
        self.record_button.clicked.connect(lambda: self.open_booking(ConversationStatus.HELD))
        self.held_button.clicked.connect(self.mark_held)
        self.missed_button.clicked.connect(lambda: self._set_status(ConversationStatus.MISSED))
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.ics_button.clicked.connect(self.save_ics)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.reload()

    def now(self) -> datetime:
        return self._now()

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        tasks.run_task(
            load_for_booking,
            self._store,
            self._youth_id,
            self.now(),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, defaults: BookingDefaults) -> None:
        keep = self.selected()
        self.defaults = defaults
        self.model.set_rows(list(defaults.history))
        self.empty_box.setVisible(not defaults.history)
        self.table.setVisible(bool(defaults.history))
        if keep is not None:
            for row, c in enumerate(self.model.rows):
                if c.id == keep.id:
                    self.table.selectRow(row)
        self.loaded = True
        self.loads += 1
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StoreError):
            self.error.show_message(exc.message)
            return
        raise exc

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
        self.book_button.setEnabled(self.defaults is not None)
        self.record_button.setEnabled(self.defaults is not None)

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

    def mark_held(self) -> None:
        c = self.selected()
        if c is None:
            return
        dialog = HeldDialog(self._store, c, parent=self, today=self.now().date())
        dialog.accepted.connect(self._after_change)
        self.dialog = dialog
        dialog.open()

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
        tasks.run_task(
            conversations.set_status,
            self._store,
            c.id,
            status,
            on_done=lambda _view: self._after_change(),
            on_error=self._failed,
        )

    def _after_change(self) -> None:
        self.message.show_message(None)
        self.error.show_message(None)
        self.changed.emit()
        self.reload()

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
        tasks.run_task(
            invitations.save_ics,
            self._store,
            c.id,
            self._youth_id,
            path,
            on_done=self._ics_saved,
            on_error=self._ics_failed,
        )

    def _ics_saved(self, path: Path) -> None:
        self.error.show_message(None)
        self.message.show_message(
            self.tr(
                "Invitation saved as {file}. It holds the time and place only, no name and "
                "no CPR number."
            ).format(file=path.name)
        )

    def _ics_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            self.error.show_message(
                self.tr("The invitation could not be saved: {reason}").format(
                    reason=exc.strerror or type(exc).__name__
                )
            )
            return
        self._failed(exc)
