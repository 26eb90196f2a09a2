"""The plan screen's one-operation-per-action shape, seen from the caseworker's side: save,
hand out and save the PDF of an edited plan costs two transactions and writes exactly the
log rows the actions imply; a panel closed while its work runs gets no callback."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import event
from sqlalchemy.engine import Connection

from ungedesk.domain.plan import GoalType, PlanContent
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, caseworkers, youths
from ungedesk.services import plan as plan_service
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.ui import changes, tasks
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.operations import close_widget
from ungedesk.ui.plan.dialogs import HandOutDialog
from ungedesk.ui.plan.panel import PlanPanel

NOW = datetime(2026, 11, 24, 12, 0)
TODAY = NOW.date()
CPR = "1503054007"  # synthetic


@pytest.fixture
def youth_id(store: Store) -> int:
    me = caseworkers.current_user(store)
    assert me is not None
    youth_id = youths.register(
        store,
        YouthInput(CPR, "Sofie", "Nørgaard", date(2026, 11, 2), caseworker_id=me.id),
        today=TODAY,
    ).youth_id
    plan_service.save_plan(
        store, youth_id, PlanContent(goal_type=GoalType.FGU), today=TODAY, now=NOW
    )
    return youth_id


@pytest.fixture
def panel(qtbot, store: Store, youth_id: int) -> Iterator[PlanPanel]:
    view = PlanPanel(store, youth_id, lambda: TODAY, lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    with qtbot.waitSignal(view.draft_shown, timeout=10_000):
        view.show()
    yield view
    view.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def last_event_id(store: Store, youth_id: int) -> int:
    return max(e.id for e in audit.events_for_youth(store, youth_id))


def test_hand_out_and_pdf_of_an_edited_plan_is_two_transactions_and_three_log_rows(
    qtbot,
    panel: PlanPanel,
    store: Store,
    youth_id: int,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *_a: (str(tmp_path / "plan.pdf"), ""),
    )
    before = last_event_id(store, youth_id)
    committed: list[int] = []

    def on_commit(_conn: Connection) -> None:
        committed.append(1)

    event.listen(store.engine, "commit", on_commit)
    try:
        panel.form.programme.setText("FGU Produktionsgrunduddannelse")
        assert panel.dirty
        panel.hand_out_button.click()
        dialog = panel.dialog
        assert isinstance(dialog, HandOutDialog) and dialog.unsaved.isVisible()
        with qtbot.waitSignal(panel.draft_shown, timeout=10_000):
            dialog.ok_button.click()
        assert not panel.dirty
        assert panel.draft is not None and [v.number for v in panel.draft.versions] == [1]
        panel.save_pdf_button.click()
        qtbot.waitUntil(lambda: (tmp_path / "plan.pdf").exists() and not panel.busy.isVisible())
        qtbot.waitUntil(lambda: not tasks.runner().busy)
    finally:
        event.remove(store.engine, "commit", on_commit)

    assert len(committed) == 2
    rows = [
        (e.action, e.detail)
        for e in sorted(audit.events_for_youth(store, youth_id), key=lambda e: e.id)
        if e.id > before
    ]
    assert rows == [
        (Action.UPDATE, "Uddannelsesplan gemt: Uddannelse/job"),
        (Action.UPDATE, "Plan udleveret (version 1)"),
        (Action.EXPORT, "Uddannelsesplan, version 1 som PDF"),
    ]


def test_a_closed_panel_gets_no_answer_but_the_change_is_announced(
    qtbot, store: Store, youth_id: int
) -> None:
    panel = PlanPanel(store, youth_id, lambda: TODAY, lambda: NOW)
    with qtbot.waitSignal(panel.draft_shown, timeout=10_000):
        panel.show()
    seen: list[Change] = []
    bugs: list[BaseException] = []
    changes.bus().changed.connect(seen.append)
    tasks.runner().unexpected_error.connect(bugs.append)
    shown: list[object] = []
    panel.draft_shown.connect(shown.append)
    panel.form.programme.setText("Tømrer")
    panel.save()
    close_widget(panel)  # the record is closed while the save runs
    qtbot.waitUntil(lambda: bool(seen))
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    # The save happened and is announced; the closed panel was not called back, and no
    # bug was reported on the way.
    assert seen[0].touches(Aspect.PLAN) and seen[0].about(youth_id)
    assert shown == [] and bugs == []
    assert plan_service.get_plan(store, youth_id, now=NOW).content.programme == "Tømrer"
