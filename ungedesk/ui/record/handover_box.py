"""The record's handover box (kædeansvar): whether the case is handed over and awaiting the
receiver's receipt, the chain of who held the case, and the two receipt actions: read the
receiver's receipt (the sender closes its side) and write the receipt (the receiver)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.services import handover
from ungedesk.services.handover import RECEIPT_SUFFIX, HandoverState, HandoverView, HolderPeriod
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.i18n import format_day
from ungedesk.ui.operations import Operation
from ungedesk.ui.rows_model import Index, RowsModel
from ungedesk.ui.visitation.record_tab import RecordTab
from ungedesk.ui.widgets import GOOD_STYLE, HINT_STYLE, name_table

WARN_STYLE = "color: #8a4b00; font-weight: bold;"


def _local(moment: datetime) -> datetime:
    """A stored time (naive UTC) as the caseworker's local time."""
    return moment.replace(tzinfo=UTC).astimezone()


class HolderModel(RowsModel[HolderPeriod]):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Held by"), self.tr("From"), self.tr("To"), self.tr("How"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self.rows[index.row()]
        match index.column():
            case 0:
                return p.holder
            case 1:
                return format_day(_local(p.since).date())
            case 2:
                return format_day(_local(p.until).date()) if p.until else self.tr("now")
            case _:
                return p.how_label


class HandoverBox(RecordTab):
    """Hidden for a case that was never handed over."""

    ASPECTS = (Aspect.YOUTH,)
    receipt_written = Signal(object)  # Path
    case_closed = Signal(int)  # youth id: the receipt ended the case here
    pending_changed = Signal(bool)  # whether the case awaits a receipt (after each read)

    def __init__(
        self,
        store: Store,
        youth_id: int,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, youth_id, parent)
        self._now = now
        self.state: HandoverState | None = None
        self.group = QGroupBox(self.tr("Handover (chain responsibility)"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.done = QLabel()
        self.done.setWordWrap(True)
        self.done.setStyleSheet(GOOD_STYLE)
        self.done.hide()
        self.model = HolderModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(130)
        name_table(
            self.table,
            self.tr("Who held the case"),
            self.tr("Each period a caseworker held the case, oldest first"),
        )
        self.read_button = QPushButton(self.tr("Read the &receipt…"))
        self.write_button = QPushButton(self.tr("&Write receipt to the sender…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.read_button)
        buttons.addWidget(self.write_button)
        buttons.addStretch(1)
        inner = QVBoxLayout(self.group)
        inner.addWidget(self.status)
        inner.addWidget(self.table)
        inner.addLayout(buttons)
        inner.addWidget(self.done)
        inner.addWidget(self.error)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.group)
        self.read_button.clicked.connect(self._choose_receipt)
        self.write_button.clicked.connect(self._choose_folder)
        self.hide()
        self.reload()

    def reload(self) -> None:
        Operation(self, handover.state, self._store, self._youth_id).latest("read").success(
            self._loaded
        ).failure(self.show_known_error).run()

    def _loaded(self, state: HandoverState) -> None:
        self.state = state
        self.model.replace_rows(list(state.holders))
        pending = state.pending
        received = state.received
        if pending is not None:
            self.status.setStyleSheet(WARN_STYLE)
            self.status.setText(
                self.tr(
                    "Handed over on {day} — awaiting the receipt. You are still responsible "
                    "for the case and its deadlines until the receiver's receipt is read here."
                ).format(day=format_day(_local(pending.at).date()))
            )
        else:
            self.status.setStyleSheet(HINT_STYLE)
            self.status.setText(self._quiet_status(state, received))
        self.read_button.setVisible(pending is not None)
        self.write_button.setVisible(received is not None)
        self.setVisible(bool(state.handovers or state.holders))
        self.pending_changed.emit(pending is not None)
        self._refreshed()

    def _quiet_status(self, state: HandoverState, received: HandoverView | None) -> str:
        closed = [h for h in state.handovers if h.outgoing and h.receipted_at is not None]
        if closed and not state.active:
            last = closed[-1]
            assert last.receipted_at is not None
            return self.tr(
                "Handed over to another unit: the receipt was read on {day}, and the case "
                "ended here."
            ).format(day=format_day(_local(last.receipted_at).date()))
        if received is not None:
            return self.tr(
                "Received on {day} from {sender}. Write the receipt and send it back: until the "
                "sender has read it, the sender also keeps the case."
            ).format(day=format_day(_local(received.at).date()), sender=received.other_by)
        return ""

    # --- reading the receiver's receipt (the sender) ------------------------------------

    def _choose_receipt(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the receipt"),
            "",
            self.tr("UngeDesk receipts (*{suffix});;All files (*)").format(suffix=RECEIPT_SUFFIX),
        )
        if name:
            self.read_receipt(Path(name))

    def read_receipt(self, path: Path) -> None:
        self.error.show_message(None)
        self.read_button.setEnabled(False)
        Operation(
            self, handover.read_receipt, self._store, self._youth_id, path, now=self._now()
        ).changes(Change.of(Aspect.YOUTH, Aspect.DEADLINES, youth_id=self._youth_id)).settled(
            self._read_settled
        ).success(self._receipt_read).failure(self.show_known_error).run()

    def _read_settled(self) -> None:
        self.read_button.setEnabled(True)

    def _receipt_read(self, _view: HandoverView) -> None:
        self.done.setText(self.tr("The receipt is read: the case is handed over and ended here."))
        self.done.show()
        self.case_closed.emit(self._youth_id)

    # --- writing the receipt (the receiver) ----------------------------------------------

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the receipt"))
        if folder:
            self.write_receipt(Path(folder))

    def write_receipt(self, folder: Path) -> None:
        self.error.show_message(None)
        Operation(
            self, handover.write_receipt, self._store, self._youth_id, folder, now=self._now()
        ).success(self._receipt_written).failure(self.show_known_error).run()

    def _receipt_written(self, path: Path) -> None:
        self.done.setText(
            self.tr("The receipt is written: {path}. Send it to the sender.").format(path=path)
        )
        self.done.show()
        self.receipt_written.emit(path)
