"""Custody holders (forældremyndighedens indehaver) of young people under 18.

Adding, editing and ending a holder is one transaction each, logged in the access log by
the case number and the relation only (never the holder's name). A holder is ended, not
deleted: the record keeps who had custody when, and retention deletes the rows with the
case (services.retention covers every table with a youth_id). The rules of who counts on a
date live in domain.custody.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain import custody as dom
from ungedesk.domain.custody import RELATION_LABELS, HolderInput, Period, Relation
from ungedesk.domain.errors import InputError
from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.services.current_user import current_caseworker, label
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import CustodyHolder


@dataclass(frozen=True, slots=True)
class HolderView:
    id: int
    youth_id: int
    name: str
    relation: Relation
    phone: str
    email: str
    address: str
    takes_part: bool
    valid_from: date
    valid_to: date | None
    recorded_by: str

    @property
    def relation_label(self) -> str:
        return RELATION_LABELS[self.relation]

    @property
    def period(self) -> Period:
        return Period(self.valid_from, self.valid_to, self.takes_part)


@dataclass(frozen=True, slots=True)
class CustodyView:
    """The custody box's content on a date."""

    youth_id: int
    birth_date: date
    on: date
    minor: bool  # under 18 on ``on``: custody applies
    adult_on: date  # the 18th birthday
    holders: tuple[HolderView, ...]  # every holder ever recorded, current ones first

    @property
    def current(self) -> tuple[HolderView, ...]:
        return tuple(h for h in self.holders if dom.counts_on(h.period, self.birth_date, self.on))

    @property
    def signers(self) -> tuple[HolderView, ...]:
        return tuple(dom.signers(self.holders, lambda h: h.period, self.birth_date, self.on))


def _view(row: CustodyHolder) -> HolderView:
    return HolderView(
        row.id,
        row.youth_id,
        row.name,
        Relation(row.relation),
        row.phone,
        row.email,
        row.address,
        row.takes_part,
        row.valid_from,
        row.valid_to,
        row.recorded_by,
    )


def holders_in(s: Session, youth_id: int) -> list[HolderView]:
    rows = s.scalars(
        select(CustodyHolder)
        .where(CustodyHolder.youth_id == youth_id)
        .order_by(CustodyHolder.valid_from, CustodyHolder.id)
    )
    return [_view(r) for r in rows]


def custody_in(s: Session, youth_id: int, on: date) -> CustodyView:
    youth = require_youth(s, youth_id)
    holders = holders_in(s, youth_id)
    current = [h for h in holders if dom.counts_on(h.period, youth.birth_date, on)]
    rest = [h for h in holders if h not in current]
    return CustodyView(
        youth_id,
        youth.birth_date,
        on,
        dom.custody_applies(youth.birth_date, on),
        dom.adult_on(youth.birth_date),
        tuple(current + rest),
    )


def custody(store: Store, youth_id: int, on: date) -> CustodyView:
    """The holders recorded for the young person and who counts on ``on``."""
    with store.session() as s:
        return custody_in(s, youth_id, on)


def _check(data: HolderInput, birth: date, today: date) -> None:
    errors = dom.validate(data, birth, today)
    if errors:
        raise InputError(errors)


def _apply(row: CustodyHolder, data: HolderInput) -> None:
    assert data.valid_from is not None
    row.name = dom.clean(data.name)
    row.relation = data.relation.value
    row.phone = data.phone.strip()
    row.email = data.email.strip()
    row.address = dom.clean(data.address)
    row.takes_part = data.takes_part
    row.valid_from = data.valid_from
    row.valid_to = data.valid_to


def add_holder(store: Store, youth_id: int, data: HolderInput, *, today: date) -> int:
    """Record a custody holder; returns the row's id. Refused (Danish InputError) for an
    adult on the start date or bad contact details; nothing is written then."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        _check(data, youth.birth_date, today)
        cw = current_caseworker(s)
        row = CustodyHolder(youth_id=youth_id, recorded_by="" if cw is None else label(cw))
        _apply(row, data)
        s.add(row)
        mark_changed(youth)
        s.flush()
        audit.record(
            s,
            Action.CREATE,
            youth_id=youth_id,
            subject=youth.case_number,
            detail=f"Forældremyndighedens indehaver tilføjet ({RELATION_LABELS[data.relation]})",
        )
        return row.id


def _require(s: Session, holder_id: int) -> CustodyHolder:
    row = s.get(CustodyHolder, holder_id)
    if row is None:
        raise InputError({"holder": "Forældremyndighedens indehaver findes ikke længere."})
    return row


def edit_holder(store: Store, holder_id: int, data: HolderInput, *, today: date) -> None:
    with store.session() as s:
        row = _require(s, holder_id)
        youth = require_youth(s, row.youth_id)
        _check(data, youth.birth_date, today)
        _apply(row, data)
        mark_changed(youth)
        audit.record(
            s,
            Action.UPDATE,
            youth_id=youth.id,
            subject=youth.case_number,
            detail=f"Forældremyndighedens indehaver ændret ({RELATION_LABELS[data.relation]})",
        )


def end_holder(store: Store, holder_id: int, on: date, *, today: date) -> None:
    """The holder no longer has custody after ``on`` (kept as history)."""
    with store.session() as s:
        row = _require(s, holder_id)
        youth = require_youth(s, row.youth_id)
        if row.valid_to is not None:
            raise InputError({"valid_to": "Forældremyndigheden er allerede afsluttet."})
        if on < row.valid_from:
            raise InputError({"valid_to": "Slutdatoen ligger før startdatoen."})
        if on > today:
            raise InputError({"valid_to": "Slutdatoen kan ikke ligge i fremtiden."})
        row.valid_to = on
        mark_changed(youth)
        audit.record(
            s,
            Action.UPDATE,
            youth_id=youth.id,
            subject=youth.case_number,
            detail=(
                "Forældremyndighedens indehaver afsluttet "
                f"({RELATION_LABELS[Relation(row.relation)]})"
            ),
        )


def consent_givers(s: Session, youth_id: int, holder_ids: list[int], on: date) -> str:
    """Who gave a consent on ``on``, as the consent records it: "" for the young person alone;
    for a minor, the young person and the named custody holders, who must hold custody then.
    Raises InputError when a named holder does not (or the young person is an adult)."""
    if not holder_ids:
        return ""
    view = custody_in(s, youth_id, on)
    current = {h.id: h for h in view.current}
    if not view.minor:
        raise InputError({"given_by": "Den unge er fyldt 18 år og giver selv samtykke."})
    missing = [i for i in holder_ids if i not in current]
    if missing:
        raise InputError(
            {"given_by": "En valgt person havde ikke forældremyndigheden på samtykkets dato."}
        )
    names = [f"{current[i].name} ({current[i].relation_label.lower()})" for i in holder_ids]
    return "Den unge og " + ", ".join(names)
