"""Refresh the Danish UI catalogue: lupdate over ungedesk/ui, then lrelease to .qm.

Run after changing any tr() string:  .venv/bin/python scripts/update_translations.py
New strings arrive in resources/translations/ungedesk_da.ts as "unfinished": translate them
(Qt Linguist: .venv/bin/pyside6-linguist, or any editor), then run this again to compile.
tests/ui/test_translations.py fails until every string has a finished Danish translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ungedesk" / "ui"
TS_FILE = ROOT / "resources" / "translations" / "ungedesk_da.ts"
QM_FILE = TS_FILE.with_suffix(".qm")


def tool(name: str) -> str:
    """The pyside6 tool next to this Python (the venv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def sources() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in sorted(UI_DIR.rglob("*.py"))]


def lupdate(ts_file: Path, *, drop_obsolete: bool = True) -> None:
    args = [tool("pyside6-lupdate"), *sources(), "-locations", "none", "-ts", str(ts_file)]
    if drop_obsolete:
        args.insert(-2, "-no-obsolete")
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def main() -> int:
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS_FILE)
    lrelease(TS_FILE, QM_FILE)
    print(f"updated {TS_FILE.relative_to(ROOT)} and {QM_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
