"""The municipality's secure route for documents with personal data ("Send til…").

A plan's PDF holds a young person's name, CPR and goals: it must go by secure mail or
Digital Post, never by ordinary e-mail (databeskyttelsesforordningen art. 32 and the
Datatilsynet's guidance that confidential personal data sent by e-mail must be encrypted).
The municipality sets its route once in the settings: a secure mail address, which the
mail client is opened with, or a short instruction shown to the caseworker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ungedesk.domain.errors import InputError
from ungedesk.services import settings
from ungedesk.store.database import Store

MAX_LENGTH = 300
_ADDRESS = re.compile(r"[^@\s<>,;\"']+@[^@\s<>,;\"']+\.[^@\s<>,;\"']+")


@dataclass(frozen=True, slots=True)
class SecureRoute:
    """The route as set: ``address`` when it is a mail address, else ``instruction``;
    both empty when the municipality has set none."""

    address: str = ""
    instruction: str = ""

    @property
    def is_set(self) -> bool:
        return bool(self.address or self.instruction)


def parse(text: str) -> SecureRoute:
    """The route a settings value stands for (the value is cleaned by ``clean`` first)."""
    value = " ".join(text.split())
    if _ADDRESS.fullmatch(value):
        return SecureRoute(address=value)
    return SecureRoute(instruction=value)


def clean(text: str) -> str:
    """The value to store: spaces folded; InputError (field ``secure_send``) when it is too
    long, or looks like a mail address but is not one."""
    value = " ".join(text.split())
    if len(value) > MAX_LENGTH:
        raise InputError({"secure_send": f"Højst {MAX_LENGTH} tegn."})
    if "@" in value and " " not in value and not _ADDRESS.fullmatch(value):
        raise InputError(
            {
                "secure_send": (
                    f"»{value}« er ikke en gyldig mailadresse. Skriv fx "
                    "sikkerpost@kommune.dk, eller skriv, hvordan planen skal sendes."
                )
            }
        )
    return value


def route(store: Store) -> SecureRoute:
    """The municipality's secure route (one read transaction)."""
    return parse(settings.get_setting(store, settings.SECURE_SEND))
