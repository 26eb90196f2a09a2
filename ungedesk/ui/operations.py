"""Every user action that touches the store, a file or the PDF engine is one Operation.

In the spirit of Anki's CollectionOp/QueryOp: an operation is made with the widget that
asked for it (its parent), runs exactly one service function on the database worker (that
function owns its one transaction), and reports back on the GUI thread:

    Operation(self, plan_export.hand_out, store, youth_id, today=today)
        .changes(Change.of(Aspect.PLAN, youth_id=youth_id))
        .success(self._handed_out)
        .run()

- Whether the result is still wanted is decided once, from the parent: when the parent has
  been deleted or closed (``close_widget``), neither callback runs; nothing is guessed from
  the callbacks themselves. A newer operation with the same ``latest`` key from the same
  parent makes an older one's result unwanted too (a search typed on).
- Known errors (``KnownError``) go to ``failure`` if given, else to the nearest message
  area among the parent and its ancestors (a widget with ``show_known_error``), else to the
  application's notice. Anything else is a bug and always goes to the bug path (logged
  without personal data), whoever asked.
- A successful operation announces its ``changes`` on the change bus even when its parent
  is gone: the store changed all the same, and other views must show it.
- ``with_progress`` passes a ``Progress`` to the service function (as ``progress=``) and
  shows its steps with a working Stop, in the parent's own progress view or a small dialog.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, Protocol, Self, runtime_checkable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ungedesk.domain.errors import KnownError
from ungedesk.services.progress import Progress
from ungedesk.ui import changes, tasks

CLOSED_PROPERTY = "ungedeskClosed"
# A progress dialog appears only for work that takes noticeably long.
PROGRESS_DELAY_MS = 400


@runtime_checkable
class MessageArea(Protocol):
    """A widget that shows a known error in its own place (under a form, in a banner)."""

    def show_known_error(self, error: KnownError) -> None: ...


@runtime_checkable
class ProgressView(Protocol):
    """A widget's own display of long work: a bar and a Stop button that calls ``stop``."""

    def progress_started(self, stop: Callable[[], None]) -> None: ...

    def progress_step(self, done: int, total: int, label: str) -> None: ...

    def progress_finished(self) -> None: ...


def close_widget(widget: QWidget) -> None:
    """Close ``widget`` for good: results of its operations still running are dropped from
    now on (even before Qt deletes it), then it is deleted."""
    widget.setProperty(CLOSED_PROPERTY, True)
    widget.hide()
    widget.deleteLater()


def is_wanted(widget: QObject | None) -> bool:
    """True while ``widget`` and all its ancestors exist and none has been closed for good."""
    node = widget
    while node is not None:
        if not shiboken6.isValid(node) or node.property(CLOSED_PROPERTY) is True:
            return False
        node = node.parent()
    return True


def message_area(widget: QObject | None) -> MessageArea | None:
    node = widget
    while node is not None and shiboken6.isValid(node):
        if isinstance(node, MessageArea):
            return node
        node = node.parent()
    return None


class _ProgressRelay(QObject):
    """Carries progress steps from the worker thread to the GUI thread (queued signal)."""

    step = Signal(int, int, str)


class _ProgressDialog(QProgressDialog):
    """The default progress view: a bar, what is being done, and Stop."""

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent.window())
        self.setWindowTitle(title)
        self.setLabelText(title)
        self.setCancelButtonText(self.tr("&Stop"))
        self.setMinimumDuration(PROGRESS_DELAY_MS)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._stop: Callable[[], None] | None = None
        self.canceled.connect(self._stop_pressed)
        self.setValue(0)

    def progress_started(self, stop: Callable[[], None]) -> None:
        self._stop = stop

    def progress_step(self, done: int, total: int, label: str) -> None:
        self.setMaximum(max(1, total))
        self.setValue(min(done, max(1, total)))
        if label:
            self.setLabelText(label)

    def progress_finished(self) -> None:
        self._stop = None
        self.hide()
        self.deleteLater()

    def _stop_pressed(self) -> None:
        if self._stop is not None:
            self.setLabelText(self.tr("Stopping…"))
            self._stop()
        # Stays up until the work has stopped and undone what it began.
        self.show()


_latest: dict[tuple[int, str], int] = {}
_tokens = itertools.count(1)


class Operation[T]:
    """One user action: one service function on the worker, its outcome on the GUI thread."""

    def __init__(self, parent: QWidget, fn: Callable[..., T], *args: Any, **kwargs: Any) -> None:
        self._parent = parent
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[KnownError], None] | None = None
        self._on_settled: Callable[[], None] | None = None
        self._change: changes.Change | Callable[[T], changes.Change | None] | None = None
        self._progress_title: str | None = None
        self._progress_view: ProgressView | None = None
        self._progress: Progress | None = None
        self._relay: _ProgressRelay | None = None
        self._latest_key: tuple[int, str] | None = None
        self._stoppable = False
        self._background = False
        self._token = next(_tokens)
        self._started = False

    # --- shaping -------------------------------------------------------------------------

    def success(self, callback: Callable[[T], None]) -> Self:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[KnownError], None]) -> Self:
        """Handle known errors here instead of the parent's message area."""
        self._on_failure = callback
        return self

    def settled(self, callback: Callable[[], None]) -> Self:
        """Called first on every outcome (success, known error or bug) while the parent is
        wanted: to leave a busy state even when a bug ends the work."""
        self._on_settled = callback
        return self

    def changes(self, change: changes.Change | Callable[[T], changes.Change | None]) -> Self:
        """What a success changed (or a function of the result that says so)."""
        self._change = change
        return self

    def with_progress(self, title: str, view: ProgressView | None = None) -> Self:
        """Pass a Progress to the function and show it, with Stop, in ``view`` (the parent's
        own bar) or in a small dialog over the parent's window."""
        self._progress_title = title
        self._progress_view = view
        return self

    def latest(self, key: str) -> Self:
        """Only the newest operation with ``key`` from this parent delivers its result.

        For reads that feed a view: such work, still queued when the app closes, is
        dropped (no one will read it), and closing does not wait for it."""
        self._latest_key = (id(self._parent), key)
        return self

    def stoppable(self) -> Self:
        """Pass a Progress (as ``progress=``) without showing it: long reads that nobody
        watches step by step, so closing the app can stop them instead of waiting."""
        self._stoppable = True
        return self

    def background(self, wanted: bool = True) -> Self:
        """Reads nobody is waiting for at this moment (a list filled in after the start, a
        reminder): they wait while anything the caseworker asked for is queued."""
        self._background = wanted
        return self

    @property
    def progress(self) -> Progress | None:
        """The running work's Progress (to stop it), once started with progress."""
        return self._progress

    # --- running -------------------------------------------------------------------------

    def run(self) -> Self:
        if self._started:
            raise RuntimeError("an operation runs once")
        self._started = True
        if self._latest_key is not None:
            _latest[self._latest_key] = self._token
        kwargs = dict(self._kwargs)
        if self._progress_title is not None:
            kwargs["progress"] = self._start_progress()
        elif self._stoppable:
            self._progress = Progress()
            kwargs["progress"] = self._progress
        tasks.runner().run(
            self._fn,
            *self._args,
            on_done=self._done,
            on_error=self._failed,
            drop_at_close=self._latest_key is not None and self._change is None,
            ask_stop=self.stop if self._progress is not None else None,
            background=self._background,
            **kwargs,
        )
        return self

    def stop(self) -> None:
        """Ask running work with progress to stop at its next safe point."""
        if self._progress is not None:
            self._progress.stop()

    def _start_progress(self) -> Progress:
        relay = _ProgressRelay()
        view = self._progress_view
        if view is None:
            assert self._progress_title is not None
            view = _ProgressDialog(self._parent, self._progress_title)
            self._progress_view = view
        relay.step.connect(view.progress_step, Qt.ConnectionType.QueuedConnection)
        self._relay = relay
        self._progress = Progress(relay.step.emit)
        view.progress_started(self._progress.stop)
        return self._progress

    def _finish_progress(self) -> None:
        if self._relay is not None:
            self._relay.deleteLater()
            self._relay = None
        view = self._progress_view
        if view is not None and (not isinstance(view, QObject) or shiboken6.isValid(view)):
            view.progress_finished()

    def _wanted(self) -> bool:
        if self._latest_key is not None and _latest.get(self._latest_key) != self._token:
            return False
        return is_wanted(self._parent)

    def _release_latest(self) -> None:
        if self._latest_key is not None and _latest.get(self._latest_key) == self._token:
            del _latest[self._latest_key]

    def _done(self, result: T) -> None:
        self._finish_progress()
        wanted = self._wanted()
        self._release_latest()
        change = self._change(result) if callable(self._change) else self._change
        if change is not None:
            origin = self._parent if shiboken6.isValid(self._parent) else None
            changes.bus().changed.emit(changes.Change(change.aspects, change.youth_id, origin))
        if wanted and self._on_settled is not None:
            self._on_settled()
        if wanted and self._on_success is not None:
            self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish_progress()
        wanted = self._wanted()
        self._release_latest()
        if wanted and self._on_settled is not None:
            self._on_settled()
        if not isinstance(exc, KnownError):
            tasks.runner().unexpected_error.emit(exc)
            return
        if not wanted:
            return
        if self._on_failure is not None:
            self._on_failure(exc)
            return
        area = message_area(self._parent)
        if area is not None:
            area.show_known_error(exc)
        else:
            tasks.runner().store_error.emit(exc)
