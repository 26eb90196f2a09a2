"""Synthetic case histories for demo young people: a visitation with a target group at the
first conversation, a run of conversations until today (or the case's close) with the odd
missed one and a booked next one for active cases, and the dated case events the deadline
rules wait for (offers started and ended, an education pointed out, KUI contact after a
young person left the plan).

A credible caseload is mostly on time. Each requirement is met within its deadline, except
in a share of cases (``LATE_SHARE``) where it comes one week to half a year after the due
date, as when a young person stops turning up or an offer waits for a place. A late event
that has already happened shows as met late; one still to come shows as overdue today. So
what the Frister view calls overdue is a lapse of a kind that really occurs, and the overdue
share stays at a few per cent whatever the size of the demo. Which events a
deadline waits for comes from the rule engine itself (``_meet_deadlines``), so a changed
rule file changes the demo with it.

Deadlines are computed with the rule engine in memory and written in bulk, so 100,000 cases
take seconds, not minutes.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Table, insert, update
from sqlalchemy.orm import Session

from ungedesk.domain import cpr as cprmod
from ungedesk.domain.calendar import add_months
from ungedesk.domain.kui import Reached
from ungedesk.domain.rules import CaseFacts, Event, Rule, Status, deadlines
from ungedesk.domain.visitation import (
    DEFAULT_HELD_BY,
    NEW_LAW,
    ConversationKind,
    ConversationStatus,
    Mode,
    SubAssessment,
    counts_as_jobsamtale,
)
from ungedesk.domain.youth import Benefit, CaseStatus
from ungedesk.services.deadlines import deadline_rows
from ungedesk.store.models import (
    CaseEvent,
    Conversation,
    DeadlineRow,
    FollowUp,
    TargetGroupEntry,
    Visitation,
    Youth,
)

_VISITATION = cast(Table, Visitation.__table__)
_GROUPS = cast(Table, TargetGroupEntry.__table__)
_CONVERSATIONS = cast(Table, Conversation.__table__)
_CASE_EVENTS = cast(Table, CaseEvent.__table__)
_DEADLINES = cast(Table, DeadlineRow.__table__)

# The share of cases in which one requirement (an offer, the fourth jobsamtale, the
# education pointed out, a KUI contact) comes late, and by how many days after the due date.
# With these, about a quarter of the deadlines of the first six months are met late and
# 3-4 % of the active young people have one overdue today (measured at 3,000 and 500).
LATE_SHARE = 0.33
LATE_DAYS = (7, 175)
# The first conversation (where the visitation is held) misses its week now and then.
FIRST_TALK_LATE_SHARE = 0.04
MISSED_SHARE = 0.08  # udeblivelser
# Young people under 30 in a job-directed course (LAB § 30 a) get no uddannelsespålæg.
JOBRETTET_SHARE = 0.1
# 15-17-year-olds who leave their plan (school drop-out) during the case.
LEFT_PLAN_SHARE = 0.2
# Events the generator records as case events to meet a deadline (not conversations).
_CASE_EVENT_KINDS = frozenset(
    {
        "tilbud_start",
        "loentilskud_start",
        "realistic_education",
        "uddannelse_ansoegt",
        "contact",
        "new_activity",
    }
)
_OFFER_KINDS = frozenset({"tilbud_start", "loentilskud_start"})
_OFFERS = (
    "Virksomhedspraktik",
    "Holdforløb: afklaring",
    "Holdforløb: vejen til uddannelse",
    "Mentor",
    "Produktionsskole",
    "FGU: forberedende forløb",
    "Brobygning",
)

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


def _first_talk(henvendelse: date, rng: random.Random) -> datetime:
    """The first conversation: a working day within the week after the henvendelse (the
    first-jobsamtale deadline), now and then the week after."""
    if rng.random() < FIRST_TALK_LATE_SHARE:
        return _working_day_at(henvendelse + timedelta(days=rng.randint(8, 13)), rng)
    days = [d for d in (henvendelse + timedelta(days=n) for n in range(8)) if d.weekday() < 5]
    # Most are seen within a few days; the list is never empty (8 days hold 5 weekdays).
    weights = [8.0 / (i + 2) for i in range(len(days))]
    return _working_day_at(rng.choices(days, weights=weights)[0], rng)


def _late(due: date, rng: random.Random) -> date:
    return due + timedelta(days=rng.randint(*LATE_DAYS))


@dataclass(slots=True)
class _Case:
    """One case being built: its facts for the engine and the rows to write."""

    youth: DemoYouth
    group: str | None
    events: list[Event]
    case_events: list[dict[str, Any]]
    last_day: date  # nothing after this is recorded (today, or the day the case closed)

    def facts(self) -> CaseFacts:
        return CaseFacts(self.youth.birth_date, self.group, tuple(self.events))

    def record(self, kind: str, on: date, note: str = "", **extra: Any) -> None:
        self.case_events.append(
            {
                "youth_id": self.youth.id,
                "kind": kind,
                "on": on,
                "note": note,
                "learned_on": extra.get("learned_on"),
                "reached": extra.get("reached", ""),
            }
        )
        if kind == "left_plan":
            self.events.append(Event(kind, extra.get("learned_on") or on))
        elif kind != "tilbud_slut":
            self.events.append(Event(kind, on))


def _meet_deadlines(
    case: _Case, rule_set: list[Rule], today: date, rng: random.Random, *, late: bool
) -> None:
    """Record the case events the deadlines wait for: on time, or (``late``) the first of
    them LATE_DAYS after its due date. An event after ``last_day`` is not recorded:
    it is still to come (the deadline is open, or overdue if its date has passed), or the
    case closed first. Rounds repeat because a met deadline can open the next one (a KUI
    contact starts the 30 days for a new activity)."""
    seen: set[tuple[str, date]] = set()
    for _round in range(4):
        added = False
        for d in deadlines(rule_set, case.facts(), today):
            key = (d.rule.id, d.start)
            if d.status not in (Status.OPEN, Status.OVERDUE) or key in seen:
                continue
            kinds = [k for k in d.rule.meets if k in _CASE_EVENT_KINDS]
            if not kinds or len(kinds) != len(d.rule.meets):
                continue  # met by conversations or the visitation, built elsewhere
            seen.add(key)
            span = (d.due - d.start).days
            if late:
                on = _late(d.due, rng)
                late = False  # one lapse per case
            else:
                # Work tends to land towards the deadline rather than right after the start.
                low = span // 3 if span > 14 else 0
                on = d.start + timedelta(days=round(rng.triangular(low, span, span)))
            if on > case.last_day:
                continue
            if _OFFER_KINDS & set(kinds):
                kind = "loentilskud_start" if len(kinds) > 1 and rng.random() < 0.2 else kinds[0]
                note = "Løntilskud" if kind == "loentilskud_start" else rng.choice(_OFFERS)
                for _ in range(d.rule.count):
                    case.record(kind, on, note)
                ends = on + timedelta(weeks=rng.randint(4, 26))
                if ends <= case.last_day:
                    case.record("tilbud_slut", ends, note)
            elif "contact" in kinds:
                case.record("contact", on, reached=Reached.BOTH.value)
            else:
                kind = rng.choice(kinds)
                for _ in range(d.rule.count):
                    case.record(kind, on)
            added = True
        if not added:
            return


def add_histories(
    session: Session,
    youths: list[DemoYouth],
    rng: random.Random,
    today: date,
    rule_set: list[Rule],
    *,
    talks_per_case: int = 10,
) -> int:
    """Insert visitations, target groups, conversations, case events and deadlines;
    returns talks made."""
    visits: list[dict[str, Any]] = []
    groups: list[dict[str, Any]] = []
    talks: list[dict[str, Any]] = []
    case_events: list[dict[str, Any]] = []
    limits: list[dict[str, Any]] = []
    closings: list[dict[str, Any]] = []
    follow_ups: list[dict[str, Any]] = []
    for y in youths:
        active = y.status == CaseStatus.ACTIVE.value
        end = today if active else min(today, y.henvendelse + timedelta(days=rng.randint(60, 400)))
        first = _first_talk(y.henvendelse, rng)
        visited = first.date()
        age = cprmod.age_on(y.birth_date, visited)
        group, sub = _group(rng, age, y.benefit)
        lapse = rng.random() < LATE_SHARE
        # Which requirement lapses: the conversations (the young person stops turning up)
        # or one of the events recorded by _meet_deadlines.
        talks_lapse = lapse and rng.random() < 0.4
        case = _Case(y, None, [Event("henvendelse", y.henvendelse)], case_events, end)
        if visited <= today:
            # The visitation is held at the first conversation; one still to come leaves
            # the case waiting for its target group (provisional deadlines).
            case.group = group
            jobrettet = group in ("lab6_4", "lab6_5") and rng.random() < JOBRETTET_SHARE
            paalaeg = (
                visited
                if group in ("lab6_4", "lab6_5") and visited < NEW_LAW and not jobrettet
                else None
            )
            frist = paalaeg + timedelta(weeks=5) if paalaeg else None
            visits.append(
                {
                    "youth_id": y.id,
                    "visited_on": visited,
                    "reasons": "",
                    "paalaeg_given_on": paalaeg,
                    "paalaeg_education": "Erhvervsuddannelse" if paalaeg else "",
                    "paalaeg_deadline": frist,
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
            if jobrettet:
                case.record("jobrettet_forloeb", visited, "Jobrettet forløb efter LAB § 30 a")
            if paalaeg is not None and frist is not None:
                case.events.append(Event("uddannelsespaalaeg", paalaeg))
                # As deadlines.facts_for: the pålæg's own frist (5 weeks, set above).
                case.events.append(Event("paalaeg_frist", frist))
        # The jobsamtaler of the first six months are on time unless this case lapses
        # there: then, after the first or second, the young person does not turn up and
        # is next seen LATE_DAYS after the six months have passed.
        six_months = add_months(y.henvendelse, 6)
        lapse_at = rng.randint(1, 2) if talks_lapse else -1
        at = first
        count = rng.randint(max(1, talks_per_case - 4), talks_per_case + 4)
        for n in range(count):
            future = at.date() > today
            if at.date() > end and not (future and active):
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
            elif n == lapse_at or (n > 0 and rng.random() < MISSED_SHARE):
                status = ConversationStatus.MISSED
            else:
                status = ConversationStatus.HELD
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
                case.events.append(Event("jobsamtale", at.date()))
            if future:
                break
            if n == lapse_at:
                nxt = max(at.date() + timedelta(days=14), _late(six_months, rng))
            elif status is ConversationStatus.MISSED:
                nxt = at.date() + timedelta(days=rng.randint(5, 12))  # booked again soon
            else:
                nxt = at.date() + timedelta(days=rng.randint(14, 40))
            at = _working_day_at(nxt, rng)
        if case.group == "kui" and rng.random() < LEFT_PLAN_SHARE:
            left = visited + timedelta(days=rng.randint(30, 300))
            learned = left + timedelta(days=rng.randint(0, 3))
            if learned <= end:
                case.record("left_plan", left, "Stoppet på skolen", learned_on=learned)
        _meet_deadlines(case, rule_set, today, rng, late=lapse and not talks_lapse)
        limits.extend(deadline_rows(y.id, case.facts(), rule_set))
        if not active:
            closings.append(_closing(y.id, end, today, follow_ups))
    for table, rows in (
        (_VISITATION, visits),
        (_GROUPS, groups),
        (_CONVERSATIONS, talks),
        (_CASE_EVENTS, case_events),
        (_DEADLINES, limits),
    ):
        if rows:
            session.execute(insert(table), rows)
    if closings:
        # By primary key: the closed cases get the day they ended and where they went.
        session.execute(update(Youth), closings)
    if follow_ups:
        session.execute(insert(FollowUp), follow_ups)
    return len(talks)


# Where demo cases went (afgang til), roughly as seed 004's table: most to a job or school.
_EXITS = (
    ("job", 0.30),
    ("education", 0.35),
    ("other_benefit", 0.08),
    ("moved", 0.08),
    ("target_group_change", 0.05),
    ("fleksjob", 0.02),
    ("foertidspension", 0.02),
    ("other", 0.10),
)


def _closing(
    youth_id: int, end: date, today: date, follow_ups: list[dict[str, Any]]
) -> dict[str, Any]:
    """The closed case's day and exit, and for a job or school a follow-up half a year on.
    Drawn from the young person's own stream, so the rest of the demo stays as it was."""
    rng = random.Random(f"closing-{youth_id}")  # noqa: S311 - reproducible demo data
    reason = rng.choices([r for r, _w in _EXITS], [w for _r, w in _EXITS])[0]
    checked = end + timedelta(days=rng.randint(185, 240))
    if reason in ("job", "education") and checked <= today:
        back = rng.random() < 0.2
        follow_ups.append(
            {
                "youth_id": youth_id,
                "checked_on": checked,
                "returned_on": end + timedelta(days=rng.randint(30, 170)) if back else None,
                "note": "",
                "recorded_by": "Demo",
            }
        )
    return {"id": youth_id, "closed_on": end, "exit_reason": reason}
