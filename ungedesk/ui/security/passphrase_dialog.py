"""Security › Change recovery passphrase: the data key locked again under a new phrase."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from ungedesk.domain.errors import InputError, KnownError
from ungedesk.domain.passphrase import assess
from ungedesk.services import passphrase as recovery
from ungedesk.store.database import Store
from ungedesk.store.errors import WrongPassphraseError
from ungedesk.ui.widgets import (
    GOOD_STYLE,
    HINT_STYLE,
    WARNING_STYLE,
    MessageLabel,
    add_row,
)
from ungedesk.ui.work_dialog import WorkDialog


class ChangePassphraseDialog(WorkDialog):
    """The current phrase, the new one twice with a live strength hint; the change runs on
    the database worker (scrypt takes about a second)."""

    changed = Signal()

    def __init__(
        self, store: Store, related: tuple[str, ...] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("&Change passphrase"), parent)
        self._store = store
        self._related = related
        self.setWindowTitle(self.tr("Change recovery passphrase"))
        self.setMinimumWidth(560)
        self.current = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.current, self.new, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_text = QCheckBox(self.tr("&Show passphrases"))
        self.strength = MessageLabel(HINT_STYLE)
        self.field_errors = {
            recovery.OLD_FIELD: MessageLabel(),
            recovery.NEW_FIELD: MessageLabel(),
            "repeat": MessageLabel(),
        }
        intro = QLabel(
            self.tr(
                "The recovery passphrase locks the copy of the database key in the key file. "
                "The database and its key stay the same; only the lock changes. Backups "
                "taken before the change still open with the old passphrase."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(
            form,
            self.tr("C&urrent passphrase"),
            self.current,
            self.field_errors[recovery.OLD_FIELD],
        )
        add_row(
            form,
            self.tr("&New passphrase"),
            self.new,
            self.strength,
            self.field_errors[recovery.NEW_FIELD],
        )
        add_row(form, self.tr("&Repeat the new one"), self.repeat, self.field_errors["repeat"])
        form.addRow("", self.show_text)
        self.body.addWidget(intro)
        self.body.addLayout(form)
        self.new.textChanged.connect(self._assess)
        self.show_text.toggled.connect(self._toggle_echo)
        self.setTabOrder(self.current, self.new)
        self.setTabOrder(self.new, self.repeat)
        self.setTabOrder(self.repeat, self.show_text)
        self.setTabOrder(self.show_text, self.ok_button)
        self.current.setFocus()

    def _toggle_echo(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        for field in (self.current, self.new, self.repeat):
            field.setEchoMode(mode)

    def _assess(self, text: str) -> None:
        if not text:
            self.strength.show_message(None)
            return
        verdict = assess(text, self._related)
        self.strength.setStyleSheet(GOOD_STYLE if verdict.acceptable else WARNING_STYLE)
        self.strength.show_message(
            self.tr("Strength: {label}. {hint}").format(label=verdict.label, hint=verdict.hint)
        )

    def accept_work(self) -> None:
        # The service checks all of this again; here it is said before a second of scrypt.
        problems: dict[str, str] = {}
        old, new = self.current.text(), self.new.text()
        if not old:
            problems[recovery.OLD_FIELD] = self.tr("Write the current passphrase.")
        verdict = assess(new, self._related)
        if not verdict.acceptable:
            # The strength line above already says why; not the same words twice.
            problems[recovery.NEW_FIELD] = self.tr("Choose a stronger passphrase.")
            self._assess(new)
        elif self.repeat.text() != new:
            problems["repeat"] = self.tr("The two new passphrases are not the same.")
        if problems:
            self.show_known_error(InputError(problems))
            return
        self.operation(recovery.change_passphrase, self._store, old, new).success(self._done).run()

    def show_known_error(self, error: KnownError) -> None:
        if isinstance(error, WrongPassphraseError):
            self.set_busy(False)
            self.field_errors[recovery.OLD_FIELD].show_message(
                self.tr("The current passphrase is wrong. Check Caps Lock and try again.")
            )
            self.current.selectAll()
            self.current.setFocus()
            return
        super().show_known_error(error)

    def _done(self, _: object) -> None:
        self.set_busy(False)
        self.changed.emit()
        self.accept()
