"""A rule update at 100,000 young people: recompute every deadline, and the Frister query.

    python benchmarks/rules_recompute.py [--youths 100000] [--runs 5]

Uses (and makes, once) the same demo store as deadlines_overview.py in benchmarks/.cache/,
works on a copy of it, and times:

(a) ``rulesets.apply`` of a newer rule file (the shipped rules with the first jobsamtale
    moved from 1 to 2 weeks and the four jobsamtaler cut to three): parse, diff, recompute
    every case, rewrite the changed ones, audit, one commit. Goal (issue 11): <= 60 s.
    Floor, measured in the same run on the same store: deleting every deadline row and
    inserting the same number of precomputed rows, one INSERT per row (executemany) in one
    transaction (rolled back, Core executemany) - the least any recompute that rewrote
    every row would cost. (The recompute rewrites only the rows that differ.)
    Also the preview (the same recompute in a rolled-back transaction).
(b) ``deadlines.overview`` (the Frister view's query) for everybody, after the update.
    Goal: <= 1 s. Floor: a bare ``SELECT count(*) FROM deadline``.

Figures go to benchmarks/results/rules.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
PASSPHRASE = "benchmark: fire tilfældige ord i en kasse"


def prepare(youths: int, env: dict[str, str]) -> Path:
    data = HERE / ".cache" / f"cases-{youths}"
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
            [*base, "demo", "--youths", str(youths), "--seed", "1"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print(f"prepared {youths:,} cases in {time.perf_counter() - t:.1f} s")
    work = HERE / ".cache" / f"rules-work-{youths}"
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(data, work, ignore=shutil.ignore_patterns("*.lock", "logs"))
    return work


def newer_rule_file(shipped: str, version: date) -> bytes:
    body = "\n".join(line for line in shipped.splitlines() if not line.startswith("version"))
    body = body.replace("period = { weeks = 1 }", "period = { weeks = 2 }", 1)
    body = body.replace("count = 4", "count = 3", 1)
    return (f'version = "{version.isoformat()}"\n' + body).encode("utf-8")


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
    work = prepare(args.youths, env)
    os.environ.update(env)
    from sqlalchemy import delete, func, insert, select

    from ungedesk.services import deadlines, rule_store, rulesets, setup
    from ungedesk.store.models import Conversation, DeadlineRow, Youth
    from ungedesk.store.paths import StorePaths

    opened = setup.unlock(StorePaths(work))
    store = opened.store
    today = date.today()
    with store.session() as s:
        youths = int(s.scalar(select(func.count(Youth.id))) or 0)
        talks = int(s.scalar(select(func.count(Conversation.id))) or 0)
        rows_before = int(s.scalar(select(func.count(DeadlineRow.id))) or 0)

    shipped = rule_store.shipped_version() or date(2026, 12, 1)
    data = newer_rule_file(rule_store.shipped_text(), date(shipped.year + 1, 1, 1))

    def report(label: str) -> rulesets.Progress:
        last = [-1]

        def step(done: int, total: int) -> None:
            tenth = done * 10 // max(1, total)
            if tenth != last[0]:
                last[0] = tenth
                print(f"  {label}: {done:,}/{total:,}", file=sys.stderr, flush=True)

        return step

    t = time.perf_counter()
    preview = rulesets.preview(store, data, progress=report("preview"))
    preview_s = time.perf_counter() - t

    # The floor: the same number of rows deleted and inserted, precomputed, then rolled back.
    with store.session() as s:
        stored = [
            dict(row._mapping)
            for row in s.execute(
                select(
                    DeadlineRow.youth_id,
                    DeadlineRow.rule_id,
                    DeadlineRow.start,
                    DeadlineRow.due,
                    DeadlineRow.met,
                    DeadlineRow.met_on,
                    DeadlineRow.done,
                )
            )
        ]
    floor_rows = stored[: preview.recomputed.deadlines_after] or stored
    while len(floor_rows) < preview.recomputed.deadlines_after:
        floor_rows += stored[: preview.recomputed.deadlines_after - len(floor_rows)]

    class _UndoError(Exception):
        pass

    t = time.perf_counter()
    try:
        with store.session() as s:
            s.execute(delete(DeadlineRow))
            s.connection().execute(insert(DeadlineRow), floor_rows)
            s.flush()
            floor_s = time.perf_counter() - t
            raise _UndoError
    except _UndoError:
        pass

    t = time.perf_counter()
    applied = rulesets.apply(store, data, progress=report("apply"))
    apply_s = time.perf_counter() - t

    overview_runs, count_runs = [], []
    counts = (0, 0, 0)
    for _ in range(args.runs):
        t = time.perf_counter()
        counts = deadlines.overview(store, today).counts
        overview_runs.append(time.perf_counter() - t)
        t = time.perf_counter()
        with store.session() as s:
            s.scalar(select(func.count()).select_from(DeadlineRow))
        count_runs.append(time.perf_counter() - t)
    store.close()
    shutil.rmtree(work)

    overview_s = statistics.median(overview_runs)
    count_s = statistics.median(count_runs)
    result = {
        "youths": youths,
        "conversations": talks,
        "deadline_rows_before": rows_before,
        "deadline_rows_after": applied.recomputed.deadlines_after,
        "cases_changed": applied.recomputed.cases_changed,
        "rules_changed": len(applied.changes),
        "preview_s": round(preview_s, 2),
        "apply_s": round(apply_s, 2),
        "floor_delete_insert_rows_s": round(floor_s, 2),
        "apply_to_floor": round(apply_s / floor_s, 1) if floor_s else None,
        "overview_all_median_s": round(overview_s, 3),
        "overview_all_max_s": round(max(overview_runs), 3),
        "floor_select_count_median_s": round(count_s, 4),
        "overview_to_floor": round(overview_s / count_s, 1) if count_s else None,
        "overdue_this_week_next_week": counts,
    }
    print(json.dumps(result, indent=2))
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "rules.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
