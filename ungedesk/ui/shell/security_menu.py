"""The Security menu apart from backup and restore (ui.main_window): the recovery
passphrase, the access log (my access, checking it, a witness of its head), cases due for
deletion and the settings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ungedesk.store.anchor import HeadMark
from ungedesk.ui.i18n import format_number
from ungedesk.ui.operations import Operation
from ungedesk.ui.shell.records import RecordTabs

if TYPE_CHECKING:
    from ungedesk.services.audit import VerifyResult
    from ungedesk.services.preferences import TrustSettings

# How many findings of a tampered log the message lists (the rest are counted).
SHOWN_PROBLEMS = 20


class SecurityMenu(RecordTabs):
    # --- the recovery passphrase ---------------------------------------------------------

    def change_passphrase(self) -> None:
        from ungedesk.ui.security.passphrase_dialog import ChangePassphraseDialog

        user = self.user
        related = () if user is None else (user.name, user.initials, user.unit)
        dialog = ChangePassphraseDialog(self._store, related, self)
        dialog.changed.connect(self._passphrase_changed)
        self._show_dialog(dialog)

    def _passphrase_changed(self) -> None:
        self._show_notice(
            QCoreApplication.translate(
                "MainWindow",
                "The recovery passphrase is changed. From now on the key file opens with the "
                "new passphrase only.\n\nBackups taken before the change still open with the "
                "old passphrase. Take a new backup now, and delete the old ones if others may "
                "know the old passphrase.",
            )
        )

    # --- access log ----------------------------------------------------------------------

    def show_my_access(self) -> None:
        from ungedesk.services import audit
        from ungedesk.ui.security.access_views import MyAccessDialog

        if self.user is None:
            return
        dialog = MyAccessDialog(self)
        self._show_dialog(dialog)
        Operation(dialog, audit.recent_for_actor, self._store, self.user.id).success(
            dialog.set_events
        ).run()

    def verify_audit_log(self) -> None:
        from ungedesk.services import audit

        Operation(self, audit.verify, self._store).success(self._verified).run()

    def _verified(self, result: VerifyResult) -> None:
        if result.ok:
            self._show_notice(
                QCoreApplication.translate(
                    "MainWindow",
                    "The access log is intact: {count} events checked, none changed, added or "
                    "removed.\n\nHead of the log: event no. {seq}, {digest}",
                ).format(
                    count=format_number(result.checked),
                    seq=result.head.seq,
                    digest=result.head.hash[:16] or "-",
                )
            )
            return
        shown = result.problems[:SHOWN_PROBLEMS]
        more = len(result.problems) - len(shown)
        text = QCoreApplication.translate(
            "MainWindow",
            "The access log has been tampered with. Tell your IT security contact.\n\n",
        ) + "\n".join(shown)
        if more:
            text += "\n" + QCoreApplication.translate("MainWindow", "… and {count} more.").format(
                count=more
            )
        self._show_notice(text, QMessageBox.Icon.Critical)

    def save_witness(self) -> None:
        """The head of the log to a file someone else keeps, so a rollback can be proved."""
        from ungedesk.services import audit

        default = Path(self._folder()) / f"ungedesk-loghoved-{self._today().isoformat()}.json"
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("MainWindow", "Save the access log's head"),
            str(default),
            QCoreApplication.translate("MainWindow", "Witness files (*.json)"),
        )
        if not name:
            return
        self._remember_folder(Path(name).parent)
        Operation(self, audit.export_witness, self._store, Path(name)).success(
            self._witness_saved
        ).run()

    def _witness_saved(self, mark: HeadMark) -> None:
        self._show_notice(
            QCoreApplication.translate(
                "MainWindow",
                "The head of the access log is saved: event no. {seq}, hash {digest}.\n\n"
                "Give the file to someone who keeps it outside UngeDesk (for example your "
                "IT security contact). With it, 'ungedesk audit verify --witness FILE' shows "
                "later whether the log was rolled back.",
            ).format(seq=mark.seq, digest=mark.hash or "-")
        )

    def show_start_notice(self, text: str) -> None:
        """What opening the store repaired (already Danish, from the service)."""
        self._show_notice(text)

    def show_log_alerts(self, alerts: list[str]) -> None:
        """Found while opening: the access log was rolled back or changed (and this was
        recorded in the log itself)."""
        if not alerts:
            return
        text = QCoreApplication.translate(
            "MainWindow",
            "UngeDesk found signs that the access log has been changed since it was last "
            "used. This has been recorded in the log. Tell your IT security contact.\n\n",
        ) + "\n".join(alerts[:10])
        self._show_notice(text, QMessageBox.Icon.Critical)

    # --- settings and retention ----------------------------------------------------------

    def open_settings(self) -> None:
        from ungedesk.services import preferences

        Operation(self, preferences.load_settings, self._store).success(self._settings_loaded).run()

    def _settings_loaded(self, values: TrustSettings) -> None:
        from ungedesk.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self._store, values, self)
        # The reminder may have moved; deadlines and open records follow the change bus.
        dialog.saved.connect(self._settings_saved)
        self._show_dialog(dialog)

    def _settings_saved(self, _values: TrustSettings) -> None:
        self.check_backup_reminder()

    def show_expired_cases(self) -> None:
        from ungedesk.ui.security.retention_dialog import ExpiredCasesDialog

        dialog = ExpiredCasesDialog(self._store, self._today, parent=self)
        dialog.deleted.connect(self._cases_deleted)
        self._show_dialog(dialog)

    def _cases_deleted(self, youth_ids: list[int]) -> None:
        for youth_id in youth_ids:
            self.close_record(youth_id)
        self.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "{count} cases deleted.", "", len(youth_ids)
            ).format(count=len(youth_ids)),
            8000,
        )
