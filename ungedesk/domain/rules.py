"""Deadline rules as data, and the engine that turns a case's events into deadlines.

A rule says: for whom (target groups, age on the start day), from which event (henvendelse,
first jobsamtale, leaving the plan …), within which period, which events meet it (``meets``),
how many of them (``count``, for "at least 4 jobsamtaler in 6 months"), and from when to when
it is law (``valid_from``/``valid_to`` compared with the start event's date, so old cases
keep old rules). A municipality's local standard is a rule of its own that names the legal
rule it tightens. Rules are parsed from TOML text by ``rule_parsing``; reading the file
is the caller's job.

A rule can recur (``every`` instead of ``period``): "at least one samtale every 2 months
after the previous one". Its deadlines form a chain: the start event opens the first, and
each meeting event opens the next from its own date, so a gap longer than the period shows
as one overdue (or late) deadline however long it is.

A deadline the law lets the municipality exempt (``waivable``; the contact course from
1 July 2026, up to 25 % by concrete assessment) can be waived for one young person: the
waivers come in with the case's facts and turn the deadline EXEMPT, not overdue. A rule
marked ``provisional`` applies before the visitation has set a target group (its
target-group filter is not yet known, so it is ignored); such deadlines carry
``provisional`` until the target group confirms or removes them. Working-day periods follow
the municipality's closing days (a ``ClosingCalendar``, default: all closed).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from ungedesk.domain.calendar import (
    DEFAULT_CALENDAR,
    ClosingCalendar,
    Period,
    add_period,
    closed_reason,
)
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
    recurs: bool = False  # ``period`` is an interval: each meeting event opens the next one
    # Expected law (the 2027 main law before its final text): used only when the
    # municipality has switched the expected rule set on, never silently.
    expected: bool = False
    # Applies before the target group is set (the first-samtale deadline after a henvendelse):
    # the deadline is shown as provisional until the visitation confirms or removes it.
    provisional: bool = False
    # The source can change while the rule stays the same (LAB § 31 was renumbered on
    # 1 January 2024): (from, source) pairs, oldest first; ``source`` is the fallback.
    sources: tuple[tuple[date, str], ...] = ()
    # No deadline when one of these events lies on or before the start day (a young person
    # in a job-directed course under LAB § 30 a gets no uddannelsespålæg).
    unless: tuple[str, ...] = ()
    # The due date is the date of the first such event on or after the start (the frist
    # set in the uddannelsespålæg itself), instead of a period; no such event: no deadline.
    due_event: str | None = None
    # The clock starts at the first start event on or after each anchor event (KUI: the new
    # activity is due 30 days after contact was made with a young person who left the plan).
    anchor: str | None = None
    # A meeting event counts only if it lasts at least this long (an offer under LAB § 102
    # must run for at least 2 weeks); an event without an end date is taken as lasting.
    min_duration: Period | None = None
    # Events of ``grace_meets`` kinds also meet the deadline up to ``grace`` after the due
    # date (løntilskud may start up to 3 weeks after the § 102 deadline).
    grace: Period | None = None
    grace_meets: tuple[str, ...] = ()
    # Rules this rule takes the place of on the days it is in force (an expected 2027 rule
    # replacing today's rule once the municipality has switched expected rules on).
    replaces: tuple[str, ...] = ()
    # The law lets the municipality exempt a young person from this deadline by a concrete
    # assessment (the contact course from 1 July 2026): a recorded waiver makes it EXEMPT.
    # The exemption can be narrower than the rule: only deadlines starting from
    # ``waivable_from`` and, when given, only for ``waivable_groups`` (not aktivitetsparate).
    waivable: bool = False
    waivable_from: date | None = None
    waivable_groups: tuple[str, ...] = ()

    def waivable_on(self, start: date, group: str | None) -> bool:
        """Whether the law lets a deadline of this rule starting on ``start`` for a young
        person in ``group`` be waived."""
        if not self.waivable:
            return False
        if self.waivable_from is not None and start < self.waivable_from:
            return False
        return not self.waivable_groups or group in self.waivable_groups

    @property
    def kind(self) -> str:
        """law, expected (law not yet confirmed), local (a municipal standard) or historic."""
        if self.local:
            return "local"
        if self.expected:
            return "expected"
        return "historic" if self.historic else "law"

    def source_on(self, day: date) -> str:
        """The source in force on ``day`` (a deadline's start day)."""
        found = self.source
        for since, text in self.sources:
            if since <= day:
                found = text
        return found

    @property
    def self_started(self) -> bool:
        """The start event is also a meeting event (jobsamtale -> jobsamtale): the start
        cannot meet its own deadline, so only later events count."""
        return self.start_event in self.meets

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)


@dataclass(frozen=True, slots=True)
class Event:
    kind: str  # e.g. "henvendelse", "jobsamtale", "tilbud_start", "left_plan"
    on: date
    until: date | None = None  # last day of an offer, when known (for ``min_duration``)


@dataclass(frozen=True, slots=True)
class Waiver:
    """A recorded decision exempting this young person from the deadline of ``rule_id``
    that starts on ``start``. For a rule that gives one deadline per case (``once``) the
    start is not compared, so a corrected henvendelse date keeps the decision in force."""

    rule_id: str
    start: date


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the engine needs of a case. ``target_group`` is a label valid from the start;
    ``group_changes`` are later målgruppeskift as (valid from, group), oldest first."""

    birth_date: date
    target_group: str | None
    events: tuple[Event, ...] = ()
    group_changes: tuple[tuple[date, str], ...] = ()
    waivers: tuple[Waiver, ...] = ()  # decisions in force (revoked ones left out)

    def waived(self, rule: Rule, start: date) -> bool:
        return any(w.rule_id == rule.id and (rule.once or w.start == start) for w in self.waivers)

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
    EXEMPT = "exempt"  # waived for this young person by a recorded decision (not overdue)


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
    provisional: bool = False  # applied before the target group is known
    waivable: bool = False  # the law lets this young person be exempted from it


def _provisional(rule: Rule, facts: CaseFacts) -> bool:
    """The rule applies provisionally: the case has no target group at all yet (no
    visitation), so its group filter waits. Once any group is known the filter decides."""
    return (
        rule.provisional
        and bool(rule.target_groups)
        and facts.target_group is None
        and not facts.group_changes
    )


def _applies(rule: Rule, facts: CaseFacts, start: date) -> bool:
    if not rule.in_force_on(start):
        return False
    if (
        rule.target_groups
        and facts.group_on(start) not in rule.target_groups
        and not _provisional(rule, facts)
    ):
        return False
    age = age_on(facts.birth_date, start)
    if rule.min_age is not None and age < rule.min_age:
        return False
    return rule.max_age is None or age <= rule.max_age


def _deadline(
    rule: Rule,
    start: date,
    hits: Sequence[date],
    today: date,
    calendar: ClosingCalendar = DEFAULT_CALENDAR,
    *,
    due: date | None = None,
    grace_hits: Sequence[date] = (),
) -> Deadline:
    """One deadline from ``start``; ``hits`` are the dates of the events that can meet it.
    ``due`` overrides the rule's period; ``grace_hits`` meet it up to ``rule.grace`` late."""
    if due is None:
        due = add_period(start, rule.period, calendar)
    in_window = [d for d in hits if d <= due]
    if grace_hits and rule.grace is not None:
        grace_due = add_period(due, rule.grace, calendar)
        in_window = sorted([*in_window, *(d for d in grace_hits if d <= grace_due)])
        hits = sorted([*hits, *grace_hits])
    met_on: date | None
    if len(in_window) >= rule.count:
        status, met_on = Status.MET, in_window[rule.count - 1]
    elif len(hits) >= rule.count:
        status, met_on = Status.LATE, hits[rule.count - 1]
    else:
        status = Status.OVERDUE if today > due else Status.OPEN
        met_on = None
    return Deadline(rule, start, due, status, len(in_window), met_on, closed_reason(due, calendar))


def _starts(rule: Rule, by_kind: dict[str, list[date]]) -> list[date]:
    """The days that open a deadline: each start event, or with ``anchor`` the first start
    event on or after each anchor event (one deadline per anchor)."""
    starts = by_kind.get(rule.start_event, [])
    if rule.anchor is None:
        return starts
    found: list[date] = []
    for anchor in by_kind.get(rule.anchor, []):
        i = bisect_left(starts, anchor)
        if i < len(starts) and starts[i] not in found:
            found.append(starts[i])
    return found


def _lasts(event: Event, minimum: Period | None) -> bool:
    """An event counts only if it lasts ``minimum``: an offer of 2 weeks starting on a Monday
    runs to the Sunday of the next week (13 days after its start, both days included)."""
    if minimum is None or event.until is None:
        return True
    return event.until >= add_period(event.on, minimum) - timedelta(days=1)


def _meeting_days(
    kinds: Iterable[str], minimum: Period | None, events: dict[str, list[Event]]
) -> list[date]:
    return sorted(e.on for k in set(kinds) for e in events.get(k, []) if _lasts(e, minimum))


def _replaced(rule: Rule, replacers: Sequence[Rule], start: date) -> bool:
    return any(rule.id in r.replaces and r.in_force_on(start) for r in replacers)


def _after(days: Sequence[date], start: date, *, same_day: bool) -> list[date]:
    i = bisect_left(days, start) if same_day else bisect_right(days, start)
    return list(days[i:])


def _chain(
    rule: Rule,
    facts: CaseFacts,
    first: date,
    meets: Sequence[date],
    today: date,
    replacers: Sequence[Rule] = (),
    calendar: ClosingCalendar = DEFAULT_CALENDAR,
) -> list[Deadline]:
    """A recurring rule's deadlines: ``first`` opens one, each meeting event the next."""
    out: list[Deadline] = []
    start = first
    # A samtale on the day of another kind of start event (the henvendelse) counts, as for
    # one-off rules; after that, and for self-started chains, only later days do.
    i = bisect_right(meets, start) if rule.self_started else bisect_left(meets, start)
    while True:
        hits = meets[i : i + 1]
        # A samtale held the day of the henvendelse starts the chain itself: the link from the
        # henvendelse would be met on its first day and repeat the next link's start and due.
        same_day = bool(hits) and hits[0] == start
        if _applies(rule, facts, start) and not same_day and not _replaced(rule, replacers, start):
            out.append(_deadline(rule, start, hits, today, calendar))
        if not hits:
            return out
        # The next link starts at the meeting event (perhaps on the start day itself, after a
        # henvendelse); from then on only later days count, so the chain always moves on.
        start = hits[0]
        i = bisect_right(meets, start, lo=i)


def deadlines(
    rules: Iterable[Rule],
    facts: CaseFacts,
    today: date,
    *,
    include_historic: bool = False,
    calendar: ClosingCalendar = DEFAULT_CALENDAR,
) -> list[Deadline]:
    """Every deadline the rules give this case, earliest due first.

    Each occurrence of a start event opens its own deadline (a young person can leave the
    plan twice). When the start event is of another kind than the meeting events, an event
    on the start day counts: the law counts a jobsamtale held the same day as the henvendelse
    as meeting "at the latest after 1 week". When the start event is itself a meeting kind
    (a jobsamtale starts "the next jobsamtale within 2 months"), only events on later days
    count: otherwise every samtale would meet its own deadline and a five-month gap would
    never show. A second samtale on the same day is not a follow-up either.

    A recurring rule (``every``) gives a chain: see ``_chain``. Its links start at the first
    start event and at each meeting event after it; a link whose start day the rule does not
    apply to (another target group, before valid_from) is left out but the chain goes on.

    A waived deadline (``facts.waivers``) of a ``waivable`` rule is EXEMPT unless it was
    met on time: a decision covers the deadline, and a samtale held late anyway does not
    make it late. A rule no longer waivable (a newer rule file) ignores old waivers. Working-day
    periods skip the closing days of ``calendar``.
    """
    rules = [r for r in rules if include_historic or not r.historic]
    by_kind: dict[str, list[date]] = {}
    events_by_kind: dict[str, list[Event]] = {}
    for event in facts.events:
        by_kind.setdefault(event.kind, []).append(event.on)
        events_by_kind.setdefault(event.kind, []).append(event)
    for days in by_kind.values():
        days.sort()
    replacers = [r for r in rules if r.replaces]
    out: list[Deadline] = []
    for rule in rules:
        starts = _starts(rule, by_kind)
        meets = _meeting_days(rule.meets, rule.min_duration, events_by_kind)
        if rule.recurs:
            if starts:
                out.extend(_chain(rule, facts, starts[0], meets, today, replacers, calendar))
            continue
        grace = _meeting_days(rule.grace_meets, rule.min_duration, events_by_kind)
        blockers = sorted(d for k in rule.unless for d in by_kind.get(k, []))
        dues = by_kind.get(rule.due_event, []) if rule.due_event else []
        for start in starts[:1] if rule.once else starts:
            if not _applies(rule, facts, start) or _replaced(rule, replacers, start):
                continue
            if blockers and blockers[0] <= start:
                continue  # e.g. in a § 30 a job-directed course: no pålæg deadline
            due = None
            if rule.due_event:
                later = _after(dues, start, same_day=True)
                if not later:
                    continue  # no frist recorded: nothing to track
                due = later[0]
            same_day = not rule.self_started
            out.append(
                _deadline(
                    rule,
                    start,
                    _after(meets, start, same_day=same_day),
                    today,
                    calendar,
                    due=due,
                    grace_hits=_after(grace, start, same_day=same_day),
                )
            )
    local_by_target: dict[str, list[Rule]] = {}
    for d in out:
        if d.rule.tightens:
            local_by_target.setdefault(d.rule.tightens, []).append(d.rule)
    out = [_finished(d, facts, tuple(local_by_target.get(d.rule.id, ()))) for d in out]
    return sorted(out, key=lambda d: (d.due, d.rule.id))


def _finished(d: Deadline, facts: CaseFacts, tightened_by: tuple[Rule, ...]) -> Deadline:
    """A deadline with what depends on the whole case: stricter local standards, whether
    it is provisional, whether the law lets it be waived and whether it was."""
    waivable = d.rule.waivable_on(d.start, facts.group_on(d.start))
    exempt = d.status is not Status.MET and waivable and facts.waived(d.rule, d.start)
    return Deadline(
        d.rule,
        d.start,
        d.due,
        Status.EXEMPT if exempt else d.status,
        d.done,
        d.met_on,
        d.due_closed,
        tightened_by,
        _provisional(d.rule, facts),
        waivable,
    )


def on_time_share(items: Sequence[Deadline]) -> float | None:
    """Rettidighed: the share of decided deadlines (met, late or overdue) met on time.
    Exempted deadlines are counted apart, not here."""
    decided = [d for d in items if d.status not in (Status.OPEN, Status.EXEMPT)]
    if not decided:
        return None
    return sum(d.status is Status.MET for d in decided) / len(decided)
