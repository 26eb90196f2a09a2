"""The settings dialog saves every value in one operation; Stop during the deadline
recompute leaves every setting as it was."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import shiboken6

from ungedesk.domain.calendar import ClosingDay
from ungedesk.domain.errors import StoppedError
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, preferences, settings, youths
from ungedesk.store.database import Store
from ungedesk.ui import changes, tasks
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.settings.dialog import SettingsDialog


def open_settings(qtbot, window: MainWindow) -> SettingsDialog:
    window.settings_action.trigger()
    qtbot.waitUntil(
        lambda: (
            isinstance(window.dialog, SettingsDialog)
            and shiboken6.isValid(window.dialog)
            and window.dialog.isVisible()
        )
    )
    assert isinstance(window.dialog, SettingsDialog)
    return window.dialog


def a_case(store: Store, today: date) -> None:
    me = caseworkers.current_user(store)
    assert me is not None
    youths.register(
        store,
        YouthInput("0101054004", "Lukke", "Dagsen", date(2026, 9, 1), caseworker_id=me.id),
        today=today,
    )


def test_stop_during_the_recompute_saves_no_setting(
    qtbot, window: MainWindow, store: Store, today: date
) -> None:
    a_case(store, today)
    before = tasks.runner().call_blocking(preferences.load_settings, store)
    dialog = open_settings(qtbot, window)
    dialog.reminder_days.setValue(30)
    dialog.case_years.setValue(9)
    dialog.closing[ClosingDay.JULEAFTEN].setChecked(False)  # a change: every deadline again
    # Hold the worker so that Stop is pressed before the save reaches its recompute.
    gate = threading.Event()
    tasks.runner().run(gate.wait, 5)
    dialog.ok_button.click()
    assert dialog.working
    dialog.stop_button.click()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.working)
    assert dialog.isVisible()
    assert dialog.general_error.text() == StoppedError.message
    assert not dialog.recompute.isVisible() and not dialog.stop_button.isVisible()
    after = tasks.runner().call_blocking(preferences.load_settings, store)
    assert after == before
    assert after.reminder_days == 7 and ClosingDay.JULEAFTEN in after.closed_days
    dialog.reject()


def test_saving_announces_a_settings_change(
    qtbot, window: MainWindow, store: Store, today: date
) -> None:
    a_case(store, today)
    dialog = open_settings(qtbot, window)
    dialog.closing[ClosingDay.NYTAARSAFTEN].setChecked(False)
    seen: list[Change] = []
    changes.bus().changed.connect(seen.append)
    try:
        with qtbot.waitSignal(dialog.saved):
            dialog.ok_button.click()
    finally:
        changes.bus().changed.disconnect(seen.append)
    assert [c.aspects for c in seen] == [frozenset({Aspect.SETTINGS, Aspect.DEADLINES})]
    saved = tasks.runner().call_blocking(preferences.load_settings, store)
    assert saved.closed_days == frozenset({ClosingDay.GRUNDLOVSDAG, ClosingDay.JULEAFTEN})


def test_the_figures_threshold_is_set_in_the_dialog(
    qtbot, window: MainWindow, store: Store
) -> None:
    dialog = open_settings(qtbot, window)
    assert dialog.figures_threshold.value() == 5  # the default
    assert "under 5" in dialog.threshold_hint.text()
    assert dialog.figures_threshold.accessibleName() == "Skjul små tal under"
    dialog.figures_threshold.setValue(8)
    assert "under 8" in dialog.threshold_hint.text()
    with qtbot.waitSignal(dialog.saved):
        dialog.ok_button.click()
    saved = tasks.runner().call_blocking(preferences.load_settings, store)
    assert saved.figures_threshold == 8
    stored = tasks.runner().call_blocking(settings.get_setting, store, settings.FIGURES_THRESHOLD)
    assert stored == 8


def test_a_threshold_out_of_range_is_shown_at_its_field(
    qtbot, window: MainWindow, store: Store, monkeypatch
) -> None:
    dialog = open_settings(qtbot, window)
    values = dialog.values()
    # The spin box keeps to the range; a value from elsewhere is still refused by the save.
    monkeypatch.setattr(dialog, "values", lambda: replace(values, figures_threshold=99))
    dialog.ok_button.click()
    error = dialog.field_errors["figures_threshold"]
    qtbot.waitUntil(lambda: not error.isHidden())
    assert error.text() == "Vælg en grænse mellem 1 og 50."
    assert dialog.isVisible()
    saved = tasks.runner().call_blocking(preferences.load_settings, store)
    assert saved.figures_threshold == 5
    dialog.reject()
