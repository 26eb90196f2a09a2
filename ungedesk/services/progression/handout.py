"""The young person's own scores for the education plan's handout: first and latest
reading over the chosen indicators, never health, substance use or finances (the handout
is shown to schools and employers)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.plan import SpiderReading
from ungedesk.domain.progression import SENSITIVE, Indicator
from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.services.progression.views import ORDER, open_periods
from ungedesk.services.youths import require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import Measurement, MeasurementScore


def handout_readings(
    store: Store, youth_id: int
) -> tuple[SpiderReading | None, SpiderReading | None, tuple[Indicator, ...]]:
    """The young person's own scores at the first and the latest measurement that has any,
    over the chosen indicators except health, substance use and finances: the handout is
    shown to schools and employers, so sensitive indicators never reach it. With a single reading
    the latest is None; with none at all the result is (None, None, ())."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        audit.record(
            s,
            Action.READ,
            youth_id=youth_id,
            subject=youth.case_number,
            detail="Progression til uddannelsesplan (egne scorer)",
        )
        return readings_in(s, youth_id)


def readings_in(
    s: Session, youth_id: int
) -> tuple[SpiderReading | None, SpiderReading | None, tuple[Indicator, ...]]:
    """handout_readings inside the caller's transaction, unlogged: the plan's handout
    reads these with the plan and logs the two as one read."""
    shown = tuple(
        sorted(
            (i for i in open_periods(s, youth_id) if i not in SENSITIVE),
            key=ORDER.__getitem__,
        )
    )
    if not shown:
        return None, None, ()
    rows = s.execute(
        select(
            Measurement.id,
            Measurement.measured_on,
            MeasurementScore.indicator,
            MeasurementScore.youth_score,
        )
        .join(MeasurementScore, MeasurementScore.measurement_id == Measurement.id)
        .where(
            Measurement.youth_id == youth_id,
            MeasurementScore.indicator.in_([i.value for i in shown]),
            MeasurementScore.youth_score.is_not(None),
        )
        .order_by(Measurement.measured_on, Measurement.id)
    ).all()
    readings: dict[int, tuple[date, dict[Indicator, int]]] = {}
    for mid, measured_on, indicator, score in rows:
        if score is not None:
            readings.setdefault(mid, (measured_on, {}))[1][Indicator(indicator)] = score
    if not readings:
        return None, None, ()
    ordered = list(readings.values())  # insertion order follows the query's order
    first = SpiderReading(ordered[0][0], ordered[0][1])
    latest = SpiderReading(ordered[-1][0], ordered[-1][1]) if len(ordered) > 1 else None
    return first, latest, shown
