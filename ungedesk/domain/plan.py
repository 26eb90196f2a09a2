"""The education plan (uddannelsesplan): what it holds, the rules for saving it, the frozen
form of a handed-out version, what changed between two versions, and the handout's input.

Content beyond education and work (health, housing, family) needs the young person's
consent covering that area before it can be saved (seed 003, DOMAIN.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from ungedesk.domain.progression import SPECIAL_CATEGORY, Indicator

MAX_TEXT = 4_000
MAX_LINE = 200


class GoalType(StrEnum):
    EUD = "eud"
    EUX = "eux"
    GYM = "gym"
    FGU = "fgu"
    STU = "stu"
    EGU = "egu"
    HIGHER = "higher"
    JOB = "job"


GOAL_TYPE_LABELS: dict[GoalType, str] = {
    GoalType.EUD: "Erhvervsuddannelse (EUD)",
    GoalType.EUX: "EUX",
    GoalType.GYM: "Gymnasial uddannelse",
    GoalType.FGU: "FGU",
    GoalType.STU: "STU",
    GoalType.EGU: "EGU",
    GoalType.HIGHER: "Videregående uddannelse",
    GoalType.JOB: "Job",
}


class SubgoalOwner(StrEnum):
    YOUTH = "youth"
    CASEWORKER = "caseworker"
    UU = "uu"
    OTHER = "other"


OWNER_LABELS: dict[SubgoalOwner, str] = {
    SubgoalOwner.YOUTH: "Den unge",
    SubgoalOwner.CASEWORKER: "Sagsbehandler",
    SubgoalOwner.UU: "UU-vejleder",
    SubgoalOwner.OTHER: "Anden",
}


class SubgoalStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    REACHED = "reached"
    DROPPED = "dropped"


SUBGOAL_STATUS_LABELS: dict[SubgoalStatus, str] = {
    SubgoalStatus.PLANNED: "Planlagt",
    SubgoalStatus.IN_PROGRESS: "I gang",
    SubgoalStatus.REACHED: "Nået",
    SubgoalStatus.DROPPED: "Droppet",
}


class ConsentScope(StrEnum):
    HEALTH = "health"
    HOUSING = "housing"
    FAMILY = "family"


CONSENT_LABELS: dict[ConsentScope, str] = {
    ConsentScope.HEALTH: "Helbred",
    ConsentScope.HOUSING: "Bolig",
    ConsentScope.FAMILY: "Familie",
}


class ApplicationKind(StrEnum):
    APPLICATION = "application"
    CONTACT = "contact"


APPLICATION_LABELS: dict[ApplicationKind, str] = {
    ApplicationKind.APPLICATION: "Ansøgning sendt",
    ApplicationKind.CONTACT: "Kontakt til skole/arbejdsplads",
}


class ContactRole(StrEnum):
    CONTACT_PERSON = "contact_person"
    TEAM = "team"


CONTACT_ROLE_LABELS: dict[ContactRole, str] = {
    ContactRole.CONTACT_PERSON: "Kontaktperson",
    ContactRole.TEAM: "Tværfagligt team",
}


@dataclass(frozen=True, slots=True)
class Subgoal:
    text: str
    owner: SubgoalOwner
    due: date | None = None
    owner_name: str = ""  # who, when the owner is "other" (or a named UU counsellor)
    status: SubgoalStatus = SubgoalStatus.PLANNED
    indicator: Indicator | None = None


@dataclass(frozen=True, slots=True)
class Intervention:
    name: str
    provider: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class Application:
    kind: ApplicationKind
    place: str
    on: date
    note: str = ""


@dataclass(frozen=True, slots=True)
class Contact:
    role: ContactRole
    name: str
    title: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class PlanContent:
    """Everything the caseworker edits in the plan. A handed-out version freezes one."""

    goal_type: GoalType | None = None
    programme: str = ""
    school: str = ""
    goal_start: date | None = None
    own_wishes: str = ""
    challenges: str = ""
    short_term_goals: str = ""
    long_term_goals: str = ""
    health: str = ""
    housing: str = ""
    family: str = ""
    subgoals: tuple[Subgoal, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    applications: tuple[Application, ...] = ()
    contacts: tuple[Contact, ...] = ()


# Plan fields beyond education and work, and the consent each needs.
CONSENT_FIELDS: dict[str, ConsentScope] = {
    "health": ConsentScope.HEALTH,
    "housing": ConsentScope.HOUSING,
    "family": ConsentScope.FAMILY,
}

FIELD_LABELS: dict[str, str] = {
    "goal_type": "Uddannelsesmål",
    "programme": "Uddannelse/job",
    "school": "Skole/arbejdsplads",
    "goal_start": "Start",
    "own_wishes": "Den unges egne ønsker",
    "challenges": "Udfordringer og behov",
    "short_term_goals": "Kortsigtede mål",
    "long_term_goals": "Langsigtede mål",
    "health": "Helbred",
    "housing": "Bolig",
    "family": "Familie",
    "subgoals": "Delmål",
    "interventions": "Indsatser og tilbud",
    "applications": "Ansøgninger og kontakter",
    "contacts": "Kontaktpersoner og team",
}


def validate_plan(
    content: PlanContent, *, consented: Iterable[ConsentScope], today: date
) -> dict[str, str]:
    """Field errors (Danish). List rows are keyed ``subgoals.<row>.<field>`` and so on."""
    errors: dict[str, str] = {}
    allowed = set(consented)
    for name, scope in CONSENT_FIELDS.items():
        if getattr(content, name).strip() and scope not in allowed:
            errors[name] = (
                f"Den unge har ikke givet samtykke til, at {CONSENT_LABELS[scope].lower()} "
                "står i planen. Registrér samtykket først."
            )
    for name in ("programme", "school"):
        if len(getattr(content, name)) > MAX_LINE:
            errors[name] = f"Højst {MAX_LINE} tegn."
    for name in (
        "own_wishes",
        "challenges",
        "short_term_goals",
        "long_term_goals",
        "health",
        "housing",
        "family",
    ):
        if len(getattr(content, name)) > MAX_TEXT:
            errors.setdefault(name, f"Teksten er for lang (højst {MAX_TEXT} tegn).")
    for i, goal in enumerate(content.subgoals):
        if not goal.text.strip():
            errors[f"subgoals.{i}.text"] = "Skriv, hvad delmålet er."
        elif len(goal.text) > MAX_LINE * 2:
            errors[f"subgoals.{i}.text"] = f"Højst {MAX_LINE * 2} tegn."
        if goal.owner is SubgoalOwner.OTHER and not goal.owner_name.strip():
            errors[f"subgoals.{i}.owner_name"] = "Skriv, hvem der gør det."
        # A sub-goal aimed at health or substance use is health content (GDPR art. 9).
        if goal.indicator in SPECIAL_CATEGORY and ConsentScope.HEALTH not in allowed:
            errors[f"subgoals.{i}.indicator"] = (
                "Et delmål om helbred eller misbrug kræver den unges samtykke til helbred."
            )
    for i, item in enumerate(content.interventions):
        if not item.name.strip():
            errors[f"interventions.{i}.name"] = "Skriv indsatsens navn."
        if item.starts_on and item.ends_on and item.ends_on < item.starts_on:
            errors[f"interventions.{i}.ends_on"] = "Slutdatoen ligger før startdatoen."
    for i, app in enumerate(content.applications):
        if not app.place.strip():
            errors[f"applications.{i}.place"] = "Skriv skolen eller arbejdspladsen."
        if app.on > today:
            errors[f"applications.{i}.on"] = "Datoen kan ikke ligge i fremtiden."
    for i, contact in enumerate(content.contacts):
        if not contact.name.strip():
            errors[f"contacts.{i}.name"] = "Skriv personens navn."
        if contact.email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", contact.email):
            errors[f"contacts.{i}.email"] = "E-mailadressen ser forkert ud."
    return errors


# --- frozen versions -------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def content_to_dict(content: PlanContent) -> dict[str, Any]:
    """A JSON-ready dict (dates as ISO text, enums as their values)."""
    result: dict[str, Any] = _plain(asdict(content))
    return result


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def content_from_dict(raw: Mapping[str, Any]) -> PlanContent:
    """The inverse of content_to_dict; unknown keys are ignored so old versions still read."""
    goal = raw.get("goal_type")
    return PlanContent(
        goal_type=GoalType(goal) if goal else None,
        programme=raw.get("programme", ""),
        school=raw.get("school", ""),
        goal_start=_date(raw.get("goal_start")),
        own_wishes=raw.get("own_wishes", ""),
        challenges=raw.get("challenges", ""),
        short_term_goals=raw.get("short_term_goals", ""),
        long_term_goals=raw.get("long_term_goals", ""),
        health=raw.get("health", ""),
        housing=raw.get("housing", ""),
        family=raw.get("family", ""),
        subgoals=tuple(
            Subgoal(
                text=g["text"],
                owner=SubgoalOwner(g["owner"]),
                due=_date(g.get("due")),
                owner_name=g.get("owner_name", ""),
                status=SubgoalStatus(g.get("status", "planned")),
                indicator=Indicator(g["indicator"]) if g.get("indicator") else None,
            )
            for g in raw.get("subgoals", [])
        ),
        interventions=tuple(
            Intervention(
                name=i["name"],
                provider=i.get("provider", ""),
                starts_on=_date(i.get("starts_on")),
                ends_on=_date(i.get("ends_on")),
                purpose=i.get("purpose", ""),
            )
            for i in raw.get("interventions", [])
        ),
        applications=tuple(
            Application(
                kind=ApplicationKind(a["kind"]),
                place=a["place"],
                on=date.fromisoformat(a["on"]),
                note=a.get("note", ""),
            )
            for a in raw.get("applications", [])
        ),
        contacts=tuple(
            Contact(
                role=ContactRole(c["role"]),
                name=c["name"],
                title=c.get("title", ""),
                phone=c.get("phone", ""),
                email=c.get("email", ""),
            )
            for c in raw.get("contacts", [])
        ),
    )


def changes_since(old: PlanContent, new: PlanContent) -> list[str]:
    """What changed from a handed-out version to the draft, as short Danish lines naming
    the field (``Kortsigtede mål ændret``, ``Delmål tilføjet: …``), in field order."""
    lines: list[str] = []
    for f in fields(PlanContent):
        before, after = getattr(old, f.name), getattr(new, f.name)
        if before == after:
            continue
        label = FIELD_LABELS[f.name]
        if isinstance(before, tuple):
            lines.extend(_list_changes(label, before, after))
        elif not before:
            lines.append(f"{label} tilføjet")
        elif not after:
            lines.append(f"{label} fjernet")
        else:
            lines.append(f"{label} ændret")
    return lines


def _describe(item: Any) -> str:
    for attr in ("text", "name", "place"):
        if hasattr(item, attr):
            return str(getattr(item, attr))
    return ""


def _list_changes(label: str, before: tuple[Any, ...], after: tuple[Any, ...]) -> list[str]:
    lines: list[str] = []
    old_keys = {_describe(x): x for x in before}
    new_keys = {_describe(x): x for x in after}
    for key, item in new_keys.items():
        if key not in old_keys:
            lines.append(f"{label} tilføjet: {key}")
        elif old_keys[key] != item:
            lines.append(f"{label} ændret: {key}")
    lines.extend(f"{label} fjernet: {key}" for key in old_keys if key not in new_keys)
    return lines


# --- the handout ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpiderReading:
    """One reading of the young person's own scores, for the handout's chart."""

    on: date
    scores: Mapping[Indicator, int]


@dataclass(frozen=True, slots=True)
class Handout:
    """Everything the young person's PDF shows, gathered by the plan service."""

    municipality: str
    youth_name: str
    cpr_masked: str  # DDMMYY-xxxx
    content: PlanContent
    coordinator: Contact | None
    next_meeting: datetime | None = None
    # The team's contact person (services.team), beside the coordinating caseworker.
    contact_person: Contact | None = None
    next_meeting_place: str = ""
    version: int | None = None  # None: a draft that has not been handed out
    handed_out_on: date | None = None
    handed_out_by: str = ""
    printed_on: date | None = None
    logo: bytes | None = None  # PNG or JPEG from settings
    first_reading: SpiderReading | None = None
    latest_reading: SpiderReading | None = None
    indicators: tuple[Indicator, ...] = field(default_factory=tuple)
    # The municipality's unit as it names itself ("Ungeindsatsen Vestby"); "" means plainly
    # "kommunen". Never "jobcentret": the law stopped requiring a jobcenter on 1 Feb 2026.
    unit: str = ""
    # Custody holders who sign with a minor (domain.custody.signers), "Name (relation)".
    guardians: tuple[str, ...] = ()


# --- readability ----------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9]+")


def lix(text: str) -> float:
    """Læsbarhedsindeks: words per sentence plus the percentage of words over six letters.
    Under 35 is easy text (children's books); the handout's fixed text stays there."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(re.findall(r"[.!?:]+(?:\s|$)", text)))
    long_words = sum(1 for w in words if len(w) > 6)
    return len(words) / sentences + 100 * long_words / len(words)
