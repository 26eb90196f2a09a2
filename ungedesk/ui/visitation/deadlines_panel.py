"""The record's "Deadlines" tab: each deadline with its legal source, due date and status.

Status shows as a word and a symbol as well as a colour, so it reads without colour vision.
Local standards are marked and placed right after the legal rule they tighten.

A deadline the law lets be exempted can be waived here by a recorded decision (and the
decision revoked); the exempt deadline shows "Fritaget" with the decision's date and
reason, and every decision, revoked ones too, is listed under the table. A deadline applied
before visitation is marked provisional. Working-day deadlines say which closed days the
count skipped (public holidays, and the municipality's own closing days).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.calendar import ClosedDay
from ungedesk.domain.rule_text import short_citation
from ungedesk.domain.rules import Status
from ungedesk.services import waivers
from ungedesk.services.deadlines import DeadlineView
from ungedesk.services.waivers import DeadlinesTab, WaiverView
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect
from ungedesk.ui.i18n import format_day
from ungedesk.ui.operations import Operation
from ungedesk.ui.rows_model import RowsModel
from ungedesk.ui.visitation.record_tab import RecordTab
from ungedesk.ui.visitation.waiver_dialogs import RevokeWaiverDialog, WaiveDialog
from ungedesk.ui.widgets import HINT_STYLE, MessageLabel, name_table
from ungedesk.ui.work_dialog import WorkDialog

_Index = QModelIndex | QPersistentModelIndex

STATUS_COLOURS: dict[Status, str] = {
    Status.MET: "#dff0d8",
    Status.LATE: "#fcf0d2",
    Status.OPEN: "#e8eef7",
    Status.OVERDUE: "#f6d5d5",
    Status.EXEMPT: "#e6e6e6",
}
STATUS_SYMBOLS: dict[Status, str] = {
    Status.MET: "✔",
    Status.LATE: "✔!",
    Status.OPEN: "○",
    Status.OVERDUE: "✖",
    Status.EXEMPT: "⊘",
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
            Status.LATE: self.tr("Done after the deadline"),
            Status.OPEN: self.tr("Open"),
            Status.OVERDUE: self.tr("Overdue"),
            Status.EXEMPT: self.tr("Exempt"),
        }[view.status]
        if view.status is Status.EXEMPT:
            if view.waiver is not None:
                text = self.tr("{status} {day}").format(
                    status=text, day=format_day(view.waiver.decided_on)
                )
        elif view.met_on is not None:
            text = self.tr("{status} {day}").format(status=text, day=format_day(view.met_on))
        if view.provisional:
            text = self.tr("{status} (provisional)").format(status=text)
        return f"{STATUS_SYMBOLS[view.status]} {text}"

    def skipped_text(self, days: tuple[ClosedDay, ...]) -> str:
        """ "24/12 Juleaftensdag (lukkedag), 25/12 Juledag": the closed weekdays counted past."""
        return ", ".join(
            f"{d.day.day}/{d.day.month} {d.reason}"
            + (self.tr(" (closing day)") if d.closing else "")
            for d in days
        )

    def note(self, view: DeadlineView) -> str:
        parts: list[str] = []
        if view.provisional:
            parts.append(
                self.tr(
                    "Provisional: no target group yet. The deadline becomes final or "
                    "disappears at the visitation"
                )
            )
        if view.status is Status.EXEMPT and view.waiver is not None:
            parts.append(
                self.tr("Exempt by decision of {day} ({by}): {reason}").format(
                    day=format_day(view.waiver.decided_on),
                    by=view.waiver.decided_by,
                    reason=view.waiver.reason,
                )
            )
        if view.skipped:
            parts.append(
                self.tr("Working days skip: {days}").format(days=self.skipped_text(view.skipped))
            )
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
                if not view.source:
                    return self.tr("Local standard") if view.local else ""
                return short_citation(view.source)
            if column == 2:
                return format_day(view.due)
            if column == 3:
                return self.status_text(view)
            if column == 4:
                if view.needed <= 1:
                    return ""
                return self.tr("{done} done, {needed} required").format(
                    done=view.done, needed=view.needed
                )
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == 3:
            return QBrush(QColor(STATUS_COLOURS[view.status]))
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1 and view.source:
                return view.source  # the whole citation, with the act that amended it
            return self.note(view) or view.description
        return None


class WaiversModel(RowsModel[WaiverView]):
    """Every exemption decision, revoked ones too: the history is never rewritten."""

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Deadline"),
            self.tr("Decided"),
            self.tr("Decided by"),
            self.tr("Reason"),
            self.tr("Revoked"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        w = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return w.description
        if column == 1:
            return format_day(w.decided_on)
        if column == 2:
            return w.decided_by
        if column == 3:
            return w.reason
        if column == 4:
            if w.revoked_on is None:
                return self.tr("In force")
            return self.tr("{day} ({by}): {reason}").format(
                day=format_day(w.revoked_on), by=w.revoked_by, reason=w.revoke_reason
            )
        return None


class DeadlinesPanel(RecordTab):
    # Everything that moves a deadline: the case's dates, its visitation and conversations,
    # exemptions, and the closing days or the rules in force.
    ASPECTS = (
        Aspect.DEADLINES,
        Aspect.YOUTH,
        Aspect.VISITATION,
        Aspect.CONVERSATIONS,
        Aspect.SETTINGS,
        Aspect.RULES,
    )

    def __init__(
        self,
        store: Store,
        youth_id: int,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, youth_id, parent)
        self._today = today
        self.dialog: WorkDialog | None = None
        self.model = DeadlinesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        name_table(
            self.table,
            self.tr("The young person's deadlines"),
            self.tr(
                "Each deadline the law or a local standard sets, with its source and when it falls."
            ),
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
        self.message = MessageLabel(HINT_STYLE)
        self.waive_button = QPushButton(self.tr("E&xempt from deadline…"))
        self.waive_button.setToolTip(
            self.tr(
                "Record a decision that exempts the young person from the chosen deadline "
                "(possible where the law allows it)."
            )
        )
        self.revoke_button = QPushButton(self.tr("Re&voke exemption…"))
        self.buttons = QWidget()
        buttons = QHBoxLayout(self.buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.waive_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        self.waivers_model = WaiversModel(self)
        self.waivers_table = QTableView()
        self.waivers_table.setModel(self.waivers_model)
        name_table(
            self.waivers_table,
            self.tr("Exemptions"),
            self.tr("Decisions that exempt the young person from a deadline, with their reasons."),
        )
        self.waivers_table.setWordWrap(True)
        self.waivers_table.verticalHeader().hide()
        self.waivers_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # The reason and the revocation are the long texts: they share the spare width
        # and wrap; the dates and names fit their contents.
        waiver_header = self.waivers_table.horizontalHeader()
        waiver_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        waiver_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        waiver_header.resizeSection(0, self.fontMetrics().horizontalAdvance("Tilbud senest efter"))
        waiver_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        waiver_header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.waivers_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.waivers_box = QGroupBox(self.tr("Exemptions (kept, also when revoked)"))
        waivers_layout = QVBoxLayout(self.waivers_box)
        waivers_layout.addWidget(self.waivers_table)
        self.waivers_box.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.buttons)
        self.empty_box = QWidget()
        empty_layout = QVBoxLayout(self.empty_box)
        empty_layout.setContentsMargins(0, 8, 0, 0)
        empty_layout.addWidget(self.empty)
        empty_layout.addStretch(1)
        layout.addWidget(self.empty_box, 1)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.waivers_box)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        self.waive_button.clicked.connect(self.open_waive)
        self.revoke_button.clicked.connect(self.open_revoke)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        Operation(self, waivers.deadlines_tab, self._store, self._youth_id, self._today()).latest(
            "read"
        ).success(self._loaded).run()

    def _loaded(self, screen: DeadlinesTab) -> None:
        views = screen.deadlines
        selected = self.selected()
        self.model.set_rows(views)
        self.empty_box.setVisible(not views)
        self.table.setVisible(bool(views))
        self.table.resizeRowsToContents()
        # The buttons only where the law lets a deadline here be exempted.
        self.buttons.setVisible(
            any(v.waivable for v in views) or any(v.status is Status.EXEMPT for v in views)
        )
        self.waivers_model.replace_rows(screen.waivers)
        self.waivers_box.setVisible(bool(screen.waivers))
        self.waivers_table.resizeRowsToContents()
        if selected is not None:
            for row, view in enumerate(self.model.rows):
                if (view.rule_id, view.start) == (selected.rule_id, selected.start):
                    self.table.selectRow(row)
        self._update_buttons()
        self._refreshed()

    def selected(self) -> DeadlineView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.rows[rows[0].row()]

    def _update_buttons(self) -> None:
        view = self.selected()
        self.waive_button.setEnabled(
            view is not None and view.waivable and view.status in (Status.OPEN, Status.OVERDUE)
        )
        self.revoke_button.setEnabled(
            view is not None and view.status is Status.EXEMPT and view.waiver is not None
        )

    def _open(self, dialog: WorkDialog, done: str) -> None:
        # The table reads again from the change the dialog's operation announces.
        dialog.accepted.connect(partial(self.message.show_message, done))
        self.dialog = dialog
        dialog.open()

    def open_waive(self) -> None:
        view = self.selected()
        if view is None or not view.waivable:
            return
        self._open(
            WaiveDialog(self._store, view, self._today, self),
            self.tr("The young person is exempt from the deadline. The decision is kept."),
        )

    def open_revoke(self) -> None:
        view = self.selected()
        if view is None or view.waiver is None:
            return
        self._open(
            RevokeWaiverDialog(self._store, view, self._today, self),
            self.tr("The exemption was revoked. The history keeps it."),
        )
