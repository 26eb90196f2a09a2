"""Later starts: silent unlock with the keyring or the environment, else the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.support.launching import is_open
from ungedesk.services import first_look, setup
from ungedesk.store import keys
from ungedesk.store.database import Store
from ungedesk.store.keys import ENV_PASSPHRASE
from ungedesk.store.paths import StorePaths
from ungedesk.ui.app import Launcher
from ungedesk.ui.security.unlock_dialog import UnlockDialog


def forget_key(store: Store) -> None:
    keys.keyring_forget(store.store_id)


def test_wrong_then_right_passphrase(qtbot, store: Store, store_paths, passphrase) -> None:
    forget_key(store)
    dialog = UnlockDialog(store_paths, keyring_available=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "nøglering" in dialog.explanation.text()
    assert not dialog.open_button.isEnabled()
    qtbot.keyClicks(dialog.passphrase, "forkert frase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text().startswith("Adgangsfrasen er forkert.")
    assert dialog.isVisible()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, passphrase)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.opened is not None
    dialog.opened.store.close()
    # The key went back into the keyring: next start needs no passphrase.
    assert not setup.needs_passphrase(store_paths)


def test_no_keyring_explains_why(qtbot, store_paths: StorePaths) -> None:
    dialog = UnlockDialog(store_paths, keyring_available=False)
    qtbot.addWidget(dialog)
    assert "ingen nøglering" in dialog.explanation.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuller"


def finish(qtbot, launcher: Launcher) -> None:
    launcher.shutdown()


def test_launcher_opens_silently_with_the_keyring(qtbot, store: Store, store_paths) -> None:
    store.close()
    launcher = Launcher(store_paths)
    launcher.start()
    qtbot.waitUntil(lambda: is_open(launcher))
    assert launcher.unlock_dialog is None
    assert launcher.window is not None and launcher.window.windowTitle() == "UngeDesk"
    with qtbot.waitSignal(launcher.finished) as finished:
        launcher.window.close()
    assert finished.args == [0]
    finish(qtbot, launcher)


def test_launcher_uses_the_environment_passphrase(
    qtbot, store: Store, store_paths, passphrase, monkeypatch
) -> None:
    forget_key(store)
    store.close()
    monkeypatch.setenv(ENV_PASSPHRASE, passphrase)
    launcher = Launcher(store_paths)
    launcher.start()
    qtbot.waitUntil(lambda: launcher.window is not None)
    assert launcher.unlock_dialog is None
    finish(qtbot, launcher)


def test_launcher_asks_when_the_keyring_has_no_key(qtbot, store: Store, store_paths) -> None:
    forget_key(store)
    store.close()
    launcher = Launcher(store_paths)
    launcher.start()
    qtbot.waitUntil(lambda: launcher.unlock_dialog is not None)
    assert launcher.window is None
    with qtbot.waitSignal(launcher.finished) as finished:
        launcher.unlock_dialog.reject()
    assert finished.args == [0]
    finish(qtbot, launcher)


def test_launcher_shows_the_wizard_without_a_store(qtbot, store_paths: StorePaths) -> None:
    launcher = Launcher(store_paths)
    launcher.start()
    assert launcher.wizard is not None and launcher.wizard.isVisible()
    with qtbot.waitSignal(launcher.finished) as finished:
        launcher.wizard.reject()
    assert finished.args == [0]
    finish(qtbot, launcher)


def test_a_missing_key_file_is_fatal_with_a_danish_message(
    qtbot, store: Store, store_paths: StorePaths, passphrase
) -> None:
    forget_key(store)
    store.close()
    store_paths.key_file.unlink()
    launcher = Launcher(store_paths)
    launcher.start()
    qtbot.waitUntil(lambda: launcher.unlock_dialog is not None)
    dialog = launcher.unlock_dialog
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: launcher.fatal_box is not None)
    box = launcher.fatal_box
    assert box.text().startswith("Nøglefilen ved siden af databasen mangler")
    with qtbot.waitSignal(launcher.finished) as finished:
        box.accept()
    assert finished.args == [5]
    finish(qtbot, launcher)


def test_a_bug_while_opening_is_logged_and_exits(
    qtbot, store: Store, store_paths: StorePaths, monkeypatch
) -> None:
    store.close()

    def broken(paths: StorePaths) -> bool:
        raise RuntimeError("1503054007 Sofie Nørgaard")  # personal data must not be logged

    monkeypatch.setattr(first_look, "read", broken)
    launcher = Launcher(store_paths)
    launcher.start()
    qtbot.waitUntil(lambda: launcher.fatal_box is not None)
    box = launcher.fatal_box
    assert box.text().startswith("Der opstod en fejl. Detaljer er gemt i ")
    assert launcher.opening is None  # the "opening" window does not hang around
    logs = list(store_paths.logs.glob("*.log"))
    assert len(logs) == 1 and str(logs[0]) in box.text()
    text = logs[0].read_text(encoding="utf-8")
    assert "RuntimeError" in text and "1503054007" not in text and "Sofie" not in text
    with qtbot.waitSignal(launcher.finished) as finished:
        box.accept()
    assert finished.args == [1]
    finish(qtbot, launcher)
