"""Progression over the caseload, and editing the descriptors."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ungedesk.domain.progression import Indicator, MeasurementInput, ScoreInput
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, progression, youths
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.progression.caseload_dialog import CaseloadProgressionDialog, format_movement
from ungedesk.ui.progression.descriptors_dialog import DescriptorsDialog

TODAY = date(2026, 11, 24)


def youth_with_scores(store: Store, cpr: str, scores: list[tuple[date, int, int | None]]) -> int:
    me = caseworkers.current_user(store)
    assert me is not None
    youth_id = youths.register(
        store,
        YouthInput(cpr, "Test", "Person", date(2026, 1, 5), caseworker_id=me.id),
        today=TODAY,
    ).youth_id
    progression.choose_indicators(store, youth_id, [Indicator.MOTIVATION], date(2026, 1, 5))
    for day, caseworker, own in scores:
        progression.record_measurement(
            store,
            youth_id,
            MeasurementInput(day, (ScoreInput(Indicator.MOTIVATION, caseworker, own),)),
            today=TODAY,
        )
    return youth_id


def test_movement_is_formatted_the_danish_way() -> None:
    assert format_movement(1.5) == "+1,5"
    assert format_movement(-0.25) == "-0,2"
    assert format_movement(0.0) == "0,0"
    assert format_movement(None) == "–"


def test_caseload_shows_average_movement_per_indicator(qtbot, store: Store) -> None:
    youth_with_scores(store, "1503054007", [(date(2026, 2, 2), 2, 3), (date(2026, 10, 1), 6, 4)])
    youth_with_scores(
        store, "0101054005", [(date(2026, 3, 2), 5, None), (date(2026, 9, 1), 7, None)]
    )
    dialog = CaseloadProgressionDialog(store, lambda: TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.figures_shown):
        dialog.show()
    rows = {r.indicator: r for r in dialog.model.rows}
    assert len(rows) == 9
    motivation = rows[Indicator.MOTIVATION]
    assert motivation.youths == 2
    assert motivation.caseworker_average == 3.0  # (+4 and +2) / 2
    assert motivation.youth_average == 1.0
    row = list(rows).index(Indicator.MOTIVATION)
    assert dialog.model.index(row, 2).data() == "+3,0"
    assert "latest score minus the first" in dialog.definition.text() or dialog.definition.text()

    # A period with no second score: nobody counts.
    with qtbot.waitSignal(dialog.figures_shown):
        dialog.start.setDate(dialog.start.date().addMonths(9))  # 1 October
    assert {r.indicator: r for r in dialog.model.rows}[Indicator.MOTIVATION].youths == 0
    assert dialog.model.index(row, 2).data() == "–"

    # The end before the start: a message at the field.
    with qtbot.waitSignal(dialog.figures_refused):
        dialog.end.setDate(dialog.start.date().addDays(-1))
    assert dialog.field_errors["end"].isVisible()
    dialog.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_descriptors_are_edited_saved_and_reset(qtbot, store: Store) -> None:
    dialog = DescriptorsDialog(store)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.descriptors_shown):
        dialog.show()
    page = dialog.page[Indicator.FINANCES]
    assert page.question.text()
    # An empty stage is refused with the domain's Danish message, on the right page.
    page.stages[2].setPlainText("   ")
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    error = dialog.field_errors["descriptors"]
    assert error.isVisible() and "Økonomi" in error.text()
    assert dialog.pages.currentWidget() is page

    page.stages[2].setPlainText("Betaler husleje til tiden de fleste måneder.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = progression.descriptors(store)[Indicator.FINANCES]
    assert saved.stages[2] == "Betaler husleje til tiden de fleste måneder."

    again = DescriptorsDialog(store)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.descriptors_shown):
        again.show()
    assert again.page[Indicator.FINANCES].stages[2].toPlainText().startswith("Betaler husleje")
    again.reset()
    box = again.confirm
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    with qtbot.waitSignal(again.descriptors_shown):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert again.saved.isVisible()
    shipped = progression.descriptors(store)[Indicator.FINANCES]
    assert shipped.stages[2] != "Betaler husleje til tiden de fleste måneder."
    assert again.page[Indicator.FINANCES].stages[2].toPlainText() == shipped.stages[2]
    again.reject()
    qtbot.waitUntil(lambda: not tasks.runner().busy)
