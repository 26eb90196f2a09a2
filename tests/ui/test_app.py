"""ungedesk.ui.app.run: the whole start, from QApplication to a clean exit."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ungedesk.store.paths import StorePaths
from ungedesk.ui import app
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.setup.setup_wizard import SetupWizard


def find(kind: type) -> object | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def test_first_start_shows_the_wizard_and_cancel_exits_cleanly(
    qtbot, store_paths: StorePaths
) -> None:
    hook = sys.excepthook
    seen: list[str] = []

    def cancel_wizard() -> None:
        wizard = find(SetupWizard)
        if wizard is None:
            QTimer.singleShot(20, cancel_wizard)
            return
        assert isinstance(wizard, SetupWizard)
        seen.append(wizard.windowTitle())
        wizard.reject()

    QTimer.singleShot(0, cancel_wizard)
    assert app.run(store_paths) == 0
    assert seen == ["Opsætning af UngeDesk"]
    assert QApplication.applicationName() == "UngeDesk"
    assert sys.excepthook is hook  # restored
    assert not store_paths.db.exists()


def test_later_start_opens_the_main_window_and_quits(qtbot, store, store_paths: StorePaths) -> None:
    store.close()

    def quit_when_loaded() -> None:
        window = find(MainWindow)
        if not isinstance(window, MainWindow) or not window.model.loaded:
            QTimer.singleShot(20, quit_when_loaded)
            return
        window.quit_action.trigger()

    QTimer.singleShot(0, quit_when_loaded)
    assert app.run(store_paths) == 0
    assert store_paths.ui_settings.exists()
