"""The target-group catalogue (resources/rules/target_groups.toml) loaded once, and the
questions the visitation asks of it: which groups may a new visitation on a day pick, what
was a stored code called on the day it was given, and why a group is refused.

Expected law (the 2027 groups) is offered only when the municipality has switched expected
rules on (setting ``rules.expected_enabled``), never silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from babel.dates import format_date
from sqlalchemy.orm import Session

from ungedesk.domain.target_groups import TargetGroupCatalogue, parse_target_groups
from ungedesk.resources import RESOURCES
from ungedesk.services import deadlines
from ungedesk.store.database import Store

TARGET_GROUPS_FILE = RESOURCES / "rules" / "target_groups.toml"


@dataclass(frozen=True, slots=True)
class GroupOption:
    """A target group a visitation may pick, with the label valid on the day."""

    code: str
    label: str
    expected: bool
    source: str


@cache
def catalogue() -> TargetGroupCatalogue:
    """The shipped catalogue, read once per process."""
    return parse_target_groups(TARGET_GROUPS_FILE.read_text(encoding="utf-8"))


def expected_enabled_in(session: Session) -> bool:
    """True when the municipality has switched expected rules on: the same switch as the
    deadline rules' (services.deadlines), so groups and deadlines never disagree."""
    return deadlines.expected_rules_enabled(session)


def expected_enabled(store: Store) -> bool:
    with store.session() as s:
        return expected_enabled_in(s)


def options_on(day: date, *, expected_rules: bool) -> list[GroupOption]:
    """The groups a new visitation (or a change of group) on ``day`` may pick."""
    return [
        GroupOption(p.code, p.label, p.expected, p.source)
        for p in catalogue().offered_on(day, expected_rules=expected_rules)
    ]


def label(code: str, on: date | None = None) -> str:
    """The label ``code`` had on ``on``: old cases keep the label of their day."""
    return catalogue().label(code, on)


def all_codes() -> list[tuple[str, str]]:
    """(code, current label) of every group, in the catalogue's order: for filters and
    choices that are not about one date."""
    seen: dict[str, str] = {}
    for period in catalogue().periods:
        seen.setdefault(period.code, label(period.code))
    return list(seen.items())


def refusal(code: str, day: date, *, expected_rules: bool) -> str | None:
    """None when a new visitation on ``day`` may pick ``code``; else why not, in Danish."""
    cat = catalogue()
    if cat.is_offered(code, day, expected_rules=expected_rules):
        return None
    if not code:
        return "Vælg en målgruppe."
    if code not in cat.codes():
        return "Målgruppen findes ikke. Vælg en af dem, der gælder på datoen."
    when = format_date(day, "d. MMMM y", locale="da")
    name = cat.label(code, day)
    if any(
        p.code == code and p.expected and p.offered_on(day, expected_rules=True)
        for p in cat.periods
    ):
        return (
            f"»{name}« er forventet lov, som kommunen ikke har slået til. "
            "Vælg en af de målgrupper, der gælder på datoen."
        )
    return (
        f"Målgruppen »{name}« gælder ikke den {when}. "
        "Vælg en af de målgrupper, der gælder på datoen."
    )
