"""Rettidighed: the share of deadlines met on time in a period, and the reform's 75 % targets.

A deadline belongs to the period its due day falls in. One not met whose due day has not
come yet (a current month) is not counted: it can still be met. A deadline exempted by a
recorded decision (a waiver) is shown apart and left out of the share: the law let the
municipality decide it. Provisional deadlines (applied before the visitation set a target
group) are left out: they become final or go once the group is set.

The 75 % targets are data with their source and dates (``TARGETS``): from 1 July 2026 the
municipality must hold jobsamtaler with, and give an offer within the first six months to,
at least 75 % of the young people the rules cover; it may exempt up to a quarter, so for
the target the exempted count as not given (the share is of all, exempted included).

Per target group a deadline counts in the group the young person was in on its due day, or
on the closing day when the case was closed before it: the group a deadline is owed under,
or the last one the case had. Each deadline counts once in its group and once in the total.
A deadline whose case closed before its due day without its having been met lapsed with
the case (``still_owed``): nothing was owed any longer, so it is not counted at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ungedesk.domain.figures import NOT_VISITED, TOTAL, CaseFacts, Period


class DeadlineKind(StrEnum):
    CONVERSATION = "conversation"
    OFFER = "offer"
    OTHER = "other"


CONVERSATION_EVENTS = frozenset({"jobsamtale", "contact"})
OFFER_EVENTS = frozenset({"tilbud_start", "loentilskud_start", "new_activity"})


def kind_of(meets: Iterable[str]) -> DeadlineKind:
    """What a rule's deadline is about, from the events that meet it."""
    events = set(meets)
    if events & OFFER_EVENTS:
        return DeadlineKind.OFFER
    if events & CONVERSATION_EVENTS:
        return DeadlineKind.CONVERSATION
    return DeadlineKind.OTHER


@dataclass(frozen=True, slots=True)
class DeadlineFact:
    youth_id: int
    rule_id: str
    kind: DeadlineKind
    due: date
    met_on: date | None
    exempt: bool = False
    provisional: bool = False
    waivable: bool = False  # the law lets the municipality exempt it: the 75 % population


@dataclass(frozen=True, slots=True)
class Timeliness:
    on_time: frozenset[int]  # young people; a young person with several deadlines counts once
    late: frozenset[int]  # met after the due day, or not met and past it
    exempt: frozenset[int]
    deadlines_on_time: int
    deadlines_late: int
    deadlines_exempt: int

    @property
    def counted(self) -> int:
        return self.deadlines_on_time + self.deadlines_late

    @property
    def share(self) -> float | None:
        """Met on time of those counted (exempted apart); None when nothing is counted."""
        return self.deadlines_on_time / self.counted if self.counted else None

    @property
    def share_with_exempt(self) -> float | None:
        """Met on time of all, the exempted counted as not given (the 75 % target's way)."""
        total = self.counted + self.deadlines_exempt
        return self.deadlines_on_time / total if total else None


def _outcome(d: DeadlineFact, period: Period, today: date, kind: DeadlineKind) -> str | None:
    """How ``d`` counts for ``kind`` in ``period``: "on_time", "late", "exempt", or None
    (another kind, provisional, due outside the period, or not met and not yet due)."""
    if d.kind is not kind or d.provisional or not period.contains(d.due):
        return None
    if d.exempt:
        return "exempt"
    if d.met_on is not None and d.met_on <= d.due:
        return "on_time"
    if d.met_on is not None or d.due < today:
        return "late"
    return None


class _Tally:
    """The young people and deadline counts of one column, built up one deadline at a time."""

    def __init__(self) -> None:
        self.people: dict[str, set[int]] = {"on_time": set(), "late": set(), "exempt": set()}
        self.counts = {"on_time": 0, "late": 0, "exempt": 0}

    def add(self, outcome: str, youth_id: int) -> None:
        self.people[outcome].add(youth_id)
        self.counts[outcome] += 1

    def result(self) -> Timeliness:
        return Timeliness(
            frozenset(self.people["on_time"]),
            frozenset(self.people["late"]),
            frozenset(self.people["exempt"]),
            self.counts["on_time"],
            self.counts["late"],
            self.counts["exempt"],
        )


NONE_COUNTED = _Tally().result()  # a column with no deadline counted


def timeliness(
    deadlines: Iterable[DeadlineFact], period: Period, today: date, kind: DeadlineKind
) -> Timeliness:
    tally = _Tally()
    for d in deadlines:
        outcome = _outcome(d, period, today, kind)
        if outcome is not None:
            tally.add(outcome, d.youth_id)
    return tally.result()


GroupOf = Callable[[int, date], str]  # (young person, day) -> the target group's code


def deadline_group(case: CaseFacts | None, due: date) -> str:
    """The target group a deadline due on ``due`` counts in: the group on the due day, or
    on the closing day when the case was closed before it (the last group it had)."""
    if case is None:
        return NOT_VISITED
    day = due if case.closed_on is None or case.closed_on >= due else case.closed_on
    return case.group_on(day)


def lapsed(deadline: DeadlineFact, case: CaseFacts | None) -> bool:
    """The case closed before the deadline's due day without its having been met: nothing
    was owed any longer (a young person gone to a job before the fourth jobsamtale is no
    late jobsamtale), so it counts neither as on time nor as late."""
    if case is None or case.closed_on is None or case.closed_on >= deadline.due:
        return False
    return deadline.met_on is None or deadline.met_on > case.closed_on


def still_owed(deadlines: Iterable[DeadlineFact], cases: Iterable[CaseFacts]) -> list[DeadlineFact]:
    """The deadlines that did not lapse with their case (``lapsed``)."""
    by_id: Mapping[int, CaseFacts] = {c.youth_id: c for c in cases}
    return [d for d in deadlines if not lapsed(d, by_id.get(d.youth_id))]


def group_of_cases(cases: Iterable[CaseFacts]) -> GroupOf:
    """``deadline_group`` over the given cases; a young person without one is not visited."""
    by_id: Mapping[int, CaseFacts] = {c.youth_id: c for c in cases}
    return lambda youth_id, due: deadline_group(by_id.get(youth_id), due)


def timeliness_by_group(
    deadlines: Iterable[DeadlineFact],
    period: Period,
    today: date,
    kind: DeadlineKind,
    group_of: GroupOf,
) -> dict[str, Timeliness]:
    """``timeliness`` per target group (``group_of`` of the young person and the due day)
    and in TOTAL, which is always there and equals ``timeliness``. A group is there when
    a deadline counts in it."""
    tallies: dict[str, _Tally] = {TOTAL: _Tally()}
    for d in deadlines:
        outcome = _outcome(d, period, today, kind)
        if outcome is None:
            continue
        for column in (TOTAL, group_of(d.youth_id, d.due)):
            tallies.setdefault(column, _Tally()).add(outcome, d.youth_id)
    return {column: tally.result() for column, tally in tallies.items()}


@dataclass(frozen=True, slots=True)
class Target:
    id: str
    label: str
    kind: DeadlineKind
    share: float
    valid_from: date
    valid_to: date | None  # exclusive; None: until the law changes
    # The deadlines the target is measured on: these rules' deadlines that the law lets the
    # municipality exempt (the stored ``waivable``), which is the population the 75 % covers
    # (dagpenge, job- and uddannelsesparate), not the aktivitetsparate under the same rule.
    rule_ids: frozenset[str]
    source: str

    def applies_to(self, period: Period) -> bool:
        return period.end >= self.valid_from and (
            self.valid_to is None or period.start < self.valid_to
        )


_SOURCE = (
    "Lov nr. 1750 af 29. december 2025 (L 66 2025/26: mere fleksible kontaktforløb og "
    "tilbud), i kraft 1. juli 2026; STAR's startvejledning VEJ nr. 9117 af 16. januar 2026, "
    "pkt. 2.1 og 3.1 (kommunen kan undtage op til 25 pct.)"
)
TARGETS: tuple[Target, ...] = (
    Target(
        id="75-jobsamtaler-6-maaneder",
        label="Jobsamtaler i de første 6 måneder: mindst 75 %",
        kind=DeadlineKind.CONVERSATION,
        share=0.75,
        valid_from=date(2026, 7, 1),
        valid_to=None,
        rule_ids=frozenset(
            {
                "lab-31-3-fire-jobsamtaler",
                "lab-31-fleksibel-dagpenge-to-jobsamtaler",
                "hovedlov-2027-fire-jobsamtaler",
            }
        ),
        source=_SOURCE,
    ),
    Target(
        id="75-tilbud-6-maaneder",
        label="Tilbud inden for de første 6 måneder: mindst 75 %",
        kind=DeadlineKind.OFFER,
        share=0.75,
        valid_from=date(2026, 7, 1),
        valid_to=None,
        rule_ids=frozenset(
            {
                "lab-102-tilbud",
                "lab-102-tilbud-uddannelsesparat-2026",
                "hovedlov-2027-tilbud-6-maaneder",
            }
        ),
        source=_SOURCE,
    ),
)


@dataclass(frozen=True, slots=True)
class TargetResult:
    target: Target
    timeliness: Timeliness

    @property
    def reached(self) -> bool | None:
        share = self.timeliness.share_with_exempt
        return None if share is None else share >= self.target.share


def _measured(target: Target, deadlines: Iterable[DeadlineFact]) -> list[DeadlineFact]:
    return [d for d in deadlines if d.rule_id in target.rule_ids and d.waivable]


def targets(deadlines: list[DeadlineFact], period: Period, today: date) -> list[TargetResult]:
    """The targets in force in ``period``, measured on their rules' deadlines."""
    return [
        TargetResult(target, timeliness(_measured(target, deadlines), period, today, target.kind))
        for target in TARGETS
        if target.applies_to(period)
    ]


def targets_by_group(
    deadlines: list[DeadlineFact], period: Period, today: date, group_of: GroupOf
) -> dict[str, tuple[TargetResult, ...]]:
    """``targets`` per target group and in TOTAL (always there, equal to ``targets``).
    Every column holds the same targets in the same order, so a row per target lines up;
    a group with none of a target's deadlines has that target with nothing to measure."""
    measured = [
        (
            target,
            timeliness_by_group(_measured(target, deadlines), period, today, target.kind, group_of),
        )
        for target in TARGETS
        if target.applies_to(period)
    ]
    columns = {TOTAL}.union(*(by_group for _t, by_group in measured))
    return {
        column: tuple(
            TargetResult(target, by_group.get(column, NONE_COUNTED))
            for target, by_group in measured
        )
        for column in columns
    }
