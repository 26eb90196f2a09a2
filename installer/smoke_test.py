"""Smoke-test a built UngeDesk bundle headless, step by step, saying which step failed.

    python installer/smoke_test.py                      # tests dist/UngeDesk
    python installer/smoke_test.py --bundle PATH        # another bundle (folder or .app)
    python installer/smoke_test.py --keep               # keep the temporary data dir

Steps (each prints PASS, FAIL or SKIP with the command and the tail of its output):
  layout        the files PyInstaller is most likely to lose are in the bundle
  libraries     (Linux) every bundled Qt library and plugin resolves its Qt dependencies
  version       `ungedesk --version` exits 0 and prints the project's version
  qt            `ungedesk --bundle-self-test`: Qt starts offscreen, renders a chart window,
                loads the Danish Qt translation and the icon, and imports every UI module
  init          `init ...` creates an encrypted store in a temporary data dir
  demo          `demo --youths 50 --seed 1` fills it
  check         `check` verifies it
  encrypted     the database file on disk is not plain SQLite (SQLCipher is really in use)
  gui           `ungedesk` with no command (the real GUI, offscreen) is still running after
                8 s with that store, has not crashed and has written no bug log

The CLI runs with a temporary data dir (UNGEDESK_DATA_DIR, and the platform's data/config
folders pointed into it), the passphrase in UNGEDESK_PASSPHRASE, and keyring's "fail" backend,
so the key can only come from the passphrase-wrapped key file and nothing touches the real
keyring or the user's data.

A step whose CLI command does not exist yet (argparse "invalid choice", or no ungedesk.cli in
the bundle) is SKIP, not FAIL, and the steps that need it are skipped too.
Exit status: 0 all passed; 1 something failed; 2 nothing failed but steps were skipped.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SELF_TEST_FLAG = "--bundle-self-test"  # handled by installer/entry.py
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Step:
    name: str
    status: str = "PENDING"  # PASS, FAIL, SKIP
    detail: str = ""
    seconds: float = 0.0
    output: list[str] = field(default_factory=list)


class Runner:
    def __init__(self, exe: Path, env: dict[str, str], verbose: bool) -> None:
        self.exe = exe
        self.env = env
        self.verbose = verbose
        self.steps: list[Step] = []
        self.cli_missing = False  # the bundle has no ungedesk.cli at all

    def record(self, step: Step) -> Step:
        self.steps.append(step)
        line = f"[{step.status}] {step.name}"
        if step.seconds:
            line += f" ({step.seconds:.1f} s)"
        if step.detail:
            line += f": {step.detail}"
        print(line, flush=True)
        if step.output and (step.status == "FAIL" or self.verbose):
            for out in step.output:
                print(f"    | {out}")
        return step

    def skip(self, name: str, why: str) -> Step:
        return self.record(Step(name, "SKIP", why))

    def run(self, name: str, args: Sequence[str], timeout: float, expect: str = "") -> Step:
        """Run the bundle's executable; PASS on exit 0 (and `expect` in stdout if given)."""
        step = Step(name)
        cmd = [str(self.exe), *args]
        started = time.monotonic()
        try:
            proc = subprocess.run(
                cmd,
                env=self.env,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
                stdin=subprocess.DEVNULL,  # a prompt for a passphrase must fail, not hang
                check=False,
            )
        except subprocess.TimeoutExpired:
            step.seconds = time.monotonic() - started
            step.status, step.detail = "FAIL", f"timed out after {timeout:.0f} s: {_show(args)}"
            return self.record(step)
        step.seconds = time.monotonic() - started
        combined = (proc.stdout + proc.stderr).strip()
        step.output = combined.splitlines()[-25:]
        if "No module named 'ungedesk.cli'" in combined:
            self.cli_missing = True
            step.status = "SKIP"
            step.detail = "ungedesk.cli is not in the bundle (not written yet?)"
        elif proc.returncode == 2 and "invalid choice" in proc.stderr:
            step.status = "SKIP"
            step.detail = f"the CLI has no such command yet: {_show(args)}"
        elif proc.returncode != 0:
            step.status = "FAIL"
            step.detail = f"exit code {proc.returncode}: {_show(args)}"
        elif expect and expect not in proc.stdout:
            step.status = "FAIL"
            step.detail = f"exit 0 but {expect!r} not in the output: {_show(args)}"
        else:
            step.status = "PASS"
            first = proc.stdout.strip().splitlines()
            step.detail = first[-1][:120] if first else ""
        return self.record(step)

    def run_gui(self, name: str, seconds: float, logs: Path) -> Step:
        """Start the real GUI (no command) offscreen; PASS if it is still up after `seconds`.

        The window waits for a user, so "running without having crashed" is the signal; the
        process is then terminated (it is ours, started here).
        """
        step = Step(name)
        before = _log_sizes(logs)
        started = time.monotonic()
        proc = subprocess.Popen(
            [str(self.exe)],
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        try:
            out, _ = proc.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            proc.terminate()
            try:
                out, _ = proc.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                out, _ = proc.communicate()
            step.status = "PASS"
            step.detail = f"GUI still running after {seconds:.0f} s (stopped by the test)"
        else:
            step.status = "PASS" if proc.returncode == 0 else "FAIL"
            step.detail = f"GUI exited by itself with code {proc.returncode}"
        step.seconds = time.monotonic() - started
        step.output = (out or "").strip().splitlines()[-25:]
        # A bug caught by the UI shows a dialog and keeps running, so "still up" is not enough:
        # a bug log written meanwhile (<data dir>/logs, as the CLI and UI do) is a failure.
        grown = [f for f, size in _log_sizes(logs).items() if size != before.get(f)]
        if grown:
            step.status = "FAIL"
            step.detail = "the GUI logged a bug: " + ", ".join(f.name for f in grown)
            for f in grown:
                step.output.extend(
                    f.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
                )
        return self.record(step)


def _log_sizes(logs: Path) -> dict[Path, int]:
    return {f: f.stat().st_size for f in logs.glob("*.log")} if logs.is_dir() else {}


def _show(args: Sequence[str]) -> str:
    return "ungedesk " + " ".join(args)


def project_version() -> str | None:
    sys.path.insert(0, str(ROOT))
    from installer import project

    try:
        return project.version()
    except (OSError, ValueError):
        return None


def find_executable(bundle: Path) -> Path:
    """The console executable: `--version` and `check` need one with a stdout.

    Windows and macOS bundles have a windowed UngeDesk plus a console ungedesk-cli (see
    installer/ungedesk.spec); Linux has one `ungedesk`.
    """
    if bundle.suffix == ".app":
        bundle = bundle / "Contents" / "MacOS"
    for name in ("ungedesk-cli.exe", "ungedesk-cli", "ungedesk"):
        candidate = bundle / name
        if candidate.is_file():
            return candidate
    raise SystemExit(f"No ungedesk executable in {bundle}: build first (installer/build.py).")


def internal_dir(exe: Path) -> Path:
    """Where PyInstaller put the runtime files (_internal, or Frameworks in a macOS .app)."""
    if exe.parent.name == "MacOS":
        return exe.parent.parent / "Resources"
    return exe.parent / "_internal"


def check_layout(internal: Path) -> Step:
    """Files that only a correct spec puts into the bundle."""
    step = Step("layout")
    wanted = {
        "Alembic env.py": "ungedesk/store/migrations/env.py",
        "Alembic script.py.mako": "ungedesk/store/migrations/script.py.mako",
        "Babel Danish data": "babel/locale-data/da.dat",
        "Faker da_DK provider": "faker/providers/person/da_DK/__init__.py",
        "holidays Danish names": "holidays/locale/da/LC_MESSAGES/DK.mo",
        "Qt Danish translation": "PySide6/Qt/translations/qtbase_da.qm",
    }
    missing = [what for what, rel in wanted.items() if not (internal / rel).exists()]
    versions = list((internal / "ungedesk/store/migrations/versions").glob("*.py"))
    if not [v for v in versions if v.name != "__init__.py"]:
        missing.append("Alembic versions/*.py")
    if not list(internal.glob("keyring-*.dist-info/entry_points.txt")):
        missing.append("keyring entry points (backends are found through them)")
    # dist-info from a wheel/PEP 660 install, egg-info from an older editable install.
    if not [*internal.glob("ungedesk-*.dist-info"), *internal.glob("ungedesk*.egg-info")]:
        missing.append("ungedesk package metadata (for --version)")
    if not (internal / "resources").is_dir():
        step.output.append("note: no resources/ folder (resources/ had no files at build time)")
    if missing:
        step.status, step.detail = "FAIL", "missing: " + "; ".join(missing)
    else:
        step.status, step.detail = "PASS", f"{len(wanted) + 4} checks"
    return step


def check_libraries(internal: Path) -> Step:
    """Linux: every bundled Qt library/plugin finds the Qt libraries it links against.

    The spec drops some Qt libraries (QML, Quick, Network); this catches a remaining plugin that
    still needs one. System libraries missing on *this* machine (e.g. libxcb-cursor0 on a
    server) are only reported, since desktops have them.
    """
    step = Step("libraries")
    ldd = shutil.which("ldd")
    if not sys.platform.startswith("linux") or ldd is None:
        step.status, step.detail = "SKIP", "only checked on Linux with ldd"
        return step
    qt = internal / "PySide6" / "Qt"
    files = [*qt.glob("lib/*.so*"), *qt.glob("plugins/*/*.so"), *internal.glob("PySide6/*.so")]
    broken: set[str] = set()
    system_missing: set[str] = set()
    for file in files:
        proc = subprocess.run([ldd, str(file)], capture_output=True, text=True, check=False)
        for line in proc.stdout.splitlines():
            if "not found" in line:
                lib = line.split("=>")[0].strip()
                if lib.startswith(("libQt6", "libpyside6", "libshiboken6", "libicu")):
                    broken.add(f"{file.relative_to(internal)} needs {lib}")
                else:
                    system_missing.add(lib)
    if system_missing:
        step.output.append(
            "system libraries not on this machine: " + ", ".join(sorted(system_missing))
        )
    if broken:
        step.status = "FAIL"
        step.detail = f"{len(broken)} unresolved Qt libraries"
        step.output.extend(sorted(broken))
    else:
        step.status = "PASS"
        step.detail = f"{len(files)} Qt files resolve their Qt dependencies"
        if system_missing:
            step.detail += f" ({len(system_missing)} system libraries absent here, see -v)"
    return step


def make_env(data_dir: Path, passphrase: str) -> dict[str, str]:
    env = dict(os.environ)
    # Never the developer's real data or keyring: everything the app could resolve goes here.
    env.update(
        {
            "UNGEDESK_DATA_DIR": str(data_dir / "store"),
            "UNGEDESK_PASSPHRASE": passphrase,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(data_dir / "xdg-data"),
            "XDG_CONFIG_HOME": str(data_dir / "xdg-config"),
            "XDG_CACHE_HOME": str(data_dir / "xdg-cache"),
            "XDG_STATE_HOME": str(data_dir / "xdg-state"),
            "PYTHONIOENCODING": "utf-8",
        }
    )
    if sys.platform == "win32":
        env["LOCALAPPDATA"] = str(data_dir / "localappdata")
        env["APPDATA"] = str(data_dir / "appdata")
    # The frozen app must not pick up modules from a dev environment.
    for var in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(var, None)
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "UngeDesk")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data dir")
    parser.add_argument("-v", "--verbose", action="store_true", help="show output of every step")
    args = parser.parse_args(argv)

    exe = find_executable(args.bundle.resolve())
    internal = internal_dir(exe)
    print(f"Smoke test of {exe}", flush=True)
    data_dir = Path(tempfile.mkdtemp(prefix="ungedesk-smoke-"))
    # A long random passphrase: the app rejects weak ones (zxcvbn), and this one is only ever
    # used for this throw-away store.
    passphrase = "smoke-test-" + secrets.token_urlsafe(24)
    runner = Runner(exe, make_env(data_dir, passphrase), args.verbose)
    try:
        runner.record(check_layout(internal))
        runner.record(check_libraries(internal))
        version = project_version()
        runner.run("version", ["--version"], timeout=60, expect=version or "")
        runner.run("qt", [SELF_TEST_FLAG], timeout=120)

        init = runner.run(
            "init",
            [
                "init",
                "--name", "Smoke Test",
                "--initials", "SMT",
                "--unit", "Ungeenheden",
                "--role", "caseworker",
                "--municipality", "Testkommune",
            ],
            timeout=120,
        )  # fmt: skip
        if init.status != "PASS":
            why = f"init did not pass ({init.status})"
            runner.skip("demo", why)
            runner.skip("check", why)
            runner.skip("encrypted", why)
            runner.skip("gui", why)
        else:
            runner.run("demo", ["demo", "--youths", "50", "--seed", "1"], timeout=600)
            runner.run("check", ["check"], timeout=300)
            runner.record(check_encrypted(data_dir / "store"))
            runner.run_gui("gui", seconds=8, logs=data_dir / "store" / "logs")
    finally:
        if args.keep:
            print(f"Data dir kept: {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)

    failed = [s.name for s in runner.steps if s.status == "FAIL"]
    skipped = [s.name for s in runner.steps if s.status == "SKIP"]
    passed = [s.name for s in runner.steps if s.status == "PASS"]
    print()
    print(f"passed: {', '.join(passed) or '-'}")
    print(f"failed: {', '.join(failed) or '-'}")
    print(f"skipped: {', '.join(skipped) or '-'}")
    if failed:
        return 1
    return 2 if skipped else 0


def check_encrypted(store: Path) -> Step:
    step = Step("encrypted")
    dbs = [p for p in store.rglob("*.db") if p.is_file()] if store.exists() else []
    if not dbs:
        step.status, step.detail = "FAIL", f"no *.db file under the data dir after init ({store})"
        return step
    plain = [p.name for p in dbs if p.read_bytes()[:16] == PLAIN_SQLITE_HEADER]
    if plain:
        step.status, step.detail = "FAIL", "plain SQLite (not encrypted): " + ", ".join(plain)
    else:
        step.status = "PASS"
        step.detail = f"{len(dbs)} database file(s), no plain SQLite header"
    return step


if __name__ == "__main__":
    sys.exit(main())
