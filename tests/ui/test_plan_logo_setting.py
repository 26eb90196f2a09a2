"""Settings: the municipality's logo for the plan handout, chosen and removed at once."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from ungedesk.services import plan as plan_service
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.settings.dialog import SettingsDialog


def test_logo_is_chosen_refused_and_removed(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#0b5394"))
    assert image.save(str(logo))
    not_image = tmp_path / "logo.jpg"
    not_image.write_text("not an image")
    chosen = [str(not_image), str(logo)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (chosen.pop(0), ""))

    window.settings_action.trigger()
    qtbot.waitUntil(
        lambda: (
            isinstance(window.dialog, SettingsDialog)
            and shiboken6.isValid(window.dialog)
            and window.dialog.isVisible()
        )
    )
    dialog = window.dialog
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitUntil(lambda: dialog.logo_state.text() != "")
    assert not dialog.remove_logo.isEnabled()

    dialog.choose_logo.click()
    qtbot.waitUntil(lambda: dialog.field_errors["logo"].isVisible())
    assert "PNG" in dialog.field_errors["logo"].text()

    dialog.choose_logo.click()
    qtbot.waitUntil(lambda: dialog.remove_logo.isEnabled())
    assert not dialog.field_errors["logo"].isVisible()
    assert tasks.runner().call_blocking(plan_service.has_logo, store)

    dialog.remove_logo.click()
    qtbot.waitUntil(lambda: not dialog.remove_logo.isEnabled())
    assert not tasks.runner().call_blocking(plan_service.has_logo, store)
    dialog.reject()
