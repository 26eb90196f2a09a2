"""Searching the young-person register in memory: one field, name, CPR or case number.

At 100,000 young people a keystroke must filter in well under 50 ms. The register is small
enough to hold as plain tuples, so the index precomputes one folded text per person and
narrows the previous result when the query only grew (the common case while typing).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from ungedesk.domain.cpr import ascii_digits


@dataclass(frozen=True, slots=True)
class YouthRow:
    """One line of the register list. ``cpr`` is the ten digits; show it masked."""

    id: int
    case_number: str
    cpr: str
    first_name: str
    last_name: str
    birth_date: date
    henvendelse_date: date
    caseworker: str
    status: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@lru_cache(maxsize=65_536)  # names repeat a lot; folding is the cost of building the index
def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Şükrü' and 'sukru' match; æ and ø stay letters."""
    folded = text.casefold()
    if folded.isascii():  # most names: skip the (slow) Unicode decomposition
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Danish alphabetical order puts æ, ø, å after z; accents elsewhere sort as their base letter.
_DANISH_LAST = str.maketrans({"æ": "z\u0001", "ø": "z\u0002", "å": "z\u0003"})


@lru_cache(maxsize=65_536)
def danish_sort_key(text: str) -> str:
    return fold(text.casefold().translate(_DANISH_LAST))


def _haystack(row: YouthRow) -> str:
    return f"{fold(row.first_name)} {fold(row.last_name)}\x00{row.case_number.lower()}"


@dataclass(frozen=True, slots=True)
class Query:
    text_tokens: tuple[str, ...]
    digits: str

    @classmethod
    def parse(cls, raw: str) -> Query:
        stripped = raw.strip()
        # A query of digits with an optional dash or spaces is a CPR or case number search.
        # Digits of any script (fullwidth, Arabic-Indic) count as their ASCII digit: the
        # register holds ASCII only.
        compact = ascii_digits(stripped).replace("-", "").replace(" ", "")
        if compact.isascii() and compact.isdigit():
            return cls((), compact)
        return cls(tuple(fold(t) for t in stripped.split()), "")

    @property
    def empty(self) -> bool:
        return not self.text_tokens and not self.digits

    def narrows(self, previous: Query) -> bool:
        """True when every row matching self also matched ``previous``."""
        if previous.empty:
            return True
        if self.digits or previous.digits:
            return bool(self.digits and previous.digits and previous.digits in self.digits)
        return all(any(p in t for t in self.text_tokens) for p in previous.text_tokens)


SORT_KEYS: dict[str, Callable[[YouthRow], Any]] = {
    "name": lambda r: (danish_sort_key(r.last_name), danish_sort_key(r.first_name)),
    "first_name": lambda r: danish_sort_key(r.first_name),
    "cpr": lambda r: r.birth_date.toordinal() * 10_000 + int(r.cpr[6:]),
    "case_number": lambda r: r.case_number,
    "age": lambda r: r.birth_date.toordinal(),
    "henvendelse_date": lambda r: r.henvendelse_date.toordinal(),
    "caseworker": lambda r: r.caseworker.casefold(),
    "status": lambda r: r.status,
}


class RegisterIndex:
    """The register in memory, filtered and sorted. Not thread-safe: one owner.

    The haystacks are laid out in the current sort order and matches are kept as positions
    in that order, so every scan reads memory front to back: 100,000 people in ~5-10 ms.
    """

    def __init__(self, rows: Sequence[YouthRow]) -> None:
        self._rows: list[YouthRow] = list(rows)
        self._hay: list[str] = [_haystack(r) for r in self._rows]
        self._digits: list[str] = [_digit_haystack(r) for r in self._rows]
        self._orders: dict[tuple[str, bool], list[int]] = {}
        self._sort: tuple[str, bool] = ("name", False)
        self._query = Query((), "")
        self._layout()
        self._matched: list[int] = list(range(len(self._rows)))

    def __len__(self) -> int:
        return len(self._matched)

    @property
    def total(self) -> int:
        return len(self._rows)

    def row(self, position: int) -> YouthRow:
        return self._rows[self._order_now[self._matched[position]]]

    def position_of(self, youth_id: int) -> int | None:
        for pos, p in enumerate(self._matched):
            if self._rows[self._order_now[p]].id == youth_id:
                return pos
        return None

    def _layout(self) -> None:
        column, descending = self._sort
        if self._sort not in self._orders:
            getter = SORT_KEYS[column]
            self._orders[self._sort] = sorted(
                range(len(self._rows)), key=lambda i: getter(self._rows[i]), reverse=descending
            )
        self._order_now = self._orders[self._sort]
        self._hay_now = [self._hay[i] for i in self._order_now]
        self._digits_now = [self._digits[i] for i in self._order_now]

    def _matches(self, query: Query, candidates: list[int] | None) -> list[int]:
        """Positions in the current order that match; ``candidates`` None means all."""
        if query.empty:
            return list(range(len(self._rows))) if candidates is None else candidates
        hay = self._digits_now if query.digits else self._hay_now
        tokens = (query.digits,) if query.digits else query.text_tokens
        first, rest = tokens[0], tokens[1:]
        if candidates is None:
            found = [p for p, h in enumerate(hay) if first in h]
        else:
            found = [p for p in candidates if first in hay[p]]
        for t in rest:
            found = [p for p in found if t in hay[p]]
        return found

    def search(self, raw: str) -> int:
        """Filter by ``raw``; returns the number of matches."""
        query = Query.parse(raw)
        base = self._matched if query.narrows(self._query) else None
        self._matched = self._matches(query, base)
        self._query = query
        return len(self._matched)

    def sort(self, column: str, descending: bool = False) -> None:
        if column not in SORT_KEYS:
            raise ValueError(f"unknown sort column {column!r}")
        self._sort = (column, descending)
        self._layout()
        self._matched = self._matches(self._query, None)

    def add(self, row: YouthRow) -> None:
        """Add or replace one row (after registering or editing) without a reload."""
        for i, existing in enumerate(self._rows):
            if existing.id == row.id:
                self._rows[i] = row
                self._hay[i] = _haystack(row)
                self._digits[i] = _digit_haystack(row)
                break
        else:
            self._rows.append(row)
            self._hay.append(_haystack(row))
            self._digits.append(_digit_haystack(row))
        self._orders.clear()
        self._layout()
        self._matched = self._matches(self._query, None)


def _digit_haystack(row: YouthRow) -> str:
    return row.cpr + "\x00" + _case_digits(row.case_number)


def _case_digits(case_number: str) -> str:
    return "".join(ch for ch in case_number if ch.isdigit())
