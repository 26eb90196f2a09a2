"""Every control a caseworker can reach has a name a screen reader says (issue 14).

The main window, the registration form, a record with every section shown and the dialogs
each opens are built over demo data; every input, button and list in them must have an
accessible name as Qt's accessibility layer reports it (the name the AT-SPI bridge and
Windows' UI Automation read out). Tables must also say what they hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from tests.support.accessibility import Census
from ungedesk.services import demo
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.record.record_view import RecordView

DEMO_COUNT = 12


@pytest.fixture
def demo_window(qtbot, window: MainWindow, store: Store, today: date) -> Iterator[MainWindow]:
    tasks.runner().call_blocking(lambda: demo.generate(store, DEMO_COUNT, seed=14, today=today))
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == DEMO_COUNT, timeout=20_000)
    yield window


def _open_record(qtbot, window: MainWindow) -> RecordView:
    # An open case: "Close the case" offers nothing for a closed one.
    row = next(
        r for r in range(window.model.total) if window.model._index.row(r).status == "active"
    )
    youth_id = window.model.youth_id(row)
    window.open_record(youth_id)
    qtbot.waitUntil(lambda: window.record_view(youth_id) is not None, timeout=10_000)
    view = window.record_view(youth_id)
    assert view is not None
    return view


def _collect_dialog(
    qtbot, census: Census, opener: Callable[[], None], holder: Callable[[], object]
) -> None:
    """Open a dialog, count its controls, close it (dialogs delete themselves on closing)."""
    opener()

    def shown() -> bool:
        # The holder may still hold the previous dialog, deleted on closing.
        dialog = holder()
        return isinstance(dialog, QWidget) and shiboken6.isValid(dialog) and dialog.isVisible()

    try:
        qtbot.waitUntil(shown, timeout=10_000)
    except Exception as error:
        raise AssertionError(f"no dialog from {opener!r}") from error
    dialog = holder()
    assert isinstance(dialog, QWidget)
    census.add(dialog)
    census.check_mnemonics(dialog, type(dialog).__name__)
    # Some dialogs refuse to close while their first load runs.
    qtbot.waitUntil(lambda: not tasks.runner().busy, timeout=10_000)
    dialog.close()


def _screens(qtbot, window: MainWindow) -> Census:
    census = Census()
    census.check_mnemonics(window, "register")
    window.show_deadlines()
    census.check_mnemonics(window, "deadlines")
    census.add(window)
    window.register_new()
    qtbot.waitUntil(window.form_is_open)
    assert window.form is not None
    census.add(window.form)
    census.check_mnemonics(window.form, "registration form")
    window.form.reject()

    view = _open_record(qtbot, window)
    qtbot.waitUntil(view.isVisible)
    census.check_mnemonics(window, "record")
    for key in ("visitation", "conversations", "deadlines", "plan", "progression", "journal"):
        view.show_section(key)
        # Each section's buttons are shown with the menus and the record's header: their
        # Alt+letters must differ from all of those.
        census.check_mnemonics(window, f"record, {key}")
    qtbot.waitUntil(lambda: view.plan.loaded and view.visitation.loaded, timeout=10_000)
    census.add(view)

    visitation = view.visitation
    for opener in (
        visitation.open_visitation,
        visitation.open_target_group,
        visitation.open_event,
    ):
        _collect_dialog(qtbot, census, opener, lambda: visitation.dialog)
    _collect_dialog(qtbot, census, view.book_conversation, lambda: view.conversations.dialog)
    plan = view.plan
    for opener in (plan.open_consent, plan.ask_hand_out):
        _collect_dialog(qtbot, census, opener, lambda: plan.dialog)
    _collect_dialog(qtbot, census, view.new_measurement, lambda: view.progression.dialog)

    for action in (
        window.settings_action,
        window.close_case_action,
        window.export_person_action,
        window.history_action,
        window.transfer_action,
        window.import_case_action,
        window.passphrase_action,
        window.my_access_action,
        window.expired_action,
        window.rules_browser_action,
        window.local_rules_action,
        window.descriptors_action,
        window.caseload_progression_action,
        window.plan_batch_action,
        window.catalogue_action,
        window.restgruppe_action,
    ):
        assert action.isEnabled(), action.text()
        _collect_dialog(qtbot, census, action.trigger, lambda: window.dialog)
    return census


def test_every_control_has_a_name_and_every_table_a_description(
    qtbot, demo_window: MainWindow
) -> None:
    census = _screens(qtbot, demo_window)
    print(f"{census.total} controls, {len(census.unnamed)} without an accessible name")
    assert census.total > 150  # the walk reached the record's sections and the dialogs
    assert not census.unnamed, "\n".join(census.unnamed)
    assert census.tables > 10
    assert not census.undescribed_tables, "\n".join(census.undescribed_tables)
    # Qt only moves the focus between captions sharing an Alt+letter: a button so reached
    # is no longer pressed by it.
    assert not census.clashes, "\n".join(census.clashes)
    qtbot.waitUntil(lambda: not tasks.runner().busy, timeout=10_000)
