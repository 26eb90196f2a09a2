"""Canary: a recognisable person goes through every service path; afterwards the data
directory (database, WAL, key file, logs, migration copies), the temp directory and the log
folder hold no trace of them in plaintext. Deliberate exports to a folder the user chose are
the only place the canary may appear, and they are checked to be only there."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import TODAY
from ungedesk.domain.search import RegisterIndex
from ungedesk.domain.youth import ExitReason, YouthInput
from ungedesk.services import access, audit, backup, integrity, retention, transfer, youths
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths

CPR = "2409064817"
NEEDLES = [
    CPR.encode(),
    b"240906-4817",
    b"Kanariefuglsen",
    "Ærlighedsvej".encode(),
    "Kanariefuglsen".encode("utf-16-le"),
    "Ærlighedsvej".encode("utf-16-le"),
]


def hits(root: Path) -> list[str]:
    found = []
    for p in root.rglob("*"):
        if p.is_file():
            try:
                data = p.read_bytes()
            except OSError:
                continue
            found += [f"{p.name}: {n!r}" for n in NEEDLES if n in data]
    return found


def test_canary_leaves_no_plaintext(
    store: Store, store_paths: StorePaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    chosen = tmp_path / "chosen-by-user"
    chosen.mkdir()

    yid = youths.register(
        store,
        YouthInput(
            cpr=CPR,
            first_name="Tweety",
            last_name="Kanariefuglsen",
            henvendelse_date=date(2026, 10, 1),
            address="Ærlighedsvej 7",
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id
    index = RegisterIndex(youths.register_rows(store))
    for q in ("kanarie", "240906", "240906-4817", "U-2026"):
        youths.log_search(store, q, index.search(q))
    youths.get(store, yid, purpose="Kanarietest")
    youths.reveal_cpr(store, yid)
    access.export_person(store, yid, chosen / "indsigt")
    transfer.export_case(store, yid, chosen / "overfoersel", "kanariefugle synger om natten i Ribe")
    backup.backup(store, chosen / "kopi.udbackup")
    retention.close_case(store, yid, ExitReason.JOB, date(2026, 11, 1), today=TODAY)
    retention.expired_cases(store, today=TODAY)
    assert integrity.check(store).sound and audit.verify(store).ok
    store.engine.dispose()  # also after the WAL is checkpointed on close

    assert hits(store_paths.root) == []
    assert hits(temp) == []
    assert list(temp.iterdir()) == []  # nothing was even written to temp
    # Only the deliberate, readable right-of-access export contains the person in clear.
    exported = hits(chosen)
    assert exported and all(h.startswith("indsigt-") for h in exported)
