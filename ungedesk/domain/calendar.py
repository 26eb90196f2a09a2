"""Danish date arithmetic for legal deadlines (DOMAIN.md, "Deadlines").

The start day is not counted. Calendar days, weeks and months are counted as such (a month
from 31 January is 28/29 February). Working days skip weekends, public holidays (from the
``holidays`` package: no Store bededag from 2024) and the authority's closing days
(grundlovsdag, 24 and 31 December). A deadline in calendar days, weeks or months is never
moved: when it falls on a closed day, it is shown as it is and flagged.

Which of the three closing days the municipality keeps closed is a local choice: a
``ClosingCalendar`` says which, and every function takes one (the default keeps all three
closed, as before). Public holidays and weekends are always closed.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

CLOSING_DAYS: dict[tuple[int, int], str] = {
    (6, 5): "Grundlovsdag",
    (12, 24): "Juleaftensdag",
    (12, 31): "Nytårsaftensdag",
}


class ClosingDay(StrEnum):
    """A day that is no public holiday but that many municipalities keep closed."""

    GRUNDLOVSDAG = "grundlovsdag"
    JULEAFTEN = "juleaftensdag"
    NYTAARSAFTEN = "nytaarsaftensdag"

    @property
    def month_day(self) -> tuple[int, int]:
        return _CLOSING_DATES[self]

    @property
    def label(self) -> str:
        return CLOSING_DAYS[self.month_day]


_CLOSING_DATES: dict[ClosingDay, tuple[int, int]] = {
    ClosingDay.GRUNDLOVSDAG: (6, 5),
    ClosingDay.JULEAFTEN: (12, 24),
    ClosingDay.NYTAARSAFTEN: (12, 31),
}


@dataclass(frozen=True, slots=True)
class ClosingCalendar:
    """The municipality's closing days beyond weekends and public holidays (a local choice)."""

    closed: frozenset[ClosingDay] = frozenset(ClosingDay)

    def closing_day(self, day: date) -> str | None:
        for chosen in self.closed:
            if chosen.month_day == (day.month, day.day):
                return chosen.label
        return None


DEFAULT_CALENDAR = ClosingCalendar()


@dataclass(frozen=True, slots=True)
class ClosedDay:
    """A day a working-day count skipped: ``closing`` marks a local closing day (not law)."""

    day: date
    reason: str
    closing: bool = False


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
    # Imported when first needed: the package loads every country's calendars.
    import holidays

    return dict(holidays.country_holidays("DK", years=year, language="da").items())


def closed_reason(day: date, calendar: ClosingCalendar = DEFAULT_CALENDAR) -> str | None:
    """Why the authority is closed on ``day`` (Danish), or None on a working day."""
    if day.weekday() == 5:
        return "lørdag"  # lower case: it stands mid-sentence ("falder på lørdag")
    if day.weekday() == 6:
        return "søndag"
    public = _public_holidays(day.year).get(day)
    if public:
        return public
    return calendar.closing_day(day)


def is_working_day(day: date, calendar: ClosingCalendar = DEFAULT_CALENDAR) -> bool:
    return closed_reason(day, calendar) is None


def add_working_days(start: date, count: int, calendar: ClosingCalendar = DEFAULT_CALENDAR) -> date:
    """The ``count``-th working day after ``start`` (start itself not counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day, calendar):
            remaining -= 1
    return day


def skipped_days(
    start: date, due: date, calendar: ClosingCalendar = DEFAULT_CALENDAR
) -> tuple[ClosedDay, ...]:
    """The weekdays after ``start`` up to ``due`` that a working-day count skipped (public
    holidays and local closing days; weekends go without saying), to explain a due date."""
    out: list[ClosedDay] = []
    day = start
    while day < due:
        day += timedelta(days=1)
        if day.weekday() >= 5:
            continue
        public = _public_holidays(day.year).get(day)
        if public:
            out.append(ClosedDay(day, public))
            continue
        local = calendar.closing_day(day)
        if local:
            out.append(ClosedDay(day, local, closing=True))
    return tuple(out)


def add_months(start: date, months: int) -> date:
    year, month0 = divmod(start.year * 12 + start.month - 1 + months, 12)
    month = month0 + 1
    return date(year, month, min(start.day, _cal.monthrange(year, month)[1]))


def add_period(start: date, period: Period, calendar: ClosingCalendar = DEFAULT_CALENDAR) -> date:
    match period.unit:
        case Unit.DAYS:
            return start + timedelta(days=period.amount)
        case Unit.WEEKS:
            return start + timedelta(weeks=period.amount)
        case Unit.MONTHS:
            return add_months(start, period.amount)
        case Unit.WORKING_DAYS:
            return add_working_days(start, period.amount, calendar)
