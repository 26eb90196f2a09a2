"""Later starts without the key in the keyring: ask for the recovery passphrase."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.services import setup
from ungedesk.store.database import Opened
from ungedesk.store.errors import WrongPassphraseError
from ungedesk.store.paths import StorePaths
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import BusyBar, FittingDialog, MessageLabel, add_row


class UnlockDialog(FittingDialog):
    """Unlocks on the worker thread. A wrong passphrase is said here and may be retried;
    any other store failure is handed to the caller through ``fatal``."""

    fatal = Signal(object)

    def __init__(
        self,
        paths: StorePaths,
        *,
        keyring_available: bool,
        initial_error: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self.opened: Opened | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Unlock UngeDesk"))
        self.setMinimumWidth(560)

        if keyring_available:
            why = self.tr(
                "The key to the database is not in this computer's keyring (perhaps the "
                "computer is new or the keyring was reset). Type your recovery passphrase to "
                "open the database. UngeDesk then puts the key back in the keyring, so you "
                "will not be asked next time."
            )
        else:
            why = self.tr(
                "This computer has no keyring UngeDesk can use, so the key to the database "
                "is locked with your recovery passphrase. Type it to open the database."
            )
        self.explanation = QLabel(why)
        self.explanation.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = MessageLabel()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setText(self.tr("&Unlock"))
        self.open_button.setDefault(True)

        form = QFormLayout()
        add_row(form, self.tr("Recovery &passphrase"), self.passphrase, self.error)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self._try_unlock)
        self.buttons.rejected.connect(self.reject)
        self.passphrase.textChanged.connect(self._update_button)
        self.error.show_message(initial_error)
        self._update_button()

    def _update_button(self) -> None:
        self.open_button.setEnabled(bool(self.passphrase.text()) and not self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self._update_button()
        # While disabled, focus passed to Cancel, which made itself the default button:
        # Enter must unlock again, not cancel.
        self.open_button.setDefault(True)

    def _try_unlock(self) -> None:
        if not self.passphrase.text() or self._busy:
            return
        self.error.show_message(None)
        self._set_busy(True)
        Operation(self, setup.unlock, self._paths, self.passphrase.text()).success(
            self._unlocked
        ).run()

    def _unlocked(self, opened: Opened) -> None:
        self.opened = opened
        self._set_busy(False)
        self.accept()

    def show_known_error(self, error: KnownError) -> None:
        """A wrong passphrase is said here and may be retried; any other known failure
        (a damaged store, a missing key file) ends the attempt through ``fatal``."""
        self._set_busy(False)
        if isinstance(error, WrongPassphraseError):
            self.error.show_message(error.message)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.fatal.emit(error)

    def reject(self) -> None:
        if self._busy:
            return  # the worker is opening the store; it will be closed by the launcher
        super().reject()
