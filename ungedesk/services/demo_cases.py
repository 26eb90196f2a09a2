"""Synthetic case histories for demo young people: a visitation with a target group, and a
run of conversations from the first one until today (or the case's close), with the odd
missed one and a booked next one for active cases. Deadlines are computed with the rule
engine in memory and written in bulk, so 100,000 cases take seconds, not minutes.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from ungedesk.domain import cpr as cprmod
from ungedesk.domain.rules import CaseFacts, Event, Rule
from ungedesk.domain.visitation import (
    DEFAULT_HELD_BY,
    ConversationKind,
    ConversationStatus,
    Mode,
    SubAssessment,
    counts_as_jobsamtale,
)
from ungedesk.domain.youth import Benefit, CaseStatus
from ungedesk.services.deadlines import deadline_rows
from ungedesk.store.models import Conversation, DeadlineRow, TargetGroupEntry, Visitation

_VISITATION = cast(Table, Visitation.__table__)
_GROUPS = cast(Table, TargetGroupEntry.__table__)
_CONVERSATIONS = cast(Table, Conversation.__table__)
_DEADLINES = cast(Table, DeadlineRow.__table__)

_PLACES = ("Ungeindsatsen, mødelokale 2", "Ungeindsatsen, mødelokale 4", "Ungeindsatsen, Torvet 3")
_NOTES = (
    "Vi talte om mål og næste skridt.",
    "Den unge vil gerne prøve en praktik.",
    "Aftalt at søge EUD. UU hjælper med ansøgningen.",
    "Fremmøde stabilt. Motivationen er steget.",
)


@dataclass(frozen=True, slots=True)
class DemoYouth:
    id: int
    birth_date: date
    henvendelse: date
    benefit: str
    status: str


def _group(rng: random.Random, age: int, benefit: str) -> tuple[str, SubAssessment]:
    if age < 18:
        return "kui", SubAssessment.NONE
    if benefit in (Benefit.KONTANTHJAELP.value, Benefit.UDDANNELSESHJAELP.value):
        if rng.random() < 0.6:
            sub = (
                SubAssessment.OBVIOUSLY_READY
                if rng.random() < 0.4
                else (SubAssessment.READY_WITHIN_YEAR)
            )
            return "lab6_4", sub
        return "lab6_5", SubAssessment.ACTIVITY_READY
    if benefit == Benefit.DAGPENGE.value:
        return "lab6_1", SubAssessment.NONE
    return ("lab6_2" if rng.random() < 0.7 else "lab6_3"), SubAssessment.NONE


def _working_day_at(day: date, rng: random.Random) -> datetime:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, time(rng.choice((9, 10, 11, 13, 14)), rng.choice((0, 30))))


def add_histories(
    session: Session,
    youths: list[DemoYouth],
    rng: random.Random,
    today: date,
    rule_set: list[Rule],
    *,
    talks_per_case: int = 10,
) -> int:
    """Insert visitations, target groups, conversations and deadlines; returns talks made."""
    visits: list[dict[str, Any]] = []
    groups: list[dict[str, Any]] = []
    talks: list[dict[str, Any]] = []
    limits: list[dict[str, Any]] = []
    for y in youths:
        visited = min(y.henvendelse + timedelta(days=rng.choice((0, 1, 2, 3, 5, 8))), today)
        age = cprmod.age_on(y.birth_date, visited)
        group, sub = _group(rng, age, y.benefit)
        paalaeg = (
            visited
            if group in ("lab6_4", "lab6_5") and visited < date(2027, 1, 1) and rng.random() < 0.8
            else None
        )
        visits.append(
            {
                "youth_id": y.id,
                "visited_on": visited,
                "reasons": "",
                "paalaeg_given_on": paalaeg,
                "paalaeg_education": "Erhvervsuddannelse" if paalaeg else "",
                "paalaeg_deadline": paalaeg + timedelta(weeks=5) if paalaeg else None,
                "fvu_obu_screening": rng.random() < 0.2,
                "fgu_assessed_on": None,
                "stu_assessed_on": None,
                "uu_present": rng.random() < 0.7,
                "turned_away": rng.random() < 0.03,
            }
        )
        groups.append(
            {
                "youth_id": y.id,
                "valid_from": visited,
                "target_group": group,
                "sub_assessment": sub.value,
                "reason": "Visitation",
            }
        )
        end = (
            today
            if y.status == CaseStatus.ACTIVE.value
            else min(today, y.henvendelse + timedelta(days=rng.randint(60, 400)))
        )
        events = [Event("henvendelse", y.henvendelse)]
        if paalaeg is not None:
            events.append(Event("uddannelsespaalaeg", paalaeg))
            # As deadlines.facts_for: the pålæg's own frist (5 weeks, set above).
            events.append(Event("paalaeg_frist", paalaeg + timedelta(weeks=5)))
        when = visited
        count = rng.randint(max(1, talks_per_case - 4), talks_per_case + 4)
        for n in range(count):
            at = _working_day_at(when, rng)
            future = at.date() > today
            if at.date() > end and not (future and y.status == CaseStatus.ACTIVE.value):
                break
            kind = (
                ConversationKind.FIRST
                if n == 0
                else rng.choice(
                    (
                        ConversationKind.JOB,
                        ConversationKind.JOB,
                        ConversationKind.FOLLOW_UP,
                        ConversationKind.JOINT_UU,
                    )
                )
            )
            if future:
                status = ConversationStatus.BOOKED
            else:
                status = (
                    ConversationStatus.MISSED if rng.random() < 0.08 else (ConversationStatus.HELD)
                )
            talks.append(
                {
                    "youth_id": y.id,
                    "kind": kind.value,
                    "status": status.value,
                    "starts_at": at,
                    "duration_minutes": 45,
                    "mode": Mode.IN_PERSON.value,
                    "place": rng.choice(_PLACES),
                    "participants": json.dumps(["Sagsbehandler", "Den unge"]),
                    "notes": rng.choice(_NOTES) if status is ConversationStatus.HELD else "",
                    "held_by": DEFAULT_HELD_BY[kind].value,
                }
            )
            if status is ConversationStatus.HELD and counts_as_jobsamtale(
                kind, DEFAULT_HELD_BY[kind]
            ):
                events.append(Event("jobsamtale", at.date()))
            if future:
                break
            when = at.date() + timedelta(days=rng.randint(14, 45))
        facts = CaseFacts(y.birth_date, group, tuple(events))
        limits.extend(deadline_rows(y.id, facts, rule_set))
    for table, rows in (
        (_VISITATION, visits),
        (_GROUPS, groups),
        (_CONVERSATIONS, talks),
        (_DEADLINES, limits),
    ):
        if rows:
            session.execute(insert(table), rows)
    return len(talks)
