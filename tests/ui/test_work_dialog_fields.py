"""Errors under a WorkDialog's fields go as soon as the field is edited, and a date field
holding a half date stops the save."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit
from pytestqt.qtbot import QtBot

from ungedesk.domain.errors import InputError
from ungedesk.ui.dates import date_field
from ungedesk.ui.widgets import MessageLabel, add_row
from ungedesk.ui.work_dialog import WorkDialog


class NameDialog(WorkDialog):
    """A name (checked by the dialog itself), a choice and a date."""

    def __init__(self) -> None:
        super().__init__("Gem")
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItems(["a", "b"])
        self.day = date_field(date(2026, 11, 20), latest=date(2026, 12, 1))
        for key in ("name", "kind", "day"):
            self.field_errors[key] = MessageLabel()
        form = QFormLayout()
        add_row(form, "Navn", self.name, self.field_errors["name"])
        add_row(form, "Slags", self.kind, self.field_errors["kind"])
        add_row(form, "Dato", self.day, self.field_errors["day"])
        self.body.addLayout(form)
        self.accepted_work = 0

    def accept_work(self) -> None:
        if not self.name.text().strip():
            self.field_errors["name"].show_message("Skriv et navn.")
            return
        self.accepted_work += 1


def _shown(qtbot: QtBot) -> NameDialog:
    dialog = NameDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_an_error_found_by_the_dialog_goes_when_the_field_is_edited(qtbot: QtBot) -> None:
    dialog = _shown(qtbot)
    dialog.ok_button.click()
    assert dialog.field_errors["name"].isVisible()
    qtbot.keyClicks(dialog.name, "S")
    assert not dialog.field_errors["name"].isVisible()


def test_errors_from_the_service_go_field_by_field(qtbot: QtBot) -> None:
    dialog = _shown(qtbot)
    dialog.show_known_error(InputError({"name": "Navnet er optaget.", "kind": "Forkert slags."}))
    assert dialog.field_errors["name"].isVisible()
    assert dialog.field_errors["kind"].isVisible()
    dialog.kind.setCurrentIndex(1)
    assert not dialog.field_errors["kind"].isVisible()
    assert dialog.field_errors["name"].isVisible()  # not edited yet: still says so
    qtbot.keyClicks(dialog.name, "x")
    assert not dialog.field_errors["name"].isVisible()


def test_a_half_date_stops_the_save(qtbot: QtBot) -> None:
    dialog = _shown(qtbot)
    dialog.name.setText("Sofie")
    dialog.day.setFocus()
    qtbot.keyClicks(dialog.day, "3102")
    dialog.ok_button.click()
    assert dialog.accepted_work == 0
    assert "årstal" in dialog.day.problem
    assert dialog.day.message.isVisible()
    qtbot.keyClick(dialog.day, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog.day, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.day, "1126")  # 31.11 does not exist
    dialog.ok_button.click()
    assert "findes ikke" in dialog.day.problem
    assert dialog.accepted_work == 0
    dialog.day.setFocus()
    for _ in range(6):
        qtbot.keyClick(dialog.day, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.day, "1.10.26")
    dialog.ok_button.click()
    assert dialog.accepted_work == 1
    assert dialog.day.date().toPython() == date(2026, 10, 1)
