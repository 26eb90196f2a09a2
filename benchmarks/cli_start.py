"""How long ``ungedesk --version`` and ``ungedesk --help`` take, against a bare interpreter.

    python benchmarks/cli_start.py [--runs 7]

Each run is a fresh process (``python -m ungedesk ...``) timed from just before it is
started to just after it has ended, so the interpreter's own start is included, as a user
feels it; the CPU time the child used (user + system, from getrusage) is given too, as it
varies less when other work shares the machine. The floor, ``python -c pass``, is measured
in the same rounds, interleaved with the others, so that a busy machine slows all of them
alike. Goal (issue 13): --version and
--help in at most 0.15 s. Figures go to benchmarks/results/cli_start.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
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


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def once(args: list[str]) -> tuple[float, float]:
    """Wall time and CPU time of one fresh process."""
    cpu = _children_cpu()
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, *args],
        cwd=HERE.parent,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - started, _children_cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for case in CASES.values():  # warm the file cache; not counted
        once(case)
    times: dict[str, list[float]] = {name: [] for name in CASES}
    cpus: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(args.runs):
        for name, case in CASES.items():
            wall, cpu = once(case)
            times[name].append(wall)
            cpus[name].append(cpu)
    floor = statistics.median(times["floor (python -c pass)"])
    floor_cpu = statistics.median(cpus["floor (python -c pass)"])
    rows = {}
    for name, values in times.items():
        median = statistics.median(values)
        cpu = statistics.median(cpus[name])
        rows[name] = {
            "median_s": round(median, 4),
            "min_s": round(min(values), 4),
            "max_s": round(max(values), 4),
            "ratio_to_floor": round(median / floor, 1),
            "cpu_median_s": round(cpu, 4),
            "cpu_ratio_to_floor": round(cpu / floor_cpu, 1),
        }
        print(
            f"{name:24} median {median * 1000:6.1f} ms  (min {min(values) * 1000:.1f}, "
            f"max {max(values) * 1000:.1f})  {median / floor:4.1f}x floor; "
            f"CPU {cpu * 1000:5.1f} ms  {cpu / floor_cpu:4.1f}x floor"
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
