"""A young person's progression: the screen's read (chosen indicators with their history,
the measurements, the descriptors and the conversations a measurement can point at),
recording a measurement, and correcting one while keeping what was there before, who
changed it and why. Every read that can show health, substance use or finances is flagged
special in the audit log (see views)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.domain.progression import (
    MeasurementInput,
    ScoreInput,
    validate_measurement,
)
from ungedesk.domain.visitation import ConversationKind, ConversationStatus
from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.services.progression.descriptors import descriptors_in
from ungedesk.services.progression.views import (
    ORDER,
    ConversationRef,
    CorrectionView,
    IndicatorPeriod,
    MeasurementView,
    Progression,
    ProgressionScreen,
    ScoreView,
    indicator_of,
    involves_special,
    open_periods,
    score_views,
    sorted_scores,
    who,
)
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import (
    Conversation,
    IndicatorChoice,
    Measurement,
    MeasurementCorrection,
    MeasurementScore,
)

MAX_REASON = 2000


def _clean_scores(scores: Sequence[ScoreInput]) -> list[ScoreInput]:
    return [
        ScoreInput(s.indicator, s.caseworker_score, s.youth_score, " ".join(s.comment.split()))
        for s in scores
    ]


def _conversation_errors(
    session: Session, youth_id: int, conversation_id: int | None
) -> dict[str, str]:
    if conversation_id is None:
        return {}
    conversation = session.get(Conversation, conversation_id)
    if conversation is None or conversation.youth_id != youth_id:
        return {"conversation_id": "Samtalen findes ikke for den unge."}
    return {}


def _add_scores(
    session: Session, youth_id: int, measurement_id: int, scores: Iterable[ScoreInput]
) -> None:
    for s in scores:
        session.add(
            MeasurementScore(
                measurement_id=measurement_id,
                youth_id=youth_id,
                indicator=s.indicator.value,
                caseworker_score=s.caseworker_score,
                youth_score=s.youth_score,
                comment=s.comment,
            )
        )


# --- reading ----------------------------------------------------------------------------


def _load(session: Session, youth_id: int) -> tuple[list[IndicatorPeriod], list[MeasurementView]]:
    history: list[IndicatorPeriod] = []
    for row in session.scalars(
        select(IndicatorChoice)
        .where(IndicatorChoice.youth_id == youth_id)
        .order_by(IndicatorChoice.chosen_on, IndicatorChoice.id)
    ):
        indicator = indicator_of(row.indicator)
        if indicator is not None:
            history.append(
                IndicatorPeriod(
                    indicator, row.chosen_on, row.dropped_on, row.chosen_by, row.dropped_by
                )
            )
    measurements = list(
        session.scalars(
            select(Measurement)
            .where(Measurement.youth_id == youth_id)
            .order_by(Measurement.measured_on, Measurement.id)
        )
    )
    by_measurement: dict[int, list[MeasurementScore]] = {m.id: [] for m in measurements}
    for score in session.scalars(
        select(MeasurementScore).where(MeasurementScore.youth_id == youth_id)
    ):
        if score.measurement_id in by_measurement:
            by_measurement[score.measurement_id].append(score)
    corrected = set(
        session.scalars(
            select(MeasurementCorrection.measurement_id).where(
                MeasurementCorrection.youth_id == youth_id
            )
        )
    )
    views = [
        MeasurementView(
            m.id,
            m.measured_on,
            m.conversation_id,
            m.recorded_by,
            score_views(by_measurement[m.id]),
            m.id in corrected,
        )
        for m in measurements
    ]
    return history, views


def _progression_in(s: Session, youth_id: int) -> Progression:
    """The progression of `youth_id`, read and its read logged in the caller's transaction:
    flagged special when health, substance use or finances is chosen, was chosen, or was
    ever scored."""
    youth = require_youth(s, youth_id)
    history, measurements = _load(s, youth_id)
    chosen = tuple(
        sorted(
            {p.indicator for p in history if p.dropped_on is None},
            key=ORDER.__getitem__,
        )
    )
    seen = {p.indicator for p in history} | {sc.indicator for m in measurements for sc in m.scores}
    audit.record(
        s,
        Action.READ,
        youth_id=youth_id,
        subject=youth.case_number,
        special=involves_special(seen),
        detail="Progression",
    )
    return Progression(
        youth_id,
        youth.case_number,
        chosen,
        tuple(history),
        tuple(measurements),
        descriptors_in(s),
    )


def get_progression(store: Store, youth_id: int) -> Progression:
    """A young person's progression (the read is logged, see _progression_in)."""
    with store.session() as s:
        return _progression_in(s, youth_id)


def _conversation_refs(s: Session, youth_id: int) -> tuple[ConversationRef, ...]:
    rows = s.execute(
        select(Conversation.id, Conversation.kind, Conversation.status, Conversation.starts_at)
        .where(Conversation.youth_id == youth_id)
        .order_by(Conversation.starts_at.desc(), Conversation.id.desc())
    )
    return tuple(
        ConversationRef(cid, ConversationKind(kind), ConversationStatus(status), starts_at)
        for cid, kind, status, starts_at in rows
    )


def screen(store: Store, youth_id: int) -> ProgressionScreen:
    """Everything the record's progression tab shows, in one transaction: the progression
    (its read logged) and the conversations a measurement may point at."""
    with store.session() as s:
        return ProgressionScreen(_progression_in(s, youth_id), _conversation_refs(s, youth_id))


# --- recording and correcting -----------------------------------------------------------


def record_measurement(store: Store, youth_id: int, data: MeasurementInput, *, today: date) -> int:
    """Save a measurement of the currently chosen indicators; returns its id."""
    scores = _clean_scores(data.scores)
    with store.session() as s:
        youth = require_youth(s, youth_id)
        chosen = set(open_periods(s, youth_id))
        errors = validate_measurement(
            MeasurementInput(data.measured_on, tuple(scores), data.conversation_id),
            chosen=chosen,
            henvendelse=youth.henvendelse_date,
            today=today,
        )
        errors.update(_conversation_errors(s, youth_id, data.conversation_id))
        if errors:
            raise InputError(errors)
        assert data.measured_on is not None
        measurement = Measurement(
            youth_id=youth_id,
            measured_on=data.measured_on,
            conversation_id=data.conversation_id,
            recorded_by=who(s),
        )
        s.add(measurement)
        s.flush()
        _add_scores(s, youth_id, measurement.id, scores)
        s.flush()
        mark_changed(youth)
        audit.record(
            s,
            Action.CREATE,
            youth_id=youth_id,
            subject=youth.case_number,
            special=involves_special(sc.indicator for sc in scores),
            detail=f"Progressionsmåling {data.measured_on:%d.%m.%Y}",
        )
        return measurement.id


def _require_measurement(session: Session, measurement_id: int) -> Measurement:
    measurement = session.get(Measurement, measurement_id)
    if measurement is None:
        raise InputError({"measurement_id": "Målingen findes ikke længere."})
    return measurement


def _before_json(measurement: Measurement, rows: Iterable[MeasurementScore]) -> str:
    return json.dumps(
        {
            # No conversation id: ids are local to an installation and would point at
            # someone else's conversation after a case transfer.
            "measured_on": measurement.measured_on.isoformat(),
            "scores": [
                {
                    "indicator": r.indicator,
                    "caseworker_score": r.caseworker_score,
                    "youth_score": r.youth_score,
                    "comment": r.comment,
                }
                for r in rows
            ],
        },
        ensure_ascii=False,
    )


def correct_measurement(
    store: Store,
    measurement_id: int,
    data: MeasurementInput,
    reason: str,
    *,
    today: date,
) -> None:
    """Replace a saved measurement's date, conversation and scores, keeping what it was
    before, who changed it and why."""
    scores = _clean_scores(data.scores)
    reason = reason.strip()
    with store.session() as s:
        measurement = _require_measurement(s, measurement_id)
        youth_id = measurement.youth_id
        youth = require_youth(s, youth_id)
        old_rows = list(
            s.scalars(
                select(MeasurementScore)
                .where(MeasurementScore.measurement_id == measurement_id)
                .order_by(MeasurementScore.id)
            )
        )
        # An indicator dropped since the measurement may still be corrected in it.
        allowed = set(open_periods(s, youth_id)) | {
            i for i in (indicator_of(r.indicator) for r in old_rows) if i is not None
        }
        errors = validate_measurement(
            MeasurementInput(data.measured_on, tuple(scores), data.conversation_id),
            chosen=allowed,
            henvendelse=youth.henvendelse_date,
            today=today,
        )
        errors.update(_conversation_errors(s, youth_id, data.conversation_id))
        if not reason:
            errors["reason"] = "Skriv hvorfor målingen rettes."
        elif len(reason) > MAX_REASON:
            errors["reason"] = f"Begrundelsen må højst være {MAX_REASON} tegn."
        if errors:
            raise InputError(errors)
        assert data.measured_on is not None
        s.add(
            MeasurementCorrection(
                measurement_id=measurement_id,
                youth_id=youth_id,
                corrected_by=who(s),
                reason=reason,
                before=_before_json(measurement, old_rows),
            )
        )
        s.execute(delete(MeasurementScore).where(MeasurementScore.measurement_id == measurement_id))
        measurement.measured_on = data.measured_on
        measurement.conversation_id = data.conversation_id
        _add_scores(s, youth_id, measurement_id, scores)
        s.flush()
        mark_changed(youth)
        touched = {sc.indicator for sc in scores} | {
            i for i in (indicator_of(r.indicator) for r in old_rows) if i is not None
        }
        audit.record(
            s,
            Action.UPDATE,
            youth_id=youth_id,
            subject=youth.case_number,
            special=involves_special(touched),
            detail=f"Progressionsmåling rettet ({data.measured_on:%d.%m.%Y})",
        )


def corrections(store: Store, measurement_id: int) -> list[CorrectionView]:
    """A measurement's corrections, oldest first, each with the state before it."""
    with store.session() as s:
        measurement = _require_measurement(s, measurement_id)
        youth = require_youth(s, measurement.youth_id)
        out: list[CorrectionView] = []
        for row in s.scalars(
            select(MeasurementCorrection)
            .where(MeasurementCorrection.measurement_id == measurement_id)
            .order_by(MeasurementCorrection.id)
        ):
            before = json.loads(row.before)
            scores = []
            for item in before.get("scores", []):
                indicator = indicator_of(str(item.get("indicator", "")))
                if indicator is not None:
                    scores.append(
                        ScoreView(
                            indicator,
                            item.get("caseworker_score"),
                            item.get("youth_score"),
                            str(item.get("comment", "")),
                        )
                    )
            out.append(
                CorrectionView(
                    row.corrected_at,
                    row.corrected_by,
                    row.reason,
                    date.fromisoformat(before["measured_on"]),
                    sorted_scores(scores),
                )
            )
        audit.record(
            s,
            Action.READ,
            youth_id=youth.id,
            subject=youth.case_number,
            special=involves_special(sc.indicator for c in out for sc in c.scores_before),
            detail="Progressionsmåling, rettelser",
        )
        return out
