"""Each casework tab of a record reads what it shows in one call and one transaction:
the visitation tab, the conversations tab (with the booking's free UU slots) and the
deadlines tab (with every exemption decision). An invitation that cannot be written is a
FileError with a Danish message, and leaves nothing behind."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from ungedesk.domain.errors import FileError
from ungedesk.domain.kui import Reached
from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import YouthInput
from ungedesk.services import (
    caseworkers,
    conversations,
    deadlines,
    invitations,
    visitation,
    waivers,
    youths,
)
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store

TODAY = date(2026, 11, 24)  # a Tuesday
HENV = date(2026, 8, 3)
RULE = "kontakt-3-maaneder"
WAIVABLE = f"""
[[rule]]
id = "{RULE}"
description = "Jobsamtale senest 3 måneder efter henvendelsen (kontaktforløb)"
start_event = "henvendelse"
once = true
waivable = true
period = {{ months = 3 }}
meets = ["jobsamtale"]
target_groups = ["lab6_2"]
valid_from = 2026-07-01
source = "LAB § 31 (fra 1. juli 2026)"
"""


def register(store: Store) -> int:
    me = caseworkers.current_user(store)
    assert me is not None
    return youths.register(
        store, YouthInput("010203-4562", "Sara", "Nielsen", HENV, caseworker_id=me.id), today=TODAY
    ).youth_id


def test_the_visitation_tab_is_one_read(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    youth_id = register(store)
    visitation.save(
        store, youth_id, VisitationInput(visited_on=HENV, target_group="lab6_2"), today=TODAY
    )
    visitation.record_event(
        store, youth_id, "contact", date(2026, 11, 20), today=TODAY, reached=Reached.BOTH
    )
    visitation.record_event(store, youth_id, "new_activity", date(2026, 11, 10), today=TODAY)
    opened = transactions_of(store, monkeypatch)
    tab = visitation.tab(store, youth_id)
    assert opened == [1]
    assert tab.view is not None and tab.view.visited_on == HENV
    assert [g.code for g in tab.view.groups] == ["lab6_2"]
    assert tab.expected_rules is False  # the switch is off by default
    # Newest first: 20 November before 10 November.
    assert [(e.kind, e.on, e.reached) for e in tab.events] == [
        ("contact", date(2026, 11, 20), Reached.BOTH),
        ("new_activity", date(2026, 11, 10), Reached.UNKNOWN),
    ]


def test_the_visitation_tab_before_any_visitation(store: Store) -> None:
    tab = visitation.tab(store, register(store))
    assert tab.view is None and tab.events == ()


def test_the_conversations_tab_is_one_read_with_the_free_slots(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    youth_id = register(store)
    conversations.book(
        store, youth_id, ConversationInput(ConversationKind.FIRST, datetime(2026, 11, 26, 9, 0))
    )
    conversations.book(
        store,
        youth_id,
        ConversationInput(ConversationKind.JOB, datetime(2026, 11, 20, 10, 0)),
        status=ConversationStatus.HELD,
    )
    opened = transactions_of(store, monkeypatch)
    now = datetime(2026, 11, 24, 12, 0)  # Tuesday after the UU hours (Tue/Thu 9-12)
    tab = invitations.conversations_tab(store, youth_id, now)
    assert opened == [1]
    assert [c.starts_at for c in tab.history] == [  # newest first
        datetime(2026, 11, 26, 9, 0),
        datetime(2026, 11, 20, 10, 0),
    ]
    # Thursday 26 November 9:00 is booked: the next slots are 9:45, 10:30 and 11:15, then
    # Tuesday 1 December from 9:00 (45-minute steps).
    assert tab.free_slots[:4] == (
        datetime(2026, 11, 26, 9, 45),
        datetime(2026, 11, 26, 10, 30),
        datetime(2026, 11, 26, 11, 15),
        datetime(2026, 12, 1, 9, 0),
    )
    assert tab.now == now


def test_the_deadlines_tab_is_one_read_with_every_decision(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    deadlines.add_local_rule(store, WAIVABLE)
    youth_id = register(store)
    visitation.save(
        store, youth_id, VisitationInput(visited_on=HENV, target_group="lab6_2"), today=TODAY
    )
    contact = next(d for d in deadlines.for_youth(store, youth_id, TODAY) if d.rule_id == RULE)
    waiver_id = waivers.waive(
        store, youth_id, RULE, contact.start, TODAY, "I behandling på fuld tid.", today=TODAY
    )
    waivers.revoke(store, waiver_id, "Behandlingen er afsluttet.", today=TODAY)
    opened = transactions_of(store, monkeypatch)
    tab = waivers.deadlines_tab(store, youth_id, TODAY)
    assert opened == [1]
    assert RULE in {d.rule_id for d in tab.deadlines}
    assert [(w.id, w.revoked_on) for w in tab.waivers] == [(waiver_id, TODAY)]


def test_an_invitation_that_cannot_be_written_is_a_file_error(store: Store, tmp_path: Path) -> None:
    youth_id = register(store)
    conversation_id = conversations.book(
        store, youth_id, ConversationInput(ConversationKind.JOB, datetime(2026, 12, 1, 9, 0))
    )
    target = tmp_path / "missing" / "samtale.ics"
    with pytest.raises(FileError) as caught:
        invitations.save_ics(store, conversation_id, youth_id, target)
    assert caught.value.message.startswith("Invitationen kunne ikke gemmes: ")
    assert "Sara" not in caught.value.message and "010203" not in caught.value.message
    assert not target.parent.exists()


def transactions_of(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Start counting the transactions ``store`` opens (wraps the real session)."""
    opened: list[int] = []
    real = store.session

    @contextmanager
    def counted() -> Iterator[Session]:
        opened.append(1)
        with real() as session:
            yield session

    monkeypatch.setattr(store, "session", counted)
    return opened
