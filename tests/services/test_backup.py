"""Backups: verified, encrypted, restorable elsewhere with the passphrase alone, and a
failure at any point leaves the store and the previous backup as they were."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, TODAY, MemoryKeyring
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, backup, integrity, restore, youths
from ungedesk.services.audit import Action
from ungedesk.services.backup import BackupError
from ungedesk.services.backup_archive import BadBackupError
from ungedesk.store.database import Store
from ungedesk.store.errors import MissingKeyError, WrongPassphraseError
from ungedesk.store.paths import StorePaths


def add_people(store: Store, n: int) -> list[int]:
    ids = []
    for i in range(n):
        ids.append(
            youths.register(
                store,
                YouthInput(
                    cpr=f"{i % 28 + 1:02d}0{i % 9 + 1}04-{4100 + i}",
                    first_name="Backup",
                    last_name=f"Person{chr(65 + i % 26)}{chr(65 + i // 26)}",
                    henvendelse_date=date(2026, 10, 1),
                    caseworker_id=1,
                ),
                today=TODAY,
            ).youth_id
        )
    return ids


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_is_verified_encrypted_and_logged(store: Store, tmp_path: Path) -> None:
    add_people(store, 25)
    target = tmp_path / "kopi.udbackup"
    result = backup.backup(store, target)
    assert result.path == target and result.rows > 25 and result.tables >= 4
    with zipfile.ZipFile(target) as zf:
        assert sorted(zf.namelist()) == ["manifest.json", "ungedesk.db", "ungedesk.key"]
        raw = zf.read("ungedesk.db") + zf.read("manifest.json")
    assert b"PersonB" not in raw and b"Backup" not in raw and b"SQLite format" not in raw
    assert backup.last_backup(store) is not None
    assert not backup.backup_overdue(store)
    assert backup.backup_overdue(store, now=datetime.now(UTC) + timedelta(days=8))
    assert audit.recent_for_actor(store, 1)[0].action is Action.BACKUP
    assert list(tmp_path.glob(".*tmp")) == []


def test_restore_on_a_new_machine_with_passphrase_alone(
    store: Store, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    ids = add_people(store, 10)
    target = tmp_path / "kopi.udbackup"
    backup.backup(store, target)
    memory_keyring.items.clear()  # the replacement laptop has an empty keyring
    new_machine = StorePaths(tmp_path / "new-laptop")
    with pytest.raises(MissingKeyError):
        restore.restore(new_machine, target)
    with pytest.raises(WrongPassphraseError):
        restore.restore(new_machine, target, "ikke den rigtige frase")
    assert not new_machine.db.exists()
    opened = restore.restore(new_machine, target, PASSPHRASE)
    try:
        rec = youths.get(opened.store, ids[3])
        assert rec is not None and rec.last_name == "PersonDA"
        assert youths.count(opened.store) == 10
        assert integrity.check(opened.store).sound
        assert audit.verify(opened.store).ok
    finally:
        opened.store.close()
    assert [p.name for p in new_machine.root.iterdir() if p.name.startswith(".")] == []


def test_restore_replaces_current_store_and_keeps_it_on_failure(
    store: Store, store_paths: StorePaths, tmp_path: Path
) -> None:
    add_people(store, 3)
    target = tmp_path / "kopi.udbackup"
    backup.backup(store, target)
    add_people_later = youths.register(
        store,
        YouthInput(
            cpr="050505-4321",
            first_name="Efter",
            last_name="Kopien",
            henvendelse_date=date(2026, 11, 1),
            caseworker_id=1,
        ),
        today=TODAY,
    )
    assert add_people_later.created
    store.close()
    # A damaged backup: the current store stays exactly as it was.
    broken = tmp_path / "broken.udbackup"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    broken.write_bytes(bytes(data))
    before = digest(store_paths.db)
    with pytest.raises(BadBackupError) as info:
        restore.restore(store_paths, broken)
    assert "ikke ændret" in info.value.message
    assert digest(store_paths.db) == before
    not_zip = tmp_path / "not.udbackup"
    not_zip.write_text("hello")
    with pytest.raises(BadBackupError):
        restore.restore(store_paths, not_zip)
    assert digest(store_paths.db) == before
    # A good backup replaces the store: the later registration is gone.
    opened = restore.restore(store_paths, target)
    try:
        assert youths.count(opened.store) == 3
    finally:
        opened.store.close()
    assert [p.name for p in store_paths.root.iterdir() if p.name.startswith(".")] == []


def test_failure_half_way_keeps_previous_backup_and_leaves_no_temp(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_people(store, 5)
    target = tmp_path / "kopi.udbackup"
    backup.backup(store, target)
    previous = digest(target)

    def disk_full(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup.os, "replace", disk_full)
    with pytest.raises(backup.StoreError) as info:
        backup.backup(store, target, force=True)
    assert "disken er fuld" in info.value.message
    monkeypatch.undo()
    assert digest(target) == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "kopi.udbackup"]


def test_backup_target_must_be_a_file_in_an_existing_folder(store: Store, tmp_path: Path) -> None:
    with pytest.raises(BackupError):
        backup.backup(store, tmp_path)
    with pytest.raises(BackupError):
        backup.backup(store, tmp_path / "missing" / "kopi.udbackup")
