"""The journal of a case: everything that happened to one young person in date order
(newest first), so a caseworker can read the case as a story rather than tab by tab.

Conversations come with their notes in full; the visitation and each change of target
group with the reason typed; case events with their note; each plan version handed out;
each progression measurement. Health, substance use and finances are sensitive
(domain.progression.SENSITIVE): the journal counts their scores and leaves the numbers to
the Progression tab, whose reads are flagged in the access log. Reading the journal is one
transaction and one logged read, like the other record tabs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.progression import INDICATOR_LABELS, SENSITIVE, Indicator
from ungedesk.domain.visitation import (
    CONVERSATION_LABELS,
    HELD_BY_LABELS,
    STATUS_LABELS,
    SUB_ASSESSMENT_LABELS,
    ConversationKind,
    ConversationStatus,
    HeldBy,
    SubAssessment,
)
from ungedesk.services import audit, target_groups
from ungedesk.services.audit import Action
from ungedesk.services.visitation import EVENT_KINDS
from ungedesk.services.youths import require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import (
    CaseEvent,
    Conversation,
    Measurement,
    MeasurementScore,
    PlanVersion,
    TargetGroupEntry,
    Visitation,
)


class EntryKind(StrEnum):
    CONVERSATION = "conversation"
    VISITATION = "visitation"
    TARGET_GROUP = "target_group"
    EVENT = "event"
    PLAN = "plan"
    MEASUREMENT = "measurement"


KIND_LABELS: dict[EntryKind, str] = {
    EntryKind.CONVERSATION: "Samtale",
    EntryKind.VISITATION: "Visitation",
    EntryKind.TARGET_GROUP: "Målgruppe",
    EntryKind.EVENT: "Hændelse",
    EntryKind.PLAN: "Uddannelsesplan",
    EntryKind.MEASUREMENT: "Progressionsmåling",
}

# Entries of one day keep an order a reader expects: the visitation before the
# conversation's note of that day, a target group before what followed from it.
_SAME_DAY_ORDER = {
    EntryKind.VISITATION: 0,
    EntryKind.TARGET_GROUP: 1,
    EntryKind.CONVERSATION: 2,
    EntryKind.EVENT: 3,
    EntryKind.MEASUREMENT: 4,
    EntryKind.PLAN: 5,
}


@dataclass(frozen=True, slots=True)
class JournalEntry:
    on: date
    at: datetime | None  # the time of day where there is one (conversations)
    kind: EntryKind
    title: str  # what it was: "Jobsamtale · afholdt", "Målgruppeskift: …"
    who: str  # who held, recorded or handed it out; "" when not recorded
    text: str  # the note, reason or summary in full

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def read(store: Store, youth_id: int) -> list[JournalEntry]:
    """The case's journal, newest first; the read is logged."""
    with store.session() as s:
        return read_in(s, youth_id)


def read_in(s: Session, youth_id: int) -> list[JournalEntry]:
    youth = require_youth(s, youth_id)
    entries = [
        *_conversations(s, youth_id),
        *_visitation(s, youth_id),
        *_events(s, youth_id),
        *_plans(s, youth_id),
        *_measurements(s, youth_id),
    ]
    audit.record(s, Action.READ, youth_id=youth_id, subject=youth.case_number, detail="Journal")
    # Newest first; within a day the latest time first, then the reading order above
    # reversed (so that read top-down, a day's story still runs backwards in time).
    entries.sort(key=lambda e: (e.on, e.at or datetime.min, _SAME_DAY_ORDER[e.kind]), reverse=True)
    return entries


def _conversations(s: Session, youth_id: int) -> list[JournalEntry]:
    rows = s.scalars(select(Conversation).where(Conversation.youth_id == youth_id))
    out = []
    for c in rows:
        status = ConversationStatus(c.status)
        title = f"{CONVERSATION_LABELS[ConversationKind(c.kind)]} · {STATUS_LABELS[status]}"
        who = HELD_BY_LABELS[HeldBy(c.held_by)] if status is ConversationStatus.HELD else ""
        out.append(
            JournalEntry(
                c.starts_at.date(), c.starts_at, EntryKind.CONVERSATION, title, who, c.notes
            )
        )
    return out


def _visitation(s: Session, youth_id: int) -> list[JournalEntry]:
    visit = s.scalar(select(Visitation).where(Visitation.youth_id == youth_id))
    groups = list(
        s.scalars(
            select(TargetGroupEntry)
            .where(TargetGroupEntry.youth_id == youth_id)
            .order_by(TargetGroupEntry.valid_from, TargetGroupEntry.id)
        )
    )
    out = []
    if visit is not None:
        first = groups[0] if groups else None
        title = "Visitation"
        if first is not None:
            title += f": {_group_text(first)}"
        out.append(
            JournalEntry(visit.visited_on, None, EntryKind.VISITATION, title, "", visit.reasons)
        )
    # The first entry is the visitation's own target group (shown with it above).
    for entry in groups[1:]:
        out.append(
            JournalEntry(
                entry.valid_from,
                None,
                EntryKind.TARGET_GROUP,
                f"Målgruppeskift: {_group_text(entry)}",
                "",
                entry.reason,
            )
        )
    return out


def _group_text(entry: TargetGroupEntry) -> str:
    text = target_groups.label(entry.target_group, entry.valid_from)
    sub = SUB_ASSESSMENT_LABELS[SubAssessment(entry.sub_assessment)]
    return f"{text} ({sub.lower()})" if sub else text


def _events(s: Session, youth_id: int) -> list[JournalEntry]:
    rows = s.scalars(select(CaseEvent).where(CaseEvent.youth_id == youth_id))
    return [
        JournalEntry(e.on, None, EntryKind.EVENT, EVENT_KINDS.get(e.kind, e.kind), "", e.note)
        for e in rows
    ]


def _plans(s: Session, youth_id: int) -> list[JournalEntry]:
    rows = s.scalars(select(PlanVersion).where(PlanVersion.youth_id == youth_id))
    return [
        JournalEntry(
            v.handed_out_on,
            None,
            EntryKind.PLAN,
            f"Version {v.number} udleveret",
            v.handed_out_by,
            "",
        )
        for v in rows
    ]


def _measurements(s: Session, youth_id: int) -> list[JournalEntry]:
    scores: dict[int, list[MeasurementScore]] = {}
    for score in s.scalars(select(MeasurementScore).where(MeasurementScore.youth_id == youth_id)):
        scores.setdefault(score.measurement_id, []).append(score)
    out = []
    for m in s.scalars(select(Measurement).where(Measurement.youth_id == youth_id)):
        shown: list[str] = []
        sensitive = 0
        for score in sorted(scores.get(m.id, []), key=lambda sc: sc.indicator):
            indicator = Indicator(score.indicator)
            if indicator in SENSITIVE:
                sensitive += 1
                continue
            parts = [INDICATOR_LABELS[indicator]]
            if score.caseworker_score is not None:
                parts.append(f"{score.caseworker_score}")
            if score.youth_score is not None:
                parts.append(f"(den unge: {score.youth_score})")
            line = " ".join(parts)
            if score.comment:
                line += f" – {score.comment}"
            shown.append(line)
        if sensitive:
            shown.append(
                f"{sensitive} følsom{'me' if sensitive > 1 else ''} indikator"
                f"{'er' if sensitive > 1 else ''} (se fanen Progression)"
            )
        out.append(
            JournalEntry(
                m.measured_on,
                None,
                EntryKind.MEASUREMENT,
                "Måling",
                m.recorded_by,
                "\n".join(shown),
            )
        )
    return out
