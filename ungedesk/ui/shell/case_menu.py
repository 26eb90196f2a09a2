"""The Case menu: end and reopen the open case (ending asks first), the right of access,
its access history, and transferring a case to another installation or receiving one."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ungedesk.domain.youth import CaseStatus
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.operations import Operation
from ungedesk.ui.shell.records import RecordTabs

if TYPE_CHECKING:
    from ungedesk.services.access import AccessExport
    from ungedesk.services.follow_up import FollowUpView
    from ungedesk.services.transfer import ImportResult
    from ungedesk.services.youths import YouthRecord
    from ungedesk.ui.security.access_views import AuditDialog


class CaseMenu(RecordTabs):
    def close_case(self) -> None:
        from ungedesk.ui.record.case_dialogs import CloseCaseDialog

        record = self.current_record()
        if record is None or record.status is CaseStatus.CLOSED:
            return
        dialog = CloseCaseDialog(self._store, record, self._today, self)
        dialog.closed.connect(self._case_closed)
        self._show_dialog(dialog)

    def _case_closed(self, youth_id: int) -> None:
        self.refresh_record(youth_id)

    def reopen_case(self) -> None:
        from ungedesk.services import retention

        record = self.current_record()
        if record is None or record.status is not CaseStatus.CLOSED:
            return
        Operation(self, retention.reopen_case, self._store, record.id).changes(
            Change.of(Aspect.YOUTH, Aspect.DEADLINES, youth_id=record.id)
        ).success(partial(self._reopened, record.id)).run()

    def _reopened(self, youth_id: int, _result: None) -> None:
        self.refresh_record(youth_id)

    def follow_up_case(self) -> None:
        from ungedesk.services import follow_up

        record = self.current_record()
        if record is None or record.status is not CaseStatus.CLOSED:
            return
        Operation(self, follow_up.for_youth, self._store, record.id).success(
            partial(self._show_follow_up, record)
        ).run()

    def _show_follow_up(self, record: YouthRecord, earlier: list[FollowUpView]) -> None:
        from ungedesk.ui.record.follow_up_dialog import FollowUpDialog

        self._show_dialog(FollowUpDialog(self._store, record, earlier, self._today, self))

    def show_history(self) -> None:
        from ungedesk.services import audit
        from ungedesk.ui.security.access_views import YouthHistoryDialog

        record = self.current_record()
        if record is None:
            return
        dialog: AuditDialog = YouthHistoryDialog(record.name, self)
        self._show_dialog(dialog)
        Operation(dialog, audit.events_for_youth, self._store, record.id).success(
            dialog.set_events
        ).run()

    def export_person(self) -> None:
        from ungedesk.ui.record.case_dialogs import ExportPersonDialog

        record = self.current_record()
        if record is None:
            return
        dialog = ExportPersonDialog(self._store, record, self._folder(), self)
        dialog.exported.connect(self._person_exported)
        self._show_dialog(dialog)

    def _person_exported(self, result: AccessExport) -> None:
        folder = result.pdf_path.parent
        self._remember_folder(folder)
        self._show_notice(
            QCoreApplication.translate(
                "MainWindow",
                "The data is exported: {pdf} to hand over, and {json} for machines.\n\n"
                "{folder}\n\nThe files are not encrypted: hand them over securely and delete "
                "them from the computer afterwards.",
            ).format(pdf=result.pdf_path.name, json=result.json_path.name, folder=folder),
            open_folder=folder,
        )

    def transfer_case(self) -> None:
        from ungedesk.ui.security.transfer_dialogs import TransferExportDialog

        record = self.current_record()
        if record is None:
            return
        dialog = TransferExportDialog(self._store, record, self._folder(), self)
        dialog.exported.connect(self._case_exported)
        self._show_dialog(dialog)

    def _case_exported(self, path: Path) -> None:
        self._remember_folder(path.parent)
        self._show_notice(
            QCoreApplication.translate(
                "MainWindow",
                "The transfer file is written:\n\n{path}\n\nSend it to the receiver and tell "
                "them the passphrase by phone or in person.",
            ).format(path=path),
            open_folder=path.parent,
        )

    def receive_case(self) -> None:
        from ungedesk.ui.security.transfer_dialogs import TransferImportDialog

        dialog = TransferImportDialog(self._store, self._today, self._folder(), self)
        dialog.imported.connect(self._case_received)
        self._show_dialog(dialog)

    def _case_received(self, result: ImportResult) -> None:
        if result.created:
            message = QCoreApplication.translate(
                "MainWindow", "Case received and registered as {case}."
            )
        else:
            self.refresh_record(result.youth_id)
            message = QCoreApplication.translate(
                "MainWindow", "Case received: {case} is updated with the newer data."
            )
        self.open_record(result.youth_id)
        # Kædeansvar: the sender keeps the case until it has read the receipt.
        receipt = QCoreApplication.translate(
            "MainWindow",
            "Write the receipt in the record (Basic data, Handover) and send it to the sender.",
        )
        self.statusBar().showMessage(message.format(case=result.case_number) + " " + receipt, 15000)
