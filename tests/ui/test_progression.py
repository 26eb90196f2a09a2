"""The progression tab: a measurement entered from the keyboard, field errors for bad
scores, corrections with a reason, choosing indicators, and the series the charts get."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ungedesk.domain.progression import Indicator, MeasurementInput, ScoreInput, score_field
from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, progression, youths
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.progression.chart import ReadingKind, View, Who
from ungedesk.ui.progression.indicator_choice_dialog import IndicatorChoiceDialog
from ungedesk.ui.progression.measurement_dialog import MeasurementDialog, ScoreEdit
from ungedesk.ui.progression.panel import ProgressionPanel
from ungedesk.ui.record.record_view import RecordView

CPR = "1503054007"  # synthetic: born 15 March 2005
TODAY = date(2026, 11, 24)
CHOSEN = (Indicator.SKILLS, Indicator.HEALTH, Indicator.MOTIVATION)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def register(store: Store) -> int:
    me = caseworkers.current_user(store)
    assert me is not None
    return youths.register(
        store,
        YouthInput(CPR, "Sofie", "Nørgaard", date(2026, 1, 5), caseworker_id=me.id),
        today=TODAY,
    ).youth_id


def measure(
    store: Store, youth_id: int, day: date, scores: dict[Indicator, tuple[int, int | None]]
) -> int:
    return progression.record_measurement(
        store,
        youth_id,
        MeasurementInput(day, tuple(ScoreInput(i, cw, y) for i, (cw, y) in scores.items())),
        today=TODAY,
    )


@pytest.fixture
def youth(store: Store) -> int:
    youth_id = register(store)
    progression.choose_indicators(store, youth_id, CHOSEN, date(2026, 1, 5))
    return youth_id


def open_panel(qtbot, store: Store, youth_id: int) -> ProgressionPanel:
    panel = ProgressionPanel(store, youth_id, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(1200, 760)
    with qtbot.waitSignal(panel.screen_shown):
        panel.show()
    return panel


@pytest.fixture
def panel(qtbot, store: Store, youth: int) -> Iterator[ProgressionPanel]:
    view = open_panel(qtbot, store, youth)
    yield view
    view.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def open_new(qtbot, panel: ProgressionPanel) -> MeasurementDialog:
    panel.new_measurement()
    dialog = panel.dialog
    assert isinstance(dialog, MeasurementDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def type_keys(qtbot, keys: str) -> None:
    """Type into whatever has focus; "\t" is Tab."""
    for key in keys:
        if key == "\t":
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        else:
            qtbot.keyClicks(focused(), key)


def test_a_full_measurement_is_entered_with_the_keyboard(qtbot, store, youth, panel) -> None:
    dialog = open_new(qtbot, panel)
    first = dialog.rows[Indicator.SKILLS]
    assert focused() is first.caseworker
    # Skills: 8 / 10 ("1" then "0"), a comment; health: 4 / 9; motivation: 6, no own score.
    type_keys(qtbot, "8\t10\tSnakkede om praktik\t")
    assert focused() is dialog.rows[Indicator.HEALTH].caseworker
    # The descriptor beside the grid follows the focus and marks the typed stage.
    type_keys(qtbot, "4")
    assert dialog.descriptor.indicator is Indicator.HEALTH
    assert dialog.descriptor.current_stage == 2
    assert dialog.descriptor.sensitive.isVisibleTo(dialog)
    type_keys(qtbot, "\t9\t\t6\t\t")
    assert dialog.rows[Indicator.HEALTH].talk.text()  # 4 against 9: talk about it
    with qtbot.waitSignal(panel.screen_shown):  # the tab reads again after the save
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.result() == MeasurementDialog.DialogCode.Accepted

    saved = progression.get_progression(store, youth).latest()
    assert saved is not None
    assert saved.measured_on == TODAY
    got = {s.indicator: (s.caseworker_score, s.youth_score, s.comment) for s in saved.scores}
    assert got == {
        Indicator.SKILLS: (8, 10, "Snakkede om praktik"),
        Indicator.HEALTH: (4, 9, ""),
        Indicator.MOTIVATION: (6, None, ""),
    }
    # The tab shows it: latest scores, talk-about and sensitive markers, one measurement.
    rows = {r.indicator: r for r in panel.indicators.rows}
    assert (rows[Indicator.HEALTH].caseworker, rows[Indicator.HEALTH].youth) == (4, 9)
    # Talk about it, and sensitive: said in words, not a bare "følsom" after "Helbred".
    assert panel.indicators.note(rows[Indicator.HEALTH]) == "(!) (følsomt emne)"
    assert not panel.indicators.note(rows[Indicator.SKILLS])
    assert rows[Indicator.HEALTH].talk_about and not rows[Indicator.SKILLS].talk_about
    assert panel.measurements.rowCount() == 1


def test_score_field_typing_rules(qtbot) -> None:
    edit = ScoreEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "1")
    qtbot.keyClicks(edit, "0")
    assert edit.text() == "10"
    qtbot.keyClicks(edit, "3")  # a new digit replaces the score
    assert edit.text() == "3"
    qtbot.keyClicks(edit, "x-")  # no letters or signs
    assert edit.text() == "3"
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.score() == 4
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.score() is None
    edit.setText("12")  # pasted
    with pytest.raises(ValueError):
        edit.score()
    edit.clear()
    qtbot.keyClicks(edit, "1")
    qtbot.keyClicks(edit, "1")
    assert edit.text() == "11"  # kept as typed, never silently 1
    with pytest.raises(ValueError):
        edit.score()


def test_eleven_typed_in_a_score_is_refused_at_the_field(qtbot, store, youth, panel) -> None:
    dialog = open_new(qtbot, panel)
    skills = dialog.rows[Indicator.SKILLS]
    assert focused() is skills.caseworker
    type_keys(qtbot, "11")
    error = dialog.field_errors[score_field(Indicator.SKILLS, "caseworker")]
    assert error.isVisible()  # at once, not only at the save
    assert error.text() == "Scoren skal være fra 1 til 10."
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert error.isVisible()
    assert progression.get_progression(store, youth).measurements == ()
    # Correcting it takes the message away.
    skills.caseworker.setFocus()
    qtbot.keyClick(skills.caseworker, Qt.Key.Key_Backspace)
    type_keys(qtbot, "1")
    assert not error.isVisible()
    assert skills.caseworker.score() == 1
    dialog.reject()


def test_out_of_range_and_missing_scores_get_a_message_at_the_field(
    qtbot, store, youth, panel
) -> None:
    dialog = open_new(qtbot, panel)
    skills = dialog.rows[Indicator.SKILLS]
    motivation = dialog.rows[Indicator.MOTIVATION]
    skills.caseworker.setText("0")  # pasted: no score
    skills.youth.setText("5")
    dialog.rows[Indicator.HEALTH].caseworker.setText("6")
    # Motivation left without the caseworker's score.
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    out_of_range = dialog.field_errors[score_field(Indicator.SKILLS, "caseworker")]
    assert out_of_range.isVisible()
    assert "1 til 10" in out_of_range.text() or "1-10" in out_of_range.text()
    assert focused() is skills.caseworker  # the cursor goes to the first field in error
    assert not dialog.working  # caught before the database

    skills.caseworker.setText("5")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    missing = dialog.field_errors[score_field(Indicator.MOTIVATION, "caseworker")]
    qtbot.waitUntil(missing.isVisible)
    assert "motivation" in missing.text().lower()
    assert not out_of_range.isVisible()
    assert focused() is motivation.caseworker
    assert dialog.isVisible()
    assert progression.get_progression(store, youth).measurements == ()
    dialog.reject()


def test_a_measurement_is_corrected_with_a_reason_and_the_change_kept(qtbot, store, youth) -> None:
    m = measure(
        store,
        youth,
        date(2026, 3, 2),
        {Indicator.SKILLS: (3, 4), Indicator.HEALTH: (5, 5), Indicator.MOTIVATION: (2, 8)},
    )
    panel = open_panel(qtbot, store, youth)
    panel.measurement_table.selectRow(0)
    panel.correct_measurement()
    qtbot.waitUntil(
        lambda: isinstance(panel.dialog, MeasurementDialog) and panel.dialog.isVisible()
    )
    dialog = panel.dialog
    assert isinstance(dialog, MeasurementDialog)
    assert dialog.current is not None and dialog.current.id == m
    assert dialog.rows[Indicator.MOTIVATION].caseworker.text() == "2"
    assert "første" in dialog.history.text().lower() or dialog.history.text()
    dialog.rows[Indicator.MOTIVATION].caseworker.setText("6")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.field_errors["reason"].isVisible()  # the reason is required
    dialog.reason.setPlainText("Tastefejl")
    with qtbot.waitSignal(panel.screen_shown):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    latest = progression.get_progression(store, youth).latest()
    assert latest is not None and latest.corrected
    score = latest.score(Indicator.MOTIVATION)
    assert score is not None and score.caseworker_score == 6
    earlier = progression.corrections(store, m)
    assert [c.reason for c in earlier] == ["Tastefejl"]

    # The next correction shows the first one.
    panel.measurement_table.selectRow(0)
    panel.correct_measurement()
    qtbot.waitUntil(
        lambda: (
            isinstance(panel.dialog, MeasurementDialog)
            and panel.dialog is not dialog
            and panel.dialog.isVisible()
        )
    )
    second = panel.dialog
    assert isinstance(second, MeasurementDialog)
    assert "Tastefejl" in second.history.text()
    second.reject()
    panel.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_choosing_indicators_keeps_their_history(qtbot, store) -> None:
    youth_id = register(store)
    panel = open_panel(qtbot, store, youth_id)
    assert panel.empty.isVisible()  # explains to choose indicators first
    assert not panel.new_button.isEnabled()
    panel.choose_indicators()
    dialog = panel.dialog
    assert isinstance(dialog, IndicatorChoiceDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.boxes[Indicator.FINANCES].setChecked(True)
    dialog.boxes[Indicator.NETWORK].setChecked(True)
    with qtbot.waitSignal(panel.screen_shown):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert [r.indicator for r in panel.indicators.rows] == [
        Indicator.FINANCES,
        Indicator.NETWORK,
    ]
    assert not panel.empty.isVisible()
    assert panel.new_button.isEnabled()

    panel.choose_indicators()
    again = panel.dialog
    assert isinstance(again, IndicatorChoiceDialog) and again is not dialog
    qtbot.waitUntil(again.isVisible)
    assert again.history.rowCount() == 2
    again.boxes[Indicator.NETWORK].setChecked(False)
    with qtbot.waitSignal(panel.screen_shown):
        qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    assert not again.isVisible()
    assert [r.indicator for r in panel.indicators.rows] == [Indicator.FINANCES]
    history = progression.get_progression(store, youth_id).history
    network = [p for p in history if p.indicator is Indicator.NETWORK]
    assert network and network[0].dropped_on == TODAY
    panel.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_the_charts_are_fed_first_previous_and_latest(qtbot, store, youth) -> None:
    measure(store, youth, date(2026, 2, 2), {i: (2, 3) for i in CHOSEN})
    measure(store, youth, date(2026, 6, 1), {i: (4, 5) for i in CHOSEN})
    measure(
        store,
        youth,
        date(2026, 11, 2),
        {Indicator.SKILLS: (7, 8), Indicator.HEALTH: (6, None), Indicator.MOTIVATION: (3, 9)},
    )
    panel = open_panel(qtbot, store, youth)
    spider = panel.spider
    assert spider.indicators == CHOSEN
    # First and latest by default, both people: four polygons.
    drawn = {(line.who, line.kind): dict(line.points) for line in spider.lines}
    assert set(drawn) == {
        (Who.CASEWORKER, ReadingKind.FIRST),
        (Who.YOUTH, ReadingKind.FIRST),
        (Who.CASEWORKER, ReadingKind.LATEST),
        (Who.YOUTH, ReadingKind.LATEST),
    }
    assert drawn[(Who.CASEWORKER, ReadingKind.LATEST)] == {
        Indicator.SKILLS: 7,
        Indicator.HEALTH: 6,
        Indicator.MOTIVATION: 3,
    }
    # The young person did not score health the last time: that point is left out.
    assert drawn[(Who.YOUTH, ReadingKind.LATEST)] == {Indicator.SKILLS: 8, Indicator.MOTIVATION: 9}
    assert spider.marked == frozenset({Indicator.MOTIVATION})  # 3 against 9
    # The Qt series themselves: a closed polygon (first point repeated at the full turn).
    kinds = [(line.who, line.kind) for line in spider.lines]
    latest_cw = spider.chart.series()[kinds.index((Who.CASEWORKER, ReadingKind.LATEST))]
    assert latest_cw.name() == spider.lines[kinds.index((Who.CASEWORKER, ReadingKind.LATEST))].name
    points = [(p.x(), p.y()) for p in latest_cw.points()]
    assert points[0][0] == 0 and points[-1] == (3.0, points[0][1])

    panel.show_previous.setChecked(True)
    panel.view_caseworker.setChecked(True)
    assert {(line.who, line.kind) for line in spider.lines} == {
        (Who.CASEWORKER, ReadingKind.FIRST),
        (Who.CASEWORKER, ReadingKind.PREVIOUS),
        (Who.CASEWORKER, ReadingKind.LATEST),
    }
    assert len(spider.chart.series()) == 3
    assert len(spider.legend.entries) == 3
    panel.view_youth.setChecked(True)
    panel.show_first.setChecked(False)
    assert spider.who is View.YOUTH
    assert {(line.who, line.kind) for line in spider.lines} == {
        (Who.YOUTH, ReadingKind.PREVIOUS),
        (Who.YOUTH, ReadingKind.LATEST),
    }

    # The timeline follows the selected indicator.
    row = [r.indicator for r in panel.indicators.rows].index(Indicator.MOTIVATION)
    panel.indicator_table.selectRow(row)
    timeline = panel.timeline
    assert timeline.indicator is Indicator.MOTIVATION
    by_who = {line.who: [score for _day, score in line.points] for line in timeline.lines}
    assert by_who == {Who.CASEWORKER: [2, 4, 3], Who.YOUTH: [3, 5, 9]}
    assert timeline.talk_points == (date(2026, 11, 2),)
    panel.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_ctrl_m_in_the_record_opens_a_new_measurement(qtbot, store, youth) -> None:
    found = youths.get(store, youth)
    assert found is not None
    view = RecordView(store, found, lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitUntil(lambda: view.conversations.loaded and view.deadlines.loaded)
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    # Opening the record reads no progression (a logged, maybe special-category read).
    assert not view.progression.requested
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.tabs.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentWidget() is view.progression.parentWidget()
    # The tab reads its data now and opens the dialog when it arrives.
    qtbot.waitUntil(lambda: isinstance(view.progression.dialog, MeasurementDialog))
    dialog = view.progression.dialog
    assert isinstance(dialog, MeasurementDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: focused() is dialog.rows[Indicator.SKILLS].caseworker)
    dialog.reject()
    view.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)
