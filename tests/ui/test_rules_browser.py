"""Regler → Regeloversigt, loading a rule file, and the expected-rules switch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from ungedesk.services import rulesets
from ungedesk.store.database import Store
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.rules.browser import LoadRulesDialog, RulesBrowserDialog

RULES = """version = "2099-01-01"

[[rule]]
id = "lab-31-5-foerste-jobsamtale"
description = "Første jobsamtale senest 2 uger efter henvendelsen"
start_event = "henvendelse"
once = true
period = { weeks = 2 }
meets = ["jobsamtale"]
target_groups = ["lab6_2", "lab6_4"]
valid_from = 2020-01-01
source = "LAB § 31, stk. 1"
sources = [{ from = 2024-01-01, source = "LAB § 31, stk. 5" }]

[[rule]]
id = "forventet-ny-lov"
description = "Samtale senest 10 dage efter henvendelsen"
start_event = "henvendelse"
once = true
period = { days = 10 }
meets = ["jobsamtale"]
target_groups = ["lab6_4"]
valid_from = 2027-01-01
source = "Forventet ny beskæftigelseslov"
expected = true
"""


def open_browser(qtbot, window: MainWindow) -> RulesBrowserDialog:
    window.rules_browser_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, RulesBrowserDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    return dialog


def column(dialog: RulesBrowserDialog, col: int) -> list[str]:
    model = dialog.model
    return [str(model.data(model.index(r, col))) for r in range(model.rowCount())]


def load(qtbot, browser: RulesBrowserDialog, path: Path) -> LoadRulesDialog:
    dialog = browser.open_load(path)
    qtbot.waitUntil(lambda: not dialog._running, timeout=20000)
    return dialog


def test_browser_filters_by_date_and_group_and_explains_a_rule(
    qtbot, store: Store, window: MainWindow, tmp_path: Path
) -> None:
    browser = open_browser(qtbot, window)
    assert "Regelsæt i brug" in browser.in_use.text()
    path = tmp_path / "regler.toml"
    path.write_text(RULES, encoding="utf-8")
    dialog = load(qtbot, browser, path)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.done_label.isVisible(), timeout=20000)
    qtbot.waitUntil(lambda: "2099-01-01" in browser.in_use.text())
    dialog.reject()

    browser.day.setDate(QDate(2023, 12, 31))
    assert column(browser, 0) == ["Første jobsamtale senest 2 uger efter henvendelsen"]
    assert column(browser, 1) == ["senest 2 uger efter henvendelsen"]
    assert column(browser, 3) == ["LAB § 31, stk. 1"]  # the source of that date
    assert column(browser, 4) == ["lov"]
    detail = browser.detail.toPlainText()
    assert "fra 1. jan. 2020" in detail and "LAB § 31, stk. 5 (fra 1. jan. 2024)" in detail
    browser.day.setDate(QDate(2027, 1, 1))
    assert column(browser, 3)[0] == "LAB § 31, stk. 5"
    assert column(browser, 4) == ["lov", "forventet lov (slået fra)"]
    browser.group.setCurrentIndex(browser.group.findData("lab6_2"))
    assert column(browser, 4) == ["lov"]
    browser.group.setCurrentIndex(browser.group.findData("lab6_1"))
    assert browser.model.rowCount() == 0
    assert "Ingen regel" in browser.detail.toPlainText()
    browser.reject()


def test_a_malformed_file_is_named_and_cannot_be_applied(
    qtbot, store: Store, window: MainWindow, tmp_path: Path
) -> None:
    browser = open_browser(qtbot, window)
    path = tmp_path / "forkert.toml"
    path.write_text(RULES.replace('source = "LAB § 31, stk. 1"', "source = 31"), encoding="utf-8")
    dialog = load(qtbot, browser, path)
    assert dialog.error.isVisible()
    assert "lab-31-5-foerste-jobsamtale" in dialog.error.text()
    assert "'source'" in dialog.error.text()
    assert not dialog.ok_button.isEnabled()
    assert rulesets.loaded_sets(store) == 0
    dialog.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    browser.reject()


def test_expected_rules_are_switched_on_after_a_warning(
    qtbot, store: Store, window: MainWindow, tmp_path: Path
) -> None:
    rulesets.apply(store, RULES.encode("utf-8"))
    browser = open_browser(qtbot, window)
    assert "slået fra" in browser.in_use.text()
    browser.expected_button.click()
    box = browser.confirm
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert "1 forventede regler" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "slået til" in browser.in_use.text(), timeout=20000)
    assert rulesets.listing(store).expected_enabled
    browser.reject()


def test_an_older_file_asks_to_load_anyway(
    qtbot, store: Store, window: MainWindow, tmp_path: Path
) -> None:
    rulesets.apply(store, RULES.replace("2099-01-01", "2099-06-01").encode("utf-8"))
    browser = open_browser(qtbot, window)
    path = tmp_path / "aeldre.toml"
    path.write_text(RULES, encoding="utf-8")
    dialog = load(qtbot, browser, path)
    assert dialog.preview is not None and dialog.preview.older
    assert dialog.ok_button.text() == "&Indlæs alligevel"
    assert "ældre" in dialog.error.text()
    dialog.reject()
    browser.reject()
    assert date(2099, 6, 1) == rulesets.listing(store).in_force.version


def test_no_expected_rules_nothing_to_switch(qtbot, store: Store, window: MainWindow) -> None:
    only_law = RULES[: RULES.index('[[rule]]\nid = "forventet-ny-lov"')]
    rulesets.apply(store, only_law.encode("utf-8"))
    browser = open_browser(qtbot, window)
    qtbot.waitUntil(lambda: "2099-01-01" in browser.in_use.text())
    assert not browser.expected_button.isEnabled()
    assert browser.expected_button.toolTip() == "Regelsættet i brug har ingen forventede regler."
    browser.reject()
