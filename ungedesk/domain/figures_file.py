"""The team's figures without a server: a file of counts only, and the merge of several.

Each caseworker's UngeDesk holds only that caseworker's store; a leader needs the team's
figures. A caseworker exports the period's figures as a file that holds counts, nothing
about any person: no CPR, names, dates of birth or free text. A count from 1 up to the
municipality's threshold (default 5) could point at a person in a small team and is
suppressed: the file says "fewer than 5", never the number. The leader's UngeDesk merges
files from several caseworkers: suppressed counts make the sum a lower bound, and the table
says so.

Format (JSON, canonical: sorted keys, no spaces; version 1)::

    {"format": "ungedesk-figures", "version": 1, "period": "2026-11", "threshold": 5,
     "counts": [{"figure": "inflow", "column": "lab6_4", "value": 7},
                {"figure": "outflow", "column": "i_alt", "suppressed": true}, ...],
     "signer": "<public key, hex>", "signature": "<Ed25519 over the rest, hex>"}

The signature (services.figures_share) makes a change after export detectable; the
signer's key also tells two files from the same installation apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

FORMAT = "ungedesk-figures"
VERSION = 1
DEFAULT_THRESHOLD = 5
MAX_BYTES = 2 * 1024 * 1024


class FiguresFileError(ValueError):
    """A figures file that cannot be used; ``message`` is Danish."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Count:
    figure: str  # domain.figures.Figure value, or "outflow_to:<reason>"
    column: str  # a target-group code or domain.figures.TOTAL
    value: int | None  # None: suppressed (1 to threshold - 1)


def suppress(counts: Iterable[tuple[str, str, int]], threshold: int) -> list[Count]:
    """Counts with every value from 1 up to ``threshold`` - 1 suppressed."""
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    return [
        Count(figure, column, None if 0 < value < threshold else value)
        for figure, column, value in counts
    ]


def payload(period: str, threshold: int, counts: Sequence[Count]) -> dict[str, Any]:
    """The file's content before it is signed."""
    rows: list[dict[str, Any]] = []
    for c in sorted(counts, key=lambda c: (c.figure, c.column)):
        row: dict[str, Any] = {"figure": c.figure, "column": c.column}
        if c.value is None:
            row["suppressed"] = True
        else:
            row["value"] = c.value
        rows.append(row)
    return {
        "format": FORMAT,
        "version": VERSION,
        "period": period,
        "threshold": threshold,
        "counts": rows,
    }


def canonical(content: Mapping[str, Any]) -> bytes:
    """The bytes that are signed: the same content always gives the same bytes."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True, slots=True)
class FiguresFile:
    period: str
    threshold: int
    counts: tuple[Count, ...]
    signer: str
    signature: str
    signed: bytes  # canonical bytes the signature covers


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise FiguresFileError(f"Filen har ikke et gyldigt felt «{what}».")
    return value


def parse(data: bytes) -> FiguresFile:
    """Read a figures file; anything but the documented format is refused in Danish."""
    if len(data) > MAX_BYTES:
        raise FiguresFileError("Filen er for stor til at være en fil med tal.")
    try:
        content = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise FiguresFileError("Filen er ikke en fil med tal fra UngeDesk.") from None
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise FiguresFileError("Filen er ikke en fil med tal fra UngeDesk.")
    if content.get("version") != VERSION:
        raise FiguresFileError(
            "Filen er skrevet af en anden version af UngeDesk. Opdatér UngeDesk og prøv igen."
        )
    signer = _text(content.pop("signer", None), "signer")
    signature = _text(content.pop("signature", None), "signature")
    period = _text(content.get("period"), "period")
    threshold = content.get("threshold")
    if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 1:
        raise FiguresFileError("Filen har ikke et gyldigt felt «threshold».")
    rows = content.get("counts")
    if not isinstance(rows, list):
        raise FiguresFileError("Filen har ikke et gyldigt felt «counts».")
    counts: list[Count] = []
    allowed = {"figure", "column", "value", "suppressed"}
    for row in rows:
        if not isinstance(row, dict) or set(row) - allowed:
            # Any other field could carry personal data: a file of counts has none.
            raise FiguresFileError("Filen indeholder andet end tal og kan ikke bruges.")
        value = row.get("value")
        suppressed = row.get("suppressed") is True
        if suppressed == ("value" in row):
            raise FiguresFileError("Et tal i filen er hverken et antal eller skjult.")
        if not suppressed and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise FiguresFileError("Et tal i filen er ikke et antal.")
        counts.append(
            Count(_text(row.get("figure"), "figure"), _text(row.get("column"), "column"), value)
        )
    return FiguresFile(period, threshold, tuple(counts), signer, signature, canonical(content))


@dataclass(frozen=True, slots=True)
class Merged:
    value: int  # the sum of the counts shown
    suppressed: int  # how many files had this count suppressed (the sum is then a floor)

    @property
    def floor(self) -> int:
        """The least the true sum can be: a suppressed count is at least 1."""
        return self.value + self.suppressed

    @property
    def text(self) -> str:
        return f"mindst {self.floor}" if self.suppressed else str(self.value)


def merge(files: Sequence[FiguresFile]) -> dict[tuple[str, str], Merged]:
    """The team's counts: sums over the files, with the suppressed ones counted apart.
    Files of different periods, or two files from the same installation, are refused."""
    if not files:
        raise FiguresFileError("Vælg mindst én fil med tal.")
    periods = {f.period for f in files}
    if len(periods) > 1:
        raise FiguresFileError(
            "Filerne er fra forskellige perioder ("
            + ", ".join(sorted(periods))
            + "). Vælg filer fra samme periode."
        )
    seen: set[str] = set()
    for f in files:
        if f.signer in seen:
            raise FiguresFileError(
                "To af filerne kommer fra samme UngeDesk. Tag kun den nyeste med."
            )
        seen.add(f.signer)
    out: dict[tuple[str, str], list[int]] = {}
    for f in files:
        for c in f.counts:
            entry = out.setdefault((c.figure, c.column), [0, 0])
            if c.value is None:
                entry[1] += 1
            else:
                entry[0] += c.value
    return {key: Merged(v, s) for key, (v, s) in out.items()}
