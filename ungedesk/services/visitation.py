"""Visitation: the outcome of the first conversation, target groups and their changes, and
the dated case events the deadline rules react to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.domain.kui import REACHED_LABELS, Reached
from ungedesk.domain.visitation import (
    NEW_LAW,
    SUB_ASSESSMENT_LABELS,
    SubAssessment,
    validate_assessments,
)
from ungedesk.services import audit, catalogue, deadlines, target_groups
from ungedesk.services.audit import Action
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import CaseEvent, TargetGroupEntry, Visitation

EVENT_KINDS = {
    "left_plan": "Har forladt sin plan (15-17 år)",
    "contact": "Kontakt til den unge og/eller forældrene (15-17 år)",
    "new_activity": "Ny aktivitet tilbudt",
    "tilbud_start": "Tilbud startet",
    "realistic_education": "Realistisk uddannelse peget på",
    # Added for the legal rules of 2014-2027 (resources/rules/deadlines.toml).
    "loentilskud_start": "Løntilskud startet",
    "tilbud_slut": "Tilbud afsluttet",
    "jobrettet_forloeb": "Jobrettet indsats (LAB § 30 a) startet",
    "uddannelse_ansoegt": "Ansøgt om optagelse på uddannelse",
}

# The events an offer from the catalogue can be picked for (its name in the note).
OFFER_EVENTS = frozenset({"tilbud_start", "loentilskud_start", "tilbud_slut"})


@dataclass(frozen=True, slots=True)
class VisitationInput:
    visited_on: date
    target_group: str
    sub_assessment: SubAssessment = SubAssessment.NONE
    reasons: str = ""
    paalaeg_given_on: date | None = None
    paalaeg_education: str = ""
    paalaeg_deadline: date | None = None
    fvu_obu_screening: bool = False
    fgu_assessed_on: date | None = None  # KUI § 2 k målgruppevurdering to FGU
    stu_assessed_on: date | None = None  # assessed for STU under the STU law
    uu_present: bool = False
    turned_away: bool = False


@dataclass(frozen=True, slots=True)
class GroupEntryView:
    valid_from: date
    code: str
    label: str
    sub_assessment: str
    reason: str


@dataclass(frozen=True, slots=True)
class VisitationView:
    youth_id: int
    visited_on: date
    reasons: str
    paalaeg_given_on: date | None
    paalaeg_education: str
    paalaeg_deadline: date | None
    fvu_obu_screening: bool
    fgu_assessed_on: date | None
    stu_assessed_on: date | None
    uu_present: bool
    turned_away: bool
    groups: tuple[GroupEntryView, ...]  # oldest first; the last is the current one


def _validate(
    data: VisitationInput, henvendelse: date, today: date, *, expected_rules: bool
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.visited_on > today:
        errors["visited_on"] = "Visitationen kan ikke ligge i fremtiden."
    elif data.visited_on < henvendelse:
        errors["visited_on"] = "Visitationen kan ikke ligge før henvendelsen."
    # Judged on the visitation date, not today: correcting an old case keeps its old group.
    refused = target_groups.refusal(
        data.target_group, data.visited_on, expected_rules=expected_rules
    )
    if refused:
        errors["target_group"] = refused
    if data.paalaeg_given_on is not None:
        if data.paalaeg_given_on >= NEW_LAW:
            errors["paalaeg_given_on"] = (
                "Uddannelsespålægget er afskaffet fra 1. januar 2027 og kan ikke gives."
            )
        elif data.paalaeg_given_on < data.visited_on:
            errors["paalaeg_given_on"] = "Pålægget kan ikke gives før visitationen."
        if not data.paalaeg_education.strip():
            errors["paalaeg_education"] = "Skriv den uddannelse, den unge skal pege på."
        if data.paalaeg_deadline is not None and data.paalaeg_deadline < data.paalaeg_given_on:
            errors["paalaeg_deadline"] = "Fristen kan ikke ligge før pålægget."
    if len(data.reasons) > 5000:
        errors["reasons"] = "Begrundelsen må højst være 5.000 tegn."
    return errors


def save(store: Store, youth_id: int, data: VisitationInput, *, today: date) -> None:
    """Record (or correct) the visitation; the first target group starts the history."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        mark_changed(youth)
        errors = _validate(
            data,
            youth.henvendelse_date,
            today,
            expected_rules=target_groups.expected_enabled_in(s),
        )
        errors.update(
            validate_assessments(
                data.fgu_assessed_on,
                data.stu_assessed_on,
                birth_date=youth.birth_date,
                henvendelse=youth.henvendelse_date,
                today=today,
            )
        )
        if errors:
            raise InputError(errors)
        row = s.scalar(select(Visitation).where(Visitation.youth_id == youth_id))
        if row is None:
            row = Visitation(youth_id=youth_id)
            s.add(row)
        row.visited_on = data.visited_on
        row.reasons = data.reasons.strip()
        row.paalaeg_given_on = data.paalaeg_given_on
        row.paalaeg_education = data.paalaeg_education.strip()
        row.paalaeg_deadline = data.paalaeg_deadline
        row.fvu_obu_screening = data.fvu_obu_screening
        row.fgu_assessed_on = data.fgu_assessed_on
        row.stu_assessed_on = data.stu_assessed_on
        row.uu_present = data.uu_present
        row.turned_away = data.turned_away
        first = s.scalar(
            select(TargetGroupEntry)
            .where(TargetGroupEntry.youth_id == youth_id)
            .order_by(TargetGroupEntry.valid_from, TargetGroupEntry.id)
        )
        if first is None:
            s.add(
                TargetGroupEntry(
                    youth_id=youth_id,
                    valid_from=data.visited_on,
                    target_group=data.target_group,
                    sub_assessment=data.sub_assessment.value,
                    reason=_first_reason(row.reasons),
                )
            )
        else:  # correcting the visitation corrects its target group, not later changes
            first.valid_from = data.visited_on
            first.target_group = data.target_group
            first.sub_assessment = data.sub_assessment.value
            first.reason = _first_reason(row.reasons)
        s.flush()
        audit.record(
            s, Action.UPDATE, youth_id=youth_id, subject=youth.case_number, detail="Visitation"
        )
        deadlines.refresh(s, youth_id)


def change_target_group(
    store: Store,
    youth_id: int,
    group: str,
    since: date,
    reason: str,
    *,
    today: date,
    sub_assessment: SubAssessment = SubAssessment.NONE,
) -> None:
    """Målgruppeskift: a new target group from ``since``; the history keeps the old ones."""
    errors: dict[str, str] = {}
    if since > today:
        errors["since"] = "Skiftet kan ikke ligge i fremtiden."
    if not reason.strip():
        errors["reason"] = "Skriv hvorfor målgruppen skifter."
    with store.session() as s:
        youth = require_youth(s, youth_id)
        mark_changed(youth)
        refused = target_groups.refusal(
            group, since, expected_rules=target_groups.expected_enabled_in(s)
        )
        if refused:
            errors["target_group"] = refused
        first = s.scalar(
            select(TargetGroupEntry.valid_from)
            .where(TargetGroupEntry.youth_id == youth_id)
            .order_by(TargetGroupEntry.valid_from)
        )
        if first is None:
            errors["target_group"] = "Registrér visitationen, før målgruppen kan skifte."
        elif since <= first:
            errors["since"] = "Skiftet skal ligge efter visitationen."
        if errors:
            raise InputError(errors)
        s.add(
            TargetGroupEntry(
                youth_id=youth_id,
                valid_from=since,
                target_group=group,
                sub_assessment=sub_assessment.value,
                reason=reason.strip(),
            )
        )
        s.flush()
        audit.record(
            s,
            Action.UPDATE,
            youth_id=youth_id,
            subject=youth.case_number,
            detail=f"Målgruppeskift: {target_groups.label(group, since)}",
        )
        deadlines.refresh(s, youth_id)


def record_event(
    store: Store,
    youth_id: int,
    kind: str,
    on: date,
    note: str = "",
    *,
    today: date,
    learned_on: date | None = None,
    reached: Reached | None = None,
) -> None:
    """Record a dated case event.

    ``left_plan``: ``on`` is the day the young person left the plan, ``learned_on`` the day
    the municipality learned of it (the KUI contact clock starts then; None: the same day).
    ``contact``: ``reached`` says who was reached (required): the KUI contact deadline is
    met once the young person and a parent have both been reached (domain.kui)."""
    errors: dict[str, str] = {}
    if kind not in EVENT_KINDS:
        errors["kind"] = "Ukendt hændelse."
    if on > today:
        errors["on"] = "Datoen kan ikke ligge i fremtiden."
    if kind == "left_plan":
        learned_on = learned_on or on
        if learned_on > today:
            errors["learned_on"] = "Datoen kan ikke ligge i fremtiden."
        elif learned_on < on:
            errors["learned_on"] = (
                "Kommunen kan ikke have fået kendskab til det, før den unge forlod planen."
            )
    else:
        learned_on = None
    if kind == "contact":
        if reached is None or reached is Reached.UNKNOWN:
            errors["reached"] = "Vælg hvem der blev kontaktet."
    else:
        reached = None
    if errors:
        raise InputError(errors)
    with store.session() as s:
        record_event_in(s, youth_id, kind, on, note, learned_on=learned_on, reached=reached)


def record_event_in(
    s: Session,
    youth_id: int,
    kind: str,
    on: date,
    note: str = "",
    *,
    learned_on: date | None = None,
    reached: Reached | None = None,
) -> None:
    """``record_event``'s writing, inside the caller's transaction, for input it checked."""
    youth = require_youth(s, youth_id)
    mark_changed(youth)
    # An offer's start or end whose note is a catalogue offer's name remembers it.
    offer = catalogue.picked_in(s, note) if kind in OFFER_EVENTS else None
    s.add(
        CaseEvent(
            youth_id=youth_id,
            kind=kind,
            on=on,
            note=note.strip(),
            learned_on=learned_on,
            reached=(reached or Reached.UNKNOWN).value,
            offer_uid=offer.uid if offer is not None else "",
        )
    )
    s.flush()
    detail = EVENT_KINDS[kind]
    if reached is not None:
        detail += f": {REACHED_LABELS[reached].lower()}"
    audit.record(s, Action.UPDATE, youth_id=youth_id, subject=youth.case_number, detail=detail)
    deadlines.refresh(s, youth_id)


def get(store: Store, youth_id: int) -> VisitationView | None:
    with store.session() as s:
        return get_in(s, youth_id)


NO_REASON_AT_VISITATION = "Ved visitationen (ingen begrundelse skrevet)"


def _first_reason(reasons: str) -> str:
    """The reason of the visitation's own target group: the reasons typed at the
    visitation (it was always the word "Visitation" before, whatever was typed). Without
    any, the column says so: "Visitation" alone read like a reason."""
    return reasons.strip() or NO_REASON_AT_VISITATION


def get_in(s: Session, youth_id: int) -> VisitationView | None:
    """The visitation inside the caller's transaction (None before one is registered)."""
    row = s.scalar(select(Visitation).where(Visitation.youth_id == youth_id))
    if row is None:
        return None
    entries = s.scalars(
        select(TargetGroupEntry)
        .where(TargetGroupEntry.youth_id == youth_id)
        .order_by(TargetGroupEntry.valid_from, TargetGroupEntry.id)
    )
    groups = tuple(
        GroupEntryView(
            e.valid_from,
            e.target_group,
            target_groups.label(e.target_group, e.valid_from),
            SUB_ASSESSMENT_LABELS[SubAssessment(e.sub_assessment)],
            # Entries stored before the fix carry "Visitation": the reasons typed are
            # the visitation's.
            _first_reason(row.reasons) if position == 0 else e.reason,
        )
        for position, e in enumerate(entries)
    )
    return VisitationView(
        youth_id,
        row.visited_on,
        row.reasons,
        row.paalaeg_given_on,
        row.paalaeg_education,
        row.paalaeg_deadline,
        row.fvu_obu_screening,
        row.fgu_assessed_on,
        row.stu_assessed_on,
        row.uu_present,
        row.turned_away,
        groups,
    )


@dataclass(frozen=True, slots=True)
class CaseEventView:
    kind: str
    label: str
    on: date
    note: str
    learned_on: date | None  # left_plan: the day the municipality learned of it
    reached: Reached  # contact: who was reached (UNKNOWN for other kinds and old contacts)

    @property
    def reached_label(self) -> str:
        return REACHED_LABELS[self.reached]


def events(store: Store, youth_id: int) -> list[CaseEventView]:
    """The case's recorded events, newest first (who was contacted, and when)."""
    with store.session() as s:
        return events_in(s, youth_id)


def events_in(s: Session, youth_id: int) -> list[CaseEventView]:
    rows = s.scalars(
        select(CaseEvent)
        .where(CaseEvent.youth_id == youth_id)
        .order_by(CaseEvent.on.desc(), CaseEvent.id.desc())
    )
    return [
        CaseEventView(
            e.kind,
            EVENT_KINDS.get(e.kind, e.kind),
            e.on,
            e.note,
            e.learned_on,
            Reached(e.reached),
        )
        for e in rows
    ]


@dataclass(frozen=True, slots=True)
class VisitationTab:
    """What the record's visitation tab shows, read in one transaction: the visitation
    (None before one is registered), whether expected law may be offered in its dialogs,
    and the case events, newest first."""

    view: VisitationView | None
    expected_rules: bool
    events: tuple[CaseEventView, ...]


def tab(store: Store, youth_id: int) -> VisitationTab:
    with store.session() as s:
        return VisitationTab(
            get_in(s, youth_id),
            target_groups.expected_enabled_in(s),
            tuple(events_in(s, youth_id)),
        )
