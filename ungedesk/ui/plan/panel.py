"""The record's "Plan" tab: the plan's form (``form.PlanForm``) under a row of actions:
saving, handing out a frozen version and the young person's PDF.

Every action is one Operation calling one service function that owns one transaction:
reading and saving through ``services.plan``; handing out (unsaved edits saved in the same
transaction), showing, saving, sending and printing the PDF through
``services.plan_export``. What happens after an action is the operation's success
callback; nothing waits in a field. Changes are announced on the change bus, and the
panel refreshes from it when another view changed what it shows (consents, the next
meeting, the coordinator).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import InputError, KnownError
from ungedesk.domain.team import MissingContactError
from ungedesk.services import plan as plan_service
from ungedesk.services import plan_export, secure_send
from ungedesk.services.plan import PlanDraft
from ungedesk.services.plan_export import HandedOut, PlanPdf
from ungedesk.services.secure_send import SecureRoute
from ungedesk.store.database import Store
from ungedesk.ui import changes
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.i18n import format_day
from ungedesk.ui.operations import Operation, is_wanted
from ungedesk.ui.plan.form import PlanForm
from ungedesk.ui.plan.send import Handover, Route, SendWarning
from ungedesk.ui.team.missing_contact import MissingContactBox
from ungedesk.ui.widgets import (
    ERROR_STYLE,
    GOOD_STYLE,
    HINT_STYLE,
    WARNING_STYLE,
    BusyBar,
    MessageLabel,
)

# What another view may change that the plan shows: consents and the plan itself (another
# window), the next meeting (conversations) and the coordinator (the basic data).
_SHOWN = (Aspect.PLAN, Aspect.CONVERSATIONS, Aspect.YOUTH)


class PlanPanel(QWidget):
    dirty_changed = Signal(bool)
    # The draft shown after each read, save or hand-out (tests and views wait on it).
    draft_shown = Signal(object)  # PlanDraft

    def __init__(
        self,
        store: Store,
        youth_id: int,
        today: Callable[[], date],
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._youth_id = youth_id
        self._today = today
        self._now = now
        self._requested = False
        self.loaded = False
        self.dirty = False
        self.draft: PlanDraft | None = None
        self.dialog: QWidget | None = None

        self.form = PlanForm(today)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.hand_out_button = QPushButton(self.tr("&Hand out plan…"))
        self.hand_out_button.setToolTip(
            self.tr(
                "Freeze this plan as a version the young person gets. Later edits make a new draft."
            )
        )
        self.preview_button = QPushButton(self.tr("Show &PDF"))
        self.save_pdf_button = QPushButton(self.tr("Save PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.send_button = QPushButton(self.tr("Send to…"))
        self.versions_button = QPushButton(self.tr("&Versions…"))
        self.dirty_label = QLabel(self.tr("● Unsaved changes"))
        self.dirty_label.setStyleSheet(WARNING_STYLE)
        self.dirty_label.hide()
        self.state_label = QLabel()
        self.state_label.setStyleSheet(HINT_STYLE)
        self.message = MessageLabel(GOOD_STYLE)
        self.error = MessageLabel(ERROR_STYLE)
        self.busy = BusyBar()
        self._layout()

        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)
        # clicked(bool) would arrive as the optional version: _clicked drops it.
        self.save_button.clicked.connect(partial(self._clicked, self.save))
        self.hand_out_button.clicked.connect(self.ask_hand_out)
        self.preview_button.clicked.connect(partial(self._clicked, self.preview))
        self.save_pdf_button.clicked.connect(partial(self._clicked, self.save_pdf))
        self.print_button.clicked.connect(partial(self._clicked, self.print_plan))
        self.send_button.clicked.connect(partial(self._clicked, self.send_to))
        self.versions_button.clicked.connect(self.open_versions)
        self.form.consent.register_button.clicked.connect(self.open_consent)
        self.form.consent.withdraw_button.clicked.connect(self.open_withdraw)
        self.form.edited.connect(self._edited)
        changes.bus().changed.connect(self._store_changed)

        self._set_actions_enabled(False)

    def _clicked(self, action: Callable[[], None], _checked: bool = False) -> None:
        action()

    def _layout(self) -> None:
        top = QHBoxLayout()
        for button in (self.save_button, self.hand_out_button):
            top.addWidget(button)
        top.addSpacing(12)
        buttons = (
            self.preview_button,
            self.save_pdf_button,
            self.print_button,
            self.send_button,
            self.versions_button,
        )
        for button in buttons:
            top.addWidget(button)
        top.addStretch(1)
        status = QHBoxLayout()
        status.addWidget(self.state_label)
        status.addSpacing(12)
        status.addWidget(self.dirty_label)
        status.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.form, 1)
        # Reading order: the action buttons on top, then the form.
        order: list[QWidget] = [self.save_button, self.hand_out_button, *buttons]
        order.extend(self.form.reading_order())
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        # The plan is read (and the read logged, a special-category one when it holds
        # health) when the caseworker opens the tab, not whenever the record opens.
        super().showEvent(event)
        if not self._requested:
            self.reload()

    def today(self) -> date:
        return self._today()

    def now(self) -> datetime:
        return self._now()

    def _change(self) -> Change:
        return Change.of(Aspect.PLAN, youth_id=self._youth_id)

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        self._requested = True
        Operation(self, plan_service.get_plan, self._store, self._youth_id, now=self.now()).latest(
            "read"
        ).success(self._loaded).run()

    def _loaded(self, draft: PlanDraft) -> None:
        self.draft = draft
        self.form.fill(draft)
        self.error.show_message(None)
        self._show_state(draft)
        self._set_dirty(False)
        self._set_actions_enabled(True)
        self.loaded = True
        self.draft_shown.emit(draft)

    def refresh_context(self, done: str = "") -> None:
        """Consents, people and versions changed elsewhere: show them, and keep the
        caseworker's unsaved edits (a withdrawn consent's text is gone from the saved
        draft; the form keeps it marked until saved). ``done``: what to say when read."""
        if not self._requested:
            return  # not opened yet: it reads everything when it is
        Operation(self, plan_service.get_plan, self._store, self._youth_id, now=self.now()).latest(
            "read"
        ).success(partial(self._context_loaded, done)).run()

    def _context_loaded(self, done: str, draft: PlanDraft) -> None:
        if self.dirty:
            self.draft = draft
            self.form.show_context(draft)
            self._show_state(draft)
            self.draft_shown.emit(draft)
        else:
            self._loaded(draft)
        if done:
            self.message.show_message(done)

    def _store_changed(self, change: Change) -> None:
        if change.origin is self or not is_wanted(self):
            return  # our own change is shown already; a closed panel shows nothing
        if change.about(self._youth_id) and change.touches(*_SHOWN):
            self.refresh_context()

    def _show_state(self, draft: PlanDraft) -> None:
        versions = tuple(draft.versions)
        if not versions:
            self.state_label.setText(self.tr("Draft: not handed out yet."))
        else:
            last = versions[-1]
            text = self.tr("Version {number} handed out {day} by {who}.").format(
                number=last.number, day=format_day(last.handed_out_on), who=last.handed_out_by
            )
            if draft.changes:
                text += " " + self.tr("The draft has changed since.")
            self.state_label.setText(text)
        self.versions_button.setEnabled(bool(versions))

    def show_known_error(self, error: KnownError) -> None:
        """Where this panel's operations put a known error by default."""
        self.busy.hide()
        self._set_actions_enabled(self.draft is not None)
        self.error.show_message(error.message)

    # --- editing -------------------------------------------------------------------------

    def _edited(self) -> None:
        self.message.show_message(None)
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty == self.dirty:
            return
        self.dirty = dirty
        self.dirty_label.setVisible(dirty)
        self.dirty_changed.emit(dirty)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for button in (
            self.save_button,
            self.hand_out_button,
            self.preview_button,
            self.save_pdf_button,
            self.print_button,
            self.send_button,
            self.form.consent.register_button,
        ):
            button.setEnabled(enabled)
        self.versions_button.setEnabled(
            enabled and self.draft is not None and bool(self.draft.versions)
        )

    def _start(self) -> bool:
        """Before an action that changes the plan: False while another one runs."""
        if self.draft is None or self.busy.isVisible():
            return False
        self.message.show_message(None)
        self.error.show_message(None)
        self.form.clear_errors()
        self.busy.show()
        self._set_actions_enabled(False)
        return True

    def _show_input_error(self, error: KnownError, summary: str) -> None:
        self.busy.hide()
        self._set_actions_enabled(True)
        if not isinstance(error, InputError):
            self.error.show_message(error.message)
            return
        unplaced = self.form.show_field_errors(error.fields)
        self.error.show_message(" ".join([summary, *unplaced]))

    # --- saving --------------------------------------------------------------------------

    def save(self) -> None:
        if not self._start():
            return
        Operation(
            self,
            plan_service.save_plan,
            self._store,
            self._youth_id,
            self.form.content(),
            today=self.today(),
            now=self.now(),
        ).changes(self._change()).success(self._saved).failure(self._save_failed).run()

    def _saved(self, draft: PlanDraft) -> None:
        self.busy.hide()
        self._loaded(draft)
        self.message.show_message(self.tr("The plan was saved."))

    def _save_failed(self, error: KnownError) -> None:
        self._show_input_error(error, self.tr("The plan was not saved. Correct the marked fields."))

    def confirm_discard(self) -> bool:
        """Before the record closes: may unsaved changes be thrown away?"""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The plan has unsaved changes. Close without saving them?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- handing out ---------------------------------------------------------------------

    def ask_hand_out(self) -> None:
        from ungedesk.ui.plan.dialogs import HandOutDialog

        if self.draft is None:
            return
        dialog = HandOutDialog(
            changes=tuple(self.draft.changes),
            first=not self.draft.versions,
            unsaved=self.dirty,
            parent=self,
        )
        dialog.accepted.connect(self.hand_out)
        self.dialog = dialog
        dialog.open()

    def hand_out(self) -> None:
        """Freeze the plan as the form shows it: unsaved edits are saved in the same
        transaction, and a refused save hands nothing out."""
        content = self.form.content() if self.dirty else None
        if not self._start():
            return
        Operation(
            self,
            plan_export.hand_out,
            self._store,
            self._youth_id,
            content,
            today=self.today(),
            now=self.now(),
        ).changes(self._change()).success(self._handed_out).failure(self._hand_out_failed).run()

    def _handed_out(self, result: HandedOut) -> None:
        self.busy.hide()
        self._loaded(result.draft)
        self.message.show_message(
            self.tr(
                "Version {number} was handed out. Later changes make a new draft; this "
                "version stays as it is."
            ).format(number=result.number)
        )

    def _hand_out_failed(self, error: KnownError) -> None:
        self._show_input_error(error, self.tr("The plan was not handed out."))
        if isinstance(error, MissingContactError):  # say what is missing, offer its form
            self.dialog = MissingContactBox.offer(self._store, error, self)

    # --- the PDF -------------------------------------------------------------------------

    def _pdf_started(self) -> None:
        self.busy.show()

    def _pdf_failed(self, error: KnownError) -> None:
        self.busy.hide()
        self.error.show_message(error.message)

    def _unsaved_note(self) -> None:
        """The PDF shows the last handed-out version (the saved draft before the first
        one): say so when the form holds more."""
        draft = self.draft
        if draft is not None and draft.versions and (draft.changes or self.dirty):
            self.message.show_message(
                self.tr(
                    "The PDF shows version {number}, as the young person got it. Hand out "
                    "the plan to include the later changes."
                ).format(number=draft.versions[-1].number)
            )
        elif self.dirty:
            self.message.show_message(
                self.tr("The PDF shows the saved plan. Save (Ctrl+S) to include your changes.")
            )

    def _pdf_viewer_missing(self) -> bool:
        """Qt's PDF module is a separate package (PySide6-Pdf): without it the plan can
        still be saved and sent, only not shown or printed from here."""
        try:
            import PySide6.QtPdf  # noqa: F401
        except ImportError:
            self.error.show_message(
                self.tr(
                    "Showing and printing the PDF needs Qt's PDF component, which is not "
                    "installed. Save the PDF and open it in your PDF reader instead."
                )
            )
            return True
        return False

    def _pdf_in_memory(self, version: int | None, then: Callable[[PlanPdf], None]) -> None:
        self._pdf_started()
        Operation(
            self,
            plan_export.preview,
            self._store,
            self._youth_id,
            version=version,
            today=self.today(),
            now=self.now(),
        ).success(then).failure(self._pdf_failed).run()

    def preview(self, version: int | None = None) -> None:
        if self._pdf_viewer_missing():
            return
        self._unsaved_note()
        self._pdf_in_memory(version, partial(self._show_pdf, version))

    def _show_pdf(self, version: int | None, pdf: PlanPdf) -> None:
        from ungedesk.ui.plan.pdf_preview import PdfPreviewDialog

        self.busy.hide()
        title = self.tr("The plan as PDF")
        if version is not None:
            title = self.tr("Version {number} as PDF").format(number=version)
        # Over the versions dialog when it asked: a preview behind it could not be used.
        owner = QApplication.activeModalWidget() or self
        dialog = PdfPreviewDialog(pdf.data, title, parent=owner)
        dialog.save_requested.connect(partial(self.save_pdf, version))
        dialog.print_done.connect(partial(self._log_print, version))
        self.dialog = dialog
        dialog.open()

    def ask_pdf_path(self, version: int | None, title: str) -> tuple[Path, bool] | None:
        """Where to save the PDF, and whether as the archive variant (PDF/A)."""
        young = self.tr("PDF for the young person (*.pdf)")
        archive = self.tr("Archive copy, PDF/A (*.pdf)")
        draft = self.draft
        suggested = plan_export.suggested_file_name(
            draft.case_number if draft is not None else "",
            plan_export.shown_version(draft.versions if draft is not None else (), version),
            False,
        )
        name, chosen = QFileDialog.getSaveFileName(
            self, title, str(Path.home() / suggested), f"{young};;{archive}"
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return path, chosen == archive

    def save_pdf(self, version: int | None = None) -> None:
        self._unsaved_note()
        target = self.ask_pdf_path(version, self.tr("Save the plan as PDF"))
        if target is not None:
            self._write_pdf(*target, version, self._pdf_saved)

    def _write_pdf(
        self, path: Path, archive: bool, version: int | None, then: Callable[[Path], None]
    ) -> None:
        self._pdf_started()
        Operation(
            self,
            plan_export.write_plan_pdf,
            self._store,
            self._youth_id,
            path,
            archive=archive,
            version=version,
            today=self.today(),
            now=self.now(),
        ).success(then).failure(self._pdf_failed).run()

    def _pdf_saved(self, path: Path) -> None:
        self.busy.hide()
        self.error.show_message(None)
        self.message.show_message(self.tr("The PDF was saved as {file}.").format(file=str(path)))

    def print_plan(self, version: int | None = None) -> None:
        if self._pdf_viewer_missing():
            return
        self._unsaved_note()
        self._pdf_in_memory(version, partial(self._print_pdf, version))

    def _print_pdf(self, version: int | None, pdf: PlanPdf) -> None:
        from ungedesk.ui.plan.pdf_preview import print_pdf

        self.busy.hide()
        if print_pdf(pdf.data, self):
            self._log_print(version)
            self.message.show_message(self.tr("The plan was sent to the printer."))

    def _log_print(self, version: int | None) -> None:
        # Paper leaves the store as surely as a file does: the access log records it. The
        # service decides which version that was and says so in the log.
        Operation(
            self,
            plan_export.log_print,
            self._store,
            self._youth_id,
            version=version,
            now=self.now(),
        ).run()

    def send_to(self, version: int | None = None) -> None:
        """Warn that the plan must go by secure mail or Digital Post (the municipality's
        secure route first, ``ui.plan.send``), then save the PDF and hand it on."""
        self._unsaved_note()
        Operation(self, secure_send.route, self._store).success(
            partial(self._send_warned, version)
        ).run()

    def _send_warned(self, version: int | None, secure: SecureRoute) -> None:
        route = SendWarning(secure, self).choose()
        if route is None:
            return
        target = self.ask_pdf_path(version, self.tr("Save the PDF to send"))
        if target is not None:
            self._write_pdf(*target, version, partial(self._send_written, route, secure))

    def _send_written(self, route: Route, secure: SecureRoute, path: Path) -> None:
        self.busy.hide()
        self.error.show_message(None)
        self.message.show_message(Handover(self).deliver(path, route, secure))

    # --- dialogs -------------------------------------------------------------------------

    def open_versions(self) -> None:
        from ungedesk.ui.plan.dialogs import VersionsDialog

        if self.draft is None or not self.draft.versions:
            return
        dialog = VersionsDialog(
            self._store,
            self._youth_id,
            tuple(self.draft.versions),
            tuple(self.draft.changes),
            parent=self,
        )
        dialog.preview_requested.connect(self.preview)
        self.dialog = dialog
        dialog.open()

    def open_consent(self) -> None:
        from ungedesk.ui.plan.dialogs import ConsentDialog

        dialog = ConsentDialog(self._store, self._youth_id, self._today, parent=self)
        dialog.accepted.connect(self._consent_registered)
        self.dialog = dialog
        dialog.open()

    def open_withdraw(self) -> None:
        from ungedesk.ui.plan.dialogs import WithdrawConsentDialog

        consents = self.form.active_consents()
        if not consents:
            return
        dialog = WithdrawConsentDialog(
            self._store, self._youth_id, consents, self._today, parent=self
        )
        dialog.accepted.connect(self._consent_withdrawn)
        self.dialog = dialog
        dialog.open()

    # The dialogs' operations announce the change; the panel reads it back from the bus
    # (their origin is the dialog, not the panel) and says what happened here.

    def _consent_registered(self) -> None:
        self.message.show_message(self.tr("The consent was registered."))

    def _consent_withdrawn(self) -> None:
        self.message.show_message(
            self.tr(
                "The consent was withdrawn. Text it covered was removed from the saved "
                "draft; handed-out versions are unchanged."
            )
        )
