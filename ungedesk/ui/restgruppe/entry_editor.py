"""What the group decides about one young person on the list, and the two small dialogs of
the meeting: a try to reach the young person, and "has left the plan" (KUI deadlines).

The editor holds no "next step" of its own: Save is one operation (services
restgruppe_review.save) and the list refreshes from the change it announces.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import InputError, KnownError
from ungedesk.domain.kui import REACHED_LABELS, Reached
from ungedesk.domain.restgruppe import (
    CONTACT_LABELS,
    CONTACT_WAY_LABELS,
    ContactStatus,
    ContactWay,
)
from ungedesk.domain.typed_dates import TypedDateError, parse_typed_date
from ungedesk.services import restgruppe_review
from ungedesk.services.restgruppe_review import AttemptInput, ReviewEntry, ReviewInput
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.dates import date_field, pydate
from ungedesk.ui.elided_label import ElidedLabel
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import GOOD_STYLE, HINT_STYLE, WARNING_STYLE, MessageLabel, add_row
from ungedesk.ui.work_dialog import WorkDialog, clear_when_edited

NOT_REACHED = "none"


def _day(day: date | None) -> str:
    return "" if day is None else f"{day.day}.{day.month}.{day.year}"


def _typed(text: str, field: str) -> date | None:
    """An optional date typed the Danish ways; empty is no date."""
    if not text.strip():
        return None
    try:
        return parse_typed_date(text)
    except TypedDateError as exc:
        raise InputError({field: exc.message}) from None


def _change(entry: ReviewEntry) -> Change:
    if entry.youth_id is None:
        return Change.of(Aspect.RESTGRUPPE)
    return Change.of(
        Aspect.RESTGRUPPE, Aspect.VISITATION, Aspect.DEADLINES, youth_id=entry.youth_id
    )


class EntryEditor(QWidget):
    """The selected young person's review; ``register_requested`` asks the main window to
    open its registration form with the list's CPR number and name."""

    register_requested = Signal(str, str, str)

    def __init__(self, store: Store, today: Callable[[], date], parent: QWidget) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self.entry: ReviewEntry | None = None
        self.long_step = ""
        self.attempt_dialog: AttemptDialog | None = None
        self.left_dialog: LeftPlanDialog | None = None

        self.title = ElidedLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.flags = MessageLabel(WARNING_STYLE)
        self.misplaced = QLineEdit()
        self.misplaced.setPlaceholderText(self.tr("Empty: the young person belongs on the list"))
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.contact = QComboBox()
        for status, label in CONTACT_LABELS.items():
            self.contact.addItem(label, status.value)
        self.next_step = QLineEdit()
        self.next_step_on = QLineEdit()
        self.next_step_on.setPlaceholderText(self.tr("e.g. 3.12.2026"))
        self.sanction = QLineEdit()
        self.sanction.setPlaceholderText(self.tr("Empty: no sanction recommended"))
        self.decided_by = QLineEdit()
        self.back_on = QLineEdit()
        self.back_on.setPlaceholderText(self.tr("e.g. 9.11.2026"))
        self.errors: dict[str, MessageLabel] = {}
        form = QFormLayout()
        for key, label, field, description in (
            (
                "misplaced_reason",
                self.tr("&Misplaced, because:"),
                self.misplaced,
                self.tr("Why the young person should not be on the list; out of the count"),
            ),
            (
                "action_owner",
                self.tr("Action &owner:"),
                self.owner,
                self.tr("Who acts on the young person's behalf until the next meeting"),
            ),
            ("contact_status", self.tr("&Contact:"), self.contact, ""),
            ("next_step", self.tr("&Next step:"), self.next_step, ""),
            ("next_step_on", self.tr("Next step &date:"), self.next_step_on, ""),
            (
                "sanction_reason",
                self.tr("&Sanction recommended, because:"),
                self.sanction,
                self.tr("The group's reason for recommending a sanction on the youth allowance"),
            ),
            ("sanction_decided_by", self.tr("Decided &by:"), self.decided_by, ""),
            ("back_in_education_on", self.tr("Back in education or &work on:"), self.back_on, ""),
        ):
            message = MessageLabel()
            self.errors[key] = message
            add_row(form, label, field, message, description=description)
        self.attempts = QLabel()
        self.attempts.setWordWrap(True)
        self.attempts.setTextFormat(Qt.TextFormat.PlainText)
        self.attempts.setStyleSheet(HINT_STYLE)
        self.message = MessageLabel()
        self.notice = MessageLabel(GOOD_STYLE)

        self.save_button = QPushButton(self.tr("Sa&ve"))
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.attempt_button = QPushButton(self.tr("&Try to reach…"))
        self.attempt_button.clicked.connect(self.open_attempt)
        self.left_button = QPushButton(self.tr("&Left the plan…"))
        self.left_button.setToolTip(
            self.tr("Starts the KUI deadlines: contact within 5 working days, a new activity")
        )
        self.left_button.clicked.connect(self.open_left_plan)
        self.register_button = QPushButton(self.tr("&Register…"))
        self.register_button.clicked.connect(self._ask_register)
        buttons = QHBoxLayout()
        for button in (
            self.save_button,
            self.attempt_button,
            self.left_button,
            self.register_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.flags)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Tries to reach:")))
        layout.addWidget(self.attempts)
        layout.addWidget(self.message)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.show_entry(None)

    def set_owners(self, names: list[str]) -> None:
        current = self.owner.currentText()
        self.owner.clear()
        self.owner.addItems(["", *names])
        self.owner.setCurrentText(current)

    def show_entry(self, entry: ReviewEntry | None) -> None:
        self.entry = entry
        for label in (*self.errors.values(), self.message, self.notice):
            label.show_message(None)
        self.setEnabled(entry is not None)
        if entry is None:
            self.title.setText(self.tr("Choose a young person on the list"))
            self.flags.show_message(None)
            self.attempts.clear()
            return
        self.title.setText(f"{entry.name}  {entry.masked_cpr}")
        flags = []
        if entry.repeater:
            flags.append(
                self.tr("On the list %1 months in a row.").replace("%1", str(entry.streak))
            )
            if self.long_step:
                flags.append(self.long_step)
        if entry.youth_id is None:
            flags.append(self.tr("Not registered in UngeDesk."))
        self.flags.show_message(" ".join(flags) or None)
        self.misplaced.setText(entry.misplaced_reason)
        self.owner.setCurrentText(entry.action_owner)
        self.contact.setCurrentIndex(max(0, self.contact.findData(entry.contact_status.value)))
        self.next_step.setText(entry.next_step)
        self.next_step_on.setText(_day(entry.next_step_on))
        self.sanction.setText(entry.sanction_reason)
        self.decided_by.setText(entry.sanction_decided_by)
        self.back_on.setText(_day(entry.back_in_education_on))
        self.attempts.setText(
            "\n".join(
                f"{_day(a.on)} · {CONTACT_WAY_LABELS[a.how]} · "
                + (
                    REACHED_LABELS[a.reached]
                    if a.reached is not Reached.UNKNOWN
                    else self.tr("nobody reached")
                )
                + (f" · {a.note}" if a.note else "")
                for a in entry.attempts
            )
            or self.tr("None yet.")
        )
        self.left_button.setEnabled(entry.youth_id is not None)
        self.register_button.setVisible(entry.youth_id is None)

    def review_input(self) -> ReviewInput:
        status = self.contact.currentData()
        return ReviewInput(
            misplaced_reason=self.misplaced.text(),
            action_owner=self.owner.currentText(),
            contact_status=ContactStatus(status if isinstance(status, str) else ""),
            next_step=self.next_step.text(),
            next_step_on=_typed(self.next_step_on.text(), "next_step_on"),
            sanction_reason=self.sanction.text(),
            sanction_decided_by=self.decided_by.text(),
            back_in_education_on=_typed(self.back_on.text(), "back_in_education_on"),
        )

    def save(self) -> None:
        entry = self.entry
        if entry is None:
            return
        for label in (*self.errors.values(), self.message, self.notice):
            label.show_message(None)
        try:
            data = self.review_input()
        except InputError as exc:
            self.show_known_error(exc)
            return
        Operation(
            self, restgruppe_review.save, self._store, entry.id, data, today=self._today()
        ).changes(_change(entry)).success(self._saved).run()

    def _saved(self, entry: ReviewEntry) -> None:
        self.notice.show_message(self.tr("Saved."))

    def show_known_error(self, error: KnownError) -> None:
        if isinstance(error, InputError):
            rest = []
            for field, text in error.fields.items():
                label = self.errors.get(field)
                if label is None:
                    rest.append(text)
                else:
                    label.show_message(text)
                    clear_when_edited(label)
            self.message.show_message(" ".join(rest) or None)
            return
        self.message.show_message(error.message)

    def open_attempt(self) -> AttemptDialog | None:
        if self.entry is None:
            return None
        dialog = AttemptDialog(self._store, self.entry, self._today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.attempt_dialog = dialog
        dialog.open()
        return dialog

    def open_left_plan(self) -> LeftPlanDialog | None:
        if self.entry is None or self.entry.youth_id is None:
            return None
        dialog = LeftPlanDialog(self._store, self.entry, self._today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.left_dialog = dialog
        dialog.open()
        return dialog

    def _ask_register(self) -> None:
        if self.entry is not None:
            first, _, last = self.entry.name.partition(" ")
            self.register_requested.emit(self.entry.cpr, first, last)


class AttemptDialog(WorkDialog):
    def __init__(self, store: Store, entry: ReviewEntry, today: date, parent: QWidget) -> None:
        super().__init__(self.tr("&Save the try"), parent)
        self._store = store
        self._entry = entry
        self._today = today
        self.setWindowTitle(self.tr("Try to reach %1").replace("%1", entry.name))
        self.on = date_field(today, latest=today)
        self.how = QComboBox()
        for way, label in CONTACT_WAY_LABELS.items():
            self.how.addItem(label, way.value)
        self.reached = QComboBox()
        self.reached.addItem(self.tr("Nobody was reached"), NOT_REACHED)
        for who in (Reached.YOUTH, Reached.PARENTS, Reached.BOTH):
            self.reached.addItem(REACHED_LABELS[who], who.value)
        self.note = QLineEdit()
        form = QFormLayout()
        for key, label, field in (
            ("on", self.tr("&Date:"), self.on),
            ("how", self.tr("&How:"), self.how),
            ("reached", self.tr("&Reached:"), self.reached),
            ("note", self.tr("&Note:"), self.note),
        ):
            message = MessageLabel()
            self.field_errors[key] = message
            add_row(form, label, field, message)
        self.body.addLayout(form)
        if entry.youth_id is not None:
            hint = QLabel(self.tr("A reached contact also counts as the KUI contact."))
            hint.setStyleSheet(HINT_STYLE)
            hint.setWordWrap(True)
            self.body.addWidget(hint)

    def accept_work(self) -> None:
        how, reached = self.how.currentData(), self.reached.currentData()
        data = AttemptInput(
            on=pydate(self.on),
            how=ContactWay(how if isinstance(how, str) else ContactWay.PHONE.value),
            reached=Reached.UNKNOWN if reached == NOT_REACHED else Reached(str(reached)),
            note=self.note.text(),
        )
        self.operation(
            restgruppe_review.add_attempt, self._store, self._entry.id, data, today=self._today
        ).changes(_change(self._entry)).success(self._done).run()

    def _done(self, _entry: ReviewEntry) -> None:
        self.accept()


class LeftPlanDialog(WorkDialog):
    def __init__(self, store: Store, entry: ReviewEntry, today: date, parent: QWidget) -> None:
        super().__init__(self.tr("&Start the deadlines"), parent)
        self._store = store
        self._entry = entry
        self._today = today
        self.setWindowTitle(self.tr("%1 has left the plan").replace("%1", entry.name))
        self.left_on = date_field(today, latest=today)
        self.learned_on = date_field(today, latest=today)
        form = QFormLayout()
        for key, label, field in (
            ("left_on", self.tr("&Left the plan on:"), self.left_on),
            ("learned_on", self.tr("The municipality &learned of it on:"), self.learned_on),
        ):
            message = MessageLabel()
            self.field_errors[key] = message
            add_row(form, label, field, message)
        self.body.addLayout(form)
        hint = QLabel(
            self.tr(
                "The KUI deadlines start from the day the municipality learned of it: contact "
                "with the young person and the parents within 5 working days, and a new "
                "activity within 30 days."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.body.addWidget(hint)

    def accept_work(self) -> None:
        self.operation(
            restgruppe_review.record_left_plan,
            self._store,
            self._entry.id,
            pydate(self.left_on),
            pydate(self.learned_on),
            today=self._today,
        ).changes(_change(self._entry)).success(self._done).run()

    def _done(self, _entry: ReviewEntry) -> None:
        self.accept()
