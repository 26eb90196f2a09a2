"""The plan PDF shows the coordinating caseworker's and the contact person's real phone and
e-mail (read back from the PDF), and a hand-out with a missing detail is refused in Danish
before anything is frozen, naming what is missing and whose it is."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from tests.conftest import TODAY
from ungedesk.domain.plan import GoalType, PlanContent
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.team import (
    ActorInput,
    ActorKind,
    ActorRole,
    ContactDetailsInput,
    MemberInput,
    MissingContactError,
    TeamRole,
)
from ungedesk.domain.youth import YouthInput
from ungedesk.services import actors, caseworkers, plan, plan_export, team, youths
from ungedesk.store.database import Store

NOW = datetime(2026, 11, 24, 12, 0)


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def youth_id(store: Store) -> int:
    yid = youths.register(
        store,
        YouthInput("150605-4321", "Łukasz", "Nowak", date(2026, 11, 2), caseworker_id=1),
        today=TODAY,
    ).youth_id
    plan.save_plan(
        store, yid, PlanContent(goal_type=GoalType.EUD, programme="EUX"), today=TODAY, now=NOW
    )
    return yid


def test_the_pdf_shows_the_coordinator_and_contact_person_with_phone_and_email(
    store: Store, youth_id: int
) -> None:
    caseworkers.update_contact_details(
        store,
        1,
        ContactDetailsInput(
            title="Koordinerende sagsbehandler", phone="+45 87 65 43 21", email="abj@kommune.dk"
        ),
    )
    mentor = actors.add_actor(
        store,
        ActorInput(
            kind=ActorKind.PERSON,
            name="Mette Krogh",
            organisation="Vestby FGU",
            role=ActorRole.FGU,
            phone="22 33 44 55",
            email="mk@fgu.example",
        ),
    )
    team.add_member(
        store, youth_id, MemberInput(TeamRole.CONTACT, TODAY, actor_id=mentor.id), today=TODAY
    )
    number = plan_export.hand_out(store, youth_id, today=TODAY, now=NOW).number
    text = text_of(plan_export.preview(store, youth_id, today=TODAY, now=NOW).data)
    assert "Anne Bjerregaard" in text
    assert "Koordinerende sagsbehandler" in text
    assert "+45 87 65 43 21" in text and "abj@kommune.dk" in text
    assert "Mette Krogh" in text and "Kontaktperson" in text
    assert "22 33 44 55" in text and "mk@fgu.example" in text
    assert "–\n" not in text.split("Ring eller skriv")[1][:200]  # no empty contact line

    # The handed-out version keeps the details it was handed out with.
    caseworkers.update_contact_details(
        store, 1, ContactDetailsInput(phone="11 11 11 11", email="ny@kommune.dk")
    )
    again = text_of(plan_export.preview(store, youth_id, version=number, today=TODAY, now=NOW).data)
    assert "+45 87 65 43 21" in again and "11 11 11 11" not in again


def test_a_missing_phone_refuses_the_hand_out_and_names_what_is_missing(
    store: Store, youth_id: int
) -> None:
    bo = caseworkers.add_caseworker(
        store,
        ProfileInput(
            name="Bo Lund", initials="BL", unit="UU", role=Role.COUNSELLOR, email="bl@kommune.dk"
        ),
    )
    team.add_member(
        store,
        youth_id,
        MemberInput(TeamRole.COORDINATOR, TODAY, caseworker_id=bo.id),
        today=TODAY,
    )
    with pytest.raises(MissingContactError) as caught:
        plan_export.hand_out(store, youth_id, today=TODAY, now=NOW)
    error = caught.value
    assert error.message == (
        "Planen er ikke udleveret: den koordinerende sagsbehandler Bo Lund mangler "
        "telefonnummer. Udfyld kontaktoplysningerne, så den unge kan se, hvordan de kontakter "
        "jer, og udlever igen."
    )
    assert [(f.caseworker_id, f.who) for f in error.fixes] == [(bo.id, "Bo Lund")]
    assert plan.get_plan(store, youth_id, now=NOW).versions == ()  # nothing frozen
    caseworkers.update_contact_details(
        store, bo.id, ContactDetailsInput(phone="33 44 55 66", email="bl@kommune.dk")
    )
    assert plan_export.hand_out(store, youth_id, today=TODAY, now=NOW).number == 1


def test_a_plan_contact_without_phone_or_email_is_named_before_the_hand_out(
    store: Store, youth_id: int
) -> None:
    from ungedesk.domain.plan import Contact, ContactRole

    content = PlanContent(
        goal_type=GoalType.EUD,
        programme="EUX",
        contacts=(Contact(ContactRole.TEAM, "Jonas Berg", "UU-vejleder"),),
    )
    with pytest.raises(MissingContactError) as caught:
        plan_export.hand_out(store, youth_id, content, today=TODAY, now=NOW)
    assert "kontakten Jonas Berg på planen har hverken telefonnummer eller e-mailadresse" in (
        caught.value.message
    )
    assert caught.value.fixes == ()  # filled in on the plan itself
    assert plan.get_plan(store, youth_id, now=NOW).versions == ()
