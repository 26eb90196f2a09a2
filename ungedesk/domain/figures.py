"""Management figures of the flow through the caseload (seed 004's måltal), counted by rule.

Pure: a case is given as ``CaseFacts`` (dates, target-group history, exit reason, the day
of the first conversation held), a period as ``Period``; the store and the screens hold
none of the counting. Every figure has a written definition (``DEFINITIONS``) that the app
shows beside the number and docs/figures.md repeats, so a leader can check a figure by
hand and name the young people behind it (``FlowFigures.members``).

Per target group the figures follow the group the young person was in: a change of target
group inside the period is an afgang from the old group (to "Skift af målgruppe") and a
tilgang to the new one, but neither in the total, where the case simply goes on.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from itertools import pairwise

TOTAL = "i_alt"  # the key of the all-groups column
NOT_VISITED = "ikke_visiteret"  # a case with no target group yet


@dataclass(frozen=True, slots=True)
class Period:
    """Days from ``start`` to ``end``, both included."""

    start: date
    end: date
    label: str

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), f"{year:04d}-{month:02d}")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise ValueError("quarter must be 1-4")
        first = 3 * quarter - 2
        last = calendar.monthrange(year, first + 2)[1]
        return cls(date(year, first, 1), date(year, first + 2, last), f"{year:04d}-K{quarter}")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), f"{year:04d}")

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def months_back(self, count: int) -> list[Period]:
        """The ``count`` months ending with this period's last month, oldest first."""
        out: list[Period] = []
        year, month = self.end.year, self.end.month
        for _ in range(count):
            out.append(Period.month(year, month))
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return out[::-1]


@dataclass(frozen=True, slots=True)
class GroupSpan:
    """The young person was in ``group`` from ``start`` until the day before ``until``."""

    group: str
    start: date
    until: date | None = None


@dataclass(frozen=True, slots=True)
class OfferSpan:
    """An offer from its start to its end (both included); ``end`` None: still running."""

    start: date
    end: date | None = None


@dataclass(frozen=True, slots=True)
class CaseFacts:
    youth_id: int
    opened_on: date  # the henvendelse
    closed_on: date | None = None
    exit_reason: str = ""  # domain.youth.ExitReason value; "" while open
    groups: tuple[GroupSpan, ...] = ()  # in date order
    first_conversation_on: date | None = None  # the first conversation held
    caseworker_id: int | None = None
    offers: tuple[OfferSpan, ...] = ()
    turned_away_recorded: bool = False  # the visitation says "vendt i døren"

    def open_on(self, day: date) -> bool:
        """Open on ``day``: from the henvendelse up to and including the closing day."""
        return self.opened_on <= day and (self.closed_on is None or day <= self.closed_on)

    def group_on(self, day: date) -> str:
        """The target group on ``day``; before the first visitation the first group given
        (a case is visited days after its henvendelse), without any: not visited."""
        current = NOT_VISITED
        for span in self.groups:
            if span.start <= day and (span.until is None or day < span.until):
                return span.group
            if span.start > day and current == NOT_VISITED:
                current = span.group
        return current


def _group_on(case: CaseFacts, day: date) -> str:
    # Most cases have one target group all along: no search through the history.
    groups = case.groups
    if len(groups) == 1:
        return groups[0].group
    return case.group_on(day) if groups else NOT_VISITED


def _days(first: date, last: date) -> int:
    return max(0, (last - first).days + 1)


def offer_days(case: CaseFacts, period: Period) -> int:
    """Days of ``period`` the case was open and the young person in an offer (overlapping
    offers count a day once)."""
    if not case.offers:  # two in three cases: no offer at all
        return 0
    last_open = period.end if case.closed_on is None else min(period.end, case.closed_on)
    first_open = max(period.start, case.opened_on)
    spans = sorted(
        (max(first_open, o.start), last_open if o.end is None else min(last_open, o.end))
        for o in case.offers
    )
    total, reached = 0, date.min  # ``reached``: the last day already counted
    for first, last in spans:
        first = max(first, date.fromordinal(reached.toordinal() + 1))
        if first <= last:
            total += _days(first, last)
            reached = last
    return total


@dataclass(frozen=True, slots=True)
class Activation:
    offer_days: int
    open_days: int

    @property
    def share(self) -> float | None:
        return self.offer_days / self.open_days if self.open_days else None


def activation(cases: Iterable[CaseFacts], period: Period) -> dict[str, Activation]:
    """Aktiveringsgrad per target group (the group on the last open day) and in total: the
    days in an offer as a share of the days open in the period."""
    sums: dict[str, list[int]] = {TOTAL: [0, 0]}
    total = sums[TOTAL]
    first, last = period.start, period.end
    # The open days worked out in place: this runs over ~45,000 cases a month.
    for case in cases:
        opened, closed = case.opened_on, case.closed_on
        if opened > last or (closed is not None and closed < first):
            continue
        last_open = last if closed is None or closed > last else closed
        days = (last_open - (first if first > opened else opened)).days + 1
        active = offer_days(case, period)
        total[0] += active
        total[1] += days
        entry = sums.setdefault(_group_on(case, last_open), [0, 0])
        entry[0] += active
        entry[1] += days
    if total == [0, 0]:
        del sums[TOTAL]  # no case open in the period: no column at all, as before
    return {column: Activation(a, o) for column, (a, o) in sums.items()}


class Figure(StrEnum):
    ACTIVE = "active"
    INFLOW = "inflow"
    OUTFLOW = "outflow"
    TURNED_AWAY = "turned_away"
    ACTIVATION = "activation"


# Written for the leader who reads them (tooltips, the definitions page, docs/figures.md).
DEFINITIONS: dict[Figure, str] = {
    Figure.ACTIVE: (
        "Aktive sager: unge, hvis sag var åben mindst én dag i perioden (fra henvendelsen "
        "til og med afslutningsdagen). Målgruppen er den, den unge havde på periodens "
        "sidste åbne dag."
    ),
    Figure.INFLOW: (
        "Tilgang: sager, hvis henvendelse ligger i perioden. I en målgruppe tæller også "
        "unge, der skiftede til målgruppen i perioden."
    ),
    Figure.OUTFLOW: (
        "Afgang: sager, der blev afsluttet i perioden, fordelt på hvortil (afslutningens "
        "årsag). I en målgruppe tæller også unge, der skiftede væk fra målgruppen i "
        "perioden (afgang til Skift af målgruppe)."
    ),
    Figure.ACTIVATION: (
        "Aktiveringsgrad: de dage i perioden, hvor unge med en åben sag var i et tilbud "
        "(fra tilbuddets start til dets afslutning), som andel af alle de dage, sagerne var "
        "åbne i perioden."
    ),
    Figure.TURNED_AWAY: (
        "Vendt i døren: afgange i perioden, hvor visitationen siger, at den unge blev vendt "
        "i døren, eller hvor sagen gik til job, uddannelse eller anden selvforsørgelse og "
        "blev afsluttet senest på dagen for den første afholdte samtale (eller uden at "
        "nogen samtale blev holdt)."
    ),
}

# Exits that are self-support: a case closed to one of them at the door was turned away.
SELF_SUPPORT = frozenset({"job", "education", "other"})
GROUP_CHANGE = "target_group_change"


@dataclass
class FlowFigures:
    """Counts per column (a target group or TOTAL) and the young people behind each."""

    period: Period
    members: dict[tuple[Figure, str], set[int]] = field(default_factory=dict)
    outflow_to: dict[tuple[str, str], set[int]] = field(default_factory=dict)

    def count(self, figure: Figure, column: str = TOTAL) -> int:
        return len(self.members.get((figure, column), ()))

    def outflow_count(self, reason: str, column: str = TOTAL) -> int:
        return len(self.outflow_to.get((reason, column), ()))

    def columns(self) -> list[str]:
        """The target groups that have a figure, then TOTAL."""
        groups = {c for _f, c in self.members} | {c for _r, c in self.outflow_to}
        return [*sorted(groups - {TOTAL}), TOTAL]


def _changes_in(case: CaseFacts, period: Period) -> Iterable[tuple[date, str, str]]:
    """(day, from group, to group) for each change of target group inside the period."""
    spans: Sequence[GroupSpan] = case.groups
    for before, after in pairwise(spans):
        if period.contains(after.start) and before.group != after.group:
            yield after.start, before.group, after.group


def _turned_away(case: CaseFacts) -> bool:
    if case.closed_on is None:
        return False
    if case.turned_away_recorded:
        return True
    if case.exit_reason not in SELF_SUPPORT:
        return False
    first = case.first_conversation_on
    return first is None or case.closed_on <= first


def flow(cases: Iterable[CaseFacts], period: Period) -> FlowFigures:
    """Active, tilgang, afgang (by reason) and vendt i døren for ``period``.

    Written for speed (twelve months over ~50,000 open cases each for the year's chart):
    the period's bounds and the sets are held in locals, not looked up per case."""
    members: defaultdict[tuple[Figure, str], set[int]] = defaultdict(set)
    outflow_to: defaultdict[tuple[str, str], set[int]] = defaultdict(set)
    first, last = period.start, period.end
    active, inflow, outflow, turned_away = (
        Figure.ACTIVE,
        Figure.INFLOW,
        Figure.OUTFLOW,
        Figure.TURNED_AWAY,
    )
    for case in cases:
        opened, closed = case.opened_on, case.closed_on
        if opened > last or (closed is not None and closed < first):
            continue
        who = case.youth_id
        last_open = last if closed is None or closed > last else closed
        members[(active, TOTAL)].add(who)
        members[(active, _group_on(case, last_open))].add(who)
        if opened >= first:
            members[(inflow, TOTAL)].add(who)
            members[(inflow, _group_on(case, opened))].add(who)
        if len(case.groups) > 1:
            for _day, old, new in _changes_in(case, period):
                members[(outflow, old)].add(who)
                outflow_to[(GROUP_CHANGE, old)].add(who)
                members[(inflow, new)].add(who)
        if closed is not None and closed <= last:
            group = _group_on(case, closed)
            reason = case.exit_reason or "other"
            away = _turned_away(case)
            for column in (TOTAL, group):
                members[(outflow, column)].add(who)
                outflow_to[(reason, column)].add(who)
                if away:
                    members[(turned_away, column)].add(who)
    # Plain dicts again: a lookup of a figure nobody is in must not add an empty entry.
    return FlowFigures(period, dict(members), dict(outflow_to))


@dataclass(frozen=True, slots=True)
class ScoreFact:
    youth_id: int
    indicator: str
    measured_on: date
    score: int  # the caseworker's score


@dataclass(frozen=True, slots=True)
class Movement:
    young_people: int
    mean: float | None  # None: nobody measured twice up to the period


def progression_movement(facts: Iterable[ScoreFact], period: Period) -> dict[str, Movement]:
    """Per indicator: for each young person whose latest score up to the period's end lies
    in the period and who has an earlier one, the latest minus the first score; the mean
    over those young people (the caseworker's scores)."""
    moves: dict[str, list[int]] = {}
    for _youth, indicator, _on, move in _moves(facts, period):
        moves.setdefault(indicator, []).append(move)
    return _means(moves)


def _moves(facts: Iterable[ScoreFact], period: Period) -> list[tuple[int, str, date, int]]:
    """(young person, indicator, day of the latest score, latest minus first score) for
    each series whose latest score up to the period's end lies in it, after an earlier one."""
    series: dict[tuple[int, str], list[tuple[date, int]]] = {}
    for f in facts:
        if f.measured_on <= period.end:
            series.setdefault((f.youth_id, f.indicator), []).append((f.measured_on, f.score))
    out: list[tuple[int, str, date, int]] = []
    for (youth, indicator), scores in series.items():
        scores.sort()
        (first_on, first), (last_on, last) = scores[0], scores[-1]
        if period.contains(last_on) and last_on > first_on:
            out.append((youth, indicator, last_on, last - first))
    return out


def _means(moves: dict[str, list[int]]) -> dict[str, Movement]:
    return {
        indicator: Movement(len(values), sum(values) / len(values))
        for indicator, values in moves.items()
    }


def progression_movement_by_group(
    facts: Iterable[ScoreFact], period: Period, group_of: Callable[[int, date], str]
) -> dict[str, dict[str, Movement]]:
    """``progression_movement`` per target group (``group_of`` the young person on the day
    of the latest score) and in TOTAL: column -> indicator -> movement."""
    per: dict[str, dict[str, list[int]]] = {TOTAL: {}}
    for youth, indicator, on, move in _moves(facts, period):
        for column in (TOTAL, group_of(youth, on)):
            per.setdefault(column, {}).setdefault(indicator, []).append(move)
    return {column: _means(moves) for column, moves in per.items()}


SUCCESS_EXITS = frozenset({"job", "education"})


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; a day the month lacks becomes its last (31 January
    plus one month is 28 or 29 February; 29 February 2028 plus 12 months is 28 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True, slots=True)
class FollowUpFact:
    youth_id: int
    checked_on: date
    returned_on: date | None  # None: not back on a benefit when checked


@dataclass(frozen=True, slots=True)
class Outcome:
    """Of the young people who left for a job or education in the period: back on a
    benefit within ``months``, known not to be, and not followed up far enough to know."""

    months: int
    left: frozenset[int]
    returned: frozenset[int]
    stayed: frozenset[int]

    @property
    def unknown(self) -> frozenset[int]:
        return self.left - self.returned - self.stayed


def outcomes(
    cases: Iterable[CaseFacts], follow_ups: Iterable[FollowUpFact], period: Period, months: int
) -> Outcome:
    by_youth: dict[int, list[FollowUpFact]] = {}
    for f in follow_ups:
        by_youth.setdefault(f.youth_id, []).append(f)
    left: set[int] = set()
    returned: set[int] = set()
    stayed: set[int] = set()
    for case in cases:
        closed = case.closed_on
        if closed is None or not period.contains(closed) or case.exit_reason not in SUCCESS_EXITS:
            continue
        left.add(case.youth_id)
        horizon = add_months(closed, months)
        looks = [f for f in by_youth.get(case.youth_id, ()) if f.checked_on >= closed]
        if any(f.returned_on is not None and closed < f.returned_on <= horizon for f in looks):
            returned.add(case.youth_id)
        elif any(
            f.checked_on >= horizon and (f.returned_on is None or f.returned_on > horizon)
            for f in looks
        ):
            stayed.add(case.youth_id)
    return Outcome(months, frozenset(left), frozenset(returned), frozenset(stayed))


def outcomes_by_group(
    cases: Iterable[CaseFacts], follow_ups: Iterable[FollowUpFact], period: Period, months: int
) -> dict[str, Outcome]:
    """``outcomes`` per target group (the group on the closing day) and in TOTAL."""
    cases, follow_ups = list(cases), list(follow_ups)
    per: dict[str, list[CaseFacts]] = {}
    for case in cases:
        closed = case.closed_on
        if closed is not None and period.contains(closed) and case.exit_reason in SUCCESS_EXITS:
            per.setdefault(_group_on(case, closed), []).append(case)
    out = {TOTAL: outcomes(cases, follow_ups, period, months)}
    out.update({g: outcomes(mine, follow_ups, period, months) for g, mine in per.items()})
    return out
