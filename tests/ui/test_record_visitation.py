"""The record's visitation tab: register a visitation with the keyboard, change the target
group (the history keeps the old one) and record a case event."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget

from ungedesk.domain.visitation import SubAssessment
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, visitation, youths
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.record.record_view import RecordView
from ungedesk.ui.visitation.visitation_dialogs import (
    EventDialog,
    TargetGroupDialog,
    VisitationDialog,
)
from ungedesk.ui.work_dialog import WorkDialog

TODAY = date(2026, 11, 24)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


@pytest.fixture
def record(qtbot, store: Store) -> Iterator[RecordView]:
    me = caseworkers.current_user(store)
    assert me is not None
    youth_id = youths.register(
        store,
        YouthInput("1503054007", "Sofie", "Nørgaard", date(2026, 11, 2), caseworker_id=me.id),
        today=TODAY,
    ).youth_id
    found = youths.get(store, youth_id)
    assert found is not None
    view = RecordView(store, found, lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    qtbot.waitUntil(lambda: view.visitation.loaded and view.deadlines.loaded)
    view.show_section("visitation")
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    yield view
    view.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def press(qtbot, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key)


def open_with_keyboard[D: WorkDialog](qtbot, record: RecordView, button, kind: type[D]) -> D:
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    panel = record.visitation
    qtbot.waitUntil(lambda: isinstance(panel.dialog, kind) and panel.dialog.isActiveWindow())
    dialog = panel.dialog
    assert isinstance(dialog, kind)
    return dialog


def test_register_visitation_with_the_keyboard(qtbot, record: RecordView, store: Store) -> None:
    panel = record.visitation
    assert panel.empty.isVisible() and panel.register_button.isVisible()
    dialog = open_with_keyboard(qtbot, record, panel.register_button, VisitationDialog)
    qtbot.waitUntil(dialog.visited_on.hasFocus)
    assert dialog.paalaeg.isVisible()  # the law still has the education order in 2026
    qtbot.keyClicks(focused(), "10112026")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.target_group
    # Nothing is chosen for the caseworker: the placeholder asks for an explicit choice.
    assert dialog.target_group.currentIndex() == -1
    assert dialog.target_group.placeholderText() == "Vælg målgruppe …"
    press(qtbot, Qt.Key.Key_Down, 4)  # (none) -> lab6_1 -> ... -> lab6_4, uddannelsesparat
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)  # åbenlyst uddannelsesparat
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Vil gerne på HF")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.fgu  # KUI målgruppevurdering to FGU; its date is off
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.stu  # the STU assessment, apart
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # FVU/OBU screening needed
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # UU counsellor present
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    saved = visitation.get(store, record.record.id)
    assert saved is not None
    assert saved.visited_on == date(2026, 11, 10)
    assert saved.groups[-1].code == "lab6_4"
    assert saved.reasons == "Vil gerne på HF"
    assert saved.fvu_obu_screening and saved.uu_present and not saved.turned_away
    assert saved.paalaeg_given_on is None
    assert not panel.empty.isVisible() and panel.details.isVisible()
    # Given on 10 November 2026, after uddannelseshjælp merged into kontanthjælp.
    assert panel.group.text() == (
        "Uddannelsesparat kontanthjælpsmodtager under 30 år uden uddannelse (LAB § 6, nr. 4)"
    )
    assert panel.visited_on.text() == "10. nov. 2026"
    assert panel.history_model.rowCount() == 1


def test_change_target_group_keeps_history(qtbot, record: RecordView, store: Store) -> None:
    youth_id = record.record.id
    visitation.save(
        store,
        youth_id,
        visitation.VisitationInput(
            date(2026, 11, 10), "lab6_4", sub_assessment=SubAssessment.OBVIOUSLY_READY
        ),
        today=TODAY,
    )
    panel = record.visitation
    panel.reload()
    qtbot.waitUntil(lambda: panel.change_button.isVisible())
    dialog = open_with_keyboard(qtbot, record, panel.change_button, TargetGroupDialog)
    qtbot.waitUntil(dialog.since.hasFocus)
    qtbot.keyClicks(focused(), "20112026")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.target_group.currentData() == "lab6_4"  # the current one to start from
    press(qtbot, Qt.Key.Key_Down)  # lab6_5, aktivitetsparat uddannelseshjælp
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Behov for afklaring")
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    saved = visitation.get(store, youth_id)
    assert saved is not None
    assert [(g.valid_from, g.code, g.reason) for g in saved.groups] == [
        (date(2026, 11, 10), "lab6_4", "Ved visitationen (ingen begrundelse skrevet)"),
        (date(2026, 11, 20), "lab6_5", "Behov for afklaring"),
    ]
    assert panel.history_model.rowCount() == 2
    assert panel.history_model.item(1, 3).text() == "Behov for afklaring"
    assert panel.group.text() == (
        "Aktivitetsparat kontanthjælpsmodtager under 30 år uden uddannelse (LAB § 6, nr. 5)"
    )


def test_change_needs_a_reason_shown_beside_the_field(
    qtbot, record: RecordView, store: Store
) -> None:
    visitation.save(
        store,
        record.record.id,
        visitation.VisitationInput(date(2026, 11, 10), "lab6_4"),
        today=TODAY,
    )
    panel = record.visitation
    panel.reload()
    qtbot.waitUntil(lambda: panel.change_button.isVisible())
    dialog = open_with_keyboard(qtbot, record, panel.change_button, TargetGroupDialog)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.field_errors["reason"].isVisible())
    assert dialog.field_errors["reason"].text() == "Skriv hvorfor målgruppen skifter."
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_record_event(qtbot, record: RecordView, store: Store) -> None:
    panel = record.visitation
    dialog = open_with_keyboard(qtbot, record, panel.event_button, EventDialog)
    assert dialog.kind.currentText() == "Har forladt sin plan (15-17 år)"
    with qtbot.waitSignal(record.deadlines.refreshed, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert panel.message.isVisible()


def test_education_order_is_hidden_under_the_new_law(qtbot, record: RecordView) -> None:
    dialog = VisitationDialog(record._store, record.record.id, lambda: date(2027, 2, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.paalaeg.isHidden() and not dialog.paalaeg_note.isHidden()
    dialog.visited_on.setDate(QDate(2026, 12, 30))
    assert not dialog.paalaeg.isHidden() and dialog.paalaeg_note.isHidden()
    dialog.reject()
