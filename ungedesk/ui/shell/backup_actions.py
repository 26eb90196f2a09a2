"""The backup and restore actions of the main window, and the status bar's backup reminder.

Restoring replaces the open store, so the window only asks for it (``restore_requested``)
and the launcher (ui.app) closes the window and the store, restores and opens again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QFileDialog, QPushButton

from ungedesk.domain.errors import KnownError
from ungedesk.ui.i18n import format_number
from ungedesk.ui.operations import Operation
from ungedesk.ui.shell.base import ShellBase

if TYPE_CHECKING:
    from ungedesk.services.backup import BackupResult
    from ungedesk.ui.security.backup_dialogs import RestoreDialog


class BackupActions(ShellBase):
    # Made by MainWindow.
    backup_reminder: QPushButton
    restore_requested: SignalInstance

    def _backup_failed(self, error: KnownError) -> None:
        self.show_known_error(error)

    def check_backup_reminder(self) -> None:
        from ungedesk.services import backup

        Operation(self, backup.reminder_state, self._store).latest(
            "backup reminder"
        ).background().success(self._show_backup_reminder).run()

    def _show_backup_reminder(self, state: tuple[bool, datetime | None]) -> None:
        overdue, last = state
        if not overdue:
            self.backup_reminder.hide()
            return
        if last is None:
            text = self.tr("No backup has been taken yet")
        else:
            days = (datetime.now(UTC) - last).days
            text = self.tr("No backup has been taken for {days} days", "", days).format(days=days)
        self.backup_reminder.setText(text)
        self.backup_reminder.show()

    def take_backup(self) -> None:
        from ungedesk.ui.security.backup_dialogs import BACKUP_SUFFIX, backup_operation

        default = Path(self._folder()) / f"ungedesk-kopi-{self._today().isoformat()}"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Take a backup"),
            str(default) + BACKUP_SUFFIX,
            self.tr("UngeDesk backups (*.udbackup)"),
        )
        if not name:
            return
        target = Path(name)
        if target.suffix != BACKUP_SUFFIX:
            target = target.with_name(target.name + BACKUP_SUFFIX)
        # The save dialog has already asked before overwriting exactly this file; a name
        # that got the suffix added afterwards was not asked about, so it is not forced.
        confirmed = target == Path(name)
        self._remember_folder(target.parent)
        backup_operation(self, self._store, target, force=confirmed).success(
            self._backup_done
        ).failure(self._backup_failed).run()

    def _backup_done(self, result: BackupResult) -> None:
        text = self.tr(
            "The backup is saved and checked: {rows} rows in {tables} tables.\n\n{path}\n\n"
            "Keep it on a drive the municipality approves, away from this computer. "
            "Restoring it needs the recovery passphrase."
        ).format(rows=format_number(result.rows), tables=result.tables, path=result.path)
        if result.audit_seq:  # an empty log has no head worth witnessing
            text += "\n\n" + self.tr(
                "Newest access log event in the backup: no. {seq}, checksum {hash}. "
                "Give it to a colleague as a witness that the log is not rolled back later."
            ).format(seq=format_number(result.audit_seq), hash=result.audit_hash_short)
        self._show_notice(text, open_folder=result.path.parent)
        self.check_backup_reminder()

    def restore_backup(self) -> None:
        from ungedesk.ui.security.backup_dialogs import RestoreDialog

        dialog = RestoreDialog(self, start_folder=self._folder())
        dialog.accepted.connect(partial(self._restore_chosen, dialog))
        self._show_dialog(dialog)

    def _restore_chosen(self, dialog: RestoreDialog) -> None:
        if dialog.source is not None:
            self._remember_folder(dialog.source.parent)
            self.save_settings()
            self.restore_requested.emit(dialog.source, dialog.passphrase_or_none())
