"""Deadline rules as data, and the engine that turns a case's events into deadlines.

A rule says: for whom (target groups, age on the start day), from which event (henvendelse,
first jobsamtale, leaving the plan …), within which period, which events meet it (``meets``),
how many of them (``count``, for "at least 4 jobsamtaler in 6 months"), and from when to when
it is law (``valid_from``/``valid_to`` compared with the start event's date, so old cases
keep old rules). A municipality's local standard is a rule of its own that names the legal
rule it tightens. Rules are parsed from TOML text; reading the file is the caller's job.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from ungedesk.domain.calendar import Period, Unit, add_period, closed_reason
from ungedesk.domain.cpr import age_on


class RuleError(ValueError):
    """A rule set that cannot be used; ``message`` is Danish and names the rule."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    description: str
    start_event: str
    period: Period
    meets: tuple[str, ...]
    source: str
    valid_from: date
    valid_to: date | None = None  # exclusive
    count: int = 1
    target_groups: tuple[str, ...] = ()  # empty: everyone
    min_age: int | None = None
    max_age: int | None = None
    historic: bool = False
    once: bool = False  # only the first occurrence of the start event opens a deadline
    local: bool = False
    tightens: str | None = None

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)


@dataclass(frozen=True, slots=True)
class Event:
    kind: str  # e.g. "henvendelse", "jobsamtale", "tilbud_start", "left_plan"
    on: date


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the engine needs of a case. ``target_group`` is a label valid from the start;
    ``group_changes`` are later målgruppeskift as (valid from, group), oldest first."""

    birth_date: date
    target_group: str | None
    events: tuple[Event, ...] = ()
    group_changes: tuple[tuple[date, str], ...] = ()

    def group_on(self, day: date) -> str | None:
        group = self.target_group
        for since, changed in self.group_changes:
            if since <= day:
                group = changed
        return group


class Status(StrEnum):
    MET = "met"  # met on time
    LATE = "late"  # met, but after the due date
    OPEN = "open"  # not met yet, due date not passed
    OVERDUE = "overdue"  # not met and the due date has passed


@dataclass(frozen=True, slots=True)
class Deadline:
    rule: Rule
    start: date
    due: date
    status: Status
    done: int  # how many meeting events fell in the window so far
    met_on: date | None = None
    due_closed: str | None = None  # the due day is a closed day: why (shown, not moved)
    tightened_by: tuple[Rule, ...] = field(default=())


_REQUIRED = ("id", "description", "start_event", "period", "meets", "source", "valid_from")


def _period(rule_id: str, raw: object) -> Period:
    if not isinstance(raw, dict) or len(raw) != 1:
        raise RuleError(f"Regel {rule_id}: 'period' skal have én enhed, fx {{ weeks = 1 }}.")
    ((unit, amount),) = raw.items()
    try:
        return Period(int(amount), Unit(unit))
    except ValueError:
        raise RuleError(
            f"Regel {rule_id}: ukendt periode {unit!r} (brug days, working_days, weeks, months)."
        ) from None


def _date(rule_id: str, key: str, raw: object) -> date:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise RuleError(f"Regel {rule_id}: {key} skal være en dato som 2027-01-01.") from None


def parse_rules(text: str, *, local: bool = False) -> list[Rule]:
    """Rules from TOML text: ``[[rule]]`` tables. Raises RuleError with a Danish message."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"Regelfilen kan ikke læses: {exc}") from None
    rules: list[Rule] = []
    seen: set[str] = set()
    for raw in doc.get("rule", []):
        rule_id = str(raw.get("id", "?"))
        missing = [k for k in _REQUIRED if k not in raw]
        if missing:
            raise RuleError(f"Regel {rule_id}: mangler {', '.join(missing)}.")
        if rule_id in seen:
            raise RuleError(f"Regel {rule_id} findes to gange.")
        seen.add(rule_id)
        count = int(raw.get("count", 1))
        if count < 1:
            raise RuleError(f"Regel {rule_id}: count skal være mindst 1.")
        valid_from = _date(rule_id, "valid_from", raw["valid_from"])
        valid_to = _date(rule_id, "valid_to", raw["valid_to"]) if "valid_to" in raw else None
        if valid_to is not None and valid_to <= valid_from:
            raise RuleError(f"Regel {rule_id}: valid_to skal ligge efter valid_from.")
        rules.append(
            Rule(
                id=rule_id,
                description=str(raw["description"]),
                start_event=str(raw["start_event"]),
                period=_period(rule_id, raw["period"]),
                meets=tuple(str(m) for m in raw["meets"]),
                source=str(raw["source"]),
                valid_from=valid_from,
                valid_to=valid_to,
                count=count,
                target_groups=tuple(str(g) for g in raw.get("target_groups", ())),
                min_age=raw.get("min_age"),
                max_age=raw.get("max_age"),
                historic=bool(raw.get("historic", False)),
                once=bool(raw.get("once", False)),
                local=local or bool(raw.get("local")),
                tightens=raw.get("tightens"),
            )
        )
    return rules


def _applies(rule: Rule, facts: CaseFacts, start: date) -> bool:
    if not rule.in_force_on(start):
        return False
    if rule.target_groups and facts.group_on(start) not in rule.target_groups:
        return False
    age = age_on(facts.birth_date, start)
    if rule.min_age is not None and age < rule.min_age:
        return False
    return rule.max_age is None or age <= rule.max_age


def deadlines(
    rules: Iterable[Rule], facts: CaseFacts, today: date, *, include_historic: bool = False
) -> list[Deadline]:
    """Every deadline the rules give this case, earliest due first.

    Each occurrence of a start event opens its own deadline (a young person can leave the
    plan twice). An event on the start day counts (a jobsamtale the same day as the
    henvendelse meets "at the latest after 1 week").
    """
    rules = [r for r in rules if include_historic or not r.historic]
    by_kind: dict[str, list[date]] = {}
    for event in facts.events:
        by_kind.setdefault(event.kind, []).append(event.on)
    for days in by_kind.values():
        days.sort()
    out: list[Deadline] = []
    for rule in rules:
        starts = by_kind.get(rule.start_event, [])
        for start in starts[:1] if rule.once else starts:
            if not _applies(rule, facts, start):
                continue
            due = add_period(start, rule.period)
            hits = sorted(d for k in rule.meets for d in by_kind.get(k, []) if d >= start)
            in_window = [d for d in hits if d <= due]
            if len(in_window) >= rule.count:
                status, met_on = Status.MET, in_window[rule.count - 1]
            elif len(hits) >= rule.count:
                status, met_on = Status.LATE, hits[rule.count - 1]
            else:
                status = Status.OVERDUE if today > due else Status.OPEN
                met_on = None
            out.append(
                Deadline(rule, start, due, status, len(in_window), met_on, closed_reason(due))
            )
    local_by_target: dict[str, list[Rule]] = {}
    for d in out:
        if d.rule.tightens:
            local_by_target.setdefault(d.rule.tightens, []).append(d.rule)
    out = [
        Deadline(
            d.rule,
            d.start,
            d.due,
            d.status,
            d.done,
            d.met_on,
            d.due_closed,
            tuple(local_by_target.get(d.rule.id, ())),
        )
        for d in out
    ]
    return sorted(out, key=lambda d: (d.due, d.rule.id))


def on_time_share(items: Sequence[Deadline]) -> float | None:
    """Rettidighed: the share of decided deadlines (met, late or overdue) met on time."""
    decided = [d for d in items if d.status is not Status.OPEN]
    if not decided:
        return None
    return sum(d.status is Status.MET for d in decided) / len(decided)
