"""Demo teams: a few invented partners (actors) and, for most demo young people, a contact
person and sometimes another member from them, so the record header, the team box and the
plan PDF show realistic teams. Every name, number and address here is made up: the e-mail
domains are reserved example domains and the phone numbers are not in use by anyone we
know of; nothing here is a real organisation's contact.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ungedesk.domain.team import ActorKind, ActorRole, TeamRole
from ungedesk.store.models import Actor, TeamMember

SHARE_WITH_CONTACT = 0.6
SHARE_WITH_MORE = 0.3

# (kind, name, organisation, role, responsibilities, phone, e-mail)
PARTNERS: tuple[tuple[ActorKind, str, str, ActorRole, str, str, str], ...] = (
    (
        ActorKind.PERSON,
        "Mette Krogh",
        "Vestby FGU",
        ActorRole.FGU,
        "Kontaktlærer og optagelse på FGU",
        "+45 99 90 11 01",
        "mk@fgu.example",
    ),
    (
        ActorKind.PERSON,
        "Said Hamdan",
        "Ungeindsatsen Vestby",
        ActorRole.YOUTH_EFFORT,
        "Uddannelsesvejledning for unge under 25",
        "+45 99 90 11 02",
        "sh@uu.example",
    ),
    (
        ActorKind.UNIT,
        "Familierådgivningen",
        "Vestby Kommune",
        ActorRole.CHILDREN_FAMILY,
        "Sager efter barnets lov for unge under 18",
        "+45 99 90 11 03",
        "familie@kommune.example",
    ),
    (
        ActorKind.PERSON,
        "Lone Dahl",
        "Vestby Handelsskole",
        ActorRole.SCHOOL,
        "Studievejleder på EUD og EUX",
        "+45 99 90 11 04",
        "ld@skole.example",
    ),
    (
        ActorKind.PERSON,
        "Jonas Friis",
        "Friis Auto ApS",
        ActorRole.EMPLOYER,
        "Praktik og fritidsjob på værkstedet",
        "+45 99 90 11 05",
        "jf@friisauto.example",
    ),
    (
        ActorKind.UNIT,
        "Socialpsykiatrien",
        "Vestby Kommune",
        ActorRole.DISABILITY_PSYCHIATRY,
        "Bostøtte og samtaleforløb",
        "+45 99 90 11 06",
        "psyk@kommune.example",
    ),
)
# Who is the contact person, by role, and who else may join.
_CONTACT_ROLES = (ActorRole.FGU, ActorRole.YOUTH_EFFORT, ActorRole.SCHOOL)
_MORE = {
    ActorRole.CHILDREN_FAMILY: TeamRole.CASEWORKER,
    ActorRole.EMPLOYER: TeamRole.EMPLOYER,
    ActorRole.DISABILITY_PSYCHIATRY: TeamRole.MENTOR,
    ActorRole.SCHOOL: TeamRole.SCHOOL,
}


def ensure_partners(session: Session) -> dict[ActorRole, int]:
    """The demo partners by role (made once, reused on later runs)."""
    names = {name for _k, name, *_ in PARTNERS}
    existing = dict(
        session.execute(select(Actor.name, Actor.id).where(Actor.name.in_(names))).all()
    )
    missing = [p for p in PARTNERS if p[1] not in existing]
    if missing:
        session.execute(
            insert(Actor),
            [
                {
                    "kind": kind.value,
                    "name": name,
                    "organisation": org,
                    "role": role.value,
                    "responsibilities": task,
                    "phone": phone,
                    "email": email,
                    "active": True,
                }
                for kind, name, org, role, task, phone, email in missing
            ],
        )
        existing = dict(
            session.execute(select(Actor.name, Actor.id).where(Actor.name.in_(names))).all()
        )
    return {role: existing[name] for _k, name, _o, role, *_ in PARTNERS}


def add_teams(
    session: Session,
    youths: Sequence[tuple[int, date, date]],
    rng: random.Random,
    today: date,
) -> int:
    """Teams for part of ``youths`` ((id, birth date, henvendelse)); returns the rows made.
    The responsible caseworker stays the coordinating caseworker (no row needed)."""
    partners = ensure_partners(session)
    rows: list[dict[str, object]] = []
    for youth_id, birth, henvendelse in youths:
        if henvendelse >= today or rng.random() >= SHARE_WITH_CONTACT:
            continue
        start = min(henvendelse + timedelta(days=rng.randint(3, 40)), today)
        contact = rng.choice(_CONTACT_ROLES)
        rows.append(_row(youth_id, partners[contact], TeamRole.CONTACT, start))
        minor = (today - birth).days < 18 * 365
        if minor:
            rows.append(
                _row(youth_id, partners[ActorRole.CHILDREN_FAMILY], TeamRole.CASEWORKER, start)
            )
        elif rng.random() < SHARE_WITH_MORE:
            role = rng.choice([r for r in _MORE if r not in (contact, ActorRole.CHILDREN_FAMILY)])
            rows.append(_row(youth_id, partners[role], _MORE[role], start))
    if rows:
        session.execute(insert(TeamMember), rows)
    return len(rows)


def _row(youth_id: int, actor_id: int, role: TeamRole, start: date) -> dict[str, object]:
    return {
        "youth_id": youth_id,
        "actor_id": actor_id,
        "caseworker_id": None,
        "role": role.value,
        "note": "",
        "from_date": start,
        "to_date": None,
    }
