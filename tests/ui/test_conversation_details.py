"""The conversations tab: the selected conversation's note in full, "Ret samtale…" with
its validation and history, who held a conversation, and the KUI event fields."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from sqlalchemy import select

from ungedesk.domain.kui import Reached
from ungedesk.domain.rules import Status
from ungedesk.domain.visitation import (
    ConversationInput,
    ConversationKind,
    ConversationStatus,
    HeldBy,
)
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, conversations, visitation, youths
from ungedesk.services.conversations import HELD_IN_FUTURE
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store
from ungedesk.store.models import CaseEvent
from ungedesk.ui import changes, tasks
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.record.record_view import RecordView
from ungedesk.ui.visitation.booking_dialog import BookingDialog
from ungedesk.ui.visitation.correction_dialog import CorrectionDialog
from ungedesk.ui.visitation.visitation_dialogs import EventDialog

NOW = datetime(2026, 11, 24, 12, 0)  # a Tuesday
NOTE = (
    "Sofie fortalte om praktikken i Netto.\n"
    "Aftale: hun søger grundforløb på EUC inden 1. december.\n"
    "Næste gang: tag karakterbladet med."
)


@pytest.fixture
def record(qtbot, store: Store) -> Iterator[RecordView]:
    me = caseworkers.current_user(store)
    assert me is not None
    youth_id = youths.register(
        store,
        YouthInput("1503054007", "Sofie", "Nørgaard", date(2026, 11, 2), caseworker_id=me.id),
        today=NOW.date(),
    ).youth_id
    visitation.save(store, youth_id, VisitationInput(date(2026, 11, 2), "lab6_4"), today=NOW.date())
    conversations.book(
        store,
        youth_id,
        ConversationInput(
            ConversationKind.JOB,
            datetime(2026, 11, 6, 10, 0),
            place="Jobcentret, lokale 2",
            participants=("Sagsbehandler", "Den unge", "Mor"),
            notes=NOTE,
        ),
        ConversationStatus.HELD,
        today=NOW.date(),
    )
    found = youths.get(store, youth_id)
    assert found is not None
    view = RecordView(store, found, lambda: NOW.date(), now=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    qtbot.waitUntil(lambda: view.conversations.loaded and view.deadlines.loaded)
    view.show_section("conversations")
    yield view
    view.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_the_note_is_readable_in_full_under_the_list(qtbot, record: RecordView) -> None:
    panel = record.conversations
    assert panel.detail.toPlainText() == ""
    panel.table.selectRow(0)
    text = panel.detail.toPlainText()
    assert NOTE in text  # every line, not an elided cell or a tooltip
    assert "Sagsbehandler, Den unge, Mor" in text
    assert "Fremmøde: Jobcentret, lokale 2" in text
    assert "Beskæftigelsesindsatsen (tæller som jobsamtale)" in text
    assert panel.detail.isReadOnly()
    flags = panel.detail.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert panel.detail.isVisible() and panel.detail.height() > 60


def open_correction(qtbot, record: RecordView) -> CorrectionDialog:
    panel = record.conversations
    panel.table.selectRow(0)
    assert panel.correct_button.isEnabled()
    assert panel.correct_button.text() == "&Ret samtale…"
    qtbot.mouseClick(panel.correct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, CorrectionDialog) and panel.dialog.isVisible())
    dialog = panel.dialog
    assert isinstance(dialog, CorrectionDialog)
    return dialog


def set_start(dialog: CorrectionDialog, at: datetime) -> None:
    dialog.starts_at.setDateTime(
        QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))
    )


def test_correction_needs_a_reason_refuses_the_future_and_shows_its_history(
    qtbot, record: RecordView, store: Store
) -> None:
    panel = record.conversations
    dialog = open_correction(qtbot, record)
    assert dialog.windowTitle() == "Ret samtale"
    assert dialog.held_by.chosen() is HeldBy.EMPLOYMENT
    # No reason: told under the field, nothing sent to the store.
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.field_errors["reason"].isVisible()
    assert dialog.field_errors["reason"].text() == "Skriv hvorfor samtalen rettes."
    assert dialog.isVisible() and not dialog.working
    # Held on Wednesday 25 November, the day after today: the service's Danish refusal.
    qtbot.keyClicks(dialog.reason, "Datoen var forkert")
    set_start(dialog, datetime(2026, 11, 25, 9, 0))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.field_errors["starts_at"].isVisible())
    assert dialog.field_errors["starts_at"].text() == HELD_IN_FUTURE
    assert dialog.isVisible()
    # Thursday 12 November: after the first-jobsamtale due day (9 November), met late.
    set_start(dialog, datetime(2026, 11, 12, 9, 0))
    with qtbot.waitSignal(record.deadlines.refreshed, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    first = next(
        d for d in record.deadlines.model.rows if d.rule_id == "lab-31-5-foerste-jobsamtale"
    )
    assert (first.status, first.met_on) == (Status.LATE, date(2026, 11, 12))
    qtbot.waitUntil(lambda: bool(panel.model.rows and panel.model.rows[0].corrections))
    panel.table.selectRow(0)
    text = panel.detail.toPlainText()
    assert "Rettelser:" in text and "Begrundelse: Datoen var forkert" in text
    assert "Før: Jobsamtale, afholdt 06.11.2026 kl. 10.00" in text
    # The next correction shows the earlier one in its dialog.
    again = open_correction(qtbot, record)
    assert again.history is not None and "Datoen var forkert" in again.history.toPlainText()
    again.reject()


def test_context_menu_offers_the_correction(qtbot, record: RecordView) -> None:
    panel = record.conversations
    panel.table.selectRow(0)
    menu = panel.context_menu()
    correct = next(a for a in menu.actions() if a.text() == "Ret samtale…")
    held = next(a for a in menu.actions() if a.text() == "Afholdt…")
    assert correct.isEnabled() and not held.isEnabled()  # held already: correct, not mark
    correct.trigger()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, CorrectionDialog) and panel.dialog.isVisible())
    panel.dialog.reject()
    menu.deleteLater()


def test_booking_asks_who_holds_a_follow_up(qtbot, record: RecordView, store: Store) -> None:
    panel = record.conversations
    panel.open_booking(ConversationStatus.HELD)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, BookingDialog) and panel.dialog.isVisible())
    dialog = panel.dialog
    assert isinstance(dialog, BookingDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(ConversationKind.JOINT_UU.value))
    assert dialog.held_by.chosen() is HeldBy.JOINT
    dialog.kind.setCurrentIndex(dialog.kind.findData(ConversationKind.FOLLOW_UP.value))
    assert dialog.held_by.chosen() is HeldBy.EMPLOYMENT
    assert dialog.held_by.hint.text().startswith("Hvem holder opfølgningen?")
    dialog.held_by.set_chosen(HeldBy.UU)
    assert "ikke en jobsamtale" in dialog.held_by.hint.text()
    assert dialog.conversation_input().held_by is HeldBy.UU
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = [c for c in conversations.for_youth(store, record.record.id) if c.held_by is HeldBy.UU]
    assert len(saved) == 1 and saved[0].kind is ConversationKind.FOLLOW_UP


def test_kui_event_fields_follow_the_event_kind(qtbot, record: RecordView, store: Store) -> None:
    dialog = EventDialog(store, record.record.id, lambda: NOW.date())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen_kind() == "left_plan"
    assert dialog.learned_on.isVisible() and not dialog.reached.isVisible()
    assert dialog.on_caption.text() == "Forlod &planen"
    dialog.on.setDate(QDate(2026, 11, 20))
    dialog.learned_on.setDate(QDate(2026, 11, 19))
    dialog._on_changed()  # the learned date cannot lie before the day itself
    assert dialog.learned_on.date() == QDate(2026, 11, 20)
    dialog.kind.setCurrentIndex(dialog.kind.findData("contact"))
    assert dialog.reached.isVisible() and not dialog.learned_on.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.field_errors["reached"].isVisible())
    assert dialog.field_errors["reached"].text() == "Vælg hvem der blev kontaktet."
    dialog.reached.setCurrentIndex(dialog.reached.findData(Reached.BOTH.value))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with store.session() as s:
        rows = s.execute(select(CaseEvent.kind, CaseEvent.reached, CaseEvent.learned_on)).all()
    assert [tuple(r) for r in rows] == [("contact", "both", None)]


def test_recorded_events_say_who_was_reached_and_when(
    qtbot, record: RecordView, store: Store
) -> None:
    box = record.visitation.events
    qtbot.waitUntil(lambda: record.visitation.loaded)
    assert box.isHidden()  # nothing recorded yet
    visitation.record_event(
        store,
        record.record.id,
        "left_plan",
        date(2026, 11, 16),
        today=NOW.date(),
        learned_on=date(2026, 11, 18),
    )
    visitation.record_event(
        store,
        record.record.id,
        "contact",
        date(2026, 11, 19),
        today=NOW.date(),
        reached=Reached.PARENTS,
    )
    # Recorded elsewhere (another window): the tab reads again when told of the change.
    with qtbot.waitSignal(record.visitation.refreshed, timeout=5000):
        changes.bus().changed.emit(Change.of(Aspect.VISITATION, youth_id=record.record.id))
    record.show_section("visitation")
    assert box.isVisible() and box.model.rowCount() == 2
    rows = [[box.model.item(r, c).text() for c in range(3)] for r in range(box.model.rowCount())]
    assert rows == [
        [
            "19. nov. 2026",
            "Kontakt til den unge og/eller forældrene (15-17 år)",
            "Kontakt med: Forældremyndighedens indehaver",
        ],
        [
            "16. nov. 2026",
            "Har forladt sin plan (15-17 år)",
            "Kommunen fik kendskab 18. nov. 2026",
        ],
    ]
