"""The service functions behind the progression screens: each screen's read or action is
one call with one transaction (the tab with its conversations, the descriptor editor's
state, a reset that returns what the editor shows, the caseload for the current user)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.conftest import TODAY
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.progression import Indicator, MeasurementInput, ScoreInput
from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, caseworkers, conversations, progression, youths
from ungedesk.services.audit import Action
from ungedesk.store.database import Store

Ind = Indicator
HENV = date(2026, 1, 5)


def person(store: Store, cpr: str, caseworker_id: int = 1) -> int:
    return youths.register(
        store,
        YouthInput(
            cpr=cpr,
            first_name="Maja",
            last_name="Skærm",
            henvendelse_date=HENV,
            caseworker_id=caseworker_id,
        ),
        today=TODAY,
    ).youth_id


def test_the_tab_is_read_with_its_conversations_as_one_logged_read(store: Store) -> None:
    yid = person(store, "150605-4321")
    held = conversations.book(
        store,
        yid,
        ConversationInput(ConversationKind.FOLLOW_UP, datetime(2026, 3, 2, 10, 0)),
        ConversationStatus.HELD,
    )
    booked = conversations.book(
        store, yid, ConversationInput(ConversationKind.JOB, datetime(2026, 12, 7, 9, 0))
    )
    progression.choose_indicators(store, yid, [Ind.HEALTH, Ind.NETWORK], HENV)
    progression.record_measurement(
        store,
        yid,
        MeasurementInput(date(2026, 3, 2), (ScoreInput(Ind.NETWORK, 4, 6),), held),
        today=TODAY,
    )
    before = audit.events_for_youth(store, yid)

    screen = progression.screen(store, yid)

    events = audit.events_for_youth(store, yid)
    assert len(events) == len(before) + 1  # one read, not one per part of the tab
    read = events[0]
    # Health is chosen: the read is flagged special.
    assert (read.action, read.detail, read.special) == (Action.READ, "Progression", True)
    assert screen.progression.chosen == (Ind.HEALTH, Ind.NETWORK)  # in Indicator order
    latest = screen.progression.latest()
    assert latest is not None and latest.conversation_id == held
    # Newest first, with the labels the conversations screen uses.
    assert [c.id for c in screen.conversations] == [booked, held]
    full = {c.id: c for c in conversations.for_youth(store, yid)}
    for ref in screen.conversations:
        assert (ref.kind_label, ref.status_label, ref.starts_at) == (
            full[ref.id].kind_label,
            full[ref.id].status_label,
            full[ref.id].starts_at,
        )


def test_the_editor_state_and_a_reset_that_returns_it(store: Store) -> None:
    state = progression.descriptor_state(store)
    assert not state.edited
    shipped_first = state.descriptors[Ind.ATTENDANCE].stages[0]
    edited = progression.shipped_descriptors_text().replace(
        "Møder til færre end 4 ud af 10", "Kommer næsten aldrig"
    )
    progression.save_descriptors(store, edited)
    state = progression.descriptor_state(store)
    assert state.edited
    assert state.descriptors[Ind.ATTENDANCE].stages[0].startswith("Kommer næsten aldrig")

    after_reset = progression.reset_descriptors(store)

    assert not after_reset.edited
    assert after_reset.descriptors[Ind.ATTENDANCE].stages[0] == shipped_first
    assert progression.descriptor_state(store) == after_reset


def test_only_mine_is_the_current_users_caseload(store: Store) -> None:
    colleague = caseworkers.add_caseworker(
        store, ProfileInput("Bo Kollega", "BOK", "Ungeteamet", Role.CASEWORKER)
    ).id
    mine = person(store, "010203-4562")
    theirs = person(store, "020304-4561", caseworker_id=colleague)
    for yid, (first, latest) in ((mine, (2, 5)), (theirs, (8, 4))):
        progression.choose_indicators(store, yid, [Ind.ATTENDANCE], HENV)
        for on, score in ((date(2026, 2, 2), first), (date(2026, 5, 4), latest)):
            progression.record_measurement(
                store,
                yid,
                MeasurementInput(on, (ScoreInput(Ind.ATTENDANCE, score, None),)),
                today=TODAY,
            )
    start, end = date(2026, 1, 1), date(2026, 6, 30)
    attendance = list(Indicator).index(Ind.ATTENDANCE)

    only_mine = progression.caseload_movement(store, start=start, end=end, only_mine=True)
    everybody = progression.caseload_movement(store, start=start, end=end)

    # The current user (the profile made at set-up) has one young person: 2 -> 5 is +3.
    assert (only_mine[attendance].youths, only_mine[attendance].caseworker_average) == (1, 3.0)
    # Everybody: +3 and 8 -> 4 = -4, average -0.5.
    assert (everybody[attendance].youths, everybody[attendance].caseworker_average) == (2, -0.5)
    with pytest.raises(ValueError):
        progression.caseload_movement(
            store, start=start, end=end, only_mine=True, caseworker_id=colleague
        )
