"""Registering a young person through the form, keyboard only, then finding them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ungedesk.domain.youth import YouthInput
from ungedesk.services import caseworkers, youths
from ungedesk.store.database import Store
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.record.record_view import RecordView
from ungedesk.ui.record.youth_form import YouthForm

CPR = "1503054007"  # synthetic: born 15 March 2005, passes modulus 11


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def type_and_tab(qtbot, text: str) -> None:
    if text:
        qtbot.keyClicks(focused(), text)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)


def open_form(qtbot, window: MainWindow) -> YouthForm:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.form_is_open)
    form = window.form
    assert form is not None
    qtbot.waitUntil(form.isActiveWindow)
    return form


def register(store: Store, cpr: str, first: str, last: str, today: date) -> int:
    me = caseworkers.current_user(store)
    assert me is not None
    outcome = youths.register(
        store,
        YouthInput(cpr, first, last, today, caseworker_id=me.id),
        today=today,
    )
    return outcome.youth_id


def test_register_with_keyboard_only_then_search(qtbot, window: MainWindow, store: Store) -> None:
    form = open_form(qtbot, window)
    assert focused() is form.cpr
    type_and_tab(qtbot, "150305-4007")
    assert "15. mar. 2005" in form.cpr_info.text()
    assert "21 år" in form.cpr_info.text()
    assert "mand" in form.cpr_info.text()
    assert focused() is form.first_name
    type_and_tab(qtbot, "Sofie")
    type_and_tab(qtbot, "Nørgaard")
    type_and_tab(qtbot, "Algade 3, 2. th")
    type_and_tab(qtbot, "6760")
    type_and_tab(qtbot, "Ribe")
    type_and_tab(qtbot, "20 30 40 50")
    qtbot.keyClicks(focused(), "sofie@example.dk")
    assert focused() is form.email
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.records.count() == 1)
    qtbot.waitUntil(lambda: window.model.total == 1)
    assert not window.form_is_open()
    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    assert view.record.name == "Sofie Nørgaard"
    assert view.record.phone == "20 30 40 50"
    case_number = view.record.case_number
    assert case_number == "U-2026-00001"
    assert window.model.index(0, 0).data() == "Sofie Nørgaard"
    assert window.model.index(0, 1).data() == "150305-xxxx"

    register(store, "0206074000", "Jonas", "Hansen", date(2026, 11, 1))
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 2)

    window.focus_search()
    for query in ("sofie", "nørg", "150305-4007", "1503054007", case_number, "Sofie Nørgaard"):
        window.search.clear()
        qtbot.keyClicks(window.search, query)
        assert window.model.rowCount() == 1, query
        assert window.model.index(0, 0).data() == "Sofie Nørgaard", query
        assert window.count.text() == "1 af 2 unge"
    window.search.clear()
    assert window.model.rowCount() == 2
    assert window.count.text() == "2 unge"


def test_escape_in_search_clears_it(qtbot, window: MainWindow, store: Store, today) -> None:
    register(store, CPR, "Sofie", "Nørgaard", today)
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 1)
    window.focus_search()
    qtbot.keyClicks(window.search, "zzz")
    assert window.model.rowCount() == 0
    assert window.list_stack.currentWidget() is window.empty_page
    assert window.empty.text() == "Ingen unge matcher søgningen. Tryk Esc for at rydde den."
    assert not window.register_first.isVisible()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    assert window.model.rowCount() == 1


def test_enter_in_search_opens_the_only_match(qtbot, window: MainWindow, store: Store, today):
    register(store, CPR, "Sofie", "Nørgaard", today)
    register(store, "0206074000", "Jonas", "Hansen", today)
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 2)
    # Down goes into the list from the search field only (a shortcut of the field, not of
    # the window: Down in a record's tables must move there): the field has focus.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "a")
    qtbot.keyClick(window.search, Qt.Key.Key_Down)  # into the list
    assert window.table.hasFocus()
    assert window.table.selectionModel().selectedRows()[0].row() == 0
    window.focus_search()
    window.search.clear()
    qtbot.keyClicks(window.search, "jonas")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    assert view.record.first_name == "Jonas"


def test_known_cpr_offers_the_existing_record(qtbot, window: MainWindow, store: Store, today):
    existing = register(store, CPR, "Sofie", "Nørgaard", today)
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 1)
    form = open_form(qtbot, window)
    qtbot.keyClicks(form.cpr, "1503054007")
    qtbot.waitUntil(form.open_existing_button.isVisible)
    assert "allerede registreret" in form.duplicate.text()
    qtbot.keyClick(form.cpr, Qt.Key.Key_Tab)
    assert focused() is form.open_existing_button
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    assert not window.form_is_open()
    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    assert view.record.id == existing
    assert youths.count(store) == 1


def test_saving_a_known_cpr_opens_that_record_instead_of_a_twin(
    qtbot, window: MainWindow, store: Store, today
) -> None:
    existing = register(store, CPR, "Sofie", "Nørgaard", today)
    form = open_form(qtbot, window)
    # Typed fast and saved before the duplicate check answered: the service still refuses
    # to create a twin and the existing record opens.
    form.cpr.setText("150305-4007")
    form.first_name.setText("Sofie")
    form.last_name.setText("Nørgaard")
    qtbot.keyClick(form.last_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    assert view.record.id == existing
    assert youths.count(store) == 1


def test_field_errors_shown_next_to_fields_and_nothing_saved(
    qtbot, window: MainWindow, store: Store
) -> None:
    form = open_form(qtbot, window)
    qtbot.keyClicks(form.cpr, "150305-4000")  # fails modulus 11: a warning only
    assert form.cpr_warning.isVisible()
    assert "modulus 11" in form.cpr_warning.text()
    form.first_name.setText("Sofie2")
    form.postal_code.setText("67")
    form.phone.setText("abc")
    form.email.setText("sofie@")
    qtbot.keyClick(form.email, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.errors["last_name"].isVisible())
    assert form.errors["first_name"].text() == "Et navn kan ikke indeholde tal."
    assert form.errors["last_name"].text() == "Skriv den unges efternavn."
    assert form.errors["postal_code"].text() == "Postnummeret skal være 4 cifre."
    assert form.errors["phone"].isVisible()
    assert form.errors["email"].isVisible()
    assert not form.errors["cpr"].isVisible()
    assert focused() is form.first_name  # the first field with an error
    assert window.form_is_open()
    assert youths.count(store) == 0

    # Fixing them saves.
    form.first_name.setText("Sofie")
    form.last_name.setText("Nørgaard")
    form.postal_code.setText("6760")
    form.phone.setText("")
    form.email.setText("")
    qtbot.keyClick(form.email, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    assert youths.count(store) == 1


def test_cpr_errors_while_typing(qtbot, window: MainWindow) -> None:
    form = open_form(qtbot, window)
    qtbot.keyClicks(form.cpr, "3102")
    assert not form.errors["cpr"].isVisible()  # still typing: no nagging
    qtbot.keyClicks(form.cpr, "054007")
    assert form.errors["cpr"].isVisible()
    assert "ikke findes" in form.errors["cpr"].text()
    form.cpr.clear()
    qtbot.keyClicks(form.cpr, "1503")
    qtbot.keyClick(form.cpr, Qt.Key.Key_Tab)
    assert form.errors["cpr"].text() == "CPR-nummeret skal have 10 cifre, fx 010203-1234."
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.form_is_open())


def test_enter_saves_from_the_date_and_list_fields_too(
    qtbot, window: MainWindow, store: Store
) -> None:
    form = open_form(qtbot, window)
    form.cpr.setText("150305-4007")
    form.first_name.setText("Sofie")
    form.last_name.setText("Nørgaard")
    for _ in range(8):  # CPR -> ... -> henvendelse, by keyboard
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.henvendelse
    qtbot.keyClicks(focused(), "03032026")  # the parts fill one after the other
    assert form.henvendelse.date().toPython() == date(2026, 3, 3)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # Tab leaves the date, not day -> month
    assert focused() is form.benefit
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # next benefit in the list
    assert form.benefit.currentIndex() == 1
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.caseworker
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    assert youths.count(store) == 1
    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    assert view.record.henvendelse_date == date(2026, 3, 3)


def test_a_cpr_typed_in_fullwidth_digits_is_the_known_person(
    qtbot, window: MainWindow, store: Store, today
) -> None:
    # Issue 10: "１５０３０５－４００７" was a new person beside "150305-4007".
    existing = register(store, CPR, "Sofie", "Nørgaard", today)
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 1)
    form = open_form(qtbot, window)
    form.cpr.setText("\uff11\uff15\uff10\uff13\uff10\uff15\uff0d\uff14\uff10\uff10\uff17")
    qtbot.waitUntil(form.open_existing_button.isVisible)
    qtbot.keyClick(form.cpr, Qt.Key.Key_Tab)
    assert form.cpr.text() == "150305-4007"  # shown as it is stored
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    assert view.record.id == existing
    assert youths.count(store) == 1
    window.search.setText("\uff11\uff15\uff10\uff13\uff10\uff15")
    assert window.model.rowCount() == 1


def test_a_typo_offers_did_you_mean_and_clicking_it_searches(
    qtbot, window: MainWindow, store: Store, today
) -> None:
    register(store, CPR, "Abdallah", "Nørgaard", today)
    register(store, "0206074000", "Jonas", "Hansen", today)
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 2)
    window.focus_search()
    qtbot.keyClicks(window.search, "Abdalah")
    assert window.list_stack.currentWidget() is window.empty_page
    assert window.suggestion.isVisible()
    assert window.suggestion.text() == "Måske mente du: Abdallah"
    qtbot.mouseClick(window.suggestion, Qt.MouseButton.LeftButton)
    assert window.search.text() == "Abdallah"
    assert window.search.hasFocus()
    assert window.model.rowCount() == 1
    assert window.model.youth_id(0) == 1
    assert not window.suggestion.isVisible()
    # Nothing close: no suggestion, only the empty state's own text.
    window.search.setText("Xyzzyq")
    assert window.list_stack.currentWidget() is window.empty_page
    assert not window.suggestion.isVisible()


def test_danish_spellings_and_a_masked_cpr_find_the_person(
    qtbot, window: MainWindow, store: Store, today
) -> None:
    register(store, CPR, "Søren", "Ågård", today)
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 1)
    for text in ("Soren", "soeren aagaard", "agard", "150305-xxxx", "150305XXXX"):
        window.search.setText(text)
        assert window.model.rowCount() == 1, text
    window.search.setText("150306-xxxx")
    assert window.model.rowCount() == 0
