from datetime import date
from pathlib import Path

import pytest

from ungedesk.domain.rule_parsing import parse_rules
from ungedesk.domain.rules import CaseFacts, Event, RuleError, Status, deadlines, on_time_share

RULES = parse_rules(
    (Path(__file__).resolve().parents[2] / "resources" / "rules" / "deadlines.toml").read_text(
        "utf-8"
    )
)
ADULT = date(2003, 2, 1)  # 23 in 2026
TEEN = date(2010, 6, 1)  # 16 in 2026


def by_id(items: list, rule_id: str):  # type: ignore[no-untyped-def]
    return [d for d in items if d.rule.id == rule_id]


def test_shipped_rules_parse_and_have_sources() -> None:
    assert len({r.id for r in RULES}) == len(RULES) >= 8
    assert all(r.source and r.description for r in RULES)
    paalaeg = next(r for r in RULES if r.id == "lab-30-3-uddannelsespaalaeg")
    assert paalaeg.valid_to == date(2027, 1, 1)
    assert any(r.historic for r in RULES)


def test_first_jobsamtale_met_late_open_overdue() -> None:
    henv = Event("henvendelse", date(2026, 11, 2))
    facts = lambda *ev: CaseFacts(ADULT, "lab6_4", (henv, *ev))  # noqa: E731
    rule = "lab-31-5-foerste-jobsamtale"
    on_time = by_id(
        deadlines(RULES, facts(Event("jobsamtale", date(2026, 11, 9))), date(2026, 11, 24)), rule
    )[0]
    assert on_time.status is Status.MET and on_time.due == date(2026, 11, 9)
    late = by_id(
        deadlines(RULES, facts(Event("jobsamtale", date(2026, 11, 10))), date(2026, 11, 24)), rule
    )[0]
    assert late.status is Status.LATE and late.met_on == date(2026, 11, 10)
    assert by_id(deadlines(RULES, facts(), date(2026, 11, 5)), rule)[0].status is Status.OPEN
    assert by_id(deadlines(RULES, facts(), date(2026, 11, 10)), rule)[0].status is Status.OVERDUE


def test_count_within_six_months() -> None:
    talks = [Event("jobsamtale", date(2026, m, 10)) for m in (2, 3, 5)]
    facts = CaseFacts(ADULT, "lab6_2", (Event("henvendelse", date(2026, 1, 31)), *talks))
    d = by_id(deadlines(RULES, facts, date(2026, 11, 1)), "lab-31-3-fire-jobsamtaler")[0]
    assert d.due == date(2026, 7, 31) and d.done == 3 and d.status is Status.OVERDUE
    more = CaseFacts(ADULT, "lab6_2", (*facts.events, Event("jobsamtale", date(2026, 7, 31))))
    assert (
        by_id(deadlines(RULES, more, date(2026, 11, 1)), "lab-31-3-fire-jobsamtaler")[0].status
        is Status.MET
    )


def test_target_group_and_age_decide() -> None:
    henv = Event("henvendelse", date(2026, 11, 2))
    none = deadlines(RULES, CaseFacts(ADULT, None, (henv,)), date(2026, 11, 24))
    # Before visitation only the provisional first-samtale deadline applies (no 4-in-6).
    assert [(d.rule.id, d.provisional) for d in none] == [("lab-31-5-foerste-jobsamtale", True)]
    dagpenge = deadlines(RULES, CaseFacts(ADULT, "lab6_1", (henv,)), date(2026, 11, 24))
    assert not by_id(dagpenge, "lab-31-5-foerste-jobsamtale")
    teen = CaseFacts(TEEN, "kui", (Event("left_plan", date(2026, 12, 22)),))
    items = deadlines(RULES, teen, date(2026, 12, 23))
    contact = by_id(items, "kui-kontakt-5-arbejdsdage")[0]
    assert contact.due == date(2027, 1, 4)  # 23, 28, 29, 30 Dec, 4 Jan: holidays skipped
    # The new activity is due 30 days after contact was made, so none before the contact.
    assert not by_id(items, "kui-ny-aktivitet-30-dage")
    contacted = CaseFacts(TEEN, "kui", (*teen.events, Event("contact", date(2026, 12, 23))))
    activity = by_id(deadlines(RULES, contacted, date(2026, 12, 23)), "kui-ny-aktivitet-30-dage")
    assert activity[0].due == date(2027, 1, 22)  # 23 Dec + 30 days (8 in Dec, 22 in Jan)
    adult = CaseFacts(ADULT, "kui", (Event("left_plan", date(2026, 12, 22)),))
    assert not deadlines(RULES, adult, date(2026, 12, 23))


def test_rule_change_mid_case_uddannelsespaalaeg_ends_2027() -> None:
    before = CaseFacts(ADULT, "lab6_4", (Event("jobsamtale", date(2026, 12, 30)),))
    after = CaseFacts(ADULT, "lab6_4", (Event("jobsamtale", date(2027, 1, 4)),))
    rule = "lab-30-3-uddannelsespaalaeg"
    assert by_id(deadlines(RULES, before, date(2027, 1, 10)), rule)[0].status is Status.OVERDUE
    assert not by_id(deadlines(RULES, after, date(2027, 1, 10)), rule)


def test_historic_rules_only_when_asked_and_only_in_their_years() -> None:
    old = CaseFacts(date(1990, 1, 1), None, (Event("henvendelse", date(2010, 3, 1)),))
    assert not deadlines(RULES, old, date(2010, 4, 1))
    found = deadlines(RULES, old, date(2010, 4, 1), include_historic=True)
    assert [d.rule.id for d in found] == ["2009-foerste-jobsamtale-4-uger"]


def test_due_on_closed_day_is_flagged_not_moved() -> None:
    facts = CaseFacts(ADULT, "lab6_2", (Event("henvendelse", date(2026, 12, 17)),))
    d = by_id(deadlines(RULES, facts, date(2026, 12, 18)), "lab-31-5-foerste-jobsamtale")[0]
    assert d.due == date(2026, 12, 24) and d.due_closed == "Juleaftensdag"


def test_local_standard_is_shown_beside_the_rule_it_tightens() -> None:
    local = parse_rules(
        """
        [[rule]]
        id = "lokal-3-samtaler-3-maaneder"
        description = "3 samtaler i et visitationsforløb på 3 måneder"
        start_event = "henvendelse"
        once = true
        period = { months = 3 }
        count = 3
        meets = ["jobsamtale"]
        valid_from = 2020-01-01
        source = "Kvalitetsstandard, Demo Kommune"
        tightens = "lab-31-3-fire-jobsamtaler"
        """,
        local=True,
    )
    facts = CaseFacts(ADULT, "lab6_2", (Event("henvendelse", date(2026, 9, 1)),))
    items = deadlines([*RULES, *local], facts, date(2026, 11, 24))
    legal = by_id(items, "lab-31-3-fire-jobsamtaler")[0]
    assert [r.id for r in legal.tightened_by] == ["lokal-3-samtaler-3-maaneder"]
    assert by_id(items, "lokal-3-samtaler-3-maaneder")[0].rule.local


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[[rule]]\nid = 'x'\n", "mangler"),
        ("not toml = = 1", "kan ikke læses"),
        (
            "[[rule]]\nid='x'\ndescription='d'\nstart_event='s'\nperiod={ fortnights = 1 }\n"
            "meets=['m']\nsource='s'\nvalid_from=2020-01-01\n",
            "ukendt periode",
        ),
        (
            "[[rule]]\nid='x'\ndescription='d'\nstart_event='s'\nperiod={ days = 1 }\n"
            "meets=['m']\nsource='s'\nvalid_from=2020-01-01\nvalid_to=2019-01-01\n",
            "efter",
        ),
    ],
)
def test_bad_rule_files_give_danish_messages(text: str, fragment: str) -> None:
    with pytest.raises(RuleError) as info:
        parse_rules(text)
    assert fragment in info.value.message


def test_on_time_share() -> None:
    henv = Event("henvendelse", date(2026, 1, 5))
    items = deadlines(
        RULES,
        CaseFacts(ADULT, "lab6_2", (henv, Event("jobsamtale", date(2026, 1, 8)))),
        date(2026, 11, 24),
    )
    assert on_time_share(items) == pytest.approx(1 / 3)  # 1 met; 4-in-6 and tilbud overdue
    assert on_time_share([]) is None


def test_target_group_change_applies_from_its_date() -> None:
    facts = CaseFacts(
        ADULT,
        None,
        (Event("henvendelse", date(2026, 3, 2)), Event("henvendelse", date(2026, 9, 1))),
        group_changes=((date(2026, 6, 1), "lab6_2"),),
    )
    assert (
        facts.group_on(date(2026, 5, 31)) is None and facts.group_on(date(2026, 6, 1)) == "lab6_2"
    )
    rules = [r for r in RULES if r.id == "lab-31-5-foerste-jobsamtale"]
    unlimited = [
        r.__class__(**{**{f: getattr(r, f) for f in r.__slots__}, "once": False}) for r in rules
    ]
    found = deadlines(unlimited, facts, date(2026, 11, 24))
    assert [d.start for d in found] == [date(2026, 9, 1)]  # the March one predates the group


def test_once_rules_open_a_single_deadline() -> None:
    talks = tuple(Event("jobsamtale", date(2026, m, 3)) for m in (3, 4, 5))
    facts = CaseFacts(ADULT, "lab6_4", (Event("henvendelse", date(2026, 2, 26)), *talks))
    items = deadlines(RULES, facts, date(2026, 11, 24))
    assert len(by_id(items, "lab-30-3-uddannelsespaalaeg")) == 1
    assert next(r for r in RULES if r.id == "lab-30-3-uddannelsespaalaeg").once
