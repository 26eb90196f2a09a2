"""Dialogs acting on one open case: end it, and give the young person their data.

"Ending" a case (afslutte forløbet) is named apart from closing a record's tab ("Luk
fanen") everywhere, and is asked about once more before it is done: the two were once
"Luk sagen" and "Afslut sag", side by side in the menus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ungedesk.domain.errors import InputError
from ungedesk.domain.youth import EXIT_LABELS, MANUAL_EXIT_REASONS, ExitReason
from ungedesk.services import access, retention
from ungedesk.services.access import AccessExport
from ungedesk.services.youths import YouthRecord
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.i18n import format_day
from ungedesk.ui.widgets import HINT_STYLE, DateField, MessageLabel, add_row, folder_row
from ungedesk.ui.work_dialog import WorkDialog


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CloseCaseDialog(WorkDialog):
    """End the case with where the young person went (afgang) and the date, after a
    confirmation that names the young person and says what ending means."""

    closed = Signal(int)

    def __init__(
        self,
        store: Store,
        record: YouthRecord,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&End the case…"), parent)
        self._store = store
        self._record = record
        self._today = today
        self.setWindowTitle(self.tr("End the case – {name}").format(name=record.name))
        self.confirmation: QMessageBox | None = None
        self.end_button: QAbstractButton | None = None
        self.setMinimumWidth(520)
        self.reason = QComboBox()
        for reason in MANUAL_EXIT_REASONS:
            self.reason.addItem(EXIT_LABELS[reason], reason.value)
        self.closed_on = DateField()
        self.closed_on.setCalendarPopup(True)
        self.closed_on.setDisplayFormat("dd-MM-yyyy")
        self.closed_on.setMinimumDate(_qdate(record.henvendelse_date))
        self.closed_on.setMaximumDate(_qdate(today()))
        self.closed_on.setDate(_qdate(today()))
        self.field_errors = {"reason": MessageLabel(), "closed_on": MessageLabel()}
        intro = QLabel(
            self.tr(
                "Ending the case {case} means the young person has left the effort: the "
                "deadlines stop and the case leaves the Deadlines overview. An ended case "
                "can be reopened. After the retention period in Settings it can be deleted. "
                "(To close only the record's tab, press Ctrl+W.)"
            ).format(case=record.case_number)
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        add_row(form, self.tr("&Went to"), self.reason, self.field_errors["reason"])
        add_row(form, self.tr("Closed &on"), self.closed_on, self.field_errors["closed_on"])
        self.body.addWidget(intro)
        self.body.addLayout(form)
        self.setTabOrder(self.reason, self.closed_on)
        self.setTabOrder(self.closed_on, self.ok_button)
        self.reason.setFocus()

    def accept_work(self) -> None:
        """Asks once more, naming the young person; "Keep it open" is the default."""
        day = self.closed_on.date().toPython()
        assert isinstance(day, date)
        if self.confirmation is not None:  # an earlier question, answered "keep it open"
            self.confirmation.deleteLater()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("End the case?"))
        box.setText(
            self.tr("End the case of {name} ({case})?").format(
                name=self._record.name, case=self._record.case_number
            )
        )
        box.setInformativeText(
            self.tr(
                "Went to: {reason}, ended on {day}. The deadlines stop and the case leaves "
                "the Deadlines overview. It can be reopened from the Case menu."
            ).format(reason=self.reason.currentText(), day=format_day(day))
        )
        self.end_button = box.addButton(self.tr("&End the case"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("&Keep it open"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.buttonClicked.connect(partial(self._confirmed, day))
        self.confirmation = box
        box.open()

    def _confirmed(self, day: date, button: QAbstractButton) -> None:
        if button is not self.end_button:
            return  # kept open: the dialog stays for another choice or Cancel
        # Read the widgets here, on the GUI thread; the worker gets plain values.
        self.operation(
            retention.close_case,
            self._store,
            self._record.id,
            ExitReason(self.reason.currentData()),
            day,
            today=self._today(),
        ).changes(
            # Closed cases leave the deadlines overview.
            Change.of(Aspect.YOUTH, Aspect.DEADLINES, youth_id=self._record.id)
        ).success(self._done).run()

    def _done(self, _: object) -> None:
        self.set_busy(False)
        self.closed.emit(self._record.id)
        self.accept()


class ExportPersonDialog(WorkDialog):
    """Right of access: everything about the young person as PDF and JSON in a folder."""

    exported = Signal(object)  # AccessExport

    def __init__(
        self,
        store: Store,
        record: YouthRecord,
        start_folder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Export"), parent)
        self._store = store
        self._record = record
        self.setWindowTitle(self.tr("Right of access – {name}").format(name=record.name))
        self.setMinimumWidth(600)
        self.folder = QLineEdit(start_folder)
        self.browse = QPushButton(self.tr("C&hoose…"))
        self.browse.setAutoDefault(False)
        self.purpose = QLineEdit(self.tr("Request for access from the young person"))
        self.field_errors = {"folder": MessageLabel(), "purpose": MessageLabel()}
        intro = QLabel(
            self.tr(
                "Writes everything UngeDesk holds about the young person, with the access "
                "history, as a PDF to hand over and a JSON file for machines. The file names "
                "carry the case number {case}, never the CPR number. The export is logged."
            ).format(case=record.case_number)
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(
            form,
            self.tr("&Folder"),
            folder_row(self.folder, self.browse),
            self.field_errors["folder"],
        )
        add_row(form, self.tr("&Purpose"), self.purpose, self.field_errors["purpose"])
        self.body.addWidget(intro)
        self.body.addLayout(form)
        self.browse.clicked.connect(self._browse)
        self.setTabOrder(self.folder, self.browse)
        self.setTabOrder(self.browse, self.purpose)
        self.setTabOrder(self.purpose, self.ok_button)
        self.purpose.setFocus()
        self.purpose.selectAll()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the export"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def accept_work(self) -> None:
        problems: dict[str, str] = {}
        if not self.folder.text().strip():
            problems["folder"] = self.tr("Choose a folder.")
        if not self.purpose.text().strip():
            problems["purpose"] = self.tr("Write why the data is exported.")
        if problems:
            self.show_known_error(InputError(problems))
            return
        self.operation(
            access.export_person,
            self._store,
            self._record.id,
            Path(self.folder.text().strip()),
            purpose=self.purpose.text().strip(),
        ).success(self._done).run()

    def _done(self, result: AccessExport) -> None:
        self.set_busy(False)
        self.exported.emit(result)
        self.accept()
