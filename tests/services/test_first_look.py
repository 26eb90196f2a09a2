"""The start's first look reads the register's first page only in the plain case, and
declines (None) whenever the full open has something to repair, migrate or ask for."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.support.memory_keyring import MemoryKeyring
from ungedesk.services import demo, first_look, register
from ungedesk.store import keys, migrate, register_keys
from ungedesk.store.connection import connect_raw
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths

TODAY = date(2026, 11, 24)


@pytest.fixture
def filled(store: Store, memory_keyring: MemoryKeyring) -> Store:
    demo.generate(store, 40, seed=11, today=TODAY, talks_per_case=1)
    return store


def _closed(store: Store) -> StorePaths:
    paths = store.paths
    store.close()
    return paths


def test_the_plain_start_reads_the_same_first_page_as_the_open_store(filled: Store) -> None:
    expected = register.first_page(filled, 25)
    paths = _closed(filled)
    look = first_look.read(paths, 25)
    assert look is not None
    assert look.page == expected
    assert look.page.total == 40 and len(look.page.rows) == 25
    assert "key" not in repr(look).replace("store_id", "")  # the key stays out of reprs


def test_the_rest_opens_the_store_with_the_key_it_found(filled: Store) -> None:
    paths = _closed(filled)
    look = first_look.read(paths)
    assert look is not None
    opened = first_look.open_rest(paths, look)
    try:
        assert register.first_page(opened.store).total == 40
        assert opened.store.store_id == look.store_id
    finally:
        opened.store.close()


def test_no_key_in_the_keyring_goes_the_full_way(filled: Store) -> None:
    keys.keyring_forget(filled.store_id)
    assert first_look.read(_closed(filled)) is None


def test_a_key_of_another_store_goes_the_full_way(filled: Store) -> None:
    keys.keyring_put(filled.store_id, bytes(32))
    assert first_look.read(_closed(filled)) is None


def _set(paths: StorePaths, key: bytes, sql: str, params: tuple[object, ...]) -> None:
    conn = connect_raw(paths.db, key)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def test_a_store_that_needs_a_migration_goes_the_full_way(filled: Store) -> None:
    key = keys.keyring_get(filled.store_id)
    assert key is not None
    paths = _closed(filled)
    _set(paths, key, "UPDATE alembic_version SET version_num = ?", ("0009_something",))
    assert migrate.HEAD_REVISION != "0009_something"
    assert first_look.read(paths) is None


def test_register_texts_of_another_folding_go_the_full_way(filled: Store) -> None:
    key = keys.keyring_get(filled.store_id)
    assert key is not None
    paths = _closed(filled)
    _set(paths, key, "UPDATE setting SET value = ? WHERE key = ?", ("0", register_keys.SETTING))
    assert first_look.read(paths) is None


@pytest.mark.parametrize(
    "leftover",
    [
        ".ungedesk-restore.json",  # an interrupted restore's journal
        ".init-0a1b2c",  # an interrupted init's staging folder
        ".restore-0a1b",  # a restore's staging folder
        "ungedesk.key.rekey",  # an interrupted key rotation
    ],
)
def test_anything_for_the_recovery_goes_the_full_way(filled: Store, leftover: str) -> None:
    paths = _closed(filled)
    target = paths.root / leftover
    if leftover.startswith(".ungedesk") or leftover.endswith(".rekey"):
        target.write_text("{}", encoding="utf-8")
    else:
        target.mkdir()
    assert first_look.read(paths) is None


def test_an_empty_database_file_goes_the_full_way(filled: Store) -> None:
    paths = _closed(filled)
    paths.db.write_bytes(b"")
    assert first_look.read(paths) is None


def test_a_damaged_database_goes_the_full_way(filled: Store) -> None:
    paths = _closed(filled)
    data = bytearray(paths.db.read_bytes())
    data[100:4096] = bytes(len(data[100:4096]))  # the first page's encrypted content
    paths.db.write_bytes(bytes(data))
    assert first_look.read(paths) is None


def test_no_data_directory_goes_the_full_way(tmp_path: Path) -> None:
    assert first_look.read(StorePaths(tmp_path / "nowhere")) is None
