"""The store at rest: encrypted, owner-only, and untouched by every failure."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import PASSPHRASE, PROFILE, TEST_SCRYPT_N, TODAY, MemoryKeyring
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, integrity, setup, youths
from ungedesk.store import database, keys, migrate
from ungedesk.store.database import KeySource, Store
from ungedesk.store.errors import (
    CorruptStoreError,
    DiskFullError,
    KeyFileError,
    MissingKeyError,
    NoStoreError,
    StoreExistsError,
    StoreLockedError,
    WrongPassphraseError,
)
from ungedesk.store.paths import StorePaths

CANARY_CPR = "1503054567"
CANARY_FIRST = "Kanariefugl"
CANARY_LAST = "Zyxwvutsson"


def file_hashes(root: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.iterdir())
        if p.is_file()
    }


def all_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


def save_canary(store: Store) -> int:
    me = caseworkers.current_user(store)
    assert me is not None
    outcome = youths.register(
        store,
        YouthInput(
            cpr=CANARY_CPR,
            first_name=CANARY_FIRST,
            last_name=CANARY_LAST,
            henvendelse_date=date(2026, 10, 1),
            address="Kanarievej 7",
            phone="11 22 33 44",
            email="kanarie@example.dk",
            caseworker_id=me.id,
        ),
        today=TODAY,
    )
    return outcome.youth_id


def test_nothing_readable_at_rest_in_db_wal_or_any_file(
    store: Store, store_paths: StorePaths
) -> None:
    temp_dir = Path(tempfile.gettempdir())
    temp_before = {p for p in temp_dir.iterdir() if p.is_file()}
    save_canary(store)
    rows = youths.register_rows(store)  # reads and sorts must not spill to temp files either
    assert any(r.last_name == CANARY_LAST for r in rows)
    for p in temp_dir.iterdir():
        if p.is_file() and p not in temp_before:
            try:
                assert CANARY_LAST.encode() not in p.read_bytes(), "plaintext in a temp file"
            except OSError:
                continue
    wal = store_paths.db.with_name(store_paths.db.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the row is in the WAL now: check it too
    raw = all_bytes(store_paths.root)
    for needle in (
        CANARY_CPR,
        "150305-4567",
        CANARY_FIRST,
        CANARY_LAST,
        "Kanarievej",
        "SQLite format",
    ):
        assert needle.encode() not in raw, needle
    assert CANARY_FIRST.encode("utf-16-le") not in raw
    # and it is not an ordinary SQLite database either
    plain = sqlite3.connect(store_paths.db)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    plain.close()


def test_files_are_owner_only(store: Store, store_paths: StorePaths) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    save_canary(store)
    assert store_paths.root.stat().st_mode & 0o777 == 0o700
    for p in store_paths.root.iterdir():
        if p.is_file():
            assert p.stat().st_mode & 0o077 == 0, p.name


def test_pragmas_are_set(store: Store) -> None:
    with store.session() as s:
        conn = s.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert str(conn.exec_driver_sql("PRAGMA cipher_version").scalar()).startswith("4.")


def test_wrong_passphrase_leaves_every_file_unchanged(
    store: Store, store_paths: StorePaths, memory_keyring: MemoryKeyring
) -> None:
    save_canary(store)
    store.close()
    memory_keyring.items.clear()
    before = file_hashes(store_paths.root)
    with pytest.raises(WrongPassphraseError) as info:
        setup.unlock(store_paths, "forkert frase med mange ord")
    assert "forkert" in info.value.message
    assert file_hashes(store_paths.root) == before


def test_wrong_raw_key_fails_without_touching_the_file(
    store: Store, store_paths: StorePaths
) -> None:
    store.close()
    before = file_hashes(store_paths.root)
    from ungedesk.store.connection import connect_raw

    with pytest.raises(CorruptStoreError):
        connect_raw(store_paths.db, os.urandom(32))
    assert file_hashes(store_paths.root) == before


def test_flipped_byte_is_reported_as_corrupt_and_file_unchanged(
    store: Store, store_paths: StorePaths
) -> None:
    save_canary(store)
    store.close()
    data = bytearray(store_paths.db.read_bytes())
    data[100] ^= 0xFF  # inside the first page's encrypted content
    store_paths.db.write_bytes(bytes(data))
    before = file_hashes(store_paths.root)
    with pytest.raises(CorruptStoreError) as info:
        opened = setup.unlock(store_paths)
        integrity.check(opened.store)
    assert "beskadiget" in info.value.message
    assert file_hashes(store_paths.root) == before


def test_flipped_byte_in_a_later_page_is_found_by_cipher_integrity_check(
    store: Store, store_paths: StorePaths
) -> None:
    for i in range(30):
        youths.register(
            store,
            YouthInput(
                cpr=f"01010{i % 10}-{4000 + i}",
                first_name="Test",
                last_name=f"Person{'x' * 50}",
                henvendelse_date=date(2026, 10, 1),
                address="x" * 150,
                caseworker_id=1,
            ),
            today=TODAY,
        )
    store.close()
    data = bytearray(store_paths.db.read_bytes())
    assert len(data) > 4096 * 3
    data[4096 * 2 + 500] ^= 0x01
    store_paths.db.write_bytes(bytes(data))
    opened = setup.unlock(store_paths)
    try:
        assert not integrity.check(opened.store).sound
    except CorruptStoreError:
        pass  # also acceptable: the damaged page was needed to open
    finally:
        opened.store.close()


def test_keyring_first_then_passphrase_then_keyring_restored(
    store: Store, store_paths: StorePaths, memory_keyring: MemoryKeyring
) -> None:
    store.close()
    opened = setup.unlock(store_paths)
    assert opened.source is KeySource.KEYRING
    opened.store.close()
    memory_keyring.items.clear()  # another machine, or the keyring was wiped
    assert setup.needs_passphrase(store_paths)
    with pytest.raises(MissingKeyError):
        setup.unlock(store_paths)
    opened = setup.unlock(store_paths, PASSPHRASE)
    assert opened.source is KeySource.PASSPHRASE
    opened.store.close()
    assert not setup.needs_passphrase(store_paths)  # the key went back into the keyring


def test_passphrase_from_environment(
    store: Store,
    store_paths: StorePaths,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.close()
    memory_keyring.items.clear()
    monkeypatch.setenv(keys.ENV_PASSPHRASE, PASSPHRASE)
    opened = setup.unlock(store_paths)
    assert opened.source is KeySource.PASSPHRASE
    opened.store.close()


@pytest.mark.usefixtures("no_keyring")
def test_no_keyring_backend_means_passphrase_only(store_paths: StorePaths) -> None:
    assert not setup.keyring_available()
    result = setup.create_installation(store_paths, PASSPHRASE, PROFILE, scrypt_n=TEST_SCRYPT_N)
    assert not result.keyring_used
    assert "ingen nøglering" in result.key_location
    result.opened.store.close()
    assert setup.needs_passphrase(store_paths)
    with pytest.raises(MissingKeyError):
        setup.unlock(store_paths)
    opened = setup.unlock(store_paths, PASSPHRASE)
    assert opened.source is KeySource.PASSPHRASE
    opened.store.close()


def test_keyring_key_of_another_store_is_not_used(
    store: Store, store_paths: StorePaths, memory_keyring: MemoryKeyring
) -> None:
    store.close()
    kf = keys.load_key_file(store_paths.key_file)
    memory_keyring.set_password(keys.KEYRING_SERVICE, f"store-{kf.store_id}", os.urandom(32).hex())
    assert setup.needs_passphrase(store_paths)
    with pytest.raises(MissingKeyError):
        setup.unlock(store_paths)


def test_create_refuses_to_overwrite(store: Store, store_paths: StorePaths) -> None:
    before = file_hashes(store_paths.root)
    with pytest.raises(StoreExistsError):
        database.create(store_paths, PASSPHRASE, scrypt_n=TEST_SCRYPT_N)
    assert file_hashes(store_paths.root) == before


def test_missing_store_and_damaged_key_file(store_paths: StorePaths, tmp_path: Path) -> None:
    with pytest.raises(NoStoreError):
        setup.unlock(StorePaths(tmp_path / "nowhere"))
    result = setup.create_installation(store_paths, PASSPHRASE, PROFILE, scrypt_n=TEST_SCRYPT_N)
    result.opened.store.close()
    store_paths.key_file.write_text("{ not json")
    with pytest.raises(KeyFileError):
        setup.unlock(store_paths, PASSPHRASE)


def test_locked_database_gives_known_error(store: Store, store_paths: StorePaths) -> None:
    from ungedesk.store import engine as engine_mod

    key, _, _ = database.resolve_key(store_paths, None)
    other = engine_mod.connect_raw(store_paths.db, key)
    other.execute("PRAGMA busy_timeout = 0")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreLockedError) as info, store.session() as s:
            s.execute(text("PRAGMA busy_timeout = 50"))
            s.execute(text("INSERT INTO setting(key, value) VALUES ('x', '1')"))
        assert "i brug" in info.value.message
    finally:
        other.rollback()
        other.close()


def test_disk_full_saves_nothing_half(store: Store) -> None:
    me = caseworkers.current_user(store)
    assert me is not None
    before = youths.count(store)
    with store.engine.connect() as c:
        pages = c.exec_driver_sql("PRAGMA page_count").scalar()
    # SQLite reports SQLITE_FULL when max_page_count is reached: the same path as a full disk.
    # Set it on every pooled connection by limiting the pool to what we configure here.
    store.engine.dispose()
    from sqlalchemy import event

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_conn, _rec):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    saved = 0
    with pytest.raises(DiskFullError) as info:
        for i in range(200):
            youths.register(
                store,
                YouthInput(
                    cpr=f"{i % 28 + 1:02d}{i // 28 % 12 + 1:02d}03-{4000 + i}",
                    first_name="Fuld",
                    last_name="Disk" * 20,
                    henvendelse_date=date(2026, 11, 1),
                    address="a" * 200,
                    city="b" * 60,
                    caseworker_id=me.id,
                ),
                today=TODAY,
            )
            saved += 1
    assert "Disken er fuld" in info.value.message
    event.remove(store.engine, "connect", _cap)
    store.engine.dispose()
    # Every acknowledged registration is there, the failed one left nothing behind.
    assert youths.count(store) == before + saved
    assert len(youths.register_rows(store)) == before + saved
    assert integrity.check(store).sound


def test_migration_copies_the_store_aside_first(
    store: Store, store_paths: StorePaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    youth_id = save_canary(store)
    store.close()
    # A newer release with one more revision: copy the real scripts and add one on top.
    old_head = migrate.head_revision()
    assert old_head is not None
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(migrate.__file__).with_name("migrations"), scripts)
    (scripts / "versions" / "9999_test.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f'revision = "9999"\ndown_revision = "{old_head}"\nbranch_labels = None\n'
        "depends_on = None\n"
        'def upgrade():\n    op.add_column("youth", sa.Column("nickname", sa.String(50)))\n'
        'def downgrade():\n    op.drop_column("youth", "nickname")\n'
    )
    monkeypatch.setattr(migrate, "_SCRIPTS", scripts)
    monkeypatch.setattr(migrate, "HEAD_REVISION", "9999")
    opened = setup.unlock(store_paths)
    try:
        assert migrate.current_revision(opened.store.engine) == "9999"
        with opened.store.session() as s:
            cols = [r[1] for r in s.execute(text("PRAGMA table_info(youth)"))]
        assert "nickname" in cols
        record = youths.get(opened.store, youth_id)
        assert record is not None and record.first_name == CANARY_FIRST
    finally:
        opened.store.close()
    copies = list(store_paths.migration_backups.iterdir())
    assert len(copies) == 1 and old_head in copies[0].name
    assert CANARY_FIRST.encode() not in copies[0].read_bytes()
    # The copy is the old store: it opens with the same key at the old revision.
    key, _, _ = database.resolve_key(store_paths, None)
    from ungedesk.store.connection import connect_raw

    conn = connect_raw(copies[0], key)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old_head
        assert conn.execute("SELECT count(*) FROM youth").fetchone()[0] == 1
    finally:
        conn.close()


def test_integrity_check_on_a_sound_store(store: Store) -> None:
    save_canary(store)
    result = integrity.check(store)
    assert result.sound and result.integrity == ["ok"] and result.cipher == []
