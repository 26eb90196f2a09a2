"""Opening a SQLCipher database with a raw key, with the PRAGMAs of DESIGN.md."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import SingletonThreadPool

from ungedesk.store.errors import (
    CorruptStoreError,
    DamagedStoreError,
    NoStoreError,
    StoreError,
    translate_db_error,
)
from ungedesk.store.paths import restrict

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
BUSY_TIMEOUT_MS = 5000


def _key_pragma(key: bytes) -> str:
    hexkey = key.hex()
    # PRAGMAs take no bound parameters: the key goes into the text, so it must be exactly
    # 64 lowercase hex digits and nothing else.
    if not _HEX64.match(hexkey):
        raise ValueError("the data key must be 32 bytes")
    return f"PRAGMA key = \"x'{hexkey}'\""


def _has_schema(conn: sqlcipher.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    return row is not None


def connect_raw(db: Path, key: bytes, *, create: bool = False) -> sqlcipher.Connection:
    """A keyed, configured DB-API connection. Raises a known StoreError on failure.

    The check query runs before any PRAGMA that could write, so a wrong key or a damaged
    file fails without touching a byte of it. Unless ``create`` is set, the database must
    have UngeDesk's schema (DamagedStoreError otherwise).
    """
    if not create and not db.exists():
        raise NoStoreError()
    mode = "rwc" if create else "rw"
    uri = f"file:{quote(str(db))}?mode={mode}"
    try:
        conn = sqlcipher.connect(
            uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlcipher.Error as exc:
        raise translate_db_error(exc) or StoreError() from exc
    try:
        # SQLCipher logs failures (e.g. "hmac check failed") to stderr itself; the failure
        # still raises here and reaches the user as one Danish message, so keep stderr clean.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_key_pragma(key))
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not create and not _has_schema(conn):
            # An empty or schema-less file is a damaged store, not a new one: refuse before
            # journal_mode (which would write a header into an empty file) or a migration
            # could build a fresh, empty store into it.
            conn.close()
            raise DamagedStoreError()
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlcipher.Error as exc:
        conn.close()
        known = translate_db_error(exc)
        if known is None:
            raise
        if isinstance(known, CorruptStoreError):
            raise CorruptStoreError() from None
        raise known from None
    if create:
        restrict(db)
    return conn


def create_store_engine(db: Path, key: bytes, *, create: bool = False) -> Engine:
    """An Engine whose every connection is keyed. The first connection is made at once so
    that a wrong key or a damaged file is reported here, not at the first query."""
    first: list[sqlcipher.Connection] = [connect_raw(db, key, create=create)]

    def creator() -> Any:
        if first:
            return first.pop()
        return connect_raw(db, key)

    # One connection per thread, never handed to another thread: a sqlcipher3 connection
    # object is not safe to share between threads (the GUI's worker and, in tests, the main
    # thread), even though SQLite itself is built thread-safe. Seen as a rare segfault.
    engine = create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=creator,
        poolclass=SingletonThreadPool,
        pool_size=4,
    )

    @event.listens_for(engine, "connect")
    def _no_pysqlite_transactions(dbapi_conn: Any, _rec: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (pysqlite's implicit transactions are broken).
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    with engine.connect():
        pass
    for suffix in ("-wal", "-shm"):
        restrict(db.with_name(db.name + suffix))
    return engine


@contextmanager
def translated_errors() -> Iterator[None]:
    """Turn known DB-API failures into StoreErrors with Danish messages."""
    try:
        yield
    except DBAPIError as exc:
        known = translate_db_error(exc.orig if exc.orig is not None else exc)
        if known is None:
            raise
        raise known from None
    except sqlcipher.Error as exc:
        known = translate_db_error(exc)
        if known is None:
            raise
        raise known from None
