"""The people around a young person: actors (interessenter) and the team's roles.

An actor is a unit or a person at the municipality or a partner (school, FGU, employer)
that a caseworker calls. A team member is an actor or a colleague (caseworker) placed on
one young person's team with a role, from a date and until a date. Seed 003 (Slagelse)
builds the cooperation on one coordinating caseworker and, optionally, one contact person:
at most one of each is current at a time; the others are as many as the case needs.

Codes are stable English identifiers stored in the database; labels are Danish.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ungedesk.domain.contact import MAX_TITLE, clean_phone, contact_problems
from ungedesk.domain.errors import InputError
from ungedesk.domain.youth import clean

MAX_NAME = 120
MAX_ORGANISATION = 120
MAX_RESPONSIBILITIES = 2000
MAX_NOTE = 500


class ActorKind(StrEnum):
    PERSON = "person"
    UNIT = "unit"


ACTOR_KIND_LABELS: dict[ActorKind, str] = {
    ActorKind.PERSON: "Person",
    ActorKind.UNIT: "Enhed",
}


class ActorRole(StrEnum):
    YOUTH_EFFORT = "youth_effort"
    CHILDREN_FAMILY = "children_family"
    DISABILITY_PSYCHIATRY = "disability_psychiatry"
    CITIZEN_SERVICE = "citizen_service"
    SCHOOL = "school"
    FGU = "fgu"
    EMPLOYER = "employer"
    OTHER = "other"


ACTOR_ROLE_LABELS: dict[ActorRole, str] = {
    ActorRole.YOUTH_EFFORT: "Kommunal ungeindsats/UU",
    ActorRole.CHILDREN_FAMILY: "Børne- og familieafdelingen",
    ActorRole.DISABILITY_PSYCHIATRY: "Handicap og psykiatri",
    ActorRole.CITIZEN_SERVICE: "Borgerservice",
    ActorRole.SCHOOL: "Skole",
    ActorRole.FGU: "FGU",
    ActorRole.EMPLOYER: "Arbejdsgiver",
    ActorRole.OTHER: "Andet",
}


class TeamRole(StrEnum):
    COORDINATOR = "coordinator"
    CONTACT = "contact"
    COUNSELLOR = "counsellor"
    CASEWORKER = "caseworker"
    MENTOR = "mentor"
    SCHOOL = "school"
    EMPLOYER = "employer"
    OTHER = "other"


TEAM_ROLE_LABELS: dict[TeamRole, str] = {
    TeamRole.COORDINATOR: "Koordinerende sagsbehandler",
    TeamRole.CONTACT: "Kontaktperson",
    TeamRole.COUNSELLOR: "Vejleder",
    TeamRole.CASEWORKER: "Sagsbehandler",
    TeamRole.MENTOR: "Mentor",
    TeamRole.SCHOOL: "Skolens kontakt",
    TeamRole.EMPLOYER: "Arbejdsgiverens kontakt",
    TeamRole.OTHER: "Andet",
}

# Roles a young person has at most one of at a time (seed 003: one coordinating caseworker).
SINGLE_ROLES = frozenset({TeamRole.COORDINATOR, TeamRole.CONTACT})


@dataclass(frozen=True, slots=True)
class ActorInput:
    kind: ActorKind
    name: str
    role: ActorRole
    organisation: str = ""
    responsibilities: str = ""
    phone: str = ""
    email: str = ""
    active: bool = True


def validate_actor(data: ActorInput) -> dict[str, str]:
    """Danish messages keyed by field; empty when the actor can be saved."""
    errors: dict[str, str] = {}
    name = clean(data.name)
    if not name:
        errors["name"] = (
            "Skriv personens navn." if data.kind is ActorKind.PERSON else "Skriv enhedens navn."
        )
    elif len(name) > MAX_NAME:
        errors["name"] = f"Navnet må højst være {MAX_NAME} tegn."
    if len(clean(data.organisation)) > MAX_ORGANISATION:
        errors["organisation"] = f"Organisationen må højst være {MAX_ORGANISATION} tegn."
    if len(data.responsibilities.strip()) > MAX_RESPONSIBILITIES:
        errors["responsibilities"] = "Ansvarsområderne må højst være 2.000 tegn."
    errors.update(contact_problems(data.phone, data.email))
    return errors


def normalised_actor(data: ActorInput) -> ActorInput:
    """The input as it is stored: names cleaned, phone spaces collapsed."""
    return ActorInput(
        kind=data.kind,
        name=clean(data.name),
        role=data.role,
        organisation=clean(data.organisation),
        responsibilities=data.responsibilities.strip(),
        phone=clean_phone(data.phone),
        email=data.email.strip(),
        active=data.active,
    )


@dataclass(frozen=True, slots=True)
class MemberInput:
    """A team member: exactly one of ``actor_id`` and ``caseworker_id``."""

    role: TeamRole
    from_date: date
    actor_id: int | None = None
    caseworker_id: int | None = None
    note: str = ""


def validate_member(data: MemberInput, *, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if (data.actor_id is None) == (data.caseworker_id is None):
        errors["who"] = "Vælg en kollega eller en aktør."
    if data.role is TeamRole.COORDINATOR and data.caseworker_id is None:
        errors["role"] = "Den koordinerende sagsbehandler skal være en kollega i UngeDesk."
    if data.from_date > today:
        errors["from_date"] = "Startdatoen kan ikke ligge i fremtiden."
    if len(data.note.strip()) > MAX_NOTE:
        errors["note"] = f"Bemærkningen må højst være {MAX_NOTE} tegn."
    return errors


@dataclass(frozen=True, slots=True)
class ContactDetailsInput:
    """What a caseworker may change in a profile at any time."""

    title: str = ""
    phone: str = ""
    email: str = ""


def validate_contact_details(data: ContactDetailsInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if len(clean(data.title)) > MAX_TITLE:
        errors["title"] = f"Titlen må højst være {MAX_TITLE} tegn."
    errors.update(contact_problems(data.phone, data.email))
    return errors


@dataclass(frozen=True, slots=True)
class ContactFix:
    """Whose details to fill in: a caseworker or an actor, named for the button."""

    caseworker_id: int | None
    actor_id: int | None
    who: str


class MissingContactError(InputError):
    """The plan cannot be handed out: the coordinating caseworker or the contact person has
    no phone number or e-mail address, and the PDF would show an empty contact line.
    ``fixes`` says whose details the caseworker can fill in from the message."""

    def __init__(self, message: str, fixes: tuple[ContactFix, ...]) -> None:
        super().__init__({"contact_details": message})
        self.fixes = fixes
