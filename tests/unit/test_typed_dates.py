"""How typed dates are read: every accepted spelling, and what is refused with a message."""

from __future__ import annotations

from datetime import date

import pytest

from ungedesk.domain.typed_dates import TypedDateError, parse_typed_date


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15022026", date(2026, 2, 15)),
        ("15-02-2026", date(2026, 2, 15)),
        ("15.2.2026", date(2026, 2, 15)),
        ("15/2/2026", date(2026, 2, 15)),
        ("15.02.26", date(2026, 2, 15)),
        ("150226", date(2026, 2, 15)),
        (" 15 . 2 . 2026 ", date(2026, 2, 15)),
        ("15 2 2026", date(2026, 2, 15)),
        ("15. 2. 2026", date(2026, 2, 15)),
        ("15-2/2026", date(2026, 2, 15)),
        ("1.1.2026", date(2026, 1, 1)),
        ("1.1.26", date(2026, 1, 1)),
        ("01012000", date(2000, 1, 1)),
        ("2026-02-15", date(2026, 2, 15)),
        # leap days: 2028 is a leap year, 2000 too (divisible by 400)
        ("29022028", date(2028, 2, 29)),
        ("29.2.2000", date(2000, 2, 29)),
        ("29.02.24", date(2024, 2, 29)),
        # two-digit years: below 70 this century, from 70 the last
        ("31.12.69", date(2069, 12, 31)),
        ("1.1.70", date(1970, 1, 1)),
        ("010199", date(1999, 1, 1)),
        ("010100", date(2000, 1, 1)),
        # fullwidth digits, as some input methods type them
        ("１５０２２０２６", date(2026, 2, 15)),
    ],
)
def test_accepted_spellings(typed: str, expected: date) -> None:
    assert parse_typed_date(typed) == expected


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("3102", "årstal"),  # day and month only: never 30 October or any other guess
        ("1.1.", "årstal"),
        ("1.1", "årstal"),
        ("152", "årstal"),
        ("31022026", "findes ikke"),  # 31 February
        ("29022026", "findes ikke"),  # 2026 is no leap year
        ("29.2.1900", "findes ikke"),  # 1900 was no leap year (divisible by 100, not 400)
        ("31.4.2026", "findes ikke"),  # April has 30 days
        ("00012026", "findes ikke"),
        ("15132026", "Måneden"),
        ("15.0.2026", "Måneden"),
        ("15.2.202", "Årstallet"),
        ("1502202", "8 cifre"),
        ("", "Skriv en dato"),
        ("   ", "Skriv en dato"),
        ("15.feb.2026", "kun have tal"),
        ("i morgen", "kun have tal"),
        ("1.2.3.4", "dag, måned og år"),
    ],
)
def test_refused_with_a_message(typed: str, says: str) -> None:
    with pytest.raises(TypedDateError) as caught:
        parse_typed_date(typed)
    assert says in caught.value.message
    assert "fx 15.2.2026" in caught.value.message or "findes ikke" in caught.value.message


def test_a_date_outside_the_range_is_refused_with_the_limit() -> None:
    with pytest.raises(TypedDateError) as after:
        parse_typed_date("2.12.2026", latest=date(2026, 12, 1))
    assert after.value.message == "Datoen kan ikke ligge efter 1.12.2026."
    with pytest.raises(TypedDateError) as before:
        parse_typed_date("31.12.1999", earliest=date(2000, 1, 1))
    assert before.value.message == "Datoen kan ikke ligge før 1.1.2000."
    assert parse_typed_date("1.12.2026", latest=date(2026, 12, 1)) == date(2026, 12, 1)
