"""Moving a case to another UngeDesk installation: export it encrypted, or receive one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ungedesk.domain.errors import InputError, KnownError
from ungedesk.domain.passphrase import assess
from ungedesk.services import transfer
from ungedesk.services.transfer import ImportResult, TransferConflictError
from ungedesk.services.youths import YouthRecord
from ungedesk.store.database import Store
from ungedesk.store.errors import WrongPassphraseError
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.widgets import (
    ERROR_STYLE,
    GOOD_STYLE,
    HINT_STYLE,
    MessageLabel,
    add_row,
    folder_row,
)
from ungedesk.ui.work_dialog import WorkDialog

LISTED_LOSSES = 12


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class TransferExportDialog(WorkDialog):
    """Write the case to an encrypted file; the passphrase goes to the receiver by phone."""

    exported = Signal(object)  # Path

    def __init__(
        self,
        store: Store,
        record: YouthRecord,
        start_folder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Write transfer file"), parent)
        self._store = store
        self._record = record
        self.setWindowTitle(self.tr("Transfer case – {name}").format(name=record.name))
        self.setMinimumWidth(620)
        self.folder = QLineEdit(start_folder)
        self.browse = QPushButton(self.tr("C&hoose…"))
        self.browse.setAutoDefault(False)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = MessageLabel(HINT_STYLE)
        self.field_errors = {
            "folder": MessageLabel(),
            "passphrase": MessageLabel(),
            "repeat": MessageLabel(),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(
            form,
            self.tr("&Folder"),
            folder_row(self.folder, self.browse),
            self.field_errors["folder"],
        )
        add_row(
            form,
            self.tr("Transfer &passphrase"),
            self.passphrase,
            self.strength,
            self.field_errors["passphrase"],
        )
        add_row(form, self.tr("&Repeat it"), self.repeat, self.field_errors["repeat"])
        self.body.addWidget(
            _hint(
                self.tr(
                    "Case {case} is written to an encrypted file named by the case number. "
                    "Send the file, and tell the receiver the passphrase another way (by phone "
                    "or in person), never in the same e-mail. The young person's team is not "
                    "sent: its members are your colleagues and partners, and the receiver "
                    "names its own coordinating caseworker and team."
                ).format(case=record.case_number)
            )
        )
        self.body.addLayout(form)
        self.browse.clicked.connect(self._browse)
        self.passphrase.textChanged.connect(self._assess)
        self.setTabOrder(self.folder, self.browse)
        self.setTabOrder(self.browse, self.passphrase)
        self.setTabOrder(self.passphrase, self.repeat)
        self.setTabOrder(self.repeat, self.ok_button)
        self.passphrase.setFocus()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the transfer file"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _assess(self, text: str) -> None:
        if not text:
            self.strength.show_message(None)
            return
        verdict = assess(text)
        self.strength.setStyleSheet(GOOD_STYLE if verdict.acceptable else ERROR_STYLE)
        self.strength.show_message(f"{verdict.label}. {verdict.hint}")

    def accept_work(self) -> None:
        problems: dict[str, str] = {}
        if not self.folder.text().strip():
            problems["folder"] = self.tr("Choose a folder.")
        verdict = assess(self.passphrase.text())
        if not verdict.acceptable:
            problems["passphrase"] = verdict.hint
        elif self.repeat.text() != self.passphrase.text():
            problems["repeat"] = self.tr("The two passphrases differ.")
        if problems:
            self.show_known_error(InputError(problems))
            return
        # The export is logged in the person's access history.
        self.operation(
            transfer.export_case,
            self._store,
            self._record.id,
            Path(self.folder.text().strip()),
            self.passphrase.text(),
        ).with_progress(self.tr("Writing the transfer file …")).changes(
            Change.of(Aspect.YOUTH, youth_id=self._record.id)
        ).success(self._done).run()

    def _done(self, path: Path) -> None:
        self.set_busy(False)
        self.exported.emit(path)
        self.accept()


class TransferImportDialog(WorkDialog):
    """Receive a case file from another installation."""

    imported = Signal(object)  # ImportResult

    def __init__(
        self,
        store: Store,
        today: Callable[[], date] = date.today,
        start_folder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Receive"), parent)
        self._store = store
        self._today = today
        self._start_folder = start_folder
        self.setWindowTitle(self.tr("Receive a transferred case"))
        self.setMinimumWidth(620)
        self.file = QLineEdit()
        self.browse = QPushButton(self.tr("C&hoose file…"))
        self.browse.setAutoDefault(False)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.field_errors = {"file": MessageLabel(), "passphrase": MessageLabel()}
        self.confirm: QMessageBox | None = None  # the open "replace anyway?" question
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(
            form,
            self.tr("Transfer &file"),
            folder_row(self.file, self.browse),
            self.field_errors["file"],
        )
        add_row(
            form, self.tr("Transfer &passphrase"), self.passphrase, self.field_errors["passphrase"]
        )
        self.body.addWidget(
            _hint(
                self.tr(
                    "A young person you do not have yet is registered with a new case number and "
                    "you as caseworker. One you have gets what the file adds; if the file lacks "
                    "entries made here or would overwrite later changes, you are asked first."
                )
            )
        )
        self.body.addLayout(form)
        self.browse.clicked.connect(self._browse)
        self.setTabOrder(self.file, self.browse)
        self.setTabOrder(self.browse, self.passphrase)
        self.setTabOrder(self.passphrase, self.ok_button)
        self.browse.setFocus()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a transfer file"),
            self._start_folder,
            self.tr("UngeDesk transfers (*.udcase);;All files (*)"),
        )
        if name:
            self.file.setText(name)
            self.passphrase.setFocus()

    def accept_work(self) -> None:
        problems: dict[str, str] = {}
        if not self.file.text().strip():
            problems["file"] = self.tr("Choose the file you received.")
        if not self.passphrase.text():
            problems["passphrase"] = self.tr("Write the passphrase the sender told you.")
        if problems:
            self.show_known_error(InputError(problems))
            return
        self._import(replace=False)

    def _import(self, *, replace: bool) -> None:
        # A received case may be new or merged into one here: every view may show it.
        self.operation(
            transfer.import_case,
            self._store,
            Path(self.file.text().strip()),
            self.passphrase.text(),
            today=self._today(),
            replace=replace,
        ).with_progress(self.tr("Receiving the case …")).changes(Change.of(Aspect.STORE)).success(
            self._done
        ).run()

    def show_known_error(self, error: KnownError) -> None:
        if isinstance(error, WrongPassphraseError):
            self.set_busy(False)
            self.field_errors["passphrase"].show_message(error.message)
            self.passphrase.setFocus()
            self.passphrase.selectAll()
            return
        if isinstance(error, TransferConflictError):
            self.set_busy(False)
            self._ask_replace(error)
            return
        super().show_known_error(error)

    def _ask_replace(self, exc: TransferConflictError) -> None:
        """Show what would be lost and ask, without blocking (default No: nothing changes).
        Yes runs the same import again with replace=True, on the worker like the first."""
        shown = exc.losses[:LISTED_LOSSES]  # a long list would push the buttons off screen
        lines = "\n".join(f"• {loss.line()}" for loss in shown)
        if len(exc.losses) > len(shown):
            lines += "\n" + self.tr("… and {count} more").format(count=len(exc.losses) - len(shown))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Entries here would be lost"),
            self.tr(
                "The file lacks entries that exist here, or it would overwrite changes made "
                "here later than the sender's. Nothing has been changed yet. This would be lost:"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setInformativeText(lines + "\n\n" + self.tr("Replace anyway?"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._answered)
        self.confirm = box
        box.open()

    def _answered(self, answer: int) -> None:
        self.confirm = None
        if answer == QMessageBox.StandardButton.Yes:
            self._import(replace=True)
        else:
            self.general_error.show_message(
                self.tr("Nothing was imported: the entries here are kept.")
            )

    def _done(self, result: ImportResult) -> None:
        self.set_busy(False)
        self.imported.emit(result)
        self.accept()
