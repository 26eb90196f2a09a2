"""Dates as a caseworker types them: "15022026", "15-02-2026", "15.2.2026", "15/2/26".

The date fields of the forms read what is typed through ``parse_typed_date``. It never
guesses: a date without its year ("3102", "1.1.") or an impossible one ("31022026") is
refused with a Danish message saying what is expected, instead of becoming some other day.
"""

from __future__ import annotations

import re
from datetime import date

from ungedesk.domain.errors import InputError

EXAMPLE = "fx 15.2.2026 eller 15022026"

# Two-digit years are this century's up to the pivot, the last century's from it: the
# dates typed in the app (first contacts, conversations, decisions) lie in the 2000s.
TWO_DIGIT_PIVOT = 70

_SEPARATORS = re.compile(r"[.\-/\s]+")


class TypedDateError(InputError):
    """What was typed in a date field is not a whole, real date."""

    def __init__(self, message: str, field: str = "date") -> None:
        super().__init__({field: message})
        self.message = message


def _year(text: str) -> int:
    if len(text) == 2:
        short = int(text)
        return 2000 + short if short < TWO_DIGIT_PIVOT else 1900 + short
    if len(text) == 4:
        return int(text)
    raise TypedDateError(f"Årstallet skal have 2 eller 4 cifre ({EXAMPLE}).")


def _build(day: int, month: int, year: int) -> date:
    if not 1 <= month <= 12:
        raise TypedDateError(f"Måneden skal være 1-12 ({EXAMPLE}).")
    try:
        return date(year, month, day)
    except ValueError:
        raise TypedDateError(
            f"Den {day}.{month}.{year} findes ikke. Skriv en dato, der findes ({EXAMPLE})."
        ) from None


def _missing_year() -> TypedDateError:
    return TypedDateError(f"Skriv hele datoen med årstal ({EXAMPLE}).")


def _written(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def parse_typed_date(
    text: str, *, earliest: date | None = None, latest: date | None = None
) -> date:
    """The date in ``text`` (day first, Danish order), or ``TypedDateError``.

    Accepted: 8 digits (ddmmåååå), 6 digits (ddmmåå), day, month and year separated by
    dots, dashes, slashes or spaces in any mix ("15.2.2026", "15 - 02 - 26", "1.1.2026"),
    and ISO dates (2026-02-15). Digits other than ASCII (e.g. fullwidth) count as digits.
    A date outside ``earliest``..``latest`` (the field's range) is refused too.
    """
    day = _parse(text)
    if latest is not None and day > latest:
        raise TypedDateError(f"Datoen kan ikke ligge efter {_written(latest)}.")
    if earliest is not None and day < earliest:
        raise TypedDateError(f"Datoen kan ikke ligge før {_written(earliest)}.")
    return day


def _parse(text: str) -> date:
    cleaned = "".join(str(int(c)) if c.isdigit() else c for c in text).strip()
    if not cleaned:
        raise TypedDateError(f"Skriv en dato ({EXAMPLE}).")
    if cleaned.isdigit():
        if len(cleaned) == 8:
            return _build(int(cleaned[:2]), int(cleaned[2:4]), int(cleaned[4:]))
        if len(cleaned) == 6:
            return _build(int(cleaned[:2]), int(cleaned[2:4]), _year(cleaned[4:]))
        if len(cleaned) in (3, 4):
            raise _missing_year()
        raise TypedDateError(
            f"Skriv datoen som dag, måned og år: 8 cifre eller med punktum ({EXAMPLE})."
        )
    parts = [p for p in _SEPARATORS.split(cleaned) if p]
    if not all(p.isdigit() for p in parts):
        raise TypedDateError(f"En dato kan kun have tal og skilletegn ({EXAMPLE}).")
    if len(parts) == 3 and len(parts[0]) == 4:
        year, month, day = (int(p) for p in parts)  # ISO: 2026-02-15
        return _build(day, month, year)
    if len(parts) == 2 or (len(parts) == 1 and len(parts[0]) <= 4):
        raise _missing_year()
    if len(parts) != 3 or len(parts[0]) > 2 or len(parts[1]) > 2:
        raise TypedDateError(f"Skriv datoen som dag, måned og år ({EXAMPLE}).")
    return _build(int(parts[0]), int(parts[1]), _year(parts[2]))
