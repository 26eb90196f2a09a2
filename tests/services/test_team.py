"""Actors, the team and caseworkers' contact details over a real store: one coordinating
caseworker and one contact person at a time, history kept, Danish refusals that change
nothing, audit rows, and retention deleting the team with the case."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.conftest import TODAY
from ungedesk.domain.contact import EMAIL_MESSAGE, PHONE_MESSAGE, phone_problem
from ungedesk.domain.errors import InputError
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.team import (
    ActorInput,
    ActorKind,
    ActorRole,
    ContactDetailsInput,
    MemberInput,
    TeamRole,
)
from ungedesk.domain.youth import ExitReason, YouthInput
from ungedesk.services import access, actors, audit, caseworkers, retention, team, youths
from ungedesk.store.database import Store
from ungedesk.store.models import AuditEvent, TeamMember

START = date(2026, 9, 1)


def register(store: Store, cpr: str = "010203-4562") -> int:
    return youths.register(
        store,
        YouthInput(
            cpr=cpr,
            first_name="Sara",
            last_name="Nielsen",
            henvendelse_date=START,
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id


def school(store: Store, name: str = "Anders Holm") -> actors.ActorView:
    return actors.add_actor(
        store,
        ActorInput(
            kind=ActorKind.PERSON,
            name=name,
            organisation="Nordby FGU",
            role=ActorRole.FGU,
            responsibilities="Optagelse og vejledning på FGU",
            phone="+45 22 33 44 55",
            email="ah@fgu.example",
        ),
    )


def colleague(store: Store) -> caseworkers.CaseworkerView:
    return caseworkers.add_caseworker(
        store,
        ProfileInput(name="Bo Lund", initials="BL", unit="UU", role=Role.COUNSELLOR),
    )


def audit_details(store: Store) -> list[str]:
    with store.session() as s:
        return list(s.scalars(select(AuditEvent.detail).order_by(AuditEvent.id)))


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("12345678", True),
        ("12 34 56 78", True),
        ("+45 12 34 56 78", True),
        ("+4512345678", True),
        ("0045 1234 5678", True),
        ("1234567", False),
        ("123456789", False),
        ("+46 12 34 56 78", False),
        ("12-34-56-78", False),
        ("tlf 12345678", False),
    ],
)
def test_phone_rule(text: str, ok: bool) -> None:
    assert (phone_problem(text) is None) is ok


def test_own_contact_details_change_any_time_and_are_logged(store: Store) -> None:
    me = caseworkers.current_user(store)
    assert me is not None
    changed = caseworkers.update_contact_details(
        store,
        me.id,
        ContactDetailsInput(
            title="Koordinerende sagsbehandler", phone="+45  87 65 43 21", email="abj@kommune.dk"
        ),
    )
    assert (changed.title, changed.phone, changed.email) == (
        "Koordinerende sagsbehandler",
        "+45 87 65 43 21",
        "abj@kommune.dk",
    )
    assert caseworkers.current_user(store) == changed
    assert audit_details(store)[-1] == "Kontaktoplysninger (egen profil): titel, telefon, e-mail"


def test_colleagues_details_change_and_bad_input_changes_nothing(store: Store) -> None:
    bo = colleague(store)
    caseworkers.update_contact_details(store, bo.id, ContactDetailsInput(phone="33 44 55 66"))
    assert audit_details(store)[-1] == "Kontaktoplysninger (kollega BL): telefon"
    before = audit_details(store)
    with pytest.raises(InputError) as caught:
        caseworkers.update_contact_details(
            store, bo.id, ContactDetailsInput(title="Vejleder", phone="3344", email="bo@")
        )
    assert caught.value.fields == {"phone": PHONE_MESSAGE, "email": EMAIL_MESSAGE}
    assert caseworkers.get_caseworker(store, bo.id).phone == "33 44 55 66"
    assert caseworkers.get_caseworker(store, bo.id).title == ""
    assert audit_details(store) == before


def test_actors_add_update_search_and_retire(store: Store) -> None:
    holm = school(store)
    unit = actors.add_actor(
        store,
        ActorInput(kind=ActorKind.UNIT, name="Åbent Hus", role=ActorRole.CITIZEN_SERVICE),
    )
    assert holm.display == "Anders Holm, Nordby FGU"
    assert [a.name for a in actors.list_actors(store)] == ["Anders Holm", "Åbent Hus"]
    assert [a.id for a in actors.list_actors(store, text="fgu optag")] == [holm.id]
    assert [a.id for a in actors.list_actors(store, text="borgerservice")] == [unit.id]
    retired = actors.update_actor(
        store,
        holm.id,
        ActorInput(kind=ActorKind.PERSON, name="Anders Holm", role=ActorRole.FGU, active=False),
    )
    assert not retired.active and retired.organisation == ""
    assert [a.id for a in actors.list_actors(store, active_only=True)] == [unit.id]
    assert [a.id for a in actors.list_actors(store)] == [unit.id, holm.id]  # retired last
    details = audit_details(store)
    assert details[-1] == f"Aktør nr. {holm.id} ændret"
    assert not any("Holm" in d for d in details)  # the log names numbers, not people


def test_actor_refusals_are_danish_and_save_nothing(store: Store) -> None:
    with pytest.raises(InputError) as caught:
        actors.add_actor(
            store,
            ActorInput(kind=ActorKind.UNIT, name=" ", role=ActorRole.SCHOOL, phone="12"),
        )
    assert caught.value.fields == {"name": "Skriv enhedens navn.", "phone": PHONE_MESSAGE}
    assert actors.list_actors(store) == []


def test_without_a_named_coordinator_the_responsible_caseworker_is_it(store: Store) -> None:
    youth_id = register(store)
    view = team.team(store, youth_id)
    assert view.coordinator is not None
    assert view.coordinator.implicit
    assert view.coordinator.name == "Anne Bjerregaard (ABJ)"
    assert view.coordinator.phone == "12 34 56 78"
    assert view.contact is None and view.members == ()


def test_one_coordinator_and_one_contact_at_a_time_with_history(store: Store) -> None:
    youth_id = register(store)
    bo = colleague(store)
    holm = school(store)
    first = team.add_member(
        store, youth_id, MemberInput(TeamRole.COORDINATOR, START, caseworker_id=1), today=TODAY
    )
    team.add_member(
        store, youth_id, MemberInput(TeamRole.CONTACT, START, actor_id=holm.id), today=TODAY
    )
    team.add_member(
        store,
        youth_id,
        MemberInput(TeamRole.COORDINATOR, date(2026, 10, 1), caseworker_id=bo.id),
        today=TODAY,
    )
    view = team.team(store, youth_id)
    assert view.coordinator is not None and not view.coordinator.implicit
    assert view.coordinator.caseworker_id == bo.id
    assert view.contact is not None
    assert (view.contact.name, view.contact.phone) == ("Anders Holm", "+45 22 33 44 55")
    assert [m.role for m in view.members] == [TeamRole.COORDINATOR, TeamRole.CONTACT]
    assert [(m.id, m.to_date) for m in view.past] == [(first, date(2026, 10, 1))]
    assert audit_details(store)[-1] == "Team: BL tilføjet som koordinerende sagsbehandler"


def test_team_refusals_change_nothing(store: Store) -> None:
    youth_id = register(store)
    holm = school(store)
    bad = [
        (MemberInput(TeamRole.COORDINATOR, START, actor_id=holm.id), "role"),
        (MemberInput(TeamRole.MENTOR, START), "who"),
        (MemberInput(TeamRole.MENTOR, START, actor_id=holm.id, caseworker_id=1), "who"),
        (MemberInput(TeamRole.MENTOR, date(2027, 1, 1), actor_id=holm.id), "from_date"),
        (MemberInput(TeamRole.MENTOR, START, actor_id=999), "who"),
    ]
    for data, field in bad:
        with pytest.raises(InputError) as caught:
            team.add_member(store, youth_id, data, today=TODAY)
        assert field in caught.value.fields
    team.add_member(
        store, youth_id, MemberInput(TeamRole.MENTOR, START, actor_id=holm.id), today=TODAY
    )
    with pytest.raises(InputError, match="allerede den rolle"):
        team.add_member(
            store, youth_id, MemberInput(TeamRole.MENTOR, START, actor_id=holm.id), today=TODAY
        )
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(TeamMember)) == 1


def test_ending_a_member_keeps_them_in_the_history(store: Store) -> None:
    youth_id = register(store)
    holm = school(store)
    member = team.add_member(
        store, youth_id, MemberInput(TeamRole.MENTOR, START, actor_id=holm.id), today=TODAY
    )
    with pytest.raises(InputError, match="før startdatoen"):
        team.end_member(store, youth_id, member, date(2026, 8, 1), today=TODAY)
    team.end_member(store, youth_id, member, TODAY, today=TODAY)
    view = team.team(store, youth_id)
    assert view.members == () and [m.id for m in view.past] == [member]
    with pytest.raises(InputError, match="allerede gået"):
        team.end_member(store, youth_id, member, TODAY, today=TODAY)
    # A retired actor stays in the history but cannot join a team again.
    actors.update_actor(
        store,
        holm.id,
        ActorInput(kind=ActorKind.PERSON, name="Anders Holm", role=ActorRole.FGU, active=False),
    )
    assert team.team(store, youth_id).past[0].name == "Anders Holm"
    with pytest.raises(InputError, match="ikke længere aktiv"):
        team.add_member(
            store, youth_id, MemberInput(TeamRole.MENTOR, TODAY, actor_id=holm.id), today=TODAY
        )


def test_the_team_is_in_the_access_export_and_retention_deletes_it(store: Store) -> None:
    youth_id = register(store)
    holm = school(store)
    team.add_member(
        store, youth_id, MemberInput(TeamRole.CONTACT, START, actor_id=holm.id), today=TODAY
    )
    assert [r["role"] for r in access.collect(store, youth_id)["team_member"]] != []
    retention.close_case(store, youth_id, ExitReason.EDUCATION, START, today=TODAY)
    later = date(2040, 1, 1)
    assert retention.delete_expired(store, [youth_id], today=later) == 1
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(TeamMember)) == 0
    # The actor is the municipality's, not the young person's: it stays.
    assert [a.id for a in actors.list_actors(store)] == [holm.id]
    assert audit.verify(store).ok


def test_the_access_export_names_the_team_in_plain_danish(store: Store, tmp_path) -> None:
    import io

    from pypdf import PdfReader

    youth_id = register(store)
    holm = school(store)
    team.add_member(
        store, youth_id, MemberInput(TeamRole.CONTACT, START, actor_id=holm.id), today=TODAY
    )
    exported = access.export_person(store, youth_id, tmp_path / "ud")
    pdf = PdfReader(io.BytesIO(exported.pdf_path.read_bytes()))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Dit team" in text
    assert "Kontaktperson" in text
    assert "Anders Holm, Nordby FGU (FGU), tlf. +45 22 33 44 55, ah@fgu.example" in text


def test_demo_data_gives_most_young_people_a_team_from_the_synthetic_partners(
    store: Store,
) -> None:
    from ungedesk.services import demo
    from ungedesk.services.demo_team import PARTNERS

    demo.generate(store, 60, seed=5, today=TODAY)
    partners = actors.list_actors(store)
    assert sorted(a.name for a in partners) == sorted(p[1] for p in PARTNERS)
    assert all(a.email.endswith(".example") for a in partners)
    with store.session() as s:
        youth_ids = list(s.scalars(select(TeamMember.youth_id).distinct()))
    assert 15 <= len(youth_ids) <= 55
    view = team.team(store, youth_ids[0])
    assert view.contact is not None and view.contact.phone and view.contact.email
    assert view.coordinator is not None and view.coordinator.phone  # demo colleagues too
    # A second run reuses the partners instead of adding them again.
    demo.generate(store, 10, seed=6, today=TODAY)
    assert len(actors.list_actors(store)) == len(PARTNERS)


def test_a_transfer_leaves_the_team_behind(store: Store, tmp_path) -> None:
    import json

    from tests.conftest import PASSPHRASE, TEST_SCRYPT_N
    from ungedesk.services import setup, transfer
    from ungedesk.store.paths import StorePaths

    youth_id = register(store)
    holm = school(store)
    team.add_member(
        store, youth_id, MemberInput(TeamRole.CONTACT, START, actor_id=holm.id), today=TODAY
    )
    secret = "overførsel mellem to kontorer"
    path = transfer.export_case(store, youth_id, tmp_path / "ud", secret)
    doc = json.loads(transfer._decrypt(path.read_bytes(), secret))
    assert "team_member" not in doc["tables"]
    receiver = setup.create_installation(
        StorePaths(tmp_path / "modtager"),
        PASSPHRASE,
        ProfileInput("Jens Modtager", "JM", "UU", Role.CASEWORKER),
        scrypt_n=TEST_SCRYPT_N,
    ).opened.store
    try:
        got = transfer.import_case(receiver, path, secret, today=TODAY)
        view = team.team(receiver, got.youth_id)
        assert view.members == () and view.past == ()
        assert view.coordinator is not None and view.coordinator.name == "Jens Modtager (JM)"
        assert actors.list_actors(receiver) == []
    finally:
        receiver.close()
