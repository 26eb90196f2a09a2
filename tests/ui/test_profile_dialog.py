"""My profile and the colleagues: contact details edited from the File menu, Danish
messages at the field for a bad phone or e-mail, nothing saved until all is right."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from ungedesk.domain.contact import EMAIL_MESSAGE, PHONE_MESSAGE
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.services import caseworkers
from ungedesk.store.database import Store
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.team.profile_dialog import ColleaguesDialog, ContactDetailsDialog


def test_my_profile_from_the_menu_saves_title_phone_and_email(
    qtbot, store: Store, window: MainWindow
) -> None:
    window.profile_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.dialog, ContactDetailsDialog))
    dialog = window.dialog
    assert isinstance(dialog, ContactDetailsDialog)
    assert dialog.windowTitle() == "Min profil"
    assert dialog.phone.text() == "12 34 56 78"
    dialog.phone.setText("1234")
    dialog.email.setText("abj at kommune")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.working)
    assert dialog.field_errors["phone"].text() == PHONE_MESSAGE
    assert dialog.field_errors["email"].text() == EMAIL_MESSAGE
    assert dialog.field_errors["title"].isHidden()
    me = caseworkers.current_user(store)
    assert me is not None and me.phone == "12 34 56 78"  # nothing saved

    qtbot.keyClicks(dialog.title, "Koordinerende sagsbehandler")
    dialog.phone.setText("+45 87 65 43 21")
    dialog.email.setText("abj@kommune.dk")
    with qtbot.waitSignal(dialog.finished):
        dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    me = caseworkers.current_user(store)
    assert me is not None
    assert (me.title, me.phone, me.email) == (
        "Koordinerende sagsbehandler",
        "+45 87 65 43 21",
        "abj@kommune.dk",
    )


def test_colleagues_lists_everyone_and_edits_a_colleague(qtbot, store: Store) -> None:
    bo = caseworkers.add_caseworker(
        store, ProfileInput(name="Bo Lund", initials="BL", unit="UU", role=Role.COUNSELLOR)
    )
    dialog = ColleaguesDialog(store)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert dialog.model.rows[0].initials == "ABJ"  # the current user first
    dialog.table.selectRow(1)
    dialog.edit_button.click()
    details = dialog.details
    assert details is not None
    assert details.windowTitle() == "Kollegas kontaktoplysninger"
    details.phone.setText("33 44 55 66")
    with qtbot.waitSignal(details.finished):
        details.ok_button.click()
    qtbot.waitUntil(lambda: dialog.model.rows[1].phone == "33 44 55 66")
    assert caseworkers.get_caseworker(store, bo.id).phone == "33 44 55 66"
