"""Reading a case-transfer file's header and decrypted document: pure checks, no I/O.

Everything that comes out of a transfer file is treated as hostile until it has passed the
same rules as the forms: the header's KDF parameters are bounded before scrypt runs, every
part of the document must have the JSON type the export writes, every column value must fit
its column (type, length, nullability), coded columns must hold a code the domain knows, the
young person's details go through the registration form's validation, links between rows
must point at rows in the same file, and no bookkeeping time may lie in the future. Anything
else is refused with the Danish "bad file" message; nothing in here raises anything else.

Unknown tables and columns are refused, not ignored: a file that carries data this version
cannot store comes from a newer UngeDesk, and dropping part of a case silently would lose the
sender's work. The caseworker is told to update instead.

Row identities (``identities``) let the importer compare rows without trusting any local id:
a row is its content, with links to other rows replaced by the linked row's identity.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Integer, String
from sqlalchemy import Table as SaTable

from ungedesk.domain import cpr as cprmod
from ungedesk.domain.custody import Relation
from ungedesk.domain.errors import FileError
from ungedesk.domain.kui import Reached
from ungedesk.domain.plan import (
    MAX_LINE,
    MAX_TEXT,
    ApplicationKind,
    ConsentScope,
    ContactRole,
    GoalType,
    SubgoalOwner,
    SubgoalStatus,
)
from ungedesk.domain.progression import MAX_COMMENT, SCALE_MAX, SCALE_MIN, Indicator
from ungedesk.domain.target_groups import KNOWN_CODES as TARGET_GROUP_CODES
from ungedesk.domain.visitation import (
    ConversationKind,
    ConversationStatus,
    HeldBy,
    Mode,
    SubAssessment,
)
from ungedesk.domain.youth import (
    Benefit,
    CaseStatus,
    Education,
    ExitReason,
    YouthInput,
    clean,
    validate,
)
from ungedesk.services.access import (
    ACCESS_LOG_TABLE,
    DERIVED_TABLES,
    FIELD_LABELS,
    TABLE_LABELS,
    person_tables,
)
from ungedesk.services.conversations import MAX_REASON
from ungedesk.services.handover import HandoverMeta, meta_from_json
from ungedesk.services.visitation import EVENT_KINDS
from ungedesk.store.models import DeadlineRow, Youth

FORMAT = "ungedesk-case"
VERSION = 1
# A case with years of conversations, measurements and plan versions is well under a few
# MiB; the bound keeps a hostile file from being read (and decrypted, and parsed) whole.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_HEADER_BYTES = 512
# scrypt's n is its memory cost (128 * r * n bytes): 2**20 is 1 GiB at r=8, the most a
# genuine file can ask for; the export uses keys.SCRYPT_N (2**17), tests 2**12.
KDF_N_MIN = 2**12
KDF_N_MAX = 2**20
SALT_BYTES = 16
NONCE_BYTES = 12
# Clocks of two municipal machines differ by seconds; an hour is generous and still keeps a
# forged far-future time (2099) from counting as "newer than anything here".
FUTURE_MARGIN = timedelta(hours=1)
# Longest free text accepted in a Text column (the forms allow 20,000 characters for notes;
# a plan snapshot holds several texts).
MAX_TEXT_CHARS = 1_000_000

# Columns that belong to the sending installation and are set anew on import.
LOCAL_COLUMNS = frozenset({"id", "youth_id", "case_number", "caseworker_id", "created_by_id"})
# The youth row is handled apart; deadlines are recomputed under the receiver's rules.
# A handover row is one installation's own side of a handover, and the chain of holders
# travels in the file's handover part (services.handover), not as rows to merge: each side
# closes periods in it, which a row-by-row merge would report as conflicts. The team is not
# copied: its members are the sender's colleagues and partners (rows in the sender's
# caseworker and actor tables), whom the receiving municipality does not work with; the
# receiver names its own coordinating caseworker and team.
NOT_COPIED = frozenset({"youth", "deadline", "handover", "case_holder", "team_member"})
# Bookkeeping times written by the store's clock: none of them may lie in the future.
STAMP_COLUMNS = frozenset({"created_at", "updated_at", "corrected_at"})
# The youth fields a transfer copies onto the receiver's record (the rest are local, derived
# from the CPR, or the receiver's own bookkeeping).
YOUTH_FIELDS = (
    "first_name",
    "last_name",
    "address",
    "postal_code",
    "city",
    "phone",
    "email",
    "henvendelse_date",
    "benefit",
    "education",
    "status",
    "closed_on",
    "exit_reason",
)

_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATETIME_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?$")
_HEX_RE = re.compile(r"^[0-9a-f]*$")
_CPR_DIGITS_RE = re.compile(r"^[0-9]{10}$")


def _values(*enums: Any) -> frozenset[str]:
    return frozenset(str(member.value) for enum in enums for member in enum)


_INDICATORS = _values(Indicator)
# Coded columns and the codes the domain knows for them; "" where the form allows none.
CODES: dict[tuple[str, str], frozenset[str]] = {
    ("youth", "benefit"): _values(Benefit),
    ("youth", "education"): _values(Education),
    ("youth", "status"): _values(CaseStatus),
    ("youth", "exit_reason"): _values(ExitReason) | {""},
    ("youth", "legal_sex"): _values(cprmod.LegalSex),
    ("target_group_entry", "target_group"): TARGET_GROUP_CODES,
    ("target_group_entry", "sub_assessment"): _values(SubAssessment),
    ("conversation", "kind"): _values(ConversationKind),
    ("conversation", "status"): _values(ConversationStatus),
    ("conversation", "mode"): _values(Mode),
    ("conversation", "held_by"): _values(HeldBy),
    ("case_event", "reached"): _values(Reached),
    ("custody_holder", "relation"): _values(Relation),
    ("case_event", "kind"): frozenset(EVENT_KINDS),
    ("indicator_choice", "indicator"): _INDICATORS,
    ("measurement_score", "indicator"): _INDICATORS,
    ("plan", "goal_type"): _values(GoalType) | {""},
    ("plan_subgoal", "owner"): _values(SubgoalOwner),
    ("plan_subgoal", "status"): _values(SubgoalStatus),
    ("plan_subgoal", "indicator"): _INDICATORS | {""},
    ("plan_application", "kind"): _values(ApplicationKind),
    ("plan_contact", "role"): _values(ContactRole),
}
# Numbers the forms bound (inclusive).
RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("conversation", "duration_minutes"): (5, 480),
    ("measurement_score", "caseworker_score"): (SCALE_MIN, SCALE_MAX),
    ("measurement_score", "youth_score"): (SCALE_MIN, SCALE_MAX),
    ("plan_version", "number"): (1, 1_000_000),
}
# Text lengths the forms bound (validate_conversation, validate_measurement, validate_plan).
TEXT_LIMITS: dict[tuple[str, str], int] = {
    ("measurement_score", "comment"): MAX_COMMENT,
    ("conversation", "notes"): 20_000,
    ("conversation_correction", "reason"): MAX_REASON,
    ("plan_subgoal", "text"): MAX_LINE * 2,
    **{
        ("plan", name): MAX_TEXT
        for name in (
            "own_wishes",
            "challenges",
            "short_term_goals",
            "long_term_goals",
            "health",
            "housing",
            "family",
        )
    },
}


# Dates the forms refuse in the future (record_event, validate_measurement, validate_plan);
# a day's slack for two machines on either side of midnight.
NOT_AFTER_TODAY = frozenset(
    {
        ("case_event", "on"),
        ("case_event", "learned_on"),
        ("measurement", "measured_on"),
        ("plan_application", "on"),
    }
)


class TransferFileError(FileError):
    exit_code = 10
    message = "Filen er ikke en gyldig UngeDesk-overførsel, eller den er beskadiget."


def _bad(detail: str = "") -> TransferFileError:
    return TransferFileError(f"{TransferFileError.message} {detail}".strip())


def _newer_version() -> TransferFileError:
    return TransferFileError(
        "Overførselsfilen indeholder oplysninger, som denne version af UngeDesk ikke kender "
        "(den er måske lavet med en nyere version). Opdater UngeDesk, og prøv igen."
    )


_KEY_LABELS = {"id": "Nøgle", "youth_id": "Den unge"}


def _field(table: str, column: str) -> str:
    label = _KEY_LABELS.get(column) or FIELD_LABELS.get(column, column)
    return f"Feltet »{label}« i »{TABLE_LABELS.get(table, table)}«"


@dataclass(frozen=True, slots=True)
class Header:
    n: int
    salt: bytes
    nonce: bytes


def parse_header(line: bytes) -> Header:
    """The clear-text header: KDF parameters bounded before anything expensive runs."""
    if len(line) > MAX_HEADER_BYTES:
        raise _bad()
    try:
        raw = json.loads(line)
    except (ValueError, RecursionError):
        raise _bad() from None
    if not isinstance(raw, dict) or set(raw) != {"kdf", "n", "salt", "nonce"}:
        raise _bad()
    n, salt, nonce = raw["n"], raw["salt"], raw["nonce"]
    if raw["kdf"] != "scrypt" or type(n) is not int:
        raise _bad()
    if not KDF_N_MIN <= n <= KDF_N_MAX or n & (n - 1):
        raise _bad()
    for value, size in ((salt, SALT_BYTES), (nonce, NONCE_BYTES)):
        if not isinstance(value, str) or len(value) != 2 * size or not _HEX_RE.match(value):
            raise _bad()
    return Header(n, bytes.fromhex(salt), bytes.fromhex(nonce))


def decode_document(payload: bytes) -> object:
    """The decrypted bytes as JSON; NaN/Infinity and nesting too deep are bad files too."""

    def no_constants(_name: str) -> object:
        raise ValueError("not JSON")

    try:
        return json.loads(payload.decode("utf-8"), parse_constant=no_constants)
    except (ValueError, RecursionError):
        raise _bad() from None


@dataclass(frozen=True, slots=True)
class ParsedCase:
    """A transfer document that passed every check. Values are typed (date, datetime, int,
    bool, str). ``tables`` holds the copied tables parents first; each row keeps the
    sender's ``id`` and the sender's ids in link columns, for mapping onto new rows."""

    cpr: str
    youth: dict[str, Any]  # YOUTH_FIELDS, cleaned as the form cleans them
    sent_updated_at: datetime  # the sender's last change, naive UTC, not in the future
    tables: dict[str, list[dict[str, Any]]]
    # The handover's transfer id and receipt key (services.handover); None in a file from
    # before handovers had receipts.
    handover: HandoverMeta | None = None


@cache
def _copied() -> tuple[SaTable, ...]:
    return tuple(
        t
        for t, _ in person_tables()
        if t.name not in NOT_COPIED | DERIVED_TABLES and t.name != ACCESS_LOG_TABLE
    )


def copied_tables() -> dict[str, SaTable]:
    """Tables whose rows a transfer copies, parents first."""
    return {t.name: t for t in _copied()}


@cache
def _links(table: SaTable) -> tuple[tuple[str, str], ...]:
    names = {t.name for t in _copied()}
    return tuple(
        (fk.parent.name, fk.column.table.name)
        for fk in table.foreign_keys
        if fk.column.table.name in names
    )


def links(table: SaTable) -> dict[str, str]:
    """Columns of ``table`` that point at another copied row: column -> target table."""
    return dict(_links(table))


def _text(value: object) -> bool:
    """Text that can be stored: lone surrogates have no UTF-8 form, and NUL cuts text short
    in many readers."""
    if not isinstance(value, str) or "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _column_value(
    table: str, column: Column[Any], raw: object, latest: datetime, today: date
) -> Any:
    name = column.name
    if raw is None:
        if column.nullable and not column.primary_key:
            return None
        raise _bad(f"{_field(table, name)} mangler.")
    kind = column.type
    value: Any
    if isinstance(kind, Boolean):
        if type(raw) is not bool:
            raise _bad(f"{_field(table, name)} har en forkert type.")
        value = raw
    elif isinstance(kind, Integer):
        if type(raw) is not int or not -(2**63) <= raw < 2**63:
            raise _bad(f"{_field(table, name)} har en forkert type.")
        low, high = RANGES.get((table, name), (-(2**63), 2**63 - 1))
        if not low <= raw <= high:
            raise _bad(f"{_field(table, name)} ligger uden for det tilladte.")
        value = raw
    elif isinstance(kind, DateTime):
        if not isinstance(raw, str) or not _DATETIME_RE.match(raw):
            raise _bad(f"{_field(table, name)} er ikke et tidspunkt.")
        try:
            value = datetime.fromisoformat(raw)
        except ValueError:
            raise _bad(f"{_field(table, name)} er ikke et tidspunkt.") from None
        if name in STAMP_COLUMNS and value > latest:
            raise _future()
    elif isinstance(kind, Date):
        if not isinstance(raw, str) or not _DATE_RE.match(raw):
            raise _bad(f"{_field(table, name)} er ikke en dato.")
        try:
            value = date.fromisoformat(raw)
        except ValueError:
            raise _bad(f"{_field(table, name)} er ikke en dato.") from None
        if (table, name) in NOT_AFTER_TODAY and value > today + timedelta(days=1):
            raise _bad(f"{_field(table, name)} ligger i fremtiden.")
    elif isinstance(kind, String):
        if not _text(raw):
            raise _bad(f"{_field(table, name)} har en forkert type.")
        assert isinstance(raw, str)
        limit = TEXT_LIMITS.get((table, name), kind.length or MAX_TEXT_CHARS)
        if len(raw) > limit:
            raise _bad(f"{_field(table, name)} er for langt.")
        value = raw
    else:  # a column type this reader does not know: refuse rather than guess
        raise _newer_version()
    codes = CODES.get((table, name))
    if codes is not None and value not in codes:
        raise _bad(f"{_field(table, name)} har en ukendt værdi.")
    if (table, name) == ("consent", "scope"):
        parts = [p for p in value.split(",") if p]
        if not parts or not set(parts) <= _values(ConsentScope):
            raise _bad(f"{_field(table, name)} har en ukendt værdi.")
    return value


def _future() -> TransferFileError:
    return TransferFileError(
        "Overførselsfilen har tidspunkter, der ligger ude i fremtiden i forhold til denne "
        "computers ur. Den kan ikke modtages. Tjek urets indstilling her og hos afsenderen, "
        "og bed om en ny fil."
    )


def _row(table: SaTable, raw: object, latest: datetime, today: date) -> dict[str, Any]:
    local = LOCAL_COLUMNS if table.name == "youth" else LOCAL_COLUMNS - {"id"}
    if not isinstance(raw, dict):
        raise _bad()
    unknown = set(raw) - set(table.c.keys())
    if unknown:
        raise _newer_version()
    row: dict[str, Any] = {}
    for column in table.columns:
        if column.name not in raw:
            # An older sender lacks a column added since: its default fills in. A column
            # without one is part of the row's meaning, so the row is incomplete.
            if (
                column.nullable or column.default is not None or column.server_default is not None
            ) and not column.primary_key:
                continue
            if column.name in local:
                continue
            raise _bad(f"{_field(table.name, column.name)} mangler.")
        row[column.name] = _column_value(table.name, column, raw[column.name], latest, today)
    return row


def _youth(raw: object, today: date, latest: datetime) -> tuple[str, dict[str, Any], datetime]:
    table = Youth.__table__
    assert isinstance(table, SaTable)
    row = _row(table, raw, latest, today)
    for needed in ("cpr", "first_name", "last_name", "henvendelse_date", "updated_at"):
        if row.get(needed) is None:
            raise _bad(f"{_field('youth', needed)} mangler.")
    # The stored form is exactly ten ASCII digits; anything else (a dash, fullwidth or
    # Arabic-Indic digits) would create a second record for the same person.
    if not _CPR_DIGITS_RE.match(row["cpr"]):
        raise _bad(f"{_field('youth', 'cpr')} er ugyldigt.")
    form = YouthInput(
        cpr=row["cpr"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        henvendelse_date=row["henvendelse_date"],
        address=row.get("address", ""),
        postal_code=row.get("postal_code", ""),
        city=row.get("city", ""),
        phone=row.get("phone", ""),
        email=row.get("email", ""),
        benefit=Benefit(row.get("benefit", Benefit.NONE.value)),
        education=Education(row.get("education", Education.UNKNOWN.value)),
    )
    result = validate(form, today)
    if result.errors or result.cpr is None:
        # Field names only: the domain's messages may quote parts of the CPR.
        fields = ", ".join(f"»{FIELD_LABELS.get(k, k)}«" for k in sorted(result.errors) or ["cpr"])
        raise _bad(f"Den unges stamdata er ugyldige ({fields}).")
    parsed = result.cpr
    if parsed.digits != row["cpr"]:
        raise _bad(f"{_field('youth', 'cpr')} er ugyldigt.")
    # Birth date and legal sex follow from the CPR; a file that disagrees is forged.
    if row.get("birth_date", parsed.birth_date) != parsed.birth_date:
        raise _bad(f"{_field('youth', 'birth_date')} passer ikke til CPR-nummeret.")
    if row.get("legal_sex", parsed.legal_sex.value) != parsed.legal_sex.value:
        raise _bad(f"{_field('youth', 'legal_sex')} passer ikke til CPR-nummeret.")
    status = row.get("status", CaseStatus.ACTIVE.value)
    closed_on = row.get("closed_on")
    if (status == CaseStatus.CLOSED.value) != (closed_on is not None):
        raise _bad(f"{_field('youth', 'closed_on')} passer ikke til status.")
    if closed_on is not None and closed_on > today:
        raise _bad(f"{_field('youth', 'closed_on')} ligger i fremtiden.")
    values = {
        "first_name": clean(form.first_name),
        "last_name": clean(form.last_name),
        "address": clean(form.address),
        "postal_code": form.postal_code.strip(),
        "city": clean(form.city),
        "phone": form.phone.strip(),
        "email": form.email.strip(),
        "henvendelse_date": form.henvendelse_date,
        "benefit": form.benefit.value,
        "education": form.education.value,
        "status": status,
        "closed_on": closed_on,
        "exit_reason": row.get("exit_reason", ""),
    }
    return parsed.digits, values, row["updated_at"]


def _unique_groups(table: SaTable) -> list[tuple[str, ...]]:
    """Column sets that must be unique within one person's rows (youth_id is the same for
    all of them, so it drops out: a unique youth_id means at most one row)."""
    groups: list[tuple[str, ...]] = []
    for column in table.columns:
        if column.unique and not column.primary_key:
            groups.append(tuple(c for c in (column.name,) if c != "youth_id"))
    for index in table.indexes:
        if index.unique:
            groups.append(tuple(c.name for c in index.columns if c.name != "youth_id"))
    return groups


def parse_case(doc: object, *, today: date, now: datetime) -> ParsedCase:
    """Check a decoded transfer document completely; raise TransferFileError (Danish) for
    anything a genuine export could not have written. ``now`` is the receiver's clock
    (timezone-aware), ``today`` its date."""
    latest = now.astimezone(UTC).replace(tzinfo=None) + FUTURE_MARGIN
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _bad()
    if doc.get("version") != VERSION or type(doc.get("version")) is not int:
        raise _newer_version()
    if set(doc) - {"format", "version", "exported", "tables", "handover"}:
        raise _newer_version()
    meta = None
    if "handover" in doc:
        meta = meta_from_json(doc["handover"])
        if meta is None:
            raise _bad()
    exported = doc.get("exported")
    if not isinstance(exported, str) or len(exported) > 40:
        raise _bad()
    try:
        sent = datetime.fromisoformat(exported)
    except ValueError:
        raise _bad() from None
    if sent.tzinfo is None or sent.astimezone(UTC).replace(tzinfo=None) > latest:
        raise _future() if sent.tzinfo is not None else _bad()
    tables = doc.get("tables")
    if not isinstance(tables, dict):
        raise _bad()
    copied = copied_tables()
    known = set(copied) | NOT_COPIED
    if set(tables) - known:
        raise _newer_version()
    people = tables.get("youth")
    if not isinstance(people, list) or len(people) != 1:
        raise _bad()
    cpr, youth, sent_updated_at = _youth(people[0], today, latest)

    deadline_table = DeadlineRow.__table__
    assert isinstance(deadline_table, SaTable)
    # Deadlines are recomputed here, but a file is whole or not at all: check them too.
    for raw in _list(tables.get("deadline", [])):
        _row(deadline_table, raw, latest, today)

    out: dict[str, list[dict[str, Any]]] = {}
    for name, table in copied.items():
        rows = [_row(table, raw, latest, today) for raw in _list(tables.get(name, []))]
        ids = [r["id"] for r in rows]
        if len(set(ids)) != len(ids):
            raise _bad(f"»{TABLE_LABELS.get(name, name)}« har to rækker med samme nøgle.")
        for group in _unique_groups(table):
            keys = [tuple(r.get(c) for c in group) for r in rows]
            if len(set(keys)) != len(keys):
                raise _bad(f"»{TABLE_LABELS.get(name, name)}« har dobbelte rækker.")
        for column, target in links(table).items():
            known_ids = {r["id"] for r in out.get(target, [])}
            for r in rows:
                if r.get(column) is not None and r[column] not in known_ids:
                    raise _bad(f"{_field(name, column)} peger på noget, der ikke er i filen.")
        out[name] = rows
    return ParsedCase(cpr, youth, sent_updated_at, out, meta)


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise _bad()
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


# Not part of a row's identity: local ids, and the time it was last saved (saving a row
# without changing it must not make it a different row).
_NOT_IDENTITY = frozenset({"id", "youth_id", "updated_at"})


def identities(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, list[str]]:
    """Each row's identity by content, per table (parents first, as ``copied_tables``):
    canonical JSON of its columns minus local ids, with each link replaced by the linked
    row's identity. Two installations holding the same row get the same identity."""
    out: dict[str, list[str]] = {}
    # Linked rows are embedded as their content (not as their identity text), so nesting
    # does not escape quotes again at every level.
    by_id: dict[str, dict[Any, dict[str, Any]]] = {}
    copied = copied_tables()
    for name, table in copied.items():
        targets = links(table)
        mine = by_id.setdefault(name, {})
        idents: list[str] = []
        for row in tables.get(name, ()):
            content: dict[str, Any] = {}
            for key, value in row.items():
                if key in _NOT_IDENTITY:
                    continue
                if key in targets and value is not None:
                    content[key] = by_id.get(targets[key], {}).get(value, "?")
                else:
                    content[key] = _plain(value)
            idents.append(json.dumps(content, sort_keys=True, ensure_ascii=False))
            if "id" in row:
                mine[row["id"]] = content
        out[name] = idents
    return out
