"""What the "Frister" view adds to the overview service, at 100,000 young people.

    python benchmarks/deadlines_view.py [--youths 100000] [--runs 5]

Uses the store benchmarks/deadlines_overview.py prepares (run that first). Times, for
"Alle" (every caseworker): the service call on the worker (for comparison), the GUI
thread's share (model reset, spans, and painting the visible rows), and one further page
of overdue rows as the list scrolls. Figures go to benchmarks/results/deadlines_view.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
PASSPHRASE = "benchmark: fire tilfældige ord i en kasse"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--youths", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = HERE / ".cache" / f"cases-{args.youths}"
    if not (data / "ungedesk.db").exists():
        print(f"no store in {data}: run benchmarks/deadlines_overview.py first")
        return 1
    os.environ.update(
        UNGEDESK_PASSPHRASE=PASSPHRASE,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        QT_QPA_PLATFORM="offscreen",
    )
    sys.path.insert(0, str(HERE.parent))
    from PySide6.QtWidgets import QApplication

    from ungedesk.services import deadlines, setup
    from ungedesk.store.paths import StorePaths
    from ungedesk.ui.deadlines.model import PAGE_SIZE
    from ungedesk.ui.deadlines.view import DeadlinesView

    app = QApplication.instance() or QApplication(sys.argv)
    store = setup.unlock(StorePaths(data)).store
    today = date.today()
    view = DeadlinesView(store, lambda: today)
    view.resize(860, 700)
    view.show()
    service, gui, page = [], [], []
    overview = deadlines.overview(store, today, overdue_limit=PAGE_SIZE)
    for _ in range(args.runs):
        t = time.perf_counter()
        overview = deadlines.overview(store, today, overdue_limit=PAGE_SIZE)
        service.append(time.perf_counter() - t)
        t = time.perf_counter()
        view.model.set_overview(overview, today)
        view.table.viewport().grab()  # paints the visible rows: data() for those only
        app.processEvents()
        gui.append(time.perf_counter() - t)
        t = time.perf_counter()
        rows = deadlines.overdue_page(store, today, PAGE_SIZE, PAGE_SIZE)
        view.model.add_overdue(PAGE_SIZE, rows)
        page.append(time.perf_counter() - t)
    view.close()
    store.close()
    result = {
        "youths": args.youths,
        "overdue_total": overview.overdue_total,
        "rows_in_first_load": view.model.rowCount(),
        "service_overview_median_s": round(statistics.median(service), 3),
        "view_gui_thread_median_ms": round(statistics.median(gui) * 1000, 1),
        "view_gui_thread_max_ms": round(max(gui) * 1000, 1),
        "next_overdue_page_median_ms": round(statistics.median(page) * 1000, 1),
    }
    print(json.dumps(result, indent=2))
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "deadlines_view.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
