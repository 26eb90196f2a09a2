"""The project's version for the build scripts (PyInstaller spec, build.py, the packages).

Read as text from ungedesk/_version.py, where pyproject.toml takes it from too (its version is
dynamic): the build scripts must not import the app, and PyInstaller's spec runs in its own
namespace.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSION_FILE = ROOT / "ungedesk" / "_version.py"


def version() -> str:
    text = VERSION_FILE.read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise ValueError(f'no __version__ = "..." line in {VERSION_FILE}')
    return match.group(1)
