"""The education plan (uddannelsesplan): the draft, consent, handed-out versions, the
handout's data, and the municipality logo the handout carries.

The draft lives in ``plan`` and its child tables and is edited in place. "Udlever plan"
freezes the draft into ``plan_version`` as JSON (a trigger refuses UPDATE), together with
the coordinator and next meeting as they were that day, so a handed-out version reads the
same years later whatever happens to the caseworker table or the calendar.

Consent (seed 003): health, housing and family text is saved only while the young person's
consent covers that area. Withdrawing consent removes that text from the draft at once;
handed-out versions keep it, because they are the record of what the young person was given.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ungedesk.domain import cpr as cprmod
from ungedesk.domain.errors import InputError
from ungedesk.domain.plan import (
    CONSENT_FIELDS,
    CONSENT_LABELS,
    FIELD_LABELS,
    Application,
    ApplicationKind,
    ConsentScope,
    Contact,
    ContactRole,
    GoalType,
    Handout,
    Intervention,
    PlanContent,
    Subgoal,
    SubgoalOwner,
    SubgoalStatus,
    changes_since,
    content_from_dict,
    content_to_dict,
    validate_plan,
)
from ungedesk.domain.profile import ROLE_LABELS, Role
from ungedesk.domain.progression import Indicator
from ungedesk.domain.visitation import MODE_LABELS, ConversationStatus, Mode
from ungedesk.services import audit, progression
from ungedesk.services.audit import CURRENT_USER, Action
from ungedesk.services.setup import MUNICIPALITY, set_setting
from ungedesk.services.unit import unit_name_in
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import (
    Caseworker,
    Consent,
    Conversation,
    Plan,
    PlanApplication,
    PlanContact,
    PlanIntervention,
    PlanSubgoal,
    PlanVersion,
    Setting,
    Youth,
)

LOGO_SETTING = "municipality_logo"  # base64 of a PNG or JPEG
MAX_LOGO_BYTES = 2 * 1024 * 1024
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"
MAX_CONSENT_NOTE = 2_000

# Text fields that are one line in the editor: runs of whitespace (pasted line breaks,
# double spaces) collapse to one space so the handout lays them out cleanly.
_ONE_LINE_FIELDS = ("programme", "school")


@dataclass(frozen=True, slots=True)
class ConsentView:
    id: int
    given_on: date
    scopes: frozenset[ConsentScope]
    note: str
    withdrawn_on: date | None
    recorded_by: str

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None

    @property
    def scope_label(self) -> str:
        return ", ".join(CONSENT_LABELS[s] for s in ConsentScope if s in self.scopes)


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


# --- reading ---------------------------------------------------------------------------


def _scopes(text: str) -> frozenset[ConsentScope]:
    return frozenset(ConsentScope(p) for p in text.split(",") if p)


def _consent_view(c: Consent) -> ConsentView:
    return ConsentView(c.id, c.given_on, _scopes(c.scope), c.note, c.withdrawn_on, c.recorded_by)


def _consents(s: Session, youth_id: int) -> tuple[ConsentView, ...]:
    rows = s.scalars(
        select(Consent).where(Consent.youth_id == youth_id).order_by(Consent.given_on, Consent.id)
    )
    return tuple(_consent_view(c) for c in rows)


def _active(consents: Iterable[ConsentView]) -> frozenset[ConsentScope]:
    scopes: set[ConsentScope] = set()
    for c in consents:
        if c.active:
            scopes |= c.scopes
    return frozenset(scopes)


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


def _coordinator(youth: Youth) -> Contact | None:
    cw = youth.caseworker
    if cw is None:
        return None
    try:
        title = ROLE_LABELS[Role(cw.role)]
    except ValueError:
        title = ""
    return Contact(ContactRole.TEAM, cw.name, title, cw.phone, cw.email)


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
        coordinator=_coordinator(youth),
        next_meeting=meeting,
        next_meeting_place=place,
        versions=tuple(_summary(v) for v in versions),
        changes=changes,
        dirty=dirty,
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
    s.add_all(
        PlanIntervention(
            youth_id=youth_id,
            position=i,
            name=x.name,
            provider=x.provider,
            starts_on=x.starts_on,
            ends_on=x.ends_on,
            purpose=x.purpose,
        )
        for i, x in enumerate(content.interventions)
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


# --- consent ---------------------------------------------------------------------------


def _current_user(s: Session) -> str:
    setting = s.get(Setting, CURRENT_USER)
    if setting is None:
        return ""
    cw = s.get(Caseworker, int(json.loads(setting.value)))
    return "" if cw is None else f"{cw.name} ({cw.initials})"


def give_consent(
    store: Store,
    youth_id: int,
    scopes: Iterable[ConsentScope],
    given_on: date | None,
    note: str = "",
    *,
    today: date,
) -> int:
    """Record the young person's consent to the given areas in the plan; returns its id."""
    chosen = frozenset(scopes)
    with store.session() as s:
        youth = require_youth(s, youth_id)
        mark_changed(youth)
        errors: dict[str, str] = {}
        if not chosen:
            errors["scopes"] = "Vælg mindst ét område, samtykket gælder."
        if given_on is None:
            errors["given_on"] = "Skriv datoen for samtykket."
        elif given_on > today:
            errors["given_on"] = "Datoen kan ikke ligge i fremtiden."
        elif given_on < youth.henvendelse_date:
            errors["given_on"] = (
                "Datoen ligger før henvendelsen "
                f"({youth.henvendelse_date.day}.{youth.henvendelse_date.month}."
                f"{youth.henvendelse_date.year})."
            )
        if len(note) > MAX_CONSENT_NOTE:
            errors["note"] = f"Noten er for lang (højst {MAX_CONSENT_NOTE} tegn)."
        if errors:
            raise InputError(errors)
        assert given_on is not None
        ordered = [sc for sc in ConsentScope if sc in chosen]
        consent = Consent(
            youth_id=youth_id,
            given_on=given_on,
            scope=",".join(sc.value for sc in ordered),
            note=note.strip(),
            recorded_by=_current_user(s),
        )
        s.add(consent)
        s.flush()
        audit.record(
            s,
            Action.CREATE,
            youth_id=youth_id,
            subject=youth.case_number,
            detail="Samtykke til planen: " + ", ".join(CONSENT_LABELS[sc] for sc in ordered),
        )
        return consent.id


def withdraw_consent(store: Store, consent_id: int, on: date) -> None:
    """Mark a consent withdrawn and remove the draft's text in areas no longer covered.

    Handed-out versions are left as they are: they record what the young person was given.
    """
    with store.session() as s:
        consent = s.get(Consent, consent_id)
        if consent is None:
            raise InputError({"consent_id": "Samtykket findes ikke længere."})
        youth = require_youth(s, consent.youth_id)
        mark_changed(youth)
        if consent.withdrawn_on is not None:
            raise InputError({"consent_id": "Samtykket er allerede trukket tilbage."})
        if on < consent.given_on:
            raise InputError({"on": "Datoen ligger før samtykket blev givet."})
        consent.withdrawn_on = on
        s.flush()
        still = _active(_consents(s, youth.id))
        plan = s.scalar(select(Plan).where(Plan.youth_id == youth.id))
        removed: list[str] = []
        if plan is not None:
            for name, scope in CONSENT_FIELDS.items():
                if scope not in still and getattr(plan, name).strip():
                    setattr(plan, name, "")
                    removed.append(FIELD_LABELS[name].lower())
        s.flush()
        detail = "Samtykke trukket tilbage: " + ", ".join(
            CONSENT_LABELS[sc] for sc in ConsentScope if sc in _scopes(consent.scope)
        )
        if removed:
            detail += (
                f". Teksten om {', '.join(removed)} er fjernet fra planudkastet; "
                "udleverede versioner er uændrede"
            )
        audit.record(s, Action.UPDATE, youth_id=youth.id, subject=youth.case_number, detail=detail)


# --- handing out -----------------------------------------------------------------------


def _contact_dict(c: Contact | None) -> dict[str, str] | None:
    if c is None:
        return None
    return {
        "role": c.role.value,
        "name": c.name,
        "title": c.title,
        "phone": c.phone,
        "email": c.email,
    }


def _contact_from(raw: Any) -> Contact | None:
    if not raw:
        return None
    return Contact(
        ContactRole(raw.get("role", ContactRole.TEAM.value)),
        raw.get("name", ""),
        raw.get("title", ""),
        raw.get("phone", ""),
        raw.get("email", ""),
    )


def hand_out_in(s: Session, youth: Youth, *, today: date, now: datetime) -> int:
    """Freeze the draft as it stands in the caller's transaction as the next version;
    returns its number. The coordinator and next meeting are frozen with it, as the young
    person got them."""
    youth_id = youth.id
    mark_changed(youth)
    content = _content(s, youth_id)
    if content.goal_type is None and not content.subgoals:
        raise InputError(
            {
                "goal_type": "Planen kan ikke udleveres uden et uddannelsesmål "
                "eller mindst ét delmål."
            }
        )
    meeting, place = _next_meeting(s, youth_id, now)
    last = s.scalar(select(func.max(PlanVersion.number)).where(PlanVersion.youth_id == youth_id))
    number = (last or 0) + 1
    snapshot = {
        "content": content_to_dict(content),
        "coordinator": _contact_dict(_coordinator(youth)),
        "next_meeting": meeting.isoformat() if meeting else None,
        "next_meeting_place": place,
    }
    s.add(
        PlanVersion(
            youth_id=youth_id,
            number=number,
            handed_out_on=today,
            handed_out_by=_current_user(s) or "UngeDesk",
            snapshot=json.dumps(snapshot, ensure_ascii=False),
        )
    )
    s.flush()
    audit.record(
        s,
        Action.UPDATE,
        youth_id=youth_id,
        subject=youth.case_number,
        detail=f"Plan udleveret (version {number})",
    )
    return number


def hand_out(store: Store, youth_id: int, *, today: date, now: datetime) -> int:
    """Freeze the saved draft as the next version; returns its number. (The plan screen
    uses ``plan_export.hand_out``, which also saves unsaved edits and returns the draft.)"""
    with store.session() as s:
        return hand_out_in(s, require_youth(s, youth_id), today=today, now=now)


def draft_in(s: Session, youth: Youth, now: datetime) -> PlanDraft:
    """The draft as the editor shows it, read in the caller's transaction (not logged: the
    caller's own change or hand-out row says what happened)."""
    return _draft(s, youth, now)


def _version_row(s: Session, youth_id: int, number: int) -> PlanVersion:
    v = s.scalar(
        select(PlanVersion).where(PlanVersion.youth_id == youth_id, PlanVersion.number == number)
    )
    if v is None:
        raise InputError({"version": f"Version {number} af planen findes ikke."})
    return v


def version_content(store: Store, youth_id: int, number: int) -> tuple[VersionSummary, PlanContent]:
    """A handed-out version, exactly as it was handed out. The read is logged."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        v = _version_row(s, youth_id, number)
        content = content_from_dict(_snapshot(v)["content"])
        audit.record(
            s,
            Action.READ,
            youth_id=youth_id,
            subject=youth.case_number,
            special=bool(content.health.strip()),
            detail=f"Uddannelsesplan, version {number}",
        )
        return _summary(v), content


def shown_version(handed_out: Sequence[int], asked: int | None) -> int | None:
    """Which version the young person's PDF shows: the one asked for, else the last one
    handed out, else None (the draft, before the first hand-out). Decided here only: the
    PDF, its file name, the export log and the print log all ask this."""
    if asked is not None:
        return asked
    return max(handed_out) if handed_out else None


def handout_in(
    s: Session, youth: Youth, *, version: int | None = None, today: date, now: datetime
) -> Handout:
    """Everything the young person's PDF shows, read in the caller's transaction (which
    logs what it does with it: a read for the preview, an export or a print).

    ``version`` None means the latest handed-out version, or the draft when the plan was
    never handed out (``Handout.version`` is None then). A handed-out version shows the
    coordinator and next meeting frozen with it; the draft shows today's.
    """
    youth_id = youth.id
    # The young person's own scores (never health, substance use or finances) come from
    # the same transaction as the plan.
    first, latest, indicators = progression.readings_in(s, youth_id)
    logo = _logo_in(s)
    municipality = s.get(Setting, MUNICIPALITY)
    rows = _version_rows(s, youth_id)
    shown = shown_version([r.number for r in rows], version)
    row = None if shown is None else _version_row(s, youth_id, shown)
    if row is None:
        content = _content(s, youth_id)
        coordinator = _coordinator(youth)
        meeting, place = _next_meeting(s, youth_id, now)
        number, on, by = None, None, ""
    else:
        snap = _snapshot(row)
        content = content_from_dict(snap["content"])
        coordinator = _contact_from(snap.get("coordinator"))
        raw_meeting = snap.get("next_meeting")
        meeting = datetime.fromisoformat(raw_meeting) if raw_meeting else None
        place = snap.get("next_meeting_place", "")
        number, on, by = row.number, row.handed_out_on, row.handed_out_by
    return Handout(
        municipality=str(json.loads(municipality.value)) if municipality else "",
        youth_name=f"{youth.first_name} {youth.last_name}",
        cpr_masked=cprmod.mask(youth.cpr),
        content=content,
        coordinator=coordinator,
        next_meeting=meeting,
        next_meeting_place=place,
        version=number,
        handed_out_on=on,
        handed_out_by=by,
        printed_on=today,
        logo=logo,
        first_reading=first,
        latest_reading=latest,
        indicators=tuple(indicators),
        unit=unit_name_in(s, youth_id=youth_id),
    )


def handout(
    store: Store, youth_id: int, *, version: int | None = None, today: date, now: datetime
) -> Handout:
    """Everything the young person's PDF shows (see ``handout_in``), with the read logged:
    one transaction for the plan and the scores it draws."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        h = handout_in(s, youth, version=version, today=today, now=now)
        audit.record(
            s,
            Action.READ,
            youth_id=youth_id,
            subject=youth.case_number,
            special=bool(h.content.health.strip()),
            # A read, not a print: the preview uses this; an export or a print logs
            # itself instead.
            detail=(
                f"Uddannelsesplan til udlevering, version {h.version}"
                if h.version
                else "Uddannelsesplan til udlevering, udkast"
            ),
        )
        return h


def handed_out_in(s: Session, start: date, end: date) -> list[tuple[int, int]]:
    """(youth id, version number) of every version handed out from ``start`` to ``end``
    (both included), by case number, read in the caller's transaction."""
    rows = s.execute(
        select(PlanVersion.youth_id, PlanVersion.number)
        .join(Youth, Youth.id == PlanVersion.youth_id)
        .where(PlanVersion.handed_out_on >= start, PlanVersion.handed_out_on <= end)
        .order_by(Youth.case_number, PlanVersion.number)
    ).all()
    return [(int(y), int(n)) for y, n in rows]


def handed_out_between(store: Store, start: date, end: date) -> list[tuple[int, int]]:
    """The batch print's list (see ``handed_out_in``)."""
    with store.session() as s:
        return handed_out_in(s, start, end)


# --- the municipality logo -------------------------------------------------------------


def set_logo(store: Store, path: Path | str) -> None:
    """Keep a PNG or JPEG (at most 2 MB) as the logo on every handout."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise InputError({"logo": "Logoet er for stort (højst 2 MB)."})
        data = path.read_bytes()
    except OSError as exc:
        raise InputError({"logo": "Filen kan ikke læses."}) from exc
    if len(data) > MAX_LOGO_BYTES:
        raise InputError({"logo": "Logoet er for stort (højst 2 MB)."})
    if not (data.startswith(_PNG_MAGIC) or data.startswith(_JPEG_MAGIC)):
        raise InputError({"logo": "Logoet skal være et billede i PNG- eller JPEG-format."})
    set_setting(store, LOGO_SETTING, base64.b64encode(data).decode("ascii"))


def clear_logo(store: Store) -> None:
    with store.session() as s:
        row = s.get(Setting, LOGO_SETTING)
        if row is not None:
            s.delete(row)


def has_logo(store: Store) -> bool:
    return _logo(store) is not None


def _logo(store: Store) -> bytes | None:
    with store.session() as s:
        return _logo_in(s)


def _logo_in(s: Session) -> bytes | None:
    row = s.get(Setting, LOGO_SETTING)
    raw = json.loads(row.value) if row is not None else None
    if not isinstance(raw, str) or not raw:
        return None
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        return None
