"""Danish CPR numbers: parsing, century rule, modulus-11 check, masking.

A failed modulus-11 check is a warning, never a rejection: numbers without it have been
issued since 2007 (DOMAIN.md, "CPR numbers").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# ASCII only: Python's \d (and str.isdigit, int) also accept every other script's digits,
# which let "０１０１０５-４１２３" become a second person beside "010105-4123".
_CPR_RE = re.compile(r"^([0-9]{6})[-\s]?([0-9]{4})$", re.ASCII)
# Dashes a keyboard, a word processor or a copied document put between the date and the
# serial number; NFKC already turns the fullwidth and small hyphen-minus into "-".
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


class LegalSex(StrEnum):
    FEMALE = "F"
    MALE = "M"


class CprError(ValueError):
    """The text is not a usable CPR number. ``message`` is Danish, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def century_for(year_2d: int, digit7: int) -> int:
    """The full birth year from the two-digit year and the seventh digit."""
    if not 0 <= year_2d <= 99 or not 0 <= digit7 <= 9:
        raise ValueError("year_2d must be 0-99 and digit7 0-9")
    if digit7 <= 3:
        return 1900 + year_2d
    if digit7 in (4, 9):
        return 2000 + year_2d if year_2d <= 36 else 1900 + year_2d
    # 5-8
    return 2000 + year_2d if year_2d <= 57 else 1800 + year_2d


def modulus11_ok(digits: str) -> bool:
    """True when the ten digits pass the classic weighted modulus-11 check."""
    return sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11 == 0


@dataclass(frozen=True, slots=True)
class Cpr:
    """A syntactically valid CPR number whose date exists. ``digits`` has no dash."""

    digits: str
    birth_date: date
    modulus11_valid: bool

    @property
    def formatted(self) -> str:
        return f"{self.digits[:6]}-{self.digits[6:]}"

    @property
    def masked(self) -> str:
        return mask(self.digits)

    @property
    def legal_sex(self) -> LegalSex:
        return LegalSex.MALE if int(self.digits[9]) % 2 else LegalSex.FEMALE

    def age_on(self, day: date) -> int:
        return age_on(self.birth_date, day)

    @property
    def warning(self) -> str | None:
        """A Danish warning to show beside the field, or None."""
        if self.modulus11_valid:
            return None
        return (
            "CPR-nummeret består ikke modulus 11-kontrollen. Det kan være korrekt "
            "(numre uden kontrolciffer udstedes siden 2007), men tjek det en ekstra gang."
        )


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of any script as its ASCII digit.

    NFKC first (fullwidth digits, hyphen and spaces become ASCII; a superscript ² becomes
    2), then each remaining Unicode decimal digit (Arabic-Indic ٣, Devanagari ३ ...) is
    replaced by its value, and the common dashes by "-". Other characters are kept.
    """
    if text.isascii():
        return text
    folded = unicodedata.normalize("NFKC", text).translate(_DASHES)
    return "".join(
        ch if ch.isascii() else str(d) if (d := unicodedata.decimal(ch, None)) is not None else ch
        for ch in folded
    )


def parse(text: str) -> Cpr:
    """Parse ``DDMMYY-SSSS`` or ``DDMMYYSSSS``; raise CprError with a Danish message.

    Digits of any script are read as their ASCII value, so ``digits`` is always ten ASCII
    digits: the one form a CPR number is stored and looked up in.
    """
    if not text or not text.strip():
        raise CprError("Skriv CPR-nummeret.")
    match = _CPR_RE.match(ascii_digits(text).strip())
    if match is None:
        raise CprError("CPR-nummeret skal have 10 cifre, fx 010203-1234.")
    digits = match.group(1) + match.group(2)
    day, month, yy = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    year = century_for(yy, int(digits[6]))
    if not 1 <= month <= 12:
        raise CprError(
            "CPR-nummeret har en måned, der ikke findes (de to midterste cifre i datoen)."
        )
    try:
        birth = date(year, month, day)
    except ValueError:
        raise CprError(
            f"CPR-nummeret har en dato, der ikke findes: dag {day} i måned {month} år {year}."
        ) from None
    return Cpr(digits=digits, birth_date=birth, modulus11_valid=modulus11_ok(digits))


def normalise_query(text: str) -> str:
    """ASCII digits only, for matching CPR numbers typed with or without a dash."""
    return "".join(ch for ch in ascii_digits(text) if "0" <= ch <= "9")


def mask(digits: str) -> str:
    """DDMMYY-xxxx: the date part only. Accepts digits with or without a dash."""
    only = normalise_query(digits)
    return f"{only[:6]}-xxxx"


def age_on(birth: date, day: date) -> int:
    """Completed years on ``day``. Someone born 29 February turns a year older on 1 March
    in non-leap years, as Danish practice counts it."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years
