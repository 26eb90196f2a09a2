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
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ungedesk.domain.figures import Period


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


def timeliness(
    deadlines: Iterable[DeadlineFact], period: Period, today: date, kind: DeadlineKind
) -> Timeliness:
    on_time: set[int] = set()
    late: set[int] = set()
    exempt: set[int] = set()
    counts = {"on_time": 0, "late": 0, "exempt": 0}
    for d in deadlines:
        if d.kind is not kind or d.provisional or not period.contains(d.due):
            continue
        if d.exempt:
            exempt.add(d.youth_id)
            counts["exempt"] += 1
        elif d.met_on is not None and d.met_on <= d.due:
            on_time.add(d.youth_id)
            counts["on_time"] += 1
        elif d.met_on is not None or d.due < today:
            late.add(d.youth_id)
            counts["late"] += 1
    return Timeliness(
        frozenset(on_time),
        frozenset(late),
        frozenset(exempt),
        counts["on_time"],
        counts["late"],
        counts["exempt"],
    )


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


def targets(deadlines: list[DeadlineFact], period: Period, today: date) -> list[TargetResult]:
    """The targets in force in ``period``, measured on their rules' deadlines."""
    out: list[TargetResult] = []
    for target in TARGETS:
        if target.applies_to(period):
            mine = [d for d in deadlines if d.rule_id in target.rule_ids and d.waivable]
            out.append(TargetResult(target, timeliness(mine, period, today, target.kind)))
    return out
