"""The flow figures (domain.figures) over a hand-built caseload whose right answers are
worked out here by hand, case by case, not by calling the counting code."""

from __future__ import annotations

from datetime import date

import pytest

from ungedesk.domain.figures import (
    NOT_VISITED,
    TOTAL,
    CaseFacts,
    Figure,
    GroupSpan,
    Period,
    flow,
)

UP = "lab6_4"  # uddannelsesparat
AP = "lab6_5"  # aktivitetsparat
FEB = Period.month(2026, 2)

CASES = [
    # A: opened and closed in February (to a job), after its first conversation.
    CaseFacts(
        1,
        date(2026, 2, 3),
        date(2026, 2, 20),
        "job",
        (GroupSpan(UP, date(2026, 2, 4)),),
        first_conversation_on=date(2026, 2, 10),
    ),
    # B: opened in January as UP, moved to AP on 14 February, still open.
    CaseFacts(
        2,
        date(2026, 1, 15),
        None,
        "",
        (GroupSpan(UP, date(2026, 1, 15), date(2026, 2, 14)), GroupSpan(AP, date(2026, 2, 14))),
        first_conversation_on=date(2026, 1, 20),
    ),
    # D: closed to education the day of its first conversation: turned away at the door.
    CaseFacts(
        4,
        date(2026, 2, 5),
        date(2026, 2, 5),
        "education",
        (GroupSpan(UP, date(2026, 2, 5)),),
        first_conversation_on=date(2026, 2, 5),
    ),
    # E: closed on 31 January: not in February.
    CaseFacts(5, date(2025, 12, 1), date(2026, 1, 31), "job", (GroupSpan(UP, date(2025, 12, 1)),)),
    # F: opened in March.
    CaseFacts(6, date(2026, 3, 1), None, "", (GroupSpan(AP, date(2026, 3, 2)),)),
    # G: opened in February, not visited yet.
    CaseFacts(7, date(2026, 2, 10)),
]


def test_february_counted_by_hand() -> None:
    f = flow(CASES, FEB)
    # Active: A, B, D, G (E closed on 31 January, F opened in March).
    assert f.members[(Figure.ACTIVE, TOTAL)] == {1, 2, 4, 7}
    # Per group on the last open day in February: A and D UP, B AP (after the change), G none.
    assert f.members[(Figure.ACTIVE, UP)] == {1, 4}
    assert f.members[(Figure.ACTIVE, AP)] == {2}
    assert f.members[(Figure.ACTIVE, NOT_VISITED)] == {7}
    # Tilgang: A, D, G opened in February; B counts into AP by its change, not in the total.
    assert f.count(Figure.INFLOW) == 3
    assert f.members[(Figure.INFLOW, UP)] == {1, 4}
    assert f.members[(Figure.INFLOW, AP)] == {2}
    # Afgang: A (job) and D (education); UP also loses B to the change of group.
    assert f.count(Figure.OUTFLOW) == 2
    assert f.members[(Figure.OUTFLOW, UP)] == {1, 2, 4}
    assert f.outflow_count("job") == 1 and f.outflow_count("education") == 1
    assert f.outflow_count("target_group_change", UP) == 1
    assert f.outflow_count("target_group_change") == 0
    # Vendt i døren: only D (A left ten days after its first conversation).
    assert f.members[(Figure.TURNED_AWAY, TOTAL)] == {4}
    assert f.columns() == [NOT_VISITED, UP, AP, TOTAL]


def test_a_leap_day_case_opened_and_closed_at_the_door() -> None:
    leap = CaseFacts(
        8, date(2028, 2, 29), date(2028, 2, 29), "job", (GroupSpan(UP, date(2028, 2, 29)),)
    )
    f = flow([leap], Period.month(2028, 2))
    assert Period.month(2028, 2).end == date(2028, 2, 29)
    assert (f.count(Figure.INFLOW), f.count(Figure.OUTFLOW), f.count(Figure.TURNED_AWAY)) == (
        1,
        1,
        1,
    )
    assert flow([leap], Period.month(2028, 3)).count(Figure.ACTIVE) == 0


def test_a_move_to_another_benefit_is_not_turned_away() -> None:
    moved = CaseFacts(
        9, date(2026, 2, 2), date(2026, 2, 3), "other_benefit", (GroupSpan(UP, date(2026, 2, 2)),)
    )
    assert flow([moved], FEB).count(Figure.TURNED_AWAY) == 0


@pytest.mark.parametrize(
    ("period", "start", "end", "label"),
    [
        (Period.quarter(2026, 1), date(2026, 1, 1), date(2026, 3, 31), "2026-K1"),
        (Period.quarter(2028, 1), date(2028, 1, 1), date(2028, 3, 31), "2028-K1"),
        (Period.year(2027), date(2027, 1, 1), date(2027, 12, 31), "2027"),
        (Period.month(2026, 12), date(2026, 12, 1), date(2026, 12, 31), "2026-12"),
    ],
)
def test_periods(period: Period, start: date, end: date, label: str) -> None:
    assert (period.start, period.end, period.label) == (start, end, label)


def test_twelve_months_back_cross_the_new_year() -> None:
    months = Period.month(2026, 2).months_back(3)
    assert [m.label for m in months] == ["2025-12", "2026-01", "2026-02"]


def test_the_quarter_sums_what_its_months_count_for_flows() -> None:
    q1 = Period.quarter(2026, 1)
    total = flow(CASES, q1)
    months = [flow(CASES, m) for m in q1.months_back(3)]
    # Flows add up over months; the active count does not (a case open all quarter is one).
    assert total.count(Figure.INFLOW) == sum(m.count(Figure.INFLOW) for m in months)
    assert total.count(Figure.OUTFLOW) == sum(m.count(Figure.OUTFLOW) for m in months)
    assert total.count(Figure.ACTIVE) == 6  # A, B, D, E (closed 31 January), F (March), G


def test_aktiveringsgrad_by_hand() -> None:
    from ungedesk.domain.figures import OfferSpan, activation

    cases = [
        # Open all February (28 days); an offer 10-19 February (10 days) and an overlapping
        # one 15-24 February (5 more days): 15 days in an offer.
        CaseFacts(
            1,
            date(2026, 1, 5),
            None,
            "",
            (GroupSpan(UP, date(2026, 1, 5)),),
            offers=(
                OfferSpan(date(2026, 2, 10), date(2026, 2, 19)),
                OfferSpan(date(2026, 2, 15), date(2026, 2, 24)),
            ),
        ),
        # Open 20-28 February (9 days), an offer from 25 January still running: the 9 days.
        CaseFacts(
            2,
            date(2026, 2, 20),
            None,
            "",
            (GroupSpan(AP, date(2026, 2, 20)),),
            offers=(OfferSpan(date(2026, 1, 25)),),
        ),
        # Closed 3 February (3 days open), no offer.
        CaseFacts(3, date(2026, 1, 2), date(2026, 2, 3), "job", (GroupSpan(UP, date(2026, 1, 2)),)),
    ]
    result = activation(cases, FEB)
    assert (result[TOTAL].offer_days, result[TOTAL].open_days) == (15 + 9, 28 + 9 + 3)
    assert result[TOTAL].share == 24 / 40
    assert (result[UP].offer_days, result[UP].open_days) == (15, 31)
    assert result[AP].share == 1.0


def test_progression_movement_by_hand() -> None:
    from ungedesk.domain.figures import ScoreFact, progression_movement

    facts = [
        # 1: motivation 3 (May) → 5 (Aug) → 8 (Feb): moved +5 by February.
        ScoreFact(1, "motivation", date(2025, 5, 1), 3),
        ScoreFact(1, "motivation", date(2025, 8, 1), 5),
        ScoreFact(1, "motivation", date(2026, 2, 10), 8),
        # 2: motivation 6 (Jan) → 5 (Feb): moved -1.
        ScoreFact(2, "motivation", date(2026, 1, 5), 6),
        ScoreFact(2, "motivation", date(2026, 2, 20), 5),
        # 3: one February score only: no movement to count.
        ScoreFact(3, "motivation", date(2026, 2, 3), 9),
        # 4: latest score in March, after February: not February's.
        ScoreFact(4, "motivation", date(2026, 1, 3), 2),
        ScoreFact(4, "motivation", date(2026, 3, 3), 9),
        # 1's health: 4 → 4, no movement, but counted.
        ScoreFact(1, "health", date(2025, 5, 1), 4),
        ScoreFact(1, "health", date(2026, 2, 10), 4),
    ]
    moved = progression_movement(facts, FEB)
    assert moved["motivation"].young_people == 2
    assert moved["motivation"].mean == (5 + -1) / 2
    assert (moved["health"].young_people, moved["health"].mean) == (1, 0.0)


def test_returns_to_benefits_after_5_and_7_months_by_hand() -> None:
    from ungedesk.domain.figures import FollowUpFact, add_months, outcomes

    q1 = Period.quarter(2026, 1)
    cases = [
        CaseFacts(1, date(2025, 10, 1), date(2026, 1, 15), "job"),  # back 15 June: 5 months
        CaseFacts(2, date(2025, 10, 1), date(2026, 2, 10), "education"),  # back 10 Sep: 7 mo.
        CaseFacts(3, date(2025, 10, 1), date(2026, 3, 31), "job"),  # checked at 12 months: not
        CaseFacts(4, date(2025, 10, 1), date(2026, 3, 1), "job"),  # never followed up
        CaseFacts(5, date(2025, 10, 1), date(2026, 3, 2), "moved"),  # not a job or school
    ]
    follow = [
        FollowUpFact(1, date(2026, 6, 20), date(2026, 6, 15)),
        FollowUpFact(2, date(2026, 9, 12), date(2026, 9, 10)),
        FollowUpFact(3, date(2027, 3, 31), None),
        FollowUpFact(4, date(2026, 5, 1), None),  # two months: too early to know 6 months
    ]
    six = outcomes(cases, follow, q1, 6)
    assert six.left == {1, 2, 3, 4}
    assert six.returned == {1}
    # 2 came back after seven months: known to be off benefits at six; 3 checked a year on.
    assert six.stayed == {2, 3}
    assert six.unknown == {4}
    twelve = outcomes(cases, follow, q1, 12)
    assert (twelve.returned, twelve.stayed, twelve.unknown) == ({1, 2}, {3}, {4})
    # 31 March + 12 months is 31 March; the leap day's year later is 28 February.
    assert add_months(date(2026, 3, 31), 12) == date(2027, 3, 31)
    assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


def test_a_visitation_that_says_turned_away_counts_whatever_the_dates() -> None:
    # Closed to another benefit two weeks after its first conversation, but the visitation
    # recorded "vendt i døren": counted (an open case never is).
    told = CaseFacts(
        10,
        date(2026, 2, 2),
        date(2026, 2, 20),
        "other_benefit",
        (GroupSpan(UP, date(2026, 2, 2)),),
        first_conversation_on=date(2026, 2, 5),
        turned_away_recorded=True,
    )
    still_open = CaseFacts(11, date(2026, 2, 2), None, "", turned_away_recorded=True)
    assert flow([told, still_open], FEB).members[(Figure.TURNED_AWAY, TOTAL)] == {10}


def test_outcomes_and_progression_per_target_group_by_hand() -> None:
    from ungedesk.domain.figures import (
        FollowUpFact,
        ScoreFact,
        outcomes_by_group,
        progression_movement_by_group,
    )

    q1 = Period.quarter(2026, 1)
    cases = [
        # 1: UP, then AP from 10 January; left for a job on 20 January, in AP.
        CaseFacts(
            1,
            date(2025, 10, 1),
            date(2026, 1, 20),
            "job",
            (GroupSpan(UP, date(2025, 10, 1), date(2026, 1, 10)), GroupSpan(AP, date(2026, 1, 10))),
        ),
        # 2: UP all along, left for education on 3 February.
        CaseFacts(
            2, date(2025, 10, 1), date(2026, 2, 3), "education", (GroupSpan(UP, date(2025, 10, 1)),)
        ),
        # 3: UP, moved away: no outcome anywhere.
        CaseFacts(
            3, date(2025, 10, 1), date(2026, 2, 4), "moved", (GroupSpan(UP, date(2025, 10, 1)),)
        ),
    ]
    follow = [
        FollowUpFact(1, date(2026, 5, 1), date(2026, 4, 2)),
        FollowUpFact(2, date(2026, 9, 1), None),
    ]
    six = outcomes_by_group(cases, follow, q1, 6)
    assert set(six) == {TOTAL, UP, AP}
    assert (six[AP].left, six[AP].returned) == ({1}, {1})
    assert (six[UP].left, six[UP].returned, six[UP].stayed) == ({2}, set(), {2})
    assert (six[TOTAL].left, six[TOTAL].returned, six[TOTAL].stayed) == ({1, 2}, {1}, {2})
    # Progression: 1's latest score (15 January) is in AP, 2's (1 February) in UP.
    scores = [
        ScoreFact(1, "motivation", date(2025, 11, 1), 2),
        ScoreFact(1, "motivation", date(2026, 1, 15), 6),
        ScoreFact(2, "motivation", date(2025, 11, 1), 5),
        ScoreFact(2, "motivation", date(2026, 2, 1), 4),
    ]
    by_id = {c.youth_id: c for c in cases}
    moved = progression_movement_by_group(scores, q1, lambda y, on: by_id[y].group_on(on))
    assert (moved[AP]["motivation"].young_people, moved[AP]["motivation"].mean) == (1, 4.0)
    assert (moved[UP]["motivation"].young_people, moved[UP]["motivation"].mean) == (1, -1.0)
    assert (moved[TOTAL]["motivation"].young_people, moved[TOTAL]["motivation"].mean) == (2, 1.5)
