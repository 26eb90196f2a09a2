"""The session lock: idle and away locking, Ctrl+L, nothing personal on a locked screen,
unlocking with the passphrase or the keyring, the auto-lock setting, the launcher's wiring."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QTabBar,
)

from tests.support.launching import is_open
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, settings, youths
from ungedesk.store import keys
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui import tasks
from ungedesk.ui.app import Launcher
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.record.record_view import RecordView
from ungedesk.ui.security.lock_screen import SessionLock

CPR = "1503054007"  # synthetic
FIRST, LAST = "Sofie", "Nørgaard"
LONG_IDLE_MS = 3_600_000  # tests that lock by hand must not lock by themselves


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def register_youth(store: Store) -> int:
    me = caseworkers.current_user(store)
    assert me is not None
    return youths.register(
        store,
        YouthInput(CPR, FIRST, LAST, date(2026, 3, 3), caseworker_id=me.id),
        today=date(2026, 11, 24),
    ).youth_id


def make_lock(qtbot, window: MainWindow, store: Store, paths: StorePaths, **kwargs) -> SessionLock:
    kwargs.setdefault("idle_ms", LONG_IDLE_MS)
    lock = SessionLock(window, store, paths, **kwargs)
    qtbot.waitUntil(lambda: lock.settings is not None)
    return lock


@pytest.fixture
def session(
    qtbot, window: MainWindow, store: Store, store_paths: StorePaths
) -> Iterator[SessionLock]:
    lock = make_lock(qtbot, window, store, store_paths)
    yield lock
    # No waiting here: pytest-qt has already closed the window, and an event loop now
    # would delete it before the window fixture closes it (that fixture waits for the
    # worker afterwards).
    lock.dispose()


def open_record_with_cpr_shown(qtbot, window: MainWindow, store: Store) -> RecordView:
    youth_id = register_youth(store)
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 1)
    window.open_record(youth_id)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    view.reveal.setChecked(True)
    qtbot.waitUntil(lambda: view.cpr.text() == "150305-4007")
    return view


def visible_texts() -> list[str]:
    """Everything a person (or a screen reader) could read off the app right now."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        if widget.isWindow():
            texts.append(widget.windowTitle())
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.extend((widget.text(), widget.placeholderText()))
        if isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    texts.append(str(model.index(row, column).data() or ""))
    return texts


def assert_nothing_personal() -> None:
    texts = visible_texts()
    for secret in (FIRST, LAST, CPR[:6], CPR[6:], "150305-"):
        leaks = [t for t in texts if secret in t]
        assert not leaks, f"{secret!r} is on screen while locked: {leaks}"


def test_idle_time_locks(qtbot, window: MainWindow, store: Store, store_paths) -> None:
    # The clock stands still until the test moves it: however slow the machine is while
    # the settings load, no idle time passes before that.
    now = [1_000.0]
    lock = make_lock(qtbot, window, store, store_paths, idle_ms=150, clock=lambda: now[0])
    assert not lock.locked
    now[0] += 1.0  # one second without input, far beyond the 150 ms
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    assert lock.screen.isVisible()
    assert lock.screen.title.text() == "UngeDesk er låst"
    assert not window.centralWidget().isVisible()
    assert window.windowTitle() == "UngeDesk – låst"
    lock.dispose()


def test_input_postpones_the_lock_and_a_slept_laptop_locks_on_waking(
    qtbot, window: MainWindow, store: Store, store_paths
) -> None:
    clock = FakeClock()
    lock = make_lock(qtbot, window, store, store_paths, idle_ms=60_000, clock=clock)
    clock.now += 50
    qtbot.keyClick(window.search, Qt.Key.Key_A)  # someone at work: the count starts over
    clock.now += 50
    lock._idle_check()
    assert not lock.locked
    clock.now += 11
    lock._idle_check()
    assert lock.locked
    lock.unlock()
    # Asleep for an hour: the timer stood still, the first key press on waking locks and
    # does not reach the search field.
    window.search.clear()
    clock.now += 3600
    qtbot.keyClick(window.search, Qt.Key.Key_B)
    assert lock.locked
    assert window.search.text() == ""
    lock.dispose()


def test_coming_back_to_the_app_after_the_idle_time_locks(
    qtbot, window: MainWindow, store: Store, store_paths
) -> None:
    clock = FakeClock()
    lock = make_lock(qtbot, window, store, store_paths, idle_ms=60_000, clock=clock)
    lock._state_changed(Qt.ApplicationState.ApplicationInactive)
    # Away in another program, the pointer passing over the window is not work in UngeDesk.
    clock.now += 30
    move = QEvent(QEvent.Type.MouseMove)
    lock.eventFilter(window, move)
    clock.now += 31
    lock._state_changed(Qt.ApplicationState.ApplicationActive)
    assert lock.locked
    lock.dispose()


def test_suspended_app_locks_at_once(qtbot, session: SessionLock) -> None:
    session._state_changed(Qt.ApplicationState.ApplicationSuspended)
    assert session.locked


def test_locked_window_shows_nothing_personal(
    qtbot, window: MainWindow, session: SessionLock, store: Store
) -> None:
    view = open_record_with_cpr_shown(qtbot, window, store)
    window.edit_record(view.record.id)
    qtbot.waitUntil(window.form_is_open)
    form = window.form
    assert form is not None
    assert any(FIRST in t for t in visible_texts())  # the check below can see names

    session.lock()
    assert_nothing_personal()
    assert not form.isVisible()
    assert "UngeDesk er låst" in visible_texts()

    session.unlock()
    assert form.isVisible()  # the form is back as it was left
    assert view.cpr.text() == "150305-xxxx"  # masked again: showing it is a new reveal
    form.reject()


def test_a_window_opened_while_locked_waits_for_the_unlock(
    qtbot, window: MainWindow, session: SessionLock, store: Store
) -> None:
    # Ctrl+N just before the lock: the form arrives from the worker after it.
    window.register_new()
    session.lock()
    qtbot.waitUntil(lambda: window.form is not None)
    form = window.form
    assert form is not None
    qtbot.waitUntil(lambda: not form.isVisible())
    assert session.locked
    session.unlock()
    assert form.isVisible()
    form.reject()


def test_a_title_set_while_locked_waits_for_the_unlock(
    qtbot, window: MainWindow, session: SessionLock
) -> None:
    session.lock()
    window.setWindowTitle(f"{FIRST} {LAST} – UngeDesk")
    assert window.windowTitle() == "UngeDesk – låst"
    session.unlock()
    assert window.windowTitle() == f"{FIRST} {LAST} – UngeDesk"


def test_wrong_then_right_passphrase_unlocks(
    qtbot, window: MainWindow, session: SessionLock, passphrase: str
) -> None:
    session.lock()
    screen = session.screen
    assert screen.keyring_button.isVisible()
    assert not screen.unlock_button.isEnabled()
    qtbot.keyClicks(screen.passphrase, "forkert frase")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(screen.error.isVisible)
    assert screen.error.text().startswith("Adgangsfrasen er forkert.")
    assert session.locked
    screen.passphrase.clear()
    qtbot.keyClicks(screen.passphrase, passphrase)
    with qtbot.waitSignal(session.locked_changed) as changed:
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert changed.args == [False]
    assert not screen.isVisible()
    assert window.centralWidget().isVisible()
    assert window.windowTitle() == "UngeDesk"
    assert screen.passphrase.text() == ""  # the passphrase does not linger in the widget


def test_keyring_and_a_click_unlock(qtbot, window: MainWindow, session: SessionLock) -> None:
    session.lock()
    button = session.screen.keyring_button
    assert button.isVisible()
    assert button.text() == "Lås op som Anne Bjerregaard"
    assert button.hasFocus()  # Enter or Space confirms
    with qtbot.waitSignal(session.locked_changed):
        qtbot.keyClick(button, Qt.Key.Key_Return)
    assert not session.locked
    assert window.menuBar().isVisible()


def test_keyring_that_lost_the_key_asks_for_the_passphrase(
    qtbot, session: SessionLock, store: Store
) -> None:
    session.lock()
    keys.keyring_forget(store.store_id)
    session.screen.keyring_button.click()
    qtbot.waitUntil(session.screen.error.isVisible)
    assert "gendannelsesfrase" in session.screen.error.text()
    assert not session.screen.keyring_button.isVisible()
    assert session.locked


def test_keyring_unlock_can_be_turned_off(
    qtbot, window: MainWindow, store: Store, store_paths
) -> None:
    tasks.runner().call_blocking(settings.set_setting, store, settings.UNLOCK_WITH_KEYRING, False)
    lock = make_lock(qtbot, window, store, store_paths)
    assert not lock.keyring_action.isChecked()
    lock.lock()
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    assert not lock.screen.keyring_button.isVisible()
    assert lock.screen.passphrase.hasFocus()
    lock.unlock()
    lock.keyring_action.trigger()
    qtbot.waitUntil(lambda: lock.settings is not None and lock.settings.keyring_unlock)
    assert settings.get_setting(store, settings.UNLOCK_WITH_KEYRING) is True
    lock.dispose()


def test_ctrl_l_locks_and_commands_rest_while_locked(
    qtbot, window: MainWindow, session: SessionLock
) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu.actions()[0] is session.lock_action
    assert session.lock_action.text() == "&Lås nu"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert session.locked
    assert not session.lock_action.isEnabled()
    qtbot.keyClick(session.screen.passphrase, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert window.form is None  # Ctrl+N does nothing behind the lock screen
    session.unlock()
    assert session.lock_action.isEnabled()
    assert window.search.hasFocus()  # back where the caseworker was


def test_auto_lock_minutes_come_from_the_setting_and_the_menu_saves_them(
    qtbot, window: MainWindow, store: Store, store_paths
) -> None:
    tasks.runner().call_blocking(settings.set_setting, store, settings.AUTO_LOCK_MINUTES, 15)
    lock = SessionLock(window, store, store_paths)
    assert lock.idle_ms == 5 * 60_000  # the default until the setting has been read
    qtbot.waitUntil(lambda: lock.settings is not None)
    assert lock.idle_ms == 15 * 60_000
    assert lock._minute_actions[15].isChecked()
    assert lock._minute_actions[1].text() == "1 minut"
    assert lock._minute_actions[30].text() == "30 minutter"
    lock._minute_actions[30].trigger()
    qtbot.waitUntil(lambda: lock.idle_ms == 30 * 60_000)
    assert (
        tasks.runner().call_blocking(settings.get_setting, store, settings.AUTO_LOCK_MINUTES) == 30
    )
    lock.dispose()


def test_launcher_wires_the_lock_to_the_main_window(qtbot, store: Store, store_paths) -> None:
    store.close()
    launcher = Launcher(store_paths)
    launcher.start()
    qtbot.waitUntil(lambda: is_open(launcher))
    session = launcher.session_lock
    assert session is not None
    qtbot.waitUntil(lambda: session.settings is not None)
    session.lock()
    assert launcher.window.windowTitle() == "UngeDesk – låst"
    with qtbot.waitSignal(launcher.finished):
        launcher.window.close()
    assert launcher.session_lock is None
    launcher.shutdown()


def test_ctrl_l_locks_from_a_form_too(
    qtbot, window: MainWindow, session: SessionLock, store: Store
) -> None:
    window.register_new()
    qtbot.waitUntil(window.form_is_open)
    form = window.form
    assert form is not None
    qtbot.keyClick(form.first_name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert session.locked
    assert not form.isVisible()
    assert form.first_name.text() == ""  # the key went to the lock, not into the field
    session.unlock()
    assert form.isVisible()
    form.reject()


def test_a_demo_store_shows_its_passphrase_on_the_lock_screen(
    qtbot, window: MainWindow, store: Store, store_paths: StorePaths, passphrase: str
) -> None:
    from ungedesk.services import demo

    demo.publish_passphrase(store, store_paths, passphrase)
    lock = make_lock(qtbot, window, store, store_paths)
    try:
        lock.lock()
        shown = lock.screen.demo_passphrase
        assert shown.isVisible()
        assert shown.text() == f"Demo: adgangsfrasen er »{passphrase}«"
        # Typing what it says unlocks.
        qtbot.keyClicks(lock.screen.passphrase, passphrase)
        with qtbot.waitSignal(lock.locked_changed) as changed:
            qtbot.keyClick(lock.screen.passphrase, Qt.Key.Key_Return)
        assert changed.args == [False]
    finally:
        lock.dispose()


def test_a_real_store_never_shows_a_passphrase(
    session: SessionLock, store: Store, passphrase: str
) -> None:
    session.lock()
    assert not session.screen.demo_passphrase.isVisible()
    texts = " ".join(label.text() for label in session.screen.findChildren(QLabel))
    assert passphrase not in texts
