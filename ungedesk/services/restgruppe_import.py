"""Importing the coordination group's monthly list: read, preview, then write all or nothing.

The screen and the command line do the same three steps: ``read_file`` (size and kind checked
before the file is read whole), ``preview`` (the file parsed and each row matched to a
registered young person, nothing written) and ``apply`` (the same bytes parsed again and
written in one transaction). The user's choice for a column the reader did not know is
remembered, so next month's file from the same system imports without asking.

A month holds one list. The same file again is recognised (by its content, not its bytes)
and refused; a different list for a month that has one replaces it only when asked, and
what the group already wrote about a young person who is on both carries over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ungedesk.domain import cpr as cpr_numbers
from ungedesk.domain.errors import FileError, InputError, KnownError
from ungedesk.domain.restgruppe_csv import (
    Column,
    ListRow,
    ParsedList,
    header_key,
    parse_list,
)
from ungedesk.services import audit, settings
from ungedesk.services.audit import Action
from ungedesk.services.progress import Progress, silent
from ungedesk.store.database import Store
from ungedesk.store.models import Youth
from ungedesk.store.restgruppe_tables import RestgruppeAttempt, RestgruppeEntry, RestgruppeList

# A month's list for a whole municipality is some thousand rows of a few hundred bytes; a
# file far beyond that is the wrong file, refused before it is read into memory.
MAX_FILE_BYTES = 20 * 1024 * 1024
LIST_AGES = range(15, 18)
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$", re.ASCII)
_WRITE_CHUNK = 1000  # rows per INSERT executemany; progress is reported between them
_CHUNK = 500  # CPR numbers per IN (...) query: well under SQLite's bound-parameter limit

# What the group decided stays with the young person when a month's list is replaced.
_REVIEW_FIELDS = (
    "misplaced_reason",
    "action_owner",
    "contact_status",
    "next_step",
    "next_step_on",
    "sanction_reason",
    "sanction_decided_by",
    "back_in_education_on",
)


class SameListError(KnownError):
    """The month already holds exactly this list."""

    exit_code = 3


class OtherListError(KnownError):
    """The month already holds another list; replacing it must be asked for."""

    exit_code = 4


def parse_month(text: str) -> date:
    """The first day of a month written "2026-11"; a Danish InputError otherwise."""
    match = _MONTH.match(text)
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise InputError({"month": "Skriv måneden som år-måned, fx 2026-11."})
    return date(int(match.group(1)), int(match.group(2)), 1)


def month_key(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def month_label(month: date) -> str:
    """ "november 2026"."""
    from babel.dates import format_date  # babel's locale data only when a message needs it

    return format_date(month, "MMMM y", locale="da")


def read_file(path: Path) -> bytes:
    """The file's bytes; a directory, a device or an oversized file is refused unread."""
    try:
        info = path.stat()
        if path.is_dir():
            raise FileError("Det valgte er en mappe. Vælg listen (en CSV-fil).")
        if not path.is_file():
            raise FileError("Det valgte er ikke en almindelig fil. Vælg listen (en CSV-fil).")
        if info.st_size > MAX_FILE_BYTES:
            raise FileError(
                f"Filen er for stor ({info.st_size // (1024 * 1024)} MB) til at være en "
                f"månedsliste; den må højst være {MAX_FILE_BYTES // (1024 * 1024)} MB."
            )
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise FileError("Filen findes ikke (længere). Vælg den igen.") from None
    except PermissionError:
        raise FileError("Filen kan ikke læses: du har ikke adgang til den.") from None
    except OSError as exc:
        raise FileError(f"Filen kan ikke læses ({exc.strerror or 'ukendt fejl'}).") from None
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        raise FileError("Filen blev større, mens den blev læst. Prøv igen.")
    return data


@dataclass(frozen=True, slots=True)
class PreviewRow:
    line: int
    cpr: str
    first_name: str
    last_name: str
    school: str
    status: str
    youth_id: int | None  # None: not registered; the preview offers registration
    registered_name: str
    warnings: tuple[str, ...]

    @property
    def masked_cpr(self) -> str:
        return cpr_numbers.mask(self.cpr)


@dataclass(frozen=True, slots=True)
class ExistingList:
    imported_at: str  # Danish date of the earlier import
    imported_by: str
    row_count: int
    same: bool  # the same young people with the same facts


@dataclass(frozen=True, slots=True)
class ImportPreview:
    month: date
    encoding: str
    separator: str
    headers: tuple[str, ...]
    mapping: tuple[Column, ...]
    rows: tuple[PreviewRow, ...]
    fingerprint: str
    existing: ExistingList | None

    @property
    def unknown_headers(self) -> tuple[str, ...]:
        """Headers neither known nor mapped: their values are not imported."""
        return tuple(
            h for h, c in zip(self.headers, self.mapping, strict=True) if c is Column.IGNORE
        )

    @property
    def matched(self) -> int:
        return sum(1 for r in self.rows if r.youth_id is not None)

    @property
    def new(self) -> int:
        return len(self.rows) - self.matched

    @property
    def with_warnings(self) -> int:
        return sum(1 for r in self.rows if r.warnings)


@dataclass(frozen=True, slots=True)
class ImportResult:
    month: date
    rows: int
    matched: int
    new: int
    replaced: bool


def remembered_columns(store: Store) -> dict[str, Column]:
    stored = settings.get_setting(store, settings.RESTGRUPPE_COLUMNS)
    out: dict[str, Column] = {}
    for key, value in stored.items():
        try:
            out[key] = Column(value)
        except ValueError:
            continue  # written by another version: asked again rather than guessed
    return out


def _columns(store: Store, chosen: Mapping[str, Column] | None) -> dict[str, Column]:
    columns = remembered_columns(store)
    columns.update({header_key(h): c for h, c in (chosen or {}).items()})
    return columns


def _registered(s: Session, cprs: Iterable[str]) -> dict[str, tuple[int, str, str, str]]:
    wanted = list(cprs)
    found: dict[str, tuple[int, str, str, str]] = {}
    for start in range(0, len(wanted), _CHUNK):
        rows = s.execute(
            select(Youth.cpr, Youth.id, Youth.first_name, Youth.last_name, Youth.status).where(
                Youth.cpr.in_(wanted[start : start + _CHUNK])
            )
        )
        for cpr, yid, first, last, status in rows:
            found[cpr] = (yid, first, last, status)
    return found


def _warnings(
    row: ListRow, month: date, registered: tuple[int, str, str, str] | None
) -> tuple[str, ...]:
    out: list[str] = []
    age = cpr_numbers.age_on(row.birth_date, month)
    if age not in LIST_AGES:
        out.append(f"Er {age} år den 1. i måneden; listen gælder 15-17-årige.")
    if registered is not None:
        _yid, first, last, status = registered
        if (row.first_name, row.last_name) != ("", "") and (
            f"{row.first_name} {row.last_name}".casefold() != f"{first} {last}".casefold()
        ):
            out.append("Navnet i filen er et andet end i registret.")
        if status != "active":
            out.append("Sagen er afsluttet i registret.")
    return tuple(out)


def _existing(s: Session, month: date, fingerprint: str) -> ExistingList | None:
    row = s.scalar(select(RestgruppeList).where(RestgruppeList.month == month_key(month)))
    if row is None:
        return None
    return ExistingList(
        imported_at=f"{row.imported_at.day}.{row.imported_at.month}.{row.imported_at.year}",
        imported_by=row.imported_by,
        row_count=row.row_count,
        same=row.fingerprint == fingerprint,
    )


def preview(
    store: Store, data: bytes, month: date, chosen: Mapping[str, Column] | None = None
) -> ImportPreview:
    """The list as it would be imported; nothing is written."""
    parsed = parse_list(data, _columns(store, chosen))
    with store.session() as s:
        registered = _registered(s, (r.cpr for r in parsed.rows))
        existing = _existing(s, month, parsed.fingerprint)
    rows = tuple(
        PreviewRow(
            line=r.line,
            cpr=r.cpr,
            first_name=r.first_name,
            last_name=r.last_name,
            school=r.school,
            status=r.status,
            youth_id=registered[r.cpr][0] if r.cpr in registered else None,
            registered_name=" ".join(registered[r.cpr][1:3]) if r.cpr in registered else "",
            warnings=_warnings(r, month, registered.get(r.cpr)),
        )
        for r in parsed.rows
    )
    return ImportPreview(
        month=month,
        encoding=parsed.encoding,
        separator=parsed.separator,
        headers=parsed.headers,
        mapping=parsed.mapping,
        rows=rows,
        fingerprint=parsed.fingerprint,
        existing=existing,
    )


def _entry_row(
    list_id: int,
    row: ListRow,
    registered: Mapping[str, tuple[int, str, str, str]],
    previous: Mapping[str, RestgruppeEntry],
) -> dict[str, object]:
    values: dict[str, object] = {
        "list_id": list_id,
        "line": row.line,
        "cpr": row.cpr,
        "birth_date": row.birth_date,
        "first_name": row.first_name[:100],
        "last_name": row.last_name[:100],
        "school": row.school[:200],
        "status": row.status[:200],
        "listed_on": row.listed_on,
        "youth_id": registered[row.cpr][0] if row.cpr in registered else None,
        "misplaced_reason": "",
        "action_owner": "",
        "contact_status": "",
        "next_step": "",
        "next_step_on": None,
        "sanction_reason": "",
        "sanction_decided_by": "",
        "back_in_education_on": None,
    }
    earlier = previous.get(row.cpr)
    if earlier is not None:  # what the group wrote stays with the young person
        values.update({field: getattr(earlier, field) for field in _REVIEW_FIELDS})
    return values


def apply(
    store: Store,
    data: bytes,
    month: date,
    *,
    chosen: Mapping[str, Column] | None = None,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the month's list in one transaction, or nothing. ``chosen``: the user's column
    meanings for headers the reader did not know (remembered for next time)."""
    columns = _columns(store, chosen)
    return _write(store, parse_list(data, columns), month, columns, chosen, replace, progress)


def _write(
    store: Store,
    parsed: ParsedList,
    month: date,
    columns: Mapping[str, Column],
    chosen: Mapping[str, Column] | None,
    replace: bool,
    progress: Progress | None,
) -> ImportResult:
    progress = progress or silent()
    total = len(parsed.rows)
    with store.session() as s:
        old = s.scalar(select(RestgruppeList).where(RestgruppeList.month == month_key(month)))
        if old is not None and old.fingerprint == parsed.fingerprint:
            raise SameListError(
                f"Listen for {month_label(month)} er allerede importeret med præcis de samme "
                "unge og oplysninger. Intet er ændret."
            )
        if old is not None and not replace:
            raise OtherListError(
                f"Der er allerede importeret en anden liste for {month_label(month)} "
                f"({old.row_count} unge). Vælg at erstatte den, hvis den nye er den rigtige."
            )
        registered = _registered(s, (r.cpr for r in parsed.rows))
        previous: dict[str, RestgruppeEntry] = {}
        if old is not None:
            previous = {
                e.cpr: e
                for e in s.scalars(select(RestgruppeEntry).where(RestgruppeEntry.list_id == old.id))
            }
        _actor_id, actor = audit.current_actor(s)
        listing = RestgruppeList(
            month=month_key(month),
            fingerprint=parsed.fingerprint,
            encoding=parsed.encoding,
            row_count=total,
            imported_by=actor,
        )
        if old is not None:
            old.month = f"old:{old.id}"  # frees the unique month until the old list goes
            s.flush()
        s.add(listing)
        s.flush()
        # One executemany per chunk, not an ORM object per row: 5,000 rows in a fraction
        # of the time, and a Stop between chunks leaves nothing (the transaction rolls back).
        rows = [_entry_row(listing.id, row, registered, previous) for row in parsed.rows]
        for start in range(0, total, _WRITE_CHUNK):
            progress.step(start, total, "Gemmer listen")
            s.execute(insert(RestgruppeEntry), rows[start : start + _WRITE_CHUNK])
        if previous:
            new_ids = dict(
                s.execute(
                    select(RestgruppeEntry.cpr, RestgruppeEntry.id).where(
                        RestgruppeEntry.list_id == listing.id
                    )
                ).all()
            )
            # Tries to reach a young person on both lists follow them to the new list.
            for cpr, earlier in previous.items():
                if cpr in new_ids:
                    s.execute(
                        update(RestgruppeAttempt)
                        .where(RestgruppeAttempt.entry_id == earlier.id)
                        .values(
                            entry_id=new_ids[cpr],
                            youth_id=registered[cpr][0] if cpr in registered else None,
                        )
                    )
        if old is not None:
            s.flush()
            s.delete(old)
        new_columns = {k: v.value for k, v in columns.items() if v is not Column.IGNORE}
        if chosen:
            settings.write(s, settings.RESTGRUPPE_COLUMNS, new_columns)
        matched = sum(1 for r in parsed.rows if r.cpr in registered)
        # Counts only: the list's names and CPR numbers stay out of the log.
        audit.record(
            s,
            Action.CREATE,
            subject=f"Koordinationsgruppens liste {month_key(month)}",
            detail=(
                f"{'Erstattet' if old is not None else 'Importeret'}: {total} unge, "
                f"{matched} i registret, {total - matched} ikke registreret"
            ),
        )
        progress.step(total, total, "Gemmer listen")
    return ImportResult(
        month=month,
        rows=total,
        matched=matched,
        new=total - matched,
        replaced=old is not None,
    )


class ChangedFileError(FileError):
    """The file changed between the preview and the import."""


def preview_file(
    store: Store, path: Path, month: date, chosen: Mapping[str, Column] | None = None
) -> ImportPreview:
    """``read_file`` and ``preview`` as one step (the screen's one operation)."""
    return preview(store, read_file(path), month, chosen)


def apply_file(
    store: Store,
    path: Path,
    month: date,
    *,
    expected: str,
    chosen: Mapping[str, Column] | None = None,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import the file the user previewed; ``expected`` is the preview's fingerprint, so a
    file saved again meanwhile is not imported unseen."""
    columns = _columns(store, chosen)
    parsed = parse_list(read_file(path), columns)
    if parsed.fingerprint != expected:
        raise ChangedFileError(
            "Filen er ændret, siden den blev vist. Se forhåndsvisningen igen, før den indlæses."
        )
    return _write(store, parsed, month, columns, chosen, replace, progress)
