"""Following a young person up after the case ended (issue 17's outcomes): on a day the
caseworker checks, was the young person back on a benefit, and since when. The outcome
figures (domain.figures.outcomes) count returns within 6 and 12 months from these."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ungedesk.domain.errors import InputError
from ungedesk.domain.youth import CaseStatus
from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import FollowUp

MAX_NOTE = 2000


@dataclass(frozen=True, slots=True)
class FollowUpView:
    id: int
    checked_on: date
    returned_on: date | None
    note: str
    recorded_by: str


def record(
    store: Store,
    youth_id: int,
    checked_on: date,
    returned_on: date | None,
    note: str = "",
    *,
    today: date,
) -> FollowUpView:
    """Record one follow-up of a closed case; the dates must hold together."""
    errors: dict[str, str] = {}
    note = note.strip()
    if checked_on > today:
        errors["checked_on"] = "Datoen kan ikke ligge i fremtiden."
    if len(note) > MAX_NOTE:
        errors["note"] = "Bemærkningen må højst være 2.000 tegn."
    with store.session() as s:
        youth = require_youth(s, youth_id)
        closed = youth.closed_on
        if youth.status != CaseStatus.CLOSED.value or closed is None:
            errors["youth_id"] = "Kun en afsluttet sag kan følges op."
        else:
            if checked_on < closed:
                errors["checked_on"] = "Opfølgningen kan ikke ligge før sagen blev afsluttet."
            if returned_on is not None and not closed < returned_on <= checked_on:
                errors["returned_on"] = (
                    "Datoen for at komme tilbage på ydelse skal ligge efter afslutningen og "
                    "senest på opfølgningsdagen."
                )
        if errors:
            raise InputError(errors)
        _actor_id, actor = audit.current_actor(s)
        row = FollowUp(
            youth_id=youth_id,
            checked_on=checked_on,
            returned_on=returned_on,
            note=note,
            recorded_by=actor,
        )
        s.add(row)
        mark_changed(youth)
        s.flush()
        audit.record(
            s,
            Action.UPDATE,
            youth_id=youth_id,
            subject=youth.case_number,
            detail="Opfølgning efter afslutning: "
            + ("tilbage på ydelse" if returned_on else "ikke på ydelse"),
        )
        return FollowUpView(row.id, checked_on, returned_on, note, actor)


def for_youth(store: Store, youth_id: int) -> list[FollowUpView]:
    with store.session() as s:
        return [
            FollowUpView(r.id, r.checked_on, r.returned_on, r.note, r.recorded_by)
            for r in s.scalars(
                select(FollowUp).where(FollowUp.youth_id == youth_id).order_by(FollowUp.checked_on)
            )
        ]
