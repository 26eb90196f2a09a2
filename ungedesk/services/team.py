"""A young person's team: the coordinating caseworker, the contact person and the others.

Seed 003 builds the cooperation on one coordinating caseworker (koordinerende
sagsbehandler) and one contact person. Naming a new one ends the current one's time on the
team the same day, so there is never more than one of each and the history shows who it
was when. Until a coordinating caseworker is named, the case's responsible caseworker is
it (``TeamView.coordinator`` says so with ``implicit``): every case has one from the start.

Members leave the team by an end date; rows are never deleted except with the case itself
(retention), so the right-of-access export can show who was on the team. Every change is
logged and moves the young person's ``updated_at`` (a case transfer relies on it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.domain.profile import ROLE_LABELS, Role
from ungedesk.domain.team import (
    ACTOR_ROLE_LABELS,
    SINGLE_ROLES,
    TEAM_ROLE_LABELS,
    ActorRole,
    ContactFix,
    MemberInput,
    MissingContactError,
    TeamRole,
    validate_member,
)
from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import Actor, Caseworker, TeamMember, Youth


@dataclass(frozen=True, slots=True)
class MemberView:
    id: int | None  # None: the responsible caseworker standing in as coordinator
    role: TeamRole
    name: str
    organisation: str  # the actor's organisation, or the caseworker's unit
    title: str  # the caseworker's title, or the actor's role label
    phone: str
    email: str
    from_date: date | None
    to_date: date | None
    note: str
    actor_id: int | None
    caseworker_id: int | None
    implicit: bool = False
    plain_name: str = ""  # the name alone, as the plan PDF prints it

    @property
    def role_label(self) -> str:
        return TEAM_ROLE_LABELS[self.role]

    @property
    def current(self) -> bool:
        return self.to_date is None

    def missing(self) -> list[str]:
        """What the plan PDF cannot print: "telefonnummer", "e-mailadresse" (Danish)."""
        out = []
        if not self.phone:
            out.append("telefonnummer")
        if not self.email:
            out.append("e-mailadresse")
        return out


@dataclass(frozen=True, slots=True)
class TeamView:
    youth_id: int
    coordinator: MemberView | None
    contact: MemberView | None
    members: tuple[MemberView, ...]  # current, coordinator and contact first
    past: tuple[MemberView, ...]  # ended, the latest end first


_ORDER = {role: i for i, role in enumerate(TeamRole)}


def _title(cw: Caseworker) -> str:
    """The caseworker's own title, else the role's label ("Vejleder (kommunal
    ungeindsats/UU)"), as the plan showed before titles could be written."""
    if cw.title:
        return cw.title
    try:
        return ROLE_LABELS[Role(cw.role)]
    except ValueError:
        return ""


def _member(row: TeamMember, actor: Actor | None, cw: Caseworker | None) -> MemberView:
    if cw is not None:
        name, organisation, title = f"{cw.name} ({cw.initials})", cw.unit, _title(cw)
        phone, email = cw.phone, cw.email
    elif actor is not None:
        name, organisation = actor.name, actor.organisation
        title = ACTOR_ROLE_LABELS[ActorRole(actor.role)]
        phone, email = actor.phone, actor.email
    else:  # the CHECK constraint makes this impossible
        raise RuntimeError("team member without a person")
    return MemberView(
        row.id,
        TeamRole(row.role),
        name,
        organisation,
        title,
        phone,
        email,
        row.from_date,
        row.to_date,
        row.note,
        row.actor_id,
        row.caseworker_id,
        plain_name=cw.name if cw is not None else name,
    )


def _responsible(youth: Youth) -> MemberView | None:
    cw = youth.caseworker
    if cw is None:
        return None
    return MemberView(
        None,
        TeamRole.COORDINATOR,
        f"{cw.name} ({cw.initials})",
        cw.unit,
        _title(cw),
        cw.phone,
        cw.email,
        None,
        None,
        "",
        None,
        cw.id,
        implicit=True,
        plain_name=cw.name,
    )


def team_in(session: Session, youth_id: int) -> TeamView:
    """The team inside the caller's transaction (the plan's hand-out, the export)."""
    youth = require_youth(session, youth_id)
    rows = session.execute(
        select(TeamMember, Actor, Caseworker)
        .outerjoin(Actor, TeamMember.actor_id == Actor.id)
        .outerjoin(Caseworker, TeamMember.caseworker_id == Caseworker.id)
        .where(TeamMember.youth_id == youth_id)
    ).all()
    views = [_member(m, a, c) for m, a, c in rows]
    current = sorted(
        (v for v in views if v.current),
        key=lambda v: (_ORDER[v.role], v.name.casefold(), v.id or 0),
    )
    past = sorted(
        (v for v in views if not v.current),
        key=lambda v: (v.to_date or date.min, v.id or 0),
        reverse=True,
    )
    coordinator = next((v for v in current if v.role is TeamRole.COORDINATOR), None)
    contact = next((v for v in current if v.role is TeamRole.CONTACT), None)
    return TeamView(
        youth_id,
        coordinator or _responsible(youth),
        contact,
        tuple(current),
        tuple(past),
    )


def team(store: Store, youth_id: int) -> TeamView:
    with store.session() as s:
        return team_in(s, youth_id)


def _who(session: Session, data: MemberInput, errors: dict[str, str]) -> str:
    """The member's name for the messages; records a Danish error when they are gone."""
    if data.caseworker_id is not None:
        cw = session.get(Caseworker, data.caseworker_id)
        if cw is None:
            errors["who"] = "Kollegaen findes ikke længere."
            return ""
        return cw.initials
    if data.actor_id is not None:
        actor = session.get(Actor, data.actor_id)
        if actor is None:
            errors["who"] = "Aktøren findes ikke længere."
        elif not actor.active:
            errors["who"] = "Aktøren er ikke længere aktiv. Vælg en anden, eller gør den aktiv."
        else:
            return f"aktør nr. {actor.id}"
    return ""


def add_member(store: Store, youth_id: int, data: MemberInput, *, today: date) -> int:
    """Put someone on the team; a new coordinator or contact person ends the current one's
    time on the team on the new one's first day. Returns the new row's id."""
    errors = validate_member(data, today=today)
    with store.session() as s:
        youth = require_youth(s, youth_id)
        who = _who(s, data, errors) if "who" not in errors else ""
        current = list(
            s.scalars(
                select(TeamMember).where(
                    TeamMember.youth_id == youth_id, TeamMember.to_date.is_(None)
                )
            )
        )
        if not errors:
            for row in current:
                same_person = (row.actor_id, row.caseworker_id) == (
                    data.actor_id,
                    data.caseworker_id,
                )
                if same_person and row.role == data.role.value:
                    errors["who"] = "Personen har allerede den rolle på teamet."
                elif (
                    data.role in SINGLE_ROLES
                    and row.role == data.role.value
                    and data.from_date < row.from_date
                ):
                    errors["from_date"] = (
                        "Startdatoen kan ikke ligge før den nuværendes start "
                        f"({row.from_date.day}.{row.from_date.month}.{row.from_date.year})."
                    )
        if errors:
            raise InputError(errors)
        label = TEAM_ROLE_LABELS[data.role]
        if data.role in SINGLE_ROLES:
            for row in current:
                if row.role == data.role.value:
                    row.to_date = data.from_date
        member = TeamMember(
            youth_id=youth_id,
            actor_id=data.actor_id,
            caseworker_id=data.caseworker_id,
            role=data.role.value,
            note=data.note.strip(),
            from_date=data.from_date,
            to_date=None,
        )
        s.add(member)
        mark_changed(youth)
        s.flush()
        audit.record(
            s,
            Action.UPDATE,
            youth_id=youth_id,
            subject=youth.case_number,
            detail=f"Team: {who} tilføjet som {label.lower()}",
        )
        return member.id


def end_member(store: Store, youth_id: int, member_id: int, to_date: date, *, today: date) -> None:
    """Take someone off the team from ``to_date`` (kept in the team's history)."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        row = s.get(TeamMember, member_id)
        if row is None or row.youth_id != youth_id:
            raise InputError({"member_id": "Teammedlemmet findes ikke længere."})
        if row.to_date is not None:
            raise InputError({"member_id": "Personen er allerede gået fra teamet."})
        if to_date > today:
            raise InputError({"to_date": "Slutdatoen kan ikke ligge i fremtiden."})
        if to_date < row.from_date:
            raise InputError({"to_date": "Slutdatoen kan ikke ligge før startdatoen."})
        row.to_date = to_date
        mark_changed(youth)
        audit.record(
            s,
            Action.UPDATE,
            youth_id=youth_id,
            subject=youth.case_number,
            detail=f"Team: {TEAM_ROLE_LABELS[TeamRole(row.role)].lower()} gået fra teamet",
        )


@dataclass(frozen=True, slots=True)
class Choice:
    """Someone who can join a team: a colleague or an active actor."""

    caseworker_id: int | None
    actor_id: int | None
    label: str


def choices(store: Store) -> list[Choice]:
    """Active colleagues first, then active actors, each by name (the add dialog's list)."""
    with store.session() as s:
        people = [
            Choice(c.id, None, f"{c.name} ({c.initials})")
            for c in s.scalars(
                select(Caseworker).where(Caseworker.active.is_(True)).order_by(Caseworker.name)
            )
        ]
        for a in s.scalars(select(Actor).where(Actor.active.is_(True)).order_by(Actor.name)):
            role = ACTOR_ROLE_LABELS[ActorRole(a.role)]
            where = f", {a.organisation}" if a.organisation and a.organisation != a.name else ""
            people.append(Choice(None, a.id, f"{a.name}{where} ({role})"))
        return people


def _missing_text(words: list[str]) -> str:
    return " og ".join(words)


def require_reachable(view: TeamView, unreachable: Sequence[str] = ()) -> None:
    """Refuse (MissingContactError) when the coordinating caseworker or the contact person
    lacks a phone number or an e-mail address, or when a contact written on the plan
    (``unreachable``: their names) has neither: the plan the young person takes home must
    say how to reach them, never show an empty line."""
    problems: list[str] = []
    fixes: list[ContactFix] = []
    for member, what in (
        (view.coordinator, "den koordinerende sagsbehandler"),
        (view.contact, "kontaktpersonen"),
    ):
        if member is None or not member.missing():
            continue
        problems.append(
            f"{what} {member.plain_name or member.name} mangler {_missing_text(member.missing())}"
        )
        fixes.append(
            ContactFix(member.caseworker_id, member.actor_id, member.plain_name or member.name)
        )
    if view.coordinator is None:
        problems.append("den unge har ingen koordinerende sagsbehandler")
    problems.extend(
        f"kontakten {name} på planen har hverken telefonnummer eller e-mailadresse"
        for name in unreachable
    )
    if problems:
        text = "; ".join(problems)
        raise MissingContactError(
            f"Planen er ikke udleveret: {text}. Udfyld kontaktoplysningerne, så den unge "
            "kan se, hvordan de kontakter jer, og udlever igen.",
            tuple(fixes),
        )
