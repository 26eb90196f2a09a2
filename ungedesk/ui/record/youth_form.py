"""Register a young person, or edit their basic data: one form, keyboard first."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain import cpr as cprmod
from ungedesk.domain.cpr import LegalSex
from ungedesk.domain.errors import InputError, KnownError
from ungedesk.domain.postcodes import PostcodeState, look_up
from ungedesk.domain.youth import (
    BENEFIT_LABELS,
    EARLIEST_HENVENDELSE,
    EDUCATION_LABELS,
    Benefit,
    Education,
    YouthInput,
    allowed_benefits,
)
from ungedesk.services import postcodes, youths
from ungedesk.services.caseworkers import CaseworkerView
from ungedesk.services.youths import RegisterOutcome, YouthRecord
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.i18n import format_day
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import (
    HINT_STYLE,
    WARNING_STYLE,
    BusyBar,
    DateField,
    FittingDialog,
    MessageLabel,
    add_row,
    field_with_message,
    name_field,
)
from ungedesk.ui.work_dialog import clear_when_edited

FIELDS = (
    "cpr",
    "first_name",
    "last_name",
    "address",
    "postal_code",
    "city",
    "phone",
    "email",
    "henvendelse_date",
    "benefit",
    "education",
    "caseworker_id",
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class YouthForm(FittingDialog):
    """Without ``record`` the form registers; with it, it edits (CPR read-only).

    Signals carry ids only: the main window fetches what it shows itself.
    """

    registered = Signal(int)  # a new young person
    open_existing = Signal(int)  # the CPR was known: open that record, no twin
    updated = Signal(object)  # YouthRecord after an edit

    def __init__(
        self,
        store: Store,
        caseworkers: list[CaseworkerView],
        *,
        current_user_id: int | None,
        record: YouthRecord | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._record = record
        self._today = today
        self._busy = False
        self._existing_id: int | None = None
        self.setWindowTitle(
            self.tr("Register a young person")
            if record is None
            else self.tr("Edit basic data – {name}").format(name=record.name)
        )
        self.setMinimumWidth(700)

        self.cpr = QLineEdit()
        self.cpr.setPlaceholderText(self.tr("DDMMYY-SSSS"))
        self.cpr.setMaxLength(11)
        self.cpr_info = QLabel()
        self.cpr_info.setStyleSheet(HINT_STYLE)
        self.cpr_info.hide()
        self.cpr_warning = MessageLabel(WARNING_STYLE)
        self.duplicate = MessageLabel(WARNING_STYLE)
        self.open_existing_button = QPushButton(self.tr("&Open the existing record"))
        self.open_existing_button.setAutoDefault(False)
        self.open_existing_button.hide()
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.address = QLineEdit()
        self.postal_code = QLineEdit()
        self.postal_code.setMaxLength(4)
        self.postal_code.setFixedWidth(self.fontMetrics().horizontalAdvance("00000") + 24)
        self.city = QLineEdit()
        self.postcode_hint = MessageLabel(HINT_STYLE)
        # Filled from the list of postcodes once it is read; until then the town is typed.
        self._postcodes: Mapping[str, str] = {}
        self._town_from_list = ""  # the town last filled in from the list
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.henvendelse = DateField()
        self.henvendelse.setCalendarPopup(True)
        self.henvendelse.setDisplayFormat("dd-MM-yyyy")
        self.henvendelse.setMinimumDate(_qdate(EARLIEST_HENVENDELSE))
        self.henvendelse.setMaximumDate(_qdate(today()))
        self.henvendelse.setDate(_qdate(today()))
        self.benefit = QComboBox()
        self.education = QComboBox()
        for education, label in EDUCATION_LABELS.items():
            self.education.addItem(label, education.value)
        self.caseworker = QComboBox()
        for cw in caseworkers:
            self.caseworker.addItem(cw.display, cw.id)

        existing_row = QWidget()
        existing_layout = QHBoxLayout(existing_row)
        existing_layout.setContentsMargins(0, 0, 0, 0)
        existing_layout.addWidget(self.open_existing_button)
        existing_layout.addStretch(1)

        self.errors: dict[str, MessageLabel] = {f: MessageLabel() for f in FIELDS}
        self.general_error = MessageLabel()
        self.busy = BusyBar()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(
            form,
            self.tr("&CPR no."),
            self.cpr,
            self.cpr_info,
            self.errors["cpr"],
            self.cpr_warning,
            self.duplicate,
            existing_row,
        )
        add_row(form, self.tr("&First name"), self.first_name, self.errors["first_name"])
        add_row(form, self.tr("&Last name"), self.last_name, self.errors["last_name"])
        add_row(form, self.tr("&Address"), self.address, self.errors["address"])
        place = QWidget()
        place_row = QHBoxLayout(place)
        place_row.setContentsMargins(0, 0, 0, 0)
        place_row.addWidget(self.postal_code)
        place_row.addWidget(self.city, 1)
        place_caption = QLabel(self.tr("Post&code and town"))
        place_caption.setBuddy(self.postal_code)
        name_field(
            self.postal_code,
            self.tr("Postcode"),
            self.tr("Four digits; a Danish postcode fills in the town."),
        )
        name_field(self.city, self.tr("Town"))
        form.addRow(
            place_caption,
            field_with_message(
                place, self.postcode_hint, self.errors["postal_code"], self.errors["city"]
            ),
        )
        add_row(form, self.tr("&Phone"), self.phone, self.errors["phone"])
        add_row(form, self.tr("E-&mail"), self.email, self.errors["email"])
        add_row(
            form,
            self.tr("First con&tact"),
            self.henvendelse,
            self.errors["henvendelse_date"],
        )
        add_row(form, self.tr("&Benefit"), self.benefit, self.errors["benefit"])
        add_row(
            form, self.tr("Highest completed &education"), self.education, self.errors["education"]
        )
        add_row(
            form,
            self.tr("Responsible case&worker"),
            self.caseworker,
            self.errors["caseworker_id"],
        )

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

        order: list[QWidget] = [
            self.cpr,
            self.open_existing_button,
            self.first_name,
            self.last_name,
            self.address,
            self.postal_code,
            self.city,
            self.phone,
            self.email,
            self.henvendelse,
            self.benefit,
            self.education,
            self.caseworker,
            self.save_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.cpr.textChanged.connect(self._cpr_changed)
        self.cpr.editingFinished.connect(self._cpr_finished)
        self.henvendelse.dateChanged.connect(self._henvendelse_changed)
        self.open_existing_button.clicked.connect(self._open_existing)
        self.postal_code.textChanged.connect(self._postcode_changed)
        # An error under a field goes as soon as the field is edited.
        for field, widget in self._field_widgets().items():
            if field != "cpr":  # the CPR field's messages follow its own checks
                clear_when_edited(self.errors[field], [widget])

        self._fill_benefits(Benefit.NONE)
        if record is not None:
            self._load(record, caseworkers)
        elif current_user_id is not None:
            self._select(self.caseworker, current_user_id)
        self._henvendelse_changed()
        Operation(self, postcodes.postcode_table).success(self._postcodes_loaded).run()
        self.cpr.setFocus() if record is None else self.first_name.setFocus()

    # --- filling -------------------------------------------------------------------------

    def _load(self, record: YouthRecord, caseworkers: list[CaseworkerView]) -> None:
        # Masked here too: the full number is shown only by the record's deliberate
        # "Show CPR", and it cannot be changed anyway.
        self.cpr.setText(record.cpr_masked)
        self.cpr.setReadOnly(True)
        self.cpr.setStyleSheet("background: palette(window);")
        self.cpr.setToolTip(self.tr("The CPR number cannot be changed."))
        self.first_name.setText(record.first_name)
        self.last_name.setText(record.last_name)
        self.address.setText(record.address)
        self.postal_code.setText(record.postal_code)
        self.city.setText(record.city)
        self.phone.setText(record.phone)
        self.email.setText(record.email)
        # The case may predate today's limits; widen them so the stored date shows as is.
        self.henvendelse.setMinimumDate(
            min(self.henvendelse.minimumDate(), _qdate(record.henvendelse_date))
        )
        self.henvendelse.setDate(_qdate(record.henvendelse_date))
        self._fill_benefits(record.benefit)
        self._select(self.education, record.education.value)
        if record.caseworker_id is not None and record.caseworker_id not in {
            cw.id for cw in caseworkers
        }:
            self.caseworker.addItem(record.caseworker_name, record.caseworker_id)
        if record.caseworker_id is not None:
            self._select(self.caseworker, record.caseworker_id)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        position = combo.findData(value)
        if position >= 0:
            combo.setCurrentIndex(position)

    def _henvendelse_day(self) -> date:
        day = self.henvendelse.date().toPython()
        assert isinstance(day, date)
        return day

    def _fill_benefits(self, keep: Benefit) -> None:
        choices = allowed_benefits(self._henvendelse_day())
        if keep not in choices and self._record is not None and keep is self._record.benefit:
            choices.append(keep)  # an old case keeps the label it had on its date
        self.benefit.blockSignals(True)
        self.benefit.clear()
        for benefit in choices:
            self.benefit.addItem(BENEFIT_LABELS[benefit], benefit.value)
        self.benefit.blockSignals(False)
        self._select(self.benefit, keep.value if keep in choices else Benefit.NONE.value)

    def _henvendelse_changed(self) -> None:
        current = self.benefit.currentData()
        self._fill_benefits(Benefit(current) if current else Benefit.NONE)
        self._update_cpr_info()

    # --- postcode and town ---------------------------------------------------------------

    def _postcodes_loaded(self, table: Mapping[str, str]) -> None:
        self._postcodes = table
        # A stored town that is the list's own for the stored postcode came from the list
        # (or agrees with it): a new postcode may replace it. Any other was typed by hand.
        listed = table.get(self.postal_code.text().strip(), "")
        if listed and self.city.text().strip() == listed:
            self._town_from_list = listed
        if self.postal_code.isModified():
            self._postcode_changed()

    def _postcode_changed(self) -> None:
        if not self._postcodes:
            return
        found = look_up(self.postal_code.text(), self._postcodes)
        self.postcode_hint.show_message(found.hint or None)
        if found.state is not PostcodeState.KNOWN:
            return
        if self.city.text().strip() in ("", self._town_from_list):
            # Only a town the caseworker did not type is replaced.
            self.city.setText(found.town)
            self._town_from_list = found.town
            self.errors["city"].show_message(None)

    # --- CPR while typing ----------------------------------------------------------------

    def prefill(self, cpr: str, first_name: str, last_name: str) -> None:
        """Fill in what is already known of a new young person (from a list)."""
        for field, text in (
            (self.cpr, cpr),
            (self.first_name, first_name),
            (self.last_name, last_name),
        ):
            if text:
                field.setText(text)

    def _cpr_changed(self) -> None:
        self._update_cpr_info()
        if self._record is not None:
            return
        self._existing_id = None
        self.duplicate.show_message(None)
        self.open_existing_button.hide()
        try:
            cprmod.parse(self.cpr.text())
        except cprmod.CprError:
            return
        # Only the newest check answers, and only while the field still holds its number.
        Operation(self, youths.find_by_cpr, self._store, self.cpr.text()).latest(
            "duplicate-check"
        ).success(partial(self._duplicate_checked, self.cpr.text())).failure(
            self.show_known_error
        ).run()

    def _cpr_finished(self) -> None:
        # The "must have 10 digits" message waits until the user leaves the field; while
        # typing it would nag at every keystroke.
        if self._record is None and self.cpr.text().strip():
            try:
                parsed = cprmod.parse(self.cpr.text())
            except cprmod.CprError as exc:
                self.errors["cpr"].show_message(exc.message)
                return
            if not self.cpr.text().isascii():
                # Typed in fullwidth or another script's digits: show the number as it is
                # stored, so what the caseworker sees is what is saved and searched for.
                # The number is the same, so the duplicate check already made still holds.
                self.cpr.blockSignals(True)
                self.cpr.setText(parsed.formatted)
                self.cpr.blockSignals(False)

    def _update_cpr_info(self) -> None:
        text = self._record.cpr if self._record is not None else self.cpr.text()
        self.errors["cpr"].show_message(None)
        try:
            parsed = cprmod.parse(text)
        except cprmod.CprError as exc:
            self.cpr_info.hide()
            self.cpr_warning.show_message(None)
            if len(cprmod.normalise_query(text)) >= 10:
                self.errors["cpr"].show_message(exc.message)
            return
        sex = self.tr("female") if parsed.legal_sex is LegalSex.FEMALE else self.tr("male")
        age = parsed.age_on(self._today())
        self.cpr_info.setText(
            self.tr("Born {day}, {age} years, legal sex: {sex}").format(
                day=format_day(parsed.birth_date), age=age, sex=sex
            )
        )
        self.cpr_info.show()
        self.cpr_warning.show_message(parsed.warning if self._record is None else None)

    def _duplicate_checked(self, checked: str, found: int | None) -> None:
        if found is None or checked != self.cpr.text():
            return
        self._existing_id = found
        self.cpr_warning.show_message(None)  # moot: the number is in the register already
        self.duplicate.show_message(
            self.tr(
                "This CPR number is already registered. Open the existing record instead "
                "of creating a second one."
            )
        )
        self.open_existing_button.show()

    def _open_existing(self) -> None:
        if self._existing_id is not None:
            self.open_existing.emit(self._existing_id)
            self.accept()

    # --- saving --------------------------------------------------------------------------

    def youth_input(self) -> YouthInput:
        return YouthInput(
            cpr=self._record.cpr if self._record is not None else self.cpr.text(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            henvendelse_date=self._henvendelse_day(),
            address=self.address.text(),
            postal_code=self.postal_code.text(),
            city=self.city.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            benefit=Benefit(self.benefit.currentData()),
            education=Education(self.education.currentData()),
            caseworker_id=self.caseworker.currentData(),
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.save_button.setEnabled(not busy)
        # Focus may have passed to Cancel meanwhile, making it the default: Enter saves.
        self.save_button.setDefault(True)

    def _save(self) -> None:
        if self._busy:
            return
        self.general_error.show_message(None)
        for label in self.errors.values():
            label.show_message(None)
        if not self.henvendelse.commit_typed():
            # The typed text is no date; saving would keep the date it no longer shows.
            self.henvendelse.setFocus()
            return
        self._set_busy(True)
        data = self.youth_input()
        if self._record is None:
            Operation(self, youths.register, self._store, data, today=self._today()).changes(
                self.registered_change
            ).success(self._registered).failure(self._failed).run()
        else:
            Operation(
                self, youths.update, self._store, self._record.id, data, today=self._today()
            ).changes(
                # The first-contact date moves the deadlines.
                Change.of(Aspect.YOUTH, Aspect.DEADLINES, youth_id=self._record.id)
            ).success(self._updated).failure(self._failed).run()

    @staticmethod
    def registered_change(outcome: RegisterOutcome) -> Change | None:
        """A new young person is a change to the register; a known CPR changed nothing."""
        return Change.of(Aspect.YOUTH, youth_id=outcome.youth_id) if outcome.created else None

    def _registered(self, outcome: RegisterOutcome) -> None:
        self._set_busy(False)
        if outcome.created:
            self.registered.emit(outcome.youth_id)
        else:
            self.open_existing.emit(outcome.youth_id)
        self.accept()

    def _updated(self, record: YouthRecord) -> None:
        self._set_busy(False)
        self.updated.emit(record)
        self.accept()

    def _failed(self, error: KnownError) -> None:
        self._set_busy(False)
        if isinstance(error, InputError):
            unplaced = []
            for field, message in error.fields.items():
                label = self.errors.get(field)
                if label is None:
                    unplaced.append(message)
                else:
                    label.show_message(message)
            self.general_error.show_message(" ".join(unplaced) or None)
            self._focus_first_error(error.fields)
            return
        self.show_known_error(error)

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "cpr": self.cpr,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "address": self.address,
            "postal_code": self.postal_code,
            "city": self.city,
            "phone": self.phone,
            "email": self.email,
            "henvendelse_date": self.henvendelse,
            "benefit": self.benefit,
            "education": self.education,
            "caseworker_id": self.caseworker,
        }

    def _focus_first_error(self, fields: dict[str, str]) -> None:
        widgets = self._field_widgets()
        for field in FIELDS:
            if field in fields:
                widgets[field].setFocus()
                return

    def show_known_error(self, error: KnownError) -> None:
        self.general_error.show_message(error.message)

    def reject(self) -> None:
        if self._busy:
            return  # saving; closing now would hide whether it was saved
        super().reject()
