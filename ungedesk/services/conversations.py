"""Conversations: book, hold, record a missed one, cancel, and list a young person's.

Every change is logged and refreshes the young person's deadlines in the same transaction,
so the deadlines overview is never behind what was saved.

A conversation cannot be registered as held on a future date: a held samtale meets legal
deadlines, so one dated ahead would hide a deadline that is still open. The caller passes
its ``today`` (the UI its clock); the check is made against that day.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from ungedesk.domain.visitation import (
    CONVERSATION_LABELS,
    MODE_LABELS,
    STATUS_LABELS,
    ConversationInput,
    ConversationKind,
    ConversationStatus,
    Mode,
    validate_conversation,
)
from ungedesk.services import audit, deadlines
from ungedesk.services.audit import Action
from ungedesk.services.setup import InputError
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import Conversation

HELD_IN_FUTURE = "En samtale kan ikke registreres som afholdt på en dato, der ikke er kommet endnu."


def _refuse_held_in_future(status: ConversationStatus, on: date, today: date | None) -> None:
    # ``today`` is None only for callers that record history that has already been checked
    # (tests of other features, data moved between stores); every form passes its clock.
    if status is ConversationStatus.HELD and today is not None and on > today:
        raise InputError({"starts_at": HELD_IN_FUTURE})


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

    @property
    def kind_label(self) -> str:
        return CONVERSATION_LABELS[self.kind]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def mode_label(self) -> str:
        return MODE_LABELS[self.mode]


def _view(c: Conversation) -> ConversationView:
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
    )


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
        return _view(c)


def for_youth(store: Store, youth_id: int) -> list[ConversationView]:
    """A young person's conversations, newest first."""
    with store.session() as s:
        rows = s.scalars(
            select(Conversation)
            .where(Conversation.youth_id == youth_id)
            .order_by(Conversation.starts_at.desc())
        )
        return [_view(c) for c in rows]


def booked_between(store: Store, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """Start times and durations of booked conversations in [start, end): for free slots."""
    with store.session() as s:
        rows = s.execute(
            select(Conversation.starts_at, Conversation.duration_minutes).where(
                Conversation.status == ConversationStatus.BOOKED.value,
                Conversation.starts_at >= start,
                Conversation.starts_at < end,
            )
        ).all()
        return [(at, minutes) for at, minutes in rows]
