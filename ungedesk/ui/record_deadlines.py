"""The record's "Deadlines" tab: each deadline with its legal source, due date and status.

Status shows as a word and a symbol as well as a colour, so it reads without colour vision.
Local standards are marked and placed right after the legal rule they tighten.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.rules import Status
from ungedesk.services import deadlines
from ungedesk.services.deadlines import DeadlineView
from ungedesk.store.database import Store
from ungedesk.store.errors import StoreError
from ungedesk.ui import tasks
from ungedesk.ui.i18n import format_day
from ungedesk.ui.rows_model import RowsModel
from ungedesk.ui.widgets import HINT_STYLE, MessageLabel

_Index = QModelIndex | QPersistentModelIndex

STATUS_COLOURS: dict[Status, str] = {
    Status.MET: "#dff0d8",
    Status.LATE: "#fcf0d2",
    Status.OPEN: "#e8eef7",
    Status.OVERDUE: "#f6d5d5",
}
STATUS_SYMBOLS: dict[Status, str] = {
    Status.MET: "✔",
    Status.LATE: "✔!",
    Status.OPEN: "○",
    Status.OVERDUE: "✖",
}


def ordered(views: list[DeadlineView]) -> list[DeadlineView]:
    """Legal rules by due date, each followed by the local standards that tighten it."""
    local = [v for v in views if v.local]
    placed: set[int] = set()
    out: list[DeadlineView] = []
    for view in views:
        if view.local:
            continue
        out.append(view)
        for i, candidate in enumerate(local):
            if i not in placed and candidate.description in view.tightened_by:
                out.append(candidate)
                placed.add(i)
    out += [v for i, v in enumerate(local) if i not in placed]
    return out


class DeadlinesModel(RowsModel[DeadlineView]):
    def set_rows(self, rows: list[DeadlineView]) -> None:
        self.replace_rows(ordered(rows))

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Deadline"),
            self.tr("Rule"),
            self.tr("Due"),
            self.tr("Status"),
            self.tr("Done"),
        )

    def status_text(self, view: DeadlineView) -> str:
        text = {
            Status.MET: self.tr("Met"),
            Status.LATE: self.tr("Met late"),
            Status.OPEN: self.tr("Open"),
            Status.OVERDUE: self.tr("Overdue"),
        }[view.status]
        if view.met_on is not None:
            text = self.tr("{status} {day}").format(status=text, day=format_day(view.met_on))
        return f"{STATUS_SYMBOLS[view.status]} {text}"

    def note(self, view: DeadlineView) -> str:
        parts: list[str] = []
        if view.due_closed:
            parts.append(self.tr("The deadline falls on {reason}").format(reason=view.due_closed))
        if view.tightened_by:
            parts.append(
                self.tr("Tightened by local standard: {names}").format(
                    names="; ".join(view.tightened_by)
                )
            )
        return ". ".join(parts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        view = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                text = view.description
                if view.local:
                    text = self.tr("↳ Local standard: {name}").format(name=view.description)
                note = self.note(view)
                # The note (a closed due day, a stricter local standard) goes under the
                # deadline it belongs to rather than in a column of its own: the record
                # pane is narrow.
                return f"{text}\n{note}" if note else text
            if column == 1:
                return view.source or (self.tr("Local standard") if view.local else "")
            if column == 2:
                return format_day(view.due)
            if column == 3:
                return self.status_text(view)
            if column == 4:
                if view.needed <= 1:
                    return ""
                return self.tr("{done} of {needed}").format(done=view.done, needed=view.needed)
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == 3:
            return QBrush(QColor(STATUS_COLOURS[view.status]))
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.note(view) or view.description
        return None


class DeadlinesPanel(QWidget):
    def __init__(
        self,
        store: Store,
        youth_id: int,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._youth_id = youth_id
        self._today = today
        self.loaded = False
        self.loads = 0  # answers received: tests wait for the next one
        self.model = DeadlinesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sources can be long ("LAB § 30, stk. 3 (ophævet ...)"): a fixed width, wrapped.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("LAB § 31, stk. 5 ") + 24)
        header.setStretchLastSection(False)
        self.empty = QLabel(
            self.tr(
                "No deadlines yet. They appear when the visitation and the conversations are "
                "registered."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(HINT_STYLE)
        self.error = MessageLabel()
        layout = QVBoxLayout(self)
        self.empty_box = QWidget()
        empty_layout = QVBoxLayout(self.empty_box)
        empty_layout.setContentsMargins(0, 8, 0, 0)
        empty_layout.addWidget(self.empty)
        empty_layout.addStretch(1)
        layout.addWidget(self.empty_box, 1)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        self.reload()

    def reload(self) -> None:
        tasks.run_task(
            deadlines.for_youth,
            self._store,
            self._youth_id,
            self._today(),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, views: list[DeadlineView]) -> None:
        self.model.set_rows(views)
        self.empty_box.setVisible(not views)
        self.table.setVisible(bool(views))
        self.table.resizeRowsToContents()
        self.loaded = True
        self.loads += 1

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StoreError):
            self.error.show_message(exc.message)
            return
        raise exc
