"""The education plan: draft round trip, consent, frozen versions, the handout's data."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError
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
)
from ungedesk.domain.progression import Indicator
from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, conversations, plan, youths
from ungedesk.services.audit import Action
from ungedesk.store.database import Store

NOW = datetime(2026, 11, 24, 12, 0)
HENVENDELSE = date(2026, 9, 1)


def register(store: Store, cpr: str = "150605-4321", last: str = "Nowak") -> int:
    return youths.register(
        store,
        YouthInput(
            cpr=cpr,
            first_name="Łukasz",
            last_name=last,
            henvendelse_date=HENVENDELSE,
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id


FULL = PlanContent(
    goal_type=GoalType.EUD,
    programme="  Tømrer \n (EUD)  ",
    school="EUC  Syd",
    goal_start=date(2027, 8, 1),
    own_wishes="Jeg vil gerne bygge huse.\nOg have mit eget sted.",
    challenges="Svært ved at komme op om morgenen.",
    short_term_goals="Komme i praktik.",
    long_term_goals="Blive svend.",
    subgoals=(
        Subgoal("Besøge EUC Syd", SubgoalOwner.YOUTH, date(2026, 12, 10)),
        Subgoal(
            "Ringe til praktikstedet",
            SubgoalOwner.OTHER,
            owner_name="Mentor  Ole",
            status=SubgoalStatus.IN_PROGRESS,
            indicator=Indicator.ATTENDANCE,
        ),
        Subgoal("Søge SU", SubgoalOwner.UU, status=SubgoalStatus.REACHED),
    ),
    interventions=(
        Intervention("Mentor", "Ungeteamet", date(2026, 11, 1), date(2027, 2, 1), "Støtte"),
        Intervention("Virksomhedspraktik", "Byg & Co"),
    ),
    applications=(
        Application(ApplicationKind.CONTACT, "EUC Syd", date(2026, 10, 2)),
        Application(
            ApplicationKind.APPLICATION, "Aabenraa Tømrer", date(2026, 9, 20), "Svar i jan"
        ),
    ),
    contacts=(
        Contact(ContactRole.CONTACT_PERSON, "Mette Holm", "Mentor", "11 22 33 44", "mh@x.example"),
        # E-mail only: a plan contact needs a phone or an e-mail to be handed out.
        Contact(ContactRole.TEAM, "Jonas Berg", "UU-vejleder", email="jb@uu.example"),
    ),
)


def test_empty_plan_for_a_new_youth_and_the_read_is_logged(store: Store) -> None:
    yid = register(store)
    draft = plan.get_plan(store, yid, now=NOW)
    assert draft.content == PlanContent()
    assert draft.versions == () and draft.changes == () and not draft.dirty
    assert draft.case_number == "U-2026-00001"
    assert draft.coordinator is not None and draft.coordinator.name == "Anne Bjerregaard"
    assert draft.coordinator.phone == "12 34 56 78"
    assert draft.next_meeting is None and draft.next_meeting_place == ""
    last = audit.events_for_youth(store, yid)[0]
    assert last.action is Action.READ and last.detail == "Uddannelsesplan" and not last.special


def test_round_trip_with_every_list_keeps_order_and_normalises(store: Store) -> None:
    yid = register(store)
    draft = plan.save_plan(store, yid, FULL, today=TODAY, now=NOW)
    again = plan.get_plan(store, yid, now=NOW).content
    assert again == draft.content
    assert again.programme == "Tømrer (EUD)" and again.school == "EUC Syd"
    assert again.own_wishes == FULL.own_wishes  # line breaks in free text stay
    assert [g.text for g in again.subgoals] == [g.text for g in FULL.subgoals]
    assert again.subgoals[1].owner_name == "Mentor Ole"
    assert again.subgoals[1].indicator is Indicator.ATTENDANCE
    assert again.subgoals[1].status is SubgoalStatus.IN_PROGRESS
    assert again.interventions == FULL.interventions
    assert again.applications == FULL.applications
    assert again.contacts == FULL.contacts
    assert draft.dirty and draft.changes == ()
    # Reordering and removing rows replaces the children, nothing is left behind.
    fewer = PlanContent(
        goal_type=GoalType.GYM,
        subgoals=(FULL.subgoals[2], FULL.subgoals[0]),
        applications=(FULL.applications[1], FULL.applications[0]),
    )
    plan.save_plan(store, yid, fewer, today=TODAY, now=NOW)
    back = plan.get_plan(store, yid, now=NOW).content
    assert back == fewer
    with store.session() as s:
        assert s.execute(text("SELECT count(*) FROM plan_subgoal")).scalar() == 2
        assert s.execute(text("SELECT count(*) FROM plan_contact")).scalar() == 0
    saved = [e.detail for e in audit.events_for_youth(store, yid) if e.action is Action.UPDATE]
    assert saved[0] == (
        "Uddannelsesplan gemt: Uddannelsesmål, Uddannelse/job, Skole/arbejdsplads, Start, "
        "Den unges egne ønsker, Udfordringer og behov, Kortsigtede mål, Langsigtede mål, "
        "Delmål, Indsatser og tilbud, Ansøgninger og kontakter, Kontaktpersoner og team"
    )
    # The plan's own words never reach the access log, which outlives the case.
    assert not any("Besøge" in d or "bygge huse" in d for d in saved)


def test_invalid_plan_is_refused_with_field_errors(store: Store) -> None:
    yid = register(store)
    bad = PlanContent(
        subgoals=(Subgoal(" ", SubgoalOwner.OTHER),),
        applications=(Application(ApplicationKind.APPLICATION, "X", date(2026, 12, 24)),),
    )
    with pytest.raises(InputError) as err:
        plan.save_plan(store, yid, bad, today=TODAY, now=NOW)
    assert set(err.value.fields) == {
        "subgoals.0.text",
        "subgoals.0.owner_name",
        "applications.0.on",
    }
    assert plan.get_plan(store, yid, now=NOW).content == PlanContent()
    with pytest.raises(InputError):
        plan.get_plan(store, 999, now=NOW)


def test_consent_rule_health_text_needs_consent_and_goes_on_withdrawal(store: Store) -> None:
    yid = register(store)
    health = PlanContent(goal_type=GoalType.FGU, health="Går til psykolog.", housing="Sofa.")
    with pytest.raises(InputError) as err:
        plan.save_plan(store, yid, health, today=TODAY, now=NOW)
    assert set(err.value.fields) == {"health", "housing"}
    assert "samtykke" in err.value.fields["health"]

    with pytest.raises(InputError) as err:
        plan.give_consent(store, yid, [], date(2026, 11, 1), today=TODAY)
    assert "scopes" in err.value.fields
    with pytest.raises(InputError) as err:
        plan.give_consent(store, yid, [ConsentScope.HEALTH], date(2026, 11, 25), today=TODAY)
    assert err.value.fields["given_on"] == "Datoen kan ikke ligge i fremtiden."
    with pytest.raises(InputError) as err:
        plan.give_consent(store, yid, [ConsentScope.HEALTH], date(2026, 8, 31), today=TODAY)
    assert "før henvendelsen" in err.value.fields["given_on"]

    health_id = plan.give_consent(
        store, yid, [ConsentScope.HEALTH], date(2026, 11, 2), "Mundtligt", today=TODAY
    )
    housing_id = plan.give_consent(
        store, yid, {ConsentScope.HOUSING, ConsentScope.HEALTH}, date(2026, 11, 3), today=TODAY
    )
    draft = plan.save_plan(store, yid, health, today=TODAY, now=NOW)
    assert draft.content.health == "Går til psykolog."
    assert draft.active_scopes == {ConsentScope.HEALTH, ConsentScope.HOUSING}
    assert [c.recorded_by for c in draft.consents] == ["Anne Bjerregaard (ABJ)"] * 2
    assert draft.consents[1].scope_label == "Helbred, Bolig"
    plan.get_plan(store, yid, now=NOW)
    assert audit.events_for_youth(store, yid)[0].special  # health text was read

    version = plan.hand_out(store, yid, today=TODAY, now=NOW)
    # Health is still covered by the second consent: nothing is removed yet.
    plan.withdraw_consent(store, health_id, date(2026, 11, 20))
    assert plan.get_plan(store, yid, now=NOW).content.health == "Går til psykolog."
    with pytest.raises(InputError):
        plan.withdraw_consent(store, health_id, date(2026, 11, 21))
    with pytest.raises(InputError):
        plan.withdraw_consent(store, housing_id, date(2026, 11, 1))
    plan.withdraw_consent(store, housing_id, date(2026, 11, 22))
    after = plan.get_plan(store, yid, now=NOW)
    assert after.content.health == "" and after.content.housing == ""
    assert after.active_scopes == frozenset()
    assert after.consents[1].withdrawn_on == date(2026, 11, 22)
    assert "Helbred fjernet" in after.changes and "Bolig fjernet" in after.changes
    withdrawal = next(e for e in audit.events_for_youth(store, yid) if "tilbage" in e.detail)
    assert "fjernet fra planudkastet" in withdrawal.detail
    # The handed-out version is the record of what the young person was given.
    _, frozen = plan.version_content(store, yid, version)
    assert frozen.health == "Går til psykolog."


def test_hand_out_freezes_an_immutable_version(store: Store) -> None:
    yid = register(store)
    with pytest.raises(InputError) as err:
        plan.hand_out(store, yid, today=TODAY, now=NOW)
    assert "goal_type" in err.value.fields
    plan.save_plan(store, yid, FULL, today=TODAY, now=NOW)
    assert plan.hand_out(store, yid, today=date(2026, 11, 20), now=NOW) == 1
    draft = plan.get_plan(store, yid, now=NOW)
    assert not draft.dirty and draft.changes == ()
    assert draft.versions == (plan.VersionSummary(1, date(2026, 11, 20), "Anne Bjerregaard (ABJ)"),)
    with pytest.raises(Exception, match="cannot change"), store.session() as s:
        s.execute(text("UPDATE plan_version SET handed_out_by = 'X' WHERE number = 1"))
    assert plan.get_plan(store, yid, now=NOW).versions[0].handed_out_by == "Anne Bjerregaard (ABJ)"

    edited = PlanContent(
        goal_type=GoalType.EUD,
        programme="Tømrer (EUD)",
        school="EUC Syd",
        goal_start=date(2027, 8, 1),
        own_wishes=FULL.own_wishes,
        challenges=FULL.challenges,
        short_term_goals="Komme i praktik i januar.",
        long_term_goals="",
        subgoals=(*FULL.subgoals[:2], Subgoal("Købe sikkerhedssko", SubgoalOwner.YOUTH)),
        interventions=FULL.interventions,
        applications=FULL.applications,
        contacts=FULL.contacts,
    )
    draft = plan.save_plan(store, yid, edited, today=TODAY, now=NOW)
    assert draft.dirty
    assert draft.changes == (
        "Kortsigtede mål ændret",
        "Langsigtede mål fjernet",
        "Delmål tilføjet: Købe sikkerhedssko",
        "Delmål fjernet: Søge SU",
    )
    summary, v1 = plan.version_content(store, yid, 1)
    assert summary.number == 1 and v1.short_term_goals == "Komme i praktik."
    assert len(v1.subgoals) == 3 and v1 == plan.normalise(FULL)
    assert plan.hand_out(store, yid, today=TODAY, now=NOW) == 2
    assert plan.version_content(store, yid, 2)[1] == plan.normalise(edited)
    assert plan.version_content(store, yid, 1)[1] == v1
    with pytest.raises(InputError):
        plan.version_content(store, yid, 3)
    handed = [e.detail for e in audit.events_for_youth(store, yid) if e.action is Action.UPDATE]
    assert "Plan udleveret (version 2)" in handed and "Plan udleveret (version 1)" in handed


def book(store: Store, yid: int, at: datetime, place: str = "Jobcentret") -> int:
    return conversations.book(
        store,
        yid,
        ConversationInput(kind=ConversationKind.FOLLOW_UP, starts_at=at, place=place),
    )


def test_next_meeting_is_the_next_booked_conversation(store: Store) -> None:
    yid = register(store)
    book(store, yid, datetime(2026, 11, 10, 10, 0))  # past
    cancelled = book(store, yid, datetime(2026, 11, 26, 9, 0), "Aflyst sted")
    conversations.set_status(store, cancelled, ConversationStatus.CANCELLED)
    book(store, yid, datetime(2026, 12, 3, 10, 0), "Ungeteamet, lokale 2")
    book(store, yid, datetime(2026, 12, 1, 14, 30), "Rådhuset")
    draft = plan.get_plan(store, yid, now=NOW)
    assert draft.next_meeting == datetime(2026, 12, 1, 14, 30)
    assert draft.next_meeting_place == "Rådhuset"
    later = plan.get_plan(store, yid, now=datetime(2026, 12, 2, 8, 0))
    assert later.next_meeting_place == "Ungeteamet, lokale 2"


def test_logo_validation(store: Store, tmp_path: Path) -> None:
    assert not plan.has_logo(store)
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    jpeg = tmp_path / "logo.jpg"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    gif = tmp_path / "logo.gif"
    gif.write_bytes(b"GIF89a" + b"\0" * 100)
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * plan.MAX_LOGO_BYTES)
    for bad, word in ((gif, "PNG"), (big, "stort"), (tmp_path / "none.png", "læses")):
        with pytest.raises(InputError) as err:
            plan.set_logo(store, bad)
        assert word in err.value.fields["logo"]
    assert not plan.has_logo(store)
    plan.set_logo(store, str(jpeg))
    assert plan.has_logo(store)
    plan.set_logo(store, png)
    assert plan.logo._logo(store) == png.read_bytes()
    plan.clear_logo(store)
    assert not plan.has_logo(store)
    plan.clear_logo(store)


def test_handed_out_between_orders_by_case_number(store: Store) -> None:
    first = register(store)
    second = register(store, "020304-4561", "Hansen")
    for yid in (second, first):
        plan.save_plan(store, yid, PlanContent(goal_type=GoalType.JOB), today=TODAY, now=NOW)
    plan.hand_out(store, second, today=date(2026, 11, 2), now=NOW)
    plan.hand_out(store, first, today=date(2026, 11, 3), now=NOW)
    plan.hand_out(store, second, today=date(2026, 11, 10), now=NOW)
    plan.hand_out(store, first, today=date(2026, 11, 20), now=NOW)
    got = plan.handed_out_between(store, date(2026, 11, 2), date(2026, 11, 10))
    assert got == [(first, 1), (second, 1), (second, 2)]
    assert plan.handed_out_between(store, date(2026, 12, 1), date(2026, 12, 31)) == []


def test_snapshot_holds_coordinator_and_meeting(store: Store) -> None:
    yid = register(store)
    book(store, yid, datetime(2026, 12, 1, 14, 30), "Rådhuset")
    plan.save_plan(store, yid, PlanContent(goal_type=GoalType.JOB), today=TODAY, now=NOW)
    plan.hand_out(store, yid, today=TODAY, now=NOW)
    with store.session() as s:
        raw = s.execute(text("SELECT snapshot FROM plan_version")).scalar_one()
    snap = json.loads(raw)
    assert set(snap) == {
        "content",
        "coordinator",
        "next_meeting",
        "next_meeting_place",
        "guardians",
        "contact_person",  # the team's contact person, frozen like the coordinator
    }
    assert snap["contact_person"] is None  # none named on the team
    assert snap["guardians"] == []  # an adult: no custody holders sign
    assert snap["coordinator"]["name"] == "Anne Bjerregaard"
    assert snap["next_meeting"] == "2026-12-01T14:30:00"
    assert snap["next_meeting_place"] == "Rådhuset"
    assert snap["content"]["goal_type"] == "job"


def test_handout_fields_for_draft_and_versions(store: Store, tmp_path: Path) -> None:
    from ungedesk.domain.progression import MeasurementInput, ScoreInput
    from ungedesk.services import progression, settings

    yid = register(store)
    draft_handout = plan.handout(store, yid, today=TODAY, now=NOW)
    assert draft_handout.version is None and draft_handout.content == PlanContent()
    assert draft_handout.municipality == "Demo Kommune"
    assert draft_handout.youth_name == "Łukasz Nowak"
    assert draft_handout.cpr_masked == "150605-xxxx"
    assert draft_handout.printed_on == TODAY and draft_handout.logo is None
    assert draft_handout.first_reading is None and draft_handout.indicators == ()
    printed = audit.events_for_youth(store, yid)[0]
    assert printed.action is Action.READ
    assert printed.detail == "Uddannelsesplan til udlevering, udkast"

    book(store, yid, datetime(2026, 12, 1, 14, 30), "Rådhuset")
    progression.choose_indicators(
        store, yid, [Indicator.MOTIVATION, Indicator.HEALTH], date(2026, 10, 1)
    )
    for on, score in ((date(2026, 10, 1), 3), (date(2026, 11, 20), 6)):
        progression.record_measurement(
            store,
            yid,
            MeasurementInput(
                on,
                (
                    ScoreInput(Indicator.MOTIVATION, score, score + 1),
                    ScoreInput(Indicator.HEALTH, 5, 5),
                ),
            ),
            today=TODAY,
        )
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\1" * 50)
    plan.set_logo(store, png)
    plan.save_plan(store, yid, FULL, today=TODAY, now=NOW)
    plan.hand_out(store, yid, today=date(2026, 11, 20), now=NOW)
    # After the hand-out the caseworker's phone and the meeting change: version 1 keeps
    # what the young person was given.
    with store.session() as s:
        s.execute(text("UPDATE caseworker SET phone = '99 99 99 99'"))
    book(store, yid, datetime(2026, 11, 27, 9, 0), "Biblioteket")
    plan.save_plan(
        store, yid, PlanContent(goal_type=GoalType.JOB, programme="Lager"), today=TODAY, now=NOW
    )
    settings.set_setting(store, settings.MUNICIPALITY, "Ribe Kommune")

    h = plan.handout(store, yid, today=TODAY, now=NOW)
    assert h.version == 1 and h.handed_out_on == date(2026, 11, 20)
    assert h.handed_out_by == "Anne Bjerregaard (ABJ)"
    assert h.content == plan.normalise(FULL)
    assert h.coordinator is not None and h.coordinator.phone == "12 34 56 78"
    assert h.next_meeting == datetime(2026, 12, 1, 14, 30) and h.next_meeting_place == "Rådhuset"
    assert h.municipality == "Ribe Kommune" and h.logo == png.read_bytes()
    assert h.indicators == (Indicator.MOTIVATION,)  # health never reaches the handout
    assert h.first_reading is not None and h.latest_reading is not None
    assert h.first_reading.scores[Indicator.MOTIVATION] == 4
    assert h.latest_reading.scores[Indicator.MOTIVATION] == 7
    assert audit.events_for_youth(store, yid)[0].detail == (
        "Uddannelsesplan til udlevering, version 1"
    )

    plan.hand_out(store, yid, today=TODAY, now=NOW)
    latest = plan.handout(store, yid, today=TODAY, now=NOW)
    assert latest.version == 2 and latest.content.programme == "Lager"
    assert latest.coordinator is not None and latest.coordinator.phone == "99 99 99 99"
    assert latest.next_meeting == datetime(2026, 11, 27, 9, 0)
    assert plan.handout(store, yid, version=1, today=TODAY, now=NOW).content == h.content
    with pytest.raises(InputError):
        plan.handout(store, yid, version=7, today=TODAY, now=NOW)


def _plan_with_versions(store: Store, yid: int, on: date) -> None:
    plan.give_consent(store, yid, [ConsentScope.FAMILY], on, "Skriftligt", today=TODAY)
    content = PlanContent(
        goal_type=GoalType.FGU,
        family="Bor hos mormor.",
        subgoals=FULL.subgoals,
        interventions=FULL.interventions,
        applications=(Application(ApplicationKind.APPLICATION, "FGU Syd", on),),
        contacts=FULL.contacts,
    )
    plan.save_plan(store, yid, content, today=TODAY, now=NOW)
    plan.hand_out(store, yid, today=on, now=NOW)
    plan.hand_out(store, yid, today=on, now=NOW)


PLAN_TABLES = (
    "plan",
    "plan_subgoal",
    "plan_intervention",
    "plan_application",
    "plan_contact",
    "consent",
    "plan_version",
)


def test_access_export_contains_the_plan(store: Store, tmp_path: Path) -> None:
    from ungedesk.services import access

    yid = register(store)
    _plan_with_versions(store, yid, date(2026, 11, 2))
    data = access.collect(store, yid)
    assert {name: len(data[name]) for name in PLAN_TABLES} == {
        "plan": 1,
        "plan_subgoal": 3,
        "plan_intervention": 2,
        "plan_application": 1,
        "plan_contact": 2,
        "consent": 1,
        "plan_version": 2,
    }
    result = access.export_person(store, yid, tmp_path / "ud")
    doc = json.loads(result.json_path.read_text("utf-8"))
    assert doc["tabeller"]["plan"][0]["family"] == "Bor hos mormor."
    assert "Bor hos mormor." in doc["tabeller"]["plan_version"][0]["snapshot"]


def test_retention_deletes_plan_and_frozen_versions(store: Store) -> None:
    from ungedesk.domain.youth import ExitReason
    from ungedesk.services import access, retention

    yid = youths.register(
        store,
        YouthInput(
            cpr="010203-4562",
            first_name="Slet",
            last_name="Gammelplan",
            henvendelse_date=date(2021, 1, 4),
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id
    _plan_with_versions(store, yid, date(2021, 2, 1))
    retention.close_case(store, yid, ExitReason.JOB, date(2021, 11, 23), today=TODAY)
    assert retention.delete_expired(store, [yid], today=TODAY) == 1
    data = access.collect(store, yid)
    assert all(not data[name] for name in PLAN_TABLES)
    assert plan.handed_out_between(store, date(2021, 1, 1), TODAY) == []
    assert audit.verify(store).ok


def test_transfer_carries_plan_consent_and_versions(store: Store, tmp_path: Path) -> None:
    from tests.conftest import PASSPHRASE, TEST_SCRYPT_N
    from ungedesk.domain.profile import ProfileInput, Role
    from ungedesk.services import setup, transfer
    from ungedesk.store.paths import StorePaths

    receiver = setup.create_installation(
        StorePaths(tmp_path / "modtager"),
        PASSPHRASE,
        # With phone and e-mail: a plan is only handed out with the coordinator's details.
        ProfileInput(
            "Jens Modtager", "JM", "Jobcenter", Role.CASEWORKER, "jm@kommune.example", "87654321"
        ),
        scrypt_n=TEST_SCRYPT_N,
    ).opened.store
    try:
        yid = register(store)
        _plan_with_versions(store, yid, date(2026, 11, 2))
        mine = plan.get_plan(store, yid, now=NOW)
        path = transfer.export_case(store, yid, tmp_path / "ud", "overførsel mellem to kontorer")
        got = transfer.import_case(receiver, path, "overførsel mellem to kontorer", today=TODAY)
        theirs = plan.get_plan(receiver, got.youth_id, now=NOW)
        assert theirs.content == mine.content
        assert theirs.versions == mine.versions and len(theirs.versions) == 2
        assert theirs.active_scopes == {ConsentScope.FAMILY}
        assert theirs.consents[0].note == "Skriftligt"
        assert plan.version_content(receiver, got.youth_id, 2)[1] == mine.content
        assert not theirs.dirty
        # The receiver's coordinator is their own caseworker; the versions keep the sender's.
        assert theirs.coordinator is not None and theirs.coordinator.name == "Jens Modtager"
        assert plan.hand_out(receiver, got.youth_id, today=TODAY, now=NOW) == 3
        # Sent back, the case replaces the sender's older copy, versions included.
        back = transfer.export_case(
            receiver, got.youth_id, tmp_path / "retur", "overførsel mellem to kontorer"
        )
        home = transfer.import_case(store, back, "overførsel mellem to kontorer", today=TODAY)
        assert home.youth_id == yid and not home.created
        assert [v.number for v in plan.get_plan(store, yid, now=NOW).versions] == [1, 2, 3]
    finally:
        receiver.close()


def test_demo_plans_are_valid_readable_and_some_handed_out(store: Store) -> None:
    from ungedesk.domain.plan import validate_plan
    from ungedesk.services import demo

    demo.generate(store, 300, seed=7, today=TODAY, batch_size=150)
    with store.session() as s:
        with_plan = [int(y) for y in s.execute(text("SELECT youth_id FROM plan")).scalars()]
        with_versions = set(s.execute(text("SELECT DISTINCT youth_id FROM plan_version")).scalars())
        twice = s.execute(text("SELECT count(*) FROM plan_version WHERE number = 2")).scalar()
    assert 60 < len(with_plan) < 200
    assert with_versions and twice
    dirty = beyond = tied = 0
    for yid in with_plan:
        draft = plan.get_plan(store, yid, now=NOW)
        c = draft.content
        assert c.goal_type is not None and c.own_wishes.startswith("Jeg ")
        assert 2 <= len(c.subgoals) <= 5 and c.interventions and c.applications and c.contacts
        assert not c.health
        assert validate_plan(c, consented=draft.active_scopes, today=TODAY) == {}
        assert c == plan.normalise(c)
        for v in draft.versions:
            summary, frozen = plan.version_content(store, yid, v.number)
            assert summary.handed_out_by.endswith(")") and frozen.goal_type is not None
        dirty += bool(draft.versions) and draft.dirty
        beyond += bool(c.housing or c.family)
        tied += any(g.indicator for g in c.subgoals)
    assert dirty and beyond and tied
    # Every demo plan prints: the handout of a frozen version reads back whole.
    yid = next(iter(with_versions))
    h = plan.handout(store, yid, today=TODAY, now=NOW)
    assert h.version is not None and h.coordinator is not None and h.handed_out_on is not None


def test_awkward_text_round_trips_unchanged(store: Store) -> None:
    yid = register(store)
    odd = "<b>fed</b> & <img src=x> Şükrü Nguyễn Łukasz 😀 ' \" ; DROP TABLE plan; --"
    content = PlanContent(
        goal_type=GoalType.HIGHER,
        programme=odd,
        own_wishes=f"{odd}\n\n  indrykket linje\n",
        subgoals=(Subgoal(odd, SubgoalOwner.OTHER, owner_name=odd),),
        contacts=(Contact(ContactRole.TEAM, odd, odd, "+45 12 34 56 78", "a.b@c.example"),),
    )
    saved = plan.save_plan(store, yid, content, today=TODAY, now=NOW).content
    assert saved.programme == odd and saved.subgoals[0].owner_name == odd
    assert saved.own_wishes == f"{odd}\n\n  indrykket linje"
    assert plan.get_plan(store, yid, now=NOW).content == saved
    plan.hand_out(store, yid, today=TODAY, now=NOW)
    assert plan.version_content(store, yid, 1)[1] == saved
