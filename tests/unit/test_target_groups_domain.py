"""Target groups as dated data: the shipped catalogue's labels and offers at each boundary
(worked out from the law, written as literal dates), and refusal of malformed data."""

from __future__ import annotations

from datetime import date

import pytest

from ungedesk.domain.target_groups import (
    KNOWN_CODES,
    TargetGroupCatalogue,
    TargetGroupError,
    parse_target_groups,
)
from ungedesk.domain.youth import Benefit
from ungedesk.resources import RESOURCES

SHIPPED = (RESOURCES / "rules" / "target_groups.toml").read_text(encoding="utf-8")
LAB6 = ["lab6_1", "lab6_2", "lab6_3", "lab6_4", "lab6_5"]
NY27 = [
    "ny27_dagpenge",
    "ny27_jobparat",
    "ny27_aktivitetsparat",
    "ny27_sygemeldt",
    "ny27_nedsat_arbejdsevne",
]


@pytest.fixture(scope="module")
def cat() -> TargetGroupCatalogue:
    return parse_target_groups(SHIPPED)


def offered(cat: TargetGroupCatalogue, day: date, *, expected: bool = False) -> list[str]:
    return [p.code for p in cat.offered_on(day, expected_rules=expected)]


def test_every_known_code_is_in_the_data_with_a_source(cat: TargetGroupCatalogue) -> None:
    assert cat.codes() == KNOWN_CODES
    assert all(p.source and p.label for p in cat.periods)


def test_labels_before_and_on_1_january_2014(cat: TargetGroupCatalogue) -> None:
    # The match categories ended on 1 January 2014 (kontanthjælpsreformen).
    assert cat.label("lab2_2", date(2013, 12, 31)) == (
        "Kontanthjælpsmodtager med ledighed som eneste problem, match 1 (LAB § 2, nr. 2)"
    )
    assert (
        cat.label("lab2_2", date(2014, 1, 1)) == "Jobparat kontanthjælpsmodtager (LAB § 2, nr. 2)"
    )
    assert cat.label("lab2_3", date(2014, 1, 1)) == (
        "Aktivitetsparat kontanthjælpsmodtager (LAB § 2, nr. 3)"
    )
    assert offered(cat, date(2013, 12, 31)) == ["lab2_1", "lab2_2", "lab2_3"]
    assert offered(cat, date(2014, 1, 1)) == ["lab2_1", "lab2_2", "lab2_3", "lab2_12", "lab2_13"]


def test_lab_2019_takes_over_on_1_january_2020(cat: TargetGroupCatalogue) -> None:
    assert offered(cat, date(2019, 12, 31)) == [
        "lab2_1",
        "lab2_2",
        "lab2_3",
        "lab2_12",
        "lab2_13",
        "kui",
    ]
    assert offered(cat, date(2020, 1, 1)) == [*LAB6, "kui"]
    # KUI began on 1 August 2019.
    assert "kui" not in offered(cat, date(2019, 7, 31))


def test_label_depends_on_the_day_the_code_was_given(cat: TargetGroupCatalogue) -> None:
    # Uddannelseshjælp merged into kontanthjælp on 1 July 2025 (lov nr. 1655/2024).
    old = "Uddannelsesparat uddannelseshjælpsmodtager (LAB § 6, nr. 4)"
    new = "Uddannelsesparat kontanthjælpsmodtager under 30 år uden uddannelse (LAB § 6, nr. 4)"
    assert cat.label("lab6_4", date(2024, 3, 1)) == old
    assert cat.label("lab6_4", date(2025, 6, 30)) == old
    assert cat.label("lab6_4", date(2025, 7, 1)) == new
    assert cat.label("lab6_4", date(2025, 8, 1)) == new
    assert cat.label("lab6_5", date(2025, 6, 30)) == (
        "Aktivitetsparat uddannelseshjælpsmodtager (LAB § 6, nr. 5)"
    )
    assert cat.label("lab6_5", date(2025, 7, 1)) == (
        "Aktivitetsparat kontanthjælpsmodtager under 30 år uden uddannelse (LAB § 6, nr. 5)"
    )
    before = cat.period("lab6_4", date(2025, 6, 30))
    after = cat.period("lab6_4", date(2025, 7, 1))
    assert before is not None and before.benefit is Benefit.UDDANNELSESHJAELP
    assert after is not None and after.benefit is Benefit.KONTANTHJAELP
    assert "1655" in after.source
    # Both periods of lab6_4 are one group to offer: the code appears once a day.
    assert offered(cat, date(2025, 6, 30)) == offered(cat, date(2025, 7, 1)) == [*LAB6, "kui"]


def test_a_stored_code_outside_its_periods_gets_the_nearest_label(
    cat: TargetGroupCatalogue,
) -> None:
    # lab2_12 began in 2014: a (wrongly dated) 2010 entry shows its first label, a 2024 one
    # its last; an unknown code shows itself.
    assert cat.label("lab2_12", date(2010, 5, 1)).startswith("Uddannelsesparat uddannelses")
    assert cat.label("lab2_12", date(2024, 5, 1)).startswith("Uddannelsesparat uddannelses")
    assert cat.label("lab6_4").startswith("Uddannelsesparat kontanthjælpsmodtager")
    assert cat.label("gammel_kode", date(2024, 5, 1)) == "gammel_kode"


def test_2027_groups_only_when_expected_rules_are_on(cat: TargetGroupCatalogue) -> None:
    # Without expected rules the law in force keeps its groups after 1 January 2027.
    assert offered(cat, date(2026, 12, 31)) == [*LAB6, "kui"]
    assert offered(cat, date(2027, 1, 1)) == [*LAB6, "kui"]
    assert offered(cat, date(2026, 12, 31), expected=True) == [*LAB6, "kui"]
    assert offered(cat, date(2027, 1, 1), expected=True) == ["kui", *NY27]
    assert cat.is_offered("ny27_jobparat", date(2027, 1, 1), expected_rules=True)
    assert not cat.is_offered("ny27_jobparat", date(2027, 1, 1), expected_rules=False)
    assert all(p.expected for p in cat.periods if p.code in NY27)


GOOD = """
[[group]]
code = "lab6_2"
label = "Jobparat"
benefit = "kontanthjaelp"
valid_from = 2020-01-01
source = "LAB § 6, nr. 2"
"""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('code = "lab6_2"', 'code = "lab9_9"'), "Målgruppe lab9_9: ukendt kode"),
        (('source = "LAB § 6, nr. 2"', 'source = " "'), "Målgruppe lab6_2: source mangler."),
        (('benefit = "kontanthjaelp"', 'benefit = "penge"'), "Målgruppe lab6_2: benefit skal"),
        (("valid_from = 2020-01-01", 'valid_from = "2020"'), "Målgruppe lab6_2: valid_from skal"),
        (
            ("valid_from = 2020-01-01", "valid_from = 2020-01-01\nvalid_to = 2019-01-01"),
            "Målgruppe lab6_2: valid_to skal ligge efter valid_from.",
        ),
        (
            ("valid_from = 2020-01-01", "valid_from = 2020-01-01\nvalid_form = 2021-01-01"),
            "Målgruppe lab6_2: ukendt felt valid_form.",
        ),
        (
            ("valid_from = 2020-01-01", "valid_from = 2020-01-01\nexpected = 1"),
            "Målgruppe lab6_2: expected skal være true eller false.",
        ),
    ],
)
def test_malformed_data_is_refused_naming_group_and_field(
    change: tuple[str, str], message: str
) -> None:
    assert parse_target_groups(GOOD).label("lab6_2") == "Jobparat"
    with pytest.raises(TargetGroupError) as err:
        parse_target_groups(GOOD.replace(*change))
    assert str(err.value).startswith(message)


def test_overlapping_periods_of_one_code_are_refused() -> None:
    with pytest.raises(TargetGroupError) as err:
        parse_target_groups(GOOD + GOOD.replace("2020-01-01", "2024-01-01"))
    assert str(err.value) == (
        "Målgruppe lab6_2: perioden fra 2024-01-01 overlapper perioden fra 2020-01-01."
    )
    with pytest.raises(TargetGroupError, match="kan ikke læses"):
        parse_target_groups("[[group]\n")
    with pytest.raises(TargetGroupError, match="ingen målgrupper"):
        parse_target_groups("")
