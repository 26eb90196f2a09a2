"""One measured start of UngeDesk on a prepared store, run in a fresh process by run.py.

Measures (offscreen Qt, the key in a keyring as on a caseworker's laptop):
- import: process start to UngeDesk's modules imported (Python + PySide6 + SQLAlchemy)
- window: from the launcher starting to an unlocked, painted main window showing the list
- from_launch: both together, what a caseworker waits after double-clicking
- keystrokes (with --keystrokes): search-field key press to filtered list repainted

Prints one JSON object on stdout.
"""

from __future__ import annotations

import time

T_PROCESS = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.support.memory_keyring import MemoryKeyring  # noqa: E402
from ungedesk.store import keys  # noqa: E402
from ungedesk.store.paths import StorePaths  # noqa: E402
from ungedesk.ui import tasks  # noqa: E402
from ungedesk.ui.app import Launcher  # noqa: E402
from ungedesk.ui.i18n import install_translations  # noqa: E402

T_IMPORTED = time.perf_counter()

QUERIES = ["mohammed", "nielsen", "sukru", "0102", "010203-", "u-2025-00", "sara h"]


def main() -> None:
    data_dir, passphrase = Path(sys.argv[1]), os.environ["UNGEDESK_PASSPHRASE"]
    measure_keys = "--keystrokes" in sys.argv
    paths = StorePaths(data_dir)
    # The laptop's keyring holds the key, so the start does no passphrase KDF (unwrapped
    # here, outside the measurement, only to fill the stand-in keyring).
    kf = keys.load_key_file(paths.key_file)
    key = keys.unwrap(kf, passphrase)
    keyring.set_keyring(MemoryKeyring({(keys.KEYRING_SERVICE, f"store-{kf.store_id}"): key.hex()}))
    del os.environ["UNGEDESK_PASSPHRASE"]

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    install_translations(app)
    tasks.start()
    t_start = time.perf_counter()
    launcher = Launcher(paths)
    result: dict[str, object] = {"import_s": round(T_IMPORTED - T_PROCESS, 3)}

    def ready() -> None:
        window = launcher.window
        if window is None or not window.model.loaded or window.model.rowCount() == 0:
            QTimer.singleShot(2, ready)
            return
        window.repaint()  # a synchronous paint: the list is on screen now
        t_painted = time.perf_counter()
        result["window_s"] = round(t_painted - t_start, 3)
        result["from_launch_s"] = round(t_painted - T_PROCESS, 3)
        result["youths"] = window.model.total
        if measure_keys:
            result["keystrokes"] = keystrokes(window)
        app.exit(0)

    QTimer.singleShot(0, launcher.start)
    QTimer.singleShot(0, ready)
    app.exec()
    launcher.shutdown()
    tasks.shutdown()
    print(json.dumps(result))


def keystrokes(window: object) -> dict[str, float]:
    search = window.search  # type: ignore[attr-defined]
    viewport = window.table.viewport()  # type: ignore[attr-defined]
    timings: list[float] = []
    for query in QUERIES:
        search.clear()
        viewport.repaint()
        for ch in query:
            t = time.perf_counter()
            QTest.keyClicks(search, ch)
            viewport.repaint()
            window.count.repaint()  # type: ignore[attr-defined]
            timings.append((time.perf_counter() - t) * 1000)
        # Clearing (Esc) is a keystroke too, and the most expensive one: all rows return.
        t = time.perf_counter()
        QTest.keyClick(search, Qt.Key.Key_Escape)
        viewport.repaint()
        timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    return {
        "count": len(timings),
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        "max_ms": round(timings[-1], 1),
    }


if __name__ == "__main__":
    main()
