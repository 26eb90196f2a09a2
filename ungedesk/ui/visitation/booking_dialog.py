"""Book a conversation (or record one afterwards) in a handful of keystrokes.

The dialog opens filled in: the kind (first conversation until one is held, then a
jobsamtale), the next free UU slot, 45 minutes, in person at the place used last time, and
the usual participants. Enter books; any date and time can still be typed.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.visitation import (
    CONVERSATION_LABELS,
    DEFAULT_HELD_BY,
    HELD_BY_LABELS,
    MODE_LABELS,
    STATUS_LABELS,
    ConversationInput,
    ConversationKind,
    ConversationStatus,
    HeldBy,
    Mode,
    counts_as_jobsamtale,
)
from ungedesk.services import conversations
from ungedesk.services.conversations import ConversationView
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.dates import format_when_long
from ungedesk.ui.visitation.record_tab import RecordWorkDialog
from ungedesk.ui.widgets import HINT_STYLE, FittingDialog, MessageLabel, add_row, name_field

# Stored with the conversation as data, in Danish like the other labels of the domain.
PARTICIPANTS = ("Sagsbehandler", "UU-vejleder", "Den unge", "Forælder")
UU_KINDS = frozenset({ConversationKind.FIRST, ConversationKind.JOINT_UU})


@dataclass(frozen=True, slots=True)
class BookingDefaults:
    """What the dialog starts from: the young person's conversations (newest first) and
    the next free UU slots."""

    history: tuple[ConversationView, ...]
    free_slots: tuple[datetime, ...]
    now: datetime

    @property
    def kind(self) -> ConversationKind:
        held = any(c.status is ConversationStatus.HELD for c in self.history)
        return ConversationKind.JOB if held else ConversationKind.FIRST

    @property
    def place(self) -> str:
        return next((c.place for c in self.history if c.place), "")

    @property
    def starts_at(self) -> datetime:
        if self.free_slots:
            return self.free_slots[0]
        day = self.now.date() + timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return datetime(day.year, day.month, day.day, 9, 0)


class DateTimeField(QDateTimeEdit):
    """Tab leaves the field (as DateField does) instead of walking through its parts."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


def qdatetime(at: datetime) -> QDateTime:
    return QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))


def held_by_combo() -> QComboBox:
    combo = QComboBox()
    for holder, label in HELD_BY_LABELS.items():
        combo.addItem(label, holder.value)
    return combo


class HeldByField(QWidget):
    """Who holds the conversation, with a line saying whether it counts as a jobsamtale.

    A follow-up may be held by UU alone (then it is no jobsamtale, LAB § 31), so for that
    kind the caption asks; the other kinds have one usual holder, still changeable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = held_by_combo()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.combo)
        layout.addWidget(self.hint)
        self._kind = ConversationKind.JOB
        self.combo.currentIndexChanged.connect(self._update_hint)

    def chosen(self) -> HeldBy:
        return HeldBy(str(self.combo.currentData()))

    def set_chosen(self, holder: HeldBy) -> None:
        self.combo.setCurrentIndex(self.combo.findData(holder.value))

    def set_kind(self, kind: ConversationKind, *, reset: bool) -> None:
        """Follow the chosen kind; ``reset`` puts the kind's usual holder back."""
        self._kind = kind
        if reset:
            self.set_chosen(DEFAULT_HELD_BY[kind])
        self._update_hint()

    def _update_hint(self) -> None:
        if counts_as_jobsamtale(self._kind, self.chosen()):
            text = self.tr("Counts as a jobsamtale when held.")
        elif self._kind in (ConversationKind.TEAM,):
            text = self.tr("A team meeting is not a jobsamtale.")
        else:
            text = self.tr(
                "Held by UU alone: guidance under the youth effort, not a jobsamtale "
                "(it meets no jobsamtale deadline)."
            )
        if self._kind is ConversationKind.FOLLOW_UP:
            text = self.tr("Who holds the follow-up?") + " " + text
        self.hint.setText(text)
        window = self.window()
        if isinstance(window, FittingDialog):  # a longer hint may wrap onto another line
            window.refit_later()


class BookingDialog(RecordWorkDialog):
    """Emits ``accepted`` after the conversation is saved; ``saved_id`` holds its id."""

    def __init__(
        self,
        store: Store,
        youth_id: int,
        defaults: BookingDefaults,
        *,
        status: ConversationStatus = ConversationStatus.BOOKED,
        parent: QWidget | None = None,
    ) -> None:
        ok_text = self.tr("&Book") if status is ConversationStatus.BOOKED else self.tr("&Save")
        super().__init__(ok_text, parent)
        self._store = store
        self._youth_id = youth_id
        self._defaults = defaults
        self.saved_id: int | None = None
        self.setWindowTitle(
            self.tr("Book a conversation")
            if status is ConversationStatus.BOOKED
            else self.tr("Record a conversation")
        )
        self.setMinimumWidth(560)

        self.status = QComboBox()
        for value in (
            ConversationStatus.BOOKED,
            ConversationStatus.HELD,
            ConversationStatus.MISSED,
        ):
            self.status.addItem(STATUS_LABELS[value], value.value)
        self.status.setCurrentIndex(self.status.findData(status.value))
        self.kind = QComboBox()
        for kind, label in CONVERSATION_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(defaults.kind.value))
        self.held_by = HeldByField()
        self.slot = QComboBox()
        for at in defaults.free_slots:
            self.slot.addItem(format_when_long(at), at)
        self.slot.addItem(self.tr("Another time (type it below)"), None)
        self.starts_at = DateTimeField()
        self.starts_at.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.starts_at.setCalendarPopup(True)
        self.starts_at.setDateTime(qdatetime(defaults.starts_at))
        self.when_text = QLabel()
        self.when_text.setStyleSheet(HINT_STYLE)
        self.duration = QSpinBox()
        self.duration.setRange(5, 480)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min."))
        self.duration.setValue(45)
        self.mode = QComboBox()
        for mode, label in MODE_LABELS.items():
            self.mode.addItem(label, mode.value)
        self.place = QLineEdit(defaults.place)
        self.place.setMaxLength(200)
        self.place.setPlaceholderText(self.tr("e.g. your unit, meeting room 2"))

        self.participant_boxes: list[QCheckBox] = [
            QCheckBox(self.tr("Caseworker")),
            QCheckBox(self.tr("UU counsellor")),
            QCheckBox(self.tr("The young person")),
            QCheckBox(self.tr("Parent")),
        ]
        self.caseworker_box, self.uu_box, self.youth_box, self.parent_box = self.participant_boxes
        self.caseworker_box.setChecked(True)
        self.youth_box.setChecked(True)
        self.others = QLineEdit()
        self.others.setPlaceholderText(self.tr("Others, separated by commas"))
        name_field(
            self.others, self.tr("Other participants"), self.tr("Names separated by commas.")
        )
        people = QWidget()
        grid = QGridLayout(people)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.participant_boxes):
            grid.addWidget(box, i // 2, i % 2)
        grid.addWidget(self.others, 2, 0, 1, 2)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        self.field_errors = {
            f: MessageLabel() for f in ("starts_at", "duration_minutes", "place", "notes")
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("S&tatus"), self.status)
        add_row(form, self.tr("&Type"), self.kind)
        add_row(form, self.tr("Held &by"), self.held_by)
        self.slot_caption = add_row(form, self.tr("Free &UU time"), self.slot)
        add_row(
            form,
            self.tr("&Date and time"),
            self.starts_at,
            self.when_text,
            self.field_errors["starts_at"],
        )
        add_row(form, self.tr("D&uration"), self.duration, self.field_errors["duration_minutes"])
        add_row(form, self.tr("&Form"), self.mode)
        add_row(form, self.tr("&Place"), self.place, self.field_errors["place"])
        add_row(form, self.tr("Partic&ipants"), people)
        self.notes_caption = add_row(
            form, self.tr("&Notes"), self.notes, self.field_errors["notes"]
        )
        self.body.addLayout(form)

        order: list[QWidget] = [
            self.status,
            self.kind,
            self.held_by.combo,
            self.slot,
            self.starts_at,
            self.duration,
            self.mode,
            self.place,
            *self.participant_boxes,
            self.others,
            self.notes,
            self.ok_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

        # Another kind puts its usual holder back first (a joint UU conversation is joint).
        self.kind.currentIndexChanged.connect(self._reset_holder)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.held_by.set_kind(self.chosen_kind(), reset=True)
        self.slot.currentIndexChanged.connect(self._slot_chosen)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.starts_at.dateTimeChanged.connect(self._start_changed)
        self._kind_changed()
        self._status_changed()
        self._start_changed()
        self.kind.setFocus()

    # --- reading the form ----------------------------------------------------------------

    def chosen_status(self) -> ConversationStatus:
        return ConversationStatus(str(self.status.currentData()))

    def chosen_kind(self) -> ConversationKind:
        return ConversationKind(str(self.kind.currentData()))

    def chosen_start(self) -> datetime:
        qdt = self.starts_at.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def participants(self) -> tuple[str, ...]:
        chosen = [
            value
            for value, box in zip(PARTICIPANTS, self.participant_boxes, strict=True)
            if box.isChecked()
        ]
        chosen += [p.strip() for p in self.others.text().split(",") if p.strip()]
        return tuple(chosen)

    def conversation_input(self) -> ConversationInput:
        return ConversationInput(
            kind=self.chosen_kind(),
            starts_at=self.chosen_start(),
            duration_minutes=self.duration.value(),
            mode=Mode(str(self.mode.currentData())),
            place=self.place.text() if self.mode.currentData() == Mode.IN_PERSON.value else "",
            participants=self.participants(),
            notes=self.notes.toPlainText(),
            held_by=self.held_by.chosen(),
        )

    # --- reacting ------------------------------------------------------------------------

    def _reset_holder(self) -> None:
        self.held_by.set_kind(self.chosen_kind(), reset=True)

    def _kind_changed(self) -> None:
        self.held_by.set_kind(self.chosen_kind(), reset=False)
        with_uu = self.chosen_kind() in UU_KINDS
        self.uu_box.setChecked(with_uu)
        offers = with_uu and self.chosen_status() is ConversationStatus.BOOKED
        self.slot.setVisible(offers)
        self.slot_caption.setVisible(offers)
        if offers and self.slot.currentData() is not None:
            self._slot_chosen()
        self.refit_later()

    def _slot_chosen(self) -> None:
        at = self.slot.currentData()
        if isinstance(at, datetime):
            self.starts_at.setDateTime(qdatetime(at))

    def _start_changed(self) -> None:
        self.when_text.setText(format_when_long(self.chosen_start()))

    def _status_changed(self) -> None:
        after_the_fact = self.chosen_status() is not ConversationStatus.BOOKED
        now = self._defaults.now
        if after_the_fact and self.chosen_start() > now:
            # A conversation recorded afterwards happened earlier today, not in a free slot.
            self.starts_at.setDateTime(
                qdatetime(now.replace(minute=now.minute - now.minute % 15, second=0))
            )
        elif not after_the_fact and self.chosen_start() <= now:
            self.starts_at.setDateTime(qdatetime(self._defaults.starts_at))
        self.notes.setVisible(after_the_fact)
        self.notes_caption.setVisible(after_the_fact)
        self.ok_button.setText(self.tr("&Save") if after_the_fact else self.tr("&Book"))
        self._kind_changed()

    def _mode_changed(self) -> None:
        self.place.setEnabled(self.mode.currentData() == Mode.IN_PERSON.value)

    def accept_work(self) -> None:
        self.operation(
            conversations.book,
            self._store,
            self._youth_id,
            self.conversation_input(),
            self.chosen_status(),
            today=self._defaults.now.date(),
        ).changes(
            Change.of(Aspect.CONVERSATIONS, Aspect.DEADLINES, youth_id=self._youth_id)
        ).success(self._saved).run()

    def _saved(self, conversation_id: int) -> None:
        self.saved_id = conversation_id
        self.done_and_accept()


class HeldDialog(RecordWorkDialog):
    """Mark a booked conversation as held, with its notes."""

    def __init__(
        self,
        store: Store,
        conversation: ConversationView,
        parent: QWidget | None = None,
        *,
        today: date,
    ) -> None:
        super().__init__(self.tr("&Mark held"), parent)
        self._store = store
        self._conversation = conversation
        self._today = today
        self.setWindowTitle(self.tr("Conversation held"))
        self.setMinimumWidth(480)
        self.notes = QPlainTextEdit(conversation.notes)
        self.notes.setTabChangesFocus(True)
        # A conversation booked for a later day cannot be held yet: the service says so here.
        self.field_errors = {"notes": MessageLabel(), "starts_at": MessageLabel()}
        form = QFormLayout()
        add_row(
            form,
            self.tr("Conversation"),
            _plain_label(f"{conversation.kind_label}, {format_when_long(conversation.starts_at)}"),
            self.field_errors["starts_at"],
        )
        add_row(form, self.tr("&Notes"), self.notes, self.field_errors["notes"])
        self.body.addLayout(form)
        self.notes.setFocus()

    def accept_work(self) -> None:
        self.operation(
            conversations.set_status,
            self._store,
            self._conversation.id,
            ConversationStatus.HELD,
            notes=self.notes.toPlainText(),
            today=self._today,
        ).changes(
            Change.of(Aspect.CONVERSATIONS, Aspect.DEADLINES, youth_id=self._conversation.youth_id)
        ).success(self.done_and_accept).run()


def _plain_label(text: str) -> QWidget:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
