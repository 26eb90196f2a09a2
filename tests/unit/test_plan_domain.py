"""The plan's rules: consent before content beyond education and work, row validation,
frozen versions that read back exactly, the change list, and LIX."""

from __future__ import annotations

from datetime import date

import pytest

from ungedesk.domain.plan import (
    Application,
    ApplicationKind,
    ConsentScope,
    Contact,
    ContactRole,
    GoalType,
    Intervention,
    PlanContent,
    Subgoal,
    SubgoalOwner,
    SubgoalStatus,
    changes_since,
    content_from_dict,
    content_to_dict,
    lix,
    validate_plan,
)
from ungedesk.domain.progression import Indicator

TODAY = date(2026, 11, 24)

FULL = PlanContent(
    goal_type=GoalType.EUD,
    programme="Smed",
    school="Erhvervsskolen",
    goal_start=date(2027, 8, 1),
    own_wishes="Jeg vil arbejde med mine hænder.",
    challenges="Svært ved at møde om morgenen.",
    short_term_goals="Møde hver dag i praktikken.",
    long_term_goals="Blive udlært.",
    health="Søvnproblemer; aftale med egen læge.",
    subgoals=(
        Subgoal(
            "Møde hver dag i praktikken i 4 uger",
            SubgoalOwner.YOUTH,
            date(2026, 12, 18),
            status=SubgoalStatus.IN_PROGRESS,
            indicator=Indicator.ATTENDANCE,
        ),
        Subgoal("Finde en mentor", SubgoalOwner.OTHER, None, owner_name="Jobcentrets mentor"),
    ),
    interventions=(Intervention("Virksomhedspraktik", "Værkstedet", TODAY, date(2027, 1, 31)),),
    applications=(Application(ApplicationKind.APPLICATION, "Erhvervsskolen", TODAY),),
    contacts=(Contact(ContactRole.CONTACT_PERSON, "Mentor Mette", phone="12345678"),),
)


def test_health_text_needs_consent_covering_health() -> None:
    errors = validate_plan(FULL, consented=(), today=TODAY)
    assert "samtykke" in errors["health"]
    assert validate_plan(FULL, consented=(ConsentScope.HOUSING,), today=TODAY)["health"]
    assert validate_plan(FULL, consented=(ConsentScope.HEALTH,), today=TODAY) == {}


def test_a_sub_goal_on_health_or_substance_use_needs_health_consent() -> None:
    for indicator in (Indicator.HEALTH, Indicator.SUBSTANCE_USE):
        content = PlanContent(
            subgoals=(Subgoal("Gå til læge", SubgoalOwner.YOUTH, indicator=indicator),)
        )
        errors = validate_plan(content, consented=(ConsentScope.FAMILY,), today=TODAY)
        assert "samtykke" in errors["subgoals.0.indicator"]
        assert validate_plan(content, consented=(ConsentScope.HEALTH,), today=TODAY) == {}


def test_rows_are_checked_at_their_own_key() -> None:
    content = PlanContent(
        subgoals=(Subgoal(" ", SubgoalOwner.YOUTH), Subgoal("Ring", SubgoalOwner.OTHER)),
        interventions=(Intervention("Mentor", starts_on=TODAY, ends_on=date(2026, 1, 1)),),
        applications=(Application(ApplicationKind.CONTACT, "Skolen", date(2027, 1, 1)),),
        contacts=(Contact(ContactRole.TEAM, "Ib", email="ikke-en-adresse"),),
    )
    errors = validate_plan(content, consented=(), today=TODAY)
    assert set(errors) == {
        "subgoals.0.text",
        "subgoals.1.owner_name",
        "interventions.0.ends_on",
        "applications.0.on",
        "contacts.0.email",
    }


def test_a_frozen_version_reads_back_exactly() -> None:
    raw = content_to_dict(FULL)
    assert raw["subgoals"][0]["indicator"] == "attendance"
    assert raw["goal_start"] == "2027-08-01"
    assert content_from_dict(raw) == FULL


def test_old_versions_without_newer_keys_still_read() -> None:
    assert content_from_dict({"programme": "Kok"}) == PlanContent(programme="Kok")


def test_changes_since_names_fields_and_rows() -> None:
    later = PlanContent(
        **{
            **{f: getattr(FULL, f) for f in FULL.__dataclass_fields__},
            "short_term_goals": "Møde hver dag og til tiden.",
            "health": "",
            "subgoals": (
                Subgoal(
                    "Møde hver dag i praktikken i 4 uger",
                    SubgoalOwner.YOUTH,
                    date(2026, 12, 18),
                    status=SubgoalStatus.REACHED,
                    indicator=Indicator.ATTENDANCE,
                ),
                Subgoal("Søge læreplads", SubgoalOwner.YOUTH),
            ),
        }
    )
    assert changes_since(FULL, later) == [
        "Kortsigtede mål ændret",
        "Helbred fjernet",
        "Delmål ændret: Møde hver dag i praktikken i 4 uger",
        "Delmål tilføjet: Søge læreplads",
        "Delmål fjernet: Finde en mentor",
    ]
    assert changes_since(FULL, FULL) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 8 words, 2 sentences, 0 long words: 4 + 0.
        ("Du har et mål. Vi har en plan.", 4.0),
        # 4 words, 1 sentence, 3 long (> 6 letters): 4 + 75.
        ("Uddannelsesplanen beskriver kompetencegivende forløb.", 79.0),
        ("", 0.0),
    ],
)
def test_lix(text: str, expected: float) -> None:
    assert lix(text) == pytest.approx(expected)
