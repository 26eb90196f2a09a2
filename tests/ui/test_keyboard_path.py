"""The caseworker's main path by keyboard alone (issue 14): register a young person from the
register, land in their record, reach the plan and add a goal and a sub-goal, save.

Only key presses reach the widgets (QTest sends them where the focus is, as a keyboard
does); no widget is clicked or set from the test. What is asserted is the store: the plan
saved is the one typed.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ungedesk.domain.plan import GoalType
from ungedesk.services import plan as plan_service
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.record.record_view import RecordView

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def type_and_tab(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)
    press(qtbot, Qt.Key.Key_Tab)


def test_register_record_plan_by_keyboard_alone(
    qtbot, window: MainWindow, store: Store, today: date
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # The register has the focus on start (its search field): Ctrl+N registers.
    assert window.isAncestorOf(focused())
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(window.form_is_open)
    form = window.form
    assert form is not None
    qtbot.waitUntil(form.isActiveWindow)
    assert focused() is form.cpr
    type_and_tab(qtbot, "150305-4007")
    type_and_tab(qtbot, "Sofie")
    qtbot.keyClicks(focused(), "Nørgaard")
    press(qtbot, Qt.Key.Key_Return)  # Enter saves the form from any field

    qtbot.waitUntil(lambda: window.records.count() == 1, timeout=10_000)
    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    # The window manager gives the main window back its activation when the form closes;
    # the offscreen test platform has none, so the test does it.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # The new record has the focus (its sections), not the register behind the form.
    assert focused() is view.tabs.tabBar()

    # Ctrl+Tab steps through the record's sections to the plan (Basic data, Visitation,
    # Conversations, Deadlines, Plan).
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert view.tabs.tabText(view.tabs.currentIndex()) == "Plan"
    panel = view.plan
    qtbot.waitUntil(lambda: panel.loaded and panel.draft is not None, timeout=10_000)

    # Alt+Å ("Uddannelsesm&ål") goes to the goal; arrow keys choose it, Tab moves on.
    press(qtbot, Qt.Key.Key_Aring, ALT)
    assert focused() is panel.form.goal_type
    target = panel.form.goal_type.findData(GoalType.EUD.value)
    assert target >= 0
    while panel.form.goal_type.currentIndex() != target:
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.form.programme
    type_and_tab(qtbot, "Social- og sundhedshjælper")

    # A sub-goal: its button by mnemonic, then the new row's text typed into the table.
    subgoals = panel.form.subgoals
    press(qtbot, Qt.Key.Key_D, ALT)  # "Tilføj &delmål"
    qtbot.waitUntil(lambda: subgoals.model.rowCount() == 1)
    qtbot.waitUntil(lambda: subgoals.table.isAncestorOf(focused()) or focused() is subgoals.table)
    qtbot.keyClicks(focused(), "Besøge SOSU-skolen")
    press(qtbot, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: subgoals.model.value(0, "text") == "Besøge SOSU-skolen")

    with qtbot.waitSignal(panel.draft_shown, timeout=10_000):
        press(qtbot, Qt.Key.Key_S, CTRL)
    assert not panel.dirty
    qtbot.waitUntil(lambda: not tasks.runner().busy)

    draft = plan_service.get_plan(store, view.record.id, now=datetime.combine(today, time(12)))
    assert draft.content.goal_type is GoalType.EUD
    assert draft.content.programme == "Social- og sundhedshjælper"
    assert [s.text for s in draft.content.subgoals] == ["Besøge SOSU-skolen"]
