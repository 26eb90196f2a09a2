""" "Send til…" warns that a plan must go by secure mail or Digital Post before a mail
client opens, and makes the municipality's secure route the default; the route is set
in the settings dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QProcess, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog

from tests.ui.test_plan_pdf_actions import CPRS, NOW, TODAY, with_plan
from tests.ui.test_settings_dialog import open_settings
from ungedesk.services import preferences, settings
from ungedesk.services.secure_send import SecureRoute
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.plan import send as send_module
from ungedesk.ui.plan.panel import PlanPanel
from ungedesk.ui.plan.send import SendWarning

ADDRESS = "sikkerpost@kommune.example"


@pytest.fixture
def panel(qtbot, store: Store) -> Iterator[PlanPanel]:
    youth_id = with_plan(store, CPRS[0], "Sofie")
    view = PlanPanel(store, youth_id, lambda: TODAY, lambda: NOW)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.loaded)
    yield view
    view.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


class Seen:
    """What the warning showed, and the answer given by pressing its default button."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.default: list[str] = []

    def hook(self) -> object:
        def exec_(dialog: SendWarning) -> int:
            return self.press_default(dialog)

        return exec_

    def press_default(self, dialog: SendWarning) -> int:
        self.texts.append(f"{dialog.warning.text()} {dialog.how.text()}")
        self.default.append(dialog.secure_button.text())
        assert dialog.secure_button.isDefault() and not dialog.ordinary_button.isDefault()
        dialog.secure_button.click()
        return QDialog.DialogCode.Accepted.value


def test_the_warning_comes_first_and_the_secure_address_is_the_default(
    qtbot, panel: PlanPanel, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings.set_setting(store, settings.SECURE_SEND, ADDRESS)
    seen = Seen()
    asked: list[str] = []

    def save_as(*_a: object) -> tuple[str, str]:
        asked.append("file")
        assert seen.texts, "the file dialog came before the warning"
        return str(tmp_path / "send.pdf"), ""

    monkeypatch.setattr(SendWarning, "exec", seen.hook())
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    started: list[list[str]] = []
    monkeypatch.setattr(send_module.sys, "platform", "linux")
    monkeypatch.setattr(
        QProcess,
        "startDetached",
        lambda program, args: started.append([program, *args]) or (True, 1),
    )
    panel.send_button.click()
    qtbot.waitUntil(lambda: bool(started))
    assert "personoplysninger" in seen.texts[0] and ADDRESS in seen.texts[0]
    assert seen.default == [f"Sikker mail til {ADDRESS}"]
    assert started[0] == ["xdg-email", "--attach", str(tmp_path / "send.pdf"), ADDRESS]
    assert ADDRESS in panel.message.text()


def test_without_a_route_the_default_saves_and_opens_the_folder(
    qtbot, panel: PlanPanel, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen = Seen()
    monkeypatch.setattr(SendWarning, "exec", seen.hook())
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "s.pdf"), ""))
    started: list[str] = []
    monkeypatch.setattr(QProcess, "startDetached", lambda *a: started.append("mail") or (True, 1))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    panel.send_button.click()
    qtbot.waitUntil(lambda: bool(opened))
    assert "Digital Post" in seen.texts[0]
    assert seen.default == ["Gem og åbn mappen"]
    assert started == []  # no ordinary mail client was opened
    assert opened[0].toLocalFile() == str(tmp_path)
    assert "Digital Post" in panel.message.text()


def test_cancelling_the_warning_saves_nothing(
    qtbot, panel: PlanPanel, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[SendWarning] = []

    def cancel(dialog: SendWarning) -> int:
        shown.append(dialog)
        dialog.reject()
        return QDialog.DialogCode.Rejected.value

    asked: list[str] = []
    monkeypatch.setattr(SendWarning, "exec", cancel)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: asked.append("x") or ("", ""))
    panel.send_button.click()
    qtbot.waitUntil(lambda: bool(shown))
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    assert asked == []
    assert not list(tmp_path.glob("*.pdf"))


def test_an_instruction_is_shown_as_plain_text(qtbot) -> None:
    dialog = SendWarning(SecureRoute(instruction="<b>Brug</b> Digital Post fra ESDH"))
    qtbot.addWidget(dialog)
    assert "<b>Brug</b> Digital Post fra ESDH" in dialog.how.text()
    assert dialog.how.textFormat().name == "PlainText"
    assert dialog.secure_button.isDefault()


def test_the_setting_is_saved_from_the_dialog_and_a_bad_address_refused(
    qtbot, window: MainWindow, store: Store
) -> None:
    dialog = open_settings(qtbot, window)
    dialog.secure_send.setText("sikkerpost@")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.working)
    assert dialog.isVisible()
    assert "mailadresse" in dialog.field_errors["secure_send"].text()
    dialog.secure_send.setText(ADDRESS)
    with qtbot.waitSignal(dialog.saved):
        dialog.ok_button.click()
    saved = tasks.runner().call_blocking(preferences.load_settings, store)
    assert saved.secure_send == ADDRESS
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
