"""Security › Change recovery passphrase: keyboard only, checked, run on the worker."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt

from ungedesk.services import audit
from ungedesk.services import passphrase as recovery
from ungedesk.services.audit import Action
from ungedesk.store import keys
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui import tasks
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.security.passphrase_dialog import ChangePassphraseDialog

NEW = "blå cykel synger under Limfjorden"


def open_dialog(qtbot, window: MainWindow) -> ChangePassphraseDialog:
    assert window.passphrase_action.text() == "Skift gendannelses&frase …"
    window.passphrase_action.trigger()
    qtbot.waitUntil(
        lambda: isinstance(window.dialog, ChangePassphraseDialog) and window.dialog.isVisible()
    )
    dialog = window.dialog
    assert isinstance(dialog, ChangePassphraseDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_change_the_passphrase_with_the_keyboard(
    qtbot, window: MainWindow, store: Store, store_paths: StorePaths, passphrase: str
) -> None:
    key = keys.unwrap(keys.load_key_file(store_paths.key_file), passphrase)
    dialog = open_dialog(qtbot, window)
    assert dialog.windowTitle() == "Skift gendannelsesfrase"
    assert dialog.current.hasFocus()
    qtbot.keyClicks(dialog.current, passphrase)
    qtbot.keyClick(dialog.current, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.new, NEW)
    assert dialog.strength.text().startswith("Styrke:")
    qtbot.keyClick(dialog.new, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.repeat, NEW)
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    qtbot.waitUntil(lambda: window.notice is not None and window.notice.isVisible())
    assert window.notice is not None
    assert "Gendannelsesfrasen er skiftet" in window.notice.text()
    window.notice.close()
    kf = keys.load_key_file(store_paths.key_file)
    assert keys.unwrap(kf, NEW) == key
    events = tasks.runner().call_blocking(audit.recent_for_actor, store, 1)
    assert any(e.action is Action.UPDATE and e.detail == recovery.AUDIT_DETAIL for e in events)


def test_wrong_current_weak_or_unequal_new_are_said_under_their_fields(
    qtbot, window: MainWindow, store_paths: StorePaths, passphrase: str
) -> None:
    before = store_paths.key_file.read_bytes()
    dialog = open_dialog(qtbot, window)
    dialog.current.setText(passphrase)
    dialog.new.setText("Anne Bjerregaard ABJ")  # the caseworker's own name
    dialog.repeat.setText("Anne Bjerregaard ABJ")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.field_errors[recovery.NEW_FIELD].isVisible()
    assert dialog.field_errors[recovery.NEW_FIELD].text() == "Vælg en stærkere frase."
    assert "navn" in dialog.strength.text()
    dialog.new.setText(NEW)
    dialog.repeat.setText(NEW + "x")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.field_errors["repeat"].text() == "De to nye fraser er ikke ens."
    dialog.current.setText("ikke den rigtige frase her")
    dialog.repeat.setText(NEW)
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.field_errors[recovery.OLD_FIELD].isVisible())
    assert "forkert" in dialog.field_errors[recovery.OLD_FIELD].text()
    assert dialog.current.hasFocus() and dialog.isVisible()
    assert store_paths.key_file.read_bytes() == before
    qtbot.keyClick(dialog.current, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert store_paths.key_file.read_bytes() == before
