"""Copy CPR: the full number on the clipboard, marked secret, logged, and not for long."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication

from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, caseworkers, youths
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui import tasks
from ungedesk.ui.clipboard import SecretClipboard, secret_clipboard, secret_mime_data
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.record.record_view import RecordView
from ungedesk.ui.security.lock_screen import SessionLock

CPR = "0206074000"  # synthetic
FORMATTED = "020607-4000"


@pytest.fixture
def guard() -> Iterator[SecretClipboard]:
    """The app's secret clipboard with a short delay; left empty and unblocked."""
    clipboard = secret_clipboard()
    before = clipboard.clear_after_ms
    clipboard.clear_after_ms = 300
    yield clipboard
    clipboard.set_blocked(False)
    clipboard.clear()
    clipboard.clear_after_ms = before
    QGuiApplication.clipboard().clear()


@pytest.fixture
def view(qtbot, window: MainWindow, store: Store, guard: SecretClipboard) -> RecordView:
    me = caseworkers.current_user(store)
    assert me is not None
    youth_id = youths.register(
        store,
        YouthInput(CPR, "Jonas", "Hansen", date(2026, 11, 1), caseworker_id=me.id),
        today=date(2026, 11, 24),
    ).youth_id
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 1)
    window.open_record(youth_id)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    record_view = window.records.currentWidget()
    assert isinstance(record_view, RecordView)
    return record_view


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


def test_copy_cpr_marks_it_secret_logs_it_and_clears_it(
    qtbot, view: RecordView, store: Store
) -> None:
    assert view.copy_cpr.text() == "K&opiér CPR"
    assert "tømmes igen efter" in view.copy_cpr.toolTip()
    qtbot.mouseClick(view.copy_cpr, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clipboard_text() == FORMATTED)
    mime = QGuiApplication.clipboard().mimeData()
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    assert view.copied.isVisible()
    assert view.copied.text().startswith("CPR-nummeret er kopieret.")
    assert view.cpr.text() == "020607-xxxx"  # copying does not show the number
    events = tasks.runner().call_blocking(audit.events_for_youth, store, view.record.id)
    assert [e.action for e in events].count(Action.REVEAL_CPR) == 1
    qtbot.waitUntil(lambda: clipboard_text() == "", timeout=3000)
    assert not view.copied.isVisible()


def test_something_copied_since_is_left_on_the_clipboard(
    qtbot, view: RecordView, guard: SecretClipboard
) -> None:
    view.copy_cpr.click()
    qtbot.waitUntil(lambda: clipboard_text() == FORMATTED)
    QGuiApplication.clipboard().setText("mødereferat")
    with qtbot.waitSignal(guard.cleared, timeout=3000):
        pass
    assert clipboard_text() == "mødereferat"


def test_locking_clears_the_clipboard_and_nothing_is_copied_while_locked(
    qtbot, window: MainWindow, view: RecordView, store: Store, store_paths: StorePaths
) -> None:
    guard = secret_clipboard()
    guard.clear_after_ms = 60_000
    lock = SessionLock(window, store, store_paths, idle_ms=3_600_000)
    view.copy_cpr.click()
    qtbot.waitUntil(lambda: clipboard_text() == FORMATTED)
    lock.lock()
    assert clipboard_text() == ""
    assert not guard.copy("0000000000")
    assert clipboard_text() == ""
    lock.unlock()
    assert guard.copy(FORMATTED)
    assert clipboard_text() == FORMATTED
    lock.dispose()  # the window closing takes a copied number with it
    assert clipboard_text() == ""
    qtbot.waitUntil(lambda: not tasks.runner().busy)


WINDOWS = 'application/x-qt-windows-mime;value="{}"'


@pytest.mark.parametrize(
    ("platform", "markers"),
    [
        (
            "win32",
            {
                WINDOWS.format("ExcludeClipboardContentFromMonitorProcessing"): b"1",
                WINDOWS.format("CanIncludeInClipboardHistory"): b"\0\0\0\0",
                WINDOWS.format("CanUploadToCloudClipboard"): b"\0\0\0\0",
            },
        ),
        ("darwin", {"application/x-nspasteboard-concealed-type": b"secret"}),
        ("linux", {"x-kde-passwordManagerHint": b"secret"}),
    ],
)
def test_each_platform_gets_its_secret_markers(
    qapp, platform: str, markers: dict[str, bytes]
) -> None:
    mime = secret_mime_data(FORMATTED, platform)
    assert mime.text() == FORMATTED
    for name, value in markers.items():
        assert bytes(mime.data(name).data()) == value


def test_a_revealed_cpr_cannot_be_selected_and_copied_past_the_clearing(
    qtbot, view: RecordView, guard: SecretClipboard
) -> None:
    # Issue 10: the revealed number was selectable text, so a mouse selection and Ctrl+C
    # put it on the clipboard without the secret markers and without the clearing.
    QGuiApplication.clipboard().setText("mødereferat")
    qtbot.mouseClick(view.reveal, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.cpr.text() == FORMATTED)
    # Select the whole number the way a user would: drag across it, then Ctrl+C.
    rect = view.cpr.rect()
    qtbot.mousePress(view.cpr, Qt.MouseButton.LeftButton, pos=rect.topLeft() + QPoint(1, 5))
    qtbot.mouseMove(view.cpr, rect.topRight() + QPoint(-1, 5))
    qtbot.mouseRelease(view.cpr, Qt.MouseButton.LeftButton, pos=rect.topRight() + QPoint(-1, 5))
    view.cpr.setSelection(0, len(FORMATTED))
    qtbot.keyClick(view.cpr, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.cpr, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert CPR[6:] not in clipboard_text()
    assert clipboard_text() == "mødereferat"
    assert view.cpr.selectedText() == ""
    assert view.cpr.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert view.cpr.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert not guard.holds_secret  # "Copy CPR" is the one way, through the clearing copy
