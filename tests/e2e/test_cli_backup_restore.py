"""backup --force, the audit head as a witness, refusals for odd --out targets, and what a
restore tells about the events the backup lacks, as a user runs them."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.e2e.conftest import assert_clean_failure, digest, run


def test_backup_prints_the_head_and_replaces_only_with_force(
    store_copy: Path, tmp_path: Path
) -> None:
    target = tmp_path / "kopi.udbackup"
    made = run("backup", "--out", str(target), data_dir=store_copy)
    assert made.returncode == 0, made.stderr
    first = target.read_bytes()
    again = run("backup", "--out", str(target), data_dir=store_copy)
    assert_clean_failure(again)
    assert "--force" in again.stderr and target.read_bytes() == first
    forced = run("backup", "--out", str(target), "--force", data_dir=store_copy)
    assert forced.returncode == 0, forced.stderr
    assert target.read_bytes() != first
    # The second backup holds the first one's BACKUP event: a head worth witnessing.
    with zipfile.ZipFile(target) as zf:
        head = json.loads(zf.read("manifest.json"))["audit_head"]
    assert head["seq"] >= 1
    assert f"nr. {head['seq']}, kontrolsum {head['hash'][:16]}." in forced.stdout
    inside = run("backup", "--out", str(store_copy / "kopi.udbackup"), data_dir=store_copy)
    assert_clean_failure(inside)
    assert "datamappe" in inside.stderr
    assert not (store_copy / "kopi.udbackup").exists()


def test_restore_tells_which_events_the_backup_lacks_and_refuses_crafted_keys(
    store_copy: Path, tmp_path: Path
) -> None:
    target = tmp_path / "kopi.udbackup"
    assert run("backup", "--out", str(target), data_dir=store_copy).returncode == 0
    with zipfile.ZipFile(target) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    key = json.loads(parts["ungedesk.key"])
    key["kdf"]["n"] = 2**40  # would ask scrypt for 128 TiB
    crafted = tmp_path / "crafted.udbackup"
    with zipfile.ZipFile(crafted, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, json.dumps(key) if name == "ungedesk.key" else data)
    before = digest(store_copy)
    bad = run("restore", str(crafted), data_dir=store_copy)
    assert_clean_failure(bad)
    assert "ikke en gyldig" in bad.stderr and "uventet" not in bad.stderr
    assert digest(store_copy) == before
    restored = run("restore", str(target), data_dir=store_copy)
    assert restored.returncode == 0, restored.stderr
    # At least the backup's own BACKUP event came after the export.
    assert "findes ikke i sikkerhedskopien" in restored.stdout
    assert sorted(p.name for p in store_copy.iterdir() if p.name.startswith(".")) == []
