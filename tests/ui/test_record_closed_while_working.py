"""A record tab closed while one of its operations runs: the work still finishes (and what
it changed is still announced to the other views), but nothing calls into the closed
record and no error reaches the caseworker or the bug path. One case per kind of
operation the record's tabs start: the reads of the three tabs, the dialogs' saves, the
conversation actions, the exemption, and the CPR number shown or copied.

The worker is held by a blocking call queued first, so every operation below is still
waiting when the tab closes; the record is then really deleted before the worker goes on,
so a callback that slipped through would call into a deleted widget and fail loudly."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, conversations, deadlines, visitation, waivers, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store
from ungedesk.ui import changes, tasks
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.record.record_view import RecordView
from ungedesk.ui.visitation.booking_dialog import BookingDialog, HeldDialog
from ungedesk.ui.visitation.conversations_panel import ConversationsPanel
from ungedesk.ui.visitation.correction_dialog import CorrectionDialog
from ungedesk.ui.visitation.deadlines_panel import DeadlinesPanel
from ungedesk.ui.visitation.record_tab import RecordWorkDialog
from ungedesk.ui.visitation.visitation_panel import VisitationPanel
from ungedesk.ui.visitation.waiver_dialogs import WaiveDialog

CPR = "010203-4562"  # synthetic
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

Calls = list[str]


@pytest.fixture
def view(qtbot, store: Store, window: MainWindow, today: date) -> Iterator[RecordView]:
    """A record open in the main window, all its tabs read, with a waivable deadline and a
    conversation booked yesterday (today is 24 November 2026)."""
    deadlines.add_local_rule(store, WAIVABLE)
    me = caseworkers.current_user(store)
    assert me is not None
    youth_id = youths.register(
        store, YouthInput(CPR, "Sara", "Nielsen", HENV, caseworker_id=me.id), today=today
    ).youth_id
    visitation.save(
        store, youth_id, VisitationInput(visited_on=HENV, target_group="lab6_2"), today=today
    )
    conversations.book(
        store, youth_id, ConversationInput(ConversationKind.JOB, datetime(2026, 11, 23, 10, 0))
    )
    window.open_record(youth_id)
    qtbot.waitUntil(lambda: window.record_view(youth_id) is not None)
    record = window.record_view(youth_id)
    assert record is not None
    qtbot.waitUntil(
        lambda: record.visitation.loaded and record.conversations.loaded and record.deadlines.loaded
    )
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    yield record


def recorder(calls: Calls, name: str) -> Callable[..., None]:
    def record(_self: object, *_args: object) -> None:
        calls.append(name)

    return record


def select_conversation(view: RecordView) -> None:
    view.conversations.table.selectRow(0)
    assert view.conversations.selected() is not None


# --- the operations, each started while the worker is held --------------------------------


def start_reads(view: RecordView, monkeypatch: pytest.MonkeyPatch, _tmp: Path) -> Calls:
    calls: Calls = []
    for tab in (VisitationPanel, ConversationsPanel, DeadlinesPanel):
        monkeypatch.setattr(tab, "_loaded", recorder(calls, tab.__name__))
    # Saved in another window: every tab of this record reads again.
    changes.bus().changed.emit(
        Change.of(
            Aspect.VISITATION, Aspect.CONVERSATIONS, Aspect.DEADLINES, youth_id=view.record.id
        )
    )
    return calls


def start_visitation_save(view: RecordView, monkeypatch: pytest.MonkeyPatch, _tmp: Path) -> Calls:
    calls: Calls = []
    monkeypatch.setattr(RecordWorkDialog, "done_and_accept", recorder(calls, "accepted"))
    view.visitation.open_visitation()  # the correction of the visitation, filled in
    dialog = view.visitation.dialog
    assert dialog is not None
    dialog.ok_button.click()
    return calls


def start_event(view: RecordView, monkeypatch: pytest.MonkeyPatch, _tmp: Path) -> Calls:
    calls: Calls = []
    monkeypatch.setattr(RecordWorkDialog, "done_and_accept", recorder(calls, "accepted"))
    view.visitation.open_event()
    dialog = view.visitation.dialog
    assert dialog is not None
    dialog.ok_button.click()
    return calls


def start_booking(view: RecordView, monkeypatch: pytest.MonkeyPatch, _tmp: Path) -> Calls:
    calls: Calls = []
    monkeypatch.setattr(BookingDialog, "_saved", recorder(calls, "booked"))
    view.conversations.book_new()
    dialog = view.conversations.dialog
    assert isinstance(dialog, BookingDialog)
    dialog.ok_button.click()
    return calls


def start_held(view: RecordView, monkeypatch: pytest.MonkeyPatch, _tmp: Path) -> Calls:
    calls: Calls = []
    monkeypatch.setattr(RecordWorkDialog, "done_and_accept", recorder(calls, "accepted"))
    select_conversation(view)
    view.conversations.mark_held()
    dialog = view.conversations.dialog
    assert isinstance(dialog, HeldDialog)
    dialog.ok_button.click()
    return calls


def start_missed(view: RecordView, monkeypatch: pytest.MonkeyPatch, _tmp: Path) -> Calls:
    calls: Calls = []
    monkeypatch.setattr(ConversationsPanel, "_after_change", recorder(calls, "after_change"))
    select_conversation(view)
    view.conversations.mark_missed()
    return calls


def start_ics(view: RecordView, monkeypatch: pytest.MonkeyPatch, tmp: Path) -> Calls:
    calls: Calls = []
    monkeypatch.setattr(ConversationsPanel, "_ics_saved", recorder(calls, "ics_saved"))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp / "samtale.ics"), "")
    )
    select_conversation(view)
    view.conversations.save_ics()
    return calls


def start_waive(view: RecordView, monkeypatch: pytest.MonkeyPatch, _tmp: Path) -> Calls:
    calls: Calls = []
    monkeypatch.setattr(RecordWorkDialog, "done_and_accept", recorder(calls, "accepted"))
    panel = view.deadlines
    row = next(i for i, v in enumerate(panel.model.rows) if v.rule_id == RULE)
    panel.table.selectRow(row)
    panel.open_waive()
    dialog = panel.dialog
    assert isinstance(dialog, WaiveDialog)
    dialog.reason.setPlainText("Konkret vurdering: i behandling på fuld tid.")
    dialog.ok_button.click()
    return calls


def start_reveal(view: RecordView, monkeypatch: pytest.MonkeyPatch, _tmp: Path) -> Calls:
    calls: Calls = []
    monkeypatch.setattr(RecordView, "_revealed", recorder(calls, "revealed"))
    view.reveal.setChecked(True)
    return calls


def start_copy(view: RecordView, monkeypatch: pytest.MonkeyPatch, _tmp: Path) -> Calls:
    calls: Calls = []
    monkeypatch.setattr(RecordView, "_copy_arrived", recorder(calls, "copied"))
    view.copy_cpr.click()
    return calls


def start_correction(view: RecordView, monkeypatch: pytest.MonkeyPatch, _tmp: Path) -> Calls:
    calls: Calls = []
    monkeypatch.setattr(CorrectionDialog, "_saved", recorder(calls, "corrected"))
    select_conversation(view)
    view.conversations.correct_selected()
    dialog = view.conversations.dialog
    assert isinstance(dialog, CorrectionDialog)
    dialog.starts_at.setDateTime(dialog.starts_at.dateTime().addSecs(3600))
    dialog.reason.setPlainText("Samtalen blev holdt en time senere.")
    dialog.ok_button.click()
    return calls


def held_yesterday(store: Store, view: RecordView) -> None:
    """A correction needs a held conversation: the one booked yesterday took place."""
    (booked,) = conversations.for_youth(store, view.record.id)
    conversations.set_status(store, booked.id, ConversationStatus.HELD, today=date(2026, 11, 24))


# What each kind's success changes in the store, read after the worker has gone on.
def visitation_events(store: Store, youth_id: int) -> int:
    return len(visitation.events(store, youth_id))


def conversation_count(store: Store, youth_id: int) -> int:
    return len(conversations.for_youth(store, youth_id))


def statuses(store: Store, youth_id: int) -> list[ConversationStatus]:
    return [c.status for c in conversations.for_youth(store, youth_id)]


def waiver_count(store: Store, youth_id: int) -> int:
    return len(waivers.for_youth(store, youth_id))


@pytest.mark.parametrize(
    ("kind", "start"),
    [
        ("read the tabs", start_reads),
        ("save the visitation", start_visitation_save),
        ("record an event", start_event),
        ("book", start_booking),
        ("mark held", start_held),
        ("mark missed", start_missed),
        ("correct", start_correction),
        ("calendar invitation", start_ics),
        ("waive", start_waive),
        ("show CPR", start_reveal),
        ("copy CPR", start_copy),
    ],
)
def test_a_record_closed_while_its_operation_runs_gets_no_callback(
    qtbot,
    store: Store,
    window: MainWindow,
    view: RecordView,
    runner: tasks.TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    kind: str,
    start: Callable[[RecordView, pytest.MonkeyPatch, Path], Calls],
) -> None:
    youth_id = view.record.id
    if kind == "correct":
        held_yesterday(store, view)
        with qtbot.waitSignal(view.conversations.refreshed, timeout=5000):
            changes.bus().changed.emit(Change.of(Aspect.CONVERSATIONS, youth_id=youth_id))
    before = (
        visitation_events(store, youth_id),
        conversation_count(store, youth_id),
        statuses(store, youth_id),
        waiver_count(store, youth_id),
    )
    gate = threading.Event()
    runner.run(gate.wait, 5)  # holds the worker: what starts now waits behind it
    calls = start(view, monkeypatch, tmp_path)
    assert runner.busy
    announced: list[Change] = []
    changes.bus().changed.connect(announced.append)

    window._close_tab(window.records.indexOf(view))
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(view)  # really gone before the work goes on
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)

    assert calls == []
    assert runner.unhandled == []  # type: ignore[attr-defined]
    after = (
        visitation_events(store, youth_id),
        conversation_count(store, youth_id),
        statuses(store, youth_id),
        waiver_count(store, youth_id),
    )
    # The work itself was done and, when it changed something, announced to other views.
    expected_changes = {
        "record an event": (before[0] + 1, before[1], before[2], before[3]),
        "book": (before[0], before[1] + 1, [ConversationStatus.BOOKED] * 2, before[3]),
        "mark held": (before[0], before[1], [ConversationStatus.HELD], before[3]),
        "mark missed": (before[0], before[1], [ConversationStatus.MISSED], before[3]),
        "waive": (before[0], before[1], before[2], before[3] + 1),
    }
    assert after == expected_changes.get(kind, before)
    writes = {
        "save the visitation",
        "record an event",
        "book",
        "mark held",
        "mark missed",
        "correct",
        "waive",
    }
    announced_here = [c for c in announced if c.youth_id == youth_id and c.origin is None]
    assert bool(announced_here) == (kind in writes)
    if kind == "calendar invitation":
        assert (tmp_path / "samtale.ics").is_file()
