"""Keeping the register's stored texts (store.models.REGISTER_COLUMNS) in step with
domain.search.

The texts are derived with the folding of REGISTER_KEYS_VERSION. A program update that
changes the folding changes that number; the next open recomputes every row in one
transaction and records the version in the ``setting`` table. When the versions agree the
check is one indexed read.
"""

from __future__ import annotations

from itertools import batched
from typing import TYPE_CHECKING

from ungedesk.domain.search import (
    REGISTER_KEYS_VERSION,
    digits_haystack,
    name_haystack,
    name_sort_key,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

SETTING = "register.keys_version"
_BATCH = 2000


def stored_version(conn: Connection) -> str | None:
    row = conn.exec_driver_sql("SELECT value FROM setting WHERE key = ?", (SETTING,)).first()
    return None if row is None else str(row[0])


def fill(conn: Connection) -> int:
    """Recompute every young person's register texts and record the version; inside the
    caller's transaction. Returns the number of rows."""
    rows = conn.exec_driver_sql(
        "SELECT id, first_name, last_name, case_number, cpr FROM youth"
    ).all()
    done = 0
    for batch in batched(rows, _BATCH):
        conn.exec_driver_sql(
            "UPDATE youth SET register_sort = ?, register_text = ?, register_digits = ? "
            "WHERE id = ?",
            [
                (
                    name_sort_key(first, last),
                    name_haystack(first, last, case_number),
                    digits_haystack(cpr, case_number),
                    youth_id,
                )
                for youth_id, first, last, case_number, cpr in batch
            ],
        )
        done += len(batch)
    conn.exec_driver_sql(
        "INSERT INTO setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (SETTING, str(REGISTER_KEYS_VERSION)),
    )
    return done


def refresh_if_stale(engine: Engine) -> bool:
    """Recompute the texts when they were made with another folding; True when it did."""
    with engine.connect() as conn:
        if stored_version(conn) == str(REGISTER_KEYS_VERSION):
            return False
    with engine.begin() as conn:
        # Checked again inside the write transaction: another process may have done it.
        if stored_version(conn) == str(REGISTER_KEYS_VERSION):
            return False
        fill(conn)
    return True
