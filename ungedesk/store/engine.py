"""The store's SQLAlchemy Engine on keyed SQLCipher connections (store.connection)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import SingletonThreadPool

from ungedesk.store.connection import connect_raw
from ungedesk.store.errors import translate_db_error
from ungedesk.store.paths import restrict


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
