"""Dialogs of the record's deadlines: exempt the young person from a deadline by a recorded
decision (date, who decided, the concrete assessment), and revoke such a decision with a
reason. Both run on the worker (services.waivers) and keep the history."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ungedesk.services import waivers
from ungedesk.services.deadlines import DeadlineView
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.dates import date_field, pydate
from ungedesk.ui.i18n import format_day
from ungedesk.ui.visitation.record_tab import RecordWorkDialog
from ungedesk.ui.widgets import HINT_STYLE, MessageLabel, add_row


def _deadline_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class WaiveDialog(RecordWorkDialog):
    """Exempt the young person from one deadline (the contact course from 1 July 2026)."""

    def __init__(
        self,
        store: Store,
        deadline: DeadlineView,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Exempt"), parent)
        self._store = store
        self._deadline = deadline
        self._today = today
        self.setWindowTitle(self.tr("Exempt from deadline"))
        self.setMinimumWidth(520)
        self.deadline = _deadline_label(
            self.tr("{deadline}, due {day}").format(
                deadline=deadline.description, day=format_day(deadline.due)
            )
        )
        hint = QLabel(
            self.tr(
                "The law lets the municipality exempt up to 25 % by a concrete assessment. "
                "The deadline is then shown as exempt, not overdue. The decision is kept "
                "and can be revoked, never deleted."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.decided_on = date_field(today(), latest=today())
        self.decided_by = QLineEdit()
        self.decided_by.setPlaceholderText(self.tr("Empty: you"))
        self.decided_by.setMaxLength(120)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("The concrete assessment behind the decision"))
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.field_errors = {
            f: MessageLabel() for f in ("rule_id", "decided_on", "decided_by", "reason")
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("Deadline"), self.deadline, self.field_errors["rule_id"])
        add_row(form, self.tr("&Decided on"), self.decided_on, self.field_errors["decided_on"])
        add_row(form, self.tr("Decided &by"), self.decided_by, self.field_errors["decided_by"])
        add_row(form, self.tr("&Reason"), self.reason, self.field_errors["reason"])
        self.body.addWidget(hint)
        self.body.addLayout(form)
        for first, second in itertools.pairwise(
            [self.decided_on, self.decided_by, self.reason, self.ok_button]
        ):
            self.setTabOrder(first, second)
        self.reason.setFocus()

    def accept_work(self) -> None:
        self.operation(
            waivers.waive,
            self._store,
            self._deadline.youth_id,
            self._deadline.rule_id,
            self._deadline.start,
            pydate(self.decided_on),
            self.reason.toPlainText(),
            today=self._today(),
            decided_by=self.decided_by.text(),
        ).changes(Change.of(Aspect.DEADLINES, youth_id=self._deadline.youth_id)).success(
            self.done_and_accept
        ).run()


class RevokeWaiverDialog(RecordWorkDialog):
    """Revoke an exemption: the deadline counts again; the decision stays in the history."""

    def __init__(
        self,
        store: Store,
        deadline: DeadlineView,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Re&voke"), parent)
        assert deadline.waiver is not None
        self._store = store
        self._waiver_id = deadline.waiver.id
        self._youth_id = deadline.youth_id
        self._today = today
        self.setWindowTitle(self.tr("Revoke exemption"))
        self.setMinimumWidth(520)
        self.deadline = _deadline_label(
            self.tr("{deadline}, exempt since {day}: {reason}").format(
                deadline=deadline.description,
                day=format_day(deadline.waiver.decided_on),
                reason=deadline.waiver.reason,
            )
        )
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.field_errors = {f: MessageLabel() for f in ("waiver", "reason")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("Deadline"), self.deadline, self.field_errors["waiver"])
        add_row(form, self.tr("&Why revoke"), self.reason, self.field_errors["reason"])
        self.body.addLayout(form)
        self.setTabOrder(self.reason, self.ok_button)
        self.reason.setFocus()

    def accept_work(self) -> None:
        self.operation(
            waivers.revoke,
            self._store,
            self._waiver_id,
            self.reason.toPlainText(),
            today=self._today(),
        ).changes(Change.of(Aspect.DEADLINES, youth_id=self._youth_id)).success(
            self.done_and_accept
        ).run()
