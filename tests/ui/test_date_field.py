"""Typing into a date field: every Danish spelling gives the date, a half or impossible date
stays visible with a message under the field, and the form cannot be saved with it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from ungedesk.ui.dates import date_field
from ungedesk.ui.editable_list import NO_DATE, OptionalDateField
from ungedesk.ui.widgets import DateField, add_row


def _form(qtbot: QtBot, field: DateField) -> tuple[QWidget, QLineEdit]:
    box = QWidget()
    form = QFormLayout(box)
    add_row(form, "Dato", field)
    other = QLineEdit()
    form.addRow("Andet", other)
    qtbot.addWidget(box)
    with qtbot.waitActive(box):  # focus events reach only the active window
        box.show()
        box.activateWindow()
    return box, other


@pytest.mark.parametrize("typed", ["15022026", "15-02-2026", "15.2.2026", "15/2/2026", "15.02.26"])
def test_typing_after_a_click_gives_the_date(qtbot: QtBot, typed: str) -> None:
    field = date_field(date(2026, 11, 20), latest=date(2026, 12, 1))
    _box, other = _form(qtbot, field)
    # A click in the middle of the month part, as a caseworker would click anywhere.
    qtbot.mouseClick(field.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field, typed)
    assert field.text() == typed  # shown as typed while typing
    other.setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus())
    assert field.date() == QDate(2026, 2, 15)
    assert field.text() == "15-02-2026"
    assert field.problem == ""
    assert not field.message.isVisible()


@pytest.mark.parametrize(
    ("typed", "says"),
    [("3102", "årstal"), ("31022026", "findes ikke"), ("2.12.2026", "efter 1.12.2026")],
)
def test_half_or_impossible_dates_say_so_at_the_field(qtbot: QtBot, typed: str, says: str) -> None:
    field = date_field(date(2026, 11, 20), latest=date(2026, 12, 1))
    _box, other = _form(qtbot, field)
    field.setFocus()
    qtbot.keyClicks(field, typed)
    other.setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus())
    assert says in field.problem
    assert field.message.isVisible() and says in field.message.text()
    assert field.text() == typed  # kept, never turned into 30 October or any other day
    assert field.date() == QDate(2026, 11, 20)  # the date is not changed by a half entry
    # Fixing it makes the message go.
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.problem == ""
    assert not field.message.isVisible()


def test_enter_does_not_pass_a_half_date_on(qtbot: QtBot) -> None:
    field = date_field(date(2026, 11, 20))
    _box, _other = _form(qtbot, field)
    field.setFocus()
    qtbot.keyClicks(field, "1.1.")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "årstal" in field.problem
    qtbot.keyClicks(field, "2026")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.problem == ""
    assert field.date() == QDate(2026, 1, 1)


def test_escape_puts_the_date_back(qtbot: QtBot) -> None:
    field = date_field(date(2026, 11, 20))
    _box, _other = _form(qtbot, field)
    field.setFocus()
    qtbot.keyClicks(field, "0303")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == "20-11-2026"
    assert not field.typing


def test_an_optional_date_is_typed_and_emptied(qtbot: QtBot) -> None:
    field = OptionalDateField(lambda: date(2026, 12, 1))
    _box, other = _form(qtbot, field)
    field.setFocus()
    qtbot.keyClicks(field, "1.3.2027")
    assert field.value() == date(2027, 3, 1)  # read before the field hears it is left
    other.setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus())
    assert field.value() == date(2027, 3, 1)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.date() == NO_DATE


def test_a_refused_date_stays_in_view_without_focus_changes(qtbot: QtBot) -> None:
    # The red frame is a style change, after which Qt redraws the field from its date.
    field = date_field(date(2026, 11, 20))
    _box, _other = _form(qtbot, field)
    qtbot.keyClicks(field, "3102")
    assert not field.commit_typed()
    assert field.text() == "3102"
    assert field.message.isVisible()
