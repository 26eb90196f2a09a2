"""The floor for UngeDesk's start: the least any program could do to show the register.

    python benchmarks/floor_startup.py DATA_DIR

Imports Qt, opens the SQLCipher store with the raw data key (from the benchmark keyring
file, as a keyring start has it) and the store's cipher settings, reads the first 50 young
people by name, puts them in a table, shows the window and waits for its first paint. Then
it prints, like ``ungedesk --measure-startup``:

    startup_ms=<ms since the OS started this process> rows=<rows shown> peak_kib=<VmHWM>

It must not import ungedesk (that would put UngeDesk's own cost into its floor), so the
/proc clock and the PRAGMAs are copied here: keep them in step with
ungedesk/ui/startup_measure.py and ungedesk/store/engine.py.
"""

from __future__ import annotations

import time

_FALLBACK_START = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem  # noqa: E402

FIRST_PAGE = 50
COLUMNS = ("Navn", "CPR-nr.", "Født", "Sagsnr.", "Henvendelse", "Sagsbehandler", "Status")
KEYRING_SERVICE = "UngeDesk"  # ungedesk.store.keys.KEYRING_SERVICE
DEFAULT_KEYRING_FILE = Path(__file__).resolve().parent / ".cache" / "keyring.json"
_HEX_KEY = re.compile(r"[0-9a-f]{64}")


def ms_since_process_start() -> float:
    """As ungedesk.ui.startup_measure: /proc/self/stat field 22 (start time in clock ticks
    since boot) against CLOCK_BOOTTIME; elsewhere, since this script's first line."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - _FALLBACK_START) * 1000


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


def data_key(data_dir: Path) -> str:
    """The store's key in hex, looked up the way the app looks it up in the keyring."""
    store_id = json.loads((data_dir / "ungedesk.key").read_text(encoding="utf-8"))["store_id"]
    keyring_file = Path(os.environ.get("BENCH_KEYRING_FILE") or DEFAULT_KEYRING_FILE)
    entries = json.loads(keyring_file.read_text(encoding="utf-8"))
    key = str(entries[f"{KEYRING_SERVICE}/store-{store_id}"])
    if not _HEX_KEY.fullmatch(key):  # it goes into a PRAGMA's text
        raise SystemExit("the benchmark keyring holds no valid key for this store")
    return key


def first_page(db: Path, key: str) -> list[tuple[str, ...]]:
    import sqlcipher3

    conn = sqlcipher3.connect(f"file:{db}?mode=rw", uri=True)
    try:
        # The same settings as ungedesk.store.engine.connect_raw, in the same order.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key}'\"")
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        rows = conn.execute(
            "SELECT y.first_name || ' ' || y.last_name, y.cpr, y.birth_date, y.case_number,"
            " y.henvendelse_date, coalesce(c.initials, ''), y.status"
            " FROM youth y LEFT JOIN caseworker c ON c.id = y.caseworker_id"
            " ORDER BY y.last_name, y.first_name LIMIT ?",
            (FIRST_PAGE,),
        ).fetchall()
    finally:
        conn.close()
    return [tuple(str(v) for v in row) for row in rows]


class FirstPaint(QObject):
    """Reports after the table's first paint has been drawn (as StartupMeasure does)."""

    def __init__(self, app: QApplication, rows: int) -> None:
        super().__init__()
        self._app, self._rows, self._seen = app, rows, False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        elapsed = ms_since_process_start()
        print(f"startup_ms={elapsed:.0f} rows={self._rows} peak_kib={peak_kib()}", flush=True)
        self._app.exit(0)


def main() -> int:
    data_dir = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    rows = first_page(data_dir / "ungedesk.db", data_key(data_dir))
    window = QMainWindow()
    window.setWindowTitle("Floor")
    table = QTableWidget(len(rows), len(COLUMNS))
    table.setHorizontalHeaderLabels(COLUMNS)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    window.setCentralWidget(table)
    window.resize(1280, 760)
    watcher = FirstPaint(app, len(rows))
    table.viewport().installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
