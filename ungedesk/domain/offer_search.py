"""Searching the offers catalogue in memory, as the caseworker types.

The folding is the register's (domain.search): "Soren" finds "Søren", "aa" finds "å" and
the other way round, accents off. Each offer gets one folded haystack (every spelling of its
name, provider and kind label) when the index is built; a keystroke only scans those
strings, and a query that only grew scans the previous matches alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ungedesk.domain.search import fold, name_forms


@dataclass(frozen=True, slots=True)
class OfferEntry:
    """What the search needs of one offer."""

    id: int
    name: str
    provider: str
    kind: str
    kind_label: str
    audiences: tuple[str, ...]
    active: bool


@dataclass(frozen=True, slots=True)
class OfferFilter:
    text: str = ""
    kind: str = ""  # "" for every kind
    audience: str = ""  # "" for every audience
    active: bool | None = True  # None: active and retired alike


def haystack(entry: OfferEntry) -> str:
    """Every folded spelling of the name, provider and kind, separated by a character no
    query token holds (so a token matches within one text, never across two)."""
    parts = (entry.name, entry.provider, entry.kind_label)
    return "\x00".join(" ".join(name_forms(p)) for p in parts if p)


def tokens(text: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in text.split())


class OfferIndex:
    """The catalogue in memory, in the order given (the service sorts by name)."""

    def __init__(self, entries: Iterable[OfferEntry]) -> None:
        self._entries: list[OfferEntry] = list(entries)
        self._hay: list[str] = [haystack(e) for e in self._entries]
        self._last: tuple[OfferFilter, tuple[str, ...], list[int]] | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def entry(self, position: int) -> OfferEntry:
        return self._entries[position]

    def search(self, flt: OfferFilter) -> list[OfferEntry]:
        return [self._entries[i] for i in self.positions(flt)]

    def positions(self, flt: OfferFilter) -> Sequence[int]:
        wanted = tokens(flt.text)
        candidates: Iterable[int] = range(len(self._entries))
        last = self._last
        if last is not None:
            prev_flt, prev_tokens, prev_hits = last
            same_filters = (prev_flt.kind, prev_flt.audience, prev_flt.active) == (
                flt.kind,
                flt.audience,
                flt.active,
            )
            # Every token of the previous query is inside one of this query's: the matches
            # can only shrink, so scan the previous ones only.
            if same_filters and all(any(p in t for t in wanted) for p in prev_tokens):
                candidates = prev_hits
        entries, hay = self._entries, self._hay
        hits = [
            i for i in candidates if all(t in hay[i] for t in wanted) and _fits(entries[i], flt)
        ]
        self._last = (flt, wanted, hits)
        return hits


def _fits(entry: OfferEntry, flt: OfferFilter) -> bool:
    if flt.kind and entry.kind != flt.kind:
        return False
    if flt.audience and flt.audience not in entry.audiences:
        return False
    return flt.active is None or entry.active == flt.active
