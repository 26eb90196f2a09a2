"""Attacks on restore and backup (issue 10), each reproduced against real stores: a backup
lacking a table, a zip bomb, crafted key files, a full disk while the RESTORE event is
written, a refusing keyring, a failed publish, --out into the data dir or at odd files."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring.errors
import pytest
from alembic import command

from tests.conftest import PASSPHRASE, TEST_SCRYPT_N, MemoryKeyring
from tests.services.test_backup import add_people
from ungedesk.services import audit, backup, backup_archive, integrity, restore, youths
from ungedesk.services.audit import Action
from ungedesk.services.backup import BackupError, BackupExistsError
from ungedesk.services.backup_archive import BadBackupError
from ungedesk.store import keys, migrate
from ungedesk.store.connection import connect_raw
from ungedesk.store.database import Store
from ungedesk.store.engine import create_store_engine
from ungedesk.store.errors import DiskFullError
from ungedesk.store.paths import StorePaths

MEMBERS = ("manifest.json", "ungedesk.key", "ungedesk.db")


def folder_digest(root: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.iterdir())
        if p.is_file()
    }


def members(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def pack(target: Path, parts: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(target, "w", compression=compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return target


def store_key(store: Store) -> bytes:
    found = keys.keyring_get(store.store_id)
    assert found is not None
    return found


def with_db_changed(source: Path, target: Path, key: bytes, *sql: str) -> Path:
    """The backup with its (still encrypted, validly keyed) database altered by ``sql``."""
    parts = members(source)
    scratch = target.with_suffix(".db")
    scratch.write_bytes(parts["ungedesk.db"])
    conn = connect_raw(scratch, key)
    try:
        for statement in sql:
            conn.execute(statement)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    parts["ungedesk.db"] = scratch.read_bytes()
    scratch.unlink()
    return pack(target, parts)


@pytest.fixture
def taken(store: Store, tmp_path: Path) -> Path:
    add_people(store, 3)
    target = tmp_path / "kopi.udbackup"
    backup.backup(store, target)
    return target


def no_dot_entries(root: Path) -> bool:
    return [p.name for p in root.iterdir() if p.name.startswith(".")] == []


# --- a backup lacking a table, or with an unknown or older schema --------------------------


@pytest.mark.parametrize(
    "sql",
    [
        ("DROP TABLE plan_subgoal",),
        ("DROP TABLE audit_head",),
        ("DROP TRIGGER audit_head_no_delete", "DELETE FROM audit_head"),
        ("ALTER TABLE youth DROP COLUMN address",),
        ("UPDATE alembic_version SET version_num = 'ffff9999'",),
    ],
    ids=["table", "audit-head-table", "audit-head-row", "column", "unknown-schema"],
)
def test_a_backup_lacking_a_table_is_refused_and_the_store_kept(
    store: Store, store_paths: StorePaths, taken: Path, tmp_path: Path, sql: tuple[str, ...]
) -> None:
    bad = with_db_changed(taken, tmp_path / "mangler.udbackup", store_key(store), *sql)
    add_people(store, 1)
    store.close()
    before = folder_digest(store_paths.root)
    with pytest.raises(BadBackupError) as info:
        restore.restore(store_paths, bad)
    assert "ikke ændret" in info.value.message
    assert folder_digest(store_paths.root) == before
    assert no_dot_entries(store_paths.root)


def test_a_backup_with_an_older_schema_is_migrated(store_paths: StorePaths, tmp_path: Path) -> None:
    key = keys.new_data_key()
    kf = keys.wrap(key, PASSPHRASE, n=TEST_SCRYPT_N)
    old_db = tmp_path / "old.db"
    engine = create_store_engine(old_db, key, create=True)
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    engine.dispose()
    manifest = {
        "format": "ungedesk-backup",
        "version": 1,
        "created": "2025-05-01T10:00:00+00:00",
        "store_id": kf.store_id,
        "schema": "0004",
        "tables": 10,
        "rows": 3,
    }  # a backup from before audit_head was in the manifest
    old = pack(
        tmp_path / "gammel.udbackup",
        {
            "manifest.json": json.dumps(manifest).encode(),
            "ungedesk.key": kf.to_json(),
            "ungedesk.db": old_db.read_bytes(),
        },
    )
    assert backup_archive.inspect(old).audit_head is None
    opened = restore.restore(store_paths, old, PASSPHRASE)
    try:
        assert migrate.current_revision(opened.store.engine) == migrate.head_revision()
        assert integrity.check(opened.store).sound and audit.verify(opened.store).ok
        detail = restore.last_restore_detail(opened.store)
        assert detail is not None and "ingen database i forvejen" in detail
    finally:
        opened.store.close()
    assert no_dot_entries(store_paths.root)


# --- zip bombs, odd members, no room --------------------------------------------------------


def test_a_zip_bomb_is_refused_before_the_database_is_unpacked(
    store: Store,
    store_paths: StorePaths,
    taken: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parts = members(taken)
    bomb = tmp_path / "bombe.udbackup"
    with zipfile.ZipFile(bomb, "w") as zf:
        zf.writestr("manifest.json", parts["manifest.json"])
        zf.writestr("ungedesk.key", parts["ungedesk.key"])
        info = zipfile.ZipInfo("ungedesk.db")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as out:
            zeros = bytes(1024 * 1024)
            for _ in range(256):  # 256 MiB that pack into ~250 KiB
                out.write(zeros)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    store.close()
    before = folder_digest(store_paths.root)
    opened_members: list[str] = []
    real_open = zipfile.ZipFile.open

    def recording_open(self: zipfile.ZipFile, name: Any, *a: Any, **k: Any) -> Any:
        opened_members.append(name if isinstance(name, str) else name.filename)
        return real_open(self, name, *a, **k)

    monkeypatch.setattr(zipfile.ZipFile, "open", recording_open)
    with pytest.raises(BadBackupError):
        restore.restore(store_paths, bomb)
    assert "ungedesk.db" not in opened_members  # refused from the header, nothing written
    assert folder_digest(store_paths.root) == before
    assert no_dot_entries(store_paths.root)


@pytest.mark.parametrize("change", ["extra", "missing", "duplicate", "big-manifest", "big-key"])
def test_only_the_three_known_small_members_are_accepted(
    store: Store, store_paths: StorePaths, taken: Path, tmp_path: Path, change: str
) -> None:
    parts = members(taken)
    crafted = tmp_path / "crafted.udbackup"
    if change == "extra":
        pack(crafted, {**parts, "../../evil.txt": b"x"})
    elif change == "missing":
        pack(crafted, {n: parts[n] for n in ("manifest.json", "ungedesk.db")})
    elif change == "duplicate":
        with zipfile.ZipFile(crafted, "w") as zf, pytest.warns(UserWarning):
            for name in (*MEMBERS, "ungedesk.key"):
                zf.writestr(name, parts[name])
    elif change == "big-manifest":
        pack(crafted, {**parts, "manifest.json": parts["manifest.json"] + b" " * 70_000})
    else:
        pack(crafted, {**parts, "ungedesk.key": parts["ungedesk.key"] + b" " * 70_000})
    store.close()
    before = folder_digest(store_paths.root)
    with pytest.raises(BadBackupError):
        backup_archive.inspect(crafted) if change != "big-key" else restore.restore(
            store_paths, crafted
        )
    with pytest.raises(BadBackupError):
        restore.restore(store_paths, crafted)
    assert folder_digest(store_paths.root) == before


def test_restore_refuses_when_the_disk_lacks_room(
    store: Store, store_paths: StorePaths, taken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.close()
    before = folder_digest(store_paths.root)
    real = backup_archive.shutil.disk_usage

    def nearly_full(path: Any) -> Any:
        usage = real(path)
        return type(usage)(usage.total, usage.total - 1024, 1024)

    monkeypatch.setattr(backup_archive.shutil, "disk_usage", nearly_full)
    with pytest.raises(DiskFullError) as info:
        restore.restore(store_paths, taken)
    assert "ikke plads" in info.value.message and "ikke ændret" in info.value.message
    assert folder_digest(store_paths.root) == before


# --- crafted key files ----------------------------------------------------------------------


def crafted_keys(valid: dict[str, Any]) -> list[Any]:
    def kdf(**change: Any) -> dict[str, Any]:
        return {**valid, "kdf": {**valid["kdf"], **change}}

    return [
        kdf(n=2**40),
        kdf(n=2**21),
        kdf(n=3000),
        kdf(n=2**11),
        kdf(r=10**6),
        kdf(p=64),
        kdf(n="4096"),
        kdf(n=True),
        kdf(n=4096.0),
        kdf(salt="***"),
        kdf(salt=12),
        kdf(salt="AAAA"),
        {**valid, "cipher": {"name": "AES-256-GCM", "nonce": "AAAA"}},
        {**valid, "wrapped_key": valid["wrapped_key"][:-8]},
        {**valid, "kdf": "scrypt"},
        {**valid, "kdf": [1, 2, 3]},
        {**valid, "store_id": 7},
        {**valid, "store_id": "../../x"},
        {**valid, "key_check": None},
        {**valid, "version": "1"},
        [valid],
        "ungedesk-key",
        None,
    ]


def test_crafted_key_files_in_a_backup_are_a_bad_backup(
    store: Store, store_paths: StorePaths, taken: Path, tmp_path: Path
) -> None:
    parts = members(taken)
    valid = json.loads(parts["ungedesk.key"])
    store.close()
    before = folder_digest(store_paths.root)
    variants = [json.dumps(v).encode() for v in crafted_keys(valid)]
    variants += [b"\xff\xfe not utf-8", b"[" * 50_000, b"{" + b'"a":' * 10 + b"1}"]
    for i, key_file in enumerate(variants):
        crafted = pack(tmp_path / f"key-{i}.udbackup", {**parts, "ungedesk.key": key_file})
        with pytest.raises(BadBackupError):
            restore.restore(store_paths, crafted, PASSPHRASE)
    assert folder_digest(store_paths.root) == before


def test_the_known_scrypt_costs_still_load(tmp_path: Path) -> None:
    key = keys.new_data_key()
    for n in (keys.SCRYPT_N_MIN, TEST_SCRYPT_N, 2**17, keys.SCRYPT_N_MAX):
        kf = keys.wrap(key, PASSPHRASE, n=n) if n <= 2**12 else _shape(key, n)
        assert keys.KeyFile.from_json(kf.to_json()).n == n


def _shape(key: bytes, n: int) -> keys.KeyFile:
    """A key file with cost ``n`` without paying for scrypt (only from_json is under test)."""
    kf = keys.wrap(key, PASSPHRASE, n=TEST_SCRYPT_N)
    return keys.KeyFile(kf.store_id, kf.salt, kf.nonce, kf.wrapped, kf.check, n=n)


# --- failures during the restore put the old store back, and say so ------------------------


def _fill_database(session: Any) -> None:
    """Make SQLite's own "database or disk is full" happen at the next page: a real
    SQLITE_FULL, as on a full disk, without filling the disk."""
    conn = session.connection().connection.dbapi_connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def test_disk_full_while_recording_the_restore_event_keeps_the_old_store(
    store: Store,
    store_paths: StorePaths,
    taken: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_people(store, 1)
    store.close()
    before = folder_digest(store_paths.root)
    real_record = audit.record

    def record_on_a_full_disk(session: Any, action: Action, **kwargs: Any) -> None:
        if action is Action.RESTORE:
            _fill_database(session)
            kwargs["subject"] = "x" * 20_000  # needs new pages: the full disk bites
        real_record(session, action, **kwargs)

    monkeypatch.setattr(audit, "record", record_on_a_full_disk)
    with pytest.raises(DiskFullError) as info:
        restore.restore(store_paths, taken)
    assert "Disken er fuld" in info.value.message
    assert "ikke ændret" in info.value.message
    assert folder_digest(store_paths.root) == before
    assert no_dot_entries(store_paths.root)


def test_a_failure_after_the_swap_puts_the_old_store_back(
    store: Store,
    store_paths: StorePaths,
    taken: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    """The disk fills up exactly when the journal is to say "committed"."""
    add_people(store, 1)
    store.close()
    before = folder_digest(store_paths.root)
    keyring_before = dict(memory_keyring.items)
    real_write = restore.write_private_atomic

    def full_at_commit(path: Path, data: bytes) -> None:
        if b'"committed"' in data:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(path, data)

    monkeypatch.setattr(restore, "write_private_atomic", full_at_commit)
    with pytest.raises(DiskFullError) as info:
        restore.restore(store_paths, taken)
    assert "sat på plads igen" in info.value.message
    assert folder_digest(store_paths.root) == before
    assert no_dot_entries(store_paths.root)
    assert memory_keyring.items == keyring_before
    monkeypatch.undo()
    opened = restore.restore(store_paths, taken)  # and it works once there is room
    try:
        assert youths.count(opened.store) == 3
    finally:
        opened.store.close()


def test_a_refusing_keyring_keeps_the_old_store(
    store: Store,
    store_paths: StorePaths,
    taken: Path,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Restoring another store's backup on a machine whose keyring says no."""
    store.close()
    before = folder_digest(store_paths.root)
    # Another laptop's backup: its key is not in this keyring, so it must be stored.
    memory_keyring.items.clear()

    def refuse(*_a: object) -> None:
        raise keyring.errors.PasswordSetError("locked")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    with pytest.raises(restore.KeyringRefusedError) as info:
        restore.restore(store_paths, taken, PASSPHRASE)
    assert "nøglering" in info.value.message and "ikke ændret" in info.value.message
    assert folder_digest(store_paths.root) == before
    assert no_dot_entries(store_paths.root)


# --- the RESTORE event says which events of the replaced store are gone ---------------------


def test_restore_records_the_events_the_backup_lacks(
    store: Store, store_paths: StorePaths, taken: Path
) -> None:
    from ungedesk.store.models import AuditHead

    head = backup_archive.inspect(taken).audit_head
    assert head is not None
    audit.log(store, Action.SEARCH, detail="efter kopien")
    audit.log(store, Action.SEARCH, detail="igen")
    with store.session() as s:
        replaced = s.get(AuditHead, 1)
        assert replaced is not None
        last = replaced.last_id
    store.close()
    # The backup's own BACKUP event came after the export, so head.seq + 1 is missing too.
    assert last == head.seq + 3
    opened = restore.restore(store_paths, taken)
    try:
        detail = restore.last_restore_detail(opened.store)
        assert detail is not None
        assert f"Hændelse nr. {head.seq + 1}-{last} fra den erstattede database findes" in detail
        assert "(3 hændelser)" in detail
        assert audit.verify(opened.store).ok
    finally:
        opened.store.close()


def test_restoring_another_stores_backup_says_another_chain(
    store: Store, store_paths: StorePaths, tmp_path: Path
) -> None:
    from tests.conftest import PROFILE
    from ungedesk.services.setup import create_installation

    other = create_installation(
        StorePaths(tmp_path / "other"), PASSPHRASE, PROFILE, scrypt_n=TEST_SCRYPT_N
    ).opened.store
    try:
        copy = tmp_path / "anden.udbackup"
        backup.backup(other, copy)
    finally:
        other.close()
    add_people(store, 1)
    store.close()
    opened = restore.restore(store_paths, copy)
    try:
        detail = restore.last_restore_detail(opened.store)
        assert detail is not None and "en anden kæde" in detail
    finally:
        opened.store.close()


def test_the_replaced_log_is_unknown_without_its_key(
    store: Store, store_paths: StorePaths, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    from tests.conftest import PROFILE
    from ungedesk.services.setup import create_installation

    other = create_installation(
        StorePaths(tmp_path / "other"), PASSPHRASE, PROFILE, scrypt_n=TEST_SCRYPT_N
    ).opened.store
    try:
        copy = tmp_path / "anden.udbackup"
        backup.backup(other, copy)
    finally:
        other.close()
    store.close()
    keys.keyring_forget(store.store_id)
    opened = restore.restore(store_paths, copy)
    try:
        detail = restore.last_restore_detail(opened.store)
        assert detail is not None and "(ukendt)" in detail
    finally:
        opened.store.close()


# --- interrupted restores, found at the next start ------------------------------------------


def test_recovery_without_a_journal_does_nothing(store: Store, store_paths: StorePaths) -> None:
    store.close()
    before = folder_digest(store_paths.root)
    assert restore.recover_interrupted_restore(store_paths) is None
    assert folder_digest(store_paths.root) == before


def test_an_unreadable_journal_touches_nothing(store: Store, store_paths: StorePaths) -> None:
    store.close()
    aside = store_paths.root / ".replaced-0123abcd"
    aside.mkdir()
    (aside / "ungedesk.db").write_bytes(b"maybe the only copy")
    (store_paths.root / restore.JOURNAL_NAME).write_text('{"phase": "swap')
    before = folder_digest(store_paths.root)
    with pytest.raises(restore.InterruptedRestoreError):
        restore.recover_interrupted_restore(store_paths)
    restore.clean_leftovers(store_paths, now=datetime.now(UTC) + timedelta(days=400))
    assert folder_digest(store_paths.root) == before and (aside / "ungedesk.db").exists()


# --- leftovers ------------------------------------------------------------------------------


def _age(path: Path, days: float) -> None:
    moment = (datetime.now(UTC) - timedelta(days=days)).timestamp()
    for p in [*path.rglob("*"), path] if path.is_dir() else [path]:
        os.utime(p, (moment, moment), follow_symlinks=False)


def test_stale_leftovers_are_cleaned_and_fresh_ones_kept(
    store: Store, store_paths: StorePaths, tmp_path: Path
) -> None:
    root = store_paths.root
    stale_staging = root / ".restore-00000001"
    fresh_staging = root / ".restore-00000002"
    empty_aside = root / ".replaced-00000003"
    old_version_aside = root / ".replaced-00000004"  # an older version's crash: maybe the
    for folder in (stale_staging, fresh_staging, empty_aside, old_version_aside):
        folder.mkdir()
    (stale_staging / "ungedesk.db").write_bytes(b"x")
    (fresh_staging / "ungedesk.db").write_bytes(b"x")
    (old_version_aside / "ungedesk.db").write_bytes(b"only copy?")
    _age(stale_staging, 1)
    _age(empty_aside, 1)
    _age(old_version_aside, 2)
    store_paths.migration_backups.mkdir(exist_ok=True)
    old_copy = store_paths.migration_backups / "ungedesk-0004-20250101-100000.db"
    new_copy = store_paths.migration_backups / "ungedesk-0004-20261120-100000.db"
    old_copy.write_bytes(b"x")
    new_copy.write_bytes(b"x")
    _age(old_copy, 31)
    _age(new_copy, 5)
    removed = restore.clean_leftovers(store_paths, now=datetime.now(UTC))
    assert removed == 3
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == [
        ".replaced-00000004",
        ".restore-00000002",
    ]
    assert restore.clean_leftovers(store_paths, now=datetime.now(UTC) + timedelta(days=31)) == 3
    assert no_dot_entries(root) and not new_copy.exists()
    # Backup temp files beside a target, from a backup killed half-way, go at the next backup.
    target = tmp_path / "kopi.udbackup"
    stale_tmp = tmp_path / ".kopi.udbackup.db-0a0b0c0d.tmp"
    stale_zip = tmp_path / ".kopi.udbackup.zip-0a0b0c0e.tmp"
    fresh_tmp = tmp_path / ".kopi.udbackup.zip-0a0b0c0f.tmp"
    for p in (stale_tmp, stale_zip, fresh_tmp):
        p.write_bytes(b"x")
    _age(stale_tmp, 1)
    _age(stale_zip, 1)
    backup.backup(store, target)
    assert not stale_tmp.exists() and not stale_zip.exists() and fresh_tmp.exists()


def test_retention_deletion_drops_the_pre_migration_copies(
    store: Store, store_paths: StorePaths
) -> None:
    from datetime import date

    from tests.conftest import TODAY
    from tests.services.test_retention import person
    from ungedesk.domain.youth import ExitReason
    from ungedesk.services import retention

    yid = person(store, "010203-4562", "Gammelsag")
    retention.close_case(store, yid, ExitReason.JOB, date(2021, 11, 23), today=TODAY)
    store_paths.migration_backups.mkdir(exist_ok=True)
    copy = store_paths.migration_backups / "ungedesk-0004-20261120-100000.db"
    copy.write_bytes(b"holds the person")
    assert retention.delete_expired(store, [yid], today=TODAY) == 1
    assert not copy.exists()


def test_a_restore_removes_the_replaced_stores_pre_migration_copies(
    store: Store, store_paths: StorePaths, taken: Path
) -> None:
    store.close()
    store_paths.migration_backups.mkdir(exist_ok=True)
    copy = store_paths.migration_backups / "ungedesk-0004-20261120-100000.db"
    copy.write_bytes(b"x")
    restore.restore(store_paths, taken).store.close()
    assert not copy.exists()


# --- backup: logged before published, --out checked, head in the manifest -------------------


def test_backup_manifest_and_result_carry_the_audit_head(store: Store, tmp_path: Path) -> None:
    add_people(store, 2)
    with store.session() as s:
        from ungedesk.store.models import AuditHead

        head = s.get(AuditHead, 1)
        assert head is not None
        expected = (head.last_id, head.last_hash)
    result = backup.backup(store, tmp_path / "kopi.udbackup")
    assert (result.audit_seq, result.audit_hash) == expected
    assert result.audit_hash_short == expected[1][:16]
    manifest = json.loads(members(result.path)["manifest.json"])
    assert manifest["audit_head"] == {"seq": expected[0], "hash": expected[1]}
    info = backup_archive.inspect(result.path)
    assert info.audit_head is not None and info.audit_head.seq == expected[0]
    event = audit.recent_for_actor(store, 1)[0]
    assert event.action is Action.BACKUP and f"nr. {expected[0]}" in event.detail


def test_when_logging_fails_nothing_is_published(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_record = audit.record

    def record_on_a_full_disk(session: Any, action: Action, **kwargs: Any) -> None:
        if action is Action.BACKUP:
            _fill_database(session)
            kwargs["subject"] = "x" * 20_000
        real_record(session, action, **kwargs)

    monkeypatch.setattr(audit, "record", record_on_a_full_disk)
    with pytest.raises(DiskFullError):
        backup.backup(store, tmp_path / "kopi.udbackup")
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    assert backup.last_backup(store) is None


def test_when_publishing_fails_the_log_says_so_and_no_temp_is_left(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup.os, "replace", disk_full)
    with pytest.raises(BackupError) as info:
        backup.backup(store, tmp_path / "kopi.udbackup")
    monkeypatch.undo()
    assert "kunne ikke gemmes" in info.value.message and "disken er fuld" in info.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    events = audit.recent_for_actor(store, 1)
    assert events[0].action is Action.BACKUP and "Mislykkedes" in events[0].detail
    assert backup.last_backup(store) is None


def test_out_may_not_point_into_the_data_dir(
    store: Store, store_paths: StorePaths, tmp_path: Path
) -> None:
    with pytest.raises(BackupError) as info:
        backup.backup(store, store_paths.root / "kopi.udbackup")
    assert "datamappe" in info.value.message
    with pytest.raises(BackupError):
        backup.backup(store, store_paths.db)
    link = tmp_path / "genvej"
    link.symlink_to(store_paths.root, target_is_directory=True)
    with pytest.raises(BackupError) as via_link:
        backup.backup(store, link / "kopi.udbackup")
    assert "datamappe" in via_link.value.message
    with pytest.raises(BackupError):
        backup.backup(store, store_paths.migration_backups.parent / "pre-migration" / "k")
    assert not (store_paths.root / "kopi.udbackup").exists()


def test_out_may_not_be_a_symlink_fifo_or_device(store: Store, tmp_path: Path) -> None:
    victim = tmp_path / "vigtig.txt"
    victim.write_text("urørt")
    link = tmp_path / "link.udbackup"
    link.symlink_to(victim)
    with pytest.raises(BackupError) as info:
        backup.backup(store, link, force=True)
    assert "almindelig fil" in info.value.message
    assert victim.read_text() == "urørt" and link.is_symlink()
    fifo = tmp_path / "fifo.udbackup"
    os.mkfifo(fifo)
    with pytest.raises(BackupError):
        backup.backup(store, fifo, force=True)
    if Path("/dev/null").exists():
        with pytest.raises(BackupError):
            backup.backup(store, Path("/dev/null"), force=True)


def test_an_existing_backup_is_replaced_only_with_force(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "kopi.udbackup"
    backup.backup(store, target)
    first = target.read_bytes()
    with pytest.raises(BackupExistsError) as info:
        backup.backup(store, target)
    assert "--force" in info.value.message
    assert target.read_bytes() == first
    add_people(store, 1)
    backup.backup(store, target, force=True)
    assert target.read_bytes() != first


def test_restore_failures_are_known_errors(store: Store, store_paths: StorePaths) -> None:
    # The bad-backup message, never a bug, for a source that is a folder or missing.
    store.close()
    for source in (store_paths.root, store_paths.root / "nope.udbackup"):
        with pytest.raises(BadBackupError):
            restore.restore(store_paths, source)
