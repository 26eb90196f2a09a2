"""First start: the caseworker's profile, a recovery passphrase, and where the key lives."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ungedesk.domain.errors import InputError, KnownError
from ungedesk.domain.passphrase import assess
from ungedesk.domain.profile import ROLE_LABELS, ProfileInput, Role, validate_profile
from ungedesk.services import setup
from ungedesk.services.setup import SetupResult
from ungedesk.store.paths import StorePaths
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import (
    GOOD_STYLE,
    HINT_STYLE,
    WARNING_STYLE,
    BusyBar,
    MessageLabel,
    add_row,
)

PROFILE_FIELDS = ("name", "initials", "unit", "role", "email", "phone")


class ProfilePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("About you"))
        self.setSubTitle(
            self.tr(
                "UngeDesk keeps the young people's cases encrypted on this computer. "
                "First tell us who you are: your name goes on the plans you hand out."
            )
        )
        self.name = QLineEdit()
        self.initials = QLineEdit()
        self.initials.setMaxLength(6)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(
            self.tr("e.g. the youth unit (the name your municipality uses)")
        )
        self.role = QComboBox()
        for role, label in ROLE_LABELS.items():
            self.role.addItem(label, role.value)
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("optional"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("optional"))
        self.municipality = QLineEdit()
        self.municipality.setPlaceholderText(self.tr("e.g. Ribe Kommune"))

        self.errors: dict[str, MessageLabel] = {f: MessageLabel() for f in PROFILE_FIELDS}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("&Name"), self.name, self.errors["name"])
        add_row(form, self.tr("&Initials"), self.initials, self.errors["initials"])
        add_row(form, self.tr("&Unit"), self.unit, self.errors["unit"])
        add_row(form, self.tr("&Role"), self.role, self.errors["role"])
        add_row(form, self.tr("&E-mail"), self.email, self.errors["email"])
        add_row(form, self.tr("&Phone"), self.phone, self.errors["phone"])
        add_row(form, self.tr("&Municipality"), self.municipality)

        self.name.textChanged.connect(self.completeChanged)
        self.initials.textChanged.connect(self.completeChanged)

    def profile(self) -> ProfileInput:
        return ProfileInput(
            name=self.name.text(),
            initials=self.initials.text(),
            unit=self.unit.text(),
            role=Role(self.role.currentData()),
            email=self.email.text(),
            phone=self.phone.text(),
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        for field, label in self.errors.items():
            label.show_message(errors.get(field))

    def isComplete(self) -> bool:
        return bool(self.name.text().strip() and self.initials.text().strip())

    def validatePage(self) -> bool:
        errors = validate_profile(self.profile())
        self.show_errors(errors)
        return not errors


class PassphrasePage(QWizardPage):
    """The recovery passphrase, typed twice, with a live strength hint. Leaving this page
    creates the store (on the worker thread), so it is the wizard's commit page."""

    creating = Signal(bool)

    def __init__(self, paths: StorePaths, profile_page: ProfilePage) -> None:
        super().__init__()
        self._paths = paths
        self._profile_page = profile_page
        self.result: SetupResult | None = None
        self._busy = False
        self.setTitle(self.tr("Recovery passphrase"))
        self.setSubTitle(
            self.tr(
                "The passphrase unlocks the database if this computer's keyring loses the key, "
                "or if you move to another computer. Nobody can reset it: write it down and "
                "keep it somewhere safe."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create database"))

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_text = QCheckBox(self.tr("&Show passphrase"))
        self.strength = QLabel()
        self.strength.setWordWrap(True)
        self.strength.setStyleSheet(HINT_STYLE)
        self.match = MessageLabel()
        self.error = MessageLabel()
        self.busy = BusyBar()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("&Passphrase"), self.passphrase, self.strength)
        add_row(form, self.tr("&Repeat"), self.repeat, self.match)
        form.addRow("", self.show_text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)

        self.passphrase.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self.show_text.toggled.connect(self._toggle_echo)

    @property
    def busy_creating(self) -> bool:
        return self._busy

    def initializePage(self) -> None:
        self._update()

    def _toggle_echo(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def _related(self) -> tuple[str, ...]:
        p = self._profile_page.profile()
        return (p.name, p.initials, p.unit)

    def _update(self) -> None:
        text = self.passphrase.text()
        strength = assess(text, self._related())
        self.strength.setStyleSheet(
            HINT_STYLE if not text else GOOD_STYLE if strength.acceptable else WARNING_STYLE
        )
        self.strength.setText(
            self.tr("Strength: {label}. {hint}").format(label=strength.label, hint=strength.hint)
        )
        repeat = self.repeat.text()
        if repeat and repeat != text:
            self.match.show_message(self.tr("The two passphrases are not the same."))
        else:
            self.match.show_message(None)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        text = self.passphrase.text()
        return (
            not self._busy
            and text == self.repeat.text()
            and assess(text, self._related()).acceptable
        )

    def validatePage(self) -> bool:
        if self.result is not None:
            return True
        self._set_busy(True)
        self.error.show_message(None)
        Operation(
            self,
            setup.create_installation,
            self._paths,
            self.passphrase.text(),
            self._profile_page.profile(),
            municipality=self._profile_page.municipality.text(),
        ).success(self._created).run()
        return False  # the wizard moves on when the store exists (see _created)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        for field in (self.passphrase, self.repeat, self.show_text):
            field.setEnabled(not busy)
        self.creating.emit(busy)
        self.completeChanged.emit()

    def _created(self, result: SetupResult) -> None:
        self.result = result
        self._set_busy(False)
        self.wizard().next()

    def show_known_error(self, error: KnownError) -> None:
        """Creating the store failed for a known reason: a profile field goes back to the
        profile page, anything else is said on this page."""
        self._set_busy(False)
        if isinstance(error, InputError):
            profile_errors = {k: v for k, v in error.fields.items() if k in PROFILE_FIELDS}
            self.error.show_message(error.fields.get("passphrase"))
            if profile_errors:
                self._profile_page.show_errors(profile_errors)
                self.wizard().back()
            return
        self.error.show_message(error.message)


class DonePage(QWizardPage):
    def __init__(self, paths: StorePaths, passphrase_page: PassphrasePage) -> None:
        super().__init__()
        self._paths = paths
        self._passphrase_page = passphrase_page
        self.setTitle(self.tr("UngeDesk is ready"))
        self.key_location = QLabel()
        self.key_location.setWordWrap(True)
        self.key_location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_dir = QLabel()
        self.data_dir.setWordWrap(True)
        self.data_dir.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice = QLabel(
            self.tr(
                "Keep the recovery passphrase somewhere safe, away from the computer. "
                "Without it the database cannot be opened on a new computer."
            )
        )
        self.advice.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.key_location)
        layout.addWidget(self.data_dir)
        layout.addWidget(self.advice)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self._passphrase_page.result
        if result is None:
            return
        self.key_location.setText(result.key_location)
        # Without a keyring the passphrase is needed at every start: said once, in bold.
        font = self.key_location.font()
        font.setBold(not result.keyring_used)
        self.key_location.setFont(font)
        self.data_dir.setText(self.tr("Data folder: {folder}").format(folder=str(self._paths.root)))
        self.setSubTitle(
            self.tr("The database has been created and encrypted.")
            if result.keyring_used
            else self.tr("The database has been created and encrypted. Please read this:")
        )


class SetupWizard(QWizard):
    """Creates the store. ``result`` holds the SetupResult once the wizard is accepted."""

    def __init__(self, paths: StorePaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up UngeDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(640, 520)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Start UngeDesk"))
        self.profile_page = ProfilePage()
        self.passphrase_page = PassphrasePage(paths, self.profile_page)
        self.done_page = DonePage(paths, self.passphrase_page)
        self.addPage(self.profile_page)
        self.addPage(self.passphrase_page)
        self.addPage(self.done_page)
        self.passphrase_page.creating.connect(self._creating)

    @property
    def setup_result(self) -> SetupResult | None:
        return self.passphrase_page.result

    def _creating(self, busy: bool) -> None:
        # Closing the wizard halfway through creating the store would leave the user with
        # a store they were never told about.
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)
        self.button(QWizard.WizardButton.BackButton).setEnabled(not busy)

    def reject(self) -> None:
        if self.passphrase_page.busy_creating:
            return
        super().reject()
