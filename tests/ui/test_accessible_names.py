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
from ungedesk.store.paths import StorePaths
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


def _open_record(qtbot, window: MainWindow, youth_id: int | None = None) -> RecordView:
    if youth_id is None:
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
        window.figures_action,
        window.profile_action,
        window.colleagues_action,
        window.actors_action,
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


def _youth_with_a_waivable_deadline(window: MainWindow, store: Store, today: date) -> int:
    from ungedesk.services import deadlines

    for row in range(window.model.total):
        youth_id = window.model.youth_id(row)
        due = tasks.runner().call_blocking(deadlines.for_youth, store, youth_id, today)
        if any(d.waivable for d in due):
            return youth_id
    raise LookupError("no demo case has a waivable deadline")


def test_the_other_dialogs_name_every_control(
    qtbot, demo_window: MainWindow, store: Store, store_paths: StorePaths, today: date
) -> None:
    """Dialogs reached from a state (a held conversation, a waivable deadline, the lock,
    the first start) rather than from a menu."""
    from ungedesk.domain.visitation import ConversationStatus
    from ungedesk.services.secure_send import SecureRoute
    from ungedesk.ui.plan.send import SendWarning
    from ungedesk.ui.security.lock_screen import SessionLock
    from ungedesk.ui.security.unlock_dialog import UnlockDialog
    from ungedesk.ui.setup.setup_wizard import SetupWizard

    window = demo_window
    census = Census()
    view = _open_record(qtbot, window)

    conversations = view.conversations
    view.show_panel(conversations)
    qtbot.waitUntil(lambda: conversations.loaded, timeout=10_000)
    held = [
        i for i, c in enumerate(conversations.model.rows) if c.status is ConversationStatus.HELD
    ]
    assert held, "the demo case has no held conversation to correct"
    conversations.table.selectRow(held[0])
    _collect_dialog(qtbot, census, conversations.correct_selected, lambda: conversations.dialog)

    # A case with a deadline the law lets the municipality exempt from.
    waivable = _youth_with_a_waivable_deadline(window, store, today)
    view = _open_record(qtbot, window, waivable)
    deadlines = view.deadlines
    view.show_panel(deadlines)
    qtbot.waitUntil(lambda: deadlines.loaded, timeout=10_000)
    row = next(i for i, d in enumerate(deadlines.model.rows) if d.waivable)
    deadlines.table.selectRow(row)
    _collect_dialog(qtbot, census, deadlines.open_waive, lambda: deadlines.dialog)

    window.local_rules_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.dialog, QWidget) and window.dialog.isVisible())
    rules = window.dialog
    qtbot.waitUntil(lambda: rules.rule_set is not None)  # type: ignore[union-attr]
    _collect_dialog(qtbot, census, rules.add_rule, lambda: rules.add_dialog)  # type: ignore[union-attr]
    rules.close()  # type: ignore[union-attr]
    catalogue = window.open_catalogue()
    qtbot.waitUntil(catalogue.isVisible)
    _collect_dialog(qtbot, census, catalogue.new_offer, lambda: catalogue.edit_dialog)
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    catalogue.close()

    figures = window.open_figures()
    qtbot.waitUntil(lambda: figures.table_data is not None, timeout=10_000)
    _collect_dialog(qtbot, census, figures.open_team, lambda: figures.team_dialog)
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    figures.close()

    warning = SendWarning(SecureRoute(address="sikkerpost@kommune.example"), window)
    _collect_dialog(qtbot, census, warning.show, lambda: warning)
    unlock = UnlockDialog(store_paths, keyring_available=True)
    qtbot.addWidget(unlock)
    _collect_dialog(qtbot, census, unlock.show, lambda: unlock)
    wizard = SetupWizard(StorePaths(store_paths.root.parent / "new"))
    qtbot.addWidget(wizard)
    _collect_dialog(qtbot, census, wizard.show, lambda: wizard)  # every page: they are built

    lock = SessionLock(window, store, store_paths, idle_ms=3_600_000)
    qtbot.waitUntil(lambda: lock.settings is not None)
    lock.lock()
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    census.add(window)  # the lock screen covers the window
    census.check_mnemonics(window, "lock screen")
    lock.unlock()
    lock.dispose()

    print(f"{census.total} more controls, {len(census.unnamed)} without an accessible name")
    assert {
        "CorrectionDialog",
        "WaiveDialog",
        "OfferDialog",
        "SetupWizard",
        "TeamFiguresDialog",
    } <= set(census.screens)
    assert census.total > 60
    assert not census.unnamed, "\n".join(census.unnamed)
    assert not census.undescribed_tables, "\n".join(census.undescribed_tables)
    assert not census.clashes, "\n".join(census.clashes)
