"""Searching the young-person register in memory: one field, name, CPR or case number.

At 100,000 young people a keystroke must filter in well under 50 ms. The register is small
enough to hold as plain tuples, so the index precomputes one folded text per person and
narrows the previous result when the query only grew (the common case while typing).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import batched
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


def _strip_accents(text: str) -> str:
    """Accents off: é → e, ü → u, ñ → n, ş → s (NFKD, then the combining marks dropped)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# The Danish letters are the only hand-written table; NFKD does every other accent. How a
# caseworker may spell them: å and aa are one letter (both ways: "Aagaard" finds "Ågård" and
# "Åberg" finds "Aaberg"); a name with æ, ø or å is also found by its long spelling
# ("Aeroe", "Soeren", "Aaberg") and by the bare letter of a keyboard without them ("Aero",
# "Soren", "Aberg"). A query keeps æ and ø, so "Søren" finds only ø; "å" is "aa".
_NATIVE = str.maketrans({"å": "aa"})
_LONG = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_SHORT = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})


@lru_cache(maxsize=65_536)  # names repeat a lot; folding is the cost of building the index
def fold(text: str) -> str:
    """A query's form: case and accents off ('Şükrü' → 'sukru'), å as aa, æ and ø kept."""
    folded = text.casefold()
    if folded.isascii():  # most names: skip the (slow) Unicode normalisation
        return folded
    # NFC first: a name typed on a Mac may hold "a" + combining ring instead of "å".
    return _strip_accents(unicodedata.normalize("NFC", folded).translate(_NATIVE))


@lru_cache(maxsize=65_536)
def name_forms(text: str) -> tuple[str, ...]:
    """Every folded spelling ``text`` is found by: as written (å as aa), with the Danish
    letters spelled long (ae, oe, aa) and short (ae, o, a). One form for a name without
    æ, ø or å."""
    folded = text.casefold()
    if folded.isascii():
        return (folded,)
    composed = unicodedata.normalize("NFC", folded)
    forms = dict.fromkeys(_strip_accents(composed.translate(t)) for t in (_NATIVE, _LONG, _SHORT))
    return tuple(forms)


# Danish alphabetical order puts æ, ø, å after z; accents elsewhere sort as their base letter.
# "{", "|", "}" are the three characters right after "z": "Ærø" sorts after "Zink" (the
# former "z" + control character put it before "Zink"). An "aa" that begins a word is the
# old spelling of å and sorts as å: Aagaard after Zobel, beside Åberg (Danish dictionary
# and telephone-book order); inside a word ("Isaac") it stays two a's.
_DANISH_LAST = str.maketrans({"æ": "{", "ø": "|", "å": "}"})
_INITIAL_AA = re.compile(r"\baa")


@lru_cache(maxsize=65_536)
def danish_sort_key(text: str) -> str:
    folded = text.casefold()
    if folded.isascii() and "aa" not in folded:
        return folded
    composed = _INITIAL_AA.sub("å", unicodedata.normalize("NFC", folded))
    return _strip_accents(composed.translate(_DANISH_LAST))


# The register's derived texts, stored with every young person (store.models keeps them right
# on each write) so the first page and an early search come straight from SQL and the index
# is read ready-made. Change REGISTER_KEYS_VERSION whenever any of the three functions below
# changes: every store recomputes its stored texts once, at the next open.
# 2: the Danish spellings (Soren/Soeren for Søren, aa for å both ways) and "Aa" sorted as Å.
REGISTER_KEYS_VERSION = 2


def name_sort_key(first_name: str, last_name: str) -> str:
    """The register's name order as one text: last name, then first name, Danish order.

    NUL sorts before every character, so comparing these texts (SQLite's BINARY collation
    compares UTF-8 bytes, which orders like Python's code points) gives the same order as
    comparing (last, first) pairs."""
    return danish_sort_key(last_name) + "\x00" + danish_sort_key(first_name)


def name_haystack(first_name: str, last_name: str, case_number: str) -> str:
    """What a text search looks in: every folded spelling of the name (name_forms), then
    the case number. The forms are separated by spaces: a query token holds none, so it
    matches within one form, never across two."""
    forms = " ".join(name_forms(f"{first_name} {last_name}"))
    return f"{forms}\x00{case_number.lower()}"


def digits_haystack(cpr: str, case_number: str) -> str:
    """What a digits search looks in: the ten CPR digits (first, always ten: the index reads
    the CPR back from here) and the case number's digits."""
    return cpr + "\x00" + "".join(ch for ch in case_number if ch.isdigit())


# A CPR number as the app shows it, masked ("181099-xxxx"), copied back into the search:
# its six digits are the birth date, the start of the CPR. One to four x's, so a masked
# number typed by hand finds the person from its first x on.
_MASKED_CPR = re.compile(r"(\d{6})[xX]{1,4}")


@dataclass(frozen=True, slots=True)
class Query:
    text_tokens: tuple[str, ...]
    digits: str
    # True: ``digits`` must begin the CPR number (a masked CPR), not occur anywhere in it.
    birth: bool = False

    @classmethod
    def parse(cls, raw: str) -> Query:
        stripped = raw.strip()
        # A query of digits with an optional dash or spaces is a CPR or case number search.
        # Digits of any script (fullwidth, Arabic-Indic) count as their ASCII digit: the
        # register holds ASCII only.
        compact = ascii_digits(stripped).replace("-", "").replace(" ", "")
        if compact.isascii() and compact.isdigit():
            return cls((), compact)
        masked = _MASKED_CPR.fullmatch(compact)
        if masked is not None and compact.isascii():
            return cls((), masked.group(1), birth=True)
        return cls(tuple(fold(t) for t in stripped.split()), "")

    @property
    def empty(self) -> bool:
        return not self.text_tokens and not self.digits

    def narrows(self, previous: Query) -> bool:
        """True when every row matching self also matched ``previous``."""
        if previous.empty:
            return True
        if self.digits or previous.digits:
            if not (self.digits and previous.digits and previous.digits in self.digits):
                return False
            # A birth-date match is also a match anywhere; not the other way round.
            return not previous.birth or (self.birth and self.digits == previous.digits)
        return all(any(p in t for t in self.text_tokens) for p in previous.text_tokens)


SORT_KEYS: dict[str, Callable[[YouthRow], Any]] = {
    "name": lambda r: name_sort_key(r.first_name, r.last_name),
    "first_name": lambda r: danish_sort_key(r.first_name),
    "cpr": lambda r: r.birth_date.toordinal() * 10_000 + int(r.cpr[6:]),
    "case_number": lambda r: r.case_number,
    "age": lambda r: r.birth_date.toordinal(),
    "henvendelse_date": lambda r: r.henvendelse_date.toordinal(),
    "caseworker": lambda r: r.caseworker.casefold(),
    "status": lambda r: r.status,
}

# One stored row as RegisterIndex.from_stored reads it, already in name order: id, case
# number, first name, last name, birth date and henvendelse date (ISO text, as SQLite keeps
# them), caseworker initials, status, name haystack, digits haystack.
StoredRow = tuple[int, str, str, str, str, str, str, str, str, str]


def stored_row(row: YouthRow) -> StoredRow:
    """``row`` as the store hands it to the index: its columns with dates as ISO text,
    then its stored search texts."""
    return (
        row.id,
        row.case_number,
        row.first_name,
        row.last_name,
        row.birth_date.isoformat(),
        row.henvendelse_date.isoformat(),
        row.caseworker,
        row.status,
        name_haystack(row.first_name, row.last_name, row.case_number),
        digits_haystack(row.cpr, row.case_number),
    )


_BATCH = 4096


class RegisterIndex:
    """The register in memory, filtered and sorted. Not thread-safe: one owner.

    Kept column by column, always in name order (ties by id), which is the order the store
    hands the rows over in: no second sort at load, and strings that repeat (first and last
    names, dates, initials, status) are shared. A row becomes a YouthRow only when asked
    for (one page at a time). Other sort orders are computed when the user first sorts by
    them, over the name order, so ties in any column stay in name order.

    The haystacks are laid out in the current sort order and matches are kept as positions
    in that order, so every scan reads memory front to back: 100,000 people in ~5-10 ms.
    """

    def __init__(self, rows: Iterable[YouthRow] = ()) -> None:
        """An index over ``rows`` in any order (tests, small lists): folds and sorts here."""
        ordered = sorted(rows, key=lambda r: (name_sort_key(r.first_name, r.last_name), r.id))
        self._setup(stored_row(r) for r in ordered)

    @classmethod
    def from_stored(cls, rows: Iterable[StoredRow]) -> RegisterIndex:
        """An index over rows read from the store in name order (ORDER BY the stored name
        sort key, id), with the haystacks as stored: no folding, no sorting here."""
        index = cls.__new__(cls)
        index._setup(rows)
        return index

    def _setup(self, rows: Iterable[StoredRow]) -> None:
        self._ids: array[int] = array("q")
        self._case: list[str] = []
        self._first: list[str] = []
        self._last: list[str] = []
        self._birth: list[str] = []
        self._henv: list[str] = []
        self._cw: list[str] = []
        self._status: list[str] = []
        self._hay: list[str] = []
        self._digits: list[str] = []
        # One object per distinct text: 100,000 young people share a few thousand first
        # names, last names and dates.
        shared: dict[str, str] = {}
        share = shared.setdefault
        for batch in batched(rows, _BATCH):
            ids, case, first, last, birth, henv, cw, status, hay, digits = zip(*batch, strict=True)
            self._ids.extend(ids)
            self._case.extend(case)
            self._first.extend(map(share, first, first))
            self._last.extend(map(share, last, last))
            self._birth.extend(map(share, birth, birth))
            self._henv.extend(map(share, henv, henv))
            self._cw.extend(map(share, cw, cw))
            self._status.extend(map(share, status, status))
            self._hay.extend(hay)
            self._digits.extend(digits)
        self._orders: dict[tuple[str, bool], Sequence[int]] = {}
        self._words: dict[str, _Word] | None = None  # for suggest(), made when first needed
        self._letters: frozenset[str] = frozenset()
        self._sort: tuple[str, bool] = ("name", False)
        self._query = Query((), "")
        self._layout()
        self._matched: Sequence[int] = range(len(self._ids))

    def __len__(self) -> int:
        return len(self._matched)

    @property
    def total(self) -> int:
        return len(self._ids)

    def _row_at(self, i: int) -> YouthRow:
        return YouthRow(
            self._ids[i],
            self._case[i],
            self._digits[i][:10],
            self._first[i],
            self._last[i],
            date.fromisoformat(self._birth[i]),
            date.fromisoformat(self._henv[i]),
            self._cw[i],
            self._status[i],
        )

    def row(self, position: int) -> YouthRow:
        return self._row_at(self._order_now[self._matched[position]])

    def position_of(self, youth_id: int) -> int | None:
        try:
            i = self._ids.index(youth_id)
        except ValueError:
            return None
        p = self._order_now.index(i)
        # Matches are positions in ascending order.
        pos = bisect_left(self._matched, p)
        if pos < len(self._matched) and self._matched[pos] == p:
            return pos
        return None

    def _sort_key(self, column: str) -> Callable[[int], Any]:
        match column:
            case "first_name":
                first = self._first
                return lambda i: danish_sort_key(first[i])
            case "cpr":
                # Birth date, then the serial digits: the order of SORT_KEYS["cpr"].
                birth, digits = self._birth, self._digits
                return lambda i: (birth[i], digits[i][6:10])
            case "case_number":
                return self._case.__getitem__
            case "age":
                return self._birth.__getitem__
            case "henvendelse_date":
                return self._henv.__getitem__
            case "caseworker":
                cw = self._cw
                return lambda i: cw[i].casefold()
            case _:
                return self._status.__getitem__

    def _layout(self) -> None:
        column, descending = self._sort
        n = len(self._ids)
        if self._sort not in self._orders:
            if column == "name":
                order: Sequence[int] = range(n - 1, -1, -1) if descending else range(n)
            else:
                # Stable: ties keep the name order (reverse=True keeps it too).
                order = sorted(range(n), key=self._sort_key(column), reverse=descending)
            self._orders[self._sort] = order
        self._order_now = self._orders[self._sort]
        if self._sort == ("name", False):
            self._hay_now, self._digits_now = self._hay, self._digits
        else:
            self._hay_now = [self._hay[i] for i in self._order_now]
            self._digits_now = [self._digits[i] for i in self._order_now]

    def _matches(self, query: Query, candidates: Sequence[int] | None) -> Sequence[int]:
        """Positions in the current order that match; ``candidates`` None means all."""
        if query.empty:
            return range(len(self._ids)) if candidates is None else candidates
        hay = self._digits_now if query.digits else self._hay_now
        if query.birth:
            # The digits haystack begins with the ten CPR digits.
            birth = query.digits
            pool: Iterable[int] = range(len(hay)) if candidates is None else candidates
            return [p for p in pool if hay[p].startswith(birth)]
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
        """Add or replace one row (after registering or editing) without a reload: the row
        goes to its place in the name order; other orders are sorted anew when used."""
        columns: list[Any] = [
            self._ids,
            self._case,
            self._first,
            self._last,
            self._birth,
            self._henv,
            self._cw,
            self._status,
            self._hay,
            self._digits,
        ]
        try:
            old = self._ids.index(row.id)
        except ValueError:
            pass
        else:
            for column in columns:
                del column[old]
        first, last = self._first, self._last
        ids = self._ids
        at = bisect_left(
            range(len(ids)),
            (name_sort_key(row.first_name, row.last_name), row.id),
            key=lambda i: (name_sort_key(first[i], last[i]), ids[i]),
        )
        values = stored_row(row)
        for column, value in zip(columns, values, strict=True):
            column.insert(at, value)
        self._orders.clear()
        self._words = None
        self._layout()
        self._matched = self._matches(self._query, None)

    # --- "did you mean" ------------------------------------------------------------------

    def prepare_suggestions(self) -> None:
        """Collect the name words suggest() chooses from (on the worker, with the load: at
        100,000 young people it is one pass over the distinct first and last names)."""
        self._name_words()

    def _name_words(self) -> dict[str, _Word]:
        if self._words is None:
            counts = Counter(self._first)
            counts.update(self._last)
            words: dict[str, _Word] = {}
            for name, people in counts.items():
                for word in _words_of(name):
                    for form in name_forms(word):
                        entry = words.get(form)
                        if entry is None:
                            words[form] = _Word(people, word)
                        else:
                            entry.people += people
            self._words = words
            # The alphabet the edits are made from: every letter of the register's names.
            self._letters = frozenset("".join(words))
        return self._words

    def suggest(self, raw: str) -> str | None:
        """For a text search that matches nobody: the same search with each word that is in
        no name replaced by the commonest name word one typo away (a letter missing, extra
        or wrong, or two letters swapped): "Abdalah" → "Abdallah". None when there is no
        such word or the corrected search finds nobody either."""
        query = Query.parse(raw)
        if not query.text_tokens:
            return None
        words = self._name_words()
        letters = self._letters
        parts: list[str] = []
        changed = False
        for word in raw.split():
            token = fold(word)
            if len(token) < 3 or any(ch.isdigit() for ch in token):
                parts.append(word)  # too short to guess at, or a case number
                continue
            if any(token in form for form in words):
                parts.append(word)
                continue
            best = _closest(token, words, letters)
            if best is None:
                return None
            parts.append(best)
            changed = True
        if not changed:
            return None
        suggestion = " ".join(parts)
        # One word is a word of someone's name, so it finds that person; several words
        # must be found together, which only a scan can tell.
        if len(parts) > 1 and not self._matches(Query.parse(suggestion), None):
            return None
        return suggestion


@dataclass(slots=True)
class _Word:
    """A word of the register's names: how many people's names hold it, and how it is
    written (the first spelling met: "Abdallah", not its folded form)."""

    people: int
    written: str


def _words_of(name: str) -> list[str]:
    """The words of a name, and the parts of a double name: "Hansen-Berg" gives
    "Hansen-Berg", "Hansen" and "Berg"."""
    words: list[str] = []
    for word in name.split():
        words.append(word)
        if "-" in word:
            words.extend(part for part in word.split("-") if part)
    return words


def _closest(token: str, words: dict[str, _Word], letters: Set[str]) -> str | None:
    """The name word one edit from ``token`` held by most people (ties: alphabetical), as
    written; the edits are generated and looked up, so the cost grows with the token's
    length and the alphabet, not with the register."""
    found: dict[str, _Word] = {}

    def consider(candidate: str) -> None:
        entry = words.get(candidate)
        if entry is not None:
            found[candidate] = entry

    for i in range(len(token) + 1):
        head, tail = token[:i], token[i:]
        if tail:
            consider(head + tail[1:])  # a letter too many
            if len(tail) > 1:
                consider(head + tail[1] + tail[0] + tail[2:])  # two letters swapped
            for ch in letters:
                consider(head + ch + tail[1:])  # a wrong letter
        for ch in letters:
            consider(head + ch + tail)  # a letter missing
    found.pop(token, None)
    if not found:
        return None
    best = min(found.values(), key=lambda w: (-w.people, w.written))
    return best.written
