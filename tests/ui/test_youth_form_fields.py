"""The young person's form as it is typed in: the postcode fills the town, a half date is
refused at the field, and an error under a field goes as soon as the field is edited."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ungedesk.services import youths
from ungedesk.store.database import Store
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.record.youth_form import YouthForm


def open_form(qtbot, window: MainWindow) -> YouthForm:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.form_is_open)
    form = window.form
    assert form is not None
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.waitUntil(lambda: bool(form._postcodes))  # the list is read on the worker
    return form


def test_four_digits_fill_the_town(qtbot, window: MainWindow) -> None:
    form = open_form(qtbot, window)
    qtbot.keyClicks(form.postal_code, "676")
    assert form.city.text() == ""
    qtbot.keyClicks(form.postal_code, "0")
    assert form.city.text() == "Ribe"
    # Another postcode replaces a town that came from the list.
    form.postal_code.clear()
    qtbot.keyClicks(form.postal_code, "2840")
    assert form.city.text() == "Holte"
    assert not form.postcode_hint.isVisible()
    qtbot.keyClick(form, Qt.Key.Key_Escape)


def test_a_town_typed_by_hand_is_kept(qtbot, window: MainWindow) -> None:
    form = open_form(qtbot, window)
    qtbot.keyClicks(form.city, "Seem")
    qtbot.keyClicks(form.postal_code, "6760")
    assert form.city.text() == "Seem"
    qtbot.keyClick(form, Qt.Key.Key_Escape)


def test_an_unknown_postcode_is_hinted_at_and_still_saved(
    qtbot, window: MainWindow, store: Store
) -> None:
    form = open_form(qtbot, window)
    form.cpr.setText("150305-4007")
    form.first_name.setText("Sofie")
    form.last_name.setText("Nørgaard")
    qtbot.keyClicks(form.postal_code, "9999")
    assert form.postcode_hint.isVisible()
    assert "findes ikke på listen" in form.postcode_hint.text()
    assert form.city.text() == ""
    qtbot.keyClicks(form.city, "Nyby")
    qtbot.keyClick(form.city, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    assert youths.count(store) == 1


def test_a_half_date_is_refused_at_the_field_and_not_saved(
    qtbot, window: MainWindow, store: Store
) -> None:
    form = open_form(qtbot, window)
    form.cpr.setText("150305-4007")
    form.first_name.setText("Sofie")
    form.last_name.setText("Nørgaard")
    form.henvendelse.setFocus()
    qtbot.keyClicks(form.henvendelse, "1502")  # day and month: never guessed into a date
    qtbot.keyClick(form.henvendelse, Qt.Key.Key_Return)
    assert form.henvendelse.message.isVisible()
    assert "årstal" in form.henvendelse.message.text()
    form.save_button.click()
    assert form.henvendelse.hasFocus()
    assert window.form_is_open()
    assert youths.count(store) == 0
    # Finishing the date makes the message go, and the form saves.
    qtbot.keyClicks(form.henvendelse, "2026")
    assert not form.henvendelse.message.isVisible()
    qtbot.keyClick(form.henvendelse, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    assert youths.count(store) == 1
    assert window.records.currentWidget().record.henvendelse_date == date(2026, 2, 15)


def test_an_error_goes_as_soon_as_its_field_is_edited(qtbot, window: MainWindow) -> None:
    form = open_form(qtbot, window)
    form.cpr.setText("150305-4007")
    form.first_name.setText("Sofie2")
    qtbot.keyClick(form.first_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.errors["last_name"].isVisible())
    assert form.errors["first_name"].isVisible()
    qtbot.keyClick(form.first_name, Qt.Key.Key_Backspace)
    assert not form.errors["first_name"].isVisible()  # edited: the error goes at once
    assert form.errors["last_name"].isVisible()  # the other field's error stays
    qtbot.keyClicks(form.last_name, "N")
    assert not form.errors["last_name"].isVisible()
    qtbot.keyClick(form, Qt.Key.Key_Escape)


def test_typed_date_reaches_the_record(qtbot, window: MainWindow) -> None:
    form = open_form(qtbot, window)
    form.cpr.setText("150305-4007")
    form.first_name.setText("Sofie")
    form.last_name.setText("Nørgaard")
    form.henvendelse.setFocus()
    qtbot.keyClicks(form.henvendelse, "15.2.2026")
    qtbot.keyClick(form.henvendelse, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    view = window.records.currentWidget()
    assert view.record.henvendelse_date == date(2026, 2, 15)
