"""The rule fields the legal data needs: parsing, Danish messages, and the engine."""

from __future__ import annotations

from datetime import date

import pytest

from ungedesk.domain.rule_parsing import parse_rules
from ungedesk.domain.rules import CaseFacts, Event, RuleError, Status, deadlines

BASE = """
[[rule]]
id = "r"
description = "d"
start_event = "henvendelse"
meets = ["jobsamtale"]
source = "s"
valid_from = 2020-01-01
"""


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        ('due_event = "frist"\nperiod = { days = 1 }\n', "'due_event' kan ikke bruges sammen"),
        ("due_event = 3\n", "'due_event' skal være en tekst"),
        ('period = { days = 1 }\nanchor = ""\n', "'anchor' skal være en tekst"),
        ('every = { months = 1 }\nanchor = "left_plan"\n', "'anchor' og 'unless'"),
        ('every = { months = 1 }\nunless = ["x"]\n', "'anchor' og 'unless'"),
        ('period = { days = 1 }\nunless = "x"\n', "'unless' skal være en liste"),
        ("period = { days = 1 }\nmin_duration = { fortnights = 1 }\n", "ukendt periode"),
        ("period = { days = 1 }\ngrace = { weeks = 3 }\n", "'grace' og 'grace_meets'"),
        ('period = { days = 1 }\ngrace_meets = ["x"]\n', "'grace' og 'grace_meets'"),
        ('period = { days = 1 }\nreplaces = ["nope"]\n', "ukendt regel: nope"),
        ("period = { days = 1 }\nuntil = 2021-01-01\n", "ukendt felt until"),
    ],
)
def test_bad_fields_name_the_rule_and_the_field(extra: str, fragment: str) -> None:
    with pytest.raises(RuleError) as info:
        parse_rules(BASE + extra)
    assert fragment in info.value.message and "Regel r" in info.value.message


def test_a_local_standard_cannot_replace_law() -> None:
    text = (
        BASE
        + "period = { days = 1 }\n"
        + BASE.replace('"r"', '"q"')
        + ('period = { days = 1 }\nreplaces = ["r"]\n')
    )
    assert parse_rules(text)[1].replaces == ("r",)
    with pytest.raises(RuleError) as info:
        parse_rules(text, local=True)
    assert "lokal standard kan ikke erstatte" in info.value.message


def test_top_level_version_is_accepted_and_checked() -> None:
    assert [r.id for r in parse_rules('version = "2026-11-30"\n' + BASE + "period = { days = 1 }")]
    with pytest.raises(RuleError) as info:
        parse_rules("version = 3\n" + BASE + "period = { days = 1 }")
    assert "'version'" in info.value.message


def test_anchor_opens_one_deadline_per_anchor_at_the_next_start_event() -> None:
    (rule,) = parse_rules(
        BASE.replace('"henvendelse"', '"contact"').replace('"jobsamtale"', '"new_activity"')
        + 'anchor = "left_plan"\nperiod = { days = 30 }\n'
    )
    facts = CaseFacts(
        date(2000, 1, 1),
        None,
        (
            Event("contact", date(2026, 1, 5)),  # before any left_plan: opens nothing
            Event("left_plan", date(2026, 2, 2)),
            Event("contact", date(2026, 2, 4)),
            Event("contact", date(2026, 2, 6)),  # a second contact: no second deadline
            Event("left_plan", date(2026, 5, 4)),
            Event("contact", date(2026, 5, 4)),  # same day as the anchor counts
        ),
    )
    found = deadlines([rule], facts, date(2026, 6, 1))
    # 4 Feb + 30 days = 6 Mar (24 in Feb, 6 in Mar); 4 May + 30 = 3 Jun (27 in May, 3 in Jun)
    assert [(d.start, d.due) for d in found] == [
        (date(2026, 2, 4), date(2026, 3, 6)),
        (date(2026, 5, 4), date(2026, 6, 3)),
    ]
    assert [d.status for d in found] == [Status.OVERDUE, Status.OPEN]
