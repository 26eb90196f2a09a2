"""A keyring start paints the first look's page before the store is open; what the
caseworker does meanwhile waits for the store and then happens."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import Qt

from ungedesk.services import demo, first_look
from ungedesk.store import instance_lock
from ungedesk.store.database import Store
from ungedesk.store.errors import DamagedStoreError
from ungedesk.store.paths import StorePaths
from ungedesk.ui import tasks
from ungedesk.ui.app import Launcher


@pytest.fixture
def hold() -> Iterator[threading.Event]:
    """Set at the end even when the test fails: the store cannot close behind a held
    worker."""
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def launcher(qtbot, store: Store, store_paths: StorePaths, today: date) -> Iterator[Launcher]:
    demo.generate(store, 30, seed=4, today=today, talks_per_case=1)
    store.close()
    started = Launcher(store_paths, today=lambda: today)
    yield started
    started.shutdown()


def _started_and_held(qtbot, launcher: Launcher, hold: threading.Event) -> None:
    """Start, and keep the worker busy right after the first look: the full open, queued
    once the page is painted, waits behind the hold."""
    launcher.start()
    tasks.runner().run(hold.wait)
    qtbot.waitUntil(lambda: launcher.window is not None and launcher.window.model.loaded)


def test_the_page_is_usable_before_the_store_and_what_was_asked_happens_after(
    qtbot, launcher: Launcher, hold: threading.Event
) -> None:
    _started_and_held(qtbot, launcher, hold)
    window = launcher.window
    assert window is not None
    assert window.waiting_for_store and launcher.store is None
    assert window.model.total == 30 and window.model.rowCount() == 30
    # The menus wait for the store (Quit does not), and so does the deadlines tab.
    assert not window.new_action.isEnabled() and not window.backup_action.isEnabled()
    assert window.quit_action.isEnabled()
    deadlines_tab = window.navigation.indexOf(window.deadlines_page)
    assert not window.navigation.isTabEnabled(deadlines_tab)
    # Enter on a row and a search typed meanwhile are kept for the store.
    wanted = window.model.youth_id(3)
    window.table.setFocus()
    window.table.selectRow(3)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.record_asked_early == wanted
    name = window.model.index(3, 0).data()
    window.search.setText(name.split()[0])
    assert window.records.count() == 0

    hold.set()
    qtbot.waitUntil(lambda: launcher.store is not None)
    assert not window.waiting_for_store
    assert window.new_action.isEnabled() and window.backup_action.isEnabled()
    assert window.navigation.isTabEnabled(deadlines_tab)
    assert launcher.session_lock is not None
    qtbot.waitUntil(lambda: window.records.count() == 1)
    record = window.current_record()
    assert record is not None and record.id == wanted
    qtbot.waitUntil(lambda: window.model.index_ready)
    assert window.model.query == name.split()[0]
    assert wanted in {window.model.youth_id(row) for row in range(window.model.rowCount())}
    assert window.model.rowCount() < 30


def test_closing_before_the_store_arrives_still_closes_it(
    qtbot, launcher: Launcher, hold: threading.Event, store_paths: StorePaths
) -> None:
    _started_and_held(qtbot, launcher, hold)
    window = launcher.window
    assert window is not None and window.waiting_for_store
    with qtbot.waitSignal(launcher.finished) as finished:
        window.close()
    assert finished.args == [0]
    hold.set()
    launcher.shutdown()  # waits for the open, then closes what it opened
    assert launcher.store is None
    assert not instance_lock.held_here(store_paths)


def test_a_full_open_that_fails_after_the_page_is_said_and_the_page_goes(
    qtbot, launcher: Launcher, hold: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(*_: object) -> None:
        raise DamagedStoreError()

    monkeypatch.setattr(first_look, "open_rest", damaged)
    _started_and_held(qtbot, launcher, hold)
    window = launcher.window
    assert window is not None
    hold.set()
    qtbot.waitUntil(lambda: launcher.fatal_box is not None)
    assert launcher.fatal_box is not None
    assert launcher.fatal_box.text() == DamagedStoreError.message
    assert launcher.window is None
    assert not shiboken6.isValid(window) or not window.isVisible()
    with qtbot.waitSignal(launcher.finished) as finished:
        launcher.fatal_box.reject()
    assert finished.args == [DamagedStoreError.exit_code]
