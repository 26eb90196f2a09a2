"""The start to the register's first paint imports only what the first window needs.

The heavy libraries (PDF, calendar files, demo data, password strength, holidays, schema
migrations), the record and dialog modules, and on a keyring start SQLAlchemy with the
services behind the store cost over a second of imports that a caseworker would wait
through at every start; each is imported where it is used instead. This
test starts the real GUI in a fresh process (``run(..., measure_startup=True)``, which ends
right after the first paint) and fails if any of them was imported on the way, so the gain
cannot silently regress.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.support.memory_keyring import MemoryKeyring
from ungedesk.services import demo
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths

ROOT = Path(__file__).resolve().parents[2]

# Not needed for the first window. A prefix stands for the package and its modules.
# A keyring start paints the first look's page (services.first_look) before the store is
# opened the full way, so neither the ORM nor the services behind the store are needed.
NOT_AT_START = (
    "sqlalchemy",
    "ungedesk.store.database",
    "ungedesk.store.models",
    "ungedesk.services.setup",
    "ungedesk.services.audit",
    "ungedesk.services.register",
    "reportlab",
    "PIL",
    "pikepdf",
    "openpyxl",
    "icalendar",
    "faker",
    "zxcvbn",
    "holidays",
    "alembic",
    "mako",
    "ungedesk.services.demo",
    "ungedesk.services.plan_pdf",
    "ungedesk.ui.record",
    "ungedesk.ui.plan",
    "ungedesk.ui.progression",
    "ungedesk.ui.visitation",
    "ungedesk.ui.setup",
    "ungedesk.ui.rules",
    "ungedesk.ui.settings",
    "ungedesk.ui.security.backup_dialogs",
    "ungedesk.ui.security.transfer_dialogs",
    "ungedesk.ui.security.unlock_dialog",
)

CHILD = """
import json, os, sys
from pathlib import Path
import keyring
from tests.support.memory_keyring import MemoryKeyring
items = {tuple(k.split("|", 1)): v for k, v in json.loads(os.environ.pop("TEST_KEYRING")).items()}
keyring.set_keyring(MemoryKeyring(items))
from ungedesk.store.paths import StorePaths
from ungedesk.ui import startup_measure
from ungedesk.ui.app import run

# What is imported at the moment the first paint is reported (later work, such as loading
# the record's modules ahead of the first record, is allowed to import more).
report = startup_measure.StartupMeasure.report
at_paint = []
def snapshot(self, rows):
    at_paint.extend(sorted(sys.modules))
    report(self, rows)
startup_measure.StartupMeasure.report = snapshot
code = run(StorePaths(Path(sys.argv[1])), measure_startup=True)
print("MODULES " + json.dumps(at_paint))
sys.exit(code)
"""


def test_the_first_paint_imports_nothing_it_does_not_need(
    store: Store, store_paths: StorePaths, memory_keyring: MemoryKeyring
) -> None:
    demo.generate(store, 30, seed=5, today=date(2026, 11, 24))
    store.close()
    env = dict(os.environ)
    env["TEST_KEYRING"] = json.dumps({f"{s}|{u}": v for (s, u), v in memory_keyring.items.items()})
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(store_paths.root)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    measured = [line for line in lines if line.startswith("startup_ms=")]
    assert len(measured) == 1 and measured[0].endswith(" rows=30"), result.stdout
    modules = json.loads(next(line for line in lines if line.startswith("MODULES "))[8:])
    imported = sorted(
        name
        for name in modules
        if any(name == prefix or name.startswith(prefix + ".") for prefix in NOT_AT_START)
    )
    assert imported == []
