"""The "Frister" view and the local standards dialog over a real store."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date, datetime, time

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tests.conftest import PROFILE
from ungedesk.domain.calendar import Unit
from ungedesk.domain.errors import InputError
from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, conversations, deadlines, visitation, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui import changes, tasks
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.deadlines import view as deadlines_view
from ungedesk.ui.deadlines.model import YOUTH_ROLE, Column, Group
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.record.record_view import RecordView
from ungedesk.ui.rules.local_rules_dialog import (
    AddLocalRuleDialog,
    LocalRuleInput,
    LocalRulesDialog,
    toml_string,
)

# TODAY in tests/conftest.py is Tuesday 24 November 2026: ISO week 48. For jobparate
# (lab6_2) the first jobsamtale is due a week after the henvendelse, and four jobsamtaler
# and a tilbud within six months.
OVERDUE_HENV = date(2026, 11, 2)  # first jobsamtale due 9 Nov: overdue
THIS_WEEK_HENV = date(2026, 5, 28)  # six months: Saturday 28 Nov, a closed day
NEXT_WEEK_HENV = date(2026, 6, 3)  # six months: 3 Dec, week 49


def case(
    store: Store,
    n: int,
    last: str,
    henvendelse: date,
    today: date,
    caseworker_id: int | None = None,
) -> int:
    """A jobparat young person with a visitation and, for the older cases, one held
    jobsamtale (which meets the first-week rule and counts 1 of 4)."""
    if caseworker_id is None:
        me = caseworkers.current_user(store)
        assert me is not None
        caseworker_id = me.id
    youth_id = youths.register(
        store,
        YouthInput(
            f"{n:02d}0505-{4000 + n:04d}",
            "Test",
            last,
            henvendelse,
            caseworker_id=caseworker_id,
        ),
        today=today,
    ).youth_id
    visitation.save(
        store, youth_id, VisitationInput(visited_on=henvendelse, target_group="lab6_2"), today=today
    )
    held = henvendelse < date(2026, 10, 1)
    conversations.book(
        store,
        youth_id,
        ConversationInput(
            kind=ConversationKind.JOB,
            starts_at=datetime.combine(henvendelse, time(10, 0))
            if held
            else datetime(2026, 12, 10, 10, 0),
            place="Jobcentret",
            participants=("Sagsbehandler", "Den unge"),
        ),
        ConversationStatus.HELD if held else ConversationStatus.BOOKED,
    )
    return youth_id


def colleague(store: Store) -> int:
    return caseworkers.add_caseworker(
        store,
        replace(PROFILE, name="Kollega Testesen", initials="KT", email="kt@kommune.example"),
    ).id


def texts(window: MainWindow, group: Group, column: Column) -> list[str]:
    model = window.deadlines.model
    return [
        model.data(model.index(row, column))
        for row in range(model.rowCount())
        if model.data(model.index(row, column), YOUTH_ROLE) is not None
        and model.group_of(row) is group
    ]


def show_deadlines(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.deadlines.counts_changed):
        qtbot.keyClick(window.search, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert window.navigation.currentWidget() is window.deadlines_page


@pytest.fixture
def cases(store: Store, today: date) -> dict[str, int]:
    other = colleague(store)
    return {
        "overdue": case(store, 1, "Overskredet", OVERDUE_HENV, today),
        "this_week": case(store, 2, "Dennevej", THIS_WEEK_HENV, today),
        "next_week": case(store, 3, "Naestvej", NEXT_WEEK_HENV, today),
        "other": case(store, 4, "Kollegasag", NEXT_WEEK_HENV, today, caseworker_id=other),
    }


def test_the_start_reads_the_counts_and_the_list_waits_for_the_tab(
    qtbot, store: Store, store_paths: StorePaths, today: date, cases: dict[str, int]
) -> None:
    window = MainWindow(store, store_paths, today=lambda: today)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.deadlines.counts_changed) as counted:
        window.show()
    me = caseworkers.current_user(store)
    assert me is not None
    overdue, this_week, next_week = deadlines.overview(store, today, caseworker_id=me.id).counts
    assert counted.args == [overdue, this_week, next_week]
    assert overdue == 1 and this_week > 0 and next_week > 0
    tab = window.navigation.tabText(window.navigation.indexOf(window.deadlines_page))
    assert tab == f"Frister (1 overskredne · {this_week} denne uge)"
    assert window.deadlines.model.rowCount() == 0  # no rows read while the tab is hidden
    show_deadlines(qtbot, window)
    qtbot.waitUntil(lambda: texts(window, Group.THIS_WEEK, Column.NAME) != [])
    assert texts(window, Group.OVERDUE, Column.NAME) == ["Test Overskredet"]
    window.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_groups_with_rule_source_weeks_and_closed_day(
    qtbot, store: Store, today: date, cases: dict[str, int], window: MainWindow
) -> None:
    show_deadlines(qtbot, window)
    model = window.deadlines.model
    assert model.group_title(Group.THIS_WEEK) == "Denne uge (uge 48)"
    assert model.group_title(Group.NEXT_WEEK) == "Næste uge (uge 49)"
    assert model.group_title(Group.OVERDUE) == "Overskredne (1)"
    assert texts(window, Group.OVERDUE, Column.NAME) == ["Test Overskredet"]
    # The citation in force when the deadline started (LAB § 31 was renumbered in 2024),
    # without the act it is quoted from (that is in the tooltip).
    assert texts(window, Group.OVERDUE, Column.SOURCE) == ["LAB § 31, stk. 5"]
    assert texts(window, Group.OVERDUE, Column.STATUS) == ["⚠ Overskredet"]
    assert texts(window, Group.OVERDUE, Column.RULE) == [
        "Første jobsamtale senest 1 uge efter henvendelsen"
    ]
    assert set(texts(window, Group.THIS_WEEK, Column.DUE)) == {"28. nov. 2026 · lørdag"}
    assert set(texts(window, Group.THIS_WEEK, Column.SOURCE)) == {
        "LAB § 31, stk. 3",
        "LAB § 102, stk. 1-3",
    }
    assert "Åben · 1 gennemført, 4 krævet" in texts(window, Group.THIS_WEEK, Column.STATUS)
    assert set(texts(window, Group.NEXT_WEEK, Column.DUE)) == {"3. dec. 2026"}
    assert set(texts(window, Group.NEXT_WEEK, Column.NAME)) == {"Test Naestvej"}  # Mine
    tab = window.navigation.tabText(window.navigation.indexOf(window.deadlines_page))
    assert tab == "Frister (1 overskredne · 2 denne uge)"

    window.deadlines.everyone.click()
    qtbot.waitUntil(lambda: len(texts(window, Group.NEXT_WEEK, Column.NAME)) == 4)
    assert set(texts(window, Group.NEXT_WEEK, Column.CASEWORKER)) == {"ABJ", "KT"}
    window.deadlines.mine.click()
    qtbot.waitUntil(lambda: len(texts(window, Group.NEXT_WEEK, Column.NAME)) == 2)


def test_empty_groups_say_so_in_danish(qtbot, window: MainWindow) -> None:
    show_deadlines(qtbot, window)
    model = window.deadlines.model
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert "Ingen frister denne uge" in shown
    assert "Ingen overskredne frister" in shown
    tab = window.navigation.tabText(window.navigation.indexOf(window.deadlines_page))
    assert tab == "Frister (0 overskredne · 0 denne uge)"


def test_enter_opens_the_record_and_a_change_refreshes_the_counts(
    qtbot, store: Store, today: date, cases: dict[str, int], window: MainWindow
) -> None:
    show_deadlines(qtbot, window)
    table = window.deadlines.table
    assert QApplication.focusWidget() is table
    # Ctrl+D selected the first deadline: this week's.
    assert window.deadlines.model.youth_id(table.currentIndex().row()) == cases["this_week"]
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    view = window.records.currentWidget()
    assert isinstance(view, RecordView) and view.record.id == cases["this_week"]

    case(store, 5, "Nyvej", OVERDUE_HENV, today)  # e.g. a colleague's tab saved a case
    window.refresh_deadlines()
    qtbot.waitUntil(lambda: window.navigation.tabText(1) == "Frister (2 overskredne · 2 denne uge)")
    # A conversation saved in the open record refreshes the counts by itself.
    case(store, 6, "Tredjevej", OVERDUE_HENV, today)
    changes.bus().changed.emit(Change.of(Aspect.CONVERSATIONS, youth_id=view.record.id))
    qtbot.waitUntil(lambda: window.navigation.tabText(1) == "Frister (3 overskredne · 2 denne uge)")


def test_overdue_rows_load_page_by_page(
    qtbot, store: Store, today: date, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    monkeypatch.setattr(deadlines_view, "PAGE_SIZE", 2)
    for n in range(1, 6):
        case(store, n, f"Sen{'abcde'[n - 1]}", date(2026, 10, n), today)
    show_deadlines(qtbot, window)
    model = window.deadlines.model
    assert model.overdue_total == 5
    # The first page had 2; the view asks for more as it scrolls (here: it has room).
    window.deadlines.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.overdue_loaded == 5)
    names = texts(window, Group.OVERDUE, Column.NAME)
    assert names == [f"Test Sen{c}" for c in "edcba"]  # most recently due first
    assert not model.canFetchMore()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def open_rules(qtbot, window: MainWindow) -> LocalRulesDialog:
    window.open_local_rules()
    dialog = window.dialog
    assert isinstance(dialog, LocalRulesDialog)
    qtbot.waitUntil(lambda: dialog.rule_set is not None)
    return dialog


def open_add_form(qtbot, dialog: LocalRulesDialog) -> AddLocalRuleDialog:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.add_button, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.add_dialog is not None and dialog.add_dialog.isVisible())
    form = dialog.add_dialog
    assert form is not None
    qtbot.waitUntil(form.isActiveWindow)
    return form


def test_add_a_local_standard_with_the_keyboard(
    qtbot, store: Store, today: date, cases: dict[str, int], window: MainWindow
) -> None:
    dialog = open_rules(qtbot, window)
    legal = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert any(text.startswith("Historisk: ") for text in legal)
    form = open_add_form(qtbot, dialog)
    assert focused() is form.rule_id
    qtbot.keyClicks(form.rule_id, "lokal-to-samtaler")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.description
    qtbot.keyClicks(form.description, 'To "jobsamtaler" på 6 måneder \\ lokal')
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # start event: henvendelse
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.amount
    focused().selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(focused(), "6")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.unit  # months
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.count
    focused().selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(focused(), "2")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # meets: jobsamtale
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    while focused() is not form.groups["lab6_2"]:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert form.groups["lab6_2"].isChecked()
    while focused() is not form.tightens:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    # Down to LAB § 31's four jobsamtaler, wherever the rule file lists it.
    for _ in range(form.tightens.findData("lab-31-3-fire-jobsamtaler")):
        qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert form.tightens.currentData() == "lab-31-3-fire-jobsamtaler"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.source
    qtbot.keyClicks(form.source, "Kvalitetsstandard, Demo Kommune")
    assert tomllib.loads(form.values().to_toml())["rule"][0]["description"] == (
        'To "jobsamtaler" på 6 måneder \\ lokal'
    )
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shiboken6.isValid(form) or not form.isVisible(), timeout=10000)

    def shown_under_legal() -> bool:
        for i in range(dialog.tree.topLevelItemCount()):
            item = dialog.tree.topLevelItem(i)
            if item.childCount() and "LAB § 31, stk. 3" in item.text(2):
                return "Lokal standard: To" in item.child(0).text(0)
        return False

    qtbot.waitUntil(shown_under_legal)
    dialog.reject()
    # Recomputed: the this-week case now also has the local standard, 1 of 2 held.
    show_deadlines(qtbot, window)
    assert "Åben · 1 gennemført, 2 krævet" in texts(window, Group.THIS_WEEK, Column.STATUS)
    assert "Kvalitetsstandard, Demo Kommune" in texts(window, Group.THIS_WEEK, Column.SOURCE)

    # Remove it again, after a confirmation that defaults to No.
    dialog = open_rules(qtbot, window)
    local = next(
        item.child(0)
        for item in (dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount()))
        if item.childCount()
    )
    dialog.tree.setCurrentItem(local)
    assert dialog.remove_button.isEnabled()
    dialog.remove_button.click()
    confirm = dialog.confirm
    assert confirm is not None and confirm.isVisible()
    assert confirm.defaultButton() is confirm.button(QMessageBox.StandardButton.No)
    confirm.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: dialog.rule_set is not None and not dialog.rule_set.local)
    assert deadlines.local_rule_definitions(store) == {}
    dialog.reject()


def test_invalid_definition_shows_danish_field_errors(
    qtbot, store: Store, window: MainWindow
) -> None:
    dialog = open_rules(qtbot, window)
    form = open_add_form(qtbot, dialog)
    qtbot.keyClicks(form.rule_id, "lab-31-5-foerste-jobsamtale")
    qtbot.keyClick(form.rule_id, Qt.Key.Key_Return)
    assert form.field_errors["id"].isVisible()
    assert "bruges allerede af en anden regel" in form.field_errors["id"].text()
    assert form.field_errors["description"].text().startswith("Beskriv standarden")
    assert form.field_errors["groups"].text() == "Vælg mindst én målgruppe."
    assert form.isVisible()
    assert deadlines.local_rule_definitions(store) == {}
    form.reject()
    dialog.reject()


def test_service_errors_reach_the_form(qtbot, window: MainWindow) -> None:
    dialog = open_rules(qtbot, window)
    form = open_add_form(qtbot, dialog)
    form.show_known_error(deadlines_error("Regel x: ukendt periode."))
    assert form.general_error.text() == "Regel x: ukendt periode."
    form.reject()
    dialog.reject()


def deadlines_error(message: str) -> Exception:
    return InputError({"definition": message})


def test_toml_writer_escapes_every_string() -> None:
    nasty = 'a "b" \\ c\nd\t\x01 æøå'
    assert tomllib.loads(f"x = {toml_string(nasty)}")["x"] == nasty
    values = LocalRuleInput(
        rule_id="lokal",
        description=nasty,
        start_event="henvendelse",
        amount=3,
        unit=Unit.MONTHS,
        count=3,
        meets="jobsamtale",
        target_groups=("lab6_3", "lab6_5"),
        valid_from=date(2026, 1, 1),
        tightens="lab-31-3-fire-jobsamtaler",
        source='Kvalitetsstandard "2026"',
    )
    rule = tomllib.loads(values.to_toml())["rule"][0]
    assert rule["description"] == nasty and rule["period"] == {"months": 3}
    assert rule["target_groups"] == ["lab6_3", "lab6_5"] and rule["count"] == 3


def test_overview_follows_the_change_bus(
    qtbot, store: Store, today: date, window: MainWindow
) -> None:
    from ungedesk.ui import changes
    from ungedesk.ui.changes import Aspect, Change

    show_deadlines(qtbot, window)
    assert window.deadlines.model.overdue_total == 0
    youth_id = case(store, 1, "Overskredet", OVERDUE_HENV, today)
    # A change of a record's deadlines (any view's) refreshes the overview by itself.
    with qtbot.waitSignal(window.deadlines.refreshed):
        changes.bus().changed.emit(Change.of(Aspect.DEADLINES, youth_id=youth_id))
    assert window.deadlines.model.overdue_total == 1
    assert not window.deadlines.loading
