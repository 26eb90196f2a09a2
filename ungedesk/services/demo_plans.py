"""Synthetic education plans for part of the demo young people.

A plan has a goal, wishes written in the young person's own voice, two to five sub-goals
(some tied to a progression indicator), an intervention, an application and a contact
person. Some plans were handed out once or twice at a held conversation: the frozen version
then names the conversation after it as the next meeting, as the real hand-out would have.
A few carry housing or family text, always with the young person's consent before it.

Everything is invented: people's names come from the demo name lists, schools and firms are
made-up generic names, phone numbers are random and e-mail addresses use ``.example``.
Rows go in with one Core executemany per table, like the rest of the demo data.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from ungedesk.domain.plan import (
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
    content_to_dict,
)
from ungedesk.domain.profile import ROLE_LABELS, Role
from ungedesk.domain.progression import Indicator
from ungedesk.domain.visitation import ConversationStatus
from ungedesk.resources import DEMO
from ungedesk.services.demo_cases import DemoYouth
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
    Youth,
)

_PLAN = cast(Table, Plan.__table__)
_SUBGOAL = cast(Table, PlanSubgoal.__table__)
_INTERVENTION = cast(Table, PlanIntervention.__table__)
_APPLICATION = cast(Table, PlanApplication.__table__)
_CONTACT = cast(Table, PlanContact.__table__)
_CONSENT = cast(Table, Consent.__table__)
_VERSION = cast(Table, PlanVersion.__table__)

SHARE_WITH_PLAN = 0.3
SHARE_HANDED_OUT = 0.6  # of those with a plan and a held conversation to hand it out at

# (goal type, programme, school): invented schools, real kinds of education.
_GOALS: tuple[tuple[GoalType, str, str], ...] = (
    (GoalType.EUD, "Tømrer", "Erhvervsskolen Syd"),
    (GoalType.EUD, "Frisør", "Erhvervsskolen Syd"),
    (GoalType.EUD, "Elektriker", "Tekniske Skole Nord"),
    (GoalType.EUD, "Automekaniker", "Tekniske Skole Nord"),
    (GoalType.EUD, "Ernæringsassistent", "Madskolen Øst"),
    (GoalType.EUD, "Social- og sundhedshjælper", "SOSU-skolen Midt"),
    (GoalType.EUD, "Detailhandel", "Handelsskolen Vest"),
    (GoalType.EUX, "EUX Business", "Handelsskolen Vest"),
    (GoalType.GYM, "HF", "VUC Midt"),
    (GoalType.GYM, "HHX", "Handelsgymnasiet i Byen"),
    (GoalType.FGU, "Produktionsgrunduddannelse (pgu)", "FGU Vest"),
    (GoalType.FGU, "Almen grunduddannelse (agu)", "FGU Vest"),
    (GoalType.STU, "STU med værksted", "STU-centret Øst"),
    (GoalType.EGU, "EGU som gartner", "Kommunens Grønne Hold"),
    (GoalType.HIGHER, "Pædagog", "Professionshøjskolen Øst"),
    (GoalType.JOB, "Lagerarbejde", "Lager og Logistik ApS"),
)

_WISHES = (
    "Jeg vil gerne arbejde med mine hænder. Jeg kan ikke lide at sidde stille hele dagen.",
    "Jeg vil have en uddannelse, så jeg kan flytte hjemmefra og klare mig selv.",
    "Jeg vil gerne tjene mine egne penge. Og så vil jeg gerne have et kørekort.",
    "Jeg vil tage HF, men i mit eget tempo. Sidst gik det for stærkt.",
    "Jeg har altid godt kunnet lide at lave mad. Det vil jeg gerne arbejde med.",
    "Jeg vil gerne hjælpe andre mennesker. Måske med børn eller ældre.",
    "Jeg ved ikke helt, hvad jeg vil. Jeg vil gerne prøve noget af først.",
    "Jeg vil gerne i lære som mine venner. Jeg vil ikke være den, der står udenfor.",
)

_CHALLENGES = (
    "Har svært ved at komme op om morgenen og er ofte kommet for sent.",
    "Er ordblind og har brug for it-hjælpemidler i undervisningen.",
    "Har været væk fra skole i over et år og er usikker på at starte igen.",
    "Bliver nervøs i store grupper. Har brug for en fast person at gå til.",
    "Mangler 9. klasses prøve i dansk og matematik.",
    "Har gæld og bekymrer sig meget om penge.",
)

_SHORT = (
    "Komme i praktik inden for tre måneder.",
    "Møde stabilt op på FGU resten af semestret.",
    "Få lavet et CV og søge to praktikpladser.",
    "Tage FVU-dansk og bestå trin 2.",
    "Besøge to skoler og vælge uddannelse.",
)

_LONG = (
    "Gennemføre en erhvervsuddannelse og få en fast plads på arbejdsmarkedet.",
    "Bestå HF og søge videre uddannelse.",
    "Have et job og bo i egen lejlighed.",
    "Få en uddannelse, som den unge selv har valgt.",
)

_HOUSING = (
    "Bor midlertidigt hos en ven. Har brug for hjælp til at søge bolig.",
    "Står på venteliste til ungdomsbolig.",
)

_FAMILY = (
    "Bor hos mormor. Har ikke kontakt til far.",
    "Har to mindre søskende, som den unge ofte passer om morgenen.",
)

# (text, owner, indicator): health and substance use never appear here, they are kept
# minimal and out of the plan's sub-goals in the demo.
_SUBGOALS: tuple[tuple[str, SubgoalOwner, Indicator | None], ...] = (
    ("Møde til tiden tre dage om ugen", SubgoalOwner.YOUTH, Indicator.ATTENDANCE),
    ("Lave et budget sammen med sagsbehandleren", SubgoalOwner.CASEWORKER, Indicator.FINANCES),
    ("Besøge skolen på åbent hus", SubgoalOwner.YOUTH, Indicator.MOTIVATION),
    ("Søge to praktikpladser", SubgoalOwner.YOUTH, Indicator.WORK_IDENTITY),
    ("Tage en FVU-test", SubgoalOwner.UU, Indicator.SKILLS),
    ("Finde en fritidsaktivitet", SubgoalOwner.YOUTH, Indicator.NETWORK),
    ("Melde afbud, hvis en aftale ikke kan holdes", SubgoalOwner.YOUTH, Indicator.COOPERATION),
    ("Skrive et CV", SubgoalOwner.YOUTH, None),
    ("Søge SU, når optagelsen er på plads", SubgoalOwner.YOUTH, None),
    ("Undersøge mentorordning", SubgoalOwner.CASEWORKER, None),
    ("Aftale brobygningsforløb", SubgoalOwner.UU, None),
    ("Følge med til første skoledag", SubgoalOwner.OTHER, None),
)

_INTERVENTIONS = (
    ("Mentor", "Ungeindsatsen", "Støtte til at komme op og møde stabilt."),
    ("Virksomhedspraktik", "Byg og Bo ApS", "Prøve faget af i praksis."),
    ("Holdforløb", "Ungeindsatsen", "Afklaring af mål og styrker."),
    ("Brobygning", "Erhvervsskolen Syd", "Se skolen indefra før ansøgningen."),
    ("FVU-dansk", "VUC Midt", "Styrke læsning og stavning."),
)

_TITLES = ("Mentor", "Kontaktperson", "Praktikvejleder", "UU-vejleder")


@dataclass(frozen=True, slots=True)
class _Names:
    first: tuple[str, ...]
    last: tuple[str, ...]


@cache
def _names() -> _Names:
    names = json.loads((DEMO / "names.json").read_text(encoding="utf-8"))
    first: list[str] = []
    last: list[str] = []
    for spec in names["origins"].values():
        first.extend(spec["female"][:10] + spec["male"][:10])
        # Family names with gendered forms are listed [male, female]; the male form is
        # enough for a contact person whose sex the plan does not say.
        last.extend(e if isinstance(e, str) else e[0] for e in spec["last"][:10])
    return _Names(tuple(first), tuple(last))


def _person(rng: random.Random) -> str:
    names = _names()
    return f"{rng.choice(names.first)} {rng.choice(names.last)}"


def _phone(rng: random.Random) -> str:
    d = f"{rng.choice((2, 3, 4, 5, 6, 7))}{rng.randrange(10_000_000):07d}"
    return f"{d[0:2]} {d[2:4]} {d[4:6]} {d[6:8]}"


def _between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _content(
    rng: random.Random, start: date, today: date, scopes: frozenset[ConsentScope]
) -> PlanContent:
    goal_type, programme, school = rng.choice(_GOALS)
    picked = rng.sample(_SUBGOALS, rng.randint(2, 5))
    subgoals = tuple(
        Subgoal(
            text=text,
            owner=owner,
            due=start + timedelta(days=rng.randint(14, 180)),
            owner_name=_person(rng) if owner is SubgoalOwner.OTHER else "",
            status=SubgoalStatus.PLANNED,
            indicator=indicator,
        )
        for text, owner, indicator in picked
    )
    name, provider, purpose = rng.choice(_INTERVENTIONS)
    begins = _between(rng, start, today)
    contact_name = _person(rng)
    return PlanContent(
        goal_type=goal_type,
        programme=programme,
        school=school,
        goal_start=date(today.year + rng.choice((0, 1)), 8, rng.choice((1, 10, 15))),
        own_wishes=rng.choice(_WISHES),
        challenges=rng.choice(_CHALLENGES),
        short_term_goals=rng.choice(_SHORT),
        long_term_goals=rng.choice(_LONG),
        housing=rng.choice(_HOUSING) if ConsentScope.HOUSING in scopes else "",
        family=rng.choice(_FAMILY) if ConsentScope.FAMILY in scopes else "",
        subgoals=subgoals,
        interventions=(
            Intervention(name, provider, begins, begins + timedelta(weeks=13), purpose),
        ),
        applications=(
            Application(
                rng.choice((ApplicationKind.APPLICATION, ApplicationKind.CONTACT)),
                school,
                _between(rng, start, today),
            ),
        ),
        contacts=(
            Contact(
                ContactRole.CONTACT_PERSON,
                contact_name,
                rng.choice(_TITLES),
                _phone(rng),
                f"{contact_name.split()[0].lower()}.kontakt@kommune.example",
            ),
        ),
    )


def _progressed(rng: random.Random, content: PlanContent) -> PlanContent:
    """The same plan some weeks on: sub-goals moved along, one perhaps added."""
    moved = tuple(
        replace(
            g,
            status=rng.choice(
                (SubgoalStatus.IN_PROGRESS, SubgoalStatus.REACHED, g.status, SubgoalStatus.DROPPED)
            ),
        )
        for g in content.subgoals
    )
    if len(moved) < 5 and rng.random() < 0.5:
        used = {g.text for g in moved}
        text, owner, indicator = rng.choice([x for x in _SUBGOALS if x[0] not in used])
        extra = Subgoal(
            text,
            owner,
            owner_name=_person(rng) if owner is SubgoalOwner.OTHER else "",
            indicator=indicator,
        )
        moved = (*moved, extra)
    return replace(content, subgoals=moved, short_term_goals=rng.choice(_SHORT))


def _coordinators(
    session: Session, ids: Sequence[int]
) -> dict[int, tuple[dict[str, str], str] | None]:
    """Per young person: the coordinator as a snapshot stores it, and "Name (INI)"."""
    rows = session.execute(
        select(
            Youth.id,
            Caseworker.name,
            Caseworker.initials,
            Caseworker.role,
            Caseworker.phone,
            Caseworker.email,
        )
        .outerjoin(Caseworker, Caseworker.id == Youth.caseworker_id)
        .where(Youth.id.in_(ids))
    ).all()
    out: dict[int, tuple[dict[str, str], str] | None] = {}
    for youth_id, name, initials, role, phone, email in rows:
        if name is None:
            out[youth_id] = None
            continue
        try:
            title = ROLE_LABELS[Role(role)]
        except ValueError:
            title = ""
        contact = {
            "role": ContactRole.TEAM.value,
            "name": name,
            "title": title,
            "phone": phone,
            "email": email,
        }
        out[youth_id] = (contact, f"{name} ({initials})")
    return out


def _talks(session: Session, ids: Sequence[int]) -> dict[int, list[tuple[datetime, str, str]]]:
    rows = session.execute(
        select(
            Conversation.youth_id, Conversation.starts_at, Conversation.status, Conversation.place
        )
        .where(Conversation.youth_id.in_(ids))
        .order_by(Conversation.youth_id, Conversation.starts_at)
    ).all()
    out: dict[int, list[tuple[datetime, str, str]]] = {}
    for youth_id, at, status, place in rows:
        out.setdefault(youth_id, []).append((at, status, place))
    return out


def _rows(youth_id: int, content: PlanContent) -> dict[str, list[dict[str, Any]]]:
    return {
        "plan": [
            {
                "youth_id": youth_id,
                "goal_type": content.goal_type.value if content.goal_type else "",
                "programme": content.programme,
                "school": content.school,
                "goal_start": content.goal_start,
                "own_wishes": content.own_wishes,
                "challenges": content.challenges,
                "short_term_goals": content.short_term_goals,
                "long_term_goals": content.long_term_goals,
                "health": content.health,
                "housing": content.housing,
                "family": content.family,
            }
        ],
        "subgoal": [
            {
                "youth_id": youth_id,
                "position": i,
                "text": g.text,
                "due": g.due,
                "owner": g.owner.value,
                "owner_name": g.owner_name,
                "status": g.status.value,
                "indicator": g.indicator.value if g.indicator else "",
            }
            for i, g in enumerate(content.subgoals)
        ],
        "intervention": [
            {
                "youth_id": youth_id,
                "position": i,
                "name": x.name,
                "provider": x.provider,
                "starts_on": x.starts_on,
                "ends_on": x.ends_on,
                "purpose": x.purpose,
            }
            for i, x in enumerate(content.interventions)
        ],
        "application": [
            {
                "youth_id": youth_id,
                "kind": a.kind.value,
                "place": a.place,
                "on": a.on,
                "note": a.note,
            }
            for a in content.applications
        ],
        "contact": [
            {
                "youth_id": youth_id,
                "position": i,
                "role": c.role.value,
                "name": c.name,
                "title": c.title,
                "phone": c.phone,
                "email": c.email,
            }
            for i, c in enumerate(content.contacts)
        ],
    }


def add_plans(
    session: Session,
    youths: Sequence[DemoYouth],
    rng: random.Random,
    today: date,
) -> int:
    """Give part of ``youths`` an education plan; returns how many plans were made.

    Call it after the conversations are in: plans are handed out at held ones. The
    young person's own caseworker hands the plan out."""
    chosen = [y for y in youths if y.henvendelse < today and rng.random() < SHARE_WITH_PLAN]
    if not chosen:
        return 0
    ids = [y.id for y in chosen]
    coordinators = _coordinators(session, ids)
    talks = _talks(session, ids)
    tables: dict[str, list[dict[str, Any]]] = {
        k: [] for k in ("plan", "subgoal", "intervention", "application", "contact")
    }
    consents: list[dict[str, Any]] = []
    versions: list[dict[str, Any]] = []
    for y in chosen:
        start = min(y.henvendelse + timedelta(days=rng.randint(1, 21)), today)
        found = coordinators.get(y.id)
        coordinator, by = found if found else (None, "UngeDesk")
        scopes: set[ConsentScope] = set()
        if rng.random() < 0.15:
            scopes.add(rng.choice((ConsentScope.HOUSING, ConsentScope.FAMILY)))
        if scopes:
            consents.append(
                {
                    "youth_id": y.id,
                    "given_on": start,
                    "scope": ",".join(s.value for s in ConsentScope if s in scopes),
                    "note": "Mundtligt samtykke ved samtalen.",
                    "withdrawn_on": None,
                    "recorded_by": by,
                }
            )
        first = _content(rng, start, today, frozenset(scopes))
        held = [t for t in talks.get(y.id, []) if t[1] == ConversationStatus.HELD.value]
        held = [t for t in held if t[0].date() >= start]
        draft = first
        if held and rng.random() < SHARE_HANDED_OUT:
            times = 1 if len(held) < 2 or rng.random() < 0.6 else 2
            at_talks = sorted(rng.sample(held, times))
            contents = [first] if times == 1 else [first, _progressed(rng, first)]
            for number, (talk, content) in enumerate(zip(at_talks, contents, strict=True), 1):
                after = [t for t in talks.get(y.id, []) if t[0] > talk[0]]
                meeting = after[0] if after else None
                snapshot = {
                    "content": content_to_dict(content),
                    "coordinator": coordinator,
                    "next_meeting": meeting[0].isoformat() if meeting else None,
                    "next_meeting_place": meeting[2] if meeting else "",
                }
                versions.append(
                    {
                        "youth_id": y.id,
                        "number": number,
                        "handed_out_on": talk[0].date(),
                        "handed_out_by": by,
                        "snapshot": json.dumps(snapshot, ensure_ascii=False),
                    }
                )
            draft = contents[-1]
            # Some drafts have moved on since the last hand-out: "changes since" shows it.
            if rng.random() < 0.4:
                draft = _progressed(rng, draft)
        for key, rows in _rows(y.id, draft).items():
            tables[key].extend(rows)
    session.execute(insert(_PLAN), tables["plan"])
    for key, table in (
        ("subgoal", _SUBGOAL),
        ("intervention", _INTERVENTION),
        ("application", _APPLICATION),
        ("contact", _CONTACT),
    ):
        if tables[key]:
            session.execute(insert(table), tables[key])
    if consents:
        session.execute(insert(_CONSENT), consents)
    if versions:
        session.execute(insert(_VERSION), versions)
    return len(chosen)
