"""Developer entry point: set up a virtual environment and run UngeDesk or its checks.

    python dev.py demo    start UngeDesk on a demo store (./.demo-data, filled on first start)
    python dev.py test    run the test suite
    python dev.py check   ruff, mypy and import-linter
    python dev.py bench   the benchmarks against their floors (--quick for a try; --help);
                          figures to benchmarks/results/latest.json and RESULTS.md

Needs nothing but Python 3.12 or newer. When started by an older Python it looks for a newer
one (python3.13, python3.12, the Windows py launcher, pyenv) and runs itself with that.
On Linux, ``demo`` first checks the system libraries Qt's X11 platform plugin loads and says
what to install, instead of letting Qt fail a minute later with its own English message.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
DEMO_DIR = ROOT / ".demo-data"
# The demo store holds synthetic people only; its passphrase is public on purpose.
DEMO_PASSPHRASE = "demo: grøn kaffe tager toget til Ribe"  # noqa: S105
DEMO_YOUTHS = "3000"
MIN_VERSION = (3, 12)


def _say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def _version_of(python: str) -> tuple[int, int] | None:
    try:
        out = subprocess.run(
            [python, "-c", "import sys; print(sys.version_info[0], sys.version_info[1])"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.split()
        return int(out[0]), int(out[1])
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        return None


def _candidates() -> list[list[str]]:
    found: list[list[str]] = []
    for name in ("python3.13", "python3.12", "python3.14"):
        path = shutil.which(name)
        if path:
            found.append([path])
    if os.name == "nt" and shutil.which("py"):
        found += [["py", "-3.13"], ["py", "-3.12"]]
    pyenv = shutil.which("pyenv")
    if pyenv:
        try:
            root = subprocess.run(
                [pyenv, "root"], capture_output=True, text=True, check=True, timeout=30
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            root = ""
        versions = Path(root) / "versions" if root else None
        if versions and versions.is_dir():
            for v in sorted(versions.iterdir(), reverse=True):
                exe = v / "bin" / "python3"
                if exe.exists():
                    found.append([str(exe)])
    return found


def ensure_modern_python() -> None:
    if sys.version_info[:2] >= MIN_VERSION:
        return
    for cmd in _candidates():
        version = _version_of(cmd[0]) if len(cmd) == 1 else (3, int(cmd[1].split(".")[1]))
        if version and version >= MIN_VERSION:
            old = f"{sys.version_info[0]}.{sys.version_info[1]}"
            _say(f"Python {old} is too old; using {version[0]}.{version[1]}")
            raise SystemExit(subprocess.call([*cmd, str(Path(__file__).resolve()), *sys.argv[1:]]))
    raise SystemExit(
        "UngeDesk needs Python 3.12 or newer, and none was found. Install it from python.org "
        "and run this command with it."
    )


# What Qt's xcb platform plugin (libqxcb.so, libQt6XcbQpa.so.6) and QtGui/QtDBus load from the
# system, read from their ELF NEEDED entries in PySide6 6.10 and matching the list in Qt's
# "Qt for X11 Requirements": (soname, Debian/Ubuntu package, Fedora package). Libraries every
# Linux has (libc, libstdc++, zlib) are left out. On Ubuntu 24.04 libglib2.0-0 is provided by
# libglib2.0-0t64; apt picks that package by itself.
QT_XCB_LIBRARIES: tuple[tuple[str, str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    ("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    ("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    ("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    ("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    ("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    ("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    ("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    ("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    ("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    ("libxcb.so.1", "libxcb1", "libxcb"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    ("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    ("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    ("libX11.so.6", "libx11-6", "libX11"),
    ("libEGL.so.1", "libegl1", "libglvnd-egl"),
    ("libGL.so.1", "libgl1", "libglvnd-glx"),
    ("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    ("libfreetype.so.6", "libfreetype6", "freetype"),
    ("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
    ("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
)


@dataclass(frozen=True)
class QtLibraryAdvice:
    """The Qt platform libraries missing on this machine and the lines that install them."""

    missing: tuple[str, ...]  # sonames
    apt: str
    dnf: str

    def message(self) -> str:
        libs = ", ".join(self.missing)
        lines = f"    Debian/Ubuntu:  {self.apt}\n    Fedora:         {self.dnf}\n"
        return (
            "UngeDesk kan ikke starte: Qt mangler nogle systembiblioteker til skærmen "
            f"(X11/xcb): {libs}.\nInstallér dem og prøv igen:\n{lines}\n"
            "UngeDesk cannot start: Qt needs system libraries for the display (X11/xcb) "
            f"that are missing: {libs}.\nInstall them and try again:\n{lines}"
        )


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def qt_library_advice(
    present: Callable[[str], bool], env: Mapping[str, str], platform: str
) -> QtLibraryAdvice | None:
    """What to install before Qt can open a window, or None when nothing is missing.

    Only Linux loads the xcb plugin. A QT_QPA_PLATFORM set without xcb among its choices
    (offscreen, minimal, wayland) does not load it either, so then nothing is checked.
    ``present(soname)`` says whether the system can load a library.
    """
    if not platform.startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen and "xcb" not in [p.split(":")[0].strip() for p in chosen.split(";")]:
        return None
    missing = [row for row in QT_XCB_LIBRARIES if not present(row[0])]
    if not missing:
        return None
    return QtLibraryAdvice(
        missing=tuple(row[0] for row in missing),
        apt="sudo apt install " + " ".join(_unique([row[1] for row in missing])),
        dnf="sudo dnf install " + " ".join(_unique([row[2] for row in missing])),
    )


def _ldconfig_names() -> frozenset[str]:
    try:
        out = subprocess.run(
            ["ldconfig", "-p"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.split()[0] for line in out.splitlines()[1:] if line.strip())


def library_loader() -> Callable[[str], bool]:
    """``present(soname)``: in the linker cache, or else loadable (LD_LIBRARY_PATH, a
    distribution whose ldconfig is not on PATH)."""
    cached = _ldconfig_names()

    def present(soname: str) -> bool:
        if soname in cached:
            return True
        try:
            ctypes.CDLL(soname)
        except OSError:
            return False
        return True

    return present


def check_qt_libraries() -> None:
    advice = qt_library_advice(library_loader(), os.environ, sys.platform)
    if advice is not None:
        print(advice.message(), file=sys.stderr, flush=True)
        raise SystemExit(3)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def venv_tool(name: str) -> str:
    return str(VENV / ("Scripts" if os.name == "nt" else "bin") / name)


def ensure_venv() -> None:
    """Create .venv and install the project with its dev extras, once per pyproject change."""
    stamp = VENV / ".ungedesk-installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    python = venv_python()
    if python.exists() and (_version_of(str(python)) or (0, 0)) < MIN_VERSION:
        _say("the existing .venv uses an old Python; making a new one")
        shutil.rmtree(VENV)
    if not python.exists():
        _say("creating .venv")
        subprocess.check_call([sys.executable, "-m", "venv", str(VENV)])
    if stamp.exists() and stamp.read_text().strip() == wanted:
        return
    _say("installing UngeDesk and its dependencies into .venv (first time takes a minute)")
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.check_call([*pip, "install", "--upgrade", "pip"])
    subprocess.check_call([*pip, "install", "-e", f"{ROOT}[dev]"])
    stamp.write_text(wanted)


def run(cmd: list[str], env: dict[str, str] | None = None) -> int:
    return subprocess.call(cmd, cwd=ROOT, env={**os.environ, **(env or {})})


def demo() -> int:
    env = {
        "UNGEDESK_PASSPHRASE": DEMO_PASSPHRASE,
        # A demo must never write into the caseworker's real keyring.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    ungedesk = [str(venv_python()), "-m", "ungedesk", "--data-dir", str(DEMO_DIR)]
    if not (DEMO_DIR / "ungedesk.db").exists():
        _say(f"creating the demo store in {DEMO_DIR.name}/ with synthetic young people")
        code = run(
            [
                *ungedesk,
                "init",
                "--name",
                "Demo Sagsbehandler",
                "--initials",
                "DEMO",
                "--unit",
                "Jobcenter, Ungeteamet",
                "--role",
                "caseworker",
                "--municipality",
                "Demo Kommune",
                "--no-keyring",
            ],
            env,
        )
        if code == 0:
            code = run(
                [
                    *ungedesk,
                    "demo",
                    "--youths",
                    DEMO_YOUTHS,
                    "--seed",
                    "2026",
                    "--public-passphrase",
                ],
                env,
            )
        if code != 0:
            shutil.rmtree(DEMO_DIR, ignore_errors=True)
            return code
    return run(ungedesk, env)


def test(extra: list[str]) -> int:
    # The suite runs on every core (pytest-xdist) unless the caller chose: it takes about
    # 20 minutes on one core of a 2-core laptop and half that on both.
    workers = [] if any(a == "-n" or a.startswith("-n") for a in extra) else ["-n", "auto"]
    return run([str(venv_python()), "-m", "pytest", *workers, *extra])


def check() -> int:
    failures = 0
    for cmd in (
        [venv_tool("ruff"), "check", "ungedesk", "tests", "benchmarks", "scripts", "dev.py"],
        [venv_tool("mypy")],
        [venv_tool("lint-imports")],
    ):
        _say(" ".join(Path(cmd[0]).name if i == 0 else c for i, c in enumerate(cmd)))
        failures += run(cmd) != 0
    return 1 if failures else 0


def bench(extra: list[str]) -> int:
    # Options go to benchmarks/run.py: --quick, --runs N, --sizes ..., --skip PART ...,
    # --also deadlines_overview ... (the other benchmark scripts, which also run alone).
    return run([str(venv_python()), "benchmarks/run.py", *extra])


def main() -> int:
    ensure_modern_python()
    commands = {"demo", "test", "check", "bench", "setup"}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    command, extra = sys.argv[1], sys.argv[2:]
    if command == "demo":
        # Before the venv: a missing system library must not cost the first minute of pip.
        check_qt_libraries()
    ensure_venv()
    if command == "demo":
        return demo()
    if command == "test":
        return test(extra)
    if command == "check":
        return check()
    if command == "bench":
        return bench(extra)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
