"""What the record's progression tab lists: the chosen indicators with their latest scores,
the measurements newest first, and the readings the spider chart draws."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from ungedesk.domain.progression import (
    INDICATOR_LABELS,
    INDICATOR_SHORT,
    SENSITIVE,
    STAGE_LABELS,
    Indicator,
    stage_of,
    talk_about,
)
from ungedesk.services.progression import ConversationRef, MeasurementView, Progression
from ungedesk.ui.dates import format_when
from ungedesk.ui.i18n import format_day
from ungedesk.ui.progression.chart import Reading, ReadingKind
from ungedesk.ui.rows_model import RowsModel

_Index = QModelIndex | QPersistentModelIndex
# Formatting a Danish date through babel costs ~75 µs; a record repeats the same few.
_format_day = lru_cache(maxsize=2048)(format_day)
WARNING_COLOUR = QColor("#8a5300")


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    indicator: Indicator
    caseworker: int | None
    youth: int | None
    measured_on: date | None

    @property
    def talk_about(self) -> bool:
        return talk_about(self.caseworker, self.youth)

    @property
    def sensitive(self) -> bool:
        return self.indicator in SENSITIVE


def indicator_rows(p: Progression) -> list[IndicatorRow]:
    """The chosen indicators with the latest measurement that scored each."""
    rows = []
    for indicator in p.chosen:
        series = p.series(indicator)
        if series:
            day, caseworker, youth = series[-1]
            rows.append(IndicatorRow(indicator, caseworker, youth, day))
        else:
            rows.append(IndicatorRow(indicator, None, None, None))
    return rows


def readings(p: Progression) -> list[Reading]:
    """First, previous and latest measurement as chart readings (fewer when there are
    fewer measurements: a single one is both first and latest, drawn as latest)."""
    picked: list[tuple[ReadingKind, MeasurementView | None]] = [
        (ReadingKind.FIRST, p.first() if len(p.measurements) >= 2 else None),
        (ReadingKind.PREVIOUS, p.previous() if len(p.measurements) >= 3 else None),
        (ReadingKind.LATEST, p.latest()),
    ]
    out = []
    for kind, m in picked:
        if m is None:
            continue
        out.append(
            Reading(
                kind,
                m.measured_on,
                {s.indicator: s.caseworker_score for s in m.scores},
                {s.indicator: s.youth_score for s in m.scores},
            )
        )
    return out


def _initials(who: str) -> str:
    """ "Anne Bjerregaard (ABJ)" as "ABJ": the full name is in the tooltip."""
    if who.endswith(")") and "(" in who:
        return who[who.rindex("(") + 1 : -1]
    return who


def _score_text(score: int | None) -> str:
    return "–" if score is None else str(score)


class IndicatorsModel(RowsModel[IndicatorRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Qt asks for the column count on every cell: translate the titles once.
        # Four narrow columns, so the scores stay in view beside the chart in a record
        # pane of ~700 px; the stage's name is in the score's tooltip.
        self._headers = (self.tr("Indicator"), self.tr("Cw."), self.tr("Own"))

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {
                1: self.tr("The caseworker's latest score (1-10)"),
                2: self.tr("The young person's own latest score (1-10)"),
            }.get(section)
        return super().headerData(section, orientation, role)

    def note(self, row: IndicatorRow) -> str:
        """Marks after the indicator's name: "(!)" as on the chart's axis, and "(følsomt
        emne)" - a bare "følsom" after "Helbred" read as if health were touchy."""
        parts = []
        if row.talk_about:
            parts.append("(!)")
        if row.sensitive:
            parts.append(self.tr("(sensitive topic)"))
        return " ".join(parts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                note = self.note(row)
                name = INDICATOR_SHORT[row.indicator]
                return f"{name} {note}" if note else name
            if column == 1:
                return _score_text(row.caseworker)
            return _score_text(row.youth)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and self.note(row):
            return QBrush(WARNING_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                notes = [INDICATOR_LABELS[row.indicator] + "."]
                if row.talk_about:
                    notes.append(
                        self.tr("The caseworker and the young person differ by 3 or more.")
                    )
                if row.sensitive:
                    notes.append(self.tr("Sensitive data (GDPR art. 9): shown only here."))
                return " ".join(notes)
            if row.measured_on is None:
                return self.tr("Not scored yet")
            latest = self.tr("Latest score {day}").format(day=format_day(row.measured_on))
            score = {1: row.caseworker, 2: row.youth}.get(column)
            if score is None:
                return latest
            stage = stage_of(score)
            return self.tr("{latest}. Stage {stage}: {label}").format(
                latest=latest, stage=stage, label=STAGE_LABELS[stage - 1]
            )
        return None


class MeasurementsModel(RowsModel[MeasurementView]):
    """Newest first: the one to correct is usually the latest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conversations: dict[int, ConversationRef] = {}
        self._headers = (self.tr("Date"), self.tr("Conversation"), self.tr("Recorded by"))
        self._texts: list[tuple[str, str, str]] = []

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def set_measurements(
        self, rows: list[MeasurementView], conversations: dict[int, ConversationRef]
    ) -> None:
        """The rows and their cell texts, formatted once: a Danish date through babel
        costs ~75 µs, and Qt asks again at every repaint."""
        self.conversations = conversations
        self._texts = [self._row_texts(m) for m in rows]
        self.replace_rows(rows)

    def _row_texts(self, m: MeasurementView) -> tuple[str, str, str]:
        day = _format_day(m.measured_on)
        when = self.tr("{day} (corrected)").format(day=day) if m.corrected else day
        c = self.conversations.get(m.conversation_id or 0)
        if c is None:
            conversation = self.tr("None")
        elif c.starts_at.date() == m.measured_on:  # the usual case: say the date once
            conversation = c.kind_label
        else:
            conversation = f"{c.kind_label}, {_format_day(c.starts_at.date())}"
        return when, conversation, _initials(m.recorded_by)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        m = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                c = self.conversations.get(m.conversation_id or 0)
                return format_when(c.starts_at) if c is not None else None
            if column == 2:
                return m.recorded_by
            talk = [INDICATOR_LABELS[s.indicator] for s in m.scores if s.talk_about]
            if talk:
                return self.tr("Talk about: {indicators}").format(indicators=", ".join(talk))
        return None
