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
from typing import TYPE_CHECKING, cast

from sqlalchemy.orm import Session

from ungedesk.domain.search import RegisterIndex, StoredRow, YouthRow
from ungedesk.services import register_page
from ungedesk.services.progress import Progress
from ungedesk.services.register_page import FROM, ORDER, PAGE, RegisterPage
from ungedesk.store.database import Store

if TYPE_CHECKING:
    from ungedesk.services.caseworkers import CaseworkerView
    from ungedesk.services.youths import YouthRecord


def _dbapi(s: Session) -> register_page.Connection:
    dbapi = s.connection().connection.dbapi_connection
    assert dbapi is not None
    return cast(register_page.Connection, dbapi)


def first_page(store: Store, limit: int = PAGE) -> RegisterPage:
    """The register's first ``limit`` rows in name order and the number of young people."""
    with store.session() as s:
        return register_page.first_page(_dbapi(s), limit)


def search_page(store: Store, query: str, limit: int = PAGE) -> RegisterPage:
    """The first ``limit`` rows matching ``query`` in name order, and how many match: the
    same matches as RegisterIndex.search(query), for a keystroke before the index is ready.
    Not logged here: the caller logs the search (youths.log_search) as it does for the
    index's."""
    with store.session() as s:
        return register_page.search_page(_dbapi(s), query, limit)


def load_index(store: Store, progress: Progress | None = None) -> RegisterIndex:
    """The whole register and its search index, built on the worker from the stored texts,
    already in name order: nothing is folded or sorted here. The GUI thread becomes the
    index's only owner once it arrives. ``progress`` lets closing the app stop the load
    between rows (it reads nothing but the register, so stopping loses nothing)."""
    with store.session() as s:
        index = _index_in(s, progress)
    # The words for "did you mean" are collected here, on the worker, not at the first
    # search that finds nobody.
    index.prepare_suggestions()
    return index


def _index_in(s: Session, progress: Progress | None) -> RegisterIndex:
    # The DB-API cursor's plain tuples: 100,000 rows without a result-row object each.
    dbapi = s.connection().connection.dbapi_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    try:
        cursor.execute(
            "SELECT y.id, y.case_number, y.first_name, y.last_name, y.birth_date, "
            "y.henvendelse_date, coalesce(c.initials, ''), y.status, y.register_text, "
            f"y.register_digits {FROM} {ORDER}"
        )
        rows = cast(Iterable[StoredRow], cursor)
        return RegisterIndex.from_stored(rows if progress is None else _checked(rows, progress))
    finally:
        cursor.close()


@dataclass(frozen=True, slots=True)
class Found:
    """What ``find`` found: the first rows in name order (each with its ten CPR digits:
    the caller masks them unless they were revealed), how many match, how many young
    people there are, and a search one typo away when nothing matched."""

    rows: list[YouthRow]
    matched: int
    total: int
    suggestion: str | None
    revealed: bool


def find(store: Store, query: str, limit: int, *, reveal: bool = False) -> Found:
    """The GUI's search, headless (``ungedesk find``): the register's index searched as the
    main window searches it, in one transaction that also logs the search with its
    criterion (as youths.log_search does) and, with ``reveal``, one CPR reveal per young
    person whose full number is handed out (the record's Show CPR action)."""
    from ungedesk.services import audit

    with store.session() as s:
        index = _index_in(s, None)
        matched = index.search(query)
        rows = [index.row(i) for i in range(min(limit, matched))]
        suggestion = index.suggest(query) if matched == 0 else None
        audit.record(s, audit.Action.SEARCH, criterion=query.strip(), detail=f"{matched} fundet")
        if reveal:
            for row in rows:
                audit.record(s, audit.Action.REVEAL_CPR, youth_id=row.id, subject=row.case_number)
        return Found(rows, matched, index.total, suggestion, reveal)


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
