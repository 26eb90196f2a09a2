"""The register's first page and an early search, in plain SQL on a DB-API connection.

No SQLAlchemy here: the start reads the first page on a raw connection before the ORM is
imported (services.first_look), and services.register runs the same statements inside a
store session. Both read the stored register texts (store.models REGISTER_COLUMNS), so a
page is one indexed query of ``limit`` rows at 100,000 young people.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from ungedesk.domain.search import Query, YouthRow

PAGE = 200

ROW_COLUMNS = (
    "y.id, y.case_number, y.cpr, y.first_name, y.last_name, y.birth_date, "
    "y.henvendelse_date, coalesce(c.initials, ''), y.status"
)
FROM = "FROM youth y LEFT JOIN caseworker c ON c.id = y.caseworker_id"
ORDER = "ORDER BY y.register_sort, y.id"


class Rows(Protocol):
    def fetchone(self) -> Any: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What is used of a DB-API connection (sqlite3's ``execute`` shortcut)."""

    def execute(self, sql: str, parameters: tuple[object, ...] = ..., /) -> Rows: ...


@dataclass(frozen=True, slots=True)
class RegisterPage:
    rows: list[YouthRow]  # ordered exactly as RegisterIndex orders "name" ascending
    matched: int  # rows matching the query (== total without a query)
    total: int  # young people in the store


def _rows(conn: Connection, where: str, params: tuple[object, ...]) -> list[YouthRow]:
    found = conn.execute(f"SELECT {ROW_COLUMNS} {FROM} {where} {ORDER} LIMIT ?", params)
    return [
        YouthRow(i, cn, c, fn, ln, date.fromisoformat(bd), date.fromisoformat(hd), cw, st)
        for i, cn, c, fn, ln, bd, hd, cw, st in found
    ]


def _count(conn: Connection, sql: str, params: tuple[object, ...] = ()) -> int:
    row = conn.execute(sql, params).fetchone()
    return int(row[0])  # count(*) always answers one row


def first_page(conn: Connection, limit: int = PAGE) -> RegisterPage:
    """The first ``limit`` rows in name order and the number of young people."""
    rows = _rows(conn, "", (limit,))
    total = _count(conn, "SELECT count(*) FROM youth")
    return RegisterPage(rows, total, total)


def search_page(conn: Connection, query: str, limit: int = PAGE) -> RegisterPage:
    """The first ``limit`` rows matching ``query`` in name order, and how many match: the
    same matches as RegisterIndex.search(query)."""
    parsed = Query.parse(query)
    if parsed.empty:
        return first_page(conn, limit)
    if parsed.birth:
        # A masked CPR: its six digits begin the CPR, which begins register_digits.
        where = "WHERE substr(y.register_digits, 1, 6) = ?"
        params: tuple[str, ...] = (parsed.digits,)
    elif parsed.digits:
        where = "WHERE instr(y.register_digits, ?) > 0"
        params = (parsed.digits,)
    else:
        where = "WHERE " + " AND ".join(["instr(y.register_text, ?) > 0"] * len(parsed.text_tokens))
        params = parsed.text_tokens
    rows = _rows(conn, where, (*params, limit))
    # Fewer rows than asked for: they are all the matches, and a second scan (the slow part
    # of a rare name's search) is not needed.
    matched = len(rows)
    if matched >= limit:
        matched = _count(conn, f"SELECT count(*) FROM youth y {where}", params)  # noqa: S608
    total = _count(conn, "SELECT count(*) FROM youth")
    return RegisterPage(rows, matched, total)
