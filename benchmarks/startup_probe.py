"""What the caseworker does in the first seconds, measured inside one fresh UngeDesk process.

    python benchmarks/startup_probe.py search|record|close DATA_DIR [YOUTH_ID ...]

Run by run.py (a fresh process per run) with the benchmark keyring, so the start is a
keyring start; usable by itself with the same environment. UngeDesk is started through its
public entry point (``ungedesk.cli.main`` with ``--data-dir``, as ``python -m ungedesk``);
the probe only finds the main window among the top-level widgets and drives it. It relies
on these attributes of the main window, and nothing else of UngeDesk:

- ``model`` (``rowCount()``; ``index_ready`` when the register paints its first page before
  the search index is built, else ``loaded``; ``youth_id(row)``), ``table`` (a view),
  ``search`` (the QLineEdit), ``count`` (a label, optional), ``records`` (a QTabWidget of
  open records, whose widgets have ``record`` once filled), ``open_record(youth_id)``.

Modes (each prints one JSON object on its last stdout line):

- search: one keystroke as soon as the list is painted, answered before the search index is
  ready (only when the model has such a path: ``pre_index`` is null otherwise); then, the
  index ready and the worker idle for IDLE_MS, every keystroke of QUERIES (and an Esc after
  each query): key press to the filtered list repainted. The process's peak memory (VmHWM)
  is taken after the first four queries.
- record: ``open_record`` to the record's header and first tab painted, for the first young
  person of the list as soon as the index is ready (the start's other reads may still be
  queued on the worker: what a caseworker pressing Enter at once gets), then for each
  YOUTH_ID given (the harness passes the one with the longest history) once the worker has
  been idle for IDLE_MS (``ungedesk.ui.tasks.runner().busy``; not waited for if it is gone).
- close: right after the first paint, ``close()`` the main window: to Qt's event loop
  returning (``exec_ms``) and to UngeDesk's entry point returning, its shutdown done
  (``shutdown_ms``). ``closed_at`` (time.monotonic) lets the parent add the process's end.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

QUERIES = ["mohammed", "nielsen", "sukru", "0102", "010203-", "u-2025-00", "sara h"]
MEMORY_AFTER_QUERIES = 4
POLL_MS = 1
IDLE_MS = 100
GIVE_UP_S = 120.0

WINDOW_ATTRIBUTES = ("model", "table", "search", "records", "open_record")


def peak_kib() -> int:
    """The process's peak resident memory (VmHWM), in KiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def index_ready(model: Any) -> bool:
    """Whether the whole search index answers searches now. A model that paints its first
    page from SQL says so with ``index_ready``; before that existed, ``loaded`` meant it."""
    ready = getattr(model, "index_ready", None)
    if ready is None:
        return bool(model.loaded)
    return bool(ready() if callable(ready) else ready)


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[max(0, round(len(sorted_values) * share) - 1)]


def summary(timings: list[float]) -> dict[str, float | int]:
    ordered = sorted(timings)
    return {
        "count": len(ordered),
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(percentile(ordered, 0.95), 1),
        "max_ms": round(ordered[-1], 1),
    }


class Probe:
    """Waits, by polling the GUI thread every millisecond, for conditions on the window;
    the measurements themselves are synchronous where UngeDesk's work is (a keystroke's
    search) and polled where it goes to the worker (a record's read)."""

    def __init__(self, app: QApplication, mode: str, youth_ids: list[int]) -> None:
        self.app, self.mode, self.youth_ids = app, mode, youth_ids
        self.window: Any = None
        self.result: dict[str, Any] = {"mode": mode}
        self._timer = QTimer()
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._tick)
        self._waiting: tuple[Callable[[], bool], Callable[[], None], float] | None = None
        self.t_exec = 0.0
        self._idle_since: float | None = None
        app.aboutToQuit.connect(self._about_to_quit)

    # --- waiting -----------------------------------------------------------------------

    def start(self) -> None:
        self.wait_for(self._first_page_shown, self._started)

    def wait_for(self, condition: Callable[[], bool], then: Callable[[], None]) -> None:
        self._waiting = (condition, then, time.perf_counter() + GIVE_UP_S)
        self._timer.start()

    def _tick(self) -> None:
        if self._waiting is None:
            self._timer.stop()
            return
        condition, then, deadline = self._waiting
        if condition():
            self._waiting = None
            self._timer.stop()
            then()
        elif time.perf_counter() > deadline:
            self._waiting = None
            self._timer.stop()
            self.result["error"] = f"gave up waiting in {condition.__name__}"
            self._end()

    def _find_window(self) -> Any:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and all(hasattr(widget, a) for a in WINDOW_ATTRIBUTES):
                return widget
        return None

    def _first_page_shown(self) -> bool:
        if self.window is None:
            self.window = self._find_window()
        return self.window is not None and self.window.model.rowCount() > 0

    def _index_ready(self) -> bool:
        return index_ready(self.window.model)

    def _end(self) -> None:
        if self.window is not None:
            self.window.close()
        else:
            self.app.exit(1)

    def _about_to_quit(self) -> None:
        self.t_exec = time.perf_counter()

    # --- after the first paint ---------------------------------------------------------

    def _started(self) -> None:
        self.window.repaint()  # the list is on screen: everything below starts from here
        if self.mode == "close":
            self.result["rows_shown"] = self.window.model.rowCount()
            self.result["index_ready_at_close"] = self._index_ready()
            self.result["closed_at"] = time.monotonic()
            self.t_close = time.perf_counter()
            self.window.close()
        elif self.mode == "search":
            self._pre_index_keystroke()
        else:
            self.wait_for(self._index_ready, self._open_records)

    # --- search ------------------------------------------------------------------------

    def _pre_index_keystroke(self) -> None:
        if self._index_ready():
            # The first page came with the whole index: no keystroke can come before it.
            self.result["pre_index"] = None
            self._settle(self._keystrokes)
            return
        self._pre_query = QUERIES[0][0]
        self._pre_t0 = time.perf_counter()
        QTest.keyClicks(self.window.search, self._pre_query)
        self.wait_for(self._pre_answered, self._pre_done)

    def _shown_texts(self, rows: int) -> list[str]:
        model = self.window.model
        columns = model.columnCount()
        return [
            " ".join(str(model.index(r, c).data() or "") for c in range(columns)).lower()
            for r in range(min(rows, model.rowCount()))
        ]

    def _pre_answered(self) -> bool:
        texts = self._shown_texts(50)
        return bool(texts) and all(self._pre_query in text for text in texts)

    def _pre_done(self) -> None:
        self.window.table.viewport().repaint()
        elapsed = (time.perf_counter() - self._pre_t0) * 1000
        self.result["pre_index"] = {
            "ms": round(elapsed, 1),
            "query": self._pre_query,
            # Answered only because the index arrived meanwhile: not an answer from SQL.
            "index_ready_when_answered": self._index_ready(),
        }
        self.window.search.clear()
        self.wait_for(self._index_ready, partial(self._settle, self._keystrokes))

    def _settle(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the worker has been idle a while: the start's other reads
        would otherwise compete with the keystrokes for the interpreter."""
        self._idle_since = None
        self.wait_for(self._worker_idle, then)

    def _keystrokes(self) -> None:
        search = self.window.search
        viewport = self.window.table.viewport()
        count = getattr(self.window, "count", None)
        # Esc clears the search only where the caseworker types: in the focused search field.
        self.window.activateWindow()
        search.setFocus()
        timings: list[float] = []
        for number, query in enumerate(QUERIES, start=1):
            search.clear()
            viewport.repaint()
            for ch in query:
                t = time.perf_counter()
                QTest.keyClicks(search, ch)
                viewport.repaint()
                if isinstance(count, QWidget):
                    count.repaint()
                timings.append((time.perf_counter() - t) * 1000)
            # Clearing (Esc) is a keystroke too, and the most expensive one: all rows return.
            t = time.perf_counter()
            QTest.keyClick(search, Qt.Key.Key_Escape)
            viewport.repaint()
            timings.append((time.perf_counter() - t) * 1000)
            if number == MEMORY_AFTER_QUERIES:
                self.result["peak_kib_after_searches"] = peak_kib()
        self.result["keystrokes"] = summary(timings)
        self.result["keystroke_ms"] = [round(t, 2) for t in timings]
        self.result["rows"] = self.window.model.rowCount()
        self._end()

    # --- records -----------------------------------------------------------------------

    def _open_records(self) -> None:
        self._to_open = [("first_in_list", int(self.window.model.youth_id(0)))]
        self._to_open += [(f"youth_{i}", i) for i in self.youth_ids]
        self.result["records"] = {}
        self._open_next()

    def _open_next(self) -> None:
        if not self._to_open:
            self._end()
            return
        self._opening = self._to_open.pop(0)
        if self._opening[0] == "first_in_list":
            self._open_now()
            return
        self._settle(self._open_now)

    def _worker_idle(self) -> bool:
        try:
            from ungedesk.ui import tasks

            busy = bool(tasks.runner().busy)
        except (ImportError, AttributeError, RuntimeError):
            return True
        now = time.perf_counter()
        if busy:
            self._idle_since = None
            return False
        if self._idle_since is None:
            self._idle_since = now
        return (now - self._idle_since) * 1000 >= IDLE_MS

    def _open_now(self) -> None:
        self._before = self.window.records.currentWidget()
        self._open_t0 = time.perf_counter()
        self.window.open_record(self._opening[1])
        self.wait_for(self._record_shown, self._record_painted)

    def _record_shown(self) -> bool:
        view = self.window.records.currentWidget()
        if view is None or view is self._before or not view.isVisible():
            return False
        return getattr(view, "record", True) is not None

    def _record_painted(self) -> None:
        self.window.records.currentWidget().repaint()  # header and the first tab
        elapsed = (time.perf_counter() - self._open_t0) * 1000
        self.result["records"][self._opening[0]] = round(elapsed, 1)
        self._open_next()


def main() -> int:
    mode, data_dir = sys.argv[1], sys.argv[2]
    if mode not in ("search", "record", "close"):
        raise SystemExit(__doc__)
    youth_ids = [int(a) for a in sys.argv[3:]]
    app = QApplication(sys.argv[:1])
    probe = Probe(app, mode, youth_ids)
    QTimer.singleShot(0, probe.start)
    from ungedesk.cli import main as ungedesk_main

    code = ungedesk_main(["--data-dir", data_dir])
    t_returned = time.perf_counter()
    result = probe.result
    if mode == "close" and "t_close" in vars(probe):
        result["exec_ms"] = round((probe.t_exec - probe.t_close) * 1000, 1)
        result["shutdown_ms"] = round((t_returned - probe.t_close) * 1000, 1)
    result["exit_code"] = code
    print(json.dumps(result), flush=True)
    return 0 if code == 0 and "error" not in result else 1


if __name__ == "__main__":
    raise SystemExit(main())
