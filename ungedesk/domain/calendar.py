"""Danish date arithmetic for legal deadlines (DOMAIN.md, "Deadlines").

The start day is not counted. Calendar days, weeks and months are counted as such (a month
from 31 January is 28/29 February). Working days skip weekends, public holidays (from the
``holidays`` package: no Store bededag from 2024) and the authority's closing days
(grundlovsdag, 24 and 31 December). A deadline in calendar days, weeks or months is never
moved: when it falls on a closed day, it is shown as it is and flagged.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

import holidays

CLOSING_DAYS: dict[tuple[int, int], str] = {
    (6, 5): "Grundlovsdag",
    (12, 24): "Juleaftensdag",
    (12, 31): "Nytårsaftensdag",
}


class Unit(StrEnum):
    DAYS = "days"
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"
    MONTHS = "months"


UNIT_LABELS: dict[Unit, tuple[str, str]] = {  # singular, plural
    Unit.DAYS: ("dag", "dage"),
    Unit.WORKING_DAYS: ("arbejdsdag", "arbejdsdage"),
    Unit.WEEKS: ("uge", "uger"),
    Unit.MONTHS: ("måned", "måneder"),
}


@dataclass(frozen=True, slots=True)
class Period:
    amount: int
    unit: Unit

    def __post_init__(self) -> None:
        if self.amount < 0:
            raise ValueError("a period cannot be negative")

    @property
    def label(self) -> str:
        one, many = UNIT_LABELS[self.unit]
        return f"{self.amount} {one if self.amount == 1 else many}"


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("DK", years=year, language="da").items())


def closed_reason(day: date) -> str | None:
    """Why the authority is closed on ``day`` (Danish), or None on a working day."""
    if day.weekday() == 5:
        return "Lørdag"
    if day.weekday() == 6:
        return "Søndag"
    public = _public_holidays(day.year).get(day)
    if public:
        return public
    return CLOSING_DAYS.get((day.month, day.day))


def is_working_day(day: date) -> bool:
    return closed_reason(day) is None


def add_working_days(start: date, count: int) -> date:
    """The ``count``-th working day after ``start`` (start itself not counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def add_months(start: date, months: int) -> date:
    year, month0 = divmod(start.year * 12 + start.month - 1 + months, 12)
    month = month0 + 1
    return date(year, month, min(start.day, _cal.monthrange(year, month)[1]))


def add_period(start: date, period: Period) -> date:
    match period.unit:
        case Unit.DAYS:
            return start + timedelta(days=period.amount)
        case Unit.WEEKS:
            return start + timedelta(weeks=period.amount)
        case Unit.MONTHS:
            return add_months(start, period.amount)
        case Unit.WORKING_DAYS:
            return add_working_days(start, period.amount)
