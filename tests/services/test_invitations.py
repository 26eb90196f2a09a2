"""Calendar invitations and UU free slots."""

from __future__ import annotations

from datetime import date, datetime, time

import icalendar

from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus, Mode
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, conversations, invitations, youths
from ungedesk.services.invitations import WeeklyHours
from ungedesk.store.database import Store

CPR = "1503054007"


def _youth(store: Store) -> int:
    me = caseworkers.current_user(store)
    assert me is not None
    return youths.register(
        store,
        YouthInput(CPR, "Sofie", "Nørgaard", date(2026, 11, 2), caseworker_id=me.id),
        today=date(2026, 11, 24),
    ).youth_id


def test_ics_has_danish_summary_copenhagen_times_and_no_cpr_or_name(store: Store) -> None:
    youth_id = _youth(store)
    conversation_id = conversations.book(
        store,
        youth_id,
        ConversationInput(
            ConversationKind.FIRST,
            datetime(2026, 12, 3, 10, 0),
            mode=Mode.IN_PERSON,
            place="Ungeteamet, Torvet 1",
        ),
    )
    view = conversations.for_youth(store, youth_id)[0]
    data = invitations.build_ics(view, "Demo Kommune", unit="Ungeteamet")
    cal = icalendar.Calendar.from_ical(data)
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Samtale hos Ungeteamet, Demo Kommune"
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 12, 3, 10, 0, tzinfo=invitations.COPENHAGEN)
    assert str(start.tzinfo) == "Europe/Copenhagen"
    assert event.decoded("DTEND") - start == invitations.timedelta(minutes=45)
    assert str(event["LOCATION"]) == "Ungeteamet, Torvet 1"
    assert str(event["UID"]).startswith(f"ungedesk-samtale-{conversation_id}-")
    text = data.decode()
    assert CPR not in text and "150305" not in text
    assert "Sofie" not in text and "Nørgaard" not in text
    assert invitations.default_file_name(view) == "samtale-2026-12-03.ics"


def test_save_ics_writes_the_file(store: Store, tmp_path) -> None:
    youth_id = _youth(store)
    conversation_id = conversations.book(
        store, youth_id, ConversationInput(ConversationKind.JOB, datetime(2026, 12, 1, 9, 0))
    )
    path = invitations.save_ics(store, conversation_id, youth_id, tmp_path / "s.ics")
    assert icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert not (tmp_path / "s.ics.tmp").exists()


def test_free_slots_skip_booked_ones(store: Store) -> None:
    youth_id = _youth(store)
    # Tuesday 1 December 2026, 9:00 is taken; the default hours are Tue/Thu 9-12.
    conversations.book(
        store, youth_id, ConversationInput(ConversationKind.JOB, datetime(2026, 12, 1, 9, 0))
    )
    conversations.book(
        store,
        youth_id,
        ConversationInput(ConversationKind.JOB, datetime(2026, 12, 1, 9, 45)),
        status=ConversationStatus.HELD,
    )
    free = invitations.free_slots(store, datetime(2026, 11, 30, 8, 0), count=5)
    assert free == [
        datetime(2026, 12, 1, 9, 45),
        datetime(2026, 12, 1, 10, 30),
        datetime(2026, 12, 1, 11, 15),
        datetime(2026, 12, 3, 9, 0),
        datetime(2026, 12, 3, 9, 45),
    ]
    invitations.set_uu_hours(store, [WeeklyHours(0, time(13, 0), time(14, 30))])
    assert invitations.free_slots(store, datetime(2026, 11, 30, 8, 0), count=2) == [
        datetime(2026, 11, 30, 13, 0),
        datetime(2026, 11, 30, 13, 45),
    ]


def test_uu_hours_text_round_trip_and_errors() -> None:
    import pytest

    from ungedesk.domain.errors import InputError
    from ungedesk.services import invitations

    hours = invitations.parse_hours("Torsdag 9-12; tir 09:30-11.45")
    assert invitations.format_hours(hours) == "tir 09.30-11.45, tor 09.00-12.00"
    assert invitations.parse_hours("  ") == []
    for bad, fragment in (
        ("fri 9-12", "Forstår ikke"),
        ("tir 25-26", "findes ikke"),
        ("tir 12-9", "sluttiden"),
    ):
        with pytest.raises(InputError) as info:
            invitations.parse_hours(bad)
        assert fragment in info.value.fields["uu_hours"]
