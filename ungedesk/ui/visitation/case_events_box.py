"""The record's case events (left the plan, contact, new activity …) as a read-only list,
so who was contacted and when can be read back, not only recorded. The visitation tab reads
them with the rest of the tab and hands them over."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHeaderView, QTableView, QVBoxLayout

from ungedesk.services.visitation import CaseEventView
from ungedesk.ui.i18n import format_day
from ungedesk.ui.widgets import name_table


class CaseEventsBox(QGroupBox):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Events"))
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Event"), self.tr("Details"), self.tr("Note")]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        name_table(
            self.table,
            self.tr("Events"),
            self.tr("Events in the case, such as contacts and offers, with their dates."),
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The note takes what is left and wraps rather than being cut.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._fit_rows)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.hide()  # until there is something to show

    def details(self, e: CaseEventView) -> str:
        if e.kind == "left_plan" and e.learned_on is not None:
            return self.tr("The municipality learned of it {day}").format(
                day=format_day(e.learned_on)
            )
        if e.kind == "contact":
            return self.tr("Reached: {who}").format(who=e.reached_label)
        return ""

    def show_events(self, rows: tuple[CaseEventView, ...]) -> None:
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
        self._fit_rows()

    def _fit_rows(self) -> None:
        self.table.resizeRowsToContents()
