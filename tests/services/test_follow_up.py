"""Following up a closed case (services.follow_up) and the outcome figures it feeds."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.figures import TOTAL, Period
from ungedesk.domain.youth import ExitReason, YouthInput
from ungedesk.services import access, audit, figures, follow_up, retention, youths
from ungedesk.store.database import Store


def closed_case(store: Store, cpr: str, closed: date, reason: ExitReason) -> int:
    yid = youths.register(
        store, YouthInput(cpr, "Ung", "Person", date(2025, 9, 1), caseworker_id=1), today=TODAY
    ).youth_id
    retention.close_case(store, yid, reason, closed, today=TODAY)
    return yid


def test_returns_within_6_and_12_months_from_the_follow_ups(store: Store) -> None:
    five = closed_case(store, "010100-4001", date(2025, 12, 1), ExitReason.JOB)
    seven = closed_case(store, "020200-4002", date(2025, 11, 20), ExitReason.EDUCATION)
    follow_up.record(store, five, date(2026, 5, 10), date(2026, 5, 1), today=TODAY)
    follow_up.record(store, seven, date(2026, 6, 25), date(2026, 6, 20), today=TODAY)
    q4 = Period.quarter(2025, 4)
    result = figures.period_figures(store, q4, TODAY).outcomes
    assert result[6][TOTAL].returned == {five}
    assert result[6][TOTAL].stayed == {seven}  # back after seven months
    assert result[12][TOTAL].returned == {five, seven}
    assert "Opfølgning efter afslutning: tilbage på ydelse" in [
        e.detail for e in audit.events_for_youth(store, five)
    ]
    assert access.collect(store, five)["follow_up"][0]["returned_on"] == "2026-05-01"


def test_the_table_counts_each_outcome_with_its_young_people(store: Store) -> None:
    from ungedesk.services import figures_export, visitation
    from ungedesk.services.visitation import VisitationInput

    five = closed_case(store, "010100-4001", date(2025, 12, 1), ExitReason.JOB)
    seven = closed_case(store, "020200-4002", date(2025, 11, 20), ExitReason.EDUCATION)
    unknown = closed_case(store, "030300-4003", date(2025, 12, 5), ExitReason.JOB)
    for yid in (five, seven, unknown):
        visitation.save(store, yid, VisitationInput(date(2025, 9, 1), "lab6_4"), today=TODAY)
    follow_up.record(store, five, date(2026, 5, 10), date(2026, 5, 1), today=TODAY)
    follow_up.record(store, seven, date(2026, 6, 25), date(2026, 6, 20), today=TODAY)
    table = figures_export.figures_table(store, Period.quarter(2025, 4), TODAY)
    rows = {r.label.strip(): r for r in table.rows}
    # Columns: lab6_4 and the total, the same three young people in both.
    assert rows["Afsluttet til job eller uddannelse"].values == (3, 3)
    assert rows["Tilbage på ydelse inden 6 måneder"].members == ({five}, {five})
    assert rows["Ikke tilbage på ydelse efter 6 måneder"].members == ({seven}, {seven})
    assert rows["Endnu ikke fulgt op efter 6 måneder"].members == ({unknown}, {unknown})
    assert rows["Tilbage på ydelse inden 12 måneder"].values == (2, 2)
    assert rows["Endnu ikke fulgt op efter 12 måneder"].values == (1, 1)


@pytest.mark.parametrize(
    ("checked", "returned", "field"),
    [
        (date(2025, 11, 30), None, "checked_on"),  # before the case closed
        (date(2026, 3, 1), date(2025, 12, 1), "returned_on"),  # on the closing day
        (date(2026, 3, 1), date(2026, 4, 1), "returned_on"),  # after the check
        (date(2027, 1, 1), None, "checked_on"),  # in the future
    ],
)
def test_dates_that_do_not_hold_together_are_refused(
    store: Store, checked: date, returned: date | None, field: str
) -> None:
    yid = closed_case(store, "010100-4001", date(2025, 12, 1), ExitReason.JOB)
    with pytest.raises(InputError) as caught:
        follow_up.record(store, yid, checked, returned, today=TODAY)
    assert field in caught.value.fields
    assert follow_up.for_youth(store, yid) == []


def test_an_open_case_is_not_followed_up(store: Store) -> None:
    yid = youths.register(
        store,
        YouthInput("010100-4001", "Ung", "Person", date(2025, 9, 1), caseworker_id=1),
        today=TODAY,
    ).youth_id
    with pytest.raises(InputError) as caught:
        follow_up.record(store, yid, date(2026, 3, 1), None, today=TODAY)
    assert caught.value.fields["youth_id"] == "Kun en afsluttet sag kan følges op."
