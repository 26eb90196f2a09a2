"""The management figures read from the store (domain.figures does the counting).

Every figure of a period, a quarter or twelve months is counted in memory from the same
facts: each case's kept row (services.figure_cases: one indexed range of one table), the
period's deadlines and scores, so a month's figures at 100,000 young people cost a few
reads, not one query per figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.figures import (
    TOTAL,
    Activation,
    CaseFacts,
    FlowFigures,
    FollowUpFact,
    Movement,
    Outcome,
    Period,
    ScoreFact,
    activation,
    flow,
    outcomes_by_group,
    progression_movement_by_group,
)
from ungedesk.domain.timeliness import (
    DeadlineFact,
    DeadlineKind,
    TargetResult,
    Timeliness,
    group_of_cases,
    kind_of,
    still_owed,
    targets_by_group,
    timeliness_by_group,
)
from ungedesk.services import figure_cases
from ungedesk.store.database import Store
from ungedesk.store.models import (
    DeadlineRow,
    Measurement,
    MeasurementScore,
    Youth,
)


@dataclass(frozen=True, slots=True)
class FigureFilter:
    caseworker_id: int | None = None  # None: the whole caseload


EVERYONE = FigureFilter()  # the whole caseload: the default of every figure


def case_facts_in(
    s: Session, flt: FigureFilter = EVERYONE, window: Period | None = None
) -> list[CaseFacts]:
    """The cases (optionally one caseworker's, optionally only those open at some time in
    ``window``) as the counting needs them, from the facts kept ready per case
    (services.figure_cases), derived first where a case changed since."""
    figure_cases.bring_up_to_date(s)
    return figure_cases.read(s, flt.caseworker_id, window)


def flow_figures(store: Store, period: Period, flt: FigureFilter = EVERYONE) -> FlowFigures:
    """Active, tilgang, afgang by reason and vendt i døren for ``period``."""
    with store.session() as s:
        return flow(case_facts_in(s, flt, period), period)


def flow_history(
    store: Store,
    until: Period,
    months: int = 12,
    flt: FigureFilter = EVERYONE,
) -> list[FlowFigures]:
    """The flow figures of the ``months`` months up to ``until``'s last month, oldest first,
    counted from one read of the facts."""
    periods = until.months_back(months)
    window = Period(periods[0].start, periods[-1].end, "")
    with store.session() as s:
        facts = case_facts_in(s, flt, window)
    return [flow(facts, month) for month in periods]


def deadline_facts_in(
    s: Session, flt: FigureFilter = EVERYONE, window: Period | None = None
) -> list[DeadlineFact]:
    """Every stored deadline with what it is about (from its rule's meeting events)."""
    from ungedesk.services import deadlines  # the rule set: only when rettidighed is counted

    kinds = {rule.id: kind_of(rule.meets) for rule in deadlines.rules(s)}
    query = select(
        DeadlineRow.youth_id,
        DeadlineRow.rule_id,
        DeadlineRow.due,
        DeadlineRow.met_on,
        DeadlineRow.met,
        DeadlineRow.exempt,
        DeadlineRow.provisional,
        DeadlineRow.waivable,
    )
    if flt.caseworker_id is not None:
        query = query.join(Youth, Youth.id == DeadlineRow.youth_id).where(
            Youth.caseworker_id == flt.caseworker_id
        )
    if window is not None:  # a deadline belongs to the period its due day falls in
        query = query.where(DeadlineRow.due >= window.start, DeadlineRow.due <= window.end)
    return [
        DeadlineFact(
            youth_id=yid,
            rule_id=rule_id,
            kind=kinds.get(rule_id, DeadlineKind.OTHER),
            due=due,
            met_on=met_on if met else None,
            exempt=exempt,
            provisional=provisional,
            waivable=waivable,
        )
        for yid, rule_id, due, met_on, met, exempt, provisional, waivable in s.execute(query)
    ]


@dataclass(frozen=True, slots=True)
class TimelinessFigures:
    """Rettidighed and the 75 % targets per target group and in total (the TOTAL key)."""

    conversations_by_group: dict[str, Timeliness]
    offers_by_group: dict[str, Timeliness]
    targets_by_group: dict[str, tuple[TargetResult, ...]]

    @property
    def conversations(self) -> Timeliness:
        return self.conversations_by_group[TOTAL]

    @property
    def offers(self) -> Timeliness:
        return self.offers_by_group[TOTAL]

    @property
    def targets(self) -> tuple[TargetResult, ...]:
        return self.targets_by_group[TOTAL]

    def columns(self) -> set[str]:
        """The target groups a deadline counts in, and TOTAL."""
        return {*self.conversations_by_group, *self.offers_by_group, *self.targets_by_group}


def score_facts_in(
    s: Session, flt: FigureFilter = EVERYONE, window: Period | None = None
) -> list[ScoreFact]:
    """Caseworker scores with their day (the young person's own scores are theirs); with
    ``window``, those up to its end of the young people measured in it."""
    query = (
        select(
            MeasurementScore.youth_id,
            MeasurementScore.indicator,
            Measurement.measured_on,
            MeasurementScore.caseworker_score,
        )
        .join(Measurement, Measurement.id == MeasurementScore.measurement_id)
        .where(MeasurementScore.caseworker_score.is_not(None))
    )
    if window is not None:
        measured = select(Measurement.youth_id).where(
            Measurement.measured_on >= window.start, Measurement.measured_on <= window.end
        )
        query = query.where(
            MeasurementScore.youth_id.in_(measured), Measurement.measured_on <= window.end
        )
    if flt.caseworker_id is not None:
        query = query.join(Youth, Youth.id == MeasurementScore.youth_id).where(
            Youth.caseworker_id == flt.caseworker_id
        )
    return [ScoreFact(y, i, on, score) for y, i, on, score in s.execute(query) if score is not None]


@dataclass(frozen=True, slots=True)
class PersonBehind:
    youth_id: int
    case_number: str
    name: str
    masked_cpr: str


def people_behind(store: Store, youth_ids: frozenset[int], what: str) -> list[PersonBehind]:
    """The young people behind a number, in name order; logged as a search with what was
    opened (``what``: the figure, column and period, no personal data)."""
    from ungedesk.domain.cpr import mask
    from ungedesk.services import audit
    from ungedesk.services.audit import Action

    wanted = sorted(youth_ids)
    rows: list[tuple[str, int, str, str, str, str]] = []
    with store.session() as s:
        for start in range(0, len(wanted), 500):  # within SQLite's bound-parameter limit
            rows.extend(
                (sort or "", i, cn, f, la, cpr)
                for sort, i, cn, f, la, cpr in s.execute(
                    select(
                        Youth.register_sort,
                        Youth.id,
                        Youth.case_number,
                        Youth.first_name,
                        Youth.last_name,
                        Youth.cpr,
                    ).where(Youth.id.in_(wanted[start : start + 500]))
                )
            )
        audit.record(
            s, Action.SEARCH, criterion=f"Ledelsestal: {what}"[:500], detail=f"{len(rows)} unge"
        )
    rows.sort()
    return [PersonBehind(i, cn, f"{f} {la}", mask(cpr)) for _s, i, cn, f, la, cpr in rows]


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """Every figure of one period, counted from one read of the facts."""

    flow: FlowFigures
    activation: dict[str, Activation]
    timeliness: TimelinessFigures
    # months (6, 12) -> column (a target group or TOTAL) -> outcome
    outcomes: dict[int, dict[str, Outcome]]
    # column -> indicator -> movement
    movement: dict[str, dict[str, Movement]]


def period_figures(
    store: Store, period: Period, today: date, flt: FigureFilter = EVERYONE
) -> PeriodFigures:
    """All the period's figures in one transaction, each fact read once."""
    from ungedesk.store.models import FollowUp

    with store.session() as s:
        cases = case_facts_in(s, flt, period)
        deadline_facts = deadline_facts_in(s, flt, period)
        scores = score_facts_in(s, flt, period)
        # A deadline counts in its young person's target group (domain.timeliness): most
        # are among the period's cases; one whose case closed before the period is read
        # (only for the deadlines rettidighed counts: other kinds and provisional ones not).
        seen = {c.youth_id for c in cases}
        unseen = {
            d.youth_id
            for d in deadline_facts
            if d.kind is not DeadlineKind.OTHER and not d.provisional
        } - seen
        # (case_facts_in above has brought the kept facts up to date in this session.)
        known = [*cases, *figure_cases.read_ids(s, unseen)] if unseen else cases
        group_of = group_of_cases(known)
        deadline_facts = still_owed(deadline_facts, known)
        closed_here = [c.youth_id for c in cases if c.closed_on and period.contains(c.closed_on)]
        ups: list[FollowUpFact] = []
        for start in range(0, len(closed_here), 500):
            ups.extend(
                FollowUpFact(y, checked, returned)
                for y, checked, returned in s.execute(
                    select(FollowUp.youth_id, FollowUp.checked_on, FollowUp.returned_on).where(
                        FollowUp.youth_id.in_(closed_here[start : start + 500])
                    )
                )
            )
    return PeriodFigures(
        flow=flow(cases, period),
        activation=activation(cases, period),
        timeliness=TimelinessFigures(
            timeliness_by_group(deadline_facts, period, today, DeadlineKind.CONVERSATION, group_of),
            timeliness_by_group(deadline_facts, period, today, DeadlineKind.OFFER, group_of),
            targets_by_group(deadline_facts, period, today, group_of),
        ),
        outcomes={months: outcomes_by_group(cases, ups, period, months) for months in (6, 12)},
        movement=progression_movement_by_group(scores, period, group_of),
    )
