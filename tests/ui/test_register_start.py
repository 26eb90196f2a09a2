"""The register at start: the first page straight from SQL, a keystroke answered from SQL
while the whole register is still loading, then the in-memory index with the same rows."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest

from ungedesk.services import demo, register
from ungedesk.store.database import Store
from ungedesk.store.models import Youth
from ungedesk.store.paths import StorePaths
from ungedesk.ui import tasks
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.register.model import PAGE_SIZE


def _names(window: MainWindow) -> list[str]:
    model = window.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.fixture
def holds() -> Iterator[list[threading.Event]]:
    """Events that keep the worker busy; all released at the end, even on a failure (the
    store cannot close behind a held worker)."""
    events: list[threading.Event] = []
    yield events
    for event in events:
        event.set()


def _hold_worker(holds: list[threading.Event]) -> threading.Event:
    """Queue a task that keeps the worker busy until the returned event is set."""
    release = threading.Event()
    holds.append(release)
    tasks.runner().run(release.wait)
    return release


def test_first_page_and_early_search_come_from_sql_then_the_index_agrees(
    qtbot, store: Store, store_paths: StorePaths, today: date, holds: list[threading.Event]
) -> None:
    demo.generate(store, PAGE_SIZE + 60, seed=11, today=today)
    with store.session() as s:
        last_names = sorted({y.last_name for y in s.query(Youth)})
    wanted = last_names[len(last_names) // 2]
    first_hold = _hold_worker(holds)
    window = MainWindow(store, store_paths, today=lambda: today)  # queues the first page
    qtbot.addWidget(window)
    window.show()
    # A keystroke before anything has arrived: SQL answers it. The second hold keeps the
    # whole register (queued only once the first page is there) from loading meanwhile.
    window.search.setText(wanted.lower())
    second_hold = _hold_worker(holds)
    assert not window.model.loaded
    first_hold.set()
    qtbot.waitUntil(lambda: window.model.loaded)
    assert not window.model.index_ready
    from_sql = _names(window)
    assert from_sql and all(wanted in name for name in from_sql)
    matched_from_sql = window.model.matched
    assert window.model.total == PAGE_SIZE + 60
    assert not window.model.canFetchMore()  # the rest comes with the index

    # The index arrives and shows the same rows the same way.
    second_hold.set()
    qtbot.waitUntil(lambda: window.model.index_ready)
    assert _names(window) == from_sql
    assert window.model.matched == matched_from_sql
    window.search.clear()
    assert window.model.canFetchMore()
    first_page = tasks.runner().call_blocking(register.first_page, store, PAGE_SIZE)
    assert [row.name for row in first_page.rows] == _names(window)[:PAGE_SIZE]
    window.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)
