from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ungedesk.domain.calendar import (
    Period,
    Unit,
    add_months,
    add_period,
    add_working_days,
    closed_reason,
    is_working_day,
)


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (date(2026, 11, 28), "lørdag"),
        (date(2026, 11, 29), "søndag"),
        (date(2026, 4, 3), "Langfredag"),
        (date(2026, 4, 6), "Anden påskedag"),
        (date(2026, 5, 14), "Kristi himmelfartsdag"),
        (date(2026, 6, 5), "Grundlovsdag"),
        (date(2026, 12, 24), "Juleaftensdag"),
        (date(2026, 12, 31), "Nytårsaftensdag"),
        (date(2027, 1, 1), "Nytårsdag"),
        (date(2023, 5, 5), "Store bededag"),  # still a holiday in 2023
        (date(2024, 4, 26), None),  # and no longer from 2024
        (date(2026, 11, 24), None),
    ],
)
def test_closed_days(day: date, reason: str | None) -> None:
    assert closed_reason(day) == reason


@pytest.mark.parametrize(
    ("start", "period", "due"),
    [
        (date(2026, 1, 31), Period(1, Unit.MONTHS), date(2026, 2, 28)),  # month end clamps
        (date(2024, 1, 31), Period(1, Unit.MONTHS), date(2024, 2, 29)),  # leap year
        (date(2026, 8, 31), Period(6, Unit.MONTHS), date(2027, 2, 28)),
        (date(2026, 3, 15), Period(6, Unit.MONTHS), date(2026, 9, 15)),
        (date(2026, 12, 20), Period(1, Unit.WEEKS), date(2026, 12, 27)),  # not moved
        (date(2026, 11, 24), Period(0, Unit.DAYS), date(2026, 11, 24)),
        (date(2026, 11, 24), Period(30, Unit.DAYS), date(2026, 12, 24)),
        # Easter 2026: Thursday 2 April to Monday 6 April are closed.
        (date(2026, 4, 1), Period(1, Unit.WORKING_DAYS), date(2026, 4, 7)),
        (date(2026, 3, 30), Period(5, Unit.WORKING_DAYS), date(2026, 4, 9)),
        # Christmas: 24, 25, 26 and 31 December and 1 January are closed.
        (date(2026, 12, 22), Period(5, Unit.WORKING_DAYS), date(2027, 1, 4)),
        (date(2026, 6, 4), Period(1, Unit.WORKING_DAYS), date(2026, 6, 8)),  # grundlovsdag
        (date(2026, 11, 27), Period(1, Unit.WORKING_DAYS), date(2026, 11, 30)),  # weekend
    ],
)
def test_add_period(start: date, period: Period, due: date) -> None:
    assert add_period(start, period) == due


def test_period_label_and_validation() -> None:
    assert Period(1, Unit.WEEKS).label == "1 uge"
    assert Period(5, Unit.WORKING_DAYS).label == "5 arbejdsdage"
    with pytest.raises(ValueError):
        Period(-1, Unit.DAYS)


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@given(days, st.integers(0, 400), st.sampled_from(list(Unit)))
def test_due_is_never_before_start(start: date, amount: int, unit: Unit) -> None:
    assert add_period(start, Period(amount, unit)) >= start


@given(days, st.integers(1, 60))
def test_working_days_land_on_working_days(start: date, n: int) -> None:
    due = add_working_days(start, n)
    assert is_working_day(due)
    counted = sum(is_working_day(start + timedelta(d)) for d in range(1, (due - start).days + 1))
    assert counted == n


@given(days, st.integers(0, 120))
def test_months_keep_the_day_or_clamp(start: date, n: int) -> None:
    due = add_months(start, n)
    assert (due.year * 12 + due.month) - (start.year * 12 + start.month) == n
    assert due.day == start.day or due.day < start.day
