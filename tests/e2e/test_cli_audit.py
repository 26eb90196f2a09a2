"""audit verify and audit head as a user runs them: the witness and a rolled-back store."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.e2e.conftest import assert_clean_failure, run


def test_head_exported_as_witness_then_checked(store_copy: Path, tmp_path: Path) -> None:
    witness = tmp_path / "vidne.json"
    head = run("audit", "head", "--out", str(witness), data_dir=store_copy)
    assert head.returncode == 0, head.stderr
    assert "Hash:" in head.stdout and witness.exists()
    doc = json.loads(witness.read_text())
    assert doc["format"] == "ungedesk-audit-head" and doc["seq"] >= 0
    ok = run("audit", "verify", "--witness", str(witness), data_dir=store_copy)
    assert ok.returncode == 0, ok.stderr
    assert f"nr. {doc['seq']}" in ok.stdout


def test_witness_from_elsewhere_is_refused_in_danish(store_copy: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "vidne.json"
    bogus.write_text('{"format": "ungedesk-audit-head", "version": 1, "seq": "x"}')
    result = run("audit", "verify", "--witness", str(bogus), data_dir=store_copy)
    assert_clean_failure(result)
    assert "ikke et vidne" in result.stderr


def test_older_database_copied_back_is_reported_by_every_command(
    store_copy: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old.db"
    shutil.copy2(store_copy / "ungedesk.db", old)
    # Work that logs: an export of the witness is not logged, a backup is.
    made = run("backup", "--out", str(tmp_path / "b.udbackup"), data_dir=store_copy)
    assert made.returncode == 0, made.stderr
    for suffix in ("-wal", "-shm"):
        (store_copy / f"ungedesk.db{suffix}").unlink(missing_ok=True)
    shutil.copy2(old, store_copy / "ungedesk.db")
    check = run("check", data_dir=store_copy)
    assert "Advarsel om adgangsloggen" in check.stderr and "rullet tilbage" in check.stderr
    verify = run("audit", "verify", data_dir=store_copy)
    assert verify.returncode == 12
    assert "rullet tilbage" in verify.stderr
