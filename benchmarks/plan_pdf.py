"""The young person's plan PDF: one plan, and a batch of 1,000 (e.g. all handed out this week).

    python benchmarks/plan_pdf.py [--youths 3000] [--batch 1000] [--runs 50]

Prepares (once) a demo store in benchmarks/.cache/ (`ungedesk init` + `ungedesk demo`, whose
plans and progression readings are synthetic), then times:
- render_handout for the richest plan in the store (chart included), handout and PDF/A;
- write_plan_pdf: the whole export of one plan (read, audit, render, log, write);
- write_batch over 1,000 plans, handed-out versions first, on one thread as the worker
  runs it, with the progress callback counted.
Goal (issue): one plan in at most 150 ms including the chart. Figures go to
benchmarks/results/plan_pdf.json.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
PASSPHRASE = "benchmark: fire tilfældige ord i en kasse"


def prepare(youths: int, env: dict[str, str]) -> Path:
    data = HERE / ".cache" / f"plans-{youths}"
    if (data / "ungedesk.db").exists():
        return data
    base = [sys.executable, "-m", "ungedesk", "--data-dir", str(data)]
    subprocess.run(
        [
            *base,
            "init",
            "--name",
            "Bench Mark",
            "--initials",
            "BM",
            "--no-keyring",
            "--municipality",
            "Demo Kommune",
        ],
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
    print(f"prepared {youths:,} young people in {time.perf_counter() - t:.1f} s", flush=True)
    return data


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--youths", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    env = dict(
        os.environ,
        UNGEDESK_PASSPHRASE=PASSPHRASE,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    data = prepare(args.youths, env)
    os.environ.update(env)

    from pypdf import PdfReader
    from sqlalchemy import select

    from ungedesk.services import plan, plan_export, plan_pdf, setup
    from ungedesk.services.progress import Progress
    from ungedesk.store.models import Plan, Youth
    from ungedesk.store.paths import StorePaths

    opened = setup.unlock(StorePaths(data))
    store = opened.store
    today = date.today()
    now = datetime.now().astimezone()
    results: dict[str, object] = {
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores",
        "python": platform.python_version(),
        "youths": args.youths,
    }
    work = Path(tempfile.mkdtemp(prefix="plan-pdf-bench-"))
    try:
        handed_out = plan.handed_out_between(store, date(2000, 1, 1), date(2100, 1, 1))
        with store.session() as s:
            with_plan = [int(y) for y in s.scalars(select(Plan.youth_id).order_by(Plan.youth_id))]
            everyone = [int(y) for y in s.scalars(select(Youth.id).order_by(Youth.id))]
        print(f"{len(handed_out):,} handed-out versions, {len(with_plan):,} plans", flush=True)

        # The richest plan: most rows, so the most table and page work.
        def size(youth_id: int) -> int:
            h = plan.handout(store, youth_id, today=today, now=now)
            c = h.content
            return (
                len(c.subgoals)
                + len(c.interventions)
                + len(c.applications)
                + len(c.contacts)
                + len(c.own_wishes) // 80
                + (10 if h.latest_reading else 0)
            )

        sample = (with_plan or everyone)[:200]
        richest = max(sample, key=size)
        handout = plan.handout(store, richest, today=today, now=now)

        t = time.perf_counter()
        first = plan_pdf.render_handout(handout)
        results["render_first_ms"] = ms(time.perf_counter() - t)
        for archive in (False, True):
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                pdf = plan_pdf.render_handout(handout, archive=archive)
                times.append(time.perf_counter() - t)
            key = "render_archive" if archive else "render"
            results[f"{key}_median_ms"] = ms(statistics.median(times))
            results[f"{key}_max_ms"] = ms(max(times))
            results[f"{key}_bytes"] = len(pdf)
        results["pages"] = len(PdfReader(io.BytesIO(first)).pages)
        results["chart"] = handout.latest_reading is not None

        times = []
        for i in range(min(args.runs, 20)):
            t = time.perf_counter()
            plan_export.write_plan_pdf(store, richest, work / f"one-{i}.pdf", today=today, now=now)
            times.append(time.perf_counter() - t)
        results["write_plan_pdf_median_ms"] = ms(statistics.median(times))

        items: list[tuple[int, int | None]] = list(handed_out[: args.batch])
        have = {y for y, _ in items}
        for youth_id in with_plan + everyone:
            if len(items) >= args.batch:
                break
            if youth_id not in have:
                items.append((youth_id, None))
                have.add(youth_id)
        calls = 0

        def count(done: int, total: int, label: str) -> None:
            nonlocal calls
            calls += 1

        progress = Progress(count)

        for archive in (False, True):
            out_dir = work / ("arkiv" if archive else "batch")
            t = time.perf_counter()
            paths = plan_export.write_batch(
                store, items, out_dir, archive=archive, today=today, now=now, progress=progress
            )
            seconds = time.perf_counter() - t
            key = "batch_archive" if archive else "batch"
            results[f"{key}_plans"] = len(paths)
            results[f"{key}_seconds"] = round(seconds, 1)
            results[f"{key}_per_plan_ms"] = ms(seconds / max(1, len(paths)))
            results[f"{key}_mb"] = round(sum(p.stat().st_size for p in paths) / 1e6, 1)
        results["progress_calls"] = calls
    finally:
        store.close()
        shutil.rmtree(work, ignore_errors=True)

    out = HERE / "results" / "plan_pdf.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    for key, value in results.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
