"""The coordination group's monthly review of 15-17-year-olds outside education (pure rules).

Seed 001 describes the meeting: misplaced young people are taken off the list (out of the
count), each young person gets an action owner (handleansvar), those on the list two months
running are repeaters, those nobody reaches are grouped, and the group may recommend a
sanction on the parents' youth allowance (ungeydelse/børne- og ungeydelse). This module holds
the words and the counting; the store and the screen hold nothing of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class ContactStatus(StrEnum):
    NOT_TRIED = ""
    TRIED = "tried"
    REACHED = "reached"
    UNREACHABLE = "unreachable"


CONTACT_LABELS: dict[ContactStatus, str] = {
    ContactStatus.NOT_TRIED: "Ikke forsøgt",
    ContactStatus.TRIED: "Forsøgt, ikke nået endnu",
    ContactStatus.REACHED: "Nået",
    ContactStatus.UNREACHABLE: "Kan ikke nås",
}


class ContactWay(StrEnum):
    PHONE = "phone"
    SMS = "sms"
    LETTER = "letter"
    DIGITAL_POST = "digital_post"
    EMAIL = "email"
    HOME_VISIT = "home_visit"
    SCHOOL = "school"
    PARENTS = "parents"


CONTACT_WAY_LABELS: dict[ContactWay, str] = {
    ContactWay.PHONE: "Telefon",
    ContactWay.SMS: "Sms",
    ContactWay.LETTER: "Brev",
    ContactWay.DIGITAL_POST: "Digital Post",
    ContactWay.EMAIL: "E-mail",
    ContactWay.HOME_VISIT: "Hjemmebesøg",
    ContactWay.SCHOOL: "Via skolen",
    ContactWay.PARENTS: "Via forældrene",
}


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def previous_month(month: date) -> date:
    return date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)


def months_in_a_row(month: date, listed: Iterable[date]) -> int:
    """How many months in a row, ending with ``month``, the young person has been on the
    list (1: only this month). ``listed``: the first days of the months they were on it."""
    on = set(listed)
    count = 0
    while month in on:
        count += 1
        month = previous_month(month)
    return count


def is_repeater(streak: int) -> bool:
    """On the list this month and the one before: a repeater (seed 001)."""
    return streak >= 2


@dataclass(frozen=True, slots=True)
class EntryFacts:
    """What the month's count needs of one young person on its list."""

    misplaced: bool
    streak: int
    contact: ContactStatus
    back_in_education: bool


@dataclass(frozen=True, slots=True)
class MonthFigures:
    """One month's figures; the misplaced are out of every other count."""

    month: date
    on_list: int
    misplaced: int
    repeaters: int
    unreachable: int
    reached: int
    back_in_education: int


def month_figures(month: date, entries: Sequence[EntryFacts]) -> MonthFigures:
    counted = [e for e in entries if not e.misplaced]
    return MonthFigures(
        month=month,
        on_list=len(counted),
        misplaced=len(entries) - len(counted),
        repeaters=sum(1 for e in counted if is_repeater(e.streak)),
        unreachable=sum(1 for e in counted if e.contact is ContactStatus.UNREACHABLE),
        reached=sum(1 for e in counted if e.contact is ContactStatus.REACHED),
        back_in_education=sum(1 for e in counted if e.back_in_education),
    )
