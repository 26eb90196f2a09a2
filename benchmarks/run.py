"""UngeDesk's speed as the caseworker feels it, each figure beside a floor measured in the
same run. ``python dev.py bench`` runs this; figures go to benchmarks/results/latest.json
and a table to benchmarks/RESULTS.md.

    python dev.py bench [--quick] [--runs 5] [--sizes 10000 100000] [--skip check ...]
                        [--also deadlines_overview ...] [--no-write]

Every start is a fresh process, and each UngeDesk run is paired with its floor run in the
same loop (alternating), after one unmeasured pair that warms the OS cache and the
bytecode. Medians and maxima are reported, and the ratio of the medians. Starts are
keyring starts: the child finds the data key in a keyring (bench_keyring.FileKeyring,
selected by PYTHON_KEYRING_BACKEND) and gets no passphrase, so it does no scrypt, as a
caseworker's start does not; the harness checks that before measuring. Qt runs offscreen.

1. start to the painted register (``ungedesk --measure-startup``): the child's own
   ``startup_ms`` (since the OS started it) and the parent's spawn-to-line wall time, at
   each size; floor: floor_startup.py (Qt, raw-key SQLCipher, 50 rows by name, one paint).
2. search at the largest size (startup_probe.py search): keystroke to the filtered list
   repainted once the index is ready, and one keystroke before it is; floor: the same
   keystrokes as a substring scan over a Python list (store_figures.search_floor).
3. peak memory (VmHWM) after the first paint and four searches; floor: floor_startup.py's.
4. ``ungedesk --version`` and ``--help``; floor: ``python -c pass``.
5. closing the window right after the start, and opening a record (startup_probe.py).
6. encryption cost and where the store's bytes go (store_figures.py).
7. ``ungedesk check``; floor: floor_check.py (scrypt unwrap and both integrity checks).

Stores: benchmarks/.cache/store-<n>, made once with ``ungedesk init`` + ``ungedesk demo
--youths n --seed 1`` (or copied from the deadline benchmarks' cases-<n>, the same recipe).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
RESULTS = HERE / "results"
PASSPHRASE = "benchmark: fire tilfældige ord i en kasse"
sys.path[:0] = [str(ROOT), str(HERE)]
# The UngeDesk the children run: this checkout, or another one given by --app-root (to
# measure another branch with this harness).
APP_ROOT = ROOT

import bench_keyring  # noqa: E402
import report  # noqa: E402
import store_figures  # noqa: E402

PART_NAMES = ("startup", "imports", "cli", "search", "record", "close", "store", "check")
# Libraries the first window does not need (issue 13): each should be imported only when used.
NOT_FOR_THE_FIRST_WINDOW = (
    "reportlab",
    "PIL",
    "pikepdf",
    "icalendar",
    "faker",
    "zxcvbn",
    "holidays",
    "alembic",
    "openpyxl",
)
OTHER_BENCHMARKS = (
    "deadlines_overview",
    "deadlines_view",
    "plan_pdf",
    "progression_view",
    "rules_recompute",
    "catalogue_search",
)
CHILD_TIMEOUT_S = 300


def say(text: str) -> None:
    print(text, flush=True)


# --- environments ----------------------------------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNGEDESK_")}
    path = [str(APP_ROOT), str(HERE)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(path),
        PYTHONIOENCODING="utf-8",
        PYTHONFAULTHANDLER="1",  # a crash in a child names its stack instead of exiting mute
        BENCH_KEYRING_FILE=str(bench_keyring.keyring_file()),
    )
    env.update(extra)
    return env


def keyring_env() -> dict[str, str]:
    """A caseworker's start: the key is in the keyring, no passphrase anywhere."""
    return _env(PYTHON_KEYRING_BACKEND="bench_keyring.FileKeyring")


def passphrase_env() -> dict[str, str]:
    """A start with no keyring: the passphrase unwraps the key file (scrypt)."""
    return _env(
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", UNGEDESK_PASSPHRASE=PASSPHRASE
    )


def ungedesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "ungedesk", *args]


# --- stores ----------------------------------------------------------------------------


def prepare(size: int) -> Path:
    """The demo store with ``size`` young people, made once."""
    data = CACHE / f"store-{size}"
    if (data / "ungedesk.db").exists():
        return data
    shared = CACHE / f"cases-{size}"  # deadlines_overview.py's and rules_recompute.py's
    if (shared / "ungedesk.db").exists() and not (shared / "ungedesk.db-wal").exists():
        say(f"copying the {size:,} store from {shared.name}/")
        shutil.copytree(shared, data, ignore=shutil.ignore_patterns("*.lock", "logs"))
        return data
    say(f"preparing a store with {size:,} young people (at 100,000 this takes many minutes)")
    init = ["init", "--name", "Bench Mark", "--initials", "BM", "--unit", "Benchmark"]
    subprocess.run(
        ungedesk("--data-dir", str(data), *init, "--no-keyring"),
        cwd=APP_ROOT,
        env=passphrase_env(),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    t = time.perf_counter()
    subprocess.run(
        ungedesk("--data-dir", str(data), "demo", "--youths", str(size), "--seed", "1"),
        cwd=APP_ROOT,
        env=passphrase_env(),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    say(f"  demo data: {time.perf_counter() - t:.1f} s")
    return data


def fill_keyring(data: Path) -> None:
    """Put the store's key where a keyring start finds it: unwrapped once with the
    passphrase, under the entry name the app uses (ungedesk.store.keys)."""
    from ungedesk.store import keys

    kf = keys.load_key_file(data / "ungedesk.key")
    user = f"store-{kf.store_id}"
    path = bench_keyring.keyring_file()
    known = bench_keyring.read_entries(path).get(
        bench_keyring.entry_name(keys.KEYRING_SERVICE, user)
    )
    if known is not None and keys.key_check(bytes.fromhex(known)) == kf.check:
        return
    key = keys.unwrap(kf, PASSPHRASE)
    bench_keyring.write_entry(path, keys.KEYRING_SERVICE, user, key.hex())


NEEDS_PASSPHRASE = (
    "import sys; from pathlib import Path; from ungedesk.services import setup; "
    "from ungedesk.store.paths import StorePaths; "
    "print(setup.needs_passphrase(StorePaths(Path(sys.argv[1]))))"
)


def verify_keyring_start(data: Path) -> None:
    """The children must find the key in the keyring: a start that needed the passphrase
    would do scrypt (and, with none given, wait at the unlock dialog)."""
    out = subprocess.run(
        [sys.executable, "-c", NEEDS_PASSPHRASE, str(data)],
        cwd=APP_ROOT,
        env=keyring_env(),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    if out.returncode != 0 or out.stdout.strip() != "False":
        raise SystemExit(
            f"{data.name}: a keyring start would need the passphrase "
            f"(needs_passphrase: {out.stdout.strip() or out.stderr.strip()[-300:]})"
        )


# --- running children ------------------------------------------------------------------


def run_until_line(cmd: list[str], env: dict[str, str], prefix: str) -> tuple[str, float]:
    """Start ``cmd`` and wait for its stdout line starting with ``prefix``. Returns the
    line and the milliseconds from spawning to reading it; the child is then let finish.
    A child that hangs (a message box no one can click offscreen) is killed after
    CHILD_TIMEOUT_S."""
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        with subprocess.Popen(
            cmd, cwd=APP_ROOT, env=env, stdout=subprocess.PIPE, stderr=err, text=True
        ) as child:
            watchdog = threading.Timer(CHILD_TIMEOUT_S, child.kill)
            watchdog.start()
            try:
                assert child.stdout is not None
                found, wall = "", 0.0
                for line in child.stdout:
                    if line.startswith(prefix):
                        wall = (time.perf_counter() - t) * 1000
                        found = line.strip()
                        break
                child.stdout.read()
                code = child.wait()
            finally:
                watchdog.cancel()
        if not found or code != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            raise ChildError(f"{' '.join(cmd[1:])} gave no {prefix} (exit {code}):\n{tail}")
    return found, wall


def key_values(line: str) -> dict[str, float]:
    """``startup_ms=123 rows=50`` as numbers."""
    return {k: float(v) for k, v in (part.split("=", 1) for part in line.split())}


class ChildError(Exception):
    """A measured child ended with an error: said in the results, the other parts go on."""


def wall_ms(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    out = subprocess.run(cmd, cwd=APP_ROOT, env=env, capture_output=True, timeout=CHILD_TIMEOUT_S)
    elapsed = (time.perf_counter() - t) * 1000
    if out.returncode != 0:
        said = (out.stderr or out.stdout).decode("utf-8", "replace").strip()[-500:]
        raise ChildError(f"{' '.join(cmd[2:])}: exit {out.returncode}: {said}")
    return elapsed


def probe(mode: str, data: Path, *youth_ids: int) -> dict[str, Any]:
    cmd = [sys.executable, str(HERE / "startup_probe.py"), mode, str(data)]
    cmd += [str(i) for i in youth_ids]
    out = subprocess.run(
        cmd,
        cwd=APP_ROOT,
        env=keyring_env(),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    ended = time.monotonic()
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        raise ChildError(
            f"startup_probe {mode} failed (exit {out.returncode}):\n"
            f"{out.stdout[-1000:]}{out.stderr[-8000:]}"
        )
    result: dict[str, Any] = json.loads(lines[-1])
    if "closed_at" in result:
        result["process_end_ms"] = round((ended - result.pop("closed_at")) * 1000, 1)
    return result


def paired_runs(
    runs: int, first: Callable[[], dict[str, float]], second: Callable[[], dict[str, float]]
) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """``first`` and ``second`` alternately, after one unmeasured run of each."""
    first(), second()
    a, b = [], []
    for _ in range(runs):
        a.append(first())
        b.append(second())
    return a, b


def stats(values: list[float], digits: int = 0) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), digits),
        "max": round(max(values), digits),
        "runs": len(values),
    }


def ratio(a: float, b: float) -> float:
    return round(a / b, 2) if b else 0.0


# --- the measurements ------------------------------------------------------------------


def startup(data: Path, runs: int) -> dict[str, Any]:
    def app() -> dict[str, float]:
        line, wall = run_until_line(
            ungedesk("--data-dir", str(data), "--measure-startup"), keyring_env(), "startup_ms="
        )
        return {**key_values(line), "wall_ms": wall}

    def floor() -> dict[str, float]:
        line, wall = run_until_line(
            [sys.executable, str(HERE / "floor_startup.py"), str(data)],
            keyring_env(),
            "startup_ms=",
        )
        return {**key_values(line), "wall_ms": wall}

    apps, floors = paired_runs(runs, app, floor)
    entry = {
        "youths": int(apps[0]["rows"]),
        "app_ms": stats([r["startup_ms"] for r in apps]),
        "app_wall_ms": stats([r["wall_ms"] for r in apps]),
        "floor_ms": stats([r["startup_ms"] for r in floors]),
        "floor_wall_ms": stats([r["wall_ms"] for r in floors]),
        "floor_peak_kib": stats([r["peak_kib"] for r in floors]),
    }
    entry["ratio"] = ratio(entry["app_ms"]["median"], entry["floor_ms"]["median"])
    entry["wall_ratio"] = ratio(entry["app_wall_ms"]["median"], entry["floor_wall_ms"]["median"])
    return entry


def imports(data: Path) -> dict[str, Any]:
    """One start under ``-X importtime`` (slower, so not a timing figure): how much of the
    start is imports, the heaviest top-level ones, and which libraries the first window
    does not need were imported anyway (before or after the first paint)."""
    cmd = [sys.executable, "-X", "importtime", *ungedesk("--data-dir", str(data))[1:]]
    out = subprocess.run(
        [*cmd, "--measure-startup"],
        cwd=APP_ROOT,
        env=keyring_env(),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    return import_figures(out.stderr, out.stdout)


def import_figures(stderr: str, stdout: str) -> dict[str, Any]:
    """What ``-X importtime`` wrote (``self | cumulative | name``, nested by indentation)."""
    top: dict[str, float] = {}
    own: dict[str, float] = {}  # each package's own modules' time (self), summed
    for line in stderr.splitlines():
        if not line.startswith("import time:") or line.count("|") != 2:
            continue
        self_us, cumulative, name = line.removeprefix("import time:").split("|")
        if not cumulative.strip().isdigit():
            continue  # the header line
        package = name.strip().split(".")[0]
        own[package] = own.get(package, 0.0) + int(self_us) / 1000
        if not name.startswith("  "):
            top[name.strip()] = top.get(name.strip(), 0.0) + int(cumulative) / 1000
    heaviest = sorted(own.items(), key=lambda item: -item[1])[:10]
    line = stdout.strip().splitlines()[-1] if stdout.strip() else ""
    return {
        "startup_ms_under_importtime": key_values(line)["startup_ms"]
        if line.startswith("startup_ms=")
        else None,
        "imports_ms": round(sum(top.values())),
        "heaviest_packages_ms": [[name, round(ms)] for name, ms in heaviest],
        "not_needed_but_imported": [m for m in NOT_FOR_THE_FIRST_WINDOW if m in own],
    }


def cli(runs: int) -> dict[str, Any]:
    env = passphrase_env()
    pass_cmd = [sys.executable, "-c", "pass"]
    figures: dict[str, Any] = {}
    for flag in ("--version", "--help"):
        apps, floors = paired_runs(
            runs,
            lambda flag=flag: {"ms": wall_ms(ungedesk(flag), env)},  # type: ignore[misc]
            lambda: {"ms": wall_ms(pass_cmd, env)},
        )
        app_ms, floor_ms = [r["ms"] for r in apps], [r["ms"] for r in floors]
        figures[flag.lstrip("-")] = {
            "app_ms": stats(app_ms),
            "floor_ms": stats(floor_ms),
            "ratio": ratio(statistics.median(app_ms), statistics.median(floor_ms)),
        }
    return figures


def search(data: Path, runs: int) -> dict[str, Any]:
    results = [probe("search", data) for _ in range(runs)]
    timings = sorted(t for r in results for t in r["keystroke_ms"])
    pre = [r["pre_index"] for r in results if r.get("pre_index")]
    return {
        "runs": runs,
        "count": len(timings),
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(store_figures.percentile(timings, 0.95), 1),
        "max_ms": round(timings[-1], 1),
        "pre_index": {
            "ms": stats([p["ms"] for p in pre], 1),
            "query": pre[0]["query"],
            "answered_before_index": sum(not p["index_ready_when_answered"] for p in pre),
        }
        if pre
        else None,
        "peak_kib": stats([float(r["peak_kib_after_searches"]) for r in results]),
    }


def heaviest_youth(data: Path) -> int:
    """The young person with the most conversations: the record that reads the most."""
    conn = store_figures.connect_encrypted(data / "ungedesk.db", store_figures.store_key(data))
    try:
        row = conn.execute(
            "SELECT youth_id FROM conversation GROUP BY youth_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return int(row[0])


def records(data: Path, runs: int) -> dict[str, Any]:
    heavy = heaviest_youth(data)
    results = [probe("record", data, heavy)["records"] for _ in range(runs)]
    return {
        "first_in_list_ms": stats([r["first_in_list"] for r in results], 1),
        "longest_history_ms": stats([r[f"youth_{heavy}"] for r in results], 1),
    }


def close(data: Path, runs: int) -> dict[str, Any]:
    results = [probe("close", data) for _ in range(runs)]
    return {
        "exec_ms": stats([r["exec_ms"] for r in results], 1),
        "shutdown_ms": stats([r["shutdown_ms"] for r in results], 1),
        "process_end_ms": stats([r["process_end_ms"] for r in results], 1),
        "index_ready_at_close": sum(bool(r["index_ready_at_close"]) for r in results),
    }


def check(data: Path, runs: int) -> dict[str, Any]:
    env = passphrase_env()
    apps, floors = paired_runs(
        runs,
        lambda: {"ms": wall_ms(ungedesk("--data-dir", str(data), "check"), env)},
        lambda: {"ms": wall_ms([sys.executable, str(HERE / "floor_check.py"), str(data)], env)},
    )
    app_ms, floor_ms = [r["ms"] for r in apps], [r["ms"] for r in floors]
    return {
        "app_ms": stats(app_ms),
        "floor_ms": stats(floor_ms),
        "ratio": ratio(statistics.median(app_ms), statistics.median(floor_ms)),
    }


# --- where and what --------------------------------------------------------------------


def machine() -> dict[str, Any]:
    import PySide6
    import sqlcipher3
    from PySide6.QtCore import qVersion

    conn = sqlcipher3.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    conn.close()
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass

    def describe(root: Path) -> str:
        out = subprocess.run(
            ["git", "-C", str(root), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
        )
        return out.stdout.strip() if out.returncode == 0 else f"{root.name} (not a git checkout)"

    commit = describe(APP_ROOT)
    if APP_ROOT != ROOT:
        commit += f", harness {describe(ROOT)}"
    return {
        "when": time.strftime("%Y-%m-%d %H:%M %Z"),
        "system": f"{platform.system()} {platform.machine()}",
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": qVersion(),
        "sqlcipher": str(cipher),
        "sqlite": sqlcipher3.sqlite_version,
        "commit": commit,
        "qt_platform": "offscreen",
    }


def load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5, help="paired starts per size (>= 5)")
    parser.add_argument("--cli-runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="2 runs of everything (a try)")
    parser.add_argument("--skip", nargs="+", default=[], choices=PART_NAMES, metavar="PART")
    parser.add_argument(
        "--also",
        nargs="+",
        default=[],
        choices=OTHER_BENCHMARKS,
        metavar="BENCHMARK",
        help="also run these benchmark scripts afterwards (they write their own results)",
    )
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument(
        "--app-root",
        type=Path,
        default=ROOT,
        help="measure the UngeDesk in this folder (another checkout); default: this one",
    )
    args = parser.parse_args(argv)
    global APP_ROOT
    APP_ROOT = args.app_root.resolve()
    runs = 2 if args.quick else args.runs
    cli_runs = 2 if args.quick else args.cli_runs
    parts = [p for p in PART_NAMES if p not in args.skip]
    largest = max(args.sizes)

    summary: dict[str, Any] = {"machine": machine(), "quick": args.quick, "runs": runs}
    summary["load_before"] = load_average()
    t_all = time.perf_counter()
    stores = {size: prepare(size) for size in args.sizes}
    for data in stores.values():
        fill_keyring(data)
        verify_keyring_start(data)
        # Unmeasured: brings the store to this version's schema (a migration runs once,
        # here, not in a measured start) and warms the OS cache.
        try:
            run_until_line(
                ungedesk("--data-dir", str(data), "--measure-startup"), keyring_env(), "startup_ms="
            )
        except ChildError as exc:  # e.g. a store migrated by newer code than the measured one
            raise SystemExit(f"UngeDesk does not start on {data.name}: {exc}") from None
    big = stores[largest]

    check_runs = 1 if args.quick else 3
    steps: list[tuple[str, str, Callable[[], Any]]] = [
        (
            "startup",
            f"start to the painted register ({runs} pairs per size) …",
            lambda: {str(size): startup(data, runs) for size, data in stores.items()},
        ),
        ("imports", "one start under -X importtime …", lambda: imports(big)),
        ("cli", f"ungedesk --version / --help ({cli_runs} pairs) …", lambda: cli(cli_runs)),
        ("search", f"search and memory ({runs} processes) …", lambda: search(big, runs)),
        ("record", f"opening a record ({runs} processes) …", lambda: records(big, runs)),
        ("close", f"closing right after the start ({runs} processes) …", lambda: close(big, runs)),
        (
            "store",
            "encryption cost, search floor and size …",
            lambda: store_figures.figures(big, runs),
        ),
        ("check", f"ungedesk check ({check_runs} pairs) …", lambda: check(big, check_runs)),
    ]
    errors: dict[str, str] = {}
    for name, text, measure in steps:
        if name not in parts:
            continue
        say(text)
        try:
            summary[name] = measure()
        except ChildError as exc:  # one part's failure must not lose the others' figures
            errors[name] = str(exc)
            say(f"  failed: {exc}")
            continue
        if name == "startup":
            for size, entry in summary[name].items():
                say(f"  {int(size):,}: {report.startup_line(entry)}")
    if errors:
        summary["errors"] = errors
    summary["load_after"] = load_average()
    summary["bench_s"] = round(time.perf_counter() - t_all)

    markdown = report.render(summary)
    say("")
    say(markdown)
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "latest.json").write_text(json.dumps(summary, indent=2) + "\n")
        report.write_section(HERE / "RESULTS.md", markdown)
        say("written: benchmarks/results/latest.json, benchmarks/RESULTS.md")
    failures = len(errors)
    for name in args.also:
        say(f"benchmarks/{name}.py …")
        failures += subprocess.call([sys.executable, str(HERE / f"{name}.py")], env=_env()) != 0
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
