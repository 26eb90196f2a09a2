"""Conversations: book, hold, record a missed one, cancel, and list a young person's.

Every change is logged and refreshes the young person's deadlines in the same transaction,
so the deadlines overview is never behind what was saved.

A conversation cannot be registered as held on a future date: a held samtale meets legal
deadlines, so one dated ahead would hide a deadline that is still open. The caller passes
its ``today`` (the UI its clock); the check is made against that day.

A registered conversation (held, missed or cancelled) can be corrected afterwards: date and
time, kind, held or not, and who held it, always with a reason. The values before and after
are kept in ``conversation_correction`` and shown with the conversation; the log says that
it was corrected and what changed, never the reason (free text may name people).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.domain.visitation import (
    CONVERSATION_LABELS,
    HELD_BY_LABELS,
    MODE_LABELS,
    STATUS_LABELS,
    ConversationInput,
    ConversationKind,
    ConversationStatus,
    HeldBy,
    Mode,
    counts_as_jobsamtale,
    validate_conversation,
)
from ungedesk.services import audit, deadlines
from ungedesk.services.audit import Action
from ungedesk.services.current_user import current_caseworker, label
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import Conversation, ConversationCorrection

HELD_IN_FUTURE = "En samtale kan ikke registreres som afholdt på en dato, der ikke er kommet endnu."


def _refuse_held_in_future(status: ConversationStatus, on: date, today: date | None) -> None:
    # ``today`` is None only for callers that record history that has already been checked
    # (tests of other features, data moved between stores); every form passes its clock.
    if status is ConversationStatus.HELD and today is not None and on > today:
        raise InputError({"starts_at": HELD_IN_FUTURE})


@dataclass(frozen=True, slots=True)
class ConversationFacts:
    """The fields a correction can change, as they were at one moment."""

    kind: ConversationKind
    status: ConversationStatus
    starts_at: datetime
    held_by: HeldBy

    def describe(self) -> str:
        """Danish, one line: 'Jobsamtale, afholdt 03.03.2026 kl. 10.00, beskæftigelsesindsatsen'."""
        return (
            f"{CONVERSATION_LABELS[self.kind]}, {STATUS_LABELS[self.status].lower()} "
            f"{self.starts_at:%d.%m.%Y kl. %H.%M}, {HELD_BY_LABELS[self.held_by].lower()}"
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "kind": self.kind.value,
                "status": self.status.value,
                "starts_at": self.starts_at.isoformat(timespec="minutes"),
                "held_by": self.held_by.value,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> ConversationFacts:
        raw = json.loads(text)
        return cls(
            ConversationKind(raw["kind"]),
            ConversationStatus(raw["status"]),
            datetime.fromisoformat(raw["starts_at"]),
            HeldBy(raw["held_by"]),
        )


@dataclass(frozen=True, slots=True)
class CorrectionView:
    corrected_at: datetime  # UTC, the store's clock
    corrected_by: str
    reason: str
    before: ConversationFacts
    after: ConversationFacts


@dataclass(frozen=True, slots=True)
class ConversationView:
    id: int
    youth_id: int
    kind: ConversationKind
    status: ConversationStatus
    starts_at: datetime
    duration_minutes: int
    mode: Mode
    place: str
    participants: tuple[str, ...]
    notes: str
    held_by: HeldBy = HeldBy.EMPLOYMENT
    corrections: tuple[CorrectionView, ...] = ()  # oldest first

    @property
    def kind_label(self) -> str:
        return CONVERSATION_LABELS[self.kind]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def mode_label(self) -> str:
        return MODE_LABELS[self.mode]

    @property
    def held_by_label(self) -> str:
        return HELD_BY_LABELS[self.held_by]

    @property
    def counts_as_jobsamtale(self) -> bool:
        """Held, of a jobsamtale kind and held by the employment side (alone or jointly)."""
        return self.status is ConversationStatus.HELD and counts_as_jobsamtale(
            self.kind, self.held_by
        )

    @property
    def facts(self) -> ConversationFacts:
        return ConversationFacts(self.kind, self.status, self.starts_at, self.held_by)


def _facts(c: Conversation) -> ConversationFacts:
    return ConversationFacts(
        ConversationKind(c.kind), ConversationStatus(c.status), c.starts_at, HeldBy(c.held_by)
    )


def _correction_view(row: ConversationCorrection) -> CorrectionView:
    return CorrectionView(
        row.corrected_at,
        row.corrected_by,
        row.reason,
        ConversationFacts.from_json(row.before),
        ConversationFacts.from_json(row.after),
    )


def _view(c: Conversation, corrections: tuple[CorrectionView, ...] = ()) -> ConversationView:
    return ConversationView(
        c.id,
        c.youth_id,
        ConversationKind(c.kind),
        ConversationStatus(c.status),
        c.starts_at,
        c.duration_minutes,
        Mode(c.mode),
        c.place,
        tuple(json.loads(c.participants)),
        c.notes,
        HeldBy(c.held_by),
        corrections,
    )


def _corrections(session: Session, *, youth_id: int) -> dict[int, tuple[CorrectionView, ...]]:
    out: dict[int, list[CorrectionView]] = {}
    for row in session.scalars(
        select(ConversationCorrection)
        .where(ConversationCorrection.youth_id == youth_id)
        .order_by(ConversationCorrection.id)
    ):
        out.setdefault(row.conversation_id, []).append(_correction_view(row))
    return {k: tuple(v) for k, v in out.items()}


def book(
    store: Store,
    youth_id: int,
    data: ConversationInput,
    status: ConversationStatus = ConversationStatus.BOOKED,
    *,
    today: date | None = None,
) -> int:
    """Save a conversation (booked, or recorded afterwards as held or missed).

    Held on a day after ``today``: InputError on ``starts_at``, nothing saved."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        mark_changed(youth)
        errors = validate_conversation(data, henvendelse=youth.henvendelse_date)
        if errors:
            raise InputError(errors)
        assert data.starts_at is not None
        _refuse_held_in_future(status, data.starts_at.date(), today)
        conversation = Conversation(
            youth_id=youth_id,
            kind=data.kind.value,
            status=status.value,
            starts_at=data.starts_at.replace(second=0, microsecond=0),
            duration_minutes=data.duration_minutes,
            mode=data.mode.value,
            place=" ".join(data.place.split()),
            participants=json.dumps(list(data.participants), ensure_ascii=False),
            notes=data.notes.strip(),
            held_by=data.holder.value,
        )
        s.add(conversation)
        s.flush()
        audit.record(
            s,
            Action.CREATE,
            youth_id=youth_id,
            subject=youth.case_number,
            detail=f"Samtale: {CONVERSATION_LABELS[data.kind]}",
        )
        deadlines.refresh(s, youth_id)
        return conversation.id


def set_status(
    store: Store,
    conversation_id: int,
    status: ConversationStatus,
    *,
    notes: str | None = None,
    today: date | None = None,
) -> ConversationView:
    """Mark a conversation held, missed or cancelled (and optionally write its notes).

    A conversation booked for a day after ``today`` cannot be marked held (``starts_at``)."""
    with store.session() as s:
        c = s.get(Conversation, conversation_id)
        if c is None:
            raise InputError({"id": "Samtalen findes ikke længere."})
        _refuse_held_in_future(status, c.starts_at.date(), today)
        youth = require_youth(s, c.youth_id)
        mark_changed(youth)
        c.status = status.value
        if notes is not None:
            if len(notes) > 20_000:
                raise InputError({"notes": "Noten er for lang (højst 20.000 tegn)."})
            c.notes = notes.strip()
        s.flush()
        audit.record(
            s,
            Action.UPDATE,
            youth_id=c.youth_id,
            subject=youth.case_number,
            detail=f"Samtale {STATUS_LABELS[status].lower()}",
        )
        deadlines.refresh(s, c.youth_id)
        return _view(c, _corrections(s, youth_id=c.youth_id).get(c.id, ()))


# Statuses a correction can move between: a registered conversation was held or not held
# (missed, or cancelled). A booked one is marked held or missed with the ordinary actions.
CORRECTABLE = frozenset(
    {ConversationStatus.HELD, ConversationStatus.MISSED, ConversationStatus.CANCELLED}
)
MAX_REASON = 2000


@dataclass(frozen=True, slots=True)
class CorrectionInput:
    kind: ConversationKind
    status: ConversationStatus
    starts_at: datetime | None
    held_by: HeldBy
    reason: str


def _who(session: Session) -> str:
    """The current user as the audit log names them: "Name (INITIALS)"."""
    cw = current_caseworker(session)
    return "UngeDesk" if cw is None else label(cw)


def correct(
    store: Store, conversation_id: int, data: CorrectionInput, *, today: date
) -> ConversationView:
    """Correct a registered conversation's date and time, kind, status or holder, with a
    reason. Keeps the values before and after, logs the change (not the reason) and
    recomputes the young person's deadlines, all in one transaction.

    Refused with InputError (nothing saved): a booked conversation (``status``), a status
    other than held, missed or cancelled, held on a day after ``today`` or before the
    henvendelse (``starts_at``), no reason or one too long (``reason``), nothing changed."""
    reason = data.reason.strip()
    with store.session() as s:
        c = s.get(Conversation, conversation_id)
        if c is None:
            raise InputError({"id": "Samtalen findes ikke længere."})
        youth = require_youth(s, c.youth_id)
        errors: dict[str, str] = {}
        if ConversationStatus(c.status) not in CORRECTABLE:
            errors["status"] = (
                "En booket samtale rettes ikke: markér den som afholdt, udeblevet eller aflyst."
            )
        elif data.status not in CORRECTABLE:
            errors["status"] = "Vælg afholdt, udeblevet eller aflyst."
        if data.starts_at is None:
            errors["starts_at"] = "Vælg dato og klokkeslæt for samtalen."
        else:
            errors.update(
                validate_conversation(
                    ConversationInput(data.kind, data.starts_at, c.duration_minutes),
                    henvendelse=youth.henvendelse_date,
                )
            )
            if "starts_at" not in errors:
                try:
                    _refuse_held_in_future(data.status, data.starts_at.date(), today)
                except InputError as exc:
                    errors.update(exc.fields)
        if not reason:
            errors["reason"] = "Skriv hvorfor samtalen rettes."
        elif len(reason) > MAX_REASON:
            errors["reason"] = f"Begrundelsen må højst være {MAX_REASON:,} tegn.".replace(",", ".")
        if errors:
            raise InputError(errors)
        assert data.starts_at is not None
        before = _facts(c)
        after = ConversationFacts(
            data.kind, data.status, data.starts_at.replace(second=0, microsecond=0), data.held_by
        )
        if after == before:
            raise InputError({"reason": "Intet er ændret: ret dato, type, status eller hvem."})
        s.add(
            ConversationCorrection(
                conversation_id=c.id,
                youth_id=c.youth_id,
                corrected_by=_who(s),
                reason=reason,
                before=before.to_json(),
                after=after.to_json(),
            )
        )
        c.kind = after.kind.value
        c.status = after.status.value
        c.starts_at = after.starts_at
        c.held_by = after.held_by.value
        mark_changed(youth)
        s.flush()
        audit.record(
            s,
            Action.UPDATE,
            youth_id=c.youth_id,
            subject=youth.case_number,
            detail=f"Samtale rettet: {before.describe()} → {after.describe()}",
        )
        deadlines.refresh(s, c.youth_id)
        return _view(c, _corrections(s, youth_id=c.youth_id).get(c.id, ()))


def for_youth(store: Store, youth_id: int) -> list[ConversationView]:
    """A young person's conversations, newest first, each with its corrections."""
    with store.session() as s:
        return for_youth_in(s, youth_id)


def for_youth_in(s: Session, youth_id: int) -> list[ConversationView]:
    corrections = _corrections(s, youth_id=youth_id)
    rows = s.scalars(
        select(Conversation)
        .where(Conversation.youth_id == youth_id)
        .order_by(Conversation.starts_at.desc())
    )
    return [_view(c, corrections.get(c.id, ())) for c in rows]


def booked_between(store: Store, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """Start times and durations of booked conversations in [start, end): for free slots."""
    with store.session() as s:
        return booked_between_in(s, start, end)


def booked_between_in(s: Session, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    rows = s.execute(
        select(Conversation.starts_at, Conversation.duration_minutes).where(
            Conversation.status == ConversationStatus.BOOKED.value,
            Conversation.starts_at >= start,
            Conversation.starts_at < end,
        )
    ).all()
    return [(at, minutes) for at, minutes in rows]
