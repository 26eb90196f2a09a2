"""The month's list of 15-17-year-olds outside education, read from a UU system's CSV file.

UU systems and the spreadsheets that pass their exports on write the same list many ways:
semicolon or comma separated, UTF-8 with or without a byte order mark or Windows-1252,
quoted fields holding separators and line breaks, CPR numbers with or without a dash. The
reader takes all of them and is all-or-nothing: any line it cannot read makes the whole file
refused with a Danish message naming the line and the field, so an import never writes half
a list. Messages never repeat a CPR number or a name (they reach the screen and may be
copied into a support e-mail).

The splitting itself is the standard library's ``csv`` module in strict mode; this module
decides the encoding, the separator and what each column means.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ungedesk.domain import cpr as cpr_numbers
from ungedesk.domain.errors import FileError
from ungedesk.domain.typed_dates import TypedDateError, parse_typed_date

SEPARATORS = (";", ",", "\t")


class Column(StrEnum):
    """What a column of the list holds. The values are stored in remembered mappings."""

    CPR = "cpr"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    NAME = "name"
    SCHOOL = "school"
    STATUS = "status"
    DATE = "date"
    IGNORE = "ignore"


COLUMN_LABELS: Mapping[Column, str] = {
    Column.CPR: "CPR-nummer",
    Column.FIRST_NAME: "Fornavn",
    Column.LAST_NAME: "Efternavn",
    Column.NAME: "Navn",
    Column.SCHOOL: "Skole / uddannelsessted",
    Column.STATUS: "Status",
    Column.DATE: "Dato",
    Column.IGNORE: "Bruges ikke",
}

# Header names as UU systems and spreadsheets write them, compared after ``header_key``.
_KNOWN_HEADERS: Mapping[str, Column] = {
    **dict.fromkeys(("cpr", "cprnr", "cprnummer", "personnummer", "personnr", "cprno"), Column.CPR),
    **dict.fromkeys(("fornavn", "fornavne"), Column.FIRST_NAME),
    **dict.fromkeys(("efternavn", "efternavne"), Column.LAST_NAME),
    **dict.fromkeys(("navn", "fuldtnavn", "fuldenavn", "elevnavn", "borgernavn"), Column.NAME),
    **dict.fromkeys(
        ("skole", "uddannelsessted", "skolenavn", "institution", "uddannelsesinstitution"),
        Column.SCHOOL,
    ),
    **dict.fromkeys(("status", "uddannelsesstatus", "aktivitet"), Column.STATUS),
    **dict.fromkeys(("dato", "statusdato", "registreringsdato", "opdateret"), Column.DATE),
}

_NON_LETTERS = re.compile(r"[^0-9a-zæøå]+")
# Windows-1252 leaves these five bytes undefined; a file holding them is neither encoding.
_UNDEFINED_IN_1252 = frozenset(b"\x81\x8d\x8f\x90\x9d")


def header_key(header: str) -> str:
    """A header reduced to its letters and digits, so "CPR-nr." and "cpr nr" are one."""
    return _NON_LETTERS.sub("", header.strip().casefold())


def known_column(header: str) -> Column | None:
    """The column a header names by one of its common spellings, or None."""
    return _KNOWN_HEADERS.get(header_key(header))


class RestgruppeFileError(FileError):
    """The file cannot be read as a list; ``line`` and ``field`` say where (1-based line)."""

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        field: str | None = None,
        headers: tuple[str, ...] = (),
    ):
        self.line = line
        self.field = field
        # Set when the columns' meaning is the problem: the screen offers to choose them.
        self.headers = headers
        where = ""
        if line is not None:
            where = f"Linje {line}"
            if field:
                where += f", feltet «{field}»"
            where += ": "
        super().__init__(f"{where}{message}")


@dataclass(frozen=True, slots=True)
class ListRow:
    """One young person on the list, as the file has them."""

    line: int
    cpr: str  # ten ASCII digits, no dash: the form the register looks up
    birth_date: date
    first_name: str
    last_name: str
    school: str
    status: str
    listed_on: date | None


@dataclass(frozen=True, slots=True)
class ParsedList:
    """A whole, readable list and how it was read."""

    encoding: str
    separator: str
    headers: tuple[str, ...]
    mapping: tuple[Column, ...]  # one per header
    rows: tuple[ListRow, ...]
    fingerprint: str  # the same young people with the same facts give the same value

    @property
    def unknown_headers(self) -> tuple[str, ...]:
        """Headers the reader did not recognise and nobody mapped: the preview asks."""
        return tuple(
            h for h, c in zip(self.headers, self.mapping, strict=True) if c is Column.IGNORE
        )


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding's Danish name: UTF-8 (BOM or not), else Windows-1252."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise RestgruppeFileError(
            "Filen indeholder nul-tegn (NUL) og er ikke en tekstfil. Gem listen som CSV igen.",
            line=line,
        )
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as exc:
            raise _bad_encoding(data, exc.start) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    for position, byte in enumerate(data):
        if byte in _UNDEFINED_IN_1252:
            raise _bad_encoding(data, position)
    return data.decode("cp1252"), "Windows-1252"


def _bad_encoding(data: bytes, position: int) -> RestgruppeFileError:
    return RestgruppeFileError(
        "Filen er hverken UTF-8 eller Windows-1252. Gem listen som CSV (UTF-8) igen.",
        line=data[:position].count(b"\n") + 1,
    )


def _records(text: str, separator: str) -> list[tuple[int, list[str]]]:
    """Each record with the line it starts on; strict csv, so a broken quote is an error."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return records
        except csv.Error as exc:
            raise _quote_error(text, start, str(exc)) from None
        if any(f.strip() for f in fields):
            records.append((start, fields))
        start = reader.line_num + 1


def _quote_error(text: str, start: int, reason: str) -> RestgruppeFileError:
    if "field larger than field limit" in reason:
        return RestgruppeFileError(
            "Et felt er over 128.000 tegn langt; sådan et felt findes ikke i en liste over "
            "unge. Tjek at filen er den rigtige.",
            line=start,
        )
    if "unexpected end of data" in reason or "EOF" in reason:
        return RestgruppeFileError(
            'Et felt begynder med anførselstegn ("), som aldrig lukkes. Ret linjen og '
            "importér igen.",
            line=start,
        )
    # strict mode stops on the line that holds the stray quote: find it from the record's start
    return RestgruppeFileError(
        'Et anførselstegn (") står midt i et felt. Felter med anførselstegn skal stå helt i '
        'anførselstegn, og anførselstegn inde i feltet skrives dobbelt ("").',
        line=start,
    )


def _first_line(text: str) -> str:
    lines = text.lstrip("\r\n").splitlines()
    return lines[0] if lines else ""


def detect_separator(text: str) -> str:
    """The separator whose split of the header line names the most known columns."""
    header = _first_line(text)
    best, best_score = ";", (-1, -1)
    for separator in SEPARATORS:
        parts = next(csv.reader([header], delimiter=separator), [])
        known = sum(1 for p in parts if known_column(p) is not None)
        score = (known, len(parts))
        if score > best_score:
            best, best_score = separator, score
    return best


def resolve_mapping(
    headers: tuple[str, ...], remembered: Mapping[str, Column] | None = None
) -> tuple[Column, ...]:
    """The meaning of each header: the user's remembered choice first, then known names."""
    remembered = remembered or {}
    mapping: list[Column] = []
    for header in headers:
        key = header_key(header)
        column = remembered.get(key) or known_column(header) or Column.IGNORE
        mapping.append(column)
    taken: dict[Column, str] = {}
    for header, column in zip(headers, mapping, strict=True):
        if column is Column.IGNORE:
            continue
        if column in taken:
            raise RestgruppeFileError(
                f"To kolonner («{taken[column]}» og «{header}») betyder begge "
                f"«{COLUMN_LABELS[column]}». Vælg hvilken der gælder.",
                line=1,
                headers=headers,
            )
        taken[column] = header
    if Column.CPR not in taken:
        raise RestgruppeFileError(
            "Listen har ingen kolonne med CPR-nummer. Kolonnerne er: "
            + ", ".join(f"«{h}»" for h in headers)
            + ". Vælg hvilken kolonne der holder CPR-nummeret.",
            line=1,
            headers=headers,
        )
    return tuple(mapping)


def _cpr(text: str, line: int, header: str) -> cpr_numbers.Cpr:
    if not text.strip():
        raise RestgruppeFileError("CPR-nummeret mangler.", line=line, field=header)
    digits = cpr_numbers.ascii_digits(text).strip()
    bare = digits.replace("-", "").replace(" ", "")
    if bare.isdigit() and len(bare) == 9:
        raise RestgruppeFileError(
            "CPR-nummeret har 9 cifre. Et regneark har sikkert fjernet et foranstillet 0: "
            "eksportér listen igen, eller formatér kolonnen som tekst.",
            line=line,
            field=header,
        )
    try:
        return cpr_numbers.parse(digits)
    except cpr_numbers.CprError as exc:
        raise RestgruppeFileError(exc.message, line=line, field=header) from None


def _date(text: str, line: int, header: str) -> date | None:
    if not text.strip():
        return None
    try:
        return parse_typed_date(text.strip().split(" ")[0].split("T")[0])
    except TypedDateError as exc:
        raise RestgruppeFileError(exc.message, line=line, field=header) from None


def _split_name(full: str) -> tuple[str, str]:
    # "Efternavn, Fornavn" is how several UU systems print a name; else the last word is
    # the surname, as the register's own form would have it.
    if "," in full:
        last, first = (p.strip() for p in full.split(",", 1))
        return first, last
    words = full.split()
    if len(words) < 2:
        return full.strip(), ""
    return " ".join(words[:-1]), words[-1]


def parse_list(data: bytes, remembered: Mapping[str, Column] | None = None) -> ParsedList:
    """Read a whole list from the file's bytes, or raise ``RestgruppeFileError``."""
    text, encoding = decode(data)
    if not text.strip():
        raise RestgruppeFileError("Filen er tom.")
    separator = detect_separator(text)
    records = _records(text, separator)
    if not records:
        raise RestgruppeFileError("Filen er tom.")
    header_line, header_fields = records[0]
    headers = tuple(h.strip() for h in header_fields)
    mapping = resolve_mapping(headers, remembered)
    where: dict[Column, int] = {
        column: i for i, column in enumerate(mapping) if column is not Column.IGNORE
    }
    rows: list[ListRow] = []
    seen: dict[str, int] = {}
    for line, fields in records[1:]:
        if len(fields) != len(headers):
            raise RestgruppeFileError(
                f"Linjen har {len(fields)} felter, men overskriften har {len(headers)}. "
                "Et felt med skilletegn i skal stå i anførselstegn.",
                line=line,
            )

        def value(column: Column, fields: list[str] = fields) -> str:
            index = where.get(column)
            return fields[index].strip() if index is not None else ""

        cpr_header = headers[where[Column.CPR]]
        number = _cpr(value(Column.CPR), line, cpr_header)
        if number.digits in seen:
            raise RestgruppeFileError(
                f"Samme CPR-nummer står også på linje {seen[number.digits]}.",
                line=line,
                field=cpr_header,
            )
        seen[number.digits] = line
        first, last = value(Column.FIRST_NAME), value(Column.LAST_NAME)
        if not first and not last and value(Column.NAME):
            first, last = _split_name(value(Column.NAME))
        listed_on = (
            _date(value(Column.DATE), line, headers[where[Column.DATE]])
            if Column.DATE in where
            else None
        )
        rows.append(
            ListRow(
                line=line,
                cpr=number.digits,
                birth_date=number.birth_date,
                first_name=first,
                last_name=last,
                school=value(Column.SCHOOL),
                status=value(Column.STATUS),
                listed_on=listed_on,
            )
        )
    if not rows:
        raise RestgruppeFileError("Listen har en overskrift, men ingen unge.", line=header_line)
    return ParsedList(
        encoding=encoding,
        separator=separator,
        headers=headers,
        mapping=mapping,
        rows=tuple(rows),
        fingerprint=fingerprint(rows),
    )


def fingerprint(rows: list[ListRow] | tuple[ListRow, ...]) -> str:
    """A hash of the list's content, independent of encoding, separator and row order."""
    digest = hashlib.sha256()
    for row in sorted(rows, key=lambda r: r.cpr):
        parts = (row.cpr, row.first_name, row.last_name, row.school, row.status)
        digest.update("\x1f".join(parts).encode() + b"\x1e")
        digest.update((row.listed_on.isoformat() if row.listed_on else "").encode())
    return digest.hexdigest()
