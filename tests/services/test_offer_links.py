"""The plan's interventions and an offer's start and end pick from the catalogue: the
offer's uid is stored where a catalogue name was picked, free text stays free, a retired
offer is no longer picked, and the start of a picked offer meets the offer deadline."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from tests.conftest import TODAY
from ungedesk.domain.kui import Reached
from ungedesk.domain.plan import Intervention, PlanContent
from ungedesk.domain.youth import YouthInput
from ungedesk.services import catalogue, deadlines, plan, visitation, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store
from ungedesk.store.models import CaseEvent, PlanIntervention

NOW = datetime(2026, 11, 24, 12, 0)
PRACTICE = "Virksomhedspraktik på lager og logistik"  # in the starter catalogue


def register(store: Store) -> int:
    return youths.register(
        store,
        YouthInput(
            cpr="150605-4321",
            first_name="Søren",
            last_name="Ålund",
            henvendelse_date=date(2026, 3, 2),
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id


def stored_interventions(store: Store, youth_id: int) -> list[tuple[str, str, str]]:
    with store.session() as s:
        rows = s.scalars(
            select(PlanIntervention)
            .where(PlanIntervention.youth_id == youth_id)
            .order_by(PlanIntervention.position)
        )
        return [(r.name, r.provider, r.offer_uid) for r in rows]


def test_the_plan_offers_the_active_catalogue_and_links_what_was_picked(store: Store) -> None:
    yid = register(store)
    offer = next(o for o in catalogue.list_offers(store) if o.name == PRACTICE)
    draft = plan.get_plan(store, yid, now=NOW)
    assert PRACTICE in draft.offer_names
    content = PlanContent(
        interventions=(
            # Picked (the completer gives the exact name; case and spelling are folded).
            Intervention(PRACTICE.upper(), starts_on=date(2026, 12, 1)),
            Intervention("Praktik hos onkel", provider="Onkels Autoværksted"),
        )
    )
    plan.save_plan(store, yid, content, today=TODAY, now=NOW)
    assert stored_interventions(store, yid) == [
        (PRACTICE.upper(), offer.provider, offer.uid),  # the catalogue's provider filled in
        ("Praktik hos onkel", "Onkels Autoværksted", ""),
    ]
    catalogue.set_active(store, offer.id, False)
    assert PRACTICE not in plan.get_plan(store, yid, now=NOW).offer_names
    plan.save_plan(store, yid, content, today=TODAY, now=NOW)
    assert stored_interventions(store, yid)[0][2] == ""  # a retired offer is not picked


def test_a_picked_offer_start_is_linked_and_meets_the_offer_deadline(store: Store) -> None:
    yid = register(store)
    visitation.save(
        store,
        yid,
        VisitationInput(visited_on=date(2026, 3, 2), target_group="lab6_2"),
        today=TODAY,
    )
    rule = "lab-102-tilbud"

    def status() -> str:
        rows = [d for d in deadlines.for_youth(store, yid, TODAY) if d.rule_id == rule]
        return rows[0].status.value

    assert status() == "overdue"  # six months passed with no offer
    visitation.record_event(store, yid, "tilbud_start", date(2026, 9, 1), PRACTICE, today=TODAY)
    visitation.record_event(
        store, yid, "tilbud_slut", date(2026, 9, 29), "  " + PRACTICE, today=TODAY
    )
    visitation.record_event(
        store, yid, "contact", date(2026, 9, 2), PRACTICE, today=TODAY, reached=Reached.YOUTH
    )
    offer = next(o for o in catalogue.list_offers(store) if o.name == PRACTICE)
    with store.session() as s:
        links = {
            e.kind: e.offer_uid
            for e in s.scalars(select(CaseEvent).where(CaseEvent.youth_id == yid))
        }
    # Only an offer's start and end link to the catalogue; other events keep their note.
    assert links == {"tilbud_start": offer.uid, "tilbud_slut": offer.uid, "contact": ""}
    assert status() == "met"  # 1 September is within the six months from 2 March


def test_a_picked_offer_that_is_no_offer_under_the_law_meets_no_offer_deadline(
    store: Store,
) -> None:
    yid = register(store)
    visitation.save(
        store,
        yid,
        VisitationInput(visited_on=date(2026, 3, 2), target_group="lab6_2"),
        today=TODAY,
    )

    def status() -> str:
        rows = [d for d in deadlines.for_youth(store, yid, TODAY) if d.rule_id == "lab-102-tilbud"]
        return rows[0].status.value

    # Mentor support recorded as "offer started": support, not an offer (LAB kapitel 15).
    visitation.record_event(
        store, yid, "tilbud_start", date(2026, 8, 3), "Mentor til fremmøde og overgang", today=TODAY
    )
    assert status() == "overdue"
    # The same words typed freely (no catalogue offer): the caseworker's word stands.
    visitation.record_event(store, yid, "tilbud_start", date(2026, 8, 10), "Mentor", today=TODAY)
    assert status() == "met"
