"""Known database errors are told apart by SQLite's result code, not by their wording."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from ungedesk.domain.errors import FileError, InputError, KnownError
from ungedesk.store.errors import (
    CorruptStoreError,
    DiskFullError,
    ReadOnlyStoreError,
    StoreError,
    StoreLockedError,
    translate_db_error,
)


def coded(message: str, code: int) -> sqlcipher.Error:
    exc = sqlcipher.OperationalError(message)
    exc.sqlite_errorcode = code
    return exc


def test_not_a_database_is_corrupt(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(bytes(range(256)) * 16)
    conn = sqlcipher.connect(str(junk))
    with pytest.raises(sqlcipher.DatabaseError) as caught:
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()
    assert isinstance(translate_db_error(caught.value), CorruptStoreError)


def test_a_busy_database_is_locked(tmp_path: Path) -> None:
    path = str(tmp_path / "busy.db")
    first = sqlcipher.connect(path, isolation_level=None)
    first.execute("CREATE TABLE t(x)")
    first.execute("BEGIN EXCLUSIVE")
    second = sqlcipher.connect(path, timeout=0)
    with pytest.raises(sqlcipher.OperationalError) as caught:
        second.execute("INSERT INTO t VALUES (1)")
    second.close()
    first.close()
    assert isinstance(translate_db_error(caught.value), StoreLockedError)


def test_malformed_json_is_a_bug_not_a_corrupt_store() -> None:
    conn = sqlcipher.connect(":memory:")
    with pytest.raises(sqlcipher.Error) as caught:
        conn.execute("SELECT json_extract(?, '$.a')", ("{not json",)).fetchall()
    conn.close()
    assert "malformed" in str(caught.value).lower()
    assert translate_db_error(caught.value) is None


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (11, CorruptStoreError),  # SQLITE_CORRUPT
        (26, CorruptStoreError),  # SQLITE_NOTADB
        (13, DiskFullError),  # SQLITE_FULL
        (8, ReadOnlyStoreError),  # SQLITE_READONLY
        (1032, ReadOnlyStoreError),  # SQLITE_READONLY_DBMOVED: extended, low byte 8
        (5, StoreLockedError),  # SQLITE_BUSY
        (6, StoreLockedError),  # SQLITE_LOCKED
    ],
)
def test_codes_decide_whatever_the_text_says(code: int, kind: type[StoreError]) -> None:
    assert isinstance(translate_db_error(coded("malformed words everywhere", code)), kind)


def test_io_error_by_code_has_its_own_message() -> None:
    known = translate_db_error(coded("x", 10 | (3 << 8)))  # SQLITE_IOERR_WRITE
    assert known is not None and type(known) is StoreError and "I/O" in known.message


def test_a_syntax_error_is_a_bug_even_when_its_text_names_a_known_failure() -> None:
    assert translate_db_error(coded("database is locked near 'x': syntax error", 1)) is None


def test_text_is_read_only_without_a_code() -> None:
    assert isinstance(translate_db_error(Exception("database is locked")), StoreLockedError)
    assert translate_db_error(Exception("malformed JSON")) is None


def test_error_families_are_apart() -> None:
    assert issubclass(StoreError, KnownError) and issubclass(FileError, KnownError)
    assert not issubclass(InputError, StoreError)
    assert not issubclass(FileError, StoreError)
