"""Start the GUI: translations, error handling, the worker, then set-up or unlock."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.services import first_look
from ungedesk.store import instance_lock
from ungedesk.store.errors import (
    DamagedStoreError,
    MissingKeyError,
    WrongPassphraseError,
)
from ungedesk.store.instance_lock import GUI_HOLDER, InstanceLock
from ungedesk.store.keys import ENV_PASSPHRASE
from ungedesk.store.paths import StorePaths
from ungedesk.ui import errors, tasks
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.i18n import install_translations
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.operations import Operation, is_wanted
from ungedesk.ui.startup_measure import StartupMeasure
from ungedesk.ui.widgets import HINT_STYLE, BusyBar

if TYPE_CHECKING:
    from ungedesk.services.first_look import FirstLook
    from ungedesk.store.database import Opened, Store
    from ungedesk.ui.security.backup_dialogs import RestoreDialog
    from ungedesk.ui.security.lock_screen import SessionLock
    from ungedesk.ui.security.unlock_dialog import UnlockDialog
    from ungedesk.ui.setup.setup_wizard import SetupWizard


class OpeningWindow(QWidget):
    """Shown for the moment the worker unlocks the store with the keyring's key, and while
    a restore replaces the store (then with its steps and a Stop button)."""

    # The restore's operation has ended, whichever way (its result follows, if any).
    progress_done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("UngeDesk")
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("Opening UngeDesk …"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.busy = BusyBar()
        self.busy.show()
        # What a restore is doing now (its step, or that it is stopping).
        self.step = QLabel()
        self.step.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.step.setWordWrap(True)
        self.step.setStyleSheet(HINT_STYLE)
        self.step.hide()
        self.bar = QProgressBar()
        self.bar.hide()
        self.stop_button = QPushButton(self.tr("&Stop"))
        self.stop_button.hide()
        self.stop_button.clicked.connect(self._stop_clicked)
        self._stop: Callable[[], None] | None = None
        layout.addWidget(self.label)
        layout.addWidget(self.busy)
        layout.addWidget(self.step)
        layout.addWidget(self.bar)
        layout.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(380)

    # --- the restore's progress view (operations.ProgressView) ---------------------------

    def progress_started(self, stop: Callable[[], None]) -> None:
        self._stop = stop
        self.label.setText(self.tr("Restoring from the backup …"))
        self.busy.hide()
        self.step.show()
        self.bar.setRange(0, 0)
        self.bar.show()
        self.stop_button.setEnabled(True)
        self.stop_button.show()

    def progress_step(self, done: int, total: int, label: str) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(min(done, max(1, total)))
        if label and self._stop is not None:
            self.step.setText(label)

    def progress_finished(self) -> None:
        self._stop = None
        self.stop_button.hide()
        self.progress_done.emit()

    def _stop_clicked(self) -> None:
        if self._stop is not None:
            self.stop_button.setEnabled(False)
            self.step.setText(self.tr("Stopping … the current database is put back as it was."))
            self._stop()


class Launcher(QObject):
    """Decides between the set-up wizard, a silent unlock and the unlock dialog, then shows
    the main window. ``finished`` carries the process exit code."""

    finished = Signal(int)

    def __init__(
        self,
        paths: StorePaths,
        today: Callable[[], date] = date.today,
        measure: StartupMeasure | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self._measure = measure
        self._today = today
        self.store: Store | None = None
        self.window: MainWindow | None = None
        self.wizard: SetupWizard | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.opening: OpeningWindow | None = None
        self.fatal_box: QMessageBox | None = None
        self.session_lock: SessionLock | None = None
        # The hold on the data directory for the whole session (wizard, unlock, main window,
        # lock screen, a restore): one UngeDesk per data directory.
        self.instance: InstanceLock | None = None
        self.restore_dialog: RestoreDialog | None = None
        # The full open after a first look, on the worker: what it opened lands here until
        # the window takes it, so that shutdown can close a store no window took.
        self._rest: list[Opened] = []
        self._rest_queued = False  # a full open after a first look is queued or running
        self._shut_down = False

    def start(self) -> None:
        try:
            if self.instance is None:
                self.instance = instance_lock.hold(self.paths, GUI_HOLDER)
        except KnownError as exc:
            self._fatal(exc)
            return
        if not (self.paths.db.exists() or self.paths.key_file.exists()):
            self._start_full()  # a first start (or what is left of an interrupted one)
            return
        # The plain start (a store whose key is in the keyring) paints the register's
        # first page before the store is opened the full way (services.first_look).
        tasks.run_task(first_look.read, self.paths, on_done=self._looked, on_error=self._fatal)

    def _looked(self, look: FirstLook | None) -> None:
        if self._shut_down:
            return
        if look is None:
            self._start_full()
            return
        window = MainWindow(None, self.paths, self._today, first_page=look.page)
        self._show_window(window)
        # Queued only now: until the page is painted, the worker's imports would hold the
        # GUI thread's paint back (one interpreter).
        window.first_page_painted.connect(partial(self._open_rest, look))

    def _open_rest(self, look: FirstLook) -> None:
        if self.window is None or not self.window.waiting_for_store:
            return
        self._rest_queued = True
        tasks.run_task(
            self._open_rest_on_worker,
            look,
            self._rest,
            on_done=self._opened,
            on_error=self._not_opened,
        )

    def _open_rest_on_worker(self, look: FirstLook, arrived: list[Opened]) -> Opened:
        opened = first_look.open_rest(self.paths, look)
        # Kept where shutdown finds it when the window closed before the store arrived.
        arrived.append(opened)
        return opened

    def _start_full(self) -> None:
        from ungedesk.services import setup

        try:
            exists = setup.store_exists(self.paths)
        except KnownError as exc:
            self._fatal(exc)
            return
        if not exists:
            self._show_wizard()
            return
        self._show_opening()
        tasks.run_task(
            setup.needs_passphrase, self.paths, on_done=self._decide, on_error=self._fatal
        )

    # --- first start ---------------------------------------------------------------------

    def _show_wizard(self) -> None:
        from ungedesk.ui.setup.setup_wizard import SetupWizard

        self.wizard = SetupWizard(self.paths)
        self.wizard.accepted.connect(self._wizard_done)
        self.wizard.rejected.connect(partial(self._exit_with, 0))
        self.wizard.show()

    def _wizard_done(self) -> None:
        assert self.wizard is not None
        result = self.wizard.setup_result
        self.wizard.deleteLater()
        self.wizard = None
        if result is not None:
            self._opened(result.opened)

    # --- later starts --------------------------------------------------------------------

    def _show_opening(self) -> None:
        self.opening = OpeningWindow()
        self.opening.show()

    def _hide_opening(self) -> None:
        if self.opening is not None:
            self.opening.close()
            self.opening.deleteLater()
            self.opening = None

    def _decide(self, needs_passphrase: bool) -> None:
        if needs_passphrase and not os.environ.get(ENV_PASSPHRASE):
            self._show_unlock_dialog(None)
            return
        from ungedesk.services import setup

        # The keyring holds the key, or the demo launcher gave the passphrase in the
        # environment: services.setup.unlock finds either without a prompt.
        tasks.run_task(setup.unlock, self.paths, on_done=self._opened, on_error=self._not_opened)

    def _not_opened(self, exc: BaseException) -> None:
        if isinstance(exc, WrongPassphraseError | MissingKeyError):
            self._show_unlock_dialog(exc.message if isinstance(exc, WrongPassphraseError) else None)
            return
        self._fatal(exc)

    def _show_unlock_dialog(self, error: str | None) -> None:
        from ungedesk.services import setup
        from ungedesk.ui.security.unlock_dialog import UnlockDialog

        self._hide_opening()
        self.unlock_dialog = UnlockDialog(
            self.paths, keyring_available=setup.keyring_available(), initial_error=error
        )
        self.unlock_dialog.accepted.connect(self._unlock_done)
        self.unlock_dialog.rejected.connect(partial(self._exit_with, 0))
        self.unlock_dialog.fatal.connect(self._fatal)
        self.unlock_dialog.show()

    def _unlock_done(self) -> None:
        assert self.unlock_dialog is not None
        opened = self.unlock_dialog.opened
        self.unlock_dialog.deleteLater()
        self.unlock_dialog = None
        if opened is not None:
            self._opened(opened)

    def _fatal(self, exc: BaseException) -> None:
        """Opening failed and there is nothing to retry: say why, then exit non-zero.

        A known store failure (corrupt, locked, key file missing) is said in its own Danish
        words; a bug is logged without personal data and said as such.
        """
        self._hide_opening()
        self._drop_window()
        if self.unlock_dialog is not None:
            self.unlock_dialog.hide()
        if isinstance(exc, KnownError):
            message, code = exc.message, exc.exit_code or 1
        else:
            message, code = errors.bug_message(errors.log_exception(exc, self.paths.logs)), 1
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "UngeDesk",
            message,
            QMessageBox.StandardButton.Ok,
        )
        self.fatal_box = box
        if isinstance(exc, DamagedStoreError) and self.instance is not None:
            # The message points to a restore: offer it right here, as the main window
            # (which cannot open on a damaged store) would.
            restore_button = box.addButton(
                self.tr("&Restore from backup…"), QMessageBox.ButtonRole.ActionRole
            )
            box.setDefaultButton(restore_button)
            box.finished.connect(partial(self._damaged_answered, box, restore_button))
        else:
            box.finished.connect(partial(self._exit_with, code))
        box.open()

    def _exit_with(self, code: int, *_: object) -> None:
        self.finished.emit(code)

    def _damaged_answered(self, box: QMessageBox, restore: QPushButton, *_: object) -> None:
        if box.clickedButton() is restore:
            self._choose_backup()
        else:
            self.finished.emit(DamagedStoreError.exit_code)

    def _choose_backup(self) -> None:
        """The damaged store's way out: the restore dialog, then the usual restore."""
        from ungedesk.ui.security.backup_dialogs import RestoreDialog

        self.fatal_box = None
        dialog = RestoreDialog()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.restore_dialog = dialog
        dialog.accepted.connect(self._backup_chosen)
        dialog.rejected.connect(partial(self._exit_with, DamagedStoreError.exit_code))
        dialog.show()

    def _backup_chosen(self) -> None:
        dialog = self.restore_dialog
        if dialog is None or dialog.source is None:
            self.finished.emit(DamagedStoreError.exit_code)
            return
        self._restore(dialog.source, dialog.passphrase_or_none())

    # --- running -------------------------------------------------------------------------

    def _opened(self, opened: Opened) -> None:
        from ungedesk.ui.security.lock_screen import SessionLock

        if self._shut_down or (self.window is not None and not is_wanted(self.window)):
            return  # closed while the store opened: shutdown closes it (self._rest)
        self._rest.clear()  # the window takes it
        self._rest_queued = False
        self._hide_opening()
        self.store = opened.store
        self._dispose_lock()
        if self.window is not None and self.window.waiting_for_store:
            self.window.attach_store(opened.store)  # after the first look's page
        else:
            self._show_window(MainWindow(opened.store, self.paths, self._today))
        assert self.window is not None
        self.session_lock = SessionLock(self.window, opened.store, self.paths)
        self.window.show_log_alerts(opened.store.alerts)
        for notice in opened.store.notices:  # an interrupted restore undone at start
            self.window.show_start_notice(notice)

    def _show_window(self, window: MainWindow) -> None:
        self._hide_opening()
        self.window = window
        window.closed.connect(self._window_closed)
        window.restore_requested.connect(self._restore)
        if self._measure is not None:
            window.first_page_painted.connect(self._first_page_painted)
        window.show()

    def _first_page_painted(self) -> None:
        if self._measure is not None and self.window is not None:
            self._measure.report(self.window.model.total)

    def _window_closed(self) -> None:
        self._dispose_lock()
        self.finished.emit(0)

    def _drop_window(self) -> None:
        """A window on the first look's page whose store did not open goes away quietly
        (its closing must not end the app before the error is said)."""
        window = self.window
        if window is None or not window.waiting_for_store:
            return
        self.window = None
        window.closed.disconnect(self._window_closed)
        window.hide()
        window.deleteLater()

    def _dispose_lock(self) -> None:
        if self.session_lock is not None and shiboken6.isValid(self.session_lock):
            self.session_lock.dispose()
        self.session_lock = None

    def _restore(self, source: Path, passphrase: str | None) -> None:
        """Replace the store with a backup: close the window, then restore on the worker
        (which closes the old store first, where its connections live) with a Stop button,
        then open the main window on the restored store. If the restore fails or is
        stopped, the old store is back in place (restore.restore guarantees it): say why and
        open it again."""
        from ungedesk.services import restore

        self._dispose_lock()
        self.restore_dialog = None
        window, store = self.window, self.store
        self.window = self.store = None
        if window is not None:
            window.save_settings()
            window.hide()
            window.deleteLater()
        self._show_opening()
        opening = self.opening
        assert opening is not None
        # Queued: it runs after the operation's own callbacks, to see whether one came.
        opening.progress_done.connect(self._restore_settled, Qt.ConnectionType.QueuedConnection)
        Operation(
            opening, restore.restore, self.paths, source, passphrase, replacing=store
        ).with_progress(self.tr("Restoring from the backup …"), view=opening).changes(
            Change.of(Aspect.STORE)
        ).success(self._opened).failure(self._restore_failed).run()

    def _restore_failed(self, exc: KnownError) -> None:
        self._hide_opening()
        box = QMessageBox(QMessageBox.Icon.Warning, "UngeDesk", exc.message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._start_again)
        self.fatal_box = box
        box.open()

    def _start_again(self, *_: object) -> None:
        self.start()

    def _restore_settled(self) -> None:
        """A restore that ended in a bug (told on the bug path) brought neither a store
        nor a message: open the store that is in place again, as after a known failure."""
        if self.store is None and self.fatal_box is None and self.opening is not None:
            self._hide_opening()
            self.start()

    def shutdown(self) -> None:
        """Close every window and the store (on the worker, where its connections live)."""
        self._shut_down = True
        self._dispose_lock()
        for widget in (
            self.window,
            self.wizard,
            self.unlock_dialog,
            self.opening,
            self.fatal_box,
            self.restore_dialog,
        ):
            if widget is not None and shiboken6.isValid(widget):
                widget.hide()
                widget.deleteLater()
        self.window = self.wizard = self.unlock_dialog = self.opening = self.fatal_box = None
        self.restore_dialog = None
        if self.store is not None:
            # Closing waits only for work that must finish: a queued refresh is dropped.
            tasks.runner().settle_for_close()
            tasks.runner().call_blocking(self.store.close)
            self.store = None
        elif self._rest_queued:
            # Closed while a store was still opening after the first look: the worker
            # finishes that open first (one worker, in order), then closes what it opened.
            tasks.runner().settle_for_close()
            tasks.runner().call_blocking(_close_all, self._rest)
        if self.instance is not None:
            self.instance.release()
            self.instance = None


def _close_all(arrived: list[Opened]) -> None:
    while arrived:
        arrived.pop().store.close()


def show_store_error(exc: BaseException) -> None:
    """A known failure during work (disk full, locked): Danish message, the app goes on."""
    message = exc.message if isinstance(exc, KnownError) else str(exc)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "UngeDesk",
        message,
        QMessageBox.StandardButton.Ok,
        QApplication.activeWindow(),
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def run(paths: StorePaths, *, measure_startup: bool = False) -> int:
    """The GUI entry point (``ungedesk`` without a command). Returns the exit code.

    With ``measure_startup`` the start is the same, and the app ends right after the
    register's first paint, printing how long it took (ui.startup_measure)."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("UngeDesk")
    app.setOrganizationName("UngeDesk")
    app.setApplicationDisplayName("UngeDesk")
    # The launcher decides when the app ends: between the wizard (or the unlock dialog)
    # closing and the main window opening no window is visible, and Qt's default would
    # quit right there.
    quit_on_last_window = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    translators = install_translations(app)
    previous_hook = errors.install_excepthook(paths.logs)
    runner = tasks.start()
    runner.store_error.connect(show_store_error)
    runner.unexpected_error.connect(lambda exc: errors.report_bug(exc, paths.logs))
    measure = StartupMeasure(app.exit) if measure_startup else None
    launcher = Launcher(paths, measure=measure)
    launcher.finished.connect(app.exit)
    QTimer.singleShot(0, launcher.start)
    try:
        code = app.exec()
    finally:
        launcher.shutdown()
        tasks.shutdown()
        sys.excepthook = previous_hook
        app.setQuitOnLastWindowClosed(quit_on_last_window)
        for translator in translators:
            app.removeTranslator(translator)
    return int(code)
