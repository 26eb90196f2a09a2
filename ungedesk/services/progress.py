"""How long work reports how far it is and learns that the user pressed Stop.

The work runs on the database worker; the screen that started it runs on the GUI thread.
Between them sits one ``Progress``: the work calls ``step`` (which also checks for a stop)
at points where stopping is safe, and the screen calls ``stop`` from its Stop button. A
stopped job raises ``StoppedError`` after undoing what it had begun, so nothing is left
half-written: the transaction rolls back, a temporary file is removed, the old file stays.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from ungedesk.domain.errors import StoppedError

Report = Callable[[int, int, str], None]


class Progress:
    """Thread-safe progress and stop flag for one piece of long work."""

    def __init__(self, report: Report | None = None) -> None:
        self._report = report
        self._stop = threading.Event()

    def stop(self) -> None:
        """Ask the work to stop at its next safe point (any thread)."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        """Raise StoppedError if Stop was pressed; call only where stopping is safe."""
        if self._stop.is_set():
            raise StoppedError()

    def step(self, done: int, total: int, label: str = "") -> None:
        """Report ``done`` of ``total`` (``label``: what is being done, Danish, no personal
        data) and stop here if asked."""
        self.check()
        if self._report is not None:
            self._report(done, total, label)


def silent() -> Progress:
    """A Progress nobody watches and nobody stops: for the command line and tests."""
    return Progress()
