"""The store file: an empty, missing, truncated or schema-less database is damaged, never a
new store, and nothing is changed on disk while saying so (issue 10, "The store file")."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, PROFILE, TEST_SCRYPT_N, MemoryKeyring
from ungedesk.services import audit, backup, demo, integrity, setup
from ungedesk.store import database, instance_lock, keys
from ungedesk.store.connection import connect_raw
from ungedesk.store.database import Store
from ungedesk.store.errors import (
    CorruptStoreError,
    DamagedStoreError,
    KeyFileError,
    NoStoreError,
    StoreInUseError,
)
from ungedesk.store.paths import StorePaths


def snapshot(root: Path) -> dict[str, str]:
    """Every file in the data directory (but the instance lock's own files) by content."""
    skip = {instance_lock.LOCK_NAME, instance_lock.INFO_NAME}
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name not in skip
    }


def _empty(paths: StorePaths, full: bytes) -> None:
    paths.db.write_bytes(b"")


def _one_byte(paths: StorePaths, full: bytes) -> None:
    # SQLite reads a file this short as an empty database, like a zero-byte one.
    paths.db.write_bytes(full[:1])


def _missing(paths: StorePaths, full: bytes) -> None:
    paths.db.unlink()


def _truncated(paths: StorePaths, full: bytes) -> None:
    paths.db.write_bytes(full[:8192])


def _no_tables(paths: StorePaths, full: bytes) -> None:
    """A real SQLCipher file with this store's key, but without any table."""
    key, _, _ = database.resolve_key(paths, None)
    paths.db.unlink()
    conn = connect_raw(paths.db, key, create=True)
    conn.execute("CREATE TABLE scratch (x)")
    conn.execute("DROP TABLE scratch")
    conn.close()
    assert paths.db.stat().st_size > 0


def _no_revision(paths: StorePaths, full: bytes) -> None:
    """The tables are there but alembic_version is empty: no schema revision to trust."""
    key, _, _ = database.resolve_key(paths, None)
    conn = connect_raw(paths.db, key)
    conn.execute("DELETE FROM alembic_version")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


DAMAGE: dict[str, Callable[[StorePaths, bytes], None]] = {
    "empty": _empty,
    "one-byte": _one_byte,
    "missing": _missing,
    "truncated": _truncated,
    "no-tables": _no_tables,
    "no-revision": _no_revision,
}


@pytest.fixture
def sound_db(store: Store, store_paths: StorePaths) -> bytes:
    """The store, filled a little and closed; returns the database file's bytes."""
    demo.generate(store, 20, seed=3)
    store.close()
    return store_paths.db.read_bytes()


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_database_is_refused_and_left_as_it_is(
    damage: str, sound_db: bytes, store_paths: StorePaths
) -> None:
    DAMAGE[damage](store_paths, sound_db)
    before = snapshot(store_paths.root)
    with pytest.raises((DamagedStoreError, CorruptStoreError)) as info:
        setup.unlock(store_paths)
    if damage != "truncated":  # the first pages of a real store read as "malformed"
        assert isinstance(info.value, DamagedStoreError)
    message = info.value.message
    assert "ændret" in message  # "Intet er ændret" / "Filen er ikke ændret"
    assert "sikkerhedskopi" in message
    assert snapshot(store_paths.root) == before  # byte-identical, and no -wal or -shm
    # The same again with the passphrase instead of the keyring.
    with pytest.raises((DamagedStoreError, CorruptStoreError)):
        setup.unlock(store_paths, PASSPHRASE)
    assert snapshot(store_paths.root) == before
    # Nothing stays held: the refused open let go of the data directory.
    assert not instance_lock.held_here(store_paths)


@pytest.mark.parametrize("damage", ["empty", "missing"])
def test_a_missing_or_empty_database_is_said_before_asking_for_a_passphrase(
    damage: str, sound_db: bytes, store_paths: StorePaths, memory_keyring: MemoryKeyring
) -> None:
    DAMAGE[damage](store_paths, sound_db)
    memory_keyring.items.clear()  # the keyring cannot open it: the GUI would ask
    assert setup.store_exists(store_paths)  # a damaged store, not a first start
    with pytest.raises(DamagedStoreError):
        setup.needs_passphrase(store_paths)
    assert "mangler, er tom" in DamagedStoreError.message


def test_no_data_dir_and_an_empty_data_dir_are_no_store_not_damage(tmp_path: Path) -> None:
    nowhere = StorePaths(tmp_path / "nowhere")
    with pytest.raises(NoStoreError):
        setup.unlock(nowhere)
    assert not nowhere.root.exists()  # opening never creates the data directory
    empty = StorePaths(tmp_path / "empty")
    empty.root.mkdir()
    assert not setup.store_exists(empty)
    with pytest.raises(NoStoreError) as info:
        setup.unlock(empty)
    assert not isinstance(info.value, DamagedStoreError)


def test_a_database_without_its_key_file_is_still_a_key_file_error(
    sound_db: bytes, store_paths: StorePaths
) -> None:
    store_paths.key_file.unlink()
    with pytest.raises(KeyFileError):
        setup.unlock(store_paths)


def test_the_damaged_store_is_not_turned_into_a_sound_one_by_any_service(
    sound_db: bytes, store_paths: StorePaths, tmp_path: Path
) -> None:
    """The attack: check said sound, audit verify said 0 events, the schema was rebuilt and
    a routine backup replaced the last good one with an empty store."""
    opened = setup.unlock(store_paths)
    good_backup = tmp_path / "ugens.udbackup"
    backup.backup(opened.store, good_backup)
    opened.store.close()
    good_bytes = good_backup.read_bytes()
    store_paths.db.write_bytes(b"")
    before = snapshot(store_paths.root)
    for use in (integrity.check, audit.verify, lambda s: backup.backup(s, good_backup)):
        with pytest.raises(DamagedStoreError):
            opened = setup.unlock(store_paths)
            use(opened.store)  # never reached
    assert good_backup.read_bytes() == good_bytes
    assert snapshot(store_paths.root) == before
    assert store_paths.db.stat().st_size == 0


def test_create_still_builds_a_schema_and_opens(store_paths: StorePaths) -> None:
    result = setup.create_installation(store_paths, PASSPHRASE, PROFILE, scrypt_n=TEST_SCRYPT_N)
    try:
        assert setup.has_profile(result.opened.store)
        assert integrity.check(result.opened.store).sound
    finally:
        result.opened.store.close()
    # Only the store and the instance lock's file are left; no staging folder.
    names = sorted(p.name for p in store_paths.root.iterdir())
    assert names == ["ungedesk.db", "ungedesk.key", instance_lock.LOCK_NAME]
    opened = setup.unlock(store_paths)
    opened.store.close()
    assert keys.load_key_file(store_paths.key_file).store_id == opened.store.store_id


# --- the instance lock within one process ---------------------------------------------------


def test_holds_are_counted_per_process_and_may_end_on_another_thread(
    store_paths: StorePaths,
) -> None:
    store_paths.root.mkdir(parents=True)
    first = instance_lock.acquire(store_paths, instance_lock.GUI_HOLDER)
    second = instance_lock.acquire(store_paths, "something else")
    info = json.loads(instance_lock.info_path(store_paths).read_text(encoding="utf-8"))
    assert info["holder"] == instance_lock.GUI_HOLDER  # the first hold names the process
    assert info["pid"] == os.getpid()
    first.release()
    first.release()  # twice is harmless and does not give back the other hold
    assert instance_lock.held_here(store_paths)
    # The GUI takes the lock on its main thread; the store's hold may end on the worker.
    worker = threading.Thread(target=second.release)
    worker.start()
    worker.join()
    assert not instance_lock.held_here(store_paths)
    assert not instance_lock.info_path(store_paths).exists()
    if os.name == "posix":
        assert instance_lock.lock_path(store_paths).stat().st_mode & 0o077 == 0


def test_the_in_use_message_names_holder_process_and_start(store_paths: StorePaths) -> None:
    store_paths.root.mkdir(parents=True)
    tz = timezone(timedelta(hours=1))
    instance_lock.info_path(store_paths).write_text(
        json.dumps(
            {"holder": "UngeDesk-vinduet", "pid": 1234, "started": "2026-11-30T19:52:10+01:00"}
        )
    )
    today = instance_lock.in_use_error(
        store_paths, now=lambda: datetime(2026, 11, 30, 21, 0, tzinfo=tz)
    )
    assert today.message == (
        "Datamappen bruges allerede af UngeDesk-vinduet (proces 1234, startet kl. 19:52). "
        "Luk det først, og prøv igen."
    )
    later = instance_lock.in_use_error(
        store_paths, now=lambda: datetime(2026, 12, 2, 8, 0, tzinfo=tz)
    )
    assert "startet 30.11.2026 kl. 19:52" in later.message
    instance_lock.info_path(store_paths).write_text("not json")
    assert instance_lock.in_use_error(store_paths).message == StoreInUseError.message
    assert StoreInUseError.exit_code not in {NoStoreError.exit_code, DamagedStoreError.exit_code}
