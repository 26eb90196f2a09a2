"""The record's "Visitation" tab: the visitation, the target-group history and the
buttons that change them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.services import visitation
from ungedesk.services.visitation import VisitationTab, VisitationView
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect
from ungedesk.ui.i18n import format_day
from ungedesk.ui.operations import Operation
from ungedesk.ui.visitation.case_events_box import CaseEventsBox
from ungedesk.ui.visitation.record_tab import RecordTab
from ungedesk.ui.visitation.visitation_dialogs import (
    EventDialog,
    TargetGroupDialog,
    VisitationDialog,
)
from ungedesk.ui.widgets import HINT_STYLE, MessageLabel, name_table
from ungedesk.ui.work_dialog import WorkDialog


def _value() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class VisitationPanel(RecordTab):
    # The expected-rules switch (a setting) decides which target groups the dialogs offer.
    ASPECTS = (Aspect.VISITATION, Aspect.SETTINGS, Aspect.RULES)

    def __init__(
        self,
        store: Store,
        youth_id: int,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, youth_id, parent)
        self._today = today
        self.current: VisitationView | None = None
        self.expected_rules = False
        self.dialog: WorkDialog | None = None

        self.empty = QLabel(self.tr("No visitation has been registered yet."))
        self.empty.setStyleSheet(HINT_STYLE)
        self.register_button = QPushButton(self.tr("&Register visitation…"))
        self.correct_button = QPushButton(self.tr("Co&rrect visitation…"))
        self.change_button = QPushButton(self.tr("Change tar&get group…"))
        self.event_button = QPushButton(self.tr("Record e&vent…"))
        self.event_button.setToolTip(
            self.tr(
                "Events the deadlines react to, e.g. that the young person has left their plan."
            )
        )
        buttons = QHBoxLayout()
        for button in (
            self.register_button,
            self.correct_button,
            self.change_button,
            self.event_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.visited_on = _value()
        self.group = _value()
        self.sub_assessment = _value()
        self.reasons = _value()
        self.paalaeg = _value()
        self.fvu_obu = _value()
        self.fgu_assessment = _value()
        self.stu_assessment = _value()
        self.uu_present = _value()
        self.turned_away = _value()
        self.details = QGroupBox(self.tr("Visitation"))
        form = QFormLayout(self.details)
        form.addRow(self.tr("Visitation date"), self.visited_on)
        form.addRow(self.tr("Current target group"), self.group)
        form.addRow(self.tr("Sub-assessment"), self.sub_assessment)
        form.addRow(self.tr("Reasons"), self.reasons)
        form.addRow(self.tr("Education order"), self.paalaeg)
        form.addRow(self.tr("FVU/OBU screening"), self.fvu_obu)
        form.addRow(self.tr("Target group assessment to FGU (KUI § 2 k)"), self.fgu_assessment)
        form.addRow(self.tr("STU assessment (STU law)"), self.stu_assessment)
        form.addRow(self.tr("UU counsellor present"), self.uu_present)
        form.addRow(self.tr("Turned away at the door"), self.turned_away)

        self.history_model = QStandardItemModel(self)
        self.history_model.setHorizontalHeaderLabels(
            [self.tr("From"), self.tr("Target group"), self.tr("Sub-assessment"), self.tr("Reason")]
        )
        self.history = QTableView()
        self.history.setModel(self.history_model)
        name_table(
            self.history,
            self.tr("Target group history"),
            self.tr("Each target group the young person has had, from which date and why."),
        )
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().hide()
        # The date and the sub-assessment are as wide as they are; the target group (up to
        # ~80 characters) and the reason share what is left and wrap, so nothing is cut to
        # "…" (which the date and target group were).
        self.history.setWordWrap(True)
        self.history.setTextElideMode(Qt.TextElideMode.ElideNone)
        history_header = self.history.horizontalHeader()
        # The date and sub-assessment get their widths from their text (_fit_history):
        # Qt's ResizeToContents took the wrapped width, cutting the date to "…".
        history_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        history_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        history_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        history_header.sectionResized.connect(self._fit_history_rows)
        self.history_box = QGroupBox(self.tr("Target group history"))
        history_layout = QVBoxLayout(self.history_box)
        history_layout.addWidget(self.history)
        self.message = MessageLabel(HINT_STYLE)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.details)
        layout.addWidget(self.history_box, 1)
        self.events = CaseEventsBox()
        layout.addWidget(self.events, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addStretch(0)

        self.register_button.clicked.connect(self.open_visitation)
        self.correct_button.clicked.connect(self.open_visitation)
        self.change_button.clicked.connect(self.open_target_group)
        self.event_button.clicked.connect(self.open_event)
        self._show(None)
        self.reload()

    def reload(self) -> None:
        Operation(self, visitation.tab, self._store, self._youth_id).latest("read").success(
            self._loaded
        ).run()

    def _loaded(self, tab: VisitationTab) -> None:
        self.expected_rules = tab.expected_rules
        self._show(tab.view)
        self.events.show_events(tab.events)
        self._refreshed()

    def _show(self, view: VisitationView | None) -> None:
        self.current = view
        has = view is not None
        self.empty.setVisible(not has)
        self.register_button.setVisible(not has)
        self.correct_button.setVisible(has)
        self.change_button.setVisible(has)
        self.details.setVisible(has)
        self.history_box.setVisible(has)
        self.history_model.removeRows(0, self.history_model.rowCount())
        if view is None:
            return
        yes, no = self.tr("Yes"), self.tr("No")
        self.visited_on.setText(format_day(view.visited_on))
        current = view.groups[-1] if view.groups else None
        self.group.setText(current.label if current else "")
        self.sub_assessment.setText(current.sub_assessment if current else "")
        self.reasons.setText(view.reasons or self.tr("Not given"))
        if view.paalaeg_given_on is None:
            self.paalaeg.setText(self.tr("None"))
        else:
            text = self.tr("Given {day}: {education}").format(
                day=format_day(view.paalaeg_given_on), education=view.paalaeg_education
            )
            if view.paalaeg_deadline is not None:
                text += self.tr(", deadline {day}").format(day=format_day(view.paalaeg_deadline))
            self.paalaeg.setText(text)
        self.fvu_obu.setText(self.tr("Needed") if view.fvu_obu_screening else no)
        for label, day in (
            (self.fgu_assessment, view.fgu_assessed_on),
            (self.stu_assessment, view.stu_assessed_on),
        ):
            label.setText(
                self.tr("Assessed {day}").format(day=format_day(day)) if day else self.tr("No")
            )
        self.uu_present.setText(yes if view.uu_present else no)
        self.turned_away.setText(yes if view.turned_away else no)
        for entry in view.groups:
            items = [
                QStandardItem(format_day(entry.valid_from)),
                QStandardItem(entry.label),
                QStandardItem(entry.sub_assessment),
                QStandardItem(entry.reason),
            ]
            for item in items:
                item.setToolTip(item.text())
            self.history_model.appendRow(items)
        metrics = self.history.fontMetrics()
        for column in (0, 2):
            texts = [self.history_model.headerData(column, Qt.Orientation.Horizontal)] + [
                self.history_model.item(row, column).text()
                for row in range(self.history_model.rowCount())
            ]
            self.history.setColumnWidth(
                column, max(metrics.horizontalAdvance(str(t)) for t in texts) + 24
            )
        self._fit_history_rows()

    def _fit_history_rows(self) -> None:
        # Rows as tall as their wrapped text; the history is a handful of rows.
        self.history.resizeRowsToContents()

    # --- dialogs -------------------------------------------------------------------------

    def _open(self, dialog: WorkDialog, done: str) -> None:
        # The tab reads again from the change the dialog's operation announces.
        dialog.accepted.connect(partial(self.message.show_message, done))
        self.dialog = dialog
        dialog.open()

    def open_visitation(self) -> None:
        self._open(
            VisitationDialog(
                self._store,
                self._youth_id,
                self._today,
                self.current,
                self,
                expected_rules=self.expected_rules,
            ),
            self.tr("The visitation was saved."),
        )

    def open_target_group(self) -> None:
        self._open(
            TargetGroupDialog(
                self._store,
                self._youth_id,
                self._today,
                self,
                current_group=self.current.groups[-1].code
                if self.current and self.current.groups
                else "",
                expected_rules=self.expected_rules,
            ),
            self.tr("The target group was changed. The history keeps the earlier ones."),
        )

    def open_event(self) -> None:
        self._open(
            EventDialog(self._store, self._youth_id, self._today, self),
            self.tr("The event was recorded."),
        )
