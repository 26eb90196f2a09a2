"""What the progression services return (frozen read models) and the row helpers the
progression modules share: reading indicators from rows, the open indicator periods, who
the current user is, and how the audit log names indicators without naming sensitive ones.

Health and substance use are special-category data (GDPR art. 9), finances and debt are
confidential private matters (databeskyttelsesloven § 8); the three are handled alike
(domain.progression.SENSITIVE): every read that can show them is flagged special in the audit
log, the log counts them without naming them, and the handout never carries them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.progression import (
    INDICATOR_LABELS,
    SENSITIVE,
    Descriptor,
    Indicator,
)
from ungedesk.domain.progression import talk_about as _talk_about
from ungedesk.domain.visitation import (
    CONVERSATION_LABELS,
    STATUS_LABELS,
    ConversationKind,
    ConversationStatus,
)
from ungedesk.services.current_user import current_caseworker, label
from ungedesk.store.models import IndicatorChoice, MeasurementScore

ORDER = {indicator: position for position, indicator in enumerate(Indicator)}


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
class ConversationRef:
    """A conversation as the progression screen names it: a measurement's link to the
    conversation it was taken at, and the choices in the measurement dialog."""

    id: int
    kind: ConversationKind
    status: ConversationStatus
    starts_at: datetime

    @property
    def kind_label(self) -> str:
        return CONVERSATION_LABELS[self.kind]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True, slots=True)
class ProgressionScreen:
    """Everything the record's progression tab shows, read in one transaction."""

    progression: Progression
    conversations: tuple[ConversationRef, ...]  # newest first


@dataclass(frozen=True, slots=True)
class MovementRow:
    indicator: Indicator
    youths: int  # young people with two or more caseworker scores in the period
    caseworker_average: float | None  # mean of latest minus first
    youth_average: float | None  # the same over the young people's own scores

    @property
    def label(self) -> str:
        return INDICATOR_LABELS[self.indicator]


# --- helpers shared by the progression modules -------------------------------------------


def indicator_of(value: str) -> Indicator | None:
    # A row from a newer version (received by case transfer) may name an indicator this
    # version does not know; it is left out rather than breaking the whole screen.
    try:
        return Indicator(value)
    except ValueError:
        return None


def who(session: Session) -> str:
    """The current user as the audit log names them: "Name (INITIALS)"."""
    cw = current_caseworker(session)
    return "UngeDesk" if cw is None else label(cw)


def sorted_scores(scores: Iterable[ScoreView]) -> tuple[ScoreView, ...]:
    return tuple(sorted(scores, key=lambda s: ORDER[s.indicator]))


def score_views(rows: Iterable[MeasurementScore]) -> tuple[ScoreView, ...]:
    views = []
    for r in rows:
        indicator = indicator_of(r.indicator)
        if indicator is not None:
            views.append(ScoreView(indicator, r.caseworker_score, r.youth_score, r.comment))
    return sorted_scores(views)


def open_periods(session: Session, youth_id: int) -> dict[Indicator, IndicatorChoice]:
    rows = session.scalars(
        select(IndicatorChoice).where(
            IndicatorChoice.youth_id == youth_id, IndicatorChoice.dropped_on.is_(None)
        )
    )
    out: dict[Indicator, IndicatorChoice] = {}
    for row in rows:
        indicator = indicator_of(row.indicator)
        if indicator is not None:
            out[indicator] = row
    return out


def involves_special(indicators: Iterable[Indicator]) -> bool:
    return any(i in SENSITIVE for i in indicators)


def labels(indicators: Iterable[Indicator]) -> str:
    """Indicator names for the audit log, which caseworkers and the young person read in
    lists: health, substance use and finances are not named there, only counted."""
    ordered = sorted(indicators, key=ORDER.__getitem__)
    names = [INDICATOR_LABELS[i].lower() for i in ordered if i not in SENSITIVE]
    sensitive = sum(1 for i in ordered if i in SENSITIVE)
    if sensitive:
        names.append(
            "1 følsom indikator" if sensitive == 1 else f"{sensitive} følsomme indikatorer"
        )
    return ", ".join(names)
