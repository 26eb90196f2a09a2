""" "Send til…": the warning before a plan's PDF leaves the store, and handing the saved file
to the mail client.

A plan holds a young person's name, CPR number and goals; sent by ordinary e-mail it
crosses the internet unencrypted. Before anything is saved or a mail client opened, the
caseworker is told it must go by secure mail or Digital Post, and the secure route is the
default button: the municipality's secure mail address when it has set one (the mail
client opens with it), otherwise the folder with the file, for Digital Post or secure
mail from the caseworker's own system. Ordinary mail stays possible, as a deliberate
second choice.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ungedesk.services.secure_send import SecureRoute


class Route(Enum):
    SECURE = "secure"
    ORDINARY = "ordinary"


class SendWarning(QDialog):
    """Asks how the PDF goes; ``route`` is the answer after ``exec`` (None: cancelled)."""

    def __init__(self, secure: SecureRoute, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.route: Route | None = None
        self.setWindowTitle(self.tr("Send the plan securely"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.warning = QLabel(
            self.tr(
                "<b>The plan holds personal data.</b> It must be sent by secure mail or "
                "Digital Post, never by ordinary e-mail."
            )
        )
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        if secure.address:
            how = self.tr("Your municipality sends by secure mail to {address}.").format(
                address=secure.address
            )
            secure_text = self.tr("Secure mail to {address}").format(address=secure.address)
        elif secure.instruction:
            how = self.tr("Your municipality's instruction: {instruction}").format(
                instruction=secure.instruction
            )
            secure_text = self.tr("Save and open the folder")
        else:
            how = self.tr(
                "The PDF is saved and its folder opened, so you can send it by Digital Post "
                "or secure mail. An administrator can set the municipality's secure route "
                "under Settings."
            )
            secure_text = self.tr("Save and open the folder")
        self.how = QLabel(how)
        self.how.setWordWrap(True)
        # Plain text: the instruction is typed by a person, not markup.
        self.how.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.how)
        buttons = QDialogButtonBox()
        self.secure_button = QPushButton(secure_text)
        self.ordinary_button = QPushButton(self.tr("Ordinary e-mail anyway"))
        self.ordinary_button.setAutoDefault(False)
        buttons.addButton(self.secure_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.ordinary_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        self.secure_button.setDefault(True)
        self.secure_button.setFocus()
        self.secure_button.clicked.connect(self._secure)
        self.ordinary_button.clicked.connect(self._ordinary)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _secure(self) -> None:
        self.route = Route.SECURE
        self.accept()

    def _ordinary(self) -> None:
        self.route = Route.ORDINARY
        self.accept()

    def choose(self) -> Route | None:
        self.route = None
        self.exec()
        return self.route


class Handover(QObject):
    """Hands a saved PDF on by the chosen route and says in one sentence what happened."""

    def deliver(self, path: Path, route: Route, secure: SecureRoute) -> str:
        if route is Route.SECURE and secure.address:
            if _attach(path, secure.address):
                return self.tr(
                    "The PDF was saved as {file} and attached to a new secure e-mail to {address}."
                ).format(file=path.name, address=secure.address)
            _open_folder(path)
            return self.tr(
                "The PDF was saved as {file}. The folder is opened: send the file by secure "
                "mail to {address}."
            ).format(file=str(path), address=secure.address)
        if route is Route.SECURE:
            _open_folder(path)
            how = secure.instruction or self.tr("Send it by Digital Post or secure mail.")
            return self.tr("The PDF was saved as {file}. The folder is opened. {how}").format(
                file=str(path), how=how
            )
        if _attach(path, ""):
            return self.tr(
                "The PDF was saved as {file} and attached to a new e-mail. Send it only encrypted."
            ).format(file=path.name)
        _open_folder(path)
        return self.tr(
            "The PDF was saved as {file}. Your mail program cannot be given an "
            "attachment from here: the folder is opened, drag the file into a new e-mail."
        ).format(file=str(path))


def _attach(path: Path, to: str) -> bool:
    """A new mail with the file attached, where the platform allows it (Linux:
    xdg-email); elsewhere no standard way attaches a file."""
    if not sys.platform.startswith("linux"):
        return False
    args = ["--attach", str(path)]
    if to:
        args.append(to)
    return bool(QProcess.startDetached("xdg-email", args)[0])


def _open_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
