"""The audit log: every access recorded, append-only, and tampering detected."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.conftest import TODAY
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, settings, youths
from ungedesk.services.audit import Action
from ungedesk.store.database import Store

YOUNG = YouthInput(
    cpr="010203-4562",
    first_name="Sara",
    last_name="Nielsen",
    henvendelse_date=date(2026, 11, 2),
    caseworker_id=1,
)


def actions(store: Store, youth_id: int) -> list[Action]:
    return [e.action for e in reversed(audit.events_for_youth(store, youth_id))]


def test_create_read_update_reveal_search_are_logged(store: Store) -> None:
    yid = youths.register(store, YOUNG, today=TODAY).youth_id
    youths.get(store, yid, purpose="Opfølgning")
    youths.update(store, yid, replace(YOUNG, phone="20 30 40 50"), today=TODAY)
    assert youths.reveal_cpr(store, yid) == "010203-4562"
    youths.log_search(store, "nielsen", 1)
    assert actions(store, yid) == [Action.CREATE, Action.READ, Action.UPDATE, Action.REVEAL_CPR]
    events = audit.events_for_youth(store, yid)
    read = next(e for e in events if e.action is Action.READ)
    assert read.purpose == "Opfølgning" and read.actor == "Anne Bjerregaard (ABJ)"
    update = next(e for e in events if e.action is Action.UPDATE)
    assert update.detail == "phone" and "20 30" not in update.detail  # field names, no values
    assert all("0102034562" not in e.subject for e in events)
    mine = audit.recent_for_actor(store, 1)
    assert mine[0].action is Action.SEARCH and mine[0].criterion == "nielsen"
    assert audit.verify(store).ok


def test_log_is_append_only_in_the_database(store: Store) -> None:
    youths.log_search(store, "x", 0)
    with pytest.raises(DBAPIError, match="append-only"), store.session() as s:
        s.execute(text("UPDATE audit_event SET criterion = 'y'"))
    with pytest.raises(DBAPIError, match="append-only"), store.session() as s:
        s.execute(text("DELETE FROM audit_event"))


def _tamper(store: Store, sql: str) -> None:
    """What someone holding the key could do by hand: drop the guard, change, restore."""
    with store.session() as s:
        s.execute(text("DROP TRIGGER audit_event_no_update"))
        s.execute(text("DROP TRIGGER audit_event_no_delete"))
        s.execute(text(sql))


@pytest.mark.parametrize(
    ("sql", "fragment"),
    [
        ("UPDATE audit_event SET criterion = 'ændret' WHERE id = 2", "nr. 2 er ændret"),
        ("DELETE FROM audit_event WHERE id = 2", "nr. 3: kæden er brudt"),
        ("DELETE FROM audit_event WHERE id = 3", "nyeste hændelser mangler"),
        (
            "UPDATE audit_event SET at = '2020-01-01T00:00:00.000000Z' WHERE id = 1",
            "nr. 1 er ændret",
        ),
    ],
)
def test_verify_detects_edited_and_removed_rows(store: Store, sql: str, fragment: str) -> None:
    for q in ("a", "b", "c"):
        youths.log_search(store, q, 0)
    assert audit.verify(store).ok and audit.verify(store).checked == 3
    _tamper(store, sql)
    result = audit.verify(store)
    assert not result.ok
    assert any(fragment in p for p in result.problems), result.problems


def test_purge_keeps_recent_events_logs_itself_and_chain_stays_valid(store: Store) -> None:
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    with store.session() as s:
        for days in (400, 250, 190, 170, 10, 0):
            audit.record(s, Action.SEARCH, criterion=f"{days}", at=now - timedelta(days=days))
    assert audit.purge_expired(store, now=now) == 3  # older than 6 months
    remaining = audit.recent_for_actor(store, 1)
    assert [e.criterion for e in remaining if e.action is Action.SEARCH] == ["0", "10", "170"]
    assert remaining[0].action is Action.PURGE and "3 hændelser" in remaining[0].detail
    assert audit.verify(store).ok
    assert audit.purge_expired(store, now=now) == 0
    settings.set_setting(store, settings.AUDIT_RETENTION_MONTHS, 1)
    assert audit.purge_expired(store, now=now) == 1  # the 170-day one
    assert audit.verify(store).ok


def test_months_back_clamps_month_end() -> None:
    assert audit._months_back(datetime(2026, 8, 31, tzinfo=UTC), 6).date() == date(2026, 2, 28)
    assert audit._months_back(datetime(2026, 1, 15, tzinfo=UTC), 6).date() == date(2025, 7, 15)
