"""UngeDesk benchmarks. Figures go to benchmarks/results/latest.json and are printed.

    python dev.py bench [--sizes 10000 100000] [--runs 5]

Stores are prepared once with `ungedesk init` + `ungedesk demo` in benchmarks/.cache/ (ignored
by git) and reused. Every start is measured in a fresh process. Goals (issue 2): an unlocked,
painted main window in at most 1.5 s, a search keystroke in at most 50 ms at 100,000.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
RESULTS = HERE / "results"
PASSPHRASE = "benchmark: fire tilfældige ord i en kasse"


def env() -> dict[str, str]:
    e = dict(os.environ)
    e.update(
        UNGEDESK_PASSPHRASE=PASSPHRASE,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        QT_QPA_PLATFORM="offscreen",
    )
    return e


def prepare(size: int) -> Path:
    data = CACHE / f"store-{size}"
    if (data / "ungedesk.db").exists():
        return data
    print(f"preparing a store with {size:,} young people …", flush=True)
    base = [sys.executable, "-m", "ungedesk", "--data-dir", str(data)]
    subprocess.run(
        [
            *base,
            "init",
            "--name",
            "Bench Mark",
            "--initials",
            "BM",
            "--unit",
            "Benchmark",
            "--no-keyring",
        ],
        env=env(),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    t = time.perf_counter()
    subprocess.run(
        [*base, "demo", "--youths", str(size), "--seed", "1"],
        env=env(),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    print(f"  demo data: {time.perf_counter() - t:.1f} s", flush=True)
    return data


def probe(data: Path, keystrokes: bool) -> dict[str, object]:
    cmd = [sys.executable, str(HERE / "startup_probe.py"), str(data)]
    if keystrokes:
        cmd.append("--keystrokes")
    out = subprocess.run(cmd, env=env(), check=True, capture_output=True, text=True, timeout=600)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    summary: dict[str, object] = {
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "startup": {},
    }
    for size in args.sizes:
        data = prepare(size)
        runs = [
            probe(data, keystrokes=(i == 0 and size == max(args.sizes))) for i in range(args.runs)
        ]
        windows = [float(r["window_s"]) for r in runs]  # type: ignore[arg-type]
        launches = [float(r["from_launch_s"]) for r in runs]  # type: ignore[arg-type]
        entry = {
            "youths": runs[0]["youths"],
            "window_median_s": round(statistics.median(windows), 3),
            "window_max_s": round(max(windows), 3),
            "from_launch_median_s": round(statistics.median(launches), 3),
            "import_median_s": round(statistics.median(float(r["import_s"]) for r in runs), 3),  # type: ignore[arg-type]
        }
        if "keystrokes" in runs[0]:
            summary["keystrokes"] = {"youths": runs[0]["youths"], **runs[0]["keystrokes"]}  # type: ignore[dict-item]
        summary["startup"][str(size)] = entry  # type: ignore[index]
        print(
            f"{size:>7,} young people: window {entry['window_median_s']} s (max "
            f"{entry['window_max_s']}), from launch {entry['from_launch_median_s']} s",
            flush=True,
        )
    if "keystrokes" in summary:
        print("keystroke → filtered list:", summary["keystrokes"])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(summary, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
