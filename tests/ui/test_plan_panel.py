"""The plan editor: filling it in by keyboard, field errors at the field, the consent areas,
and handing out a frozen version."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ungedesk.domain.plan import (
    ConsentScope,
    GoalType,
    PlanContent,
    Subgoal,
    SubgoalOwner,
    SubgoalStatus,
)
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, youths
from ungedesk.services import plan as plan_service
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.plan.dialogs import (
    ConsentDialog,
    HandOutDialog,
    VersionsDialog,
    WithdrawConsentDialog,
)
from ungedesk.ui.plan.panel import PlanPanel

CPR = "1503054007"  # synthetic
NOW = datetime(2026, 11, 24, 12, 0)
TODAY = NOW.date()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def register(store: Store) -> int:
    me = caseworkers.current_user(store)
    assert me is not None
    return youths.register(
        store,
        YouthInput(CPR, "Sofie", "Nørgaard", date(2026, 11, 2), caseworker_id=me.id),
        today=TODAY,
    ).youth_id


def open_panel(qtbot, store: Store, youth_id: int) -> PlanPanel:
    panel = PlanPanel(store, youth_id, lambda: TODAY, lambda: NOW)
    qtbot.addWidget(panel)
    panel.resize(1100, 800)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.loaded and panel.isActiveWindow())
    return panel


@pytest.fixture
def youth_id(store: Store) -> int:
    return register(store)


@pytest.fixture
def panel(qtbot, store: Store, youth_id: int) -> Iterator[PlanPanel]:
    view = open_panel(qtbot, store, youth_id)
    yield view
    view.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def save(qtbot, panel: PlanPanel) -> None:
    """Save and wait for the saved draft to be shown."""
    with qtbot.waitSignal(panel.draft_shown, timeout=10_000):
        panel.save()
    assert not panel.error.isVisible(), panel.error.text()


def test_filling_in_by_keyboard_and_saving_with_ctrl_s(
    qtbot, panel: PlanPanel, store: Store, youth_id: int
) -> None:
    assert not panel.dirty and panel.dirty_label.isHidden()
    assert panel.state_label.text()  # "not handed out yet"
    assert not panel.versions_button.isEnabled()
    panel.form.goal_type.setFocus()
    panel.form.goal_type.setCurrentIndex(panel.form.goal_type.findData(GoalType.EUD.value))
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert panel.form.programme.hasFocus()
    qtbot.keyClicks(focused(), "Social- og sundhedshjælper")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert panel.form.school.hasFocus()
    qtbot.keyClicks(focused(), "SOSU Nord")
    assert panel.dirty and panel.dirty_label.isVisible()
    panel.form.own_wishes.setFocus()
    qtbot.keyClicks(focused(), "Jeg vil gerne arbejde med ældre.")

    # A sub-goal: the add button opens the first cell for typing; Enter commits.
    panel.form.subgoals.add_button.click()
    qtbot.waitUntil(lambda: panel.form.subgoals_model.rowCount() == 1)
    qtbot.keyClicks(focused(), "Besøge SOSU-skolen")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: panel.form.subgoals_model.value(0, "text") == "Besøge SOSU-skolen")
    owner = panel.form.subgoals_model.index(0, panel.form.subgoals_model.column_of("owner"))
    panel.form.subgoals_model.setData(owner, SubgoalOwner.UU)

    panel.form.own_wishes.setFocus()
    with qtbot.waitSignal(panel.draft_shown, timeout=10_000):
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not panel.dirty and panel.dirty_label.isHidden()
    assert panel.message.isVisible()

    draft = plan_service.get_plan(store, youth_id, now=NOW)
    assert draft.content.goal_type is GoalType.EUD
    assert draft.content.programme == "Social- og sundhedshjælper"
    assert draft.content.school == "SOSU Nord"
    assert draft.content.own_wishes == "Jeg vil gerne arbejde med ældre."
    (goal,) = draft.content.subgoals
    assert goal.text == "Besøge SOSU-skolen"
    assert goal.owner is SubgoalOwner.UU
    assert goal.status is SubgoalStatus.PLANNED


def test_errors_show_at_the_field_and_the_row(
    qtbot, panel: PlanPanel, store: Store, youth_id: int
) -> None:
    panel.form.subgoals.add_button.click()
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # the text stays empty
    model = panel.form.subgoals_model
    model.setData(model.index(0, model.column_of("owner")), SubgoalOwner.OTHER)
    panel.form.applications.add()
    qtbot.keyClicks(focused(), "Tech College")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    apps = panel.form.applications_model
    qtbot.waitUntil(lambda: apps.value(0, "place") == "Tech College")
    apps.setData(apps.index(0, apps.column_of("on")), date(2026, 12, 24))
    panel.form.programme.setText("x" * 201)
    panel.save()
    qtbot.waitUntil(lambda: panel.error.isVisible())
    assert panel.dirty
    assert panel.form.field_errors["programme"].isVisible()
    assert "200" in panel.form.field_errors["programme"].text()
    assert panel.form.subgoals.errors.isVisible()
    text = panel.form.subgoals.errors.text()
    assert "1" in text
    assert "Skriv, hvad delmålet er." in text and "Skriv, hvem der gør det." in text
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Skriv, hvad delmålet er."
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "fremtiden" in panel.form.applications.errors.text()
    # Nothing was saved.
    assert plan_service.get_plan(store, youth_id, now=NOW).content.programme == ""

    # Correcting clears the marks on the next save.
    model.setData(model.index(0, 0), "Ringe til skolen")
    model.setData(model.index(0, model.column_of("owner_name")), "Mentor Ali")
    apps.setData(apps.index(0, apps.column_of("on")), date(2026, 11, 20))
    panel.form.programme.setText("Tømrer")
    save(qtbot, panel)
    assert not panel.form.field_errors["programme"].isVisible()
    assert not panel.form.subgoals.errors.isVisible()
    content = plan_service.get_plan(store, youth_id, now=NOW).content
    assert content.subgoals[0].owner_name == "Mentor Ali"
    assert content.applications[0].on == date(2026, 11, 20)


def test_delete_empties_a_date_cell_and_a_row_can_be_removed(qtbot, panel: PlanPanel) -> None:
    panel.form.interventions.add()
    qtbot.keyClicks(focused(), "Virksomhedspraktik")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    model = panel.form.interventions_model
    qtbot.waitUntil(lambda: model.value(0, "name") == "Virksomhedspraktik")
    start = model.index(0, model.column_of("starts_on"))
    model.setData(start, date(2026, 12, 1))
    assert model.index(0, model.column_of("starts_on")).data() == "1. dec. 2026"
    panel.form.interventions.table.setCurrentIndex(start)
    panel.form.interventions.table.setFocus()
    qtbot.keyClick(panel.form.interventions.table, Qt.Key.Key_Delete)
    assert model.value(0, "starts_on") is None
    panel.form.interventions.remove()
    assert model.rowCount() == 0 and panel.form.interventions.empty.isVisible()


def test_consent_opens_the_health_field(
    qtbot, panel: PlanPanel, store: Store, youth_id: int
) -> None:
    assert panel.form.health.isReadOnly() or not panel.form.health.isEnabled()
    assert panel.form.consent.hints["health"].isVisible()
    assert not panel.form.consent.withdraw_button.isEnabled()

    panel.form.consent.register_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, ConsentDialog) and panel.dialog.isVisible())
    dialog = panel.dialog
    assert isinstance(dialog, ConsentDialog)
    # Nothing chosen: the error is at the areas.
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.field_errors["scopes"].isVisible())
    dialog.scopes[ConsentScope.HEALTH].setChecked(True)
    dialog.note.setText("Mundtligt ved samtalen")
    with qtbot.waitSignal(panel.draft_shown, timeout=10_000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert panel.form.health.isEnabled() and not panel.form.health.isReadOnly()
    assert panel.form.consent.hints["health"].isHidden()
    assert panel.form.consent.hints["housing"].isVisible()
    assert "Helbred" in panel.form.consent.state.text()
    assert panel.form.consent.withdraw_button.isEnabled()

    panel.form.health.setPlainText("Astma, bruger inhalator.")
    save(qtbot, panel)
    assert plan_service.get_plan(store, youth_id, now=NOW).content.health == (
        "Astma, bruger inhalator."
    )


def test_health_text_without_consent_is_refused_at_the_field(
    qtbot, panel: PlanPanel, store: Store, youth_id: int
) -> None:
    # The field is closed in the form; a value set anyway (a pasted draft) is still
    # refused by the service, with the message under the field.
    panel.form.health.setReadOnly(False)
    panel.form.health.setEnabled(True)
    panel.form.health.setPlainText("Noget om helbred")
    panel.save()
    qtbot.waitUntil(lambda: panel.form.field_errors["health"].isVisible())
    assert "samtykke" in panel.form.field_errors["health"].text()


def fill_and_save(qtbot, panel: PlanPanel) -> None:
    panel.form.goal_type.setCurrentIndex(panel.form.goal_type.findData(GoalType.FGU.value))
    panel.form.programme.setText("FGU Erhvervsgrunduddannelse")
    panel.form.short_term_goals.setPlainText("Møde op hver dag.")
    save(qtbot, panel)


def hand_out(qtbot, panel: PlanPanel) -> HandOutDialog:
    panel.hand_out_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, HandOutDialog) and panel.dialog.isVisible())
    dialog = panel.dialog
    assert isinstance(dialog, HandOutDialog)
    return dialog


def test_handing_out_freezes_a_version_and_later_edits_make_a_draft(
    qtbot, panel: PlanPanel, store: Store, youth_id: int
) -> None:
    fill_and_save(qtbot, panel)
    assert not panel.versions_button.isEnabled()
    dialog = hand_out(qtbot, panel)
    assert "version 1" in dialog.question.text()
    assert dialog.ok_button.hasFocus() or dialog.ok_button.isDefault()
    with qtbot.waitSignal(panel.draft_shown, timeout=10_000):
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    draft = plan_service.get_plan(store, youth_id, now=NOW)
    (version,) = draft.versions
    assert version.number == 1 and version.handed_out_on == TODAY
    assert "1" in panel.state_label.text() and "24. nov. 2026" in panel.state_label.text()
    assert panel.versions_button.isEnabled()

    # An edit after handing out: unsaved, then handed out as version 2 (saved first).
    panel.form.short_term_goals.setPlainText("Møde op hver dag og til tiden.")
    assert panel.dirty
    dialog = hand_out(qtbot, panel)
    assert dialog.unsaved.isVisible()
    with qtbot.waitSignal(panel.draft_shown, timeout=10_000):
        dialog.ok_button.click()
    assert panel.draft is not None and len(panel.draft.versions) == 2
    assert not panel.dirty
    _summary, first = plan_service.version_content(store, youth_id, 1)
    assert first.short_term_goals == "Møde op hver dag."  # frozen
    _summary, second = plan_service.version_content(store, youth_id, 2)
    assert second.short_term_goals == "Møde op hver dag og til tiden."


def test_versions_dialog_reads_a_version_and_shows_the_changes_since(
    qtbot, panel: PlanPanel, store: Store, youth_id: int
) -> None:
    fill_and_save(qtbot, panel)
    plan_service.hand_out(store, youth_id, today=TODAY, now=NOW)
    panel.form.long_term_goals.setPlainText("Blive <b>tømrer</b> & have en læreplads.")
    save(qtbot, panel)
    assert panel.draft is not None and panel.draft.changes
    assert "ændret" in panel.state_label.text() or "changed" in panel.state_label.text()

    panel.versions_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, VersionsDialog) and panel.dialog.isVisible())
    dialog = panel.dialog
    assert isinstance(dialog, VersionsDialog)
    qtbot.waitUntil(lambda: dialog.shown == 1)
    assert dialog.view.isReadOnly()
    shown = dialog.view.toPlainText()
    assert "FGU Erhvervsgrunduddannelse" in shown and "Møde op hver dag." in shown
    assert "tømrer" not in shown  # the later change is not in version 1
    assert "Langsigtede mål tilføjet" in dialog.changes.text()
    assert dialog.pdf_button.isEnabled()
    dialog.close()


def test_changes_in_plan_content_round_trip_through_the_form(
    qtbot, store: Store, youth_id: int
) -> None:
    """What the service holds is what the form gives back unchanged (no edit, no dirt)."""
    me = "Mette"
    content = PlanContent(
        goal_type=GoalType.EUX,
        programme="EUX Business",
        goal_start=date(2027, 8, 1),
        subgoals=(Subgoal("Skrive ansøgning", SubgoalOwner.OTHER, date(2026, 12, 1), me),),
    )
    plan_service.save_plan(store, youth_id, content, today=TODAY, now=NOW)
    view = open_panel(qtbot, store, youth_id)
    try:
        assert not view.dirty
        assert view.form.goal_start.value() == date(2027, 8, 1)
        assert view.form.content().subgoals == content.subgoals
        assert view.form.content().goal_type is GoalType.EUX
    finally:
        view.close()
        qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_tab_follows_the_reading_order(qtbot, panel: PlanPanel) -> None:
    panel.form.challenges.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert panel.form.subgoals.table.hasFocus() or panel.form.subgoals.add_button.hasFocus()
    panel.send_button.setFocus()  # Versions… is disabled before a version exists
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert panel.form.goal_type.hasFocus()


def test_an_empty_plan_cannot_be_handed_out(
    qtbot, panel: PlanPanel, store: Store, youth_id: int
) -> None:
    dialog = hand_out(qtbot, panel)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: panel.form.field_errors["goal_type"].isVisible())
    assert "uddannelsesmål" in panel.form.field_errors["goal_type"].text()
    assert not plan_service.get_plan(store, youth_id, now=NOW).versions


def test_a_failed_save_before_handing_out_hands_nothing_out_later(
    qtbot, panel: PlanPanel, store: Store, youth_id: int
) -> None:
    fill_and_save(qtbot, panel)
    panel.form.programme.setText("x" * 201)
    dialog = hand_out(qtbot, panel)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: panel.form.field_errors["programme"].isVisible())
    panel.form.programme.setText("FGU")
    save(qtbot, panel)
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    assert not plan_service.get_plan(store, youth_id, now=NOW).versions


def test_withdrawing_consent_removes_the_text_and_closes_the_field(
    qtbot, store: Store, youth_id: int
) -> None:
    plan_service.give_consent(
        store, youth_id, [ConsentScope.HEALTH], date(2026, 11, 10), "", today=TODAY
    )
    plan_service.save_plan(store, youth_id, PlanContent(health="Astma."), today=TODAY, now=NOW)
    view = open_panel(qtbot, store, youth_id)
    try:
        assert view.form.health.toPlainText() == "Astma." and not view.form.health.isReadOnly()
        view.form.consent.withdraw_button.click()
        qtbot.waitUntil(
            lambda: isinstance(view.dialog, WithdrawConsentDialog) and view.dialog.isVisible()
        )
        dialog = view.dialog
        assert isinstance(dialog, WithdrawConsentDialog)
        assert dialog.consent.count() == 1
        with qtbot.waitSignal(view.draft_shown, timeout=10_000):
            dialog.ok_button.click()
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert view.form.health.toPlainText() == ""
        assert view.form.health.isReadOnly() or not view.form.health.isEnabled()
        assert view.form.consent.hints["health"].isVisible()
        assert not view.form.consent.withdraw_button.isEnabled()
        assert plan_service.get_plan(store, youth_id, now=NOW).content.health == ""
    finally:
        view.close()
        qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_the_start_date_is_typed_and_emptied_with_delete(qtbot, panel: PlanPanel) -> None:
    panel.form.goal_start.setFocus()
    assert panel.form.goal_start.value() is None
    qtbot.keyClicks(panel.form.goal_start, "01082027")
    assert panel.form.goal_start.value() == date(2027, 8, 1)
    assert panel.dirty
    qtbot.keyClick(panel.form.goal_start, Qt.Key.Key_Delete)
    assert panel.form.goal_start.value() is None
    qtbot.keyClick(panel.form.goal_start, Qt.Key.Key_Up)  # from empty: today
    assert panel.form.goal_start.value() == TODAY
