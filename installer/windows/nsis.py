"""Compile the Windows installer (ungedesk.nsi) with NSIS's makensis, on Windows or Linux.

    python installer/windows/nsis.py --payload dist/UngeDesk --out dist [--version 0.1.0]

makensis: Debian/Ubuntu `apt-get install nsis`, Fedora `dnf install mingw32-nsis`, macOS
`brew install makensis`, Windows `winget install NSIS.NSIS`. The payload is the frozen app
folder from installer/build.py (UngeDesk.exe, ungedesk-cli.exe, _internal/); the tests compile
this script with a stand-in payload.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
INSTALLER = HERE.parent
ROOT = INSTALLER.parent
SCRIPT = HERE / "ungedesk.nsi"
ICON = INSTALLER / "icons" / "ungedesk.ico"
APP_EXE = "UngeDesk.exe"
INSTALL_HINT = (
    "makensis (NSIS) is not installed. Debian/Ubuntu: sudo apt-get install nsis; "
    "Fedora: sudo dnf install mingw32-nsis; macOS: brew install makensis; "
    "Windows: winget install NSIS.NSIS"
)


class NsisError(Exception):
    """The installer could not be compiled; the message says why."""


@dataclass(frozen=True)
class Compiled:
    installer: Path
    # makensis's verbose log: every command as compiled (files packed, what the uninstaller
    # deletes), which is what can be checked of an installer without running Windows.
    log: str


def find_makensis() -> str | None:
    """makensis on PATH, else where the Windows NSIS installer puts it."""
    found = shutil.which("makensis")
    if found or os.name != "nt":
        return found
    for var, default in (
        ("PROGRAMFILES(X86)", r"C:\Program Files (x86)"),
        ("PROGRAMFILES", r"C:\Program Files"),
    ):
        candidate = Path(os.environ.get(var, default)) / "NSIS" / "makensis.exe"
        if candidate.is_file():
            return str(candidate)
    return None


def version_quad(version: str) -> str:
    """Windows' four-number file version: "0.1.0" -> "0.1.0.0", "1.2rc1" -> "1.2.0.0"."""
    release = re.match(r"\d+(?:\.\d+)*", version)
    if release is None:
        raise NsisError(f"version {version!r} does not start with a number")
    numbers = [int(n) for n in release.group(0).split(".")[:4]]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0][:4])


def _nsis_string(text: str) -> str:
    # In NSIS strings "$" starts a variable and "$\"" is a quote.
    return text.replace("$", "$$").replace('"', '$\\"')


def uninstall_list(payload: Path) -> str:
    """NSIS lines removing exactly the payload's top-level entries from $INSTDIR.

    Listed at compile time so the uninstaller never removes the install folder recursively:
    whatever else a user or IT put there (for /D= into a shared folder) stays.
    """
    lines = []
    for entry in sorted(payload.iterdir(), key=lambda p: p.name.lower()):
        target = "$INSTDIR\\" + _nsis_string(entry.name)
        if entry.is_dir() and not entry.is_symlink():
            lines.append(f'RMDir /r "{target}"')
        else:
            lines.append(f'Delete "{target}"')
    return "\n".join(lines) + "\n"


def installer_name(version: str) -> str:
    return f"UngeDesk-{version}-setup.exe"


def compile_installer(
    payload: Path,
    out_dir: Path,
    version: str,
    *,
    makensis: str | None = None,
    icon: Path = ICON,
) -> Compiled:
    """Compile ungedesk.nsi around `payload` into out_dir/UngeDesk-<version>-setup.exe.

    Warnings are errors (-WX): a warning in an installer script is nearly always a mistake
    (an unused page, a string missing in Danish). Raises NsisError with makensis's output.
    """
    tool = makensis or find_makensis()
    if tool is None:
        raise NsisError(INSTALL_HINT)
    payload = payload.resolve()
    if not (payload / APP_EXE).is_file():
        raise NsisError(f"{payload} has no {APP_EXE}: build the bundle first (installer/build.py)")
    out_dir.mkdir(parents=True, exist_ok=True)
    output = out_dir.resolve() / installer_name(version)
    with tempfile.TemporaryDirectory(prefix="ungedesk-nsis-") as tmp:
        listing = Path(tmp) / "uninstall-list.nsh"
        listing.write_text(uninstall_list(payload), encoding="utf-8")
        cmd = [
            tool,
            "-V4",
            "-WX",
            "-INPUTCHARSET",
            "UTF8",
            f"-DVERSION={version}",
            f"-DVERSION_QUAD={version_quad(version)}",
            f"-DPAYLOAD={payload}",
            f"-DOUTFILE={output}",
            f"-DICON={icon.resolve()}",
            f"-DUNINSTALL_LIST={listing}",
            str(SCRIPT),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", check=False)
    if proc.returncode != 0 or not output.is_file():
        output.unlink(missing_ok=True)
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-30:])
        raise NsisError(f"makensis failed (exit {proc.returncode}):\n{tail}")
    return Compiled(output, proc.stdout)


def _project_version() -> str:
    sys.path.insert(0, str(ROOT))  # run as a script: make the installer package importable
    from installer import project

    return project.version()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--payload", type=Path, default=ROOT / "dist" / "UngeDesk")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--version", default=None, help="default: the project version")
    args = parser.parse_args(argv)
    try:
        path = compile_installer(
            args.payload, args.out, args.version or _project_version()
        ).installer
    except NsisError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
