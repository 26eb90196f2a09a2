"""One worker thread for all database work, and results back on the GUI thread.

SQLite connections belong to the thread that uses them and the GUI must never wait on the
database, so every service call runs on a single worker (Anki's pattern): work is serialised,
sessions never cross threads, and a slow disk only ever shows as a busy indicator.

Results come back through a Qt signal emitted from the worker; the receiving QObject lives
on the GUI thread, so Qt queues the call there. No processEvents() loops anywhere.

Work is taken in order, except that background work (reads nobody is waiting for at that
moment: the whole register's index, the deadlines overview, the backup reminder, loading
the record's modules ahead of time) waits while anything the caseworker asked for is
queued. A record opened the moment the list appears does not wait behind the rest of the
start.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from ungedesk.domain.errors import KnownError
from ungedesk.ui.gc_policy import GuiThreadCollector

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


@dataclass(slots=True)
class _Pending:
    on_done: DoneCallback | None
    on_error: ErrorCallback | None
    future: Future[None] | None = None
    # Work nobody reads once the app closes (a view's refresh): dropped if still queued.
    drop_at_close: bool = False
    # Asks the work to stop at its next safe point (its Progress), if it can.
    ask_stop: Callable[[], None] | None = None


@dataclass(order=True, slots=True)
class _Job:
    """Queued work; ordered by (background, sequence): foreground first, then in order."""

    background: bool
    sequence: int
    work: Callable[[], None] = field(compare=False)
    future: Future[None] = field(compare=False)


def _alive(callback: Callable[..., Any] | None) -> bool:
    """False when the callback is a method of a Qt object that has been deleted meanwhile
    (a dialog closed before its task finished): calling it would raise RuntimeError."""
    owner = getattr(callback, "__self__", None)
    return not (isinstance(owner, QObject) and not shiboken6.isValid(owner))


class TaskRunner(QObject):
    """Runs callables on one worker thread and reports back on the GUI thread."""

    _finished = Signal(int, bool, object)
    busy_changed = Signal(bool)
    # Known failures (KnownError) nobody handled, already Danish: the app shows them.
    store_error = Signal(object)
    # Bugs: anything else. The app logs them without personal data and shows a notice.
    unexpected_error = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="ungedesk-db"
        )
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._queue: list[_Job] = []  # a heap, shared with the worker under _queue_lock
        self._queue_lock = threading.Lock()
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        drop_at_close: bool = False,
        ask_stop: Callable[[], None] | None = None,
        background: bool = False,
        **kwargs: Any,
    ) -> int:
        """Queue ``fn(*args, **kwargs)`` on the worker; returns a task id.

        ``drop_at_close``: the work only feeds a view, so closing the app drops it while it
        is still queued. ``ask_stop``: how to ask the work to stop when the app closes.
        ``background``: it waits while foreground work is queued (see the module's doc)."""
        if self._executor is None:
            raise RuntimeError("the task runner has been shut down")
        task_id = next(self._ids)
        was_busy = self.busy
        pending = _Pending(on_done, on_error, drop_at_close=drop_at_close, ask_stop=ask_stop)
        self._pending[task_id] = pending
        if not was_busy:
            self.busy_changed.emit(True)

        def work() -> None:
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:
                self._finished.emit(task_id, False, exc)
            else:
                self._finished.emit(task_id, True, result)

        future: Future[None] = Future()
        pending.future = future
        with self._queue_lock:
            heapq.heappush(self._queue, _Job(background, task_id, work, future))
        # One turn of the worker per job; each turn takes the best job queued by then.
        self._executor.submit(self._run_next)
        return task_id

    def _run_next(self) -> None:
        with self._queue_lock:
            job = heapq.heappop(self._queue)
        if not job.future.set_running_or_notify_cancel():
            return  # dropped at close
        try:
            job.work()
        finally:
            job.future.set_result(None)

    @Slot(int, bool, object)
    def _deliver(self, task_id: int, ok: bool, value: object) -> None:
        pending = self._pending.pop(task_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if pending is None:
            return
        if ok:
            if pending.on_done is not None and _alive(pending.on_done):
                pending.on_done(value)
            return
        assert isinstance(value, BaseException)
        if pending.on_error is not None and _alive(pending.on_error):
            pending.on_error(value)
        elif isinstance(value, KnownError):
            self.store_error.emit(value)
        else:
            self.unexpected_error.emit(value)

    @property
    def running(self) -> bool:
        """False once shut down: no work can run any more."""
        return self._executor is not None

    def settle_for_close(self) -> int:
        """The app is closing: drop queued work that only feeds a view (no one will read
        it) and ask running work that can stop to stop, so closing waits only for what
        must finish (writes). Returns how many tasks were dropped."""
        dropped = 0
        for pending in self._pending.values():
            future = pending.future
            if pending.drop_at_close and future is not None and future.cancel():
                dropped += 1
            elif pending.ask_stop is not None and future is not None and future.running():
                pending.ask_stop()
        return dropped

    def call_blocking(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn`` on the worker and wait: only for shutdown (closing the store), when
        the window is already gone and nothing else can happen meanwhile."""
        if self._executor is None:
            raise RuntimeError("the task runner has been shut down")
        return self._executor.submit(fn, *args).result()

    def shutdown(self) -> None:
        """Finish the work that must finish (settle_for_close drops the rest) and stop the
        worker thread. Results still in flight are dropped: their windows are closing too."""
        if self._executor is None:
            return
        self.settle_for_close()
        self._executor.shutdown(wait=True)
        self._executor = None
        self._pending.clear()


_runner: TaskRunner | None = None
_collector: GuiThreadCollector | None = None


def start(parent: QObject | None = None) -> TaskRunner:
    """Create the application's task runner (once), and move garbage collection to the
    GUI thread while the worker exists (ui.gc_policy)."""
    global _runner, _collector
    if _runner is None:
        _runner = TaskRunner(parent)
        _collector = GuiThreadCollector(parent)
    return _runner


def runner() -> TaskRunner:
    if _runner is None:
        raise RuntimeError("tasks.start() has not been called")
    return _runner


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_done: DoneCallback | None = None,
    on_error: ErrorCallback | None = None,
    **kwargs: Any,
) -> int:
    """Run ``fn(*args, **kwargs)`` on the database worker; callbacks run on the GUI thread.

    Without ``on_error`` a known error is shown to the user in Danish and any other
    exception is logged and reported as a bug.
    """
    return runner().run(fn, *args, on_done=on_done, on_error=on_error, **kwargs)


def shutdown() -> None:
    global _runner, _collector
    if _runner is not None:
        _runner.shutdown()
        _runner = None
    if _collector is not None:
        _collector.stop()
        _collector.deleteLater()
        _collector = None
