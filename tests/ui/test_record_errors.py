"""Known errors of a record's operations land in the record's own message labels, in
Danish, with the buttons usable again; none reaches the bug path or a notice box."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from ungedesk.domain.visitation import ConversationInput, ConversationKind
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, conversations, youths
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.record.record_view import RecordView

NOW = datetime(2026, 11, 24, 12, 0)


def open_record(qtbot, store: Store, *, gone: bool = False) -> RecordView:
    me = caseworkers.current_user(store)
    assert me is not None
    youth_id = youths.register(
        store,
        YouthInput("1503054007", "Sofie", "Nørgaard", date(2026, 11, 23), caseworker_id=me.id),
        today=NOW.date(),
    ).youth_id
    conversations.book(
        store, youth_id, ConversationInput(ConversationKind.FIRST, datetime(2026, 11, 26, 10, 0))
    )
    found = youths.get(store, youth_id)
    assert found is not None
    if gone:
        # The record as a screen still shows it after it was deleted elsewhere.
        found = dataclasses.replace(found, id=youth_id + 1000)
    view = RecordView(store, found, lambda: NOW.date(), now=lambda: NOW)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.conversations.loaded and view.deadlines.loaded)
    return view


@pytest.fixture
def idle(qtbot) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_showing_the_cpr_of_a_record_deleted_meanwhile_says_so_in_the_header(
    qtbot, store: Store, runner: tasks.TaskRunner, idle: None
) -> None:
    view = open_record(qtbot, store, gone=True)
    view.reveal.setChecked(True)
    qtbot.waitUntil(view.error.isVisible)
    assert view.error.text() == "Den unge findes ikke længere."
    assert not view.reveal.isChecked() and view.reveal.isEnabled()
    assert view.cpr.text() == "150305-xxxx"  # still masked
    view.copy_cpr.click()
    qtbot.waitUntil(view.copy_cpr.isEnabled)
    assert view.error.isVisible() and not view.copied.isVisible()
    assert runner.unhandled == []  # type: ignore[attr-defined]


def test_an_invitation_that_cannot_be_written_is_reported_under_the_conversations(
    qtbot, store: Store, runner: tasks.TaskRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    view = open_record(qtbot, store)
    panel = view.conversations
    view.show_panel(panel)
    target = tmp_path / "no such folder" / "samtale.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    panel.table.selectRow(0)
    panel.save_ics()
    qtbot.waitUntil(panel.error.isVisible)
    assert panel.error.text().startswith("Invitationen kunne ikke gemmes: ")
    assert not panel.message.isVisible()
    assert not target.parent.exists()  # nothing made, no stray temp file
    assert runner.unhandled == []  # type: ignore[attr-defined]
    view.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)
