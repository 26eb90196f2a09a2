"""UI fixtures: Danish translations, the worker thread, and a check that nothing leaks."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication

from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui import tasks
from ungedesk.ui.i18n import install_translations
from ungedesk.ui.main_window import MainWindow


@pytest.fixture(scope="session", autouse=True)
def danish(qapp: QApplication) -> Iterator[None]:
    translators = install_translations(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def runner(qapp: QApplication) -> Iterator[tasks.TaskRunner]:
    """A fresh worker per test; afterwards no worker thread and no window may remain."""
    threads_before = {t.ident for t in threading.enumerate()}
    task_runner = tasks.start()
    # Errors nobody handled would vanish in a test (the app shows them): fail instead.
    unhandled: list[BaseException] = []
    task_runner.store_error.connect(unhandled.append)
    task_runner.unexpected_error.connect(unhandled.append)
    task_runner.unhandled = unhandled  # type: ignore[attr-defined]  # tests that expect some
    yield task_runner
    tasks.shutdown()
    assert not unhandled, f"unhandled errors from the worker: {unhandled!r}"
    leftover = [t.name for t in threading.enumerate() if t.ident not in threads_before]
    assert not leftover, f"threads left behind: {leftover}"
    QApplication.processEvents()  # deliver deleteLater() of closed windows
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in visible:
        widget.close()
    assert not visible, f"windows left open: {[type(w).__name__ for w in visible]}"


@pytest.fixture
def store(runner: tasks.TaskRunner, store_paths: StorePaths, shared: ModuleType) -> Iterator[Store]:
    """The test store, closed on the worker after whatever the test left queued there, as
    the app closes it: never from the main thread while the worker is mid-query."""
    from ungedesk.services.setup import create_installation

    result = create_installation(
        store_paths,
        shared.PASSPHRASE,
        shared.PROFILE,
        municipality="Demo Kommune",
        scrypt_n=shared.TEST_SCRYPT_N,
    )
    yield result.opened.store
    if runner.running:
        runner.call_blocking(result.opened.store.close)
    else:  # the test shut the worker down itself: nothing can be running now
        result.opened.store.close()


@pytest.fixture(scope="session")
def shared(pytestconfig: pytest.Config) -> ModuleType:
    """tests/conftest.py as a module (PASSPHRASE, PROFILE, TODAY). A plain import would
    find this conftest instead: both are called "conftest" and tests/ is no package."""
    wanted = Path(__file__).resolve().parent.parent / "conftest.py"
    for plugin in pytestconfig.pluginmanager.get_plugins():
        if Path(getattr(plugin, "__file__", "") or "").resolve() == wanted:
            return plugin  # type: ignore[no-any-return]
    raise LookupError("tests/conftest.py is not loaded")


@pytest.fixture
def today(shared: ModuleType) -> date:
    return shared.TODAY  # type: ignore[no-any-return]


@pytest.fixture
def passphrase(shared: ModuleType) -> str:
    return shared.PASSPHRASE  # type: ignore[no-any-return]


@pytest.fixture
def window(qtbot, store: Store, store_paths: StorePaths, today: date) -> Iterator[MainWindow]:
    """The main window over the test store, with its register loaded."""
    win = MainWindow(store, store_paths, today=lambda: today)
    qtbot.addWidget(win)
    win.show()
    # A wait for the first load, not a speed check: on a shared 2-core machine with both
    # test workers busy it has taken over the default 5 s.
    qtbot.waitUntil(lambda: win.model.index_ready and win.user is not None, timeout=20_000)
    yield win
    win.close()
    # Closing may queue work (the last search for the audit log): let it finish before the
    # store fixture closes the store.
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform plugin says this for every top-level window whose size hints
    # change (min/max size), and when a popup (a completer's list) is raised and grabs the
    # keyboard. It is about the test platform, not about our code.
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.path)).resolve().parents:
            item.add_marker(
                pytest.mark.qt_log_ignore(
                    "This plugin does not support propagateSizeHints",
                    "This plugin does not support raise",
                    "This plugin does not support grabbing the keyboard",
                )
            )
