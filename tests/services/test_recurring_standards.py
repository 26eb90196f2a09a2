"""Recurring local standards and held-in-the-future conversations over a real store."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.rules import Status
from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, conversations, deadlines, visitation, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store

HENV = date(2026, 1, 5)
EVERY_2_MONTHS = """
[[rule]]
id = "lokal-aktivitetsparat-samtale-hver-2-maaned"
description = "Samtale mindst hver 2. måned efter den forrige (aktivitetsparate unge)"
start_event = "jobsamtale"
every = { months = 2 }
meets = ["jobsamtale"]
target_groups = ["lab6_5"]
valid_from = 2020-01-01
tightens = "lab-31-3-fire-jobsamtaler"
source = "Kvalitetsstandard, Demo Kommune"
"""
VISITATION_3_IN_3 = """
[[rule]]
id = "lokal-visitation-3-samtaler-3-maaneder"
description = "3 samtaler i en visitationsperiode på 3 måneder"
start_event = "henvendelse"
once = true
period = { months = 3 }
count = 3
meets = ["jobsamtale"]
target_groups = ["lab6_5"]
valid_from = 2020-01-01
source = "Kvalitetsstandard, Demo Kommune"
"""


@pytest.fixture
def youth_id(store: Store) -> int:
    yid = youths.register(
        store,
        YouthInput(
            cpr="010203-4562",
            first_name="Sara",
            last_name="Nielsen",
            henvendelse_date=HENV,
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id
    visitation.save(
        store, yid, VisitationInput(visited_on=HENV, target_group="lab6_5"), today=TODAY
    )
    return yid


def held(store: Store, youth_id: int, when: datetime) -> int:
    return conversations.book(
        store,
        youth_id,
        ConversationInput(ConversationKind.JOB, when),
        ConversationStatus.HELD,
        today=TODAY,
    )


def local(items: list[deadlines.DeadlineView], rule_id: str) -> list[deadlines.DeadlineView]:
    return [d for d in items if d.rule_id == rule_id]


def test_every_two_months_shows_the_gap_between_8_january_and_1_june(
    store: Store, youth_id: int
) -> None:
    deadlines.add_local_rule(store, EVERY_2_MONTHS)
    held(store, youth_id, datetime(2026, 1, 8, 10, 0))
    held(store, youth_id, datetime(2026, 6, 1, 10, 0))
    chain = local(
        deadlines.for_youth(store, youth_id, TODAY), "lokal-aktivitetsparat-samtale-hver-2-maaned"
    )
    # 8 Jan -> 8 Mar, met late on 1 Jun; 1 Jun -> 1 Aug, overdue on 24 Nov.
    assert [(d.start, d.due, d.status, d.met_on) for d in chain] == [
        (date(2026, 1, 8), date(2026, 3, 8), Status.LATE, date(2026, 6, 1)),
        (date(2026, 6, 1), date(2026, 8, 1), Status.OVERDUE, None),
    ]
    assert all(d.local for d in chain)
    # The overview counts the open link as overdue (the late one is met, if late).
    over = deadlines.overview(store, TODAY)
    assert [r.due for r in over.overdue if "hver 2. måned" in r.description] == [date(2026, 8, 1)]
    # A samtale on 20 Jul closes the gap: the link of 1 Jun is met, a new one runs to 20 Sep.
    held(store, youth_id, datetime(2026, 7, 20, 10, 0))
    chain = local(
        deadlines.for_youth(store, youth_id, TODAY), "lokal-aktivitetsparat-samtale-hver-2-maaned"
    )
    assert [(d.start, d.due, d.status) for d in chain] == [
        (date(2026, 1, 8), date(2026, 3, 8), Status.LATE),
        (date(2026, 6, 1), date(2026, 8, 1), Status.MET),
        (date(2026, 7, 20), date(2026, 9, 20), Status.OVERDUE),
    ]


def test_three_samtaler_in_the_three_month_visitation(store: Store, youth_id: int) -> None:
    deadlines.add_local_rule(store, VISITATION_3_IN_3)
    for when in (datetime(2026, 1, 5, 9), datetime(2026, 2, 16, 9), datetime(2026, 4, 2, 9)):
        held(store, youth_id, when)
    (d,) = local(
        deadlines.for_youth(store, youth_id, TODAY), "lokal-visitation-3-samtaler-3-maaneder"
    )
    # Henvendelse 5 Jan + 3 months = 5 Apr: the samtale of the henvendelse day counts.
    assert (d.due, d.done, d.needed, d.status, d.met_on) == (
        date(2026, 4, 5),
        3,
        3,
        Status.MET,
        date(2026, 4, 2),
    )


def test_a_malformed_recurring_standard_is_refused_with_a_field_message(store: Store) -> None:
    bad = EVERY_2_MONTHS.replace(
        'target_groups = ["lab6_5"]', 'target_groups = ["lab6_5"]\ncount = 2'
    )
    with pytest.raises(InputError) as info:
        deadlines.add_local_rule(store, bad)
    message = info.value.fields["definition"]
    assert "lokal-aktivitetsparat-samtale-hver-2-maaned" in message and "'count'" in message
    assert deadlines.local_rule_definitions(store) == {}


def test_held_on_a_future_date_is_refused_and_nothing_is_saved(store: Store, youth_id: int) -> None:
    before = audit.verify(store)
    with pytest.raises(InputError) as info:
        held(store, youth_id, datetime(2026, 11, 25, 9, 0))  # TODAY is 24 Nov
    assert info.value.fields == {"starts_at": conversations.HELD_IN_FUTURE}
    assert conversations.for_youth(store, youth_id) == []
    assert audit.verify(store).ok and before.ok
    # Held today, and booked (not held) for tomorrow, are fine.
    held(store, youth_id, datetime(2026, 11, 24, 16, 0))
    cid = conversations.book(
        store,
        youth_id,
        ConversationInput(ConversationKind.JOB, datetime(2026, 11, 25, 9, 0)),
        today=TODAY,
    )
    with pytest.raises(InputError) as marked:
        conversations.set_status(store, cid, ConversationStatus.HELD, today=TODAY)
    assert marked.value.fields == {"starts_at": conversations.HELD_IN_FUTURE}
    statuses = {c.id: c.status for c in conversations.for_youth(store, youth_id)}
    assert statuses[cid] is ConversationStatus.BOOKED
    # Once the day has come, it can be marked held.
    conversations.set_status(store, cid, ConversationStatus.HELD, today=date(2026, 11, 25))
    assert {c.status for c in conversations.for_youth(store, youth_id)} == {ConversationStatus.HELD}
