"""Correct a registered conversation (held, missed or cancelled): date and time, kind,
held or not, and who held it, always with a reason. The service keeps the values before
and after and recomputes the deadlines; this dialog shows the earlier corrections too."""

from __future__ import annotations

import itertools
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from ungedesk.domain.visitation import (
    CONVERSATION_LABELS,
    STATUS_LABELS,
    ConversationKind,
    ConversationStatus,
)
from ungedesk.services import conversations
from ungedesk.services.conversations import (
    CORRECTABLE,
    MAX_REASON,
    ConversationView,
    CorrectionInput,
)
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.dates import format_when_long
from ungedesk.ui.visitation.booking_dialog import (
    DateTimeField,
    HeldByField,
    qdatetime,
)
from ungedesk.ui.visitation.record_tab import RecordWorkDialog
from ungedesk.ui.widgets import HINT_STYLE, MessageLabel, add_row


def corrections_text(conversation: ConversationView) -> str:
    """The corrections in plain Danish, oldest first, one paragraph each (data, so Danish
    like the other domain labels)."""
    parts = []
    for c in conversation.corrections:
        # corrected_at is the store's UTC clock; shown as a date, the hour would mislead.
        parts.append(
            f"{c.corrected_at:%d.%m.%Y} rettet af {c.corrected_by}:\n"
            f"  Før: {c.before.describe()}\n"
            f"  Efter: {c.after.describe()}\n"
            f"  Begrundelse: {c.reason}"
        )
    return "\n\n".join(parts)


class CorrectionDialog(RecordWorkDialog):
    """Emits ``accepted`` after the correction is saved; ``saved`` holds the new view."""

    def __init__(
        self,
        store: Store,
        conversation: ConversationView,
        *,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Save correction"), parent)
        self._store = store
        self._conversation = conversation
        self._today = today
        self.saved: ConversationView | None = None
        self.setWindowTitle(self.tr("Correct conversation"))
        self.setMinimumWidth(560)

        now = QLabel(
            f"{conversation.kind_label}, {conversation.status_label.lower()}, "
            f"{format_when_long(conversation.starts_at)}"
        )
        now.setWordWrap(True)
        now.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QComboBox()
        for value in (
            ConversationStatus.HELD,
            ConversationStatus.MISSED,
            ConversationStatus.CANCELLED,
        ):
            self.status.addItem(STATUS_LABELS[value], value.value)
        self.status.setCurrentIndex(max(self.status.findData(conversation.status.value), 0))
        self.kind = QComboBox()
        for kind, label in CONVERSATION_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(conversation.kind.value))
        self.held_by = HeldByField()
        self.held_by.set_chosen(conversation.held_by)
        self.held_by.set_kind(conversation.kind, reset=False)
        self.starts_at = DateTimeField()
        self.starts_at.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.starts_at.setCalendarPopup(True)
        self.starts_at.setDateTime(qdatetime(conversation.starts_at))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why is the conversation corrected?"))
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.field_errors = {f: MessageLabel() for f in ("status", "starts_at", "reason")}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("Registered as"), now)
        add_row(form, self.tr("S&tatus"), self.status, self.field_errors["status"])
        add_row(form, self.tr("&Type"), self.kind)
        add_row(form, self.tr("Held &by"), self.held_by)
        add_row(form, self.tr("&Date and time"), self.starts_at, self.field_errors["starts_at"])
        add_row(form, self.tr("&Reason"), self.reason, self.field_errors["reason"])
        history = corrections_text(conversation)
        self.history: QPlainTextEdit | None = None
        if history:
            self.history = QPlainTextEdit(history)
            self.history.setReadOnly(True)
            self.history.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
            add_row(form, self.tr("Earlier corrections"), self.history)
        hint = QLabel(
            self.tr(
                "The values before the correction are kept with the reason. The deadlines "
                "are recomputed when you save."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.body.addLayout(form)
        self.body.addWidget(hint)

        for first, second in itertools.pairwise(
            [
                self.status,
                self.kind,
                self.held_by.combo,
                self.starts_at,
                self.reason,
                self.ok_button,
            ]
        ):
            self.setTabOrder(first, second)
        self.kind.currentIndexChanged.connect(self._reset_holder)
        self.status.setFocus()

    def _reset_holder(self) -> None:
        self.held_by.set_kind(self.chosen_kind(), reset=True)

    def chosen_kind(self) -> ConversationKind:
        return ConversationKind(str(self.kind.currentData()))

    def chosen_start(self) -> datetime:
        qdt = self.starts_at.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def correction_input(self) -> CorrectionInput:
        status = ConversationStatus(str(self.status.currentData()))
        assert status in CORRECTABLE
        return CorrectionInput(
            kind=self.chosen_kind(),
            status=status,
            starts_at=self.chosen_start(),
            held_by=self.held_by.chosen(),
            reason=self.reason.toPlainText(),
        )

    def accept_work(self) -> None:
        # Checked here as well so the caseworker gets the answer without a round trip; the
        # service checks it again (and everything else).
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.field_errors["reason"].show_message(
                self.tr("Write why the conversation is corrected.")
            )
            self.reason.setFocus()
            return
        if len(reason) > MAX_REASON:
            self.field_errors["reason"].show_message(
                self.tr("The reason can be at most {n} characters.").format(n=MAX_REASON)
            )
            self.reason.setFocus()
            return
        self.operation(
            conversations.correct,
            self._store,
            self._conversation.id,
            self.correction_input(),
            today=self._today,
        ).changes(
            Change.of(Aspect.CONVERSATIONS, Aspect.DEADLINES, youth_id=self._conversation.youth_id)
        ).success(self._saved).run()

    def _saved(self, view: ConversationView) -> None:
        self.saved = view
        self.done_and_accept()
