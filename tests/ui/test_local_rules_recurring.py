"""The local standards form can express a recurring standard ("every 2 months")."""

from __future__ import annotations

import tomllib
from datetime import date

import shiboken6
from PySide6.QtCore import Qt

from tests.ui.test_deadlines_view import open_add_form, open_rules
from ungedesk.domain.calendar import Unit
from ungedesk.domain.rule_parsing import parse_rules
from ungedesk.services import deadlines
from ungedesk.store.database import Store
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.rules.local_rules_dialog import LocalRuleInput


def test_a_recurring_standard_is_written_with_every_and_shown_as_such(
    qtbot, store: Store, window: MainWindow
) -> None:
    dialog = open_rules(qtbot, window)
    form = open_add_form(qtbot, dialog)
    qtbot.keyClicks(form.rule_id, "lokal-hver-2-maaned")
    qtbot.keyClicks(form.description, "Samtale mindst hver 2. måned")
    form.start_event.setCurrentIndex(form.start_event.findData("jobsamtale"))
    form.amount.setValue(2)
    form.count.setValue(3)
    form.recurs.setFocus()
    qtbot.keyClick(form.recurs, Qt.Key.Key_Space)
    assert form.recurs.isChecked()
    assert not form.count.isEnabled() and form.count.value() == 1
    form.groups["lab6_5"].setChecked(True)
    qtbot.keyClicks(form.source, "Kvalitetsstandard, Demo Kommune")
    text = form.values().to_toml()
    raw = tomllib.loads(text)["rule"][0]
    assert raw["every"] == {"months": 2} and "period" not in raw and "count" not in raw
    (parsed,) = parse_rules(text, local=True)
    assert parsed.recurs
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(form) or not form.isVisible(), timeout=10000)

    def shown() -> bool:
        items = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
        return any(
            "Lokal standard: Samtale mindst" in item.text(0)
            and item.text(1) == "Mindst hver 2 måneder"
            for item in items
        )

    qtbot.waitUntil(shown)
    assert "lokal-hver-2-maaned" in deadlines.local_rule_definitions(store)
    dialog.reject()


def test_a_recurring_standard_needs_a_period(qtbot, store: Store, window: MainWindow) -> None:
    dialog = open_rules(qtbot, window)
    form = open_add_form(qtbot, dialog)
    qtbot.keyClicks(form.rule_id, "lokal-nul")
    qtbot.keyClicks(form.description, "Hver 0. måned")
    form.amount.setValue(0)
    form.recurs.setChecked(True)
    form.groups["lab6_5"].setChecked(True)
    qtbot.keyClicks(form.source, "Kvalitetsstandard")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    error = form.field_errors["period"]
    assert error.isVisible()
    assert error.text() == "En løbende standard skal have en periode på mindst 1."
    assert form.amount.hasFocus()
    assert deadlines.local_rule_definitions(store) == {}
    form.recurs.setChecked(False)
    assert form.count.isEnabled()
    form.reject()
    dialog.reject()


def test_writer_keeps_count_for_n_within_m_months() -> None:
    values = LocalRuleInput(
        rule_id="lokal-visitation",
        description="3 samtaler i en visitationsperiode på 3 måneder",
        start_event="henvendelse",
        amount=3,
        unit=Unit.MONTHS,
        count=3,
        meets="jobsamtale",
        target_groups=("lab6_4",),
        valid_from=date(2026, 1, 1),
        tightens="lab-31-3-fire-jobsamtaler",
        source="Kvalitetsstandard",
    )
    (rule,) = parse_rules(values.to_toml(), local=True)
    assert (rule.recurs, rule.count, rule.period.amount) == (False, 3, 3)
