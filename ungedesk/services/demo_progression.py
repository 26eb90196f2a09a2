"""Synthetic progression for demo young people: for about half of those with held
conversations, four to seven indicators and one to eight measurements over the case, mostly
at held conversations. Scores improve slowly with noise; the young person's own score is
usually near the caseworker's and now and then three or more away, so "talk about it"
shows up. Everything is written in bulk inside the demo batch's transaction.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from ungedesk.domain.progression import SCALE_MAX, SCALE_MIN, SPECIAL_CATEGORY, Indicator
from ungedesk.domain.visitation import ConversationStatus
from ungedesk.store.models import (
    Caseworker,
    Conversation,
    IndicatorChoice,
    Measurement,
    MeasurementCorrection,
    MeasurementScore,
    Youth,
)

_CHOICES = cast(Table, IndicatorChoice.__table__)
_MEASUREMENTS = cast(Table, Measurement.__table__)
_SCORES = cast(Table, MeasurementScore.__table__)
_CORRECTIONS = cast(Table, MeasurementCorrection.__table__)

SHARE = 0.5  # of the young people with a held conversation
MAX_MEASUREMENTS = 8

# How often each indicator is chosen: attendance and motivation nearly always, the special
# categories for the minority they concern.
_WEIGHTS: dict[Indicator, float] = {
    Indicator.ATTENDANCE: 0.95,
    Indicator.MOTIVATION: 0.85,
    Indicator.COOPERATION: 0.7,
    Indicator.SKILLS: 0.6,
    Indicator.WORK_IDENTITY: 0.55,
    Indicator.NETWORK: 0.45,
    Indicator.FINANCES: 0.4,
    Indicator.HEALTH: 0.3,
    Indicator.SUBSTANCE_USE: 0.12,
}

_COMMENTS: dict[Indicator, tuple[str, ...]] = {
    Indicator.SKILLS: (
        "Er startet på FVU-dansk.",
        "Klarede praktikken godt.",
        "Mangler matematik.",
    ),
    Indicator.WORK_IDENTITY: (
        "Vil gerne være tømrer.",
        "Har besøgt EUC.",
        "Ved ikke, hvad hun vil.",
    ),
    Indicator.HEALTH: ("Går til psykolog hver anden uge.", "Har fået ny medicin."),
    Indicator.SUBSTANCE_USE: ("Er startet i ungebehandling.", "Har skåret ned."),
    Indicator.FINANCES: ("Har fået betalingsservice.", "Gæld til DR og mobilselskab."),
    Indicator.MOTIVATION: ("Har selv sendt to ansøgninger.", "Glemte opgaven igen."),
    Indicator.ATTENDANCE: ("Mødt til alle aftaler.", "Kom for sent to gange.", "Udeblev én gang."),
    Indicator.NETWORK: ("Spiller fodbold om tirsdagen.", "Mor tager med til møderne."),
    Indicator.COOPERATION: ("Svarer hurtigt på sms.", "Svarer ikke på opkald."),
}
_SCORE_KEYS = ("indicator", "caseworker_score", "youth_score", "comment")
_REASONS = ("Tastefejl i scoren.", "Forkert dato.", "Den unges egen score var byttet om.")


@dataclass(frozen=True, slots=True)
class _Talk:
    id: int
    on: date


def _clamp(value: float) -> int:
    return max(SCALE_MIN, min(SCALE_MAX, round(value)))


def _pick_indicators(rng: random.Random) -> list[Indicator]:
    count = rng.randint(4, 7)
    pool = list(Indicator)
    chosen: list[Indicator] = []
    while len(chosen) < count:
        weights = [_WEIGHTS[i] for i in pool]
        pick = rng.choices(pool, weights)[0]
        pool.remove(pick)
        chosen.append(pick)
    return sorted(chosen, key=list(Indicator).index)


def _measurement_days(
    rng: random.Random, talks: Sequence[_Talk], today: date
) -> list[tuple[date, int | None]]:
    """Dates to measure on (with the conversation, when there is one), oldest first."""
    wanted = min(rng.randint(1, MAX_MEASUREMENTS), len(talks))
    picked = sorted(rng.sample(range(len(talks)), wanted))
    days: list[tuple[date, int | None]] = []
    for index in picked:
        talk = talks[index]
        if rng.random() < 0.85:
            days.append((talk.on, talk.id))
        else:
            # Measured by phone a few days after the conversation, not at one.
            days.append((min(talk.on + timedelta(days=rng.randint(1, 6)), today), None))
    return days


def add_progression(
    session: Session, youth_ids: Sequence[int], rng: random.Random, today: date
) -> int:
    """Insert indicator choices, measurements, scores and a few corrections for a share of
    the young people (whose conversations are already in the session); returns how many
    measurements were made."""
    if not youth_ids:
        return 0
    ids = list(youth_ids)
    talks: dict[int, list[_Talk]] = {}
    for youth_id, talk_id, starts_at in session.execute(
        select(Conversation.youth_id, Conversation.id, Conversation.starts_at)
        .where(
            Conversation.youth_id.in_(ids),
            Conversation.status == ConversationStatus.HELD.value,
        )
        .order_by(Conversation.youth_id, Conversation.starts_at)
    ):
        on = starts_at.date() if isinstance(starts_at, datetime) else starts_at
        talks.setdefault(youth_id, []).append(_Talk(talk_id, on))
    who = {
        youth_id: f"{name} ({initials})"
        for youth_id, name, initials in session.execute(
            select(Youth.id, Caseworker.name, Caseworker.initials)
            .join(Caseworker, Caseworker.id == Youth.caseworker_id)
            .where(Youth.id.in_(ids))
        )
    }
    # Ids are given here rather than read back after the insert, so scores can point at
    # their measurement in the same bulk insert; the demo batch is the only writer.
    next_id = (session.scalar(select(func.max(Measurement.id))) or 0) + 1
    choices: list[dict[str, Any]] = []
    measurements: list[dict[str, Any]] = []
    scores: list[dict[str, Any]] = []
    corrections: list[dict[str, Any]] = []
    for youth_id in ids:
        held = talks.get(youth_id)
        if not held or rng.random() >= SHARE:
            continue
        by = who.get(youth_id, "UngeDesk")
        chosen = _pick_indicators(rng)
        start = held[0].on
        days = _measurement_days(rng, held, today)
        # Now and then an indicator is swapped along the way: the choice has history.
        spare = [i for i in Indicator if i not in chosen and i not in SPECIAL_CATEGORY]
        swap_on: date | None = None
        dropped: Indicator | None = None
        added: Indicator | None = None
        if len(days) >= 3 and spare and rng.random() < 0.2:
            swap_on = days[len(days) // 2][0]
            dropped, added = rng.choice(chosen), rng.choice(spare)
        for indicator in chosen:
            choices.append(
                {
                    "youth_id": youth_id,
                    "indicator": indicator.value,
                    "chosen_on": start,
                    "dropped_on": swap_on if indicator is dropped else None,
                    "chosen_by": by,
                    "dropped_by": by if indicator is dropped else "",
                }
            )
        if added is not None:
            choices.append(
                {
                    "youth_id": youth_id,
                    "indicator": added.value,
                    "chosen_on": swap_on,
                    "dropped_on": None,
                    "chosen_by": by,
                    "dropped_by": "",
                }
            )
        base = {i: rng.uniform(2, 6) for i in Indicator}
        pace = {i: rng.uniform(-0.05, 0.35) for i in Indicator}  # points per month
        bias = rng.choice((-1, 0, 1, 1, 2))  # young people often rate themselves higher
        for on, at_talk in days:
            current = [i for i in chosen if swap_on is None or on < swap_on or i is not dropped]
            if added is not None and swap_on is not None and on >= swap_on:
                current.append(added)
            months = (on - start).days / 30.4
            measurements.append(
                {
                    "id": next_id,
                    "youth_id": youth_id,
                    "measured_on": on,
                    "conversation_id": at_talk,
                    "recorded_by": by,
                }
            )
            rows: list[dict[str, Any]] = []
            for indicator in sorted(current, key=list(Indicator).index):
                caseworker = _clamp(base[indicator] + pace[indicator] * months + rng.gauss(0, 0.7))
                if rng.random() < 0.1:
                    own: int | None = None
                elif rng.random() < 0.12:
                    own = _clamp(caseworker + rng.choice((-4, -3, 3, 4, 5)))
                else:
                    own = _clamp(caseworker + bias + rng.gauss(0, 1))
                rows.append(
                    {
                        "measurement_id": next_id,
                        "youth_id": youth_id,
                        "indicator": indicator.value,
                        "caseworker_score": caseworker,
                        "youth_score": own,
                        "comment": (rng.choice(_COMMENTS[indicator]) if rng.random() < 0.3 else ""),
                    }
                )
            scores.extend(rows)
            if rows and rng.random() < 0.04:
                before = [dict(r) for r in rows]
                changed = before[0]
                changed["caseworker_score"] = _clamp(int(changed["caseworker_score"]) + 2)
                corrections.append(
                    {
                        "measurement_id": next_id,
                        "youth_id": youth_id,
                        "corrected_at": datetime.combine(on, datetime.min.time())
                        + timedelta(hours=15),
                        "corrected_by": by,
                        "reason": rng.choice(_REASONS),
                        "before": json.dumps(
                            {
                                "measured_on": on.isoformat(),
                                "scores": [{k: r[k] for k in _SCORE_KEYS} for r in before],
                            },
                            ensure_ascii=False,
                        ),
                    }
                )
            next_id += 1
    for table, batch in (
        (_CHOICES, choices),
        (_MEASUREMENTS, measurements),
        (_SCORES, scores),
        (_CORRECTIONS, corrections),
    ):
        if batch:
            session.execute(insert(table), batch)
    return len(measurements)
