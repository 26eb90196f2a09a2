"""The worker thread and the bug path: results on the GUI thread, logs without personal data."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from ungedesk.store.errors import DiskFullError
from ungedesk.ui import errors, tasks


def test_results_and_errors_arrive_on_the_gui_thread(qtbot, runner: tasks.TaskRunner) -> None:
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def work(a: int, b: int) -> tuple[int, int]:
        return a + b, threading.get_ident()

    def done(result: tuple[int, int]) -> None:
        seen["result"], seen["worker"] = result
        seen["callback"] = threading.get_ident()

    tasks.run_task(work, 2, 3, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 5
    assert seen["worker"] != gui
    assert seen["callback"] == gui

    def fail() -> None:
        raise DiskFullError()

    tasks.run_task(fail, on_error=lambda exc: seen.setdefault("error", exc))
    qtbot.waitUntil(lambda: "error" in seen)
    assert isinstance(seen["error"], DiskFullError)


def test_unhandled_errors_are_split_into_known_and_bugs(qtbot, runner) -> None:
    def known() -> None:
        raise DiskFullError()

    def bug() -> None:
        raise ZeroDivisionError

    with qtbot.waitSignal(runner.store_error) as blocker:
        tasks.run_task(known)
    assert isinstance(blocker.args[0], DiskFullError)
    with qtbot.waitSignal(runner.unexpected_error) as blocker:
        tasks.run_task(bug)
    assert isinstance(blocker.args[0], ZeroDivisionError)
    runner.unhandled.clear()  # expected here


def test_busy_signal_brackets_the_work(qtbot, runner) -> None:
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        tasks.run_task(lambda: None)
        tasks.run_task(lambda: None)
    assert states == [True, False]


def test_all_work_runs_on_one_worker_thread(qtbot, runner) -> None:
    idents: list[int] = []
    for _ in range(5):
        tasks.run_task(threading.get_ident, on_done=idents.append)
    qtbot.waitUntil(lambda: len(idents) == 5)
    assert len(set(idents)) == 1


def test_bug_log_has_no_personal_data(tmp_path: Path) -> None:
    def register(cpr: str, name: str) -> None:
        raise ValueError(f"could not save {name} {cpr}")

    try:
        register("1503054007", "Sofie Nørgaard")
    except ValueError as exc:
        log_file = errors.log_exception(exc, tmp_path / "logs")
    text = log_file.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text
    assert "test_tasks_and_errors.py" in text and "in register" in text
    assert "1503054007" not in text and "150305" not in text
    assert "Sofie" not in text and "Nørgaard" not in text
    assert str(tmp_path) not in text  # no user folder names either
    assert log_file.parent == tmp_path / "logs"
    assert errors.bug_message(log_file) == f"Der opstod en fejl. Detaljer er gemt i {log_file}."


def test_excepthook_logs_and_tells(qtbot, tmp_path: Path, monkeypatch) -> None:
    import sys

    shown: list[Path] = []
    monkeypatch.setattr(errors, "report_bug", lambda exc, logs: shown.append(logs))
    previous = errors.install_excepthook(tmp_path / "logs")
    try:
        try:
            raise RuntimeError("x")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    assert shown == [tmp_path / "logs"]


def test_a_closed_window_gets_no_callback(qtbot, runner) -> None:
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    done = []
    tasks.run_task(lambda: "late", on_done=label.setText)
    tasks.run_task(lambda: None, on_done=done.append)
    label.deleteLater()
    qtbot.waitUntil(lambda: done == [None])  # no RuntimeError from the deleted label


def test_shutdown_refuses_new_work(qtbot) -> None:
    runner = tasks.TaskRunner()
    runner.shutdown()
    with pytest.raises(RuntimeError):
        runner.run(lambda: None)


class Busy:
    """Work that keeps the worker busy until released; it notes "running" in ``ran`` (if
    given) when it ends."""

    def __init__(self, ran: list[str] | None = None) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self._ran = ran

    def __call__(self) -> None:
        self.started.set()
        self.release.wait()
        if self._ran is not None:
            self._ran.append("running")


def test_closing_drops_queued_view_refreshes_and_keeps_writes(qtbot, runner) -> None:
    """What only feeds a view is dropped while queued when the app closes; a write queued
    behind running work still runs, and running work that can stop is asked to."""
    ran: list[str] = []
    stopped = threading.Event()
    running = Busy(ran)
    runner.run(running, ask_stop=stopped.set)
    runner.run(ran.append, "refresh", drop_at_close=True)
    runner.run(ran.append, "write")
    running.started.wait()
    assert runner.settle_for_close() == 1
    assert stopped.is_set()  # the running task was asked to stop
    running.release.set()
    runner.call_blocking(ran.append, "close")
    assert ran == ["running", "write", "close"]


def test_operations_that_feed_a_view_are_dropped_at_close(qtbot, runner) -> None:
    """Operation.latest (a view's refresh) is droppable; an operation with changes is not."""
    from PySide6.QtWidgets import QWidget

    from ungedesk.ui.changes import Aspect, Change
    from ungedesk.ui.operations import Operation

    parent = QWidget()
    ran: list[str] = []
    running = Busy()
    runner.run(running)
    Operation(parent, ran.append, "overview").latest("overview").run()
    Operation(parent, ran.append, "saved").latest("save").changes(Change.of(Aspect.PLAN)).run()
    Operation(parent, ran.append, "exported").run()
    running.started.wait()
    assert runner.settle_for_close() == 1
    running.release.set()
    runner.call_blocking(ran.append, "close")
    assert ran == ["saved", "exported", "close"]
    parent.deleteLater()


def test_background_work_waits_while_foreground_work_is_queued(qtbot, runner) -> None:
    """A record asked for during the start's background reads runs before them; each kind
    keeps its own order, and what runs is never interrupted."""
    from PySide6.QtWidgets import QWidget

    from ungedesk.ui.operations import Operation

    parent = QWidget()
    ran: list[str] = []
    running = Busy(ran)
    Operation(parent, running).background().run()
    running.started.wait()
    Operation(parent, ran.append, "index").latest("register").background().run()
    Operation(parent, ran.append, "overview").latest("overview").background().run()
    Operation(parent, ran.append, "record").run()
    runner.run(ran.append, "search")
    running.release.set()
    runner.call_blocking(ran.append, "after all")
    assert ran == ["running", "record", "search", "index", "overview", "after all"]
    parent.deleteLater()


def test_dropped_background_work_does_not_hold_up_the_rest(qtbot, runner) -> None:
    ran: list[str] = []
    running = Busy()
    runner.run(running)
    runner.run(ran.append, "overview", drop_at_close=True, background=True)
    runner.run(ran.append, "write")
    running.started.wait()
    assert runner.settle_for_close() == 1
    running.release.set()
    runner.call_blocking(ran.append, "close")
    assert ran == ["write", "close"]


def test_garbage_is_collected_on_the_gui_thread_only(qtbot, runner) -> None:
    """While the worker exists CPython collects nothing by itself (a collection on the
    worker could destroy a Qt object from the wrong thread); the GUI thread's collector
    collects what is due."""
    import gc
    import weakref

    from ungedesk.ui.gc_policy import GuiThreadCollector

    assert not gc.isenabled()

    class Node:
        pass

    previous = gc.get_threshold()
    gc.set_threshold(10, previous[1], previous[2])
    try:
        node = Node()
        node.me = node  # type: ignore[attr-defined]  # a cycle only the collector frees
        alive = weakref.ref(node)
        del node
        for _ in range(50):  # allocations past generation 0's threshold
            Node()
        collector = GuiThreadCollector(interval_ms=60_000)
        assert gc.isenabled() is False
        assert collector.collect_due() >= 1
        assert alive() is None
        collector.deleteLater()
    finally:
        gc.set_threshold(*previous)
