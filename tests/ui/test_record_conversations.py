"""The record's conversations and deadlines tabs: booking in a few keystrokes, marking a
conversation held, the deadlines it meets, and the calendar invitation."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ungedesk.domain.rules import Status
from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, conversations, visitation, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.record.record_view import RecordView
from ungedesk.ui.visitation.booking_dialog import BookingDialog, HeldDialog

CPR = "1503054007"  # synthetic: born 15 March 2005
NOW = datetime(2026, 11, 24, 12, 0)  # a Tuesday after the UU hours (9-12)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def register(store: Store, cpr: str = CPR, first_contact: date = date(2026, 11, 23)) -> int:
    me = caseworkers.current_user(store)
    assert me is not None
    return youths.register(
        store,
        YouthInput(cpr, "Sofie", "Nørgaard", first_contact, caseworker_id=me.id),
        today=NOW.date(),
    ).youth_id


@pytest.fixture
def record(qtbot, store: Store) -> Iterator[RecordView]:
    youth_id = register(store)
    visitation.save(
        store, youth_id, VisitationInput(date(2026, 11, 23), "lab6_4"), today=NOW.date()
    )
    # Another young person has the first UU slot on Thursday: it is not free any more.
    other = register(store, cpr="0101054005")
    conversations.book(
        store,
        other,
        ConversationInput(ConversationKind.JOINT_UU, datetime(2026, 11, 26, 9, 0)),
    )
    found = youths.get(store, youth_id)
    assert found is not None
    view = RecordView(store, found, lambda: NOW.date(), now=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitUntil(lambda: view.conversations.loaded and view.deadlines.loaded)
    yield view
    view.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def book_with_keyboard(qtbot, view: RecordView) -> tuple[BookingDialog, int]:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.tabs.setFocus()
    keystrokes = 0
    qtbot.keyClick(focused(), Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    keystrokes += 1
    qtbot.waitUntil(
        lambda: (
            isinstance(view.conversations.dialog, BookingDialog)
            and view.conversations.dialog.isVisible()
        )
    )
    dialog = view.conversations.dialog
    assert isinstance(dialog, BookingDialog)
    qtbot.waitUntil(lambda: dialog.isActiveWindow() and dialog.kind.hasFocus())
    return dialog, keystrokes


def test_booking_takes_two_keystrokes_and_takes_the_next_free_uu_slot(
    qtbot, record: RecordView, store: Store
) -> None:
    dialog, keystrokes = book_with_keyboard(qtbot, record)
    assert dialog.chosen_kind() is ConversationKind.FIRST  # none held yet
    assert dialog.slot.isVisible()
    assert dialog.slot.currentData() == datetime(2026, 11, 26, 9, 45)  # 9:00 is taken
    assert dialog.chosen_start() == datetime(2026, 11, 26, 9, 45)
    assert dialog.duration.value() == 45
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    keystrokes += 1
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert keystrokes == 2
    qtbot.waitUntil(lambda: record.conversations.model.rowCount() == 1)
    (booked,) = conversations.for_youth(store, record.record.id)
    assert booked.kind is ConversationKind.FIRST
    assert booked.status is ConversationStatus.BOOKED
    assert booked.starts_at == datetime(2026, 11, 26, 9, 45)
    assert booked.participants == ("Sagsbehandler", "UU-vejleder", "Den unge")
    shown = record.conversations.model.index(0, 0).data()
    assert shown == "tors. 26. nov. 2026 kl. 09.45"


def test_marking_held_meets_the_first_jobsamtale_deadline(
    qtbot, record: RecordView, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = record.conversations
    book_with_keyboard(qtbot, record)
    # The booking is announced; the list and the deadlines both read again.
    with qtbot.waitSignals([panel.refreshed, record.deadlines.refreshed], timeout=5000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert panel.model.rowCount() == 1
    # Two days later the booked samtale (26 Nov) has taken place: the record's clock moves on.
    monkeypatch.setattr(sys.modules[__name__], "NOW", datetime(2026, 11, 26, 12, 0))
    first = next(
        d for d in record.deadlines.model.rows if d.rule_id == "lab-31-5-foerste-jobsamtale"
    )
    assert first.status is Status.OPEN
    record.show_panel(panel)
    panel.table.selectRow(0)
    assert panel.held_button.isEnabled()
    qtbot.mouseClick(panel.held_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, HeldDialog) and panel.dialog.isVisible())
    held = panel.dialog
    assert isinstance(held, HeldDialog)
    qtbot.keyClicks(held.notes, "Talte om HF og praktik.")
    with qtbot.waitSignal(record.deadlines.refreshed, timeout=5000):
        qtbot.mouseClick(held.ok_button, Qt.MouseButton.LeftButton)
    assert not held.isVisible()
    model = record.deadlines.model
    row = next(i for i, d in enumerate(model.rows) if d.rule_id == "lab-31-5-foerste-jobsamtale")
    assert model.rows[row].status is Status.MET
    status_text = model.index(row, 3).data()
    assert "Overholdt" in status_text and status_text.startswith("✔")
    assert model.index(row, 1).data() == "LAB § 31, stk. 5"
    assert model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole) == (
        "LAB § 31, stk. 5 (jf. LBK nr. 280 af 1. marts 2024)"
    )
    four = next(i for i, d in enumerate(model.rows) if d.rule_id == "lab-31-3-fire-jobsamtaler")
    assert model.index(four, 4).data() == "1 gennemført, 4 krævet"
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and panel.model.rows[0].notes != "")
    assert panel.model.index(0, 2).data() == "Afholdt"


def test_ics_export_writes_a_file_without_cpr(
    qtbot, record: RecordView, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = record.conversations
    book_with_keyboard(qtbot, record)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.table.selectRow(0)
    offered: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(Path(suggested).name)
        return str(tmp_path / "invitation"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    qtbot.mouseClick(panel.ics_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "invitation.ics"
    qtbot.waitUntil(lambda: target.exists() and panel.message.isVisible())
    assert offered == ["samtale-2026-11-26.ics"]
    data = target.read_bytes()
    text = data.decode()
    assert CPR not in text and CPR[:6] not in text and "Sofie" not in text
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert event.decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 11, 26, 9, 45)
    assert str(event["SUMMARY"]).startswith("Samtale hos Ungeteamet")


def test_record_a_held_conversation_afterwards(qtbot, record: RecordView, store: Store) -> None:
    panel = record.conversations
    panel.record_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, BookingDialog) and panel.dialog.isVisible())
    dialog = panel.dialog
    assert isinstance(dialog, BookingDialog)
    assert dialog.chosen_status() is ConversationStatus.HELD
    assert dialog.chosen_start() <= NOW  # not a future UU slot
    assert dialog.slot.isHidden() and not dialog.notes.isHidden()
    dialog.notes.setPlainText("Kom selv, god samtale.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible() and panel.model.rowCount() == 1)
    (held,) = conversations.for_youth(store, record.record.id)
    assert held.status is ConversationStatus.HELD
    assert held.notes == "Kom selv, god samtale."


def test_missed_and_cancelled(
    qtbot, record: RecordView, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = record.conversations
    book_with_keyboard(qtbot, record)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.open_booking()
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    second = panel.dialog
    assert isinstance(second, BookingDialog)
    assert second.chosen_start() == datetime(2026, 11, 26, 10, 30)  # 9:45 is booked now
    qtbot.mouseClick(second.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)

    panel.table.selectRow(0)  # newest first: 10:30
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        asked: list[str] = []

        def answer(
            _parent: object, _title: str, text: str, *_args: object
        ) -> QMessageBox.StandardButton:
            asked.append(text)
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", answer)
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert asked and "tors. 26. nov. 2026 kl. 10.30" in asked[0]
    panel.table.selectRow(1)
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        qtbot.mouseClick(panel.missed_button, Qt.MouseButton.LeftButton)
    assert [c.status for c in conversations.for_youth(store, record.record.id)] == [
        ConversationStatus.CANCELLED,
        ConversationStatus.MISSED,
    ]
    assert [panel.model.index(r, 2).data() for r in range(2)] == ["Aflyst", "Udeblevet"]


def test_a_booked_samtale_cannot_be_marked_held_before_its_day(
    qtbot, record: RecordView, store: Store
) -> None:
    panel = record.conversations
    book_with_keyboard(qtbot, record)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # booked for Thursday 26 Nov; today is 24 Nov
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.held_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, HeldDialog) and panel.dialog.isVisible())
    held = panel.dialog
    assert isinstance(held, HeldDialog)
    qtbot.mouseClick(held.ok_button, Qt.MouseButton.LeftButton)
    error = held.field_errors["starts_at"]
    qtbot.waitUntil(error.isVisible)
    assert error.text() == conversations.HELD_IN_FUTURE
    assert "afholdt" in error.text() and held.isVisible()
    held.reject()
    (booked,) = conversations.for_youth(store, record.record.id)
    assert booked.status is ConversationStatus.BOOKED
    first = next(
        d for d in record.deadlines.model.rows if d.rule_id == "lab-31-5-foerste-jobsamtale"
    )
    assert first.status is Status.OPEN


def test_recording_a_held_samtale_on_a_future_date_is_refused_at_the_date(
    qtbot, record: RecordView, store: Store
) -> None:
    panel = record.conversations
    panel.record_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, BookingDialog) and panel.dialog.isVisible())
    dialog = panel.dialog
    assert isinstance(dialog, BookingDialog)
    dialog.starts_at.setDateTime(datetime(2026, 11, 25, 10, 0))  # tomorrow
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    error = dialog.field_errors["starts_at"]
    qtbot.waitUntil(error.isVisible)
    assert error.text() == conversations.HELD_IN_FUTURE
    assert dialog.isVisible()
    assert conversations.for_youth(store, record.record.id) == []
    # Today itself is fine (the samtale was this morning).
    dialog.starts_at.setDateTime(datetime(2026, 11, 24, 9, 0))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible() and panel.model.rowCount() == 1)
    (held,) = conversations.for_youth(store, record.record.id)
    assert held.status is ConversationStatus.HELD and held.starts_at.date() == NOW.date()
