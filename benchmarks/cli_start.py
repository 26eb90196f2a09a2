"""How long ``ungedesk --version`` and ``ungedesk --help`` take, against a bare interpreter.

    python benchmarks/cli_start.py [--runs 7]

Each run is a fresh process (``python -m ungedesk ...``) timed from just before it is
started to just after it has ended, so the interpreter's own start is included, as a user
feels it. The floor, ``python -c pass``, is measured in the same rounds, interleaved with
the others, so that a busy machine slows all of them alike. Goal (issue 13): --version and
--help in at most 0.15 s. Figures go to benchmarks/results/cli_start.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"

CASES: dict[str, list[str]] = {
    "floor (python -c pass)": ["-c", "pass"],
    "ungedesk --version": ["-m", "ungedesk", "--version"],
    "ungedesk --help": ["-m", "ungedesk", "--help"],
}


def once(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, *args],
        cwd=HERE.parent,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for case in CASES.values():  # warm the file cache; not counted
        once(case)
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(args.runs):
        for name, case in CASES.items():
            times[name].append(once(case))
    floor = statistics.median(times["floor (python -c pass)"])
    rows = {}
    for name, values in times.items():
        median = statistics.median(values)
        rows[name] = {
            "median_s": round(median, 4),
            "min_s": round(min(values), 4),
            "max_s": round(max(values), 4),
            "ratio_to_floor": round(median / floor, 1),
        }
        print(
            f"{name:24} median {median * 1000:6.1f} ms  (min {min(values) * 1000:.1f}, "
            f"max {max(values) * 1000:.1f})  {median / floor:4.1f}x floor"
        )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "cli_start.json").write_text(
        json.dumps(
            {
                "date": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": f"{platform.machine()} {platform.system()} {platform.release()}",
                "python": platform.python_version(),
                "runs": args.runs,
                "goal_s": 0.15,
                "cases": rows,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
