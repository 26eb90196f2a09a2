"""Custody (forældremyndighed) for 15-17-year-olds: who is a minor on a date, which custody
holders count on a date, and who signs the plan.

A young person under 18 is a minor (værgemålsloven § 1: the age of majority is 18); the
custody holder (forældremyndighedens indehaver) is their guardian until then. The KUI law
(lov om kommunal indsats for unge under 25 år, § 2 a, stk. 3, LBK nr. 825 af 16/08/2019)
makes the municipality involve the custody holder in a 15-17-year-old's plan, and the KUI
contact after leaving the plan (domain.kui) is with the young person and the parents. So the
app keeps the holders with dated periods: a holder counts on a date inside [from, to], and
all of them stop counting the day the young person turns 18, whatever their ``to`` says
(the record keeps them as history; nothing is deleted on the birthday).

Pure: no I/O; the birth date comes from the CPR (domain.cpr).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ungedesk.domain.cpr import age_on

# værgemålsloven § 1 (lovbekendtgørelse nr. 1015 af 20/08/2007): under 18 is a minor.
AGE_OF_MAJORITY = 18
# The KUI law's custody duties concern 15-17-year-olds (§ 2 a, stk. 1 and 3).
KUI_MIN_AGE = 15
MAX_NAME = 120
MAX_ADDRESS = 200

_PHONE_RE = re.compile(r"^\+?[0-9][0-9 ]{6,18}[0-9]$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Relation(StrEnum):
    MOTHER = "mother"
    FATHER = "father"
    OTHER_HOLDER = "other_holder"
    GUARDIAN = "guardian"


RELATION_LABELS: dict[Relation, str] = {
    Relation.MOTHER: "Mor",
    Relation.FATHER: "Far",
    Relation.OTHER_HOLDER: "Anden forældremyndighedsindehaver",
    Relation.GUARDIAN: "Værge",
}


def adult_on(birth: date) -> date:
    """The 18th birthday; someone born 29 February comes of age on 1 March (as age_on
    counts it)."""
    try:
        return birth.replace(year=birth.year + AGE_OF_MAJORITY)
    except ValueError:
        return date(birth.year + AGE_OF_MAJORITY, 3, 1)


def is_minor(birth: date, on: date) -> bool:
    return age_on(birth, on) < AGE_OF_MAJORITY


def custody_applies(birth: date, on: date) -> bool:
    """Custody holders are part of the case on ``on``: the young person is a minor."""
    return is_minor(birth, on)


def in_kui_age(birth: date, on: date) -> bool:
    """15-17 on ``on``: the KUI duties towards the custody holder apply."""
    return KUI_MIN_AGE <= age_on(birth, on) < AGE_OF_MAJORITY


@dataclass(frozen=True, slots=True)
class HolderInput:
    """What the caseworker typed for one custody holder."""

    name: str
    relation: Relation
    valid_from: date | None
    phone: str = ""
    email: str = ""
    address: str = ""
    takes_part: bool = True
    valid_to: date | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """A holder's period; ``valid_to`` None is open."""

    valid_from: date
    valid_to: date | None
    takes_part: bool = True


def counts_on(period: Period, birth: date, on: date) -> bool:
    """The holder has custody on ``on``: inside the period and the young person a minor."""
    if not custody_applies(birth, on):
        return False
    return period.valid_from <= on and (period.valid_to is None or on <= period.valid_to)


def signers[T](
    holders: Iterable[T], period: Callable[[T], Period], birth: date, on: date
) -> list[T]:
    """The holders who sign the plan on ``on``: custody then and taking part in the plan."""
    return [h for h in holders if period(h).takes_part and counts_on(period(h), birth, on)]


def clean(text: str) -> str:
    return " ".join(text.split())


def validate(data: HolderInput, birth: date, today: date) -> dict[str, str]:
    """Errors by field (Danish); empty when the holder can be saved."""
    errors: dict[str, str] = {}
    name = clean(data.name)
    if not name:
        errors["name"] = "Skriv navnet på forældremyndighedens indehaver."
    elif len(name) > MAX_NAME:
        errors["name"] = f"Navnet må højst være {MAX_NAME} tegn."
    elif any(ch.isdigit() for ch in name):
        errors["name"] = "Et navn kan ikke indeholde tal."
    phone = data.phone.strip()
    if phone and not _PHONE_RE.match(phone):
        errors["phone"] = (
            "Telefonnummeret må kun have cifre, mellemrum og + forrest, fx 20 30 40 50."
        )
    email = data.email.strip()
    if email and (not _EMAIL_RE.match(email) or len(email) > 254):
        errors["email"] = "E-mailadressen ser forkert ud. Den skal ligne navn@eksempel.dk."
    if len(clean(data.address)) > MAX_ADDRESS:
        errors["address"] = f"Adressen må højst være {MAX_ADDRESS} tegn."
    if data.valid_from is None:
        errors["valid_from"] = "Skriv fra hvilken dato personen har forældremyndigheden."
    elif data.valid_from > today:
        errors["valid_from"] = "Datoen kan ikke ligge i fremtiden."
    elif data.valid_from >= adult_on(birth):
        errors["valid_from"] = (
            "Den unge var fyldt 18 år på den dato; ingen har da forældremyndigheden."
        )
    if (
        data.valid_to is not None
        and data.valid_from is not None
        and data.valid_to < data.valid_from
    ):
        errors["valid_to"] = "Slutdatoen ligger før startdatoen."
    return errors
