"""The figures' kept per-case facts (services.figure_cases) on a real encrypted store: the
same facts as derived from the source tables, and never stale, whoever changes a case."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select, text, update

from tests.conftest import PASSPHRASE, TODAY
from tests.support.visited import case
from ungedesk.domain.figures import TOTAL, CaseFacts, Figure, GroupSpan, OfferSpan, Period
from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import ExitReason
from ungedesk.services import (
    access,
    conversations,
    figure_cases,
    figures,
    key_rotation,
    retention,
    setup,
    visitation,
)
from ungedesk.store.database import Store
from ungedesk.store.figure_tables import FigureCase
from ungedesk.store.models import Offer, Youth
from ungedesk.store.paths import StorePaths

NOVEMBER = Period.month(2026, 11)


def kept(store: Store, yid: int) -> bool:
    with store.session() as s:
        return s.get(FigureCase, yid) is not None


def facts_of(store: Store, yid: int) -> CaseFacts:
    with store.session() as s:
        figure_cases.bring_up_to_date(s)
        (one,) = figure_cases.read_ids(s, [yid])
    return one


def test_kept_facts_are_the_facts_read_from_the_source_tables(store: Store) -> None:
    a = case(store, "010100-4001", date(2026, 9, 1), "lab6_4")
    visitation.change_target_group(
        store, a, "lab6_5", date(2026, 10, 29), "Helbredet er blevet dårligere.", today=TODAY
    )
    conversations.book(
        store,
        a,
        ConversationInput(ConversationKind.JOINT_UU, datetime(2026, 9, 8, 10)),
        ConversationStatus.HELD,
        today=TODAY,
    )
    visitation.record_event(store, a, "tilbud_start", date(2026, 10, 1), today=TODAY)
    visitation.record_event(store, a, "tilbud_slut", date(2026, 10, 20), today=TODAY)
    visitation.record_event(store, a, "tilbud_start", date(2026, 11, 2), today=TODAY)
    retention.close_case(store, a, ExitReason.JOB, date(2026, 11, 20), today=TODAY)
    b = case(store, "020200-4002", date(2026, 11, 3), "lab6_4")
    # Worked out by hand from what was recorded above.
    assert facts_of(store, a) == CaseFacts(
        youth_id=a,
        opened_on=date(2026, 9, 1),
        closed_on=date(2026, 11, 20),
        exit_reason="job",
        groups=(
            GroupSpan("lab6_4", date(2026, 9, 1), date(2026, 10, 29)),
            GroupSpan("lab6_5", date(2026, 10, 29)),
        ),
        first_conversation_on=date(2026, 9, 8),
        caseworker_id=1,
        offers=(OfferSpan(date(2026, 10, 1), date(2026, 10, 20)), OfferSpan(date(2026, 11, 2))),
    )
    with store.session() as s:
        both = sorted(figure_cases.read(s, None, NOVEMBER), key=lambda c: c.youth_id)
        derived = figure_cases.from_sources(s, select(Youth.id).where(Youth.id.in_([a, b])))
    assert both == sorted(derived, key=lambda c: c.youth_id)


def test_a_change_through_a_service_is_counted_at_once(store: Store) -> None:
    a = case(store, "010100-4001", date(2026, 10, 5), "lab6_4")
    assert figures.flow_figures(store, NOVEMBER).count(Figure.ACTIVE, "lab6_4") == 1
    assert kept(store, a)
    visitation.change_target_group(
        store, a, "lab6_5", date(2026, 11, 16), "Helbredet er blevet dårligere.", today=TODAY
    )
    assert not kept(store, a)  # dropped by the store's trigger, derived again on reading
    f = figures.flow_figures(store, NOVEMBER)
    assert f.members[(Figure.INFLOW, "lab6_5")] == {a}
    assert f.members[(Figure.OUTFLOW, "lab6_4")] == {a}
    retention.close_case(store, a, ExitReason.EDUCATION, date(2026, 11, 23), today=TODAY)
    assert not kept(store, a)
    assert figures.flow_figures(store, NOVEMBER).outflow_count("education") == 1
    retention.reopen_case(store, a)
    assert figures.flow_figures(store, NOVEMBER).count(Figure.OUTFLOW) == 0


def test_a_write_in_plain_sql_drops_the_kept_row_too(store: Store) -> None:
    # A restore, a transfer or a future service writes past this module: the trigger sees it.
    a = case(store, "010100-4001", date(2026, 10, 5), "lab6_4")
    figures.flow_figures(store, NOVEMBER)
    with store.session() as s:
        s.execute(
            text("UPDATE youth SET closed_on = '2026-11-03', exit_reason = 'moved' WHERE id = :i"),
            {"i": a},
        )
    assert not kept(store, a)
    assert figures.flow_figures(store, NOVEMBER).members[(Figure.OUTFLOW, TOTAL)] == {a}
    # A name is not a figure's fact: the row stays.
    figures.flow_figures(store, NOVEMBER)
    with store.session() as s:
        s.execute(update(Youth).where(Youth.id == a).values(first_name="Anden"))
    assert kept(store, a)


def test_a_catalogue_offer_changing_kind_is_derived_again(store: Store) -> None:
    from ungedesk.store.models import CaseEvent

    a = case(store, "010100-4001", date(2026, 10, 1), "lab6_4")
    visitation.record_event(store, a, "tilbud_start", date(2026, 11, 5), today=TODAY)
    with store.session() as s:
        offer = s.scalar(select(Offer).where(Offer.kind == "virksomhedspraktik"))
        assert offer is not None
        s.execute(update(CaseEvent).values(offer_uid=offer.uid))
        uid = offer.uid
    assert figures.period_figures(store, NOVEMBER, TODAY).activation[TOTAL].offer_days == 26
    with store.session() as s:
        s.execute(update(Offer).where(Offer.uid == uid).values(kind="mentor"))
    assert not kept(store, a)
    assert figures.period_figures(store, NOVEMBER, TODAY).activation[TOTAL].offer_days == 0


def test_a_program_update_derives_every_row_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [case(store, f"0{n}0100400{n}", date(2026, 10, 1), "lab6_4") for n in range(1, 4)]
    with store.session() as s:
        assert figure_cases.bring_up_to_date(s) == 3
        assert figure_cases.bring_up_to_date(s) == 0  # nothing changed: nothing derived
        # Stale on purpose, as rows derived by an older program could be.
        s.execute(update(FigureCase).values(exit_reason="stale"))
    monkeypatch.setattr(figure_cases, "DERIVATION", "another")
    with store.session() as s:
        assert figure_cases.bring_up_to_date(s) == 3
        assert {c.exit_reason for c in figure_cases.read_ids(s, ids)} == {""}


def test_kept_rows_go_with_the_case_and_not_into_the_citizens_copy(store: Store) -> None:
    a = case(store, "010100-4001", date(2020, 1, 6), "lab6_4")
    retention.close_case(store, a, ExitReason.JOB, date(2020, 3, 2), today=date(2020, 3, 2))
    figures.flow_figures(store, Period.month(2020, 3))
    assert kept(store, a)
    assert "figure_case" not in access.collect(store, a)
    assert retention.delete_expired(store, [a], today=TODAY) == 1
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(FigureCase)) == 0


def test_a_new_data_key_keeps_the_rows_and_the_triggers(
    store: Store, store_paths: StorePaths
) -> None:
    a = case(store, "010100-4001", date(2026, 10, 5), "lab6_4")
    figures.flow_figures(store, NOVEMBER)
    store.close()
    key_rotation.rotate_data_key(store_paths, PASSPHRASE)
    opened = setup.unlock(store_paths, PASSPHRASE)
    try:
        assert kept(opened.store, a)
        retention.close_case(opened.store, a, ExitReason.JOB, date(2026, 11, 9), today=TODAY)
        assert not kept(opened.store, a)
        assert figures.flow_figures(opened.store, NOVEMBER).count(Figure.OUTFLOW) == 1
    finally:
        opened.store.close()


def test_read_ids_reads_the_given_young_people_whenever_open(store: Store) -> None:
    a = case(store, "010100-4001", date(2026, 9, 1), "lab6_2")
    retention.close_case(store, a, ExitReason.MOVED, date(2026, 10, 20), today=TODAY)
    b = case(store, "020200-4002", date(2026, 10, 5), "lab6_5")
    with store.session() as s:
        figure_cases.bring_up_to_date(s)
        # More ids than one IN list takes (500 at a time); those with no case are skipped.
        facts = figure_cases.read_ids(s, set(range(1, 1201)) - {b})
    assert [(f.youth_id, f.closed_on, f.group_on(date(2026, 11, 10))) for f in facts] == [
        (a, date(2026, 10, 20), "lab6_2")
    ]


@pytest.mark.parametrize("code", ["lab6_4", "a, b", "x %2C y"])
def test_folded_groups_read_back_whole(code: str) -> None:
    spans = (
        GroupSpan(code, date(2024, 2, 29), date(2024, 3, 1)),
        GroupSpan("lab6_5", date(2024, 3, 1)),
    )
    assert figure_cases.decode_groups(figure_cases.encode_groups(spans)) == spans
    offers = (OfferSpan(date(2024, 2, 29), date(2024, 3, 1)), OfferSpan(date(2025, 1, 1)))
    assert figure_cases.decode_offers(figure_cases.encode_offers(offers)) == offers
