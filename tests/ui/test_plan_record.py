"""The plan in the record and the main window: its tab, the batch menu entry, and the
question before a record with unsaved plan edits closes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, youths
from ungedesk.store.database import Store
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.plan.batch_dialog import PlanBatchDialog
from ungedesk.ui.plan.panel import PlanPanel
from ungedesk.ui.record.record_view import RecordView


def test_plan_tab_batch_entry_and_unsaved_question(
    qtbot, window: MainWindow, store: Store, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    me = caseworkers.current_user(store)
    assert me is not None
    youth_id = youths.register(
        store,
        YouthInput("1503054007", "Sofie", "Nørgaard", today, caseworker_id=me.id),
        today=today,
    ).youth_id
    window.open_record(youth_id)
    qtbot.waitUntil(lambda: window.record_view(youth_id) is not None)
    view = window.record_view(youth_id)
    assert isinstance(view, RecordView)
    assert isinstance(view.plan, PlanPanel)
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert any(t in ("Plan", "Uddannelsesplan") for t in titles)
    assert not view.plan.loaded  # read when the tab is opened, not with the record
    view.show_section("plan")
    qtbot.waitUntil(lambda: view.plan.loaded)

    view.plan.form.programme.setText("Tømrer")
    assert view.plan.dirty
    asked: list[str] = []

    def keep(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", keep)
    window.close_record_action.trigger()
    assert asked and window.record_view(youth_id) is view  # still open
    # File › Quit asks the same; "No" keeps the window and the edits.
    window.show()
    window.quit_action.trigger()
    assert len(asked) == 2 and window.isVisible() and view.plan.dirty

    window.plan_batch_action.trigger()
    qtbot.waitUntil(
        lambda: isinstance(window.dialog, PlanBatchDialog) and window.dialog.isVisible()
    )
    dialog = window.dialog
    assert isinstance(dialog, PlanBatchDialog)
    qtbot.waitUntil(lambda: dialog.counted == 0)
    assert not dialog.ok_button.isEnabled()  # nothing handed out this week
    dialog.reject()
