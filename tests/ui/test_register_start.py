"""The register at start: the first page straight from SQL, a keystroke answered from SQL
while the whole register is still loading, then the in-memory index with the same rows."""

from __future__ import annotations

import threading
from datetime import date

from ungedesk.services import demo
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui import tasks
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.register.model import PAGE_SIZE


def _names(window: MainWindow) -> list[str]:
    model = window.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _hold_worker() -> threading.Event:
    """Queue a task that keeps the worker busy until the returned event is set."""
    release = threading.Event()
    tasks.runner().run(release.wait)
    return release


def test_first_page_and_early_search_come_from_sql_then_the_index_agrees(
    qtbot, store: Store, store_paths: StorePaths, today: date
) -> None:
    demo.generate(store, PAGE_SIZE + 60, seed=11, today=today)
    first_hold = _hold_worker()
    window = MainWindow(store, store_paths, today=lambda: today)
    qtbot.addWidget(window)
    window.show()
    assert not window.model.loaded

    # Phase 1: the first page, in Danish name order, before anything else is read.
    first_hold.set()
    qtbot.waitUntil(lambda: window.model.loaded)
    second_hold = _hold_worker()  # keeps the whole register from loading for now
    assert not window.model.index_ready
    assert window.model.total == PAGE_SIZE + 60
    assert window.model.rowCount() == PAGE_SIZE
    assert not window.model.canFetchMore()  # the rest comes with the index
    first_page = _names(window)

    # A keystroke now is answered from SQL.
    some_last_name = first_page[PAGE_SIZE // 2].split()[-1]
    with qtbot.waitSignal(window.model.counts_changed):
        window.search.setText(some_last_name.lower())
    from_sql = _names(window)
    assert from_sql and all(some_last_name in name for name in from_sql)
    assert not window.model.index_ready
    matched_from_sql = window.model.matched

    # Phase 2: the index arrives and shows the same search, the same way.
    second_hold.set()
    qtbot.waitUntil(lambda: window.model.index_ready)
    assert _names(window) == from_sql[: window.model.rowCount()]
    assert window.model.matched == matched_from_sql
    window.search.clear()
    assert _names(window)[:PAGE_SIZE] == first_page
    assert window.model.canFetchMore()
    window.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)
