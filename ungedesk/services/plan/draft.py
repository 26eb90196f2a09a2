"""The plan's draft: read as the editor shows it (with consents, people, versions and what
changed since the last hand-out), normalised, validated and saved in place in ``plan`` and
its child tables."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.domain.plan import (
    FIELD_LABELS,
    Application,
    ApplicationKind,
    ConsentScope,
    Contact,
    ContactRole,
    GoalType,
    Intervention,
    PlanContent,
    Subgoal,
    SubgoalOwner,
    SubgoalStatus,
    changes_since,
    content_from_dict,
    validate_plan,
)
from ungedesk.domain.progression import Indicator
from ungedesk.domain.visitation import MODE_LABELS, ConversationStatus, Mode
from ungedesk.services import audit, catalogue, team
from ungedesk.services.audit import Action
from ungedesk.services.plan.consent import ConsentView, _active, _consents
from ungedesk.services.team import MemberView
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import (
    Conversation,
    Plan,
    PlanApplication,
    PlanContact,
    PlanIntervention,
    PlanSubgoal,
    PlanVersion,
    Youth,
)

# Text fields that are one line in the editor: runs of whitespace (pasted line breaks,
# double spaces) collapse to one space so the handout lays them out cleanly.
_ONE_LINE_FIELDS = ("programme", "school")


@dataclass(frozen=True, slots=True)
class VersionSummary:
    number: int
    handed_out_on: date
    handed_out_by: str


@dataclass(frozen=True, slots=True)
class PlanDraft:
    """The plan as the editor shows it.

    ``versions`` and ``consents`` are oldest first. ``changes`` lists what differs from
    the last handed-out version; it is empty when the plan was never handed out (there is
    nothing to compare with: ``versions`` is empty then, which is what the editor shows
    instead). ``dirty`` is True when the draft differs from the last handed-out version,
    or, never handed out, when the draft has any content.
    """

    youth_id: int
    case_number: str
    content: PlanContent
    consents: tuple[ConsentView, ...]
    active_scopes: frozenset[ConsentScope]
    coordinator: Contact | None
    next_meeting: datetime | None
    next_meeting_place: str
    versions: tuple[VersionSummary, ...]
    changes: tuple[str, ...]
    dirty: bool
    # The active catalogue offers' names, for the interventions' picker (free text stays).
    offer_names: tuple[str, ...] = ()


# --- reading ---------------------------------------------------------------------------


def _content(s: Session, youth_id: int) -> PlanContent:
    plan = s.scalar(select(Plan).where(Plan.youth_id == youth_id))
    if plan is None:
        return PlanContent()
    subgoals = s.scalars(
        select(PlanSubgoal)
        .where(PlanSubgoal.youth_id == youth_id)
        .order_by(PlanSubgoal.position, PlanSubgoal.id)
    )
    interventions = s.scalars(
        select(PlanIntervention)
        .where(PlanIntervention.youth_id == youth_id)
        .order_by(PlanIntervention.position, PlanIntervention.id)
    )
    # plan_application has no position column: rows are inserted in the editor's order
    # and SQLite hands out increasing ids, so the id keeps that order.
    applications = s.scalars(
        select(PlanApplication)
        .where(PlanApplication.youth_id == youth_id)
        .order_by(PlanApplication.id)
    )
    contacts = s.scalars(
        select(PlanContact)
        .where(PlanContact.youth_id == youth_id)
        .order_by(PlanContact.position, PlanContact.id)
    )
    return PlanContent(
        goal_type=GoalType(plan.goal_type) if plan.goal_type else None,
        programme=plan.programme,
        school=plan.school,
        goal_start=plan.goal_start,
        own_wishes=plan.own_wishes,
        challenges=plan.challenges,
        short_term_goals=plan.short_term_goals,
        long_term_goals=plan.long_term_goals,
        health=plan.health,
        housing=plan.housing,
        family=plan.family,
        subgoals=tuple(
            Subgoal(
                text=g.text,
                owner=SubgoalOwner(g.owner),
                due=g.due,
                owner_name=g.owner_name,
                status=SubgoalStatus(g.status),
                indicator=Indicator(g.indicator) if g.indicator else None,
            )
            for g in subgoals
        ),
        interventions=tuple(
            Intervention(i.name, i.provider, i.starts_on, i.ends_on, i.purpose)
            for i in interventions
        ),
        applications=tuple(
            Application(ApplicationKind(a.kind), a.place, a.on, a.note) for a in applications
        ),
        contacts=tuple(
            Contact(ContactRole(c.role), c.name, c.title, c.phone, c.email) for c in contacts
        ),
    )


def _as_contact(member: MemberView | None, role: ContactRole) -> Contact | None:
    if member is None:
        return None
    title = member.title or (member.organisation if member.actor_id is not None else "")
    return Contact(role, member.plain_name or member.name, title, member.phone, member.email)


def _coordinator(s: Session, youth: Youth) -> Contact | None:
    """The coordinating caseworker (services.team: the responsible caseworker until one is
    named), with the phone and e-mail the caseworker keeps up to date in their profile."""
    return _as_contact(team.team_in(s, youth.id).coordinator, ContactRole.TEAM)


def _contact_person(s: Session, youth: Youth) -> Contact | None:
    return _as_contact(team.team_in(s, youth.id).contact, ContactRole.CONTACT_PERSON)


def _naive(moment: datetime) -> datetime:
    # Conversation times are stored as naive local wall-clock times.
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _next_meeting(s: Session, youth_id: int, now: datetime) -> tuple[datetime | None, str]:
    c = s.scalar(
        select(Conversation)
        .where(
            Conversation.youth_id == youth_id,
            Conversation.status == ConversationStatus.BOOKED.value,
            Conversation.starts_at >= _naive(now),
        )
        .order_by(Conversation.starts_at, Conversation.id)
        .limit(1)
    )
    if c is None:
        return None, ""
    place = c.place
    if not place and c.mode != Mode.IN_PERSON.value:
        place = MODE_LABELS[Mode(c.mode)]
    return c.starts_at, place


def _version_rows(s: Session, youth_id: int) -> list[PlanVersion]:
    return list(
        s.scalars(
            select(PlanVersion).where(PlanVersion.youth_id == youth_id).order_by(PlanVersion.number)
        )
    )


def _summary(v: PlanVersion) -> VersionSummary:
    return VersionSummary(v.number, v.handed_out_on, v.handed_out_by)


def _snapshot(v: PlanVersion) -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(v.snapshot)
    return raw


def _draft(s: Session, youth: Youth, now: datetime) -> PlanDraft:
    content = _content(s, youth.id)
    consents = _consents(s, youth.id)
    meeting, place = _next_meeting(s, youth.id, now)
    versions = _version_rows(s, youth.id)
    if versions:
        last = content_from_dict(_snapshot(versions[-1])["content"])
        changes = tuple(changes_since(last, content))
        dirty = last != content
    else:
        changes = ()
        dirty = content != PlanContent()
    return PlanDraft(
        youth_id=youth.id,
        case_number=youth.case_number,
        content=content,
        consents=consents,
        active_scopes=_active(consents),
        coordinator=_coordinator(s, youth),
        next_meeting=meeting,
        next_meeting_place=place,
        versions=tuple(_summary(v) for v in versions),
        changes=changes,
        dirty=dirty,
        offer_names=tuple(o.name for o in catalogue.list_in(s, active_only=True)),
    )


def get_plan(store: Store, youth_id: int, *, now: datetime) -> PlanDraft:
    """The draft (an empty one for a young person without a plan yet), consents, versions
    and what changed since the last handed-out version. The read is logged."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        draft = _draft(s, youth, now)
        audit.record(
            s,
            Action.READ,
            youth_id=youth_id,
            subject=youth.case_number,
            special=bool(draft.content.health.strip()),
            detail="Uddannelsesplan",
        )
        return draft


# --- saving ----------------------------------------------------------------------------


def _line(text: str) -> str:
    return " ".join(text.split())


def normalise(content: PlanContent) -> PlanContent:
    """One-line fields collapsed to single spaces, free text stripped at both ends."""
    changes: dict[str, Any] = {}
    for f in fields(PlanContent):
        value = getattr(content, f.name)
        if type(value) is not str:  # enums are str subclasses and stay as they are
            continue
        changes[f.name] = _line(value) if f.name in _ONE_LINE_FIELDS else value.strip()
    return replace(
        content,
        **changes,
        subgoals=tuple(
            replace(g, text=_line(g.text), owner_name=_line(g.owner_name)) for g in content.subgoals
        ),
        interventions=tuple(
            replace(i, name=_line(i.name), provider=_line(i.provider), purpose=i.purpose.strip())
            for i in content.interventions
        ),
        applications=tuple(
            replace(a, place=_line(a.place), note=a.note.strip()) for a in content.applications
        ),
        contacts=tuple(
            replace(
                c,
                name=_line(c.name),
                title=_line(c.title),
                phone=_line(c.phone),
                email=c.email.strip(),
            )
            for c in content.contacts
        ),
    )


def _write(s: Session, youth_id: int, content: PlanContent) -> None:
    plan = s.scalar(select(Plan).where(Plan.youth_id == youth_id))
    if plan is None:
        plan = Plan(youth_id=youth_id)
        s.add(plan)
    plan.goal_type = content.goal_type.value if content.goal_type else ""
    plan.programme = content.programme
    plan.school = content.school
    plan.goal_start = content.goal_start
    plan.own_wishes = content.own_wishes
    plan.challenges = content.challenges
    plan.short_term_goals = content.short_term_goals
    plan.long_term_goals = content.long_term_goals
    plan.health = content.health
    plan.housing = content.housing
    plan.family = content.family
    for table in (PlanSubgoal, PlanIntervention, PlanApplication, PlanContact):
        s.execute(delete(table).where(table.youth_id == youth_id))
    s.add_all(
        PlanSubgoal(
            youth_id=youth_id,
            position=i,
            text=g.text,
            due=g.due,
            owner=g.owner.value,
            owner_name=g.owner_name,
            status=g.status.value,
            indicator=g.indicator.value if g.indicator else "",
        )
        for i, g in enumerate(content.subgoals)
    )
    for i, x in enumerate(content.interventions):
        # Picked from the catalogue: remember the offer, and take its provider when none
        # was typed. Free text stays free text.
        offer = catalogue.picked_in(s, x.name)
        s.add(
            PlanIntervention(
                youth_id=youth_id,
                position=i,
                name=x.name,
                provider=x.provider or (offer.provider if offer is not None else ""),
                starts_on=x.starts_on,
                ends_on=x.ends_on,
                purpose=x.purpose,
                offer_uid=offer.uid if offer is not None else "",
            )
        )
    # Added one at a time so their ids follow the editor's order (see _content).
    for a in content.applications:
        s.add(
            PlanApplication(
                youth_id=youth_id, kind=a.kind.value, place=a.place, on=a.on, note=a.note
            )
        )
        s.flush()
    s.add_all(
        PlanContact(
            youth_id=youth_id,
            position=i,
            role=c.role.value,
            name=c.name,
            title=c.title,
            phone=c.phone,
            email=c.email,
        )
        for i, c in enumerate(content.contacts)
    )
    s.flush()


def save_in(s: Session, youth: Youth, content: PlanContent, *, today: date) -> None:
    """Validate and write the (normalised) draft inside the caller's transaction, with the
    change logged; InputError carries every field's problem (Danish).

    Health, housing and family text is refused unless an active consent covers it.
    """
    mark_changed(youth)
    active = _active(_consents(s, youth.id))
    errors = validate_plan(content, consented=active, today=today)
    if errors:
        raise InputError(errors)
    before = _content(s, youth.id)
    _write(s, youth.id, content)
    # Field names only: the access log outlives the case (retention deletes the plan,
    # not the log), so the plan's own words must never be copied into it.
    changed = [
        FIELD_LABELS[f.name]
        for f in fields(PlanContent)
        if getattr(before, f.name) != getattr(content, f.name)
    ]
    audit.record(
        s,
        Action.UPDATE,
        youth_id=youth.id,
        subject=youth.case_number,
        detail="Uddannelsesplan gemt" + (": " + ", ".join(changed) if changed else ""),
    )


def save_plan(
    store: Store, youth_id: int, content: PlanContent, *, today: date, now: datetime
) -> PlanDraft:
    """Validate and save the draft; returns it as the editor shows it (no second read)."""
    content = normalise(content)
    with store.session() as s:
        youth = require_youth(s, youth_id)
        save_in(s, youth, content, today=today)
        return _draft(s, youth, now)


def draft_in(s: Session, youth: Youth, now: datetime) -> PlanDraft:
    """The draft as the editor shows it, read in the caller's transaction (not logged: the
    caller's own change or hand-out row says what happened)."""
    return _draft(s, youth, now)
