"""The legal rule data over a real store: expected law only when switched on, the pålæg's
frist and offer durations from the case, and statuses as the engine decides them."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import TODAY
from ungedesk.domain.rules import Status
from ungedesk.domain.youth import YouthInput
from ungedesk.services import deadlines, visitation, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store
from ungedesk.store.models import Setting


def register(store: Store, henvendelse: date) -> int:
    return youths.register(
        store,
        YouthInput(
            cpr="010203-4562",
            first_name="Sara",
            last_name="Nielsen",
            henvendelse_date=henvendelse,
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id


def ids(store: Store, youth_id: int) -> set[str]:
    return {d.rule_id for d in deadlines.for_youth(store, youth_id, TODAY)}


def test_expected_rules_stay_out_until_the_setting_is_1(store: Store) -> None:
    with store.session() as s:
        assert not deadlines.expected_rules_enabled(s)
        assert not any(r.expected for r in deadlines.rules(s))
        s.merge(Setting(key="rules.expected_enabled", value="0"))
    with store.session() as s:
        assert not deadlines.expected_rules_enabled(s)
        s.merge(Setting(key="rules.expected_enabled", value="1"))
    with store.session() as s:
        assert deadlines.expected_rules_enabled(s)
        expected = {r.id for r in deadlines.rules(s) if r.expected}
    assert expected == {
        "hovedlov-2027-foerste-jobsamtale",
        "hovedlov-2027-fire-jobsamtaler",
        "hovedlov-2027-tilbud-6-maaneder",
    }


def test_paalaeg_frist_from_the_visitation_is_tracked(store: Store) -> None:
    youth_id = register(store, date(2026, 11, 2))
    visitation.save(
        store,
        youth_id,
        VisitationInput(
            visited_on=date(2026, 11, 2),
            target_group="lab6_4",
            paalaeg_given_on=date(2026, 11, 2),
            paalaeg_education="Erhvervsuddannelse, tømrer",
            paalaeg_deadline=date(2026, 11, 20),
        ),
        today=TODAY,
    )
    frist = next(
        d
        for d in deadlines.for_youth(store, youth_id, TODAY)
        if d.rule_id == "lab-30-paalaeg-frist"
    )
    assert (frist.start, frist.due, frist.status) == (
        date(2026, 11, 2),
        date(2026, 11, 20),
        Status.OVERDUE,
    )
    visitation.record_event(store, youth_id, "uddannelse_ansoegt", date(2026, 11, 19), today=TODAY)
    frist = next(
        d
        for d in deadlines.for_youth(store, youth_id, TODAY)
        if d.rule_id == "lab-30-paalaeg-frist"
    )
    assert (frist.status, frist.met_on) == (Status.MET, date(2026, 11, 19))


@pytest.mark.parametrize(
    ("events", "status"),
    [
        # Due 1 Aug 2026 (1 Feb + 6 months); grace for løntilskud to 22 Aug (1 + 21 days).
        ((("tilbud_start", date(2026, 7, 1)), ("tilbud_slut", date(2026, 7, 10))), Status.OVERDUE),
        ((("tilbud_start", date(2026, 7, 1)), ("tilbud_slut", date(2026, 7, 14))), Status.MET),
        ((("loentilskud_start", date(2026, 8, 22)),), Status.MET),
        ((("loentilskud_start", date(2026, 8, 23)),), Status.LATE),
    ],
)
def test_offer_duration_and_loentilskud_grace_in_the_stored_view(
    store: Store, events: tuple[tuple[str, date], ...], status: Status
) -> None:
    youth_id = register(store, date(2026, 2, 1))
    visitation.save(
        store,
        youth_id,
        VisitationInput(visited_on=date(2026, 2, 1), target_group="lab6_2"),
        today=TODAY,
    )
    for kind, on in events:
        visitation.record_event(store, youth_id, kind, on, today=TODAY)
    offer = next(
        d for d in deadlines.for_youth(store, youth_id, TODAY) if d.rule_id == "lab-102-tilbud"
    )
    assert offer.due == date(2026, 8, 1)
    assert offer.status is status
    assert "lov nr. 548" in offer.source  # started before 1 July 2026


def test_overview_shows_the_source_in_force_when_the_deadline_started(store: Store) -> None:
    youth_id = register(store, date(2023, 12, 31))
    visitation.save(
        store,
        youth_id,
        VisitationInput(visited_on=date(2023, 12, 31), target_group="lab6_4"),
        today=TODAY,
    )
    rows = deadlines.overview(store, TODAY).overdue
    first = next(r for r in rows if r.description.startswith("Første jobsamtale"))
    assert first.due == date(2024, 1, 7)  # 31 Dec 2023 + 7 days
    assert first.source.startswith("LAB § 31, stk. 3 (lov nr. 548")
    assert "lab-31-5-foerste-jobsamtale" in ids(store, youth_id)
