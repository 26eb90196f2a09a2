"""The progression tab's operations: a tab closed while it reads or saves gets no callback
and no error; Ctrl+M during a read opens the dialog from that read; the tab and the
caseload figures refresh from the change bus, and a hidden tab only when next shown."""

from __future__ import annotations

import threading
from datetime import date
from functools import partial

from PySide6.QtWidgets import QTabWidget, QWidget

from ungedesk.domain.progression import Indicator, MeasurementInput, ScoreInput
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, caseworkers, progression, youths
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.ui import changes, tasks
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.operations import close_widget
from ungedesk.ui.progression.caseload_dialog import CaseloadProgressionDialog
from ungedesk.ui.progression.measurement_dialog import MeasurementDialog
from ungedesk.ui.progression.panel import ProgressionPanel

TODAY = date(2026, 11, 24)
CHOSEN = (Indicator.SKILLS, Indicator.MOTIVATION)


def register(store: Store, cpr: str) -> int:
    me = caseworkers.current_user(store)
    assert me is not None
    youth_id = youths.register(
        store,
        YouthInput(cpr, "Sofie", "Nørgaard", date(2026, 1, 5), caseworker_id=me.id),
        today=TODAY,
    ).youth_id
    progression.choose_indicators(store, youth_id, CHOSEN, date(2026, 1, 5))
    return youth_id


def measure(store: Store, youth_id: int, on: date, skills: int) -> None:
    progression.record_measurement(
        store,
        youth_id,
        MeasurementInput(on, (ScoreInput(Indicator.SKILLS, skills, None),)),
        today=TODAY,
    )


def progression_reads(store: Store, youth_id: int) -> int:
    return sum(
        1
        for e in audit.events_for_youth(store, youth_id)
        if e.action is Action.READ and e.detail == "Progression"
    )


def hold_worker(runner: tasks.TaskRunner) -> threading.Event:
    """Keep the worker busy until the returned gate is set: work queued meanwhile waits."""
    gate = threading.Event()
    runner.run(gate.wait, 5)
    return gate


def test_a_tab_closed_while_it_reads_gets_no_callback(
    qtbot, store: Store, runner: tasks.TaskRunner
) -> None:
    youth_id = register(store, "1503054007")
    record = QWidget()  # stands in for the record tab that holds the panel
    qtbot.addWidget(record)
    panel = ProgressionPanel(store, youth_id, lambda: TODAY, record)
    shown: list[bool] = []
    panel.screen_shown.connect(partial(shown.append, True))
    gate = hold_worker(runner)
    record.show()  # the panel is shown and asks for its read, queued behind the gate
    assert panel.requested and runner.busy
    close_widget(panel)
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert shown == []
    assert runner.unhandled == []  # type: ignore[attr-defined]
    # The read itself ran (and is logged); only its result was not wanted.
    assert progression_reads(store, youth_id) == 1


def test_a_tab_closed_while_its_dialog_saves_gets_no_callback(
    qtbot, store: Store, runner: tasks.TaskRunner
) -> None:
    youth_id = register(store, "1503054007")
    panel = ProgressionPanel(store, youth_id, lambda: TODAY)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.screen_shown):
        panel.show()
    panel.new_measurement()
    dialog = panel.dialog
    assert isinstance(dialog, MeasurementDialog)
    dialog.rows[Indicator.SKILLS].caseworker.setText("6")
    dialog.rows[Indicator.MOTIVATION].caseworker.setText("4")
    announced: list[Change] = []
    changes.bus().changed.connect(announced.append)
    gate = hold_worker(runner)
    dialog.ok_button.click()
    assert dialog.working
    close_widget(panel)  # the record closes; the dialog goes with it
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    changes.bus().changed.disconnect(announced.append)
    assert dialog.saved_id is None  # no success callback into the closed dialog
    assert runner.unhandled == []  # type: ignore[attr-defined]
    # The store changed all the same, and the other views were told.
    saved = progression.get_progression(store, youth_id).latest()
    assert saved is not None and saved.score(Indicator.SKILLS) is not None
    assert [(c.aspects, c.youth_id) for c in announced] == [
        (frozenset({Aspect.PROGRESSION}), youth_id)
    ]
    # The closed tab did not read again: the one read at opening, and get_progression above.
    assert progression_reads(store, youth_id) == 2


def test_ctrl_m_during_the_first_read_opens_the_dialog_from_that_read(
    qtbot, store: Store, runner: tasks.TaskRunner
) -> None:
    youth_id = register(store, "1503054007")
    panel = ProgressionPanel(store, youth_id, lambda: TODAY)
    qtbot.addWidget(panel)
    gate = hold_worker(runner)
    panel.show()  # the first read, still waiting
    panel.new_measurement()
    gate.set()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, MeasurementDialog))
    dialog = panel.dialog
    assert isinstance(dialog, MeasurementDialog)
    assert list(dialog.rows) == list(CHOSEN)
    qtbot.waitUntil(lambda: not runner.busy)
    assert progression_reads(store, youth_id) == 1  # one read served both
    dialog.reject()


def test_the_tab_refreshes_from_the_change_bus(
    qtbot, store: Store, runner: tasks.TaskRunner
) -> None:
    youth_id = register(store, "1503054007")
    other = register(store, "0101054005")
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "Stamdata")
    panel = ProgressionPanel(store, youth_id, lambda: TODAY)
    tabs.addTab(panel, "Progression")
    tabs.setCurrentWidget(panel)
    with qtbot.waitSignal(panel.screen_shown):
        tabs.show()
    assert panel.measurements.rowCount() == 0

    # Another young person's change, or one the tab does not show: no read.
    changes.bus().changed.emit(Change.of(Aspect.PROGRESSION, youth_id=other))
    changes.bus().changed.emit(Change.of(Aspect.PLAN, youth_id=youth_id))
    assert not runner.busy

    # This young person's new measurement while the tab is on screen: read at once.
    measure(store, youth_id, date(2026, 3, 2), 5)
    with qtbot.waitSignal(panel.screen_shown):
        changes.bus().changed.emit(Change.of(Aspect.PROGRESSION, youth_id=youth_id))
    assert panel.measurements.rowCount() == 1

    # While another tab is in front: nothing read until the tab is shown again.
    tabs.setCurrentIndex(0)
    changes.bus().changed.emit(Change.of(Aspect.CONVERSATIONS, youth_id=youth_id))
    assert not runner.busy and not panel.requested
    reads = progression_reads(store, youth_id)
    with qtbot.waitSignal(panel.screen_shown):
        tabs.setCurrentWidget(panel)
    assert progression_reads(store, youth_id) == reads + 1


def test_the_caseload_figures_refresh_after_a_progression_change(
    qtbot, store: Store, runner: tasks.TaskRunner
) -> None:
    youth_id = register(store, "1503054007")
    dialog = CaseloadProgressionDialog(store, lambda: TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.figures_shown):
        dialog.show()
    skills = list(Indicator).index(Indicator.SKILLS)
    assert dialog.model.rows[skills].youths == 0
    measure(store, youth_id, date(2026, 2, 2), 3)
    measure(store, youth_id, date(2026, 6, 1), 7)
    with qtbot.waitSignal(dialog.figures_shown):
        changes.bus().changed.emit(Change.of(Aspect.PROGRESSION, youth_id=youth_id))
    assert dialog.model.rows[skills].youths == 1
    assert dialog.model.rows[skills].caseworker_average == 4.0  # 3 -> 7
    dialog.close()
