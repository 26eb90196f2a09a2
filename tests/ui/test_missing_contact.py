"""Handing out a plan whose coordinating caseworker has no phone: the panel says what is
missing, nothing is handed out, and the message's button opens the caseworker's contact
details; once they are filled in, the hand-out goes through."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from ungedesk.domain.plan import GoalType, PlanContent
from ungedesk.domain.team import ContactDetailsInput
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, youths
from ungedesk.services import plan as plan_service
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.plan.dialogs import HandOutDialog
from ungedesk.ui.plan.panel import PlanPanel
from ungedesk.ui.team.missing_contact import MissingContactBox
from ungedesk.ui.team.profile_dialog import ContactDetailsDialog

NOW = datetime(2026, 11, 24, 12, 0)
TODAY = NOW.date()


@pytest.fixture
def panel(qtbot, store: Store) -> Iterator[PlanPanel]:
    caseworkers.update_contact_details(store, 1, ContactDetailsInput(email="abj@kommune.dk"))
    youth_id = youths.register(
        store,
        YouthInput("1503054007", "Sofie", "Nørgaard", date(2026, 11, 2), caseworker_id=1),
        today=TODAY,
    ).youth_id
    plan_service.save_plan(
        store, youth_id, PlanContent(goal_type=GoalType.FGU), today=TODAY, now=NOW
    )
    view = PlanPanel(store, youth_id, lambda: TODAY, lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    with qtbot.waitSignal(view.draft_shown, timeout=10_000):
        view.show()
    yield view
    view.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_missing_phone_is_named_and_filled_in_from_the_message(
    qtbot, panel: PlanPanel, store: Store
) -> None:
    panel.hand_out_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, HandOutDialog))
    assert isinstance(panel.dialog, HandOutDialog)
    qtbot.keyClick(panel.dialog.ok_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, MissingContactBox))
    box = panel.dialog
    assert isinstance(box, MissingContactBox)
    assert "Anne Bjerregaard mangler telefonnummer" in box.text()
    assert "Anne Bjerregaard mangler telefonnummer" in panel.error.text()
    assert plan_service.get_plan(store, panel._youth_id, now=NOW).versions == ()
    (button,) = box.fix_buttons
    assert button.text() == "Udfyld oplysninger for Anne Bjerregaard…"
    button.click()
    qtbot.waitUntil(lambda: isinstance(box.form, ContactDetailsDialog))
    form = box.form
    assert isinstance(form, ContactDetailsDialog)
    form.phone.setText("12 34 56 78")
    with qtbot.waitSignal(form.finished):
        form.ok_button.click()
    me = caseworkers.current_user(store)
    assert me is not None and me.phone == "12 34 56 78"
    with qtbot.waitSignal(panel.draft_shown, timeout=10_000):
        panel.hand_out()
    assert len(plan_service.get_plan(store, panel._youth_id, now=NOW).versions) == 1
