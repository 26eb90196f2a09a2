"""Sag ▸ Opfølgning efter afslutning… on a closed case: earlier follow-ups listed, a return
to benefits recorded with its date, and a date before the closing refused at its field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from tests.conftest import TODAY
from ungedesk.domain.youth import ExitReason, YouthInput
from ungedesk.services import follow_up, retention, youths
from ungedesk.store.database import Store
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.record.follow_up_dialog import FollowUpDialog


def test_a_follow_up_of_a_closed_case(qtbot, window: MainWindow, store: Store) -> None:
    yid = youths.register(
        store,
        YouthInput("010100-4001", "Ung", "Person", date(2025, 9, 1), caseworker_id=1),
        today=TODAY,
    ).youth_id
    retention.close_case(store, yid, ExitReason.JOB, date(2026, 6, 1), today=TODAY)
    follow_up.record(store, yid, date(2026, 9, 1), None, today=TODAY)
    window.open_record(yid)
    qtbot.waitUntil(lambda: window.current_record() is not None)
    qtbot.waitUntil(window.follow_up_action.isEnabled)
    window.follow_up_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.dialog, FollowUpDialog))
    dialog = window.dialog
    assert isinstance(dialog, FollowUpDialog)
    dialog.checked_on.setDate(QDate(2026, 5, 1))  # before the case closed
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.working)
    assert "før sagen blev afsluttet" in dialog.field_errors["checked_on"].text()
    dialog.checked_on.setDate(QDate(2026, 11, 20))
    dialog.back.setChecked(True)
    dialog.returned_on.setDate(QDate(2026, 10, 15))
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.ok_button.click()
    assert [f.returned_on for f in follow_up.for_youth(store, yid)] == [None, date(2026, 10, 15)]
