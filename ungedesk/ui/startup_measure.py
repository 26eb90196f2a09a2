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


class StartupMeasure:
    """Reports the start once the main window says its first page has been painted, then
    asks the app to end."""

    def __init__(self, finish: Callable[[int], None]) -> None:
        self._finish = finish
        self._done = False

    def report(self, rows: int) -> None:
        """Print ``startup_ms=<ms> rows=<young people>`` (once) and end the app."""
        if self._done:
            return
        self._done = True
        print(f"startup_ms={ms_since_process_start():.0f} rows={rows}", flush=True)
        self._finish(0)
