"""The record's deadlines with exemptions (waive and revoke dialogs), provisional and
skipped-day notes, the Frister view's exempt share, and the closing days in settings."""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Qt

from ungedesk.domain.calendar import ClosedDay, ClosingDay
from ungedesk.domain.rules import Status
from ungedesk.domain.youth import YouthInput
from ungedesk.services import closing_days, deadlines, visitation, waivers, youths
from ungedesk.services.deadlines import DeadlineView, Overview, WaiverNote
from ungedesk.services.preferences import load_settings
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store
from ungedesk.ui import changes, tasks
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.deadlines.view import DeadlinesView
from ungedesk.ui.settings.dialog import SettingsDialog
from ungedesk.ui.visitation.deadlines_panel import DeadlinesModel, DeadlinesPanel
from ungedesk.ui.visitation.waiver_dialogs import RevokeWaiverDialog, WaiveDialog

HENV = date(2026, 8, 3)
RULE = "kontakt-3-maaneder"
WAIVABLE = f"""
[[rule]]
id = "{RULE}"
description = "Jobsamtale senest 3 måneder efter henvendelsen (kontaktforløb)"
start_event = "henvendelse"
once = true
waivable = true
period = {{ months = 3 }}
meets = ["jobsamtale"]
target_groups = ["lab6_2"]
valid_from = 2026-07-01
source = "LAB § 31 (fra 1. juli 2026)"
"""


def view(**changes: object) -> DeadlineView:
    values: dict[str, object] = {
        "youth_id": 1,
        "rule_id": "kui",
        "description": "Kontakt senest 5 arbejdsdage",
        "source": "KUI",
        "local": False,
        "start": date(2026, 12, 22),
        "due": date(2027, 1, 4),
        "status": Status.OPEN,
        "done": 0,
        "needed": 1,
        "met_on": None,
        "due_closed": None,
        "tightened_by": (),
    }
    values.update(changes)
    return DeadlineView(**values)  # type: ignore[arg-type]


def test_exempt_provisional_and_skipped_days_read_in_danish(qapp) -> None:
    model = DeadlinesModel()
    exempt = view(
        rule_id="contact",
        description="Jobsamtale i kontaktforløbet",
        status=Status.EXEMPT,
        due=date(2026, 11, 3),
        waivable=True,
        waiver=WaiverNote(7, date(2026, 10, 20), "Lise Holm (LH)", "I behandling"),
    )
    provisional = view(
        rule_id="first",
        description="Første jobsamtale",
        status=Status.OVERDUE,
        due=date(2026, 11, 17),
        provisional=True,
    )
    kui = view(
        working_days=True,
        skipped=(
            ClosedDay(date(2026, 12, 24), "Juleaftensdag", closing=True),
            ClosedDay(date(2026, 12, 25), "Juledag"),
        ),
    )
    model.set_rows([exempt, provisional, kui])
    assert model.index(0, 3).data() == "⊘ Fritaget 20. okt. 2026"
    assert (
        "Fritaget ved afgørelse af 20. okt. 2026 (Lise Holm (LH)): I behandling"
        in model.index(0, 0).data()
    )
    assert model.index(1, 3).data() == "✖ Overskredet (foreløbig)"
    assert "Foreløbig: ingen målgruppe endnu" in model.index(1, 0).data()
    tip = model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Arbejdsdagene springer over: 24/12 Juleaftensdag (lukkedag), 25/12 Juledag" in tip


def register(store: Store, cpr: str, today: date) -> int:
    youth_id = youths.register(
        store,
        YouthInput(cpr, "Sara", "Nielsen", HENV, caseworker_id=1),
        today=today,
    ).youth_id
    visitation.save(
        store, youth_id, VisitationInput(visited_on=HENV, target_group="lab6_2"), today=today
    )
    return youth_id


def select(panel: DeadlinesPanel, rule_id: str) -> None:
    row = next(i for i, v in enumerate(panel.model.rows) if v.rule_id == rule_id)
    panel.table.selectRow(row)


def test_waive_and_revoke_through_the_dialogs(qtbot, store: Store, today: date) -> None:
    deadlines.add_local_rule(store, WAIVABLE)
    youth_id = register(store, "010203-4562", today)
    panel = DeadlinesPanel(store, youth_id, lambda: today)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.loaded)
    assert panel.buttons.isVisibleTo(panel) and not panel.waivers_box.isVisibleTo(panel)
    select(panel, "lab-31-5-foerste-jobsamtale")  # the law gives no exemption here
    assert not panel.waive_button.isEnabled()
    select(panel, RULE)
    assert panel.waive_button.isEnabled() and not panel.revoke_button.isEnabled()

    panel.waive_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, WaiveDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.ok_button.click()  # no reason given
    qtbot.waitUntil(lambda: dialog.field_errors["reason"].isVisible())
    assert "begrundelsen" in dialog.field_errors["reason"].text()
    assert tasks.runner().call_blocking(waivers.for_youth, store, youth_id) == []
    dialog.decided_by.setText("Leder Lise Holm (LH)")
    dialog.reason.setPlainText("Konkret vurdering: i behandling på fuld tid.")
    announced: list[Change] = []
    changes.bus().changed.connect(announced.append)
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        dialog.ok_button.click()
    # The exemption is announced for this young person, so every open view follows.
    assert [(c.aspects, c.youth_id) for c in announced] == [
        (frozenset({Aspect.DEADLINES}), youth_id)
    ]
    exempt = next(v for v in panel.model.rows if v.rule_id == RULE)
    assert exempt.status is Status.EXEMPT
    row = panel.model.rows.index(exempt)
    assert panel.model.index(row, 3).data() == "⊘ Fritaget 24. nov. 2026"
    assert panel.waivers_box.isVisibleTo(panel)
    assert panel.waivers_model.index(0, 2).data() == "Leder Lise Holm (LH)"
    assert panel.waivers_model.index(0, 4).data() == "Gælder"

    select(panel, RULE)
    assert panel.revoke_button.isEnabled() and not panel.waive_button.isEnabled()
    panel.revoke_button.click()
    revoke = panel.dialog
    assert isinstance(revoke, RevokeWaiverDialog)
    qtbot.waitUntil(revoke.isVisible)
    revoke.reason.setPlainText("Behandlingen er afsluttet.")
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        revoke.ok_button.click()
    again = next(v for v in panel.model.rows if v.rule_id == RULE)
    assert again.status is Status.OVERDUE
    assert panel.waivers_model.rowCount() == 1  # kept in the history
    assert panel.waivers_model.index(0, 4).data() == (
        "24. nov. 2026 (Anne Bjerregaard (ABJ)): Behandlingen er afsluttet."
    )
    panel.close()


def test_frister_shows_the_exempt_share_and_warns_above_25_percent(
    qtbot, store: Store, today: date
) -> None:
    deadlines.add_local_rule(store, WAIVABLE)
    ids = [register(store, cpr, today) for cpr in ("010203-4562", "020304-4561", "030405-4560")]
    waivers.waive(store, ids[0], RULE, HENV, date(2026, 10, 20), "Vurdering", today=today)
    waivers.waive(store, ids[1], RULE, HENV, date(2026, 10, 20), "Vurdering", today=today)
    waivers.waive(
        store,
        ids[0],
        "lab-31-3-fire-jobsamtaler",
        HENV,
        date(2026, 10, 20),
        "Vurdering",
        today=today,
    )
    frister = DeadlinesView(store, lambda: today)
    qtbot.addWidget(frister)
    frister.everyone.setChecked(True)
    frister.show()
    qtbot.waitUntil(lambda: frister.model.loaded and not frister.loading)
    # Each jobparat young person has 3 waivable deadlines (the local contact rule, the
    # 4 jobsamtaler and the offer from 1 July 2026): 3 of 9 exempt is 33,3 %, above 25 %.
    assert frister.exempt.text() == (
        "⚠ Fritaget: 3 (33,3 % af 9 frister i kontaktforløbet), over 25 %"
    )
    assert "over 25 %" in frister.exempt.toolTip()
    # Overdue: the three first samtaler (due 10 August) and the one contact deadline that
    # is not exempt (due 3 November); the exempt ones are not among them.
    assert frister.model.overdue_total == 4
    frister._show_exempt(Overview(0, [], [], [], exempt_total=1, waivable_total=8))
    assert frister.exempt.text() == "Fritaget: 1 (12,5 % af 8 frister i kontaktforløbet)"
    frister.close()


def test_settings_change_closing_days_and_recompute(qtbot, store: Store, today: date) -> None:
    current = tasks.runner().call_blocking(load_settings, store)
    assert current.closed_days == frozenset(ClosingDay)
    dialog = SettingsDialog(store, current)
    qtbot.addWidget(dialog)
    dialog.show()
    assert all(box.isChecked() for box in dialog.closing.values())
    dialog.closing[ClosingDay.JULEAFTEN].setChecked(False)
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(saved))
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert tasks.runner().call_blocking(closing_days.closed_days, store) == frozenset(
        {ClosingDay.GRUNDLOVSDAG, ClosingDay.NYTAARSAFTEN}
    )
