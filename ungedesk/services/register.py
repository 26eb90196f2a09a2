"""The register's use cases for the main window: the first page and an early search straight
from SQL, the list with its search index, and what the register and edit forms open with.
One transaction each.

The first page and ``search_page`` read the stored register texts (store.models
REGISTER_COLUMNS) through plain SQL, never ORM objects: at 100,000 young people the first
page is one indexed query of ``limit`` rows, and a keystroke typed before the index has
arrived is answered by one scan in SQL with the same matches the index would give.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, cast

from sqlalchemy import Connection

from ungedesk.domain.search import Query, RegisterIndex, StoredRow, YouthRow
from ungedesk.services.progress import Progress
from ungedesk.store.database import Store

if TYPE_CHECKING:
    from ungedesk.services.caseworkers import CaseworkerView
    from ungedesk.services.youths import YouthRecord

PAGE = 200

_ROW_COLUMNS = (
    "y.id, y.case_number, y.cpr, y.first_name, y.last_name, y.birth_date, "
    "y.henvendelse_date, coalesce(c.initials, ''), y.status"
)
_FROM = "FROM youth y LEFT JOIN caseworker c ON c.id = y.caseworker_id"
_ORDER = "ORDER BY y.register_sort, y.id"


@dataclass(frozen=True, slots=True)
class RegisterPage:
    rows: list[YouthRow]  # ordered exactly as RegisterIndex orders "name" ascending
    matched: int  # rows matching the query (== total without a query)
    total: int  # young people in the store


def _rows(conn: Connection, where: str, params: tuple[object, ...]) -> list[YouthRow]:
    found = conn.exec_driver_sql(
        f"SELECT {_ROW_COLUMNS} {_FROM} {where} {_ORDER} LIMIT ?",
        params,
    )
    return [
        YouthRow(i, cn, c, fn, ln, date.fromisoformat(bd), date.fromisoformat(hd), cw, st)
        for i, cn, c, fn, ln, bd, hd, cw, st in found
    ]


def _total(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT count(*) FROM youth").scalar_one())


def first_page(store: Store, limit: int = PAGE) -> RegisterPage:
    """The register's first ``limit`` rows in name order and the number of young people."""
    with store.session() as s:
        conn = s.connection()
        rows = _rows(conn, "", (limit,))
        total = _total(conn)
    return RegisterPage(rows, total, total)


def search_page(store: Store, query: str, limit: int = PAGE) -> RegisterPage:
    """The first ``limit`` rows matching ``query`` in name order, and how many match: the
    same matches as RegisterIndex.search(query), for a keystroke before the index is ready.
    Not logged here: the caller logs the search (youths.log_search) as it does for the
    index's."""
    parsed = Query.parse(query)
    if parsed.empty:
        return first_page(store, limit)
    if parsed.digits:
        where = "WHERE instr(y.register_digits, ?) > 0"
        params: tuple[str, ...] = (parsed.digits,)
    else:
        where = "WHERE " + " AND ".join(["instr(y.register_text, ?) > 0"] * len(parsed.text_tokens))
        params = parsed.text_tokens
    with store.session() as s:
        conn = s.connection()
        rows = _rows(conn, where, (*params, limit))
        # Fewer rows than asked for: they are all the matches, and a second scan (the slow
        # part of a rare name's search) is not needed.
        matched = len(rows)
        if matched >= limit:
            matched = int(
                conn.exec_driver_sql(
                    f"SELECT count(*) FROM youth y {where}",  # noqa: S608 (fixed text)
                    params,
                ).scalar_one()
            )
        total = _total(conn)
    return RegisterPage(rows, matched, total)


def load_index(store: Store, progress: Progress | None = None) -> RegisterIndex:
    """The whole register and its search index, built on the worker from the stored texts,
    already in name order: nothing is folded or sorted here. The GUI thread becomes the
    index's only owner once it arrives. ``progress`` lets closing the app stop the load
    between rows (it reads nothing but the register, so stopping loses nothing)."""
    with store.session() as s:
        # The DB-API cursor's plain tuples: 100,000 rows without a result-row object each.
        dbapi = s.connection().connection.dbapi_connection
        assert dbapi is not None
        cursor = dbapi.cursor()
        try:
            cursor.execute(
                "SELECT y.id, y.case_number, y.first_name, y.last_name, y.birth_date, "
                "y.henvendelse_date, coalesce(c.initials, ''), y.status, y.register_text, "
                f"y.register_digits {_FROM} {_ORDER}"
            )
            rows = cast(Iterable[StoredRow], cursor)
            return RegisterIndex.from_stored(rows if progress is None else _checked(rows, progress))
        finally:
            cursor.close()


def _checked[T](rows: Iterable[T], progress: Progress, every: int = 4096) -> Iterator[T]:
    """``rows``, asking ``progress`` whether to stop every ``every`` rows."""
    for number, row in enumerate(rows):
        if number % every == 0:
            progress.check()
        yield row


@dataclass(frozen=True, slots=True)
class EditForm:
    """What the edit form opens with: the record (its read logged) and the caseworkers."""

    record: YouthRecord
    caseworkers: list[CaseworkerView]


def edit_form(store: Store, youth_id: int) -> EditForm | None:
    """The record to edit and the caseworkers to choose from; None when the young person
    is gone (deleted meanwhile)."""
    # Here, not at the top: the first page must not wait for the ORM models, the audit log
    # and the deadline engine these pull in.
    from ungedesk.services import caseworkers, youths

    with store.session() as s:
        record = youths.get_in(s, youth_id)
        if record is None:
            return None
        return EditForm(record, caseworkers.list_in(s))
