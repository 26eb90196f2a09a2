"""Recurring rules, self-started rules and the start event that must not meet itself.

Expected dates are worked out by hand in each test (comments say how), never by asking the
engine; the Hypothesis tests check properties over random case histories.
"""

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ungedesk.domain.rule_parsing import parse_rules
from ungedesk.domain.rules import CaseFacts, Deadline, Event, Rule, RuleError, Status, deadlines

ADULT = date(2003, 2, 1)  # 23 in 2026
TODAY = date(2026, 11, 30)

HEAD = """
[[rule]]
id = "{id}"
description = "d"
source = "Kvalitetsstandard"
valid_from = 2020-01-01
meets = ["jobsamtale"]
"""


def rule(body: str, rule_id: str = "r") -> Rule:
    (parsed,) = parse_rules(HEAD.format(id=rule_id) + body, local=True)
    return parsed


EVERY_2_MONTHS = rule(
    'start_event = "jobsamtale"\nevery = { months = 2 }\ntarget_groups = ["lab6_5"]\n',
    "hver-2-maaned",
)
EVERY_MONTH = rule('start_event = "jobsamtale"\nevery = { months = 1 }\n', "hver-maaned")
ONE_OFF_2_MONTHS = rule('start_event = "jobsamtale"\nperiod = { months = 2 }\n', "naeste")


def talks(*days: date, start: date | None = None) -> CaseFacts:
    events = [Event("jobsamtale", d) for d in days]
    if start is not None:
        events.append(Event("henvendelse", start))
    return CaseFacts(ADULT, "lab6_5", tuple(events))


def summary(items: list[Deadline]) -> list[tuple[date, date, Status, date | None]]:
    return [(d.start, d.due, d.status, d.met_on) for d in items]


# --- hand-computed cases ----------------------------------------------------------------


def test_8_january_and_1_june_show_the_five_month_gap() -> None:
    facts = talks(date(2026, 1, 8), date(2026, 6, 1))
    # 8 Jan + 2 months = 8 Mar; the next samtale came on 1 Jun: late. 1 Jun + 2 months =
    # 1 Aug, nothing since: overdue on 30 Nov.
    assert summary(deadlines([EVERY_2_MONTHS], facts, TODAY)) == [
        (date(2026, 1, 8), date(2026, 3, 8), Status.LATE, date(2026, 6, 1)),
        (date(2026, 6, 1), date(2026, 8, 1), Status.OVERDUE, None),
    ]
    # The same with a one-off rule per samtale: neither samtale meets its own deadline.
    assert summary(deadlines([ONE_OFF_2_MONTHS], facts, TODAY)) == [
        (date(2026, 1, 8), date(2026, 3, 8), Status.LATE, date(2026, 6, 1)),
        (date(2026, 6, 1), date(2026, 8, 1), Status.OVERDUE, None),
    ]


def test_chain_on_time_then_open() -> None:
    facts = talks(date(2026, 9, 1), date(2026, 10, 30))
    # 1 Sep + 2 months = 1 Nov, met 30 Oct; 30 Oct + 2 months = 30 Dec, open on 30 Nov.
    assert summary(deadlines([EVERY_2_MONTHS], facts, TODAY)) == [
        (date(2026, 9, 1), date(2026, 11, 1), Status.MET, date(2026, 10, 30)),
        (date(2026, 10, 30), date(2026, 12, 30), Status.OPEN, None),
    ]


def test_a_samtale_on_the_due_day_is_on_time() -> None:
    facts = talks(date(2026, 1, 8), date(2026, 3, 8))
    first = deadlines([EVERY_2_MONTHS], facts, TODAY)[0]
    assert (first.due, first.status, first.done) == (date(2026, 3, 8), Status.MET, 1)


def test_month_end_31_january_plus_one_month() -> None:
    facts = talks(date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31))
    # 31 Jan + 1 month = 28 Feb (2026 is no leap year): met on 28 Feb. 28 Feb + 1 month =
    # 28 Mar: the samtale of 31 Mar is late. 31 Mar + 1 month = 30 Apr: overdue.
    assert summary(deadlines([EVERY_MONTH], facts, TODAY)) == [
        (date(2026, 1, 31), date(2026, 2, 28), Status.MET, date(2026, 2, 28)),
        (date(2026, 2, 28), date(2026, 3, 28), Status.LATE, date(2026, 3, 31)),
        (date(2026, 3, 31), date(2026, 4, 30), Status.OVERDUE, None),
    ]
    leap = deadlines([EVERY_MONTH], talks(date(2024, 1, 31)), date(2024, 3, 1))
    assert summary(leap) == [(date(2024, 1, 31), date(2024, 2, 29), Status.OVERDUE, None)]


def test_two_samtaler_on_one_day_are_not_a_follow_up() -> None:
    facts = talks(date(2026, 5, 4), date(2026, 5, 4))
    # Only one link: the second samtale that day does not meet the first one's deadline.
    assert summary(deadlines([EVERY_2_MONTHS], facts, TODAY)) == [
        (date(2026, 5, 4), date(2026, 7, 4), Status.OVERDUE, None)
    ]


def test_chain_started_by_the_henvendelse_counts_a_samtale_that_day() -> None:
    every = rule('start_event = "henvendelse"\nevery = { months = 2 }\n', "fra-henvendelse")
    facts = talks(date(2026, 3, 2), date(2026, 4, 30), start=date(2026, 3, 2))
    # Henvendelse 2 Mar, samtale the same day (the law counts it): the chain runs from that
    # samtale, 2 Mar -> 2 May, met 30 Apr; 30 Apr -> 30 Jun, overdue. No second row for the
    # henvendelse itself with the same start and due.
    assert summary(deadlines([every], facts, TODAY)) == [
        (date(2026, 3, 2), date(2026, 5, 2), Status.MET, date(2026, 4, 30)),
        (date(2026, 4, 30), date(2026, 6, 30), Status.OVERDUE, None),
    ]
    # Without the same-day samtale the henvendelse opens the first link: 2 Mar -> 2 May.
    later = talks(date(2026, 4, 30), start=date(2026, 3, 2))
    assert summary(deadlines([every], later, TODAY)) == [
        (date(2026, 3, 2), date(2026, 5, 2), Status.MET, date(2026, 4, 30)),
        (date(2026, 4, 30), date(2026, 6, 30), Status.OVERDUE, None),
    ]


def test_three_samtaler_in_a_three_month_visitation() -> None:
    visitation = rule(
        'start_event = "henvendelse"\nonce = true\nperiod = { months = 3 }\ncount = 3\n', "v"
    )
    # Henvendelse 2 Mar, due 2 Jun; samtaler 2 Mar (counts: another kind started it),
    # 20 Apr, 2 Jun: the third is on the due day.
    facts = talks(date(2026, 3, 2), date(2026, 4, 20), date(2026, 6, 2), start=date(2026, 3, 2))
    (d,) = deadlines([visitation], facts, TODAY)
    assert (d.due, d.status, d.done, d.met_on) == (
        date(2026, 6, 2),
        Status.MET,
        3,
        date(2026, 6, 2),
    )
    two = talks(date(2026, 3, 2), date(2026, 4, 20), start=date(2026, 3, 2))
    (open_one,) = deadlines([visitation], two, date(2026, 5, 1))
    assert (open_one.status, open_one.done) == (Status.OPEN, 2)


def test_count_after_a_samtale_does_not_count_the_samtale_itself() -> None:
    after_first = rule(
        'start_event = "jobsamtale"\nonce = true\nperiod = { months = 3 }\ncount = 3\n', "a"
    )
    facts = talks(date(2026, 1, 5), date(2026, 2, 5), date(2026, 3, 5), date(2026, 4, 6))
    # 5 Jan + 3 months = 5 Apr. After 5 Jan: 5 Feb and 5 Mar in time, 6 Apr is the third.
    (d,) = deadlines([after_first], facts, TODAY)
    assert (d.due, d.status, d.done, d.met_on) == (
        date(2026, 4, 5),
        Status.LATE,
        2,
        date(2026, 4, 6),
    )


def test_other_kind_on_the_start_day_still_meets() -> None:
    # Uddannelsespålæg at the first jobsamtale: started by a samtale, met by another kind of
    # event, so the same day counts (period 0 days: due that very day).
    text = HEAD.format(id="p").replace('["jobsamtale"]', '["paalaeg"]')
    (paalaeg,) = parse_rules(
        text + 'start_event = "jobsamtale"\nonce = true\nperiod = { days = 0 }\n'
    )
    facts = CaseFacts(
        ADULT, "lab6_4", (Event("jobsamtale", date(2026, 3, 5)), Event("paalaeg", date(2026, 3, 5)))
    )
    (d,) = deadlines([paalaeg], facts, TODAY)
    assert (d.status, d.met_on) == (Status.MET, date(2026, 3, 5))


def test_chain_links_follow_the_target_group() -> None:
    facts = CaseFacts(
        ADULT,
        "lab6_5",
        tuple(
            Event("jobsamtale", d) for d in (date(2026, 1, 8), date(2026, 3, 1), date(2026, 6, 1))
        ),
        group_changes=((date(2026, 5, 1), "lab6_4"),),
    )
    # The links of 8 Jan and 1 Mar are aktivitetsparat (lab6_5); from 1 May uddannelsesparat,
    # so the samtale of 1 Jun opens no new deadline under this standard.
    assert summary(deadlines([EVERY_2_MONTHS], facts, TODAY)) == [
        (date(2026, 1, 8), date(2026, 3, 8), Status.MET, date(2026, 3, 1)),
        (date(2026, 3, 1), date(2026, 5, 1), Status.LATE, date(2026, 6, 1)),
    ]


def test_seed_examples_in_the_rule_file_comments_parse() -> None:
    from pathlib import Path

    text = (
        Path(__file__).resolve().parents[2] / "resources" / "rules" / "deadlines.toml"
    ).read_text("utf-8")
    block = text.split("# --- example local standards", 1)[1].split("# ---", 1)[0]
    # Each commented example runs from "# [[rule]]" to the next empty comment line; the
    # prose between examples is left out.
    lines: list[str] = []
    inside = False
    for line in block.splitlines():
        inside = inside or line == "# [[rule]]"
        if inside and line.strip() == "#":
            inside = False
        if inside:
            lines.append(line.removeprefix("#").strip())
    rules = {r.id: r for r in parse_rules("\n".join(lines), local=True)}
    assert len(rules) == 3
    realistic = rules["lokal-realistisk-uddannelse-5-uger"]
    assert realistic.local and realistic.meets == ("realistic_education",)
    every = rules["lokal-aktivitetsparat-samtale-hver-2-maaned"]
    assert every.recurs and every.period.amount == 2 and every.target_groups == ("lab6_5",)
    visit = rules["lokal-visitation-3-samtaler-3-maaneder"]
    assert (visit.recurs, visit.count, visit.period.amount) == (False, 3, 3)


# --- parsing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('start_event = "jobsamtale"\n', "enten 'period' eller 'every'"),
        (
            'start_event = "jobsamtale"\nperiod = { months = 2 }\nevery = { months = 2 }\n',
            "enten 'period' eller 'every'",
        ),
        ('start_event = "jobsamtale"\nevery = { months = 0 }\n', "'every' skal være mindst 1"),
        ('start_event = "jobsamtale"\nevery = { months = 2 }\ncount = 2\n', "'count'"),
        ('start_event = "jobsamtale"\nevery = { fortnights = 2 }\n', "'every'"),
        ('start_event = "jobsamtale"\nperiod = { months = "to" }\n', "'period'"),
        ('start_event = "jobsamtale"\nperiod = { months = 2 }\ncount = "3"\n', "'count'"),
        ('start_event = "jobsamtale"\nperiod = { months = 2 }\nrecur = true\n', "recur"),
        ('start_event = "jobsamtale"\nperiod = { months = 2 }\nmax_age = -1\n', "'max_age'"),
    ],
)
def test_bad_recurring_rules_name_rule_and_field(body: str, fragment: str) -> None:
    with pytest.raises(RuleError) as info:
        rule(body, "min-regel")
    assert "min-regel" in info.value.message and fragment in info.value.message


def test_meets_must_be_a_list_of_texts() -> None:
    text = HEAD.format(id="m").replace('meets = ["jobsamtale"]', "meets = 3")
    with pytest.raises(RuleError, match="'meets'"):
        parse_rules(text + 'start_event = "x"\nperiod = { days = 1 }\n')


# --- properties over random case histories ---------------------------------------------

DAYS = st.dates(min_value=date(2019, 6, 1), max_value=date(2027, 6, 30))
# The test rules are valid from 2020: the chain properties use days from then on.
IN_FORCE = st.dates(min_value=date(2020, 1, 1), max_value=date(2027, 6, 30))
KINDS = ("henvendelse", "jobsamtale", "uddannelsespaalaeg", "tilbud_start", "left_plan")


def _add_months(day: date, months: int) -> date:
    """Month arithmetic written here, independent of the engine: the day is clamped."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for d in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise AssertionError


histories = st.builds(
    lambda evs, birth, group: CaseFacts(birth, group, tuple(evs)),
    st.lists(st.builds(Event, st.sampled_from(KINDS), DAYS), max_size=14),
    st.dates(min_value=date(1995, 1, 1), max_value=date(2012, 1, 1)),
    st.sampled_from(("lab6_2", "lab6_4", "lab6_5", "kui", None)),
)
recurring_rules = st.builds(
    lambda start, months, groups: rule(
        f'start_event = "{start}"\nevery = {{ months = {months} }}\n' + groups, "hyp"
    ),
    st.sampled_from(("jobsamtale", "henvendelse")),
    st.integers(1, 6),
    st.sampled_from(("", 'target_groups = ["lab6_5"]\n')),
)


def _all_rules(extra: Rule) -> list[Rule]:
    from pathlib import Path

    shipped = parse_rules(
        (Path(__file__).resolve().parents[2] / "resources" / "rules" / "deadlines.toml").read_text(
            "utf-8"
        )
    )
    return [*shipped, EVERY_2_MONTHS, EVERY_MONTH, ONE_OFF_2_MONTHS, extra]


@settings(max_examples=150, deadline=None)
@given(histories, recurring_rules, DAYS)
def test_no_deadline_is_met_before_its_start_or_by_its_own_start(
    facts: CaseFacts, extra: Rule, today: date
) -> None:
    items = deadlines(_all_rules(extra), facts, today, include_historic=True)
    for d in items:
        if d.met_on is None:
            continue
        assert d.met_on >= d.start
        if d.rule.self_started:
            assert d.met_on > d.start
        assert any(e.on == d.met_on and e.kind in d.rule.meets for e in facts.events)
        assert (d.status is Status.MET) == (d.met_on <= d.due)
    # Recomputing gives the same deadlines, also with the events in another order.
    again = deadlines(_all_rules(extra), facts, today, include_historic=True)
    shuffled = CaseFacts(facts.birth_date, facts.target_group, tuple(reversed(facts.events)))
    assert again == items == deadlines(_all_rules(extra), shuffled, today, include_historic=True)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(IN_FORCE, min_size=1, max_size=12),
    st.integers(1, 6),
    DAYS,
)
def test_every_gap_longer_than_the_period_gives_exactly_one_late_or_missed_deadline(
    days: list[date], months: int, today: date
) -> None:
    every = rule(f'start_event = "jobsamtale"\nevery = {{ months = {months} }}\n', "gap")
    items = deadlines([every], talks(*days), today)
    held = sorted(set(days))
    gaps = [(a, b) for a, b in pairwise(held) if b > _add_months(a, months)]
    late = [(d.start, d.met_on) for d in items if d.status is Status.LATE]
    assert late == gaps
    on_time = [d for d in items if d.status is Status.MET]
    assert len(on_time) == len(held) - 1 - len(gaps)
    last = items[-1]
    assert last.start == held[-1] and last.met_on is None
    assert last.due == _add_months(held[-1], months)
    assert last.status is (Status.OVERDUE if today > last.due else Status.OPEN)
    assert len(items) == len(held)


@settings(max_examples=100, deadline=None)
@given(st.lists(IN_FORCE, max_size=10), IN_FORCE)
def test_henvendelse_started_chain_has_one_link_per_samtale_plus_the_start(
    days: list[date], start: date
) -> None:
    every = rule('start_event = "henvendelse"\nevery = { days = 60 }\n', "h")
    items = deadlines([every], talks(*days, start=start), TODAY)
    after = sorted(set(d for d in days if d >= start))
    # One link per samtale day from the henvendelse on, plus the henvendelse's own unless a
    # samtale was held that day (then that samtale starts the chain).
    expected = after if start in after else [start, *after]
    assert sorted(d.start for d in items) == expected
    assert len({(d.start, d.due) for d in items}) == len(items)
    for d in items:
        assert d.due == d.start + timedelta(days=60)
