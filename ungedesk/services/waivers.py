"""Waivers: exempting one young person from one deadline by a recorded, dated decision.

From 1 July 2026 the municipality may exempt up to 25 % of the young people in the contact
course (jobsamtaler, the offer within six months) by a concrete assessment. Only a rule the
law lets be exempted (``waivable = true`` in the rule file) can be waived. A waiver names
the deadline by rule id and start day; for a rule that gives one deadline per case (``once``)
the decision follows the rule even if the start day is corrected later (domain.rules.Waiver).

A waiver is never deleted: revoking it records when, by whom and why, and the history keeps
both. Waiving and revoking are logged (audit) and recompute the young person's deadlines in
the same transaction, so the exempt deadline leaves the overdue count at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.services import audit, deadlines
from ungedesk.services.audit import Action
from ungedesk.services.deadlines import DeadlineView
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import DeadlineRow, WaiverRow

MAX_REASON = 5000
MAX_NAME = 120


@dataclass(frozen=True, slots=True)
class WaiverView:
    id: int
    youth_id: int
    rule_id: str
    description: str  # the rule's text, or its id when the rule is gone
    start: date
    decided_on: date
    decided_by: str
    reason: str
    recorded_by: str
    revoked_on: date | None
    revoked_by: str
    revoke_reason: str

    @property
    def active(self) -> bool:
        return self.revoked_on is None


def _day(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def waive(
    store: Store,
    youth_id: int,
    rule_id: str,
    start: date,
    decided_on: date,
    reason: str,
    *,
    today: date,
    decided_by: str = "",
) -> int:
    """Record the decision; the deadline becomes exempt. ``decided_by`` empty: the
    caseworker entering it. Returns the waiver's id."""
    errors: dict[str, str] = {}
    reason = reason.strip()
    decided_by = decided_by.strip()
    if not reason:
        errors["reason"] = "Skriv begrundelsen for fritagelsen (den konkrete vurdering)."
    elif len(reason) > MAX_REASON:
        errors["reason"] = "Begrundelsen må højst være 5.000 tegn."
    if len(decided_by) > MAX_NAME:
        errors["decided_by"] = "Navnet må højst være 120 tegn."
    if decided_on > today:
        errors["decided_on"] = "Afgørelsen kan ikke have en dato i fremtiden."
    with store.session() as s:
        youth = require_youth(s, youth_id)
        rule = next((r for r in deadlines.rules(s) if r.id == rule_id), None)
        if rule is None:
            errors["rule_id"] = f"Reglen {rule_id} findes ikke."
        else:
            row = s.scalar(
                select(DeadlineRow).where(
                    DeadlineRow.youth_id == youth_id,
                    DeadlineRow.rule_id == rule_id,
                    DeadlineRow.start == start,
                )
            )
            if row is None:
                errors["rule_id"] = "Den unge har ingen sådan frist."
            elif not row.waivable:
                errors["rule_id"] = "Loven giver ikke mulighed for at fritage for denne frist."
            elif row.met:
                errors["rule_id"] = "Fristen er overholdt og kan ikke fritages."
            elif row.exempt:
                errors["rule_id"] = "Den unge er allerede fritaget for fristen."
            elif "decided_on" not in errors and decided_on < start:
                errors["decided_on"] = (
                    f"Afgørelsen kan ikke ligge før fristens start ({_day(start)})."
                )
        if errors:
            raise InputError(errors)
        _actor_id, actor = audit.current_actor(s)
        mark_changed(youth)
        waiver = WaiverRow(
            youth_id=youth_id,
            rule_id=rule_id,
            start=start,
            decided_on=decided_on,
            decided_by=decided_by or actor,
            reason=reason,
            recorded_by=actor,
            revoked_by="",
            revoke_reason="",
        )
        s.add(waiver)
        s.flush()
        # The reason can describe the young person's circumstances: it stays out of the log.
        audit.record(
            s,
            Action.UPDATE,
            youth_id=youth_id,
            subject=youth.case_number,
            detail=f"Frist fritaget: {rule_id} (start {start.isoformat()})",
        )
        deadlines.refresh(s, youth_id)
        return waiver.id


def revoke(store: Store, waiver_id: int, reason: str, *, today: date) -> None:
    """Revoke a decision (kept in the history); the deadline counts again from now on."""
    reason = reason.strip()
    if not reason:
        raise InputError({"reason": "Skriv hvorfor fritagelsen tilbagekaldes."})
    if len(reason) > MAX_REASON:
        raise InputError({"reason": "Begrundelsen må højst være 5.000 tegn."})
    with store.session() as s:
        waiver = s.get(WaiverRow, waiver_id)
        if waiver is None:
            raise InputError({"waiver": "Fritagelsen findes ikke længere."})
        if waiver.revoked_on is not None:
            raise InputError({"waiver": "Fritagelsen er allerede tilbagekaldt."})
        youth = require_youth(s, waiver.youth_id)
        mark_changed(youth)
        waiver.revoked_on = today
        waiver.revoked_by = audit.current_actor(s)[1]
        waiver.revoke_reason = reason
        s.flush()
        audit.record(
            s,
            Action.UPDATE,
            youth_id=waiver.youth_id,
            subject=youth.case_number,
            detail=f"Fritagelse tilbagekaldt: {waiver.rule_id} (start {waiver.start.isoformat()})",
        )
        deadlines.refresh(s, waiver.youth_id)


def for_youth(store: Store, youth_id: int) -> list[WaiverView]:
    """Every decision about the young person, revoked ones too, newest first."""
    with store.session() as s:
        return for_youth_in(s, youth_id)


def for_youth_in(s: Session, youth_id: int) -> list[WaiverView]:
    by_id = {r.id: r for r in deadlines.rules(s)}
    rows = s.scalars(
        select(WaiverRow)
        .where(WaiverRow.youth_id == youth_id)
        .order_by(WaiverRow.decided_on.desc(), WaiverRow.id.desc())
    )
    return [
        WaiverView(
            w.id,
            w.youth_id,
            w.rule_id,
            by_id[w.rule_id].description if w.rule_id in by_id else w.rule_id,
            w.start,
            w.decided_on,
            w.decided_by,
            w.reason,
            w.recorded_by,
            w.revoked_on,
            w.revoked_by,
            w.revoke_reason,
        )
        for w in rows
    ]


@dataclass(frozen=True, slots=True)
class DeadlinesTab:
    """What the record's deadlines tab shows, read in one transaction."""

    deadlines: list[DeadlineView]
    waivers: list[WaiverView]  # every decision, revoked ones too, newest first


def deadlines_tab(store: Store, youth_id: int, today: date) -> DeadlinesTab:
    with store.session() as s:
        return DeadlinesTab(deadlines.for_youth_in(s, youth_id, today), for_youth_in(s, youth_id))
