"""The window and the store file: one UngeDesk per data directory for the whole session, and
a damaged store is said at start with a way to restore it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.support import instance as instance_support
from tests.support.launching import is_open
from ungedesk.services import backup, youths
from ungedesk.store import instance_lock
from ungedesk.store.database import Store
from ungedesk.store.errors import DamagedStoreError, StoreInUseError
from ungedesk.store.paths import StorePaths
from ungedesk.ui import tasks
from ungedesk.ui.app import Launcher
from ungedesk.ui.security.backup_dialogs import RestoreDialog


def test_the_window_refuses_a_data_dir_another_instance_holds(
    qtbot, store: Store, store_paths: StorePaths, passphrase: str
) -> None:
    store.close()
    holder = instance_support.start_holder(store_paths.root, passphrase)
    try:
        launcher = Launcher(store_paths)
        launcher.start()
        qtbot.waitUntil(lambda: launcher.fatal_box is not None)
        box = launcher.fatal_box
        assert box is not None
        assert box.text().startswith(
            f"Datamappen bruges allerede af UngeDesk-vinduet (proces {holder.pid}, startet kl. "
        )
        assert launcher.window is None and launcher.wizard is None
        with qtbot.waitSignal(launcher.finished) as finished:
            box.accept()
        assert finished.args == [StoreInUseError.exit_code]
        launcher.shutdown()
    finally:
        assert instance_support.stop_holder(holder) == 0


def test_the_window_holds_the_data_dir_for_the_whole_session(
    qtbot, store: Store, store_paths: StorePaths, passphrase: str
) -> None:
    store.close()
    assert not instance_lock.held_here(store_paths)
    launcher = Launcher(store_paths)
    launcher.start()
    qtbot.waitUntil(lambda: is_open(launcher))
    assert instance_lock.held_here(store_paths)
    info = json.loads(instance_lock.info_path(store_paths).read_text(encoding="utf-8"))
    assert info["holder"] == instance_lock.GUI_HOLDER
    # Locked (the lock screen) the store stays open and the data directory held.
    assert launcher.session_lock is not None
    launcher.session_lock.lock()
    assert launcher.session_lock.locked
    other = instance_support.run_cli("check", data_dir=store_paths.root, passphrase=passphrase)
    assert other.returncode == StoreInUseError.exit_code
    assert "UngeDesk-vinduet" in other.stderr and "Traceback" not in other.stderr
    launcher.shutdown()
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    assert not instance_lock.held_here(store_paths)
    assert not instance_lock.info_path(store_paths).exists()


def test_a_damaged_store_is_said_at_start_and_can_be_restored(
    qtbot,
    store: Store,
    store_paths: StorePaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = tmp_path / "kopi.udbackup"
    backup.backup(store, copy)
    store.close()
    store_paths.db.write_bytes(b"")
    launcher = Launcher(store_paths)
    launcher.start()
    qtbot.waitUntil(lambda: launcher.fatal_box is not None)
    box = launcher.fatal_box
    assert box is not None
    assert box.text() == DamagedStoreError.message
    assert launcher.wizard is None  # a damaged store is no first start
    assert store_paths.db.stat().st_size == 0  # nothing built into it
    restore = [b for b in box.buttons() if b.text() == "&Gendan fra sikkerhedskopi …"]
    assert len(restore) == 1
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    restore[0].click()
    qtbot.waitUntil(lambda: launcher.restore_dialog is not None)
    dialog = launcher.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    dialog.choose.click()
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: is_open(launcher))
    assert launcher.store is not None
    assert youths.count(launcher.store) == 0  # the backup's (empty) register, opened
    assert store_paths.db.stat().st_size > 0
    launcher.shutdown()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_a_damaged_store_without_restore_exits_with_its_code(
    qtbot, store: Store, store_paths: StorePaths
) -> None:
    store.close()
    store_paths.db.unlink()
    launcher = Launcher(store_paths)
    launcher.start()
    qtbot.waitUntil(lambda: launcher.fatal_box is not None)
    box = launcher.fatal_box
    assert box is not None
    with qtbot.waitSignal(launcher.finished) as finished:
        box.button(QMessageBox.StandardButton.Ok).click()
    assert finished.args == [DamagedStoreError.exit_code]
    assert not store_paths.db.exists()
    launcher.shutdown()
