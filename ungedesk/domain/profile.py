"""Caseworker profiles: who uses UngeDesk and who is responsible for a young person."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ungedesk.domain.youth import clean


class Role(StrEnum):
    CASEWORKER = "caseworker"
    COUNSELLOR = "counsellor"
    TEAM_LEAD = "team_lead"
    OTHER = "other"


ROLE_LABELS: dict[Role, str] = {
    Role.CASEWORKER: "Sagsbehandler (beskæftigelse)",
    Role.COUNSELLOR: "Vejleder (kommunal ungeindsats/UU)",
    Role.TEAM_LEAD: "Leder",
    Role.OTHER: "Andet",
}

_INITIALS_RE = re.compile(r"^[A-Za-zÆØÅæøå]{2,6}$")


@dataclass(frozen=True, slots=True)
class ProfileInput:
    name: str
    initials: str
    unit: str
    role: Role
    email: str = ""
    phone: str = ""


def validate_profile(data: ProfileInput) -> dict[str, str]:
    """Danish messages keyed by field; empty when the profile can be saved."""
    errors: dict[str, str] = {}
    name = clean(data.name)
    if not name:
        errors["name"] = "Skriv dit navn."
    elif len(name) > 100:
        errors["name"] = "Navnet må højst være 100 tegn."
    if not _INITIALS_RE.match(data.initials.strip()):
        errors["initials"] = "Initialer skal være 2-6 bogstaver, fx ABJ."
    if len(clean(data.unit)) > 100:
        errors["unit"] = "Enhedens navn må højst være 100 tegn."
    email = data.email.strip()
    if email and ("@" not in email or " " in email):
        errors["email"] = "E-mailadressen ser forkert ud."
    return errors
