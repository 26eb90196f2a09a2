"""The rule file's schema, the diff between rule sets, and rules in plain Danish."""

from __future__ import annotations

from datetime import date

import pytest

from ungedesk.domain.rule_file import (
    MAX_RULE_FILE_BYTES,
    ChangeKind,
    diff_rules,
    file_version,
    parse_rule_file,
    rules_in_force,
)
from ungedesk.domain.rule_text import (
    dates_text,
    kind_label,
    period_text,
    plain_description,
    short_citation,
    short_date,
    sources_text,
    who_text,
)
from ungedesk.domain.rules import RuleError

RULE = """
[[rule]]
id = "foerste"
description = "Første jobsamtale senest 1 uge efter henvendelsen"
start_event = "henvendelse"
once = true
period = { weeks = 1 }
meets = ["jobsamtale"]
target_groups = ["lab6_2", "lab6_4"]
valid_from = 2020-01-01
valid_to = 2027-01-01
source = "LAB § 31, stk. 1"
sources = [{ from = 2024-01-01, source = "LAB § 31, stk. 5" }]
"""


def doc(body: str = RULE, version: str = 'version = "2026-12-01"') -> str:
    return f"{version}\n{body}"


def test_a_good_file() -> None:
    parsed = parse_rule_file(doc().encode("utf-8"))
    assert parsed.version == date(2026, 12, 1)
    assert [r.id for r in parsed.rules] == ["foerste"]
    # A TOML date works as well as a string.
    assert parse_rule_file(doc(version="version = 2026-12-01")).version == date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # bad TOML
        (doc(RULE.replace("[[rule]]", "[[rule]")), ("ikke gyldig TOML",)),
        # unknown field in a rule
        (doc(RULE.replace("once = true", "onse = true")), ("foerste", "onse")),
        # unknown top-level key
        (doc(version='version = "2026-12-01"\nauthor = "x"'), ("author", "øverst")),
        (doc() + 'author = "x"\n', ("foerste", "author")),
        # no version, a bad version
        (RULE, ("version",)),
        (doc(version='version = "1. december"'), ("version",)),
        (doc(version="version = 2026-12-01T10:00:00"), ("version", "klokkeslæt")),
        # wrong types
        (doc(RULE.replace('source = "LAB § 31, stk. 1"', "source = 31")), ("foerste", "source")),
        (doc(RULE.replace("once = true", 'once = "ja"')), ("foerste", "once")),
        (doc(RULE.replace("period = { weeks = 1 }", "period = 7")), ("foerste", "period")),
        (doc(RULE.replace('meets = ["jobsamtale"]', 'meets = "jobsamtale"')), ("foerste", "meets")),
        (doc(RULE.replace('id = "foerste"', "id = 7")), ("nr. 1", "id")),
        (
            doc(RULE.replace("Første jobsamtale senest 1 uge efter henvendelsen", " ")),
            ("foerste", "description"),
        ),
        # bad dates
        (
            doc(RULE.replace("valid_from = 2020-01-01", 'valid_from = "2020-02-30"')),
            ("foerste", "valid_from"),
        ),
        (
            doc(RULE.replace("valid_to = 2027-01-01", "valid_to = 2027-01-01T00:00:00")),
            ("foerste", "valid_to"),
        ),
        (doc(RULE.replace("valid_to = 2027-01-01", "valid_to = 2019-01-01")), ("foerste",)),
        # a missing field
        (doc(RULE.replace('start_event = "henvendelse"\n', "")), ("foerste", "start_event")),
        # the same id twice
        (doc(RULE + RULE), ("foerste", "id", "to gange")),
        # no rules at all
        (doc(""), ("ingen regler",)),
    ],
)
def test_each_malformation_is_named(text: str, words: tuple[str, ...]) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rule_file(text.encode("utf-8"))
    for word in words:
        assert word in caught.value.message


def test_too_big_and_not_utf8() -> None:
    with pytest.raises(RuleError, match="for stor"):
        parse_rule_file(doc().encode() + b"#" * MAX_RULE_FILE_BYTES)
    with pytest.raises(RuleError, match="UTF-8"):
        parse_rule_file(doc().encode("latin-1"))  # "Første" in Latin-1 is not UTF-8


def test_file_version_is_lenient() -> None:
    assert file_version(RULE) is None
    assert file_version(doc()) == date(2026, 12, 1)


def test_diff_names_the_changed_fields() -> None:
    old = parse_rule_file(doc()).rules
    changed = RULE.replace("weeks = 1", "weeks = 2").replace(
        "valid_to = 2027-01-01\n", "valid_to = 2027-07-01\n"
    )
    added = RULE.replace('id = "foerste"', 'id = "ny"')
    new = parse_rule_file(doc(changed + added)).rules
    changes = diff_rules(old, new)
    assert [(c.kind, c.rule.id) for c in changes] == [
        (ChangeKind.CHANGED, "foerste"),
        (ChangeKind.ADDED, "ny"),
    ]
    assert [(f.field, f.old, f.new) for f in changes[0].fields] == [
        ("period", "1 uge", "2 uger"),
        ("valid_to", "2027-01-01", "2027-07-01"),
    ]
    assert [(c.kind, c.rule.id) for c in diff_rules(new, old)][-1] == (ChangeKind.REMOVED, "ny")
    assert diff_rules(old, old) == []


def test_rules_in_force_by_date_and_group() -> None:
    (rule,) = parse_rule_file(doc()).rules
    assert rules_in_force([rule], date(2026, 12, 31)) == [rule]
    assert rules_in_force([rule], date(2027, 1, 1)) == []  # valid_to is exclusive
    assert rules_in_force([rule], date(2019, 12, 31)) == []
    assert rules_in_force([rule], date(2024, 1, 1), "lab6_4") == [rule]
    assert rules_in_force([rule], date(2024, 1, 1), "lab6_1") == []


def test_plain_danish() -> None:
    (rule,) = parse_rule_file(doc()).rules
    assert short_date(date(2020, 1, 1)) == "1. jan. 2020"
    assert short_date(date(2025, 5, 31)) == "31. maj 2025"
    assert period_text(rule) == "senest 1 uge efter henvendelsen"
    assert dates_text(rule) == "fra 1. jan. 2020 til og med 31. dec. 2026"
    # The labels themselves are the target groups' own (dated data): only the joining here.
    labels = {"lab6_2": "Jobparat kontanthjælpsmodtager", "lab6_4": "Uddannelsesparat"}
    assert who_text(rule, labels) == "jobparat kontanthjælpsmodtager og uddannelsesparat"
    assert who_text(rule) == "lab6_2 og lab6_4"  # no labels given: the codes
    (everyone,) = parse_rule_file(
        doc(RULE.replace('target_groups = ["lab6_2", "lab6_4"]', "max_age = 29"))
    ).rules
    assert plain_description(everyone) == (
        "Første jobsamtale senest 1 uge efter henvendelsen, for til og med 29 år, "
        "fra 1. jan. 2020 til og med 31. dec. 2026"
    )
    assert sources_text(rule) == (
        "LAB § 31, stk. 1 (fra 1. jan. 2020); LAB § 31, stk. 5 (fra 1. jan. 2024)"
    )
    assert kind_label(rule) == "lov"


def test_short_citation_keeps_the_paragraph_and_drops_the_explanation() -> None:
    assert short_citation("LAB § 31, stk. 5 (jf. LBK nr. 280 af 1. marts 2024)") == (
        "LAB § 31, stk. 5"
    )
    assert short_citation("LAB § 31 som ændret ved lov nr. 1750 af 29. december 2025") == "LAB § 31"
    assert short_citation(
        "LAB § 30, stk. 3, ved første jobsamtale efter § 31, stk. 5, medmindre ..."
    ) == ("LAB § 30, stk. 3")
    assert short_citation("LAB § 102, stk. 1, som ændret ved lov nr. 1750") == "LAB § 102, stk. 1"
    # No paragraph before the first cut: keep up to the parenthesis.
    assert short_citation("LAB som ændret ved lov nr. 895 af 4. juli 2013 (reformen), i kraft") == (
        "LAB som ændret ved lov nr. 895 af 4. juli 2013"
    )
    assert short_citation("Kommunens kvalitetsstandard") == "Kommunens kvalitetsstandard"
