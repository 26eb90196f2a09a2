"""`ungedesk --measure-startup`: start exactly as a caseworker's start does, and when the
register has been painted with its first page, print how long that took and exit.

The figure is counted from the moment the operating system started the process, so the
interpreter's own start and every import are in it, as they are in what the caseworker
waits for after a double-click. Anyone can check the figure on their own laptop.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# When this module could not ask the operating system: the earliest moment the process
# itself knows of (the ungedesk package being imported), a little after the real start.
_FALLBACK_START = time.perf_counter()


def ms_since_process_start() -> float:
    """Milliseconds since the operating system started this process."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_ms()
        if sys.platform == "win32":
            return _windows_ms()
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return (time.perf_counter() - _FALLBACK_START) * 1000


def _linux_ms() -> float:
    # /proc/self/stat field 22 is the start time in clock ticks since boot, the clock
    # CLOCK_BOOTTIME counts in; the command name (field 2) may hold spaces, so split after it.
    with open("/proc/self/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    ticks = int(fields[19])
    started = ticks / os.sysconf("SC_CLK_TCK")
    return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000


def _windows_ms() -> float:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    creation, exit_, kernel, user = (wintypes.FILETIME() for _ in range(4))
    if not kernel32.GetProcessTimes(
        kernel32.GetCurrentProcess(),
        ctypes.byref(creation),
        ctypes.byref(exit_),
        ctypes.byref(kernel),
        ctypes.byref(user),
    ):
        raise OSError("GetProcessTimes failed")
    now = wintypes.FILETIME()
    kernel32.GetSystemTimePreciseAsFileTime(ctypes.byref(now))

    def value(ft: wintypes.FILETIME) -> int:
        return (ft.dwHighDateTime << 32) | ft.dwLowDateTime

    return (value(now) - value(creation)) / 10_000  # FILETIME counts 100 ns


class StartupMeasure(QObject):
    """Waits for the first paint of the register with its first page (or its empty state),
    then prints ``startup_ms=<ms> rows=<young people>`` and asks the app to end."""

    def __init__(self, finish: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._finish = finish
        self._watched: QWidget | None = None
        self._rows = 0
        self._done = False

    def watch(self, target: QWidget, rows: int) -> None:
        """``target`` now shows the register's first page (or that it is empty): report
        after its next paint has been drawn."""
        if self._done:
            return
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._watched, self._rows = target, rows
        target.installEventFilter(self)
        target.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            # The filter runs before the widget paints: report once the paint has been done.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        elapsed = ms_since_process_start()
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        print(f"startup_ms={elapsed:.0f} rows={self._rows}", flush=True)
        self._finish(0)
