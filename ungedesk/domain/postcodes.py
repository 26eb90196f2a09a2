"""Danish postcodes as data: the table of postcode → town, and what a typed postcode means.

The table itself is a resource file (resources/postcodes/postnumre.csv, the official list
with its source and date in its header); ``parse_postcode_table`` reads its text, so this
module stays free of I/O. A postcode missing from the list is hinted at, never refused: the
list may be older than a new postcode.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum


class PostcodeState(Enum):
    INCOMPLETE = "incomplete"  # fewer than four digits yet: nothing to say
    KNOWN = "known"
    UNKNOWN = "unknown"  # four digits the list does not have
    NOT_DIGITS = "not_digits"


@dataclass(frozen=True, slots=True)
class PostcodeLookup:
    state: PostcodeState
    town: str = ""

    @property
    def hint(self) -> str:
        """A Danish hint for the caseworker, empty when there is nothing to say."""
        if self.state is PostcodeState.UNKNOWN:
            return (
                "Postnummeret findes ikke på listen over danske postnumre. "
                "Tjek det, eller skriv byen selv."
            )
        if self.state is PostcodeState.NOT_DIGITS:
            return "Et dansk postnummer har fire cifre."
        return ""


def parse_postcode_table(text: str) -> dict[str, str]:
    """The table in ``text``: ``postnummer;by`` lines, ``#`` comments and one header line."""
    table: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        code, _, town = line.partition(";")
        code, town = code.strip(), town.strip()
        if len(code) == 4 and code.isdigit() and town:
            table[code] = town
    return table


def look_up(typed: str, table: Mapping[str, str]) -> PostcodeLookup:
    """What the postcode typed so far says: the town, or a hint, or nothing yet."""
    code = "".join(str(int(c)) if c.isdigit() else c for c in typed.strip())
    if not code:
        return PostcodeLookup(PostcodeState.INCOMPLETE)
    if not code.isdigit():
        return PostcodeLookup(PostcodeState.NOT_DIGITS)
    if len(code) < 4:
        return PostcodeLookup(PostcodeState.INCOMPLETE)
    if len(code) > 4:
        return PostcodeLookup(PostcodeState.NOT_DIGITS)
    town = table.get(code)
    if town is None:
        return PostcodeLookup(PostcodeState.UNKNOWN)
    return PostcodeLookup(PostcodeState.KNOWN, town)
