"""Backup and restore: the backup as a stoppable operation, and the restore dialog."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.services import backup, backup_archive
from ungedesk.services.backup import BackupResult
from ungedesk.services.backup_archive import BackupInfo
from ungedesk.store.database import Store
from ungedesk.ui.i18n import format_day, format_number
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import (
    HINT_STYLE,
    WARNING_STYLE,
    MessageLabel,
    add_row,
)
from ungedesk.ui.work_dialog import WorkDialog

BACKUP_SUFFIX = ".udbackup"


def format_created(created: str) -> str:
    """A manifest time (ISO, UTC) as local Danish date and time."""
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        return created
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    return f"{format_day(local.date())} kl. {local:%H.%M}"


def backup_operation(
    parent: QWidget, store: Store, target: Path, *, force: bool
) -> Operation[BackupResult]:
    """Taking a backup to ``target``: one operation with a progress dialog and a working
    Stop (a stopped backup leaves the previous file and the store as they were). The caller
    adds ``success`` and runs it; known failures, Stop included, go to the parent's message
    area."""
    title = QCoreApplication.translate(
        "BackupDialogs", "Taking a backup and checking it against the database …"
    )
    return Operation(parent, backup.backup, store, target, force=force).with_progress(title)


class RestoreDialog(WorkDialog):
    """Choose a backup, see when it was taken, and confirm that it replaces today's data.

    Accepting does not restore: the main window hands ``source`` and ``passphrase`` to the
    launcher, which closes the store, restores and opens UngeDesk again."""

    def __init__(self, parent: QWidget | None = None, start_folder: str = "") -> None:
        super().__init__(self.tr("&Restore and restart"), parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumWidth(620)
        self._start_folder = start_folder
        self.source: Path | None = None
        self.info: BackupInfo | None = None

        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        self.choose = QPushButton(self.tr("C&hoose file…"))
        self.choose.setAutoDefault(False)
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file, 1)
        row.addWidget(self.choose)
        self.manifest = MessageLabel(HINT_STYLE)
        self.field_errors["source"] = MessageLabel()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        passphrase_hint = QLabel(
            self.tr(
                "The recovery passphrase that was valid when the backup was taken. Leave it "
                "empty if the backup was taken on this computer."
            )
        )
        passphrase_hint.setWordWrap(True)
        passphrase_hint.setStyleSheet(HINT_STYLE)
        self.field_errors["passphrase"] = MessageLabel()
        self.warning = QLabel(
            self.tr(
                "Restoring replaces ALL data in UngeDesk on this computer with the data in the "
                "backup. Everything registered after the backup was taken is lost. UngeDesk "
                "closes and opens again with the restored data."
            )
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE + " font-weight: bold;")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("&Backup file"), file_row, self.manifest, self.field_errors["source"])
        add_row(
            form,
            self.tr("Recovery &passphrase"),
            self.passphrase,
            passphrase_hint,
            self.field_errors["passphrase"],
        )
        self.body.addWidget(self.warning)
        self.body.addSpacing(6)
        self.body.addLayout(form)
        self.ok_button.setEnabled(False)
        self.choose.clicked.connect(self.choose_file)
        self.setTabOrder(self.choose, self.passphrase)
        self.setTabOrder(self.passphrase, self.ok_button)
        self.choose.setFocus()

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            self._start_folder,
            self.tr("UngeDesk backups (*.udbackup);;All files (*)"),
        )
        if name:
            self.set_source(Path(name))

    def set_source(self, source: Path) -> None:
        self.clear_errors()
        self.source = source
        self.info = None
        self.file.setText(str(source))
        self.manifest.show_message(self.tr("Reading the backup …"))
        self.ok_button.setEnabled(False)
        # Only the file chosen last may fill in the manifest.
        Operation(self, backup_archive.inspect, source).latest("inspect").success(
            self._inspected
        ).failure(self._not_a_backup).run()

    def _inspected(self, info: BackupInfo) -> None:
        self.info = info
        self.manifest.show_message(
            self.tr("Backup taken {when} · {rows} rows in {tables} tables").format(
                when=format_created(info.created),
                rows=format_number(info.rows),
                tables=info.tables,
            )
        )
        self.ok_button.setEnabled(True)
        self.passphrase.setFocus()

    def _not_a_backup(self, error: KnownError) -> None:
        self.manifest.show_message(None)
        self.field_errors["source"].show_message(error.message)

    def passphrase_or_none(self) -> str | None:
        return self.passphrase.text() or None

    def accept_work(self) -> None:
        if self.source is None or self.info is None:
            return
        self.accept()
