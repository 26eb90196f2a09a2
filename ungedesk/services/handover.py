"""Handover with kædeansvar, without a server (seed 003: responsibility passes only when the
receiver has accepted).

1. The sender exports the case (services.transfer.export_case). The same transaction records
   an outgoing handover, ``pending``, with a random transfer id and a random receipt key; both
   travel inside the file's encryption. The sender's case stays active with its caseworker and
   its deadlines: the record shows "Overdraget — afventer kvittering".
2. The receiver imports the file (services.transfer.import_case), which records an incoming
   handover with the transfer id and key, and the receiver's period in the case's chain of
   holders. ``write_receipt`` then writes a receipt file: the transfer id in the clear (so the
   sender can find the key), the rest encrypted and authenticated with the receipt key
   (AES-256-GCM, the header as associated data).
3. The sender reads the receipt (``read_receipt``) in the case's record. Only a receipt made
   with this transfer's key opens; it must name this transfer and this case, and a transfer
   is closed once: a receipt for another case, a changed or replayed receipt, or anything else
   is refused with a Danish message and changes nothing. A genuine one closes the sender's
   side in one transaction: the case ends with "Overdraget til en anden enhed", the chain of
   holders gets the receiver, and the access log says so.

A lost receipt changes nothing: the sender keeps the case and its deadlines; the receiver can
write the receipt again at any time (it is the same statement of the same import).
"""

from __future__ import annotations

import json
import re
import secrets
import stat
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from babel.dates import format_date
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.errors import FileError, InputError
from ungedesk.domain.handover import (
    HANDOVER_STATUS_LABELS,
    HOLDER_HOW_LABELS,
    HandoverStatus,
    HolderHow,
)
from ungedesk.domain.youth import EXIT_LABELS, CaseStatus, ExitReason
from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.services.current_user import current_caseworker, label
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.errors import translate_os_error
from ungedesk.store.models import CaseHolder, Caseworker, Handover, Youth
from ungedesk.store.paths import make_private_dirs, write_private_atomic

RECEIPT_MAGIC = b"UNGEDESK-RECEIPT-1\n"
_RECEIPT_AAD = b"ungedesk-receipt-v1"
RECEIPT_SUFFIX = ".udkvit"
MAX_RECEIPT_BYTES = 16 * 1024
_TID_RE = re.compile(r"^[0-9a-f]{32}$")
_NONCE_RE = re.compile(r"^[0-9a-f]{24}$")
_KEY_RE = re.compile(r"^[0-9a-f]{64}$")
MAX_PARTY = 200


class ReceiptError(FileError):
    """A receipt that cannot close this case's handover. Nothing is changed."""

    exit_code = 12
    message = "Filen er ikke en kvittering fra UngeDesk, eller den er beskadiget. Intet er ændret."


@dataclass(frozen=True, slots=True)
class HolderPeriod:
    holder: str
    since: datetime
    until: datetime | None
    how: HolderHow

    @property
    def how_label(self) -> str:
        return HOLDER_HOW_LABELS[self.how]


@dataclass(frozen=True, slots=True)
class HandoverMeta:
    """What a transfer file carries for the receipt (inside its encryption)."""

    transfer_id: str
    receipt_key: str  # hex
    case_number: str  # the sender's case number
    sender: str  # the sending caseworker and unit, as then
    chain: tuple[HolderPeriod, ...] = ()  # who held the case before, oldest first


@dataclass(frozen=True, slots=True)
class HandoverView:
    id: int
    transfer_id: str
    outgoing: bool
    status: HandoverStatus
    at: datetime
    by: str
    other_case_number: str
    other_by: str
    receipted_at: datetime | None

    @property
    def status_label(self) -> str:
        return HANDOVER_STATUS_LABELS[self.status]


@dataclass(frozen=True, slots=True)
class HandoverState:
    """A case's handovers and chain of holders, for the record."""

    youth_id: int
    active: bool
    handovers: tuple[HandoverView, ...]  # oldest first
    holders: tuple[HolderPeriod, ...]  # oldest first

    @property
    def pending(self) -> HandoverView | None:
        """The newest handover still awaiting its receipt, while the case is active."""
        if not self.active:
            return None
        waiting = [h for h in self.handovers if h.status is HandoverStatus.PENDING]
        return waiting[-1] if waiting else None

    @property
    def received(self) -> HandoverView | None:
        """The newest incoming handover: the one a receipt is written for."""
        got = [h for h in self.handovers if not h.outgoing]
        return got[-1] if got else None


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


def _view(h: Handover) -> HandoverView:
    return HandoverView(
        h.id,
        h.transfer_id,
        h.outgoing,
        HandoverStatus(h.status),
        h.at,
        h.by,
        h.other_case_number,
        h.other_by,
        h.receipted_at,
    )


def _holder_label(cw: Caseworker | None) -> str:
    if cw is None:
        return "Ukendt sagsbehandler"
    return f"{label(cw)}, {cw.unit}" if cw.unit else label(cw)


def state(store: Store, youth_id: int) -> HandoverState:
    with store.session() as s:
        youth = require_youth(s, youth_id)
        rows = s.scalars(
            select(Handover).where(Handover.youth_id == youth_id).order_by(Handover.id)
        )
        return HandoverState(
            youth_id,
            youth.status == CaseStatus.ACTIVE.value,
            tuple(_view(r) for r in rows),
            _chain(s, youth_id),
        )


def _open_period(s: Session, youth_id: int) -> CaseHolder | None:
    return s.scalar(
        select(CaseHolder)
        .where(CaseHolder.youth_id == youth_id, CaseHolder.until.is_(None))
        .order_by(CaseHolder.id.desc())
    )


def _chain(s: Session, youth_id: int) -> tuple[HolderPeriod, ...]:
    rows = s.scalars(
        select(CaseHolder).where(CaseHolder.youth_id == youth_id).order_by(CaseHolder.id)
    )
    return tuple(HolderPeriod(h.holder, h.since, h.until, HolderHow(h.how)) for h in rows)


def start_outgoing(s: Session, youth: Youth, at: datetime) -> HandoverMeta:
    """Record a handover of ``youth`` as sent, inside the export's transaction (which logs
    the export as the handover); returns what the file carries. The chain of holders gets
    the sender's period if it has none yet."""
    me = current_caseworker(s)
    if _open_period(s, youth.id) is None:
        s.add(
            CaseHolder(
                youth_id=youth.id,
                holder=_holder_label(youth.caseworker or me),
                since=youth.created_at,
                until=None,
                how=HolderHow.REGISTERED.value,
            )
        )
        s.flush()
    meta = HandoverMeta(
        secrets.token_hex(16),
        secrets.token_hex(32),
        youth.case_number,
        _holder_label(me),
        _chain(s, youth.id),
    )
    s.add(
        Handover(
            youth_id=youth.id,
            transfer_id=meta.transfer_id,
            outgoing=True,
            receipt_key=meta.receipt_key,
            status=HandoverStatus.PENDING.value,
            at=_naive(at),
            by="" if me is None else label(me),
            other_case_number="",
            other_by="",
        )
    )
    return meta


def meta_to_json(meta: HandoverMeta) -> dict[str, Any]:
    return {
        "transfer_id": meta.transfer_id,
        "receipt_key": meta.receipt_key,
        "case_number": meta.case_number,
        "sender": meta.sender,
        "chain": [
            {
                "holder": p.holder,
                "since": p.since.isoformat(timespec="seconds"),
                "until": None if p.until is None else p.until.isoformat(timespec="seconds"),
                "how": p.how.value,
            }
            for p in meta.chain
        ],
    }


_META_KEYS = {"transfer_id", "receipt_key", "case_number", "sender", "chain"}
MAX_CHAIN = 1000


def _period(raw: object) -> HolderPeriod | None:
    if not isinstance(raw, dict) or set(raw) != {"holder", "since", "until", "how"}:
        return None
    holder, since, until, how = raw["holder"], raw["since"], raw["until"], raw["how"]
    if not isinstance(holder, str) or not holder or len(holder) > MAX_PARTY:
        return None
    if not isinstance(since, str) or not (until is None or isinstance(until, str)):
        return None
    if how not in {h.value for h in HolderHow}:
        return None
    try:
        start = datetime.fromisoformat(since)
        end = None if until is None else datetime.fromisoformat(until)
    except ValueError:
        return None
    if start.tzinfo is not None or (end is not None and end.tzinfo is not None):
        return None
    return HolderPeriod(holder, start, end, HolderHow(how))


def meta_from_json(raw: object) -> HandoverMeta | None:
    """The file's handover part, or None when it is not a sane one (the caller refuses)."""
    if not isinstance(raw, dict) or set(raw) != _META_KEYS:
        return None
    chain_raw = raw["chain"]
    if not isinstance(chain_raw, list) or len(chain_raw) > MAX_CHAIN:
        return None
    fields = [raw[k] for k in ("transfer_id", "receipt_key", "case_number", "sender")]
    if not all(isinstance(v, str) for v in fields):
        return None
    tid, key, case_number, sender = fields
    if not _TID_RE.match(tid) or not _KEY_RE.match(key):
        return None
    if len(case_number) > 20 or len(sender) > MAX_PARTY:
        return None
    chain = [_period(p) for p in chain_raw]
    if any(p is None for p in chain):
        return None
    return HandoverMeta(tid, key, case_number, sender, tuple(p for p in chain if p is not None))


def record_incoming(s: Session, youth: Youth, meta: HandoverMeta, at: datetime) -> None:
    """Inside the import's transaction: remember the transfer for its receipt and start
    the receiver's period in the chain. Importing the same file again records nothing new."""
    known = s.scalar(
        select(Handover).where(
            Handover.transfer_id == meta.transfer_id, Handover.outgoing.is_(False)
        )
    )
    if known is not None:
        return
    me = current_caseworker(s)
    moment = _naive(at)
    s.add(
        Handover(
            youth_id=youth.id,
            transfer_id=meta.transfer_id,
            outgoing=False,
            receipt_key=meta.receipt_key,
            status=HandoverStatus.RECEIVED.value,
            at=moment,
            # The receipt names the receiver by this: the caseworker and unit, as now.
            by=_holder_label(me),
            other_case_number=meta.case_number,
            other_by=meta.sender,
        )
    )
    s.flush()
    # The sender's chain, then this installation's period. Periods already here (the case
    # came back) are not added twice; whatever was open ends now, here.
    have = {(p.holder, p.since) for p in _chain(s, youth.id)}
    for p in meta.chain:
        if (p.holder, p.since) not in have:
            s.add(
                CaseHolder(
                    youth_id=youth.id, holder=p.holder, since=p.since, until=p.until, how=p.how
                )
            )
    s.flush()
    for period in s.scalars(
        select(CaseHolder).where(CaseHolder.youth_id == youth.id, CaseHolder.until.is_(None))
    ):
        period.until = moment
    s.add(
        CaseHolder(
            youth_id=youth.id,
            holder=_holder_label(me),
            since=moment,
            until=None,
            how=HolderHow.RECEIVED.value,
        )
    )


def write_receipt(store: Store, youth_id: int, out_dir: Path, *, now: datetime) -> Path:
    """Write the receipt for the newest transfer this installation received for the young
    person; the sender's UngeDesk reads it to close its side. Logged as an export."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        row = s.scalar(
            select(Handover)
            .where(Handover.youth_id == youth_id, Handover.outgoing.is_(False))
            .order_by(Handover.id.desc())
        )
        if row is None:
            raise InputError(
                {
                    "receipt": "Sagen er ikke modtaget ved en overdragelse; "
                    "der er intet at kvittere for."
                }
            )
        body = json.dumps(
            {
                "transfer_id": row.transfer_id,
                "case_number": row.other_case_number,
                "receiver_case_number": youth.case_number,
                "received_at": row.at.isoformat(timespec="seconds"),
                "received_by": row.by,
            },
            ensure_ascii=False,
        ).encode("utf-8")
        nonce = secrets.token_bytes(12)
        header = json.dumps({"transfer_id": row.transfer_id, "nonce": nonce.hex()}).encode()
        blob = AESGCM(bytes.fromhex(row.receipt_key)).encrypt(nonce, body, _RECEIPT_AAD + header)
        audit.record(
            s,
            Action.EXPORT,
            youth_id=youth_id,
            subject=youth.case_number,
            purpose="Kvittering for modtaget sag (kædeansvar)",
            at=now,
        )
        s.flush()
        # Named by the sender's case number: the one the sender looks for.
        target = (
            out_dir / f"kvittering-{row.other_case_number or youth.case_number}{RECEIPT_SUFFIX}"
        )
        try:
            make_private_dirs(out_dir)
            write_private_atomic(target, RECEIPT_MAGIC + header + b"\n" + blob)
        except OSError as exc:
            raise translate_os_error(exc) from exc
        return target


def _read(source: Path) -> bytes:
    try:
        info = source.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_RECEIPT_BYTES:
            raise ReceiptError()
        with source.open("rb") as handle:
            raw = handle.read(MAX_RECEIPT_BYTES + 1)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    if len(raw) > MAX_RECEIPT_BYTES or not raw.startswith(RECEIPT_MAGIC):
        raise ReceiptError()
    return raw[len(RECEIPT_MAGIC) :]


def _header(line: bytes) -> tuple[str, bytes]:
    try:
        header = json.loads(line.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise ReceiptError() from None
    if not isinstance(header, dict) or set(header) != {"transfer_id", "nonce"}:
        raise ReceiptError()
    tid, nonce = header["transfer_id"], header["nonce"]
    if not isinstance(tid, str) or not isinstance(nonce, str):
        raise ReceiptError()
    if not _TID_RE.match(tid) or not _NONCE_RE.match(nonce):
        raise ReceiptError()
    return tid, bytes.fromhex(nonce)


def _day(moment: datetime) -> str:
    return format_date(moment.date(), "d. MMMM y", locale="da")


def _body(plain: bytes) -> dict[str, Any]:
    try:
        body = json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ReceiptError() from None
    keys = {"transfer_id", "case_number", "receiver_case_number", "received_at", "received_by"}
    if not isinstance(body, dict) or set(body) != keys:
        raise ReceiptError()
    if not all(isinstance(v, str) for v in body.values()):
        raise ReceiptError()
    try:
        body["received_at"] = datetime.fromisoformat(body["received_at"])
    except ValueError:
        raise ReceiptError() from None
    if len(body["received_by"]) > MAX_PARTY or len(body["receiver_case_number"]) > 20:
        raise ReceiptError()
    return body


OTHER_CASE = "Kvitteringen hører til en anden sag. Intet er ændret."


def read_receipt(store: Store, youth_id: int, source: Path, *, now: datetime) -> HandoverView:
    """Read the receiver's receipt for this case's handover and close the sender's side:
    the case ends "Overdraget til en anden enhed" and the chain gets the receiver. Raises
    ReceiptError (Danish, nothing changed) for anything but this transfer's genuine, first
    receipt."""
    raw = _read(source)
    if b"\n" not in raw:
        raise ReceiptError()
    header_line, blob = raw.split(b"\n", 1)
    tid, nonce = _header(header_line)
    with store.session() as s:
        youth = require_youth(s, youth_id)
        row = s.scalar(
            select(Handover).where(Handover.transfer_id == tid, Handover.outgoing.is_(True))
        )
        if row is None:
            raise ReceiptError(
                "Kvitteringen hører ikke til en overdragelse, der er sendt herfra. Intet er ændret."
            )
        if row.youth_id != youth_id:
            raise ReceiptError(OTHER_CASE)
        try:
            plain = AESGCM(bytes.fromhex(row.receipt_key)).decrypt(
                nonce, blob, _RECEIPT_AAD + header_line
            )
        except InvalidTag:
            raise ReceiptError(
                "Kvitteringen er ændret eller beskadiget og kan ikke godkendes. Intet er ændret."
            ) from None
        body = _body(plain)
        if body["transfer_id"] != tid or body["case_number"] != youth.case_number:
            raise ReceiptError(OTHER_CASE)
        if row.status != HandoverStatus.PENDING.value:
            when = _day(row.receipted_at) if row.receipted_at else ""
            raise ReceiptError(
                f"Kvitteringen er allerede læst{' ' + when if when else ''}. "
                "Den kan kun bruges én gang. Intet er ændret."
            )
        received_at: datetime = body["received_at"]
        if received_at.tzinfo is not None:
            received_at = _naive(received_at)
        moment = _naive(now)
        row.status = HandoverStatus.RECEIPTED.value
        row.receipted_at = moment
        row.other_case_number = body["receiver_case_number"]
        row.other_by = body["received_by"]
        period = _open_period(s, youth_id)
        if period is not None:
            period.until = received_at
        s.add(
            CaseHolder(
                youth_id=youth_id,
                holder=body["received_by"] or "Den modtagende enhed",
                since=received_at,
                until=None,
                how=HolderHow.HANDED_OVER.value,
            )
        )
        detail = "Kvittering læst: sagen er overdraget til en anden enhed"
        if youth.status == CaseStatus.ACTIVE.value:
            youth.status = CaseStatus.CLOSED.value
            youth.closed_on = now.date() if now.tzinfo is None else now.astimezone().date()
            youth.exit_reason = ExitReason.TRANSFERRED.value
            detail += f"; sagen afsluttet: {EXIT_LABELS[ExitReason.TRANSFERRED]}"
        mark_changed(youth)
        audit.record(
            s, Action.UPDATE, youth_id=youth_id, subject=youth.case_number, detail=detail, at=now
        )
        s.flush()
        return _view(row)


def received_on(view: HandoverView) -> date:
    return view.at.date()
