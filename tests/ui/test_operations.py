"""The operation object: one service call, its outcome delivered only while wanted."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ungedesk.domain.errors import InputError, KnownError, StoppedError
from ungedesk.services.progress import Progress
from ungedesk.store.errors import DiskFullError
from ungedesk.ui import changes, tasks
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.operations import Operation, close_widget, is_wanted


class Receiver(QWidget):
    """A parent that records what reached it and has its own message area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: list[object] = []
        self.shown: list[KnownError] = []

    def take(self, result: object) -> None:
        self.results.append(result)

    def show_known_error(self, error: KnownError) -> None:
        self.shown.append(error)


def blocked(gate: threading.Event, value: int) -> int:
    """Service stand-in that waits until the test has closed the parent."""
    gate.wait(5)
    return value


def fail_with(exc: BaseException) -> None:
    raise exc


def test_success_reaches_a_living_parent(qtbot: QtBot) -> None:
    parent = Receiver()
    qtbot.addWidget(parent)
    op = Operation(parent, pow, 2, 10).success(parent.take).run()
    qtbot.waitUntil(lambda: parent.results == [1024])
    assert op.progress is None


@pytest.mark.parametrize("outcome", ["value", "known", "bug-free input error"])
def test_a_parent_closed_while_work_runs_gets_no_callback(
    qtbot: QtBot, runner: tasks.TaskRunner, outcome: str
) -> None:
    """The record tab closes while its operation runs: nothing calls into it, no notice."""
    gate = threading.Event()
    holder = QWidget()
    qtbot.addWidget(holder)
    parent = Receiver(holder)
    errors = {"known": DiskFullError(), "bug-free input error": InputError({"x": "nej"})}
    fn = blocked if outcome == "value" else fail_with
    args = (gate, 7) if outcome == "value" else (errors[outcome],)
    announced: list[Change] = []
    changes.bus().changed.connect(announced.append)
    Operation(parent, fn, *args).changes(Change.of(Aspect.PLAN, youth_id=3)).success(
        parent.take
    ).run()
    close_widget(parent)
    assert not is_wanted(parent)
    gate.set()
    with qtbot.waitSignal(runner.busy_changed, timeout=5000):
        pass
    assert parent.results == [] and parent.shown == []
    assert runner.unhandled == []  # type: ignore[attr-defined]
    # A success still tells the other views: the store changed all the same.
    expected = [Aspect.PLAN] if outcome == "value" else []
    assert [a for c in announced for a in c.aspects] == expected


def test_known_error_goes_to_the_nearest_message_area(qtbot: QtBot) -> None:
    area = Receiver()
    qtbot.addWidget(area)
    child = QWidget(area)
    Operation(child, fail_with, DiskFullError()).success(area.take).run()
    qtbot.waitUntil(lambda: len(area.shown) == 1)
    assert isinstance(area.shown[0], DiskFullError) and area.results == []


def test_failure_callback_wins_over_the_message_area(qtbot: QtBot) -> None:
    area = Receiver()
    qtbot.addWidget(area)
    caught: list[KnownError] = []
    Operation(area, fail_with, InputError({"cpr": "Ugyldigt"})).failure(caught.append).run()
    qtbot.waitUntil(lambda: len(caught) == 1)
    assert area.shown == [] and caught[0].fields == {"cpr": "Ugyldigt"}  # type: ignore[attr-defined]


def test_a_bug_always_takes_the_bug_path(qtbot: QtBot, runner: tasks.TaskRunner) -> None:
    area = Receiver()
    qtbot.addWidget(area)
    caught: list[KnownError] = []
    with qtbot.waitSignal(runner.unexpected_error, timeout=5000) as signal:
        Operation(area, fail_with, ZeroDivisionError()).failure(caught.append).run()
    assert isinstance(signal.args[0], ZeroDivisionError)
    assert caught == [] and area.shown == []
    runner.unhandled.clear()  # type: ignore[attr-defined]


def test_only_the_latest_of_a_key_delivers(qtbot: QtBot, runner: tasks.TaskRunner) -> None:
    parent = Receiver()
    qtbot.addWidget(parent)
    gate = threading.Event()
    Operation(parent, blocked, gate, 1).latest("search").success(parent.take).run()
    Operation(parent, blocked, gate, 2).latest("search").success(parent.take).run()
    gate.set()
    with qtbot.waitSignal(runner.busy_changed, timeout=5000):
        pass
    assert parent.results == [2]


def counting(total: int, *, progress: Progress) -> int:
    for done in range(total):
        progress.step(done, total, "Tæller")
    return total


def stop_then_count(started: threading.Event, go: threading.Event, *, progress: Progress) -> int:
    started.set()
    go.wait(5)
    progress.step(1, 2)  # a safe point: Stop was pressed meanwhile
    return 2


class Bar(Receiver):
    """A parent with its own progress view."""

    def __init__(self) -> None:
        super().__init__()
        self.steps: list[tuple[int, int, str]] = []
        self.stop: object = None
        self.finished = False

    def progress_started(self, stop: object) -> None:
        self.stop = stop

    def progress_step(self, done: int, total: int, label: str) -> None:
        self.steps.append((done, total, label))

    def progress_finished(self) -> None:
        self.finished = True


def test_progress_reaches_the_parents_own_view(qtbot: QtBot) -> None:
    bar = Bar()
    qtbot.addWidget(bar)
    Operation(bar, counting, 3).with_progress("Tæller", bar).success(bar.take).run()
    qtbot.waitUntil(lambda: bar.results == [3])
    assert bar.finished and bar.steps == [(0, 3, "Tæller"), (1, 3, "Tæller"), (2, 3, "Tæller")]


def test_stop_ends_the_work_as_a_known_outcome(qtbot: QtBot) -> None:
    bar = Bar()
    qtbot.addWidget(bar)
    started, go = threading.Event(), threading.Event()
    op = Operation(bar, stop_then_count, started, go).with_progress("Tæller", bar)
    op.success(bar.take).run()
    assert started.wait(5)
    assert callable(bar.stop)
    bar.stop()  # the Stop button
    go.set()
    qtbot.waitUntil(lambda: len(bar.shown) == 1)
    assert isinstance(bar.shown[0], StoppedError) and bar.results == [] and bar.finished


def test_default_progress_dialog_stops_too(qtbot: QtBot) -> None:
    parent = Receiver()
    qtbot.addWidget(parent)
    started, go = threading.Event(), threading.Event()
    op = Operation(parent, stop_then_count, started, go).with_progress("Sikkerhedskopi").run()
    assert started.wait(5)
    op.stop()
    go.set()
    qtbot.waitUntil(lambda: len(parent.shown) == 1)
    assert isinstance(parent.shown[0], StoppedError)


class Busy(Receiver):
    def __init__(self) -> None:
        super().__init__()
        self.busy = True

    def idle(self) -> None:
        self.busy = False


@pytest.mark.parametrize("error", [None, DiskFullError(), ZeroDivisionError()])
def test_settled_runs_on_every_outcome_bug_included(
    qtbot: QtBot, runner: tasks.TaskRunner, error: BaseException | None
) -> None:
    """A dialog leaves its busy state whatever ended the work, so it can be closed."""
    widget = Busy()
    qtbot.addWidget(widget)
    op = Operation(widget, pow, 2, 3) if error is None else Operation(widget, fail_with, error)
    op.settled(widget.idle).success(widget.take).run()
    qtbot.waitUntil(lambda: not widget.busy)
    runner.unhandled.clear()  # type: ignore[attr-defined]
