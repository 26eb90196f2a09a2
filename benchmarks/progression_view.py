"""Rendering the progression tab for a young person with 50 measurements (goal <= 100 ms).

    python benchmarks/progression_view.py [--measurements 50] [--runs 10]

A fresh store in a temporary folder: one young person, all nine indicators chosen, N
measurements with both scores and some comments. Times, for each run: the worker's read
(get_progression and the conversations, for comparison), and the GUI thread's share: filling
the tab (tables, spider chart with first/latest, timeline of the selected indicator) and
painting it all (grab). The first run is reported apart (fonts and caches cold). Figures
go to benchmarks/results/progression_view.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
PASSPHRASE = "benchmark: fire tilfældige ord i en kasse"
TODAY = date(2026, 11, 24)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--measurements", type=int, default=50)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(HERE.parent))
    import keyring
    from PySide6.QtWidgets import QApplication

    from tests.support.memory_keyring import MemoryKeyring
    from ungedesk.domain.profile import ProfileInput, Role
    from ungedesk.domain.progression import Indicator, MeasurementInput, ScoreInput
    from ungedesk.domain.youth import YouthInput
    from ungedesk.services import caseworkers, progression, setup, youths
    from ungedesk.store.paths import StorePaths
    from ungedesk.ui import tasks
    from ungedesk.ui.i18n import install_translations
    from ungedesk.ui.progression.panel import ProgressionPanel

    keyring.set_keyring(MemoryKeyring())
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    translators = install_translations(app)
    runner = tasks.start()
    with tempfile.TemporaryDirectory(prefix="ungedesk-bench-") as tmp:
        paths = StorePaths(Path(tmp) / "data")
        profile = ProfileInput("Anne Bjerregaard", "ABJ", "Ungeteamet", Role.CASEWORKER)

        def prepare() -> tuple[object, int]:
            store = setup.create_installation(
                paths, PASSPHRASE, profile, municipality="Demo Kommune", scrypt_n=2**12
            ).opened.store
            me = caseworkers.current_user(store)
            assert me is not None
            first_contact = TODAY - timedelta(days=7 * args.measurements + 10)
            youth_id = youths.register(
                store,
                YouthInput("1503054007", "Sofie", "Nørgaard", first_contact, caseworker_id=me.id),
                today=TODAY,
            ).youth_id
            progression.choose_indicators(store, youth_id, list(Indicator), first_contact)
            rng = random.Random(50)  # synthetic scores
            for n in range(args.measurements):
                day = first_contact + timedelta(days=7 * n + 7)
                scores = tuple(
                    ScoreInput(
                        indicator,
                        rng.randint(1, 10),
                        rng.randint(1, 10) if rng.random() > 0.1 else None,
                        "Kort kommentar" if rng.random() > 0.7 else "",
                    )
                    for indicator in Indicator
                )
                progression.record_measurement(
                    store, youth_id, MeasurementInput(day, scores), today=TODAY
                )
            return store, youth_id

        store, youth_id = runner.call_blocking(prepare)
        panel = ProgressionPanel(store, youth_id, lambda: TODAY)
        panel.resize(1080, 620)
        panel.show()
        while panel.state is None:
            app.processEvents()
        service: list[float] = []
        gui: list[float] = []
        cpu: list[float] = []
        for _ in range(args.runs + 1):
            t = time.perf_counter()
            screen = runner.call_blocking(progression.screen, store, youth_id)
            service.append(time.perf_counter() - t)
            t = time.perf_counter()
            c = time.process_time()
            panel.show_screen(screen)
            panel.grab()  # lays out and paints the whole tab, charts included
            app.processEvents()
            gui.append(time.perf_counter() - t)
            # CPU time too: on a shared 2-core machine wall time includes waiting for a
            # core; the worker is idle meanwhile, so the process's CPU time is the GUI's.
            cpu.append(time.process_time() - c)
        measurements = len(screen.progression.measurements)
        panel.close()
        runner.call_blocking(store.close)
    tasks.shutdown()
    del translators
    cold, warm = gui[0], gui[1:]
    result = {
        "measurements": measurements,
        "indicators": 9,
        "runs": args.runs,
        "worker_read_median_ms": round(statistics.median(service[1:]) * 1000, 1),
        "gui_thread_first_ms": round(cold * 1000, 1),
        "gui_thread_median_ms": round(statistics.median(warm) * 1000, 1),
        "gui_thread_min_ms": round(min(warm) * 1000, 1),
        "gui_thread_max_ms": round(max(warm) * 1000, 1),
        "gui_thread_cpu_median_ms": round(statistics.median(cpu[1:]) * 1000, 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "goal_ms": 100,
    }
    print(json.dumps(result, indent=2))
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "progression_view.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
