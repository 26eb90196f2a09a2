"""Progression on the nine indicators: which apply to a young person (with history),
measurements with the caseworker's and the young person's own scores, corrections that keep
what was there before, the descriptors the municipality may edit, the young person's own
readings for the plan PDF, and average movement over a caseload.

Health and substance use are special-category data (GDPR art. 9), finances and debt are
confidential private matters (databeskyttelsesloven § 8); the three are handled alike
(domain.progression.SENSITIVE): every read that can show them is flagged special in the audit
log, the log counts them without naming them, and the handout never carries them.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, String, delete, select, type_coerce
from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.domain.plan import SpiderReading
from ungedesk.domain.progression import (
    INDICATOR_LABELS,
    SENSITIVE,
    Descriptor,
    DescriptorError,
    Indicator,
    MeasurementInput,
    ScoreInput,
    average_movement,
    mentions_consent,
    parse_descriptors,
    validate_measurement,
)
from ungedesk.domain.progression import talk_about as _talk_about
from ungedesk.resources import PROGRESSION
from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.services.current_user import current_caseworker, label
from ungedesk.services.settings import PROGRESSION_DESCRIPTORS, get_setting, set_setting
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import (
    Conversation,
    IndicatorChoice,
    Measurement,
    MeasurementCorrection,
    MeasurementScore,
    Setting,
    TargetGroupEntry,
    Youth,
)

DESCRIPTORS_FILE = PROGRESSION / "descriptors.toml"
DESCRIPTORS_SETTING = PROGRESSION_DESCRIPTORS  # the municipality's edited TOML text
MAX_REASON = 2000
MAX_DESCRIPTOR = 400  # characters in one question or stage text
MAX_DESCRIPTORS_TEXT = 100_000
# How to pick a score from the descriptors; the same rule heads the shipped file.
SCORING_RULE = (
    "Vælg det højeste trin, hvor alt i beskrivelsen passer. Passer intet trin helt, er det "
    "trin 1. Se på de seneste 4 uger, medmindre trinnet nævner en anden periode. Giv "
    "trinnets højeste tal, hvis den unge også opfylder noget af næste trin, ellers det laveste."
)
_ORDER = {indicator: position for position, indicator in enumerate(Indicator)}


# --- views ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScoreView:
    indicator: Indicator
    caseworker_score: int | None
    youth_score: int | None
    comment: str

    @property
    def talk_about(self) -> bool:
        return _talk_about(self.caseworker_score, self.youth_score)

    @property
    def label(self) -> str:
        return INDICATOR_LABELS[self.indicator]


@dataclass(frozen=True, slots=True)
class MeasurementView:
    id: int
    measured_on: date
    conversation_id: int | None
    recorded_by: str
    scores: tuple[ScoreView, ...]  # in Indicator order
    corrected: bool

    def score(self, indicator: Indicator) -> ScoreView | None:
        return next((s for s in self.scores if s.indicator == indicator), None)


@dataclass(frozen=True, slots=True)
class IndicatorPeriod:
    indicator: Indicator
    chosen_on: date
    dropped_on: date | None  # None: still chosen
    chosen_by: str
    dropped_by: str


@dataclass(frozen=True, slots=True)
class CorrectionView:
    corrected_at: datetime  # UTC
    corrected_by: str
    reason: str
    measured_on_before: date
    scores_before: tuple[ScoreView, ...]


@dataclass(frozen=True, slots=True)
class Progression:
    youth_id: int
    case_number: str
    chosen: tuple[Indicator, ...]  # currently chosen, in Indicator order
    history: tuple[IndicatorPeriod, ...]  # every period, oldest first
    measurements: tuple[MeasurementView, ...]  # oldest first
    descriptors: dict[Indicator, Descriptor]

    def first(self) -> MeasurementView | None:
        return self.measurements[0] if self.measurements else None

    def latest(self) -> MeasurementView | None:
        return self.measurements[-1] if self.measurements else None

    def previous(self) -> MeasurementView | None:
        """The measurement before the latest, to show the latest change."""
        return self.measurements[-2] if len(self.measurements) >= 2 else None

    def series(self, indicator: Indicator) -> list[tuple[date, int | None, int | None]]:
        """(date, caseworker's score, young person's score) for every measurement that
        scored the indicator, oldest first."""
        out: list[tuple[date, int | None, int | None]] = []
        for m in self.measurements:
            s = m.score(indicator)
            if s is not None:
                out.append((m.measured_on, s.caseworker_score, s.youth_score))
        return out

    def talk_about(self) -> list[tuple[Indicator, int, int]]:
        """Indicators in the latest measurement where the two scores are 3 or more apart:
        (indicator, caseworker's score, young person's score)."""
        latest = self.latest()
        if latest is None:
            return []
        return [
            (s.indicator, s.caseworker_score, s.youth_score)
            for s in latest.scores
            if s.talk_about and s.caseworker_score is not None and s.youth_score is not None
        ]


@dataclass(frozen=True, slots=True)
class MovementRow:
    indicator: Indicator
    youths: int  # young people with two or more caseworker scores in the period
    caseworker_average: float | None  # mean of latest minus first
    youth_average: float | None  # the same over the young people's own scores

    @property
    def label(self) -> str:
        return INDICATOR_LABELS[self.indicator]


# --- helpers ----------------------------------------------------------------------------


def _indicator(value: str) -> Indicator | None:
    # A row from a newer version (received by case transfer) may name an indicator this
    # version does not know; it is left out rather than breaking the whole screen.
    try:
        return Indicator(value)
    except ValueError:
        return None


def _who(session: Session) -> str:
    """The current user as the audit log names them: "Name (INITIALS)"."""
    cw = current_caseworker(session)
    return "UngeDesk" if cw is None else label(cw)


def _sorted_scores(scores: Iterable[ScoreView]) -> tuple[ScoreView, ...]:
    return tuple(sorted(scores, key=lambda s: _ORDER[s.indicator]))


def _score_views(rows: Iterable[MeasurementScore]) -> tuple[ScoreView, ...]:
    views = []
    for r in rows:
        indicator = _indicator(r.indicator)
        if indicator is not None:
            views.append(ScoreView(indicator, r.caseworker_score, r.youth_score, r.comment))
    return _sorted_scores(views)


def _open_periods(session: Session, youth_id: int) -> dict[Indicator, IndicatorChoice]:
    rows = session.scalars(
        select(IndicatorChoice).where(
            IndicatorChoice.youth_id == youth_id, IndicatorChoice.dropped_on.is_(None)
        )
    )
    out: dict[Indicator, IndicatorChoice] = {}
    for row in rows:
        indicator = _indicator(row.indicator)
        if indicator is not None:
            out[indicator] = row
    return out


def _involves_special(indicators: Iterable[Indicator]) -> bool:
    return any(i in SENSITIVE for i in indicators)


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


# --- descriptors ------------------------------------------------------------------------


def shipped_descriptors_text() -> str:
    return DESCRIPTORS_FILE.read_text(encoding="utf-8")


def descriptors_text(store: Store) -> str:
    """The descriptor TOML in use: the municipality's edited text, else the shipped one."""
    edited = get_setting(store, DESCRIPTORS_SETTING)
    if isinstance(edited, str):
        return edited
    return shipped_descriptors_text()


def descriptors(store: Store) -> dict[Indicator, Descriptor]:
    """The descriptors in use (the municipality's edited set, else the shipped file)."""
    edited = get_setting(store, DESCRIPTORS_SETTING)
    if isinstance(edited, str):
        try:
            return parse_descriptors(edited)
        except DescriptorError:
            # save_descriptors only stores text that parses; anything else is a damaged
            # setting, and the shipped set is better than no descriptors at all.
            pass
    return parse_descriptors(shipped_descriptors_text())


def save_descriptors(store: Store, text: str) -> dict[Indicator, Descriptor]:
    """Keep the municipality's edited descriptors; refuses text that does not parse."""
    if len(text) > MAX_DESCRIPTORS_TEXT:
        raise InputError({"descriptors": "Beskrivelserne er for lange."})
    try:
        parsed = parse_descriptors(text)
    except DescriptorError as exc:
        raise InputError({"descriptors": str(exc)}) from None
    for indicator, d in parsed.items():
        # Shown beside the score grid while the caseworker types: a page of text per
        # stage would not be read, and two caseworkers would stop scoring alike.
        if any(len(part) > MAX_DESCRIPTOR for part in (d.question, *d.stages)):
            raise InputError(
                {
                    "descriptors": (
                        f"{INDICATOR_LABELS[indicator]}: hvert spørgsmål og trin må højst "
                        f"være {MAX_DESCRIPTOR} tegn."
                    )
                }
            )
        # Consent is free: giving or refusing it must never move a score (issue: the old
        # cooperation stage rewarded "Giver samtykke ...").
        if any(mentions_consent(stage) for stage in d.stages):
            raise InputError(
                {
                    "descriptors": (
                        f"{INDICATOR_LABELS[indicator]}: et trin må ikke handle om samtykke. "
                        "Samtykke er frivilligt, og et nej må ikke give en lavere score."
                    )
                }
            )
    set_setting(store, DESCRIPTORS_SETTING, text)
    return parsed


def reset_descriptors(store: Store) -> None:
    """Go back to the shipped descriptors."""
    with store.session() as s:
        s.execute(delete(Setting).where(Setting.key == DESCRIPTORS_SETTING))


# --- choosing indicators ----------------------------------------------------------------


def choose_indicators(
    store: Store, youth_id: int, indicators: Collection[Indicator], on: date
) -> None:
    """Make `indicators` the ones that apply from `on`: newly chosen ones open a period,
    dropped ones have their period closed, unchanged ones are left alone."""
    wanted = {Indicator(i) for i in indicators}
    if len(wanted) > len(Indicator):  # unreachable with the enum; kept as the stated rule
        raise InputError({"indicators": f"Vælg højst {len(Indicator)} indikatorer."})
    with store.session() as s:
        youth = require_youth(s, youth_id)
        if on < youth.henvendelse_date:
            raise InputError({"chosen_on": "Datoen kan ikke ligge før henvendelsesdatoen."})
        current = _open_periods(s, youth_id)
        added = wanted - set(current)
        dropped = set(current) - wanted
        if not added and not dropped:
            return
        for indicator in dropped:
            if current[indicator].chosen_on > on:
                raise InputError(
                    {
                        "chosen_on": (
                            f"{INDICATOR_LABELS[indicator]} blev valgt "
                            f"{current[indicator].chosen_on:%d.%m.%Y} og kan ikke fravælges "
                            "før den dato."
                        )
                    }
                )
        who = _who(s)
        for indicator in dropped:
            current[indicator].dropped_on = on
            current[indicator].dropped_by = who
        for indicator in sorted(added, key=_ORDER.__getitem__):
            s.add(
                IndicatorChoice(
                    youth_id=youth_id,
                    indicator=indicator.value,
                    chosen_on=on,
                    chosen_by=who,
                    dropped_by="",
                )
            )
        s.flush()
        parts = []
        if added:
            parts.append("valgt " + _labels(added))
        if dropped:
            parts.append("fravalgt " + _labels(dropped))
        mark_changed(youth)
        audit.record(
            s,
            Action.UPDATE,
            youth_id=youth_id,
            subject=youth.case_number,
            special=_involves_special(added | dropped),
            detail="Progression: indikatorer " + "; ".join(parts),
        )


def _labels(indicators: Iterable[Indicator]) -> str:
    """Indicator names for the audit log, which caseworkers and the young person read in
    lists: health, substance use and finances are not named there, only counted."""
    ordered = sorted(indicators, key=_ORDER.__getitem__)
    names = [INDICATOR_LABELS[i].lower() for i in ordered if i not in SENSITIVE]
    sensitive = sum(1 for i in ordered if i in SENSITIVE)
    if sensitive:
        names.append("1 følsom" if sensitive == 1 else f"{sensitive} følsomme")
    return ", ".join(names)


# --- reading ----------------------------------------------------------------------------


def _load(session: Session, youth_id: int) -> tuple[list[IndicatorPeriod], list[MeasurementView]]:
    history: list[IndicatorPeriod] = []
    for row in session.scalars(
        select(IndicatorChoice)
        .where(IndicatorChoice.youth_id == youth_id)
        .order_by(IndicatorChoice.chosen_on, IndicatorChoice.id)
    ):
        indicator = _indicator(row.indicator)
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
            _score_views(by_measurement[m.id]),
            m.id in corrected,
        )
        for m in measurements
    ]
    return history, views


def get_progression(store: Store, youth_id: int) -> Progression:
    """Everything the progression screen shows. The read is logged, flagged special when
    health, substance use or finances is chosen, was chosen, or was ever scored."""
    described = descriptors(store)
    with store.session() as s:
        youth = require_youth(s, youth_id)
        history, measurements = _load(s, youth_id)
        chosen = tuple(
            sorted(
                {p.indicator for p in history if p.dropped_on is None},
                key=_ORDER.__getitem__,
            )
        )
        seen = {p.indicator for p in history} | {
            sc.indicator for m in measurements for sc in m.scores
        }
        audit.record(
            s,
            Action.READ,
            youth_id=youth_id,
            subject=youth.case_number,
            special=_involves_special(seen),
            detail="Progression",
        )
        return Progression(
            youth_id,
            youth.case_number,
            chosen,
            tuple(history),
            tuple(measurements),
            described,
        )


# --- recording and correcting -----------------------------------------------------------


def record_measurement(store: Store, youth_id: int, data: MeasurementInput, *, today: date) -> int:
    """Save a measurement of the currently chosen indicators; returns its id."""
    scores = _clean_scores(data.scores)
    with store.session() as s:
        youth = require_youth(s, youth_id)
        chosen = set(_open_periods(s, youth_id))
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
            recorded_by=_who(s),
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
            special=_involves_special(sc.indicator for sc in scores),
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
        allowed = set(_open_periods(s, youth_id)) | {
            i for i in (_indicator(r.indicator) for r in old_rows) if i is not None
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
                corrected_by=_who(s),
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
            i for i in (_indicator(r.indicator) for r in old_rows) if i is not None
        }
        audit.record(
            s,
            Action.UPDATE,
            youth_id=youth_id,
            subject=youth.case_number,
            special=_involves_special(touched),
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
                indicator = _indicator(str(item.get("indicator", "")))
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
                    _sorted_scores(scores),
                )
            )
        audit.record(
            s,
            Action.READ,
            youth_id=youth.id,
            subject=youth.case_number,
            special=_involves_special(sc.indicator for c in out for sc in c.scores_before),
            detail="Progressionsmåling, rettelser",
        )
        return out


# --- the handout ------------------------------------------------------------------------


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
            (i for i in _open_periods(s, youth_id) if i not in SENSITIVE),
            key=_ORDER.__getitem__,
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


# --- caseload ---------------------------------------------------------------------------


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
) -> list[MovementRow]:
    """Average movement (latest minus first score) per indicator over the young people with
    two or more scores on it in [start, end], optionally only one caseworker's and only
    those in a target group on `end`. Aggregates only: no names, no per-person log."""
    if end < start:
        raise InputError({"end": "Slutdatoen ligger før startdatoen."})
    # One plain query and the first/latest picking in Python: window functions over the
    # same rows sorted in SQLCipher's secure memory were fifty times slower at 20,000.
    ends: tuple[dict[tuple[int, str], _Ends], dict[tuple[int, str], _Ends]] = ({}, {})
    with store.session() as s:
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
