"""The case journal (services.journal): everything that happened, newest first, in one
logged read; sensitive progression scores are counted, never shown."""

from __future__ import annotations

from datetime import date, datetime

from tests.conftest import TODAY
from ungedesk.domain.progression import Indicator, MeasurementInput, ScoreInput
from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, conversations, journal, progression, visitation, youths
from ungedesk.services.audit import Action
from ungedesk.services.journal import EntryKind
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store


def register(store: Store) -> int:
    return youths.register(
        store,
        YouthInput("150605-4321", "Sofie", "Nørgaard", date(2026, 9, 1), caseworker_id=1),
        today=TODAY,
    ).youth_id


def test_journal_lists_everything_newest_first_with_notes_in_full(store: Store) -> None:
    yid = register(store)
    visitation.save(
        store,
        yid,
        VisitationInput(
            visited_on=date(2026, 9, 2),
            target_group="lab6_4",
            reasons="Ønsker at blive tømrer; mangler 9. klasses prøve.",
        ),
        today=TODAY,
    )
    long_note = "Sofie fortalte om praktikken. " * 20
    conversations.book(
        store,
        yid,
        ConversationInput(ConversationKind.JOINT_UU, datetime(2026, 9, 3, 10, 0), notes=long_note),
        ConversationStatus.HELD,
        today=TODAY,
    )
    visitation.change_target_group(
        store, yid, "lab6_5", date(2026, 10, 5), "Helbredet er blevet dårligere.", today=TODAY
    )
    visitation.record_event(
        store, yid, "tilbud_start", date(2026, 10, 20), "Holdforløb hos FGU", today=TODAY
    )
    progression.choose_indicators(
        store, yid, [Indicator.MOTIVATION, Indicator.HEALTH], date(2026, 9, 3)
    )
    progression.record_measurement(
        store,
        yid,
        MeasurementInput(
            date(2026, 11, 2),
            (
                ScoreInput(Indicator.MOTIVATION, 6, 8, "Glæder sig"),
                ScoreInput(Indicator.HEALTH, 3, 4, "Ondt i ryggen"),
            ),
        ),
        today=TODAY,
    )

    entries = journal.read(store, yid)

    assert [(e.on, e.kind) for e in entries] == [
        (date(2026, 11, 2), EntryKind.MEASUREMENT),
        (date(2026, 10, 20), EntryKind.EVENT),
        (date(2026, 10, 5), EntryKind.TARGET_GROUP),
        (date(2026, 9, 3), EntryKind.CONVERSATION),
        (date(2026, 9, 2), EntryKind.VISITATION),
    ]
    measurement, event, change, talk, visit = entries
    assert talk.text == long_note.strip()  # in full, not cut
    assert talk.title == "Fællessamtale med UU · Afholdt"
    assert talk.at == datetime(2026, 9, 3, 10, 0)
    assert change.text == "Helbredet er blevet dårligere."
    assert "Aktivitetsparat" in change.title
    assert visit.text == "Ønsker at blive tømrer; mangler 9. klasses prøve."
    assert event.title == "Tilbud startet" and event.text == "Holdforløb hos FGU"
    # Health is special-category data: counted, its score and comment left out.
    assert "Motivation 6 (den unge: 8) – Glæder sig" in measurement.text
    assert "Ondt i ryggen" not in measurement.text
    assert "1 følsom indikator" in measurement.text
    assert measurement.kind_label == "Progressionsmåling"


def test_reading_the_journal_is_logged(store: Store) -> None:
    yid = register(store)
    assert journal.read(store, yid) == []
    reads = [
        e
        for e in audit.events_for_youth(store, yid)
        if e.action is Action.READ and e.detail == "Journal"
    ]
    assert len(reads) == 1


def test_the_visitation_reason_is_the_one_typed(store: Store) -> None:
    yid = register(store)
    visitation.save(
        store,
        yid,
        VisitationInput(
            visited_on=date(2026, 9, 2), target_group="lab6_4", reasons="Vil være tømrer"
        ),
        today=TODAY,
    )
    view = visitation.get(store, yid)
    assert view is not None
    assert [g.reason for g in view.groups] == ["Vil være tømrer"]
    # A visitation without reasons still says where the target group came from.
    visitation.save(
        store,
        yid,
        VisitationInput(visited_on=date(2026, 9, 2), target_group="lab6_4"),
        today=TODAY,
    )
    view = visitation.get(store, yid)
    assert view is not None
    assert [g.reason for g in view.groups] == ["Ved visitationen (ingen begrundelse skrevet)"]
