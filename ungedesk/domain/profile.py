"""Caseworker profiles: who uses UngeDesk and who is responsible for a young person."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ungedesk.domain.contact import contact_problems

# Kept in roles.py (light enough for the command line's parser) and re-exported here.
from ungedesk.domain.roles import ROLE_LABELS as ROLE_LABELS
from ungedesk.domain.roles import Role as Role
from ungedesk.domain.youth import clean

_INITIALS_RE = re.compile(r"^[A-Za-zÆØÅæøå]{2,6}$")


@dataclass(frozen=True, slots=True)
class ProfileInput:
    name: str
    initials: str
    unit: str
    role: Role
    email: str = ""
    phone: str = ""
    title: str = ""


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
    errors.update(contact_problems(data.phone, data.email))
    return errors
