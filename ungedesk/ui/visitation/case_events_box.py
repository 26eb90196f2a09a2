"""The record's case events (left the plan, contact, new activity …) as a read-only list,
so who was contacted and when can be read back, not only recorded."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHeaderView, QTableView, QVBoxLayout

from ungedesk.domain.errors import KnownError
from ungedesk.services import visitation
from ungedesk.services.visitation import CaseEventView
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.i18n import format_day
from ungedesk.ui.widgets import MessageLabel


class CaseEventsBox(QGroupBox):
    def __init__(self, store: Store, youth_id: int) -> None:
        super().__init__()
        self.setTitle(self.tr("Events"))
        self._store = store
        self._youth_id = youth_id
        self.loads = 0  # answers received: tests wait for the next one
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Event"), self.tr("Details"), self.tr("Note")]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.error = MessageLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        self.hide()  # until there is something to show
        self.reload()

    def reload(self) -> None:
        tasks.run_task(
            visitation.events,
            self._store,
            self._youth_id,
            on_done=self._loaded,
            on_error=self._failed,
        )

    def details(self, e: CaseEventView) -> str:
        if e.kind == "left_plan" and e.learned_on is not None:
            return self.tr("The municipality learned of it {day}").format(
                day=format_day(e.learned_on)
            )
        if e.kind == "contact":
            return self.tr("Reached: {who}").format(who=e.reached_label)
        return ""

    def _loaded(self, rows: list[CaseEventView]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for e in rows:
            self.model.appendRow(
                [
                    QStandardItem(format_day(e.on)),
                    QStandardItem(e.label),
                    QStandardItem(self.details(e)),
                    QStandardItem(e.note),
                ]
            )
        self.setVisible(bool(rows))
        self.loads += 1

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self.error.show_message(exc.message)
            self.show()
            return
        raise exc
