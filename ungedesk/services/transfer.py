"""Moving one young person's case to another UngeDesk installation (UU to the employment unit).

The sender exports the case to a file encrypted with a transfer passphrase (scrypt +
AES-256-GCM) and tells the receiver the passphrase another way (phone, in person). The file
names only the case number. The receiver imports it: a new person is created; for a person
the receiver already has, the file is compared row by row with what the receiver holds.

Freshness is never taken from the sender's word alone. Every row has an identity by content
(transfer_payload.identities), so the importer can tell which of the receiver's rows the file
does not contain. When the file holds everything the receiver has (plus more), it is merged
without a question. When importing would delete a row that only the receiver has, or
overwrite details the receiver changed later than the sender, the import is refused with
TransferConflictError, which lists what would be lost; the caseworker may then import with
``replace=True``, and the access log says how many entries were replaced. The receiver's
record is stamped with the receiver's own clock, so a forged time in a file (which is refused
anyway when it lies in the future) never blocks later genuine files.

The receiving caseworker becomes responsible; the access log stays with each installation.
"""

from __future__ import annotations

import json
import secrets
import stat
from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from babel.dates import format_date
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from ungedesk.domain import cpr as cprmod
from ungedesk.domain.errors import InputError
from ungedesk.domain.passphrase import assess
from ungedesk.services import audit, deadlines, handover
from ungedesk.services.access import ACCESS_LOG_TABLE, FIELD_LABELS, TABLE_LABELS, collect_in
from ungedesk.services.audit import Action
from ungedesk.services.current_user import current_caseworker
from ungedesk.services.progress import Progress, silent
from ungedesk.services.transfer_labels import row_summary
from ungedesk.services.transfer_payload import (
    FORMAT,
    MAX_FILE_BYTES,
    VERSION,
    YOUTH_FIELDS,
    ParsedCase,
    TransferFileError,
    copied_tables,
    decode_document,
    identities,
    links,
    parse_case,
    parse_header,
)
from ungedesk.services.youths import next_case_number, require_youth
from ungedesk.store import keys
from ungedesk.store.database import Store
from ungedesk.store.errors import StoreError, WrongPassphraseError, translate_os_error
from ungedesk.store.models import Youth
from ungedesk.store.paths import make_private_dirs, write_private_atomic

__all__ = [
    "ImportResult",
    "Loss",
    "TransferConflictError",
    "TransferFileError",
    "export_case",
    "import_case",
    "read_case",
]

MAGIC = b"UNGEDESK-TRANSFER-1\n"
_AAD = b"ungedesk-transfer-v1"
# How many lost entries the error's own message lists; the dialog shows them all.
_LISTED = 12


@dataclass(frozen=True, slots=True)
class Loss:
    """One entry of the receiver's that an import would remove or overwrite. Only coded
    values and dates: never a CPR, a name or free text."""

    table: str  # Danish label of the kind of entry
    on: date | None
    summary: str

    def line(self) -> str:
        when = f", {format_date(self.on, 'd. MMMM y', locale='da')}" if self.on else ""
        return f"{self.table}{when}: {self.summary}"


class TransferConflictError(StoreError):
    """The file lacks entries the receiver has, or would overwrite details the receiver
    changed later. Nothing is changed; ``losses`` says what importing anyway would lose."""

    exit_code = 11

    def __init__(self, losses: list[Loss]) -> None:
        self.losses = tuple(losses)
        lines = [f"• {loss.line()}" for loss in self.losses[:_LISTED]]
        if len(self.losses) > _LISTED:
            lines.append(f"• … og {len(self.losses) - _LISTED} mere")
        super().__init__(
            "Overførselsfilen mangler oplysninger, som findes her, eller den ville overskrive "
            "ændringer, der er lavet her senere. Importen er afvist, og intet er ændret. "
            "Dette ville gå tabt:\n" + "\n".join(lines)
        )


@dataclass(frozen=True, slots=True)
class ImportResult:
    youth_id: int
    created: bool
    case_number: str
    added: int = 0  # rows the file brought that the receiver did not have
    replaced: int = 0  # the receiver's entries removed or overwritten (only with replace)


def _seal(payload: bytes, passphrase: str, n: int) -> bytes:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = json.dumps({"kdf": "scrypt", "n": n, "salt": salt.hex(), "nonce": nonce.hex()})
    blob = AESGCM(keys.derive_kek(passphrase, salt, n)).encrypt(
        nonce, payload, _AAD + header.encode()
    )
    return MAGIC + header.encode() + b"\n" + blob


# The steps an export reports (Stop is honoured before each of them).
_EXPORT_STEPS = 3


def export_case(
    store: Store,
    youth_id: int,
    out_dir: Path,
    passphrase: str,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the case to ``out_dir`` encrypted with ``passphrase``; returns the file.

    One transaction reads the case and logs the export; the file is written inside it, so
    a stop (``progress``, honoured until the file is written) or a failure leaves neither
    a log entry nor a file (a file written before a failed commit is removed again).
    """
    progress = progress or silent()
    strength = assess(passphrase)
    if not strength.acceptable:
        raise InputError({"passphrase": strength.hint})
    moment = now or datetime.now(UTC)
    progress.step(0, _EXPORT_STEPS, "Samler sagen")
    target: Path | None = None
    try:
        with store.session() as s:
            youth = require_youth(s, youth_id)
            # Kædeansvar: the sender stays responsible until the receiver's receipt is read;
            # the receipt key travels inside the file's encryption (services.handover).
            meta = handover.start_outgoing(s, youth, moment)
            s.flush()
            data = {
                k: v
                for k, v in collect_in(s, youth_id).items()
                # The team is the sender's colleagues and partners (transfer_payload's
                # NOT_COPIED says why): it does not leave this installation.
                if k not in (ACCESS_LOG_TABLE, "handover", "case_holder", "team_member")
            }
            payload = json.dumps(
                {
                    "format": FORMAT,
                    "version": VERSION,
                    "exported": moment.isoformat(timespec="seconds"),
                    "tables": data,
                    "handover": handover.meta_to_json(meta),
                },
                ensure_ascii=False,
            ).encode("utf-8")
            progress.step(1, _EXPORT_STEPS, "Krypterer sagen")
            sealed = _seal(payload, passphrase, keys.SCRYPT_N)
            audit.record(
                s,
                Action.EXPORT,
                youth_id=youth_id,
                subject=youth.case_number,
                purpose="Overførsel til anden installation",
                detail="Sagen overdraget; afventer kvittering (kædeansvar)",
                at=moment,
            )
            s.flush()
            # The last point where Stop is honoured: the log entry is rolled back with it.
            progress.step(2, _EXPORT_STEPS, "Skriver filen")
            name = out_dir / f"overfoersel-{youth.case_number}.udcase"
            make_private_dirs(out_dir)  # owner-only whatever the umask
            write_private_atomic(name, sealed)
            target = name
    except BaseException as exc:
        # The log entry was rolled back: the file it would have described goes too.
        if target is not None:
            target.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise translate_os_error(exc) from exc
        raise
    return target


def _read_bounded(source: Path) -> bytes:
    """The file's bytes, refusing anything but a regular file of sane size before reading
    it whole (a FIFO would block, a device or a huge file would exhaust memory)."""
    try:
        info = source.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            raise TransferFileError()
        with source.open("rb") as handle:
            # Read one byte past the bound: the file may have grown since the stat.
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise TransferFileError()
    return raw


def _decrypt(raw: bytes, passphrase: str) -> bytes:
    if not raw.startswith(MAGIC) or b"\n" not in raw[len(MAGIC) :]:
        raise TransferFileError()
    header_line, blob = raw[len(MAGIC) :].split(b"\n", 1)
    header = parse_header(header_line)
    kek = keys.derive_kek(passphrase, header.salt, header.n)
    try:
        return AESGCM(kek).decrypt(header.nonce, blob, _AAD + header_line)
    except InvalidTag:
        raise WrongPassphraseError(
            "Adgangsfrasen til overførselsfilen er forkert (eller filen er ændret)."
        ) from None


def read_case(source: Path, passphrase: str, *, today: date, now: datetime) -> ParsedCase:
    """Read, decrypt and check a transfer file without touching any store."""
    doc = decode_document(_decrypt(_read_bounded(source), passphrase))
    return parse_case(doc, today=today, now=now)


@dataclass(slots=True)
class _Merge:
    """What importing a file into an existing record would do, row by row."""

    # table -> sender id -> receiver id, for file rows the receiver already holds
    matched: dict[str, dict[Any, int]]
    # table -> file rows to insert (parents first)
    inserts: dict[str, list[dict[str, Any]]]
    # table -> receiver rows not in the file (they go only with replace=True)
    surplus: dict[str, list[dict[str, Any]]]
    # receiver id of a surplus row -> a kept receiver row with the same identity (duplicates)
    twins: dict[str, dict[int, int]]


def _receiver_rows(session: Session, youth_id: int) -> dict[str, list[dict[str, Any]]]:
    return {
        name: [
            dict(r) for r in session.execute(select(t).where(t.c.youth_id == youth_id)).mappings()
        ]
        for name, t in copied_tables().items()
    }


def _merge(mine: dict[str, list[dict[str, Any]]], parsed: ParsedCase) -> _Merge:
    my_ids = identities(mine)
    file_ids = identities(parsed.tables)
    merge = _Merge({}, {}, {}, {})
    for name in copied_tables():
        waiting: dict[str, deque[int]] = defaultdict(deque)
        for row, ident in zip(mine.get(name, []), my_ids.get(name, []), strict=True):
            waiting[ident].append(row["id"])
        matched = merge.matched.setdefault(name, {})
        kept_by_ident: dict[str, int] = {}
        for row, ident in zip(parsed.tables.get(name, []), file_ids[name], strict=True):
            if waiting[ident]:
                matched[row["id"]] = waiting[ident].popleft()
                kept_by_ident[ident] = matched[row["id"]]
            else:
                merge.inserts.setdefault(name, []).append(row)
        leftover = {i for q in waiting.values() for i in q}
        merge.surplus[name] = [r for r in mine.get(name, []) if r["id"] in leftover]
        merge.twins[name] = {
            rid: kept_by_ident[ident]
            for ident, q in waiting.items()
            if ident in kept_by_ident
            for rid in q
        }
    return merge


# The steps an import reports (Stop is honoured before each of them).
_IMPORT_STEPS = 4


def _now_naive(now: datetime) -> datetime:
    """The store keeps times as naive UTC (SQLite's CURRENT_TIMESTAMP)."""
    return now.astimezone(UTC).replace(tzinfo=None)


def import_case(
    store: Store,
    source: Path,
    passphrase: str,
    *,
    today: date,
    now: datetime | None = None,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Receive a case file. Raises TransferFileError for anything but a genuine, sane file,
    WrongPassphraseError, and TransferConflictError when the receiver would lose entries;
    ``replace=True`` (the caseworker's decision) imports anyway. One transaction: the store
    is untouched on any failure, and on a stop (``progress``, honoured until the commit)."""
    progress = progress or silent()
    moment = now or datetime.now(UTC)
    progress.step(0, _IMPORT_STEPS, "Læser filen")
    parsed = read_case(source, passphrase, today=today, now=moment)
    tables = copied_tables()
    progress.step(1, _IMPORT_STEPS, "Sammenligner med det, der findes her")
    with store.session() as s:
        me_row = current_caseworker(s)
        me = None if me_row is None else me_row.id
        existing = s.scalar(select(Youth).where(Youth.cpr == parsed.cpr))
        losses: list[Loss] = []
        if existing is None:
            youth = Youth(
                **parsed.youth,
                cpr=parsed.cpr,
                birth_date=_birth(parsed),
                legal_sex=_sex(parsed),
                case_number=next_case_number(s, today.year),
                caseworker_id=me,
                created_by_id=me,
            )
            s.add(youth)
            s.flush()
            merge = _merge({}, parsed)
        else:
            youth = existing
            merge = _merge(_receiver_rows(s, youth.id), parsed)
            changed = [f for f in YOUTH_FIELDS if getattr(youth, f) != parsed.youth[f]]
            # Equal times count as "changed here later": second resolution cannot order
            # them, and asking is the side that never loses work.
            if changed and youth.updated_at >= parsed.sent_updated_at:
                labels = ", ".join(FIELD_LABELS.get(f, f) for f in changed)
                # Dated by the receiver's last change: the fields may differ because of
                # either side, and which one cannot be told apart.
                losses.append(
                    Loss(
                        TABLE_LABELS["youth"],
                        youth.updated_at.date(),
                        f"disse felter ville blive overskrevet: {labels}",
                    )
                )
            for name, rows in merge.surplus.items():
                losses.extend(
                    Loss(TABLE_LABELS.get(name, name), *row_summary(name, row)) for row in rows
                )
            if losses and not replace:
                raise TransferConflictError(losses)
            for f in YOUTH_FIELDS:
                setattr(youth, f, parsed.youth[f])
            # Children before parents, so foreign keys never block; a kept row that points
            # at a removed duplicate is pointed at its identical twin first.
            for name, table in reversed(tables.items()):
                gone = [r["id"] for r in merge.surplus.get(name, [])]
                if not gone:
                    continue
                for child in tables.values():
                    for column, target in links(child).items():
                        if target != name:
                            continue
                        for old, twin in merge.twins[name].items():
                            s.execute(
                                update(child)
                                .where(child.c.youth_id == youth.id, child.c[column] == old)
                                .values({column: twin})
                            )
                s.execute(delete(table).where(table.c.id.in_(gone)))
        # The receiver's own clock, never the sender's value.
        youth.updated_at = _now_naive(moment)
        s.flush()
        progress.step(2, _IMPORT_STEPS, "Gemmer sagen")
        added = _insert(s, youth.id, merge)
        if parsed.handover is not None:
            handover.record_incoming(s, youth, parsed.handover, moment)
        progress.step(3, _IMPORT_STEPS, "Beregner frister")
        deadlines.refresh(s, youth.id)
        detail = "Modtaget ved overførsel"
        if added:
            detail += f"; {added} nye poster"
        if losses:
            detail += f"; erstattede {len(losses)} poster, der fandtes her"
        audit.record(
            s,
            Action.CREATE if existing is None else Action.UPDATE,
            youth_id=youth.id,
            subject=youth.case_number,
            detail=detail,
        )
        s.flush()
        # The last point where Stop is honoured: the whole import rolls back with it.
        progress.step(_IMPORT_STEPS, _IMPORT_STEPS, "Afslutter")
        return ImportResult(youth.id, existing is None, youth.case_number, added, len(losses))


def _insert(s: Session, youth_id: int, merge: _Merge) -> int:
    """Insert the file's new rows, parents first, pointing links at the receiver's ids."""
    ids = {name: dict(m) for name, m in merge.matched.items()}
    count = 0
    for name, table in copied_tables().items():
        targets = links(table)
        mine = ids.setdefault(name, {})
        for row in merge.inserts.get(name, []):
            values = {k: v for k, v in row.items() if k not in ("id", "youth_id")}
            for column, target in targets.items():
                if values.get(column) is not None:
                    values[column] = ids[target][values[column]]
            new_id = s.scalar(
                insert(table).values(**values, youth_id=youth_id).returning(table.c.id)
            )
            assert new_id is not None
            mine[row["id"]] = new_id
            count += 1
    return count


def _birth(parsed: ParsedCase) -> date:
    return cprmod.parse(parsed.cpr).birth_date


def _sex(parsed: ParsedCase) -> str:
    return cprmod.parse(parsed.cpr).legal_sex.value
