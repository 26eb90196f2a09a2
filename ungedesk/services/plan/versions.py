"""Handed-out versions: "Udlever plan" freezes the draft into ``plan_version`` as JSON (a
trigger refuses UPDATE), together with the coordinator and next meeting as they were that
day, so a handed-out version reads the same years later whatever happens to the caseworker
table or the calendar; and the handout's data, for the version a PDF shows."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ungedesk.domain import cpr as cprmod
from ungedesk.domain.errors import InputError
from ungedesk.domain.plan import (
    Contact,
    ContactRole,
    Handout,
    PlanContent,
    content_from_dict,
    content_to_dict,
)
from ungedesk.services import audit, progression, team
from ungedesk.services.audit import Action
from ungedesk.services.custody import custody_in
from ungedesk.services.plan.consent import _current_user
from ungedesk.services.plan.draft import (
    VersionSummary,
    _contact_person,
    _content,
    _coordinator,
    _next_meeting,
    _snapshot,
    _summary,
    _version_rows,
)
from ungedesk.services.plan.logo import _logo_in
from ungedesk.services.settings import MUNICIPALITY
from ungedesk.services.unit import unit_name_in
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import (
    PlanVersion,
    Setting,
    Youth,
)

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
    team.require_reachable(
        team.team_in(s, youth_id),
        [c.name for c in content.contacts if not c.phone.strip() and not c.email.strip()],
    )
    meeting, place = _next_meeting(s, youth_id, now)
    last = s.scalar(select(func.max(PlanVersion.number)).where(PlanVersion.youth_id == youth_id))
    number = (last or 0) + 1
    snapshot = {
        "content": content_to_dict(content),
        "coordinator": _contact_dict(_coordinator(s, youth)),
        "contact_person": _contact_dict(_contact_person(s, youth)),
        "next_meeting": meeting.isoformat() if meeting else None,
        "next_meeting_place": place,
        # The custody holders who sign with a minor, frozen as on the hand-out day.
        "guardians": list(_guardians(s, youth, today)),
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


def _guardians(s: Session, youth: Youth, on: date) -> tuple[str, ...]:
    """The custody holders who sign a minor's plan on ``on``, as "Name (mor)"."""
    view = custody_in(s, youth.id, on)
    return tuple(f"{h.name} ({h.relation_label.lower()})" for h in view.signers)


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
        coordinator = _coordinator(s, youth)
        contact_person = _contact_person(s, youth)
        meeting, place = _next_meeting(s, youth_id, now)
        number, on, by = None, None, ""
        guardians = _guardians(s, youth, today)
    else:
        snap = _snapshot(row)
        content = content_from_dict(snap["content"])
        coordinator = _contact_from(snap.get("coordinator"))
        contact_person = _contact_from(snap.get("contact_person"))
        raw_meeting = snap.get("next_meeting")
        meeting = datetime.fromisoformat(raw_meeting) if raw_meeting else None
        place = snap.get("next_meeting_place", "")
        number, on, by = row.number, row.handed_out_on, row.handed_out_by
        guardians = tuple(str(g) for g in snap.get("guardians", []))
    return Handout(
        municipality=str(json.loads(municipality.value)) if municipality else "",
        youth_name=f"{youth.first_name} {youth.last_name}",
        cpr_masked=cprmod.mask(youth.cpr),
        content=content,
        coordinator=coordinator,
        contact_person=contact_person,
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
        guardians=guardians,
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
