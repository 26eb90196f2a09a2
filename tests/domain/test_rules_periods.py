"""The shipped rule file across the period boundaries of 2014-2027.

Every expected deadline (rule id, start, due date, source) is worked out by hand and
written as a literal date with the count in a comment; none is computed by the engine.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ungedesk.domain.rule_parsing import parse_rules
from ungedesk.domain.rules import CaseFacts, Deadline, Event, Rule, Status, deadlines

RULE_FILE = Path(__file__).resolve().parents[2] / "resources" / "rules" / "deadlines.toml"
ALL = parse_rules(RULE_FILE.read_text("utf-8"))
# The default rule set: expected law stays out until the municipality switches it on.
LAW = [r for r in ALL if not r.expected]
ADULT = date(2001, 5, 10)  # 18-26 in the years tested
TEEN = date(2009, 9, 1)  # 16 in 2025-2026
TEEN_2014 = date(1998, 3, 15)  # 16 in 2014


def table(items: list[Deadline]) -> list[tuple[str, date, date]]:
    return [(d.rule.id, d.start, d.due) for d in items]


def only(items: list[Deadline], rule_id: str) -> Deadline:
    found = [d for d in items if d.rule.id == rule_id]
    assert len(found) == 1, found
    return found[0]


def case(group: str | None, *events: tuple[str, date], born: date = ADULT) -> CaseFacts:
    return CaseFacts(born, group, tuple(Event(kind, on) for kind, on in events))


def run(facts: CaseFacts, today: date, rules: list[Rule] | None = None) -> list[Deadline]:
    return deadlines(LAW if rules is None else rules, facts, today)


# --- 1 January 2014: kontanthjælpsreformen ---------------------------------------------


def test_day_before_2014_has_no_legal_deadline_only_the_historic_one() -> None:
    facts = case("lab2_12", ("henvendelse", date(2013, 12, 31)))
    assert run(facts, date(2014, 2, 1)) == []
    historic = deadlines(ALL, facts, date(2014, 2, 1), include_historic=True)
    # 31 Dec 2013 + 4 weeks (28 days: 0 left of Dec, 28 in Jan) = 28 Jan 2014
    assert table(historic) == [
        ("2009-foerste-jobsamtale-4-uger", date(2013, 12, 31), date(2014, 1, 28))
    ]


def test_first_day_of_2014_uddannelseshjaelp_case() -> None:
    facts = case(
        "lab2_12",
        ("henvendelse", date(2014, 1, 1)),
        ("jobsamtale", date(2014, 1, 7)),
        ("uddannelsespaalaeg", date(2014, 1, 7)),
    )
    items = run(facts, date(2014, 3, 1))
    assert table(items) == [
        ("lab-2014-uddannelsespaalaeg", date(2014, 1, 7), date(2014, 1, 7)),  # same day
        ("lab-2014-foerste-samtale-1-uge", date(2014, 1, 1), date(2014, 1, 8)),  # 1 Jan + 7
        ("lab-2014-samtale-hver-3-maaned", date(2014, 1, 1), date(2014, 4, 1)),  # + 3 months
        ("lab-2014-samtale-hver-3-maaned", date(2014, 1, 7), date(2014, 4, 7)),  # next link
    ]
    assert [d.status for d in items] == [Status.MET, Status.MET, Status.MET, Status.OPEN]
    assert (
        "lov nr. 895 af 4. juli 2013" in only(items, "lab-2014-foerste-samtale-1-uge").rule.source
    )


def test_a_2017_case_gets_deadlines() -> None:
    # Jobparat kontanthjælp, henvendelse Monday 6 March 2017, no samtale yet.
    facts = case("lab2_2", ("henvendelse", date(2017, 3, 6)))
    items = run(facts, date(2017, 3, 20))
    assert table(items) == [
        ("lab-2014-foerste-samtale-1-uge", date(2017, 3, 6), date(2017, 3, 13)),  # + 7 days
        ("lab-2014-samtale-hver-3-maaned", date(2017, 3, 6), date(2017, 6, 6)),  # + 3 months
    ]
    assert [d.status for d in items] == [Status.OVERDUE, Status.OPEN]


# --- 1 January 2024: LAB § 31 renumbered ------------------------------------------------


def test_day_before_2024_cites_the_old_stk() -> None:
    facts = case("lab6_4", ("henvendelse", date(2023, 12, 31)))
    items = run(facts, date(2024, 1, 2))
    # 31 Dec + 7 days = 7 Jan; 31 Dec + 6 months = 30 Jun (June has 30 days: clamped)
    assert table(items) == [
        ("lab-31-5-foerste-jobsamtale", date(2023, 12, 31), date(2024, 1, 7)),
        ("lab-31-3-fire-jobsamtaler", date(2023, 12, 31), date(2024, 6, 30)),
    ]
    first, four = items
    assert first.rule.source_on(first.start).startswith("LAB § 31, stk. 3 (lov nr. 548")
    assert four.rule.source_on(four.start).startswith("LAB § 31, stk. 1 (lov nr. 548")


def test_first_day_of_2024_cites_the_new_stk() -> None:
    facts = case("lab6_4", ("henvendelse", date(2024, 1, 1)))
    items = run(facts, date(2024, 1, 2))
    # 1 Jan + 7 days = 8 Jan; 1 Jan + 6 months = 1 Jul
    assert table(items) == [
        ("lab-31-5-foerste-jobsamtale", date(2024, 1, 1), date(2024, 1, 8)),
        ("lab-31-3-fire-jobsamtaler", date(2024, 1, 1), date(2024, 7, 1)),
    ]
    first, four = items
    assert (
        first.rule.source_on(first.start) == "LAB § 31, stk. 5 (jf. LBK nr. 280 af 1. marts 2024)"
    )
    assert four.rule.source_on(four.start) == "LAB § 31, stk. 3 (jf. LBK nr. 280 af 1. marts 2024)"


def test_dagpenge_2023_four_samtaler_2024_three() -> None:
    before = run(case("lab6_1", ("henvendelse", date(2023, 12, 31))), date(2024, 1, 2))
    # 31 Dec 2023 + 6 months = 30 Jun 2024 (clamped) for both the samtaler and the offer
    assert table(before) == [
        ("lab-102-tilbud", date(2023, 12, 31), date(2024, 6, 30)),
        ("lab-31-1-dagpenge-fire-jobsamtaler", date(2023, 12, 31), date(2024, 6, 30)),
    ]
    after = run(case("lab6_1", ("henvendelse", date(2024, 1, 1))), date(2024, 1, 2))
    assert table(after) == [
        ("lab-102-tilbud", date(2024, 1, 1), date(2024, 7, 1)),
        ("lab-31-1-dagpenge-tre-jobsamtaler", date(2024, 1, 1), date(2024, 7, 1)),
    ]
    assert only(after, "lab-31-1-dagpenge-tre-jobsamtaler").rule.count == 3


# --- 1 July 2025: uddannelseshjælp merged into kontanthjælp (labels, not deadlines) ---------


def test_merger_of_1_july_2025_keeps_the_deadlines() -> None:
    before = run(case("lab6_5", ("henvendelse", date(2025, 6, 30))), date(2025, 7, 1))
    after = run(case("lab6_5", ("henvendelse", date(2025, 7, 1))), date(2025, 7, 1))
    # 30 Jun + 7 = 7 Jul, + 6 months = 30 Dec; 1 Jul + 7 = 8 Jul, + 6 months = 1 Jan 2026
    assert table(before) == [
        ("lab-31-5-foerste-jobsamtale", date(2025, 6, 30), date(2025, 7, 7)),
        ("lab-31-3-fire-jobsamtaler", date(2025, 6, 30), date(2025, 12, 30)),
    ]
    assert table(after) == [
        ("lab-31-5-foerste-jobsamtale", date(2025, 7, 1), date(2025, 7, 8)),
        ("lab-31-3-fire-jobsamtaler", date(2025, 7, 1), date(2026, 1, 1)),
    ]


# --- 1 February 2026: "kommunen", ressourceforløb end (no deadline changes) ----------------


def test_1_february_2026_keeps_the_deadlines() -> None:
    before = run(case("lab6_2", ("henvendelse", date(2026, 1, 31))), date(2026, 2, 1))
    after = run(case("lab6_2", ("henvendelse", date(2026, 2, 1))), date(2026, 2, 1))
    # 31 Jan + 7 = 7 Feb, + 6 months = 31 Jul; 1 Feb + 7 = 8 Feb, + 6 months = 1 Aug
    assert table(before) == [
        ("lab-31-5-foerste-jobsamtale", date(2026, 1, 31), date(2026, 2, 7)),
        ("lab-102-tilbud", date(2026, 1, 31), date(2026, 7, 31)),
        ("lab-31-3-fire-jobsamtaler", date(2026, 1, 31), date(2026, 7, 31)),
    ]
    assert table(after) == [
        ("lab-31-5-foerste-jobsamtale", date(2026, 2, 1), date(2026, 2, 8)),
        ("lab-102-tilbud", date(2026, 2, 1), date(2026, 8, 1)),
        ("lab-31-3-fire-jobsamtaler", date(2026, 2, 1), date(2026, 8, 1)),
    ]


# --- 1 July 2026: the flexible contact course and offers ------------------------------------


def test_uddannelsesparat_gets_the_offer_deadline_from_1_july_2026() -> None:
    before = run(case("lab6_4", ("henvendelse", date(2026, 6, 30))), date(2026, 7, 1))
    after = run(case("lab6_4", ("henvendelse", date(2026, 7, 1))), date(2026, 7, 1))
    # 30 Jun + 7 = 7 Jul, + 6 months = 30 Dec; 1 Jul + 7 = 8 Jul, + 6 months = 1 Jan 2027
    assert table(before) == [
        ("lab-31-5-foerste-jobsamtale", date(2026, 6, 30), date(2026, 7, 7)),
        ("lab-31-3-fire-jobsamtaler", date(2026, 6, 30), date(2026, 12, 30)),
    ]
    assert table(after) == [
        ("lab-31-5-foerste-jobsamtale", date(2026, 7, 1), date(2026, 7, 8)),
        ("lab-102-tilbud-uddannelsesparat-2026", date(2026, 7, 1), date(2027, 1, 1)),
        ("lab-31-3-fire-jobsamtaler", date(2026, 7, 1), date(2027, 1, 1)),
    ]
    four = only(after, "lab-31-3-fire-jobsamtaler")
    assert "lov nr. 1750 af 29. december 2025" in four.rule.source_on(four.start)
    assert "75 %" in four.rule.source_on(four.start)


def test_dagpenge_contact_course_changes_on_1_july_2026() -> None:
    before = run(case("lab6_1", ("henvendelse", date(2026, 6, 30))), date(2026, 7, 1))
    after = run(case("lab6_1", ("henvendelse", date(2026, 7, 1))), date(2026, 7, 1))
    assert table(before) == [  # 30 Jun + 6 months = 30 Dec
        ("lab-102-tilbud", date(2026, 6, 30), date(2026, 12, 30)),
        ("lab-31-1-dagpenge-tre-jobsamtaler", date(2026, 6, 30), date(2026, 12, 30)),
    ]
    assert table(after) == [  # 1 Jul + 6 months = 1 Jan 2027
        ("lab-102-tilbud", date(2026, 7, 1), date(2027, 1, 1)),
        ("lab-31-fleksibel-dagpenge-to-jobsamtaler", date(2026, 7, 1), date(2027, 1, 1)),
    ]
    offer = only(after, "lab-102-tilbud")
    assert "lov nr. 1750" in offer.rule.source_on(offer.start)
    assert "lov nr. 548" in only(before, "lab-102-tilbud").rule.source_on(date(2026, 6, 30))


# --- 1 January 2027: the pålæg ends; the expected main law only when switched on -----------


def test_paalaeg_deadline_ends_with_2026() -> None:
    last = run(
        case("lab6_4", ("henvendelse", date(2026, 12, 31)), ("jobsamtale", date(2026, 12, 31))),
        date(2027, 1, 4),
    )
    assert ("lab-30-3-uddannelsespaalaeg", date(2026, 12, 31), date(2026, 12, 31)) in table(last)
    first = run(
        case("lab6_4", ("henvendelse", date(2027, 1, 1)), ("jobsamtale", date(2027, 1, 4))),
        date(2027, 1, 4),
    )
    # Today's rules go on by default (no silent switch): 1 Jan + 7 = 8 Jan, + 6 months = 1 Jul
    assert table(first) == [
        ("lab-31-5-foerste-jobsamtale", date(2027, 1, 1), date(2027, 1, 8)),
        ("lab-102-tilbud-uddannelsesparat-2026", date(2027, 1, 1), date(2027, 7, 1)),
        ("lab-31-3-fire-jobsamtaler", date(2027, 1, 1), date(2027, 7, 1)),
    ]


def test_expected_2027_rules_replace_todays_rules_when_switched_on() -> None:
    facts = case("lab6_4", ("henvendelse", date(2027, 1, 1)), ("jobsamtale", date(2027, 1, 4)))
    items = run(facts, date(2027, 1, 4), ALL)
    assert table(items) == [
        ("hovedlov-2027-foerste-jobsamtale", date(2027, 1, 1), date(2027, 1, 8)),
        ("hovedlov-2027-fire-jobsamtaler", date(2027, 1, 1), date(2027, 7, 1)),
        ("hovedlov-2027-tilbud-6-maaneder", date(2027, 1, 1), date(2027, 7, 1)),
    ]
    assert all(d.rule.expected and d.rule.kind == "expected" for d in items)
    # The day before, the expected rules are not in force and replace nothing.
    dec = run(case("lab6_4", ("henvendelse", date(2026, 12, 31))), date(2027, 1, 4), ALL)
    assert [d.rule.id for d in dec] == [
        "lab-31-5-foerste-jobsamtale",
        "lab-102-tilbud-uddannelsesparat-2026",
        "lab-31-3-fire-jobsamtaler",
    ]


# --- uddannelsespålæg: § 30 a and the pålæg's own frist -------------------------------------


def test_no_paalaeg_deadline_in_a_job_directed_course() -> None:
    jobrettet = case(
        "lab6_4",
        ("henvendelse", date(2026, 3, 2)),
        ("jobrettet_forloeb", date(2026, 3, 2)),
        ("jobsamtale", date(2026, 3, 2)),
    )
    assert not [d for d in run(jobrettet, date(2026, 4, 1)) if "paalaeg" in d.rule.id]
    later = case(
        "lab6_4",
        ("henvendelse", date(2026, 3, 2)),
        ("jobsamtale", date(2026, 3, 2)),
        ("jobrettet_forloeb", date(2026, 3, 9)),
    )
    paalaeg = only(run(later, date(2026, 4, 1)), "lab-30-3-uddannelsespaalaeg")
    assert (paalaeg.due, paalaeg.status) == (date(2026, 3, 2), Status.OVERDUE)


def test_the_paalaegs_own_frist_is_a_deadline() -> None:
    base = (
        ("henvendelse", date(2026, 3, 2)),
        ("jobsamtale", date(2026, 3, 2)),
        ("uddannelsespaalaeg", date(2026, 3, 2)),
        ("paalaeg_frist", date(2026, 3, 30)),
    )
    open_ = only(run(case("lab6_4", *base), date(2026, 3, 31)), "lab-30-paalaeg-frist")
    assert (open_.start, open_.due, open_.status) == (
        date(2026, 3, 2),
        date(2026, 3, 30),  # the frist written in the pålæg, not a period
        Status.OVERDUE,
    )
    met = case("lab6_4", *base, ("realistic_education", date(2026, 3, 27)))
    assert only(run(met, date(2026, 3, 31)), "lab-30-paalaeg-frist").status is Status.MET
    # A dagpenge recipient under 25 with a pålæg gets the frist too.
    dagpenge = case("lab6_1", *base, ("uddannelse_ansoegt", date(2026, 4, 2)))
    late = only(run(dagpenge, date(2026, 4, 3)), "lab-30-paalaeg-frist")
    assert (late.status, late.met_on) == (Status.LATE, date(2026, 4, 2))
    # No frist recorded: nothing to track.
    assert not [d for d in run(case("lab6_4", *base[:3]), date(2026, 4, 1)) if "frist" in d.rule.id]


# --- offers: 2 weeks' duration and the løntilskud grace ------------------------------------


def offer_case(*events: Event) -> CaseFacts:
    return CaseFacts(ADULT, "lab6_2", (Event("henvendelse", date(2026, 1, 5)), *events))


def test_an_offer_must_last_two_weeks() -> None:
    # Due 5 Jul 2026 (5 Jan + 6 months). An offer 1-10 June (10 days) does not count; one
    # 1-14 June (14 days, both ends included) does.
    short = offer_case(Event("tilbud_start", date(2026, 6, 1), date(2026, 6, 10)))
    d = only(run(short, date(2026, 8, 1)), "lab-102-tilbud")
    assert (d.due, d.status) == (date(2026, 7, 5), Status.OVERDUE)
    long = offer_case(Event("tilbud_start", date(2026, 6, 1), date(2026, 6, 14)))
    assert only(run(long, date(2026, 8, 1)), "lab-102-tilbud").status is Status.MET
    open_end = offer_case(Event("tilbud_start", date(2026, 6, 1)))
    assert only(run(open_end, date(2026, 8, 1)), "lab-102-tilbud").status is Status.MET


def test_loentilskud_may_start_three_weeks_after_the_deadline() -> None:
    # Due 5 Jul 2026; grace 3 weeks = 26 Jul 2026 (5 + 21).
    in_grace = offer_case(Event("loentilskud_start", date(2026, 7, 26)))
    d = only(run(in_grace, date(2026, 8, 1)), "lab-102-tilbud")
    assert (d.status, d.met_on, d.done) == (Status.MET, date(2026, 7, 26), 1)
    too_late = offer_case(Event("loentilskud_start", date(2026, 7, 27)))
    assert only(run(too_late, date(2026, 8, 1)), "lab-102-tilbud").status is Status.LATE
    # Another kind of offer gets no grace.
    other = offer_case(Event("tilbud_start", date(2026, 7, 20)))
    assert only(run(other, date(2026, 8, 1)), "lab-102-tilbud").status is Status.LATE


# --- KUI: working days across holidays ------------------------------------------------------


def kui(left: date, born: date = TEEN, *more: tuple[str, date]) -> list[Deadline]:
    return run(case("kui", ("left_plan", left), *more, born=born), left)


def test_kui_contact_over_easter_2026() -> None:
    # Left the plan Wednesday 1 Apr 2026. 2 (skærtorsdag) and 3 Apr (langfredag) are
    # holidays, 4-5 weekend, 6 (2. påskedag) holiday: 7 (1), 8 (2), 9 (3), 10 (4), 13 (5).
    d = only(kui(date(2026, 4, 1)), "kui-kontakt-5-arbejdsdage")
    assert d.due == date(2026, 4, 13)


def test_kui_contact_over_christmas_2025() -> None:
    # Left Monday 22 Dec 2025: 23 (1); 24 closed (juleaftensdag), 25-26 holidays, 27-28
    # weekend; 29 (2), 30 (3); 31 closed, 1 Jan holiday; 2 Jan (4); 3-4 weekend; 5 Jan (5).
    d = only(kui(date(2025, 12, 22)), "kui-kontakt-5-arbejdsdage")
    assert d.due == date(2026, 1, 5)
    assert "LBK nr. 825" in d.rule.source_on(d.start)


def test_store_bededag_counts_in_2023_but_not_from_2024() -> None:
    # 2023: Store bededag Friday 5 May is a holiday. Left Thursday 4 May: 5 holiday, 6-7
    # weekend, 8 (1), 9 (2), 10 (3), 11 (4), 12 (5).
    d2023 = only(kui(date(2023, 5, 4), date(2006, 9, 1)), "kui-kontakt-5-arbejdsdage")
    assert d2023.due == date(2023, 5, 12)
    # 2024: Friday 26 April (the old Store bededag) is a working day. Left Thursday 25 Apr:
    # 26 (1), 29 (2), 30 (3), 1 May (4), 2 May (5).
    d2024 = only(kui(date(2024, 4, 25), date(2007, 9, 1)), "kui-kontakt-5-arbejdsdage")
    assert d2024.due == date(2024, 5, 2)


def test_kui_new_activity_30_days_after_contact_and_2014_source() -> None:
    # 2014 (before KUI): left Monday 22 Dec 2014: 23 (1), 24-26 closed, 27-28 weekend,
    # 29 (2), 30 (3), 31 closed, 1 Jan holiday, 2 Jan (4), 5 Jan (5).
    items = kui(date(2014, 12, 22), TEEN_2014, ("contact", date(2014, 12, 29)))
    contact = only(items, "kui-kontakt-5-arbejdsdage")
    assert (contact.due, contact.status) == (date(2015, 1, 5), Status.MET)
    assert contact.rule.source_on(contact.start).startswith("Vejledningsloven")
    activity = only(items, "kui-ny-aktivitet-30-dage")
    # From the contact 29 Dec 2014 + 30 days (2 in Dec, 28 in Jan) = 28 Jan 2015
    assert (activity.start, activity.due) == (date(2014, 12, 29), date(2015, 1, 28))


def test_kui_does_not_apply_at_18() -> None:
    assert kui(date(2026, 4, 1), date(2008, 3, 31)) == []  # 18 on 31 Mar 2026


def test_before_visitation_the_first_samtale_deadline_of_each_period_is_provisional() -> None:
    # No target group yet: the first-samtale rule of the period applies provisionally.
    # Henvendelse Thursday 9 March 2017 + 1 week = Thursday 16 March 2017 (2014-2019 rule);
    # henvendelse Tuesday 10 November 2026 + 1 week = Tuesday 17 November 2026 (LAB § 31).
    old = run(case(None, ("henvendelse", date(2017, 3, 9))), date(2017, 3, 20))
    assert table(old) == [("lab-2014-foerste-samtale-1-uge", date(2017, 3, 9), date(2017, 3, 16))]
    assert old[0].provisional and old[0].status is Status.OVERDUE
    now = run(case(None, ("henvendelse", date(2026, 11, 10))), date(2026, 11, 12))
    assert table(now) == [("lab-31-5-foerste-jobsamtale", date(2026, 11, 10), date(2026, 11, 17))]
    assert now[0].provisional and now[0].status is Status.OPEN
    # Once the visitation says dagpenge (lab6_1), the first-jobsamtale rule does not apply.
    final = run(case("lab6_1", ("henvendelse", date(2026, 11, 10))), date(2026, 11, 12))
    assert "lab-31-5-foerste-jobsamtale" not in [d.rule.id for d in final]


def test_expected_2027_rules_cover_the_expected_2027_target_groups() -> None:
    # A young person visited as ny27_jobparat on Monday 4 January 2027 (expected rules
    # switched on): first jobsamtale by Monday 11 January (+1 week), 4 jobsamtaler and an
    # offer by Sunday 4 July 2027 (+6 months), the last two waivable.
    facts = case("ny27_jobparat", ("henvendelse", date(2027, 1, 4)))
    found = deadlines(ALL, facts, date(2027, 1, 5))
    assert table(found) == [
        ("hovedlov-2027-foerste-jobsamtale", date(2027, 1, 4), date(2027, 1, 11)),
        ("hovedlov-2027-fire-jobsamtaler", date(2027, 1, 4), date(2027, 7, 4)),
        ("hovedlov-2027-tilbud-6-maaneder", date(2027, 1, 4), date(2027, 7, 4)),
    ]
    assert [d.waivable for d in found] == [False, True, True]


def test_a_15_17_year_old_before_visitation_gets_no_provisional_jobsamtale() -> None:
    # Kontanthjælp and uddannelseshjælp start at 18: a 16-year-old (KUI) who asks for help
    # on 10 November 2026 gets no first-jobsamtale deadline, provisional or not.
    teen = run(case(None, ("henvendelse", date(2026, 11, 10)), born=TEEN), date(2026, 11, 20))
    assert teen == []
