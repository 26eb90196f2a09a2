"""The engine's waivers (EXEMPT), provisional deadlines before visitation, and the local
closing-day calendar. Rules come from a small TOML of the test's own; every date is
counted by hand in the comments."""

from datetime import date

import pytest

from ungedesk.domain.calendar import (
    DEFAULT_CALENDAR,
    ClosedDay,
    ClosingCalendar,
    ClosingDay,
    Period,
    Unit,
    add_period,
    closed_reason,
    skipped_days,
)
from ungedesk.domain.rule_parsing import parse_rules
from ungedesk.domain.rules import (
    CaseFacts,
    Event,
    RuleError,
    Status,
    Waiver,
    deadlines,
    on_time_share,
)

RULES = parse_rules(
    """
[[rule]]
id = "first"
description = "Første jobsamtale senest 1 uge efter henvendelsen"
start_event = "henvendelse"
once = true
provisional = true
period = { weeks = 1 }
meets = ["jobsamtale"]
target_groups = ["lab6_2", "lab6_4"]
min_age = 18
valid_from = 2020-01-01
source = "LAB § 31, stk. 5"

[[rule]]
id = "contact"
description = "Jobsamtale senest 3 måneder efter henvendelsen (kontaktforløb)"
start_event = "henvendelse"
once = true
waivable = true
period = { months = 3 }
meets = ["jobsamtale"]
target_groups = ["lab6_2", "lab6_4"]
valid_from = 2026-07-01
source = "LAB § 31 (fra 1. juli 2026)"

[[rule]]
id = "kui"
description = "Kontakt senest 5 arbejdsdage efter at planen er forladt"
start_event = "left_plan"
waivable = true
period = { working_days = 5 }
meets = ["contact"]
valid_from = 2019-08-01
source = "KUI"
"""
)
ADULT = date(2003, 2, 1)  # 23 in 2026
TEEN = date(2010, 6, 1)  # 16 in 2026
HENV = Event("henvendelse", date(2026, 8, 3))
TODAY = date(2026, 11, 30)


def one(items: list, rule_id: str):  # type: ignore[no-untyped-def]
    found = [d for d in items if d.rule.id == rule_id]
    assert len(found) == 1
    return found[0]


# --- waivers -----------------------------------------------------------------------------


def test_a_waived_deadline_is_exempt_not_overdue() -> None:
    plain = CaseFacts(ADULT, "lab6_2", (HENV,))
    # 3 August + 3 months = 3 November, passed on 30 November.
    assert one(deadlines(RULES, plain, TODAY), "contact").status is Status.OVERDUE
    waived = CaseFacts(ADULT, "lab6_2", (HENV,), waivers=(Waiver("contact", date(2026, 8, 3)),))
    exempt = one(deadlines(RULES, waived, TODAY), "contact")
    assert exempt.status is Status.EXEMPT and exempt.due == date(2026, 11, 3)
    # The first-samtale rule is not waivable: a waiver naming it changes nothing.
    not_waivable = CaseFacts(ADULT, "lab6_2", (HENV,), waivers=(Waiver("first", date(2026, 8, 3)),))
    assert one(deadlines(RULES, not_waivable, TODAY), "first").status is Status.OVERDUE


def test_met_on_time_stays_met_and_late_stays_exempt() -> None:
    waiver = (Waiver("contact", date(2026, 8, 3)),)
    on_time = CaseFacts(
        ADULT, "lab6_2", (HENV, Event("jobsamtale", date(2026, 10, 1))), waivers=waiver
    )
    assert one(deadlines(RULES, on_time, TODAY), "contact").status is Status.MET
    late = CaseFacts(
        ADULT, "lab6_2", (HENV, Event("jobsamtale", date(2026, 11, 20))), waivers=waiver
    )
    assert one(deadlines(RULES, late, TODAY), "contact").status is Status.EXEMPT


def test_once_rule_waiver_follows_a_corrected_start_others_match_their_start() -> None:
    corrected = CaseFacts(
        ADULT,
        "lab6_2",
        (Event("henvendelse", date(2026, 8, 10)),),
        waivers=(Waiver("contact", date(2026, 8, 3)),),
    )
    assert one(deadlines(RULES, corrected, TODAY), "contact").status is Status.EXEMPT
    # Left the plan twice (not once): only the deadline of the waived start is exempt.
    teen = CaseFacts(
        TEEN,
        "kui",
        (Event("left_plan", date(2026, 9, 7)), Event("left_plan", date(2026, 10, 5))),
        waivers=(Waiver("kui", date(2026, 10, 5)),),
    )
    found = [(d.start, d.status) for d in deadlines(RULES, teen, TODAY)]
    assert found == [
        (date(2026, 9, 7), Status.OVERDUE),
        (date(2026, 10, 5), Status.EXEMPT),
    ]


def test_exempt_deadlines_are_counted_apart_from_on_time_share() -> None:
    facts = CaseFacts(
        ADULT,
        "lab6_2",
        (HENV, Event("jobsamtale", date(2026, 8, 5))),
        waivers=(Waiver("contact", date(2026, 8, 3)),),
    )
    items = deadlines(RULES, facts, TODAY)
    # "first" met on 5 August; "contact" is met by the same samtale on time, so MET too.
    assert [d.status for d in items] == [Status.MET, Status.MET]
    overdue = CaseFacts(ADULT, "lab6_2", (HENV,), waivers=(Waiver("contact", HENV.on),))
    items = deadlines(RULES, overdue, TODAY)
    assert sorted(d.status for d in items) == [Status.EXEMPT, Status.OVERDUE]
    assert on_time_share(items) == 0.0  # one decided deadline (overdue); exempt left out


def test_waivable_must_be_true_or_false() -> None:
    with pytest.raises(RuleError) as info:
        parse_rules(
            '[[rule]]\nid = "x"\ndescription = "x"\nstart_event = "a"\nperiod = { days = 1 }\n'
            'meets = ["b"]\nsource = "s"\nvalid_from = 2026-07-01\nwaivable = "ja"\n'
        )
    assert "waivable" in info.value.message and "true/false" in info.value.message


# --- provisional -------------------------------------------------------------------------


def test_provisional_before_visitation_then_final_or_gone() -> None:
    henv = Event("henvendelse", date(2026, 11, 16))
    before = deadlines(RULES, CaseFacts(ADULT, None, (henv,)), TODAY)
    # Only the provisional rule applies before visitation: 16 Nov + 1 week = 23 Nov, overdue.
    assert [(d.rule.id, d.due, d.status, d.provisional) for d in before] == [
        ("first", date(2026, 11, 23), Status.OVERDUE, True)
    ]
    final = one(deadlines(RULES, CaseFacts(ADULT, "lab6_4", (henv,)), TODAY), "first")
    assert final.provisional is False and final.due == date(2026, 11, 23)
    gone = deadlines(RULES, CaseFacts(ADULT, "lab6_1", (henv,)), TODAY)
    assert [d.rule.id for d in gone] == []


def test_provisional_keeps_age_and_date_filters() -> None:
    henv = Event("henvendelse", date(2026, 11, 16))
    assert deadlines(RULES, CaseFacts(TEEN, None, (henv,)), TODAY) == []  # min_age 18
    old = Event("henvendelse", date(2019, 3, 4))
    assert deadlines(RULES, CaseFacts(ADULT, None, (old,)), TODAY) == []  # before 2020


# --- the closing-day calendar ------------------------------------------------------------

ALL = DEFAULT_CALENDAR
NONE = ClosingCalendar(frozenset())
ONLY_31 = ClosingCalendar(frozenset({ClosingDay.NYTAARSAFTEN}))
ONLY_24 = ClosingCalendar(frozenset({ClosingDay.JULEAFTEN}))


@pytest.mark.parametrize(
    ("calendar", "due"),
    [
        # From Tuesday 22 December 2026. All closed: 23 (1); 24 closed, 25-26 holidays,
        # 27 Sunday; 28 (2), 29 (3), 30 (4); 31 closed, 1 Jan holiday, 2-3 weekend; 4 Jan (5).
        (ALL, date(2027, 1, 4)),
        # Nothing locally closed: 23 (1), 24 (2), 28 (3), 29 (4), 30 (5).
        (NONE, date(2026, 12, 30)),
        # Only 31 December closed: 24 is open, so the same as above: 30 December.
        (ONLY_31, date(2026, 12, 30)),
        # Only 24 December closed: 23 (1), 28 (2), 29 (3), 30 (4), 31 (5).
        (ONLY_24, date(2026, 12, 31)),
    ],
)
def test_five_working_days_across_christmas_follow_the_calendar(
    calendar: ClosingCalendar, due: date
) -> None:
    assert add_period(date(2026, 12, 22), Period(5, Unit.WORKING_DAYS), calendar) == due
    teen = CaseFacts(TEEN, "kui", (Event("left_plan", date(2026, 12, 22)),))
    found = one(deadlines(RULES, teen, date(2026, 12, 23), calendar=calendar), "kui")
    assert found.due == due


def test_closed_reason_and_skipped_days_follow_the_calendar() -> None:
    assert closed_reason(date(2026, 12, 24)) == "Juleaftensdag"
    assert closed_reason(date(2026, 12, 24), NONE) is None
    assert closed_reason(date(2026, 6, 5), NONE) is None  # grundlovsdag open
    assert closed_reason(date(2026, 12, 25), NONE) == "Juledag"  # holidays always
    assert closed_reason(date(2026, 12, 31), ONLY_31) == "Nytårsaftensdag"
    assert skipped_days(date(2026, 12, 22), date(2027, 1, 4)) == (
        ClosedDay(date(2026, 12, 24), "Juleaftensdag", closing=True),
        ClosedDay(date(2026, 12, 25), "Juledag"),
        ClosedDay(date(2026, 12, 31), "Nytårsaftensdag", closing=True),
        ClosedDay(date(2027, 1, 1), "Nytårsdag"),
    )  # 26 December 2026 is a Saturday: weekends are not listed
    assert skipped_days(date(2026, 12, 22), date(2026, 12, 30), NONE) == (
        ClosedDay(date(2026, 12, 25), "Juledag"),
    )
