"""The visitation dialog asks for an explicit target group and lists only the groups the law
has on the visitation date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from ungedesk.domain.youth import YouthInput
from ungedesk.services import visitation, youths
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.visitation.visitation_dialogs import TargetGroupDialog, VisitationDialog

TODAY = date(2026, 11, 24)


def codes(dialog: VisitationDialog | TargetGroupDialog) -> list[str]:
    box = dialog.target_group
    return [str(box.itemData(i)) for i in range(box.count())]


def _youth(store: Store) -> int:
    # Born 15 March 1995: 21 on a 2017 visitation, 31 in 2026 is too old, so the henvendelse
    # lies in 2017 and the dialog moves through the dates.
    return youths.register(
        store,
        YouthInput("150395-1236", "Sofie", "Nørgaard", date(2017, 3, 1), caseworker_id=1),
        today=TODAY,
    ).youth_id


def test_nothing_is_chosen_and_the_list_follows_the_date(qtbot, store: Store) -> None:
    dialog = VisitationDialog(store, _youth(store), lambda: TODAY)
    qtbot.addWidget(dialog)
    assert dialog.target_group.currentIndex() == -1
    assert dialog.target_group.placeholderText() == "Vælg målgruppe …"
    assert codes(dialog) == ["lab6_1", "lab6_2", "lab6_3", "lab6_4", "lab6_5", "kui"]
    assert dialog.target_group.itemText(3) == (
        "Uddannelsesparat kontanthjælpsmodtager under 30 år uden uddannelse (LAB § 6, nr. 4)"
    )
    dialog.visited_on.setDate(QDate(2017, 3, 6))
    assert codes(dialog) == ["lab2_1", "lab2_2", "lab2_3", "lab2_12", "lab2_13"]
    dialog.target_group.setCurrentIndex(3)  # lab2_12
    dialog.visited_on.setDate(QDate(2017, 3, 7))
    assert dialog.target_group.currentData() == "lab2_12"  # still offered: kept
    dialog.visited_on.setDate(QDate(2024, 3, 7))
    assert dialog.target_group.currentIndex() == -1  # gone on the new date: not replaced
    assert dialog.target_group.itemText(3) == (
        "Uddannelsesparat uddannelseshjælpsmodtager (LAB § 6, nr. 4)"
    )


def test_saving_without_a_choice_asks_for_one(qtbot, store: Store) -> None:
    yid = _youth(store)
    dialog = VisitationDialog(store, yid, lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.visited_on.setDate(QDate(2017, 3, 6))
    dialog.ok_button.click()
    error = dialog.field_errors["target_group"]
    qtbot.waitUntil(lambda: not dialog.working and error.isVisible())
    assert error.text() == "Vælg en målgruppe."
    assert visitation.get(store, yid) is None
    dialog.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_expected_groups_only_when_switched_on(qtbot, store: Store) -> None:
    later = date(2027, 2, 1)
    dialog = VisitationDialog(store, _youth(store), lambda: later)
    qtbot.addWidget(dialog)
    assert "ny27_jobparat" not in codes(dialog) and "lab6_2" in codes(dialog)
    switched = VisitationDialog(store, 1, lambda: later, expected_rules=True)
    qtbot.addWidget(switched)
    assert codes(switched) == [
        "kui",
        "ny27_dagpenge",
        "ny27_jobparat",
        "ny27_aktivitetsparat",
        "ny27_sygemeldt",
        "ny27_nedsat_arbejdsevne",
    ]
    change = TargetGroupDialog(store, 1, lambda: later, current_group="lab6_4", expected_rules=True)
    qtbot.addWidget(change)
    assert change.target_group.currentIndex() == -1  # lab6_4 is not offered then


def test_fgu_and_stu_are_two_dated_choices(qtbot, store: Store) -> None:
    dialog = VisitationDialog(store, _youth(store), lambda: TODAY)
    qtbot.addWidget(dialog)
    assert not dialog.fgu_on.isEnabled() and not dialog.stu_on.isEnabled()
    data = dialog.visitation_input()
    assert data.fgu_assessed_on is None and data.stu_assessed_on is None
    dialog.stu.setChecked(True)
    assert dialog.stu_on.isEnabled() and not dialog.fgu_on.isEnabled()
    dialog.stu_on.setDate(QDate(2026, 11, 20))
    data = dialog.visitation_input()
    assert data.fgu_assessed_on is None and data.stu_assessed_on == date(2026, 11, 20)
    assert dialog.fgu.text() == "&KUI-målgruppevurderet til FGU (§ 2 k) den"
    assert dialog.stu.text() == "Vurderet til &STU efter STU-loven den"
