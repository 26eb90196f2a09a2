"""Progression over a caseload: average movement per indicator for a period, optionally
only one caseworker's young people and only those in a target group. Aggregates only: no
names, no single young person's scores, no per-person log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, String, select, type_coerce
from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.domain.progression import Indicator, average_movement
from ungedesk.services.current_user import current_caseworker
from ungedesk.services.progression.views import MovementRow
from ungedesk.store.database import Store
from ungedesk.store.models import Measurement, MeasurementScore, TargetGroupEntry, Youth


def _caseload_scores(
    *, start: date, end: date, caseworker_id: int | None, target_group: str | None
) -> Select[int, str, str, int, int | None, int | None]:
    query = (
        select(
            MeasurementScore.youth_id,
            MeasurementScore.indicator,
            # As stored (ISO text, which sorts as the date does): parsing 100,000 dates
            # only to compare them would be most of the work.
            type_coerce(Measurement.measured_on, String),
            Measurement.id,
            MeasurementScore.caseworker_score,
            MeasurementScore.youth_score,
        )
        .join(Measurement, Measurement.id == MeasurementScore.measurement_id)
        .where(Measurement.measured_on >= start, Measurement.measured_on <= end)
    )
    if caseworker_id is None and target_group is None:
        return query
    # The caseload is picked per young person in a subquery SQLite runs once, rather than
    # testing each score row against the youth and target-group tables.
    people = select(Youth.id)
    if caseworker_id is not None:
        people = people.where(Youth.caseworker_id == caseworker_id)
    if target_group is not None:
        group_on_end = (
            select(TargetGroupEntry.target_group)
            .where(TargetGroupEntry.youth_id == Youth.id, TargetGroupEntry.valid_from <= end)
            .order_by(TargetGroupEntry.valid_from.desc(), TargetGroupEntry.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        people = people.where(group_on_end == target_group)
    return query.where(MeasurementScore.youth_id.in_(people))


@dataclass(slots=True)
class _Ends:
    """The first and latest score of one young person on one indicator, and how many."""

    count: int
    first: tuple[str, int, int]  # (measured_on as ISO text, measurement id, score)
    latest: tuple[str, int, int]

    def add(self, entry: tuple[str, int, int]) -> None:
        self.count += 1
        if entry[:2] < self.first[:2]:
            self.first = entry
        if entry[:2] > self.latest[:2]:
            self.latest = entry


def caseload_movement(
    store: Store,
    *,
    start: date,
    end: date,
    caseworker_id: int | None = None,
    target_group: str | None = None,
    only_mine: bool = False,
) -> list[MovementRow]:
    """Average movement (latest minus first score) per indicator over the young people with
    two or more scores on it in [start, end], optionally only one caseworker's (or, with
    ``only_mine``, the current user's, looked up in the same transaction) and only those in
    a target group on `end`. Aggregates only: no names, no per-person log."""
    if end < start:
        raise InputError({"end": "Slutdatoen ligger før startdatoen."})
    if only_mine and caseworker_id is not None:
        raise ValueError("only_mine and caseworker_id name the caseworker twice")
    with store.session() as s:
        if only_mine:
            me = current_caseworker(s)
            # Without a current user there is nobody's caseload to narrow to: everybody's.
            caseworker_id = me.id if me is not None else None
        ends = _ends(
            s, start=start, end=end, caseworker_id=caseworker_id, target_group=target_group
        )
    pairs: tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]] = ({}, {})
    for table, out in zip(ends, pairs, strict=True):
        for (_youth, indicator), e in table.items():
            if e.count >= 2:
                out.setdefault(indicator, []).append((e.first[2], e.latest[2]))
    rows: list[MovementRow] = []
    for indicator in Indicator:
        caseworker_pairs = pairs[0].get(indicator.value, [])
        rows.append(
            MovementRow(
                indicator,
                len(caseworker_pairs),
                average_movement(caseworker_pairs),
                average_movement(pairs[1].get(indicator.value, [])),
            )
        )
    return rows


_Table = dict[tuple[int, str], _Ends]


def _ends(
    s: Session, *, start: date, end: date, caseworker_id: int | None, target_group: str | None
) -> tuple[_Table, _Table]:
    """Per (young person, indicator): the first and latest caseworker's score, and the same
    for the young person's own score."""
    # One plain query and the first/latest picking in Python: window functions over the
    # same rows sorted in SQLCipher's secure memory were fifty times slower at 20,000.
    ends: tuple[_Table, _Table] = ({}, {})
    result = s.execute(
        _caseload_scores(
            start=start, end=end, caseworker_id=caseworker_id, target_group=target_group
        )
    )
    for youth_id, indicator, measured_on, measurement_id, caseworker, own in result:
        for table, score in zip(ends, (caseworker, own), strict=True):
            if score is None:
                continue
            entry = (measured_on, measurement_id, score)
            found = table.get((youth_id, indicator))
            if found is None:
                table[(youth_id, indicator)] = _Ends(1, entry, entry)
            else:
                found.add(entry)
    return ends
