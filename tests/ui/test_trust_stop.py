"""Stop in the GUI: a backup, a case transfer (both ways) and a restore stopped from their
progress views end with the Danish "stopped" message and leave files and store as they were.

The worker is held at a gate while Stop is pressed, so the job starts already stopped and
ends at its first safe point, whatever the machine's speed; the service tests stop each job
at later steps too. A dialog closed while its work runs is not called back.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton, QWidget

from tests.ui.test_trust_dialogs import (
    TRANSFER_PASSPHRASE,
    close_notice,
    dialog_of,
    open_record,
    other_store,
    register,
)
from ungedesk.domain.errors import StoppedError
from ungedesk.services import audit, backup, transfer, youths
from ungedesk.services.audit import Action
from ungedesk.store.database import KeySource, Opened, Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui import changes, tasks
from ungedesk.ui.app import Launcher
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.operations import close_widget
from ungedesk.ui.security.backup_dialogs import RestoreDialog
from ungedesk.ui.security.transfer_dialogs import TransferExportDialog, TransferImportDialog

__all__ = ["other_store"]  # a fixture, used by name below

STOPPED = StoppedError.message


@pytest.fixture
def gate(runner: tasks.TaskRunner) -> Iterator[threading.Event]:
    """Holds the worker until set: work queued meanwhile has not started."""
    event = threading.Event()
    runner.run(event.wait)
    yield event
    event.set()


def press_stop(qtbot, owner: QWidget) -> None:
    """Click Stop in the progress dialog over ``owner`` (it exists from the start, and
    shows itself only once the work takes noticeably long)."""
    qtbot.waitUntil(lambda: owner.findChild(QProgressDialog) is not None)
    found = owner.findChild(QProgressDialog)
    assert isinstance(found, QProgressDialog)
    stop = found.findChild(QPushButton)
    assert isinstance(stop, QPushButton) and stop.text() == "&Stop"
    stop.click()


def backup_events(store: Store) -> int:
    user = 1
    return sum(1 for e in audit.recent_for_actor(store, user) if e.action is Action.BACKUP)


def test_a_backup_stopped_in_its_progress_dialog_keeps_the_old_file(
    qtbot,
    window: MainWindow,
    store: Store,
    tmp_path: Path,
    gate: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "ud"
    out.mkdir()
    target = out / "kopi.udbackup"
    backup.backup(store, target)
    old = target.read_bytes()
    events = backup_events(store)
    # The save dialog returns the existing file: it has asked before replacing it.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.backup_action.trigger()
    press_stop(qtbot, window)
    gate.set()
    assert close_notice(qtbot, window) == STOPPED
    assert target.read_bytes() == old
    assert sorted(p.name for p in out.iterdir()) == ["kopi.udbackup"]  # no temp file
    assert backup_events(store) == events


def test_a_transfer_export_stopped_writes_no_file_and_no_log_entry(
    qtbot,
    window: MainWindow,
    store: Store,
    tmp_path: Path,
) -> None:
    youth_id = register(store)
    open_record(qtbot, window, youth_id)
    window.transfer_action.trigger()
    dialog = dialog_of(qtbot, window, TransferExportDialog)
    events = len(audit.events_for_youth(store, youth_id))
    out = tmp_path / "ud"
    dialog.folder.setText(str(out))
    dialog.passphrase.setText(TRANSFER_PASSPHRASE)
    dialog.repeat.setText(TRANSFER_PASSPHRASE)
    held = threading.Event()
    tasks.runner().run(held.wait)
    try:
        dialog.ok_button.click()
        press_stop(qtbot, dialog)
    finally:
        held.set()
    qtbot.waitUntil(dialog.general_error.isVisible)
    assert dialog.general_error.text() == STOPPED
    assert dialog.ok_button.isEnabled()  # may be tried again
    assert not out.exists() or list(out.iterdir()) == []
    assert len(audit.events_for_youth(store, youth_id)) == events
    dialog.reject()


def test_a_transfer_import_stopped_receives_nothing(
    qtbot,
    window: MainWindow,
    store: Store,
    tmp_path: Path,
    other_store: tuple[Store, StorePaths],
    gate: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sender, _ = other_store
    sent = transfer.export_case(sender, register(sender), tmp_path / "ud", TRANSFER_PASSPHRASE)
    window.import_case_action.trigger()
    dialog = dialog_of(qtbot, window, TransferImportDialog)
    dialog.file.setText(str(sent))
    dialog.passphrase.setText(TRANSFER_PASSPHRASE)
    dialog.ok_button.click()
    press_stop(qtbot, dialog)
    gate.set()
    qtbot.waitUntil(dialog.general_error.isVisible)
    assert dialog.general_error.text() == STOPPED
    assert youths.count(store) == 0
    dialog.reject()


def test_a_restore_stopped_in_the_opening_window_opens_the_old_store_again(
    qtbot,
    store: Store,
    store_paths: StorePaths,
    today: date,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = tmp_path / "kopi.udbackup"
    backup.backup(store, copy)
    register(store)  # after the backup: a finished restore would take it away

    launcher = Launcher(store_paths, today=lambda: today)
    launcher._opened(Opened(store, KeySource.KEYRING, True))
    old = launcher.window
    assert old is not None
    qtbot.waitUntil(lambda: old.model.loaded and old.model.total == 1)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    old.restore_action.trigger()
    dialog = dialog_of(qtbot, old, RestoreDialog)
    dialog.choose.click()
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    held = threading.Event()
    tasks.runner().run(held.wait)
    try:
        dialog.ok_button.click()
        opening = launcher.opening
        assert opening is not None
        assert opening.stop_button.isVisible()
        opening.stop_button.click()
        assert not opening.stop_button.isEnabled()
    finally:
        held.set()
    qtbot.waitUntil(lambda: launcher.fatal_box is not None)
    box = launcher.fatal_box
    assert box is not None and box.text() == STOPPED
    assert [p.name for p in store_paths.root.iterdir() if p.name.startswith(".restore")] == []
    box.accept()
    # The old store opens again (the keyring holds its key), with the person added after
    # the backup still there.
    qtbot.waitUntil(lambda: launcher.window is not None and launcher.window is not old)
    again = launcher.window
    assert again is not None
    qtbot.waitUntil(lambda: again.model.loaded)
    assert again.model.total == 1
    launcher.shutdown()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_a_receive_dialog_closed_while_its_import_runs_gets_no_callback(
    qtbot,
    window: MainWindow,
    store: Store,
    tmp_path: Path,
    other_store: tuple[Store, StorePaths],
    gate: threading.Event,
) -> None:
    sender, _ = other_store
    sent = transfer.export_case(sender, register(sender), tmp_path / "ud", TRANSFER_PASSPHRASE)
    window.import_case_action.trigger()
    dialog = dialog_of(qtbot, window, TransferImportDialog)
    received: list[object] = []
    dialog.imported.connect(received.append)
    announced: list[changes.Change] = []
    changes.bus().changed.connect(announced.append)
    dialog.file.setText(str(sent))
    dialog.passphrase.setText(TRANSFER_PASSPHRASE)
    dialog.ok_button.click()
    close_widget(dialog)  # closed for good while the import waits for the worker
    gate.set()
    qtbot.waitUntil(lambda: any(c.touches(changes.Aspect.STORE) for c in announced))
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    # The import was done (the store changed and says so), but nobody was called back.
    assert received == []
    assert youths.count(store) == 1
