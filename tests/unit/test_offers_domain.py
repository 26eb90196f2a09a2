"""The offer kinds and rules by date (resources/rules/offers.toml), checking one offer, and
the catalogue's search with the register's Danish folding."""

from __future__ import annotations

from datetime import date

import pytest

from ungedesk.domain.offer_search import OfferEntry, OfferFilter, OfferIndex
from ungedesk.domain.offers import (
    OfferInput,
    OfferRulesError,
    parse_offer_rules,
    validate_offer,
)
from ungedesk.resources import RESOURCES

SHIPPED = parse_offer_rules((RESOURCES / "rules" / "offers.toml").read_text(encoding="utf-8"))
KINDS = {k.code for k in SHIPPED.kinds}


def test_every_kind_the_issue_names_is_shipped_with_a_danish_label() -> None:
    assert {
        "oevo",
        "virksomhedspraktik",
        "loentilskud",
        "mentor",
        "produktionsskole",
        "fgu",
        "egu",
        "stu",
        "fvu",
        "obu",
        "amu",
        "vuc",
        "brobygning",
        "fritidsjob",
        "andet",
    } == KINDS
    assert SHIPPED.label("oevo") == "Holdforløb / øvrig vejledning og opkvalificering"
    assert SHIPPED.label("ukendt") == "ukendt"


def test_a_practice_counts_only_from_two_weeks() -> None:
    day = date(2026, 3, 2)
    assert SHIPPED.verdict("virksomhedspraktik", day, 2).counts
    short = SHIPPED.verdict("virksomhedspraktik", day, 1)
    assert not short.counts
    assert "mindst 2 uger" in short.text
    assert "LAB § 102, stk. 2" in short.source
    # An unknown duration: counts, with the condition said.
    assert "mindst 2 uger" in SHIPPED.verdict("loentilskud", day).text


def test_the_2026_cap_is_a_spending_cap_shown_not_a_limit_on_the_offer() -> None:
    before = SHIPPED.verdict("oevo", date(2025, 12, 31), 26)
    after = SHIPPED.verdict("oevo", date(2026, 1, 1), 26)
    assert before.counts and after.counts  # a long course still counts after the cap
    assert before.cap == ""
    assert "kommunens samlede udgifter" in after.cap
    assert "203 a" in after.source
    mentor = SHIPPED.verdict("mentor", date(2026, 1, 1), 26)
    assert not mentor.counts  # support, never an offer
    assert "mentorstøtte" in mentor.cap


def test_education_under_other_laws_is_no_offer_under_lab() -> None:
    for kind in ("fgu", "stu", "brobygning", "fritidsjob"):
        assert not SHIPPED.verdict(kind, date(2026, 3, 2), 40).counts


def test_kinds_by_date() -> None:
    assert "produktionsskole" in {k.code for k in SHIPPED.kinds_on(date(2019, 7, 31))}
    later = {k.code for k in SHIPPED.kinds_on(date(2019, 8, 1))}
    assert "produktionsskole" not in later and "egu" not in later and "fgu" in later


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[kind]]\ncode = "a"\nlabel = "A"\ncolour = "red"', "Tilbudsart a: ukendt felt colour."),
        ('[[kind]]\ncode = "a"\nlabel = "A"', "Tilbudsart uden regel: a."),
        (
            '[[kind]]\ncode = "a"\nlabel = "A"\n'
            '[[rule]]\nkinds = ["b"]\ncounts = true\nsource = "x"',
            "Tilbudsregel nr. 1: ukendt tilbudsart b.",
        ),
        (
            '[[kind]]\ncode = "a"\nlabel = "A"\n'
            '[[rule]]\nkinds = ["a"]\ncounts = true\nsource = "x"\n'
            '[[rule]]\nkinds = ["a"]\ncounts = false\nvalid_from = 2026-01-01\nsource = "y"',
            "Tilbudsregel nr. 2: overlapper en tidligere regel for a.",
        ),
    ],
)
def test_bad_rule_files_name_the_entry_and_field(text: str, message: str) -> None:
    with pytest.raises(OfferRulesError) as caught:
        parse_offer_rules(text)
    assert str(caught.value) == message


def test_validation_names_each_field() -> None:
    bad = OfferInput(
        name=" ",
        kind="nope",
        audiences=("alle",),
        min_age=20,
        max_age=18,
        weeks=0,
        contact_phone="12",
        contact_email="ikke-en-adresse",
    )
    errors = validate_offer(bad, KINDS)
    assert set(errors) == {
        "name",
        "kind",
        "audiences",
        "max_age",
        "weeks",
        "contact_phone",
        "contact_email",
    }
    assert errors["max_age"] == "Højeste alder skal være mindst den laveste."
    good = OfferInput(
        name="Praktik",
        kind="virksomhedspraktik",
        min_age=18,
        max_age=29,
        weeks=4,
        contact_phone="+45 12 34 56 78",
        contact_email="a@b.dk",
    )
    assert validate_offer(good, KINDS) == {}


def entry(
    i: int,
    name: str,
    provider: str = "",
    kind: str = "oevo",
    active: bool = True,
    audiences: tuple[str, ...] = (),
) -> OfferEntry:
    return OfferEntry(i, name, provider, kind, SHIPPED.label(kind), audiences, active)


def test_search_folds_like_the_register() -> None:
    index = OfferIndex(
        [
            entry(1, "Mentor hos Søren"),
            entry(2, "Praktik på Ålholm Lager", kind="virksomhedspraktik"),
            entry(3, "Køkkenhold", provider="Café Møllen"),
        ]
    )
    ids = lambda text: [e.id for e in index.search(OfferFilter(text))]  # noqa: E731
    assert ids("Soren") == [1]
    assert ids("soeren") == [1]
    assert ids("aalholm") == [2]
    assert ids("alholm") == [2]
    assert ids("cafe mol") == [3]
    assert ids("virksomhedspraktik") == [2]  # the kind's label is searched too
    assert ids("") == [1, 2, 3]


def test_filters_and_narrowing_agree_with_a_fresh_search() -> None:
    index = OfferIndex(
        [
            entry(1, "Mentor A", kind="mentor", audiences=("kui",)),
            entry(2, "Mentor B", kind="mentor", active=False),
            entry(3, "Hold C", audiences=("kui", "jobparat")),
        ]
    )
    assert [e.id for e in index.search(OfferFilter("", kind="mentor"))] == [1]
    assert [e.id for e in index.search(OfferFilter("", kind="mentor", active=None))] == [1, 2]
    assert [e.id for e in index.search(OfferFilter("", audience="kui"))] == [1, 3]
    # Typing on narrows the previous hits; widening (a deleted letter) scans all again.
    assert [e.id for e in index.search(OfferFilter("m"))] == [1]
    assert [e.id for e in index.search(OfferFilter("me"))] == [1]
    assert [e.id for e in index.search(OfferFilter("h"))] == [3]
    assert [e.id for e in index.search(OfferFilter("", active=False))] == [2]
