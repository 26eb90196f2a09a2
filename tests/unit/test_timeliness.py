"""Rettidighed and the 75 % targets over deadlines whose answers are worked out by hand."""

from __future__ import annotations

from datetime import date

from ungedesk.domain.figures import Period
from ungedesk.domain.timeliness import (
    DeadlineFact,
    DeadlineKind,
    kind_of,
    targets,
    timeliness,
)

TALK, OFF = DeadlineKind.CONVERSATION, DeadlineKind.OFFER
SEP = Period.month(2026, 9)
TODAY = date(2026, 9, 20)
FOUR = "lab-31-3-fire-jobsamtaler"
OFFER = "lab-102-tilbud-uddannelsesparat-2026"

DEADLINES = [
    DeadlineFact(1, FOUR, TALK, date(2026, 9, 3), date(2026, 9, 3), waivable=True),  # on the day
    DeadlineFact(2, FOUR, TALK, date(2026, 9, 4), date(2026, 9, 7), waivable=True),  # 3 days late
    DeadlineFact(3, FOUR, TALK, date(2026, 9, 10), None, waivable=True),  # past due, not met
    DeadlineFact(4, FOUR, TALK, date(2026, 9, 25), None, waivable=True),  # not due yet: left out
    DeadlineFact(5, FOUR, TALK, date(2026, 9, 12), None, exempt=True, waivable=True),  # exempt
    DeadlineFact(6, FOUR, TALK, date(2026, 9, 15), date(2026, 9, 1)),  # aktivitetsparat, on time
    DeadlineFact(7, FOUR, TALK, date(2026, 9, 16), None, provisional=True),  # provisional: out
    DeadlineFact(8, FOUR, TALK, date(2026, 8, 31), date(2026, 8, 30), waivable=True),  # August
    DeadlineFact(9, OFFER, OFF, date(2026, 9, 1), date(2026, 8, 15), waivable=True),
    DeadlineFact(10, OFFER, OFF, date(2026, 9, 2), None, exempt=True, waivable=True),
]


def test_conversations_in_september_by_hand() -> None:
    t = timeliness(DEADLINES, SEP, TODAY, TALK)
    # On time: 1 and 6; late: 2 (met late) and 3 (past due); exempt: 5; 4, 7, 8 not counted.
    assert (t.on_time, t.late, t.exempt) == ({1, 6}, {2, 3}, {5})
    assert t.share == 2 / 4
    assert t.share_with_exempt == 2 / 5


def test_the_75_percent_targets_count_the_exempted_as_not_given() -> None:
    conversation, offer = targets(DEADLINES, SEP, TODAY)
    # Jobsamtaler: only the waivable (job- and uddannelsesparate) deadlines: 1 on time of
    # 1, 2, 3 and the exempted 5: 1 / 4 = 25 %, not reached.
    assert conversation.timeliness.share_with_exempt == 1 / 4
    assert conversation.reached is False
    # Offers: 9 on time, 10 exempted: 1 / 2 = 50 %.
    assert offer.timeliness.share_with_exempt == 1 / 2
    assert offer.reached is False


def test_the_targets_start_on_1_july_2026() -> None:
    assert targets(DEADLINES, Period.month(2026, 6), TODAY) == []
    assert len(targets(DEADLINES, Period.quarter(2026, 3), TODAY)) == 2
    # A quarter that begins before and ends after the start day is measured.
    assert len(targets(DEADLINES, Period.year(2026), TODAY)) == 2


def test_an_empty_period_has_no_share() -> None:
    t = timeliness([], SEP, TODAY, OFF)
    assert t.share is None and t.share_with_exempt is None


def test_what_a_rule_is_about_comes_from_the_events_that_meet_it() -> None:
    assert kind_of(["jobsamtale"]) is TALK
    assert kind_of(["contact"]) is TALK
    assert kind_of(["tilbud_start", "loentilskud_start"]) is OFF
    assert kind_of(["uddannelsespaalaeg"]) is DeadlineKind.OTHER
