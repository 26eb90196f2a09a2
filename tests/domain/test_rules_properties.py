"""Properties of the engine over random case histories, with the shipped rule file."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ungedesk.domain.rule_parsing import parse_rules
from ungedesk.domain.rules import CaseFacts, Event, Status, deadlines

RULES = parse_rules(
    (Path(__file__).resolve().parents[2] / "resources" / "rules" / "deadlines.toml").read_text(
        "utf-8"
    )
)
KINDS = (
    "henvendelse",
    "jobsamtale",
    "uddannelsespaalaeg",
    "paalaeg_frist",
    "realistic_education",
    "uddannelse_ansoegt",
    "jobrettet_forloeb",
    "tilbud_start",
    "loentilskud_start",
    "left_plan",
    "contact",
    "new_activity",
)
GROUPS = (None, "lab2_2", "lab2_3", "lab2_12", "lab2_13", "lab6_1", "lab6_2", "lab6_3")
GROUPS += ("lab6_4", "lab6_5", "kui")
DAY0 = date(2013, 10, 1)

days = st.integers(min_value=0, max_value=365 * 14)  # 2013-2027
events = st.lists(
    st.tuples(
        st.sampled_from(KINDS), days, st.one_of(st.none(), st.integers(min_value=0, max_value=30))
    ),
    max_size=25,
)
histories = st.builds(
    lambda born, group, raw, changes: CaseFacts(
        DAY0 - timedelta(days=born),
        group,
        tuple(
            Event(k, DAY0 + timedelta(days=d), None if n is None else DAY0 + timedelta(days=d + n))
            for k, d, n in raw
        ),
        tuple(sorted((DAY0 + timedelta(days=d), g) for d, g in changes)),
    ),
    st.integers(min_value=365 * 12, max_value=365 * 30),
    st.sampled_from(GROUPS),
    events,
    st.lists(st.tuples(days, st.sampled_from(GROUPS[1:])), max_size=3, unique_by=lambda t: t[0]),
)


@settings(max_examples=300, deadline=None)
@given(histories, days, st.booleans())
def test_never_met_before_its_start_and_stable(
    facts: CaseFacts, today: int, expected: bool
) -> None:
    rule_set = RULES if expected else [r for r in RULES if not r.expected]
    when = DAY0 + timedelta(days=today)
    first = deadlines(rule_set, facts, when, include_historic=True)
    for d in first:
        if d.met_on is not None:
            # Never met by an event before the start; a self-started rule (a samtale that
            # starts "the next samtale") not even on its start day.
            assert d.met_on > d.start if d.rule.self_started else d.met_on >= d.start
        assert d.status in (Status.MET, Status.LATE) or d.met_on is None
        assert d.rule.in_force_on(d.start)
        if d.rule.anchor is not None:  # a KUI activity deadline follows a left_plan
            assert any(e.kind == d.rule.anchor and e.on <= d.start for e in facts.events)
        if d.rule.unless:
            assert not any(e.kind in d.rule.unless and e.on <= d.start for e in facts.events)
    # Computing twice gives the same deadlines, whatever order the events come in.
    assert deadlines(rule_set, facts, when, include_historic=True) == first
    shuffled = list(facts.events)
    random.Random(today).shuffle(shuffled)
    again = CaseFacts(facts.birth_date, facts.target_group, tuple(shuffled), facts.group_changes)
    assert deadlines(rule_set, again, when, include_historic=True) == first


@settings(max_examples=150, deadline=None)
@given(histories, days)
def test_expected_rules_only_when_given(facts: CaseFacts, today: int) -> None:
    law = [r for r in RULES if not r.expected]
    found = deadlines(law, facts, DAY0 + timedelta(days=today))
    assert not any(d.rule.expected for d in found)
