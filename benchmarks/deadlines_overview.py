"""Deadlines overview ("Frister") for 100,000 young people with ~10 conversations each.

    python benchmarks/deadlines_overview.py [--youths 100000] [--runs 5]

Prepares (once) a store with demo cases in benchmarks/.cache/, then times
services.deadlines.overview for everybody and for one caseworker, and the refresh of one
case after a change. Goal (issue 4): the overview in at most 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
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
    env = dict(
        os.environ,
        UNGEDESK_PASSPHRASE=PASSPHRASE,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    data = HERE / ".cache" / f"cases-{args.youths}"
    if not (data / "ungedesk.db").exists():
        base = [sys.executable, "-m", "ungedesk", "--data-dir", str(data)]
        subprocess.run(
            [*base, "init", "--name", "Bench Mark", "--initials", "BM", "--no-keyring"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        t = time.perf_counter()
        subprocess.run(
            [*base, "demo", "--youths", str(args.youths), "--seed", "1"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print(f"prepared {args.youths:,} cases in {time.perf_counter() - t:.1f} s")
    os.environ.update(env)
    from sqlalchemy import func, select

    from ungedesk.services import deadlines, setup
    from ungedesk.store.models import Conversation, DeadlineRow, Youth
    from ungedesk.store.paths import StorePaths

    opened = setup.unlock(StorePaths(data))
    store = opened.store
    today = date.today()
    with store.session() as s:
        youths = s.scalar(select(func.count(Youth.id)))
        talks = s.scalar(select(func.count(Conversation.id)))
        rows = s.scalar(select(func.count(DeadlineRow.id)))
        some = s.scalar(select(Youth.id).limit(1).offset(500))
    timings_all, timings_one = [], []
    counts = (0, 0, 0)
    for _ in range(args.runs):
        t = time.perf_counter()
        counts = deadlines.overview(store, today).counts
        timings_all.append(time.perf_counter() - t)
        t = time.perf_counter()
        deadlines.overview(store, today, caseworker_id=1)
        timings_one.append(time.perf_counter() - t)
    t = time.perf_counter()
    with store.session() as s:
        deadlines.refresh(s, some)
    refresh_ms = (time.perf_counter() - t) * 1000
    store.close()
    result = {
        "youths": youths,
        "conversations": talks,
        "deadline_rows": rows,
        "overview_all_median_s": round(statistics.median(timings_all), 3),
        "overview_all_max_s": round(max(timings_all), 3),
        "overview_one_caseworker_median_s": round(statistics.median(timings_one), 3),
        "overdue_this_week_next_week": counts,
        "refresh_one_case_ms": round(refresh_ms, 1),
    }
    print(json.dumps(result, indent=2))
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "deadlines.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
