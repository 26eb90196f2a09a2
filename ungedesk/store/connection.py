"""A keyed, configured SQLCipher connection: the PRAGMAs of DESIGN.md in one place.

Kept free of SQLAlchemy so that the start can read the register's first page before the
ORM is imported (services.first_look); store.engine builds its Engine on these
connections.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import sqlcipher3.dbapi2 as sqlcipher

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
        # No cache of prepared statements: with cipher_memory_security ON, statements kept
        # prepared across queries made later scans of the same connection 3-4 times slower
        # (the figures of a month at 100,000 young people: 9.3 s cached, 2.9 s uncached;
        # benchmarks/RESULTS.md). Preparing a statement again costs microseconds.
        conn = sqlcipher.connect(
            uri,
            uri=True,
            check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
            cached_statements=0,
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
