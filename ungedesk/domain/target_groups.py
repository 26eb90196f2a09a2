"""Target groups (målgrupper) as dated data: which groups exist on a day, and the label a
code had on the day it was given.

The catalogue is resources/rules/target_groups.toml; this module parses and checks its text
and answers questions about it, but reads no files (services.target_groups loads it). Cases
store the code; the label shown is the one valid on the date the group was given, so old
cases keep their old labels (DOMAIN.md, "Target groups").
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ungedesk.domain.youth import Benefit

# The codes cases and the deadline rules use. A data file may relabel them by date but not
# invent others: a new code needs rules written against it, so it is added here on purpose.
KNOWN_CODES: frozenset[str] = frozenset(
    {
        # before 2020 (LAB 2003, § 2)
        "lab2_1",
        "lab2_2",
        "lab2_3",
        "lab2_12",
        "lab2_13",
        # from 2020 (LAB 2019, § 6)
        "lab6_1",
        "lab6_2",
        "lab6_3",
        "lab6_4",
        "lab6_5",
        # 15-17-year-olds under the KUI law
        "kui",
        # the expected new main law from 2027
        "ny27_dagpenge",
        "ny27_jobparat",
        "ny27_aktivitetsparat",
        "ny27_sygemeldt",
        "ny27_nedsat_arbejdsevne",
    }
)

_FIELDS = frozenset(
    {"code", "label", "benefit", "valid_from", "valid_to", "source", "expected", "expected_end"}
)


class TargetGroupError(ValueError):
    """The target-group data cannot be used; the message is Danish and names the group and
    the field."""


@dataclass(frozen=True, slots=True)
class GroupPeriod:
    """One code with one label over a period [valid_from, valid_to)."""

    code: str
    label: str
    benefit: Benefit
    valid_from: date
    valid_to: date | None  # exclusive; None: still in force
    source: str
    expected: bool = False
    expected_end: date | None = None

    def covers(self, day: date) -> bool:
        """True when the label applies on ``day`` (for showing a stored code)."""
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)

    def offered_on(self, day: date, *, expected_rules: bool) -> bool:
        """True when a new visitation on ``day`` may pick this group."""
        if self.expected and not expected_rules:
            return False
        end = self.valid_to
        if expected_rules and self.expected_end is not None:
            end = self.expected_end if end is None else min(end, self.expected_end)
        return self.valid_from <= day and (end is None or day < end)


@dataclass(frozen=True, slots=True)
class TargetGroupCatalogue:
    periods: tuple[GroupPeriod, ...]

    def codes(self) -> frozenset[str]:
        return frozenset(p.code for p in self.periods)

    def offered_on(self, day: date, *, expected_rules: bool = False) -> list[GroupPeriod]:
        """The groups a new visitation on ``day`` may pick, in the file's order."""
        return [p for p in self.periods if p.offered_on(day, expected_rules=expected_rules)]

    def is_offered(self, code: str, day: date, *, expected_rules: bool = False) -> bool:
        return any(
            p.code == code and p.offered_on(day, expected_rules=expected_rules)
            for p in self.periods
        )

    def period(self, code: str, on: date | None = None) -> GroupPeriod | None:
        """The period of ``code`` that covers ``on``. Without a date, or for a date outside
        every period (a stored code older or newer than its data), the nearest one: the
        first period before the earliest, else the latest that started on or before it."""
        mine = sorted((p for p in self.periods if p.code == code), key=lambda p: p.valid_from)
        if not mine:
            return None
        if on is None:
            current = [p for p in mine if not p.expected]
            return (current or mine)[-1]
        for p in mine:
            if p.covers(on):
                return p
        started = [p for p in mine if p.valid_from <= on]
        return started[-1] if started else mine[0]

    def label(self, code: str, on: date | None = None) -> str:
        """The label ``code`` had on ``on`` (the code itself when the data does not know it)."""
        found = self.period(code, on)
        return found.label if found is not None else code


def _date(code: str, key: str, raw: object) -> date:
    if isinstance(raw, date) and not hasattr(raw, "hour"):
        return raw
    raise TargetGroupError(f"Målgruppe {code}: {key} skal være en dato som 2025-07-01.")


def _text(code: str, key: str, raw: Mapping[str, object]) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise TargetGroupError(f"Målgruppe {code}: {key} mangler.")
    return " ".join(value.split())


def _flag(code: str, key: str, raw: Mapping[str, object]) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise TargetGroupError(f"Målgruppe {code}: {key} skal være true eller false.")
    return value


def parse_rule(raw: Mapping[str, object], number: int) -> GroupPeriod:
    code = raw.get("code")
    if not isinstance(code, str) or not code.strip():
        raise TargetGroupError(f"Målgruppe nr. {number}: code mangler.")
    if code not in KNOWN_CODES:
        raise TargetGroupError(
            f"Målgruppe {code}: ukendt kode. Fristreglerne kender kun "
            f"{', '.join(sorted(KNOWN_CODES))}."
        )
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise TargetGroupError(f"Målgruppe {code}: ukendt felt {', '.join(unknown)}.")
    benefit_raw = raw.get("benefit")
    try:
        benefit = Benefit(str(benefit_raw))
    except ValueError:
        raise TargetGroupError(
            f"Målgruppe {code}: benefit skal være en af {', '.join(b.value for b in Benefit)}."
        ) from None
    if "valid_from" not in raw:
        raise TargetGroupError(f"Målgruppe {code}: valid_from mangler.")
    valid_from = _date(code, "valid_from", raw["valid_from"])
    valid_to = _date(code, "valid_to", raw["valid_to"]) if "valid_to" in raw else None
    if valid_to is not None and valid_to <= valid_from:
        raise TargetGroupError(f"Målgruppe {code}: valid_to skal ligge efter valid_from.")
    expected_end = (
        _date(code, "expected_end", raw["expected_end"]) if "expected_end" in raw else None
    )
    if expected_end is not None and expected_end <= valid_from:
        raise TargetGroupError(f"Målgruppe {code}: expected_end skal ligge efter valid_from.")
    return GroupPeriod(
        code=code,
        label=_text(code, "label", raw),
        benefit=benefit,
        valid_from=valid_from,
        valid_to=valid_to,
        source=_text(code, "source", raw),
        expected=_flag(code, "expected", raw),
        expected_end=expected_end,
    )


def parse_target_groups(text: str) -> TargetGroupCatalogue:
    """Parse the catalogue's TOML: a list of [[group]] tables. Periods of one code may not
    overlap (a stored code must have one label on any day)."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TargetGroupError(f"Målgrupperne kan ikke læses: {exc}") from None
    unknown = sorted(set(doc) - {"group"})
    if unknown:
        raise TargetGroupError(f"Ukendt afsnit i målgrupperne: {', '.join(unknown)}.")
    raw_groups = doc.get("group", [])
    if not isinstance(raw_groups, list) or not raw_groups:
        raise TargetGroupError("Der er ingen målgrupper ([[group]]).")
    periods: list[GroupPeriod] = []
    for number, raw in enumerate(raw_groups, start=1):
        if not isinstance(raw, Mapping):
            raise TargetGroupError(f"Målgruppe nr. {number} er ikke en tabel.")
        period = parse_rule(raw, number)
        for other in periods:
            if other.code == period.code and _overlap(other, period):
                raise TargetGroupError(
                    f"Målgruppe {period.code}: perioden fra {period.valid_from.isoformat()} "
                    f"overlapper perioden fra {other.valid_from.isoformat()}."
                )
        periods.append(period)
    return TargetGroupCatalogue(tuple(periods))


def _overlap(a: GroupPeriod, b: GroupPeriod) -> bool:
    a_end = a.valid_to or date.max
    b_end = b.valid_to or date.max
    return a.valid_from < b_end and b.valid_from < a_end
