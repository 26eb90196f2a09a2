"""Rettidighed and the 75 % targets over deadlines whose answers are worked out by hand."""

from __future__ import annotations

from datetime import date

from ungedesk.domain.figures import NOT_VISITED, TOTAL, CaseFacts, GroupSpan, Period
from ungedesk.domain.timeliness import (
    DeadlineFact,
    DeadlineKind,
    Timeliness,
    group_of_cases,
    kind_of,
    still_owed,
    targets,
    targets_by_group,
    timeliness,
    timeliness_by_group,
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


# Per target group: a deadline counts in the group the young person was in on its due day,
# or on the closing day when the case closed before the due day.
A, B, C = "gruppe_a", "gruppe_b", "gruppe_c"
CASES = [
    # 1 changes from A to B on 10 September.
    CaseFacts(
        1,
        date(2026, 1, 5),
        groups=(GroupSpan(A, date(2026, 1, 5), date(2026, 9, 10)), GroupSpan(B, date(2026, 9, 10))),
    ),
    # 2 is closed on 2 September in A; a change to B dated after the closing (a corrected
    # history) does not move a deadline due after the closing out of A.
    CaseFacts(
        2,
        date(2026, 3, 1),
        closed_on=date(2026, 9, 2),
        groups=(GroupSpan(A, date(2026, 3, 1), date(2026, 9, 5)), GroupSpan(B, date(2026, 9, 5))),
    ),
    CaseFacts(3, date(2026, 6, 1), groups=(GroupSpan(B, date(2026, 6, 1)),)),
    CaseFacts(4, date(2026, 6, 1), groups=(GroupSpan(C, date(2026, 6, 1)),)),
    # 6 was closed in August, in B; a deadline of the case still fell due in September.
    CaseFacts(
        6, date(2026, 2, 1), closed_on=date(2026, 8, 20), groups=(GroupSpan(B, date(2026, 2, 1)),)
    ),
    # 5 has no case among these: not visited.
]
BY_GROUP = [
    DeadlineFact(1, FOUR, TALK, date(2026, 9, 5), date(2026, 9, 5), waivable=True),  # A, on time
    DeadlineFact(1, FOUR, TALK, date(2026, 9, 15), date(2026, 9, 18), waivable=True),  # B, late
    DeadlineFact(1, FOUR, TALK, date(2026, 8, 20), None, waivable=True),  # August: out
    DeadlineFact(1, OFFER, OFF, date(2026, 9, 8), None, exempt=True, waivable=True),  # A, exempt
    DeadlineFact(2, FOUR, TALK, date(2026, 9, 10), None, waivable=True),  # A (closing), late
    DeadlineFact(3, FOUR, TALK, date(2026, 9, 12), None, exempt=True, waivable=True),  # B, exempt
    DeadlineFact(3, OFFER, OFF, date(2026, 9, 1), date(2026, 8, 15), waivable=True),  # B, on time
    DeadlineFact(4, FOUR, TALK, date(2026, 9, 16), None, provisional=True),  # provisional: out
    DeadlineFact(4, FOUR, TALK, date(2026, 9, 25), None, waivable=True),  # not due yet: out
    DeadlineFact(5, FOUR, TALK, date(2026, 9, 7), date(2026, 9, 6)),  # not visited, on time
    DeadlineFact(6, FOUR, TALK, date(2026, 9, 3), None, waivable=True),  # B (closing), late
]


def _counts(t: Timeliness) -> tuple[int, int, int]:
    return (t.deadlines_on_time, t.deadlines_late, t.deadlines_exempt)


def test_conversations_per_target_group_by_hand() -> None:
    got = timeliness_by_group(BY_GROUP, SEP, TODAY, TALK, group_of_cases(CASES))
    # C has only a provisional and a not yet due deadline: no column.
    assert set(got) == {TOTAL, A, B, NOT_VISITED}
    # A: 1 on 5 September on time (before the change), 2 late (A on its closing day).
    assert _counts(got[A]) == (1, 1, 0)
    assert (got[A].on_time, got[A].late) == ({1}, {2})
    assert got[A].share == 1 / 2
    # B: 1 on the 15th late (after the change), 6 late (B when closed in August), 3 exempt.
    assert _counts(got[B]) == (0, 2, 1)
    assert (got[B].late, got[B].exempt) == ({1, 6}, {3})
    assert got[B].share == 0.0
    assert got[B].share_with_exempt == 0.0
    # 5 has no case: not visited, on time.
    assert _counts(got[NOT_VISITED]) == (1, 0, 0)
    assert got[NOT_VISITED].share == 1.0
    # In total each deadline once: 2 on time, 3 late, 1 exempt; 1 is both on time and late.
    assert _counts(got[TOTAL]) == (2, 3, 1)
    assert (got[TOTAL].on_time, got[TOTAL].late, got[TOTAL].exempt) == ({1, 5}, {1, 2, 6}, {3})
    assert got[TOTAL].share == 2 / 5
    assert got[TOTAL].share_with_exempt == 2 / 6
    # The groups add up to the total, deadline by deadline.
    for i in range(3):
        assert sum(_counts(got[c])[i] for c in (A, B, NOT_VISITED)) == _counts(got[TOTAL])[i]
    assert got[TOTAL] == timeliness(BY_GROUP, SEP, TODAY, TALK)


def test_offers_per_target_group_by_hand() -> None:
    got = timeliness_by_group(BY_GROUP, SEP, TODAY, OFF, group_of_cases(CASES))
    assert set(got) == {TOTAL, A, B}
    # A: 1's offer deadline on 8 September (before the change) exempted: no share.
    assert _counts(got[A]) == (0, 0, 1) and got[A].share is None
    assert got[A].exempt == {1}
    # B: 3's offer on time.
    assert _counts(got[B]) == (1, 0, 0) and got[B].share == 1.0
    assert _counts(got[TOTAL]) == (1, 0, 1) and got[TOTAL].share == 1.0
    assert got[TOTAL] == timeliness(BY_GROUP, SEP, TODAY, OFF)


def test_the_75_percent_targets_per_target_group_by_hand() -> None:
    got = targets_by_group(BY_GROUP, SEP, TODAY, group_of_cases(CASES))
    # 5's deadline is not waivable (not the targets' population), so no not-visited column.
    assert set(got) == {TOTAL, A, B}
    talk = {c: got[c][0].timeliness.share_with_exempt for c in got}
    offer = {c: got[c][1].timeliness.share_with_exempt for c in got}
    assert all(
        [r.target.id for r in results] == ["75-jobsamtaler-6-maaneder", "75-tilbud-6-maaneder"]
        for results in got.values()
    )
    # Jobsamtaler: A 1 on time of 2; B none on time of 2 late and 1 exempt; in total 1 of 5.
    assert talk == {A: 1 / 2, B: 0.0, TOTAL: 1 / 5}
    # Tilbud: A 0 of 1 (exempted count as not given); B 1 of 1; in total 1 of 2.
    assert offer == {A: 0.0, B: 1.0, TOTAL: 1 / 2}
    assert (got[A][0].reached, got[B][1].reached, got[TOTAL][0].reached) == (False, True, False)
    assert list(got[TOTAL]) == targets(BY_GROUP, SEP, TODAY)


def test_a_group_without_a_target_s_deadlines_has_nothing_to_measure() -> None:
    only_offer = [d for d in BY_GROUP if d.youth_id == 3 and d.kind is OFF]
    got = targets_by_group(only_offer, SEP, TODAY, group_of_cases(CASES))
    assert set(got) == {TOTAL, B}
    assert got[B][0].reached is None and got[B][1].reached is True
    # Before the targets start no column has one.
    assert targets_by_group(BY_GROUP, Period.month(2026, 6), TODAY, group_of_cases(CASES)) == {
        TOTAL: ()
    }


def test_a_deadline_lapses_with_a_case_closed_before_it_unless_met_by_then() -> None:
    closed = CaseFacts(
        1, date(2026, 3, 2), closed_on=date(2026, 9, 8), groups=(GroupSpan(A, date(2026, 3, 2)),)
    )
    still_open = CaseFacts(2, date(2026, 3, 2), groups=(GroupSpan(A, date(2026, 3, 2)),))
    due_after_unmet = DeadlineFact(1, FOUR, TALK, date(2026, 9, 10), None, waivable=True)
    due_after_met_before = DeadlineFact(
        1, FOUR, TALK, date(2026, 9, 14), date(2026, 9, 8), waivable=True
    )
    due_after_met_after = DeadlineFact(
        1, FOUR, TALK, date(2026, 9, 15), date(2026, 9, 9), waivable=True
    )
    due_on_closing_day = DeadlineFact(1, FOUR, TALK, date(2026, 9, 8), None, waivable=True)
    open_late = DeadlineFact(2, FOUR, TALK, date(2026, 9, 10), None, waivable=True)
    kept = still_owed(
        [due_after_unmet, due_after_met_before, due_after_met_after, due_on_closing_day, open_late],
        [closed, still_open],
    )
    # Met on the closing day: kept (on time); not met, or met only after the closing: gone;
    # due on the closing day itself: still owed that day, so kept (late).
    assert kept == [due_after_met_before, due_on_closing_day, open_late]
    counted = timeliness(kept, SEP, TODAY, TALK)
    assert (counted.deadlines_on_time, counted.deadlines_late) == (1, 2)
