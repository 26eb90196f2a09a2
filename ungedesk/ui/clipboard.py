"""Copying a secret (a full CPR number) to the clipboard for a short while only.

The copy carries the markers clipboard managers and clipboard histories honour (KDE Klipper,
CopyQ, GNOME extensions; Windows clipboard history and cloud clipboard; macOS pasteboard
managers), and is cleared after ``clear_after_ms`` (30 s) if the clipboard still holds it. Locking
the session clears it at once, and while the session is locked nothing secret is copied.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000

_WINDOWS_FORMAT = 'application/x-qt-windows-mime;value="{}"'
_DWORD_ZERO = b"\x00\x00\x00\x00"


def secret_markers(platform: str = sys.platform) -> dict[str, bytes]:
    """The extra clipboard formats that mark the content as secret on ``platform``."""
    if platform == "win32":
        # Qt registers these by name as Windows clipboard formats.
        return {
            _WINDOWS_FORMAT.format("ExcludeClipboardContentFromMonitorProcessing"): b"1",
            _WINDOWS_FORMAT.format("CanIncludeInClipboardHistory"): _DWORD_ZERO,
            _WINDOWS_FORMAT.format("CanUploadToCloudClipboard"): _DWORD_ZERO,
        }
    if platform == "darwin":
        # The name Qt-based clipboard managers (CopyQ) look for. Qt puts it on the
        # pasteboard as a com.trolltech.anymime.* type: managers that only honour the
        # org.nspasteboard.ConcealedType UTI would need a QUtiMimeConverter, which is C++.
        return {"application/x-nspasteboard-concealed-type": b"secret"}
    return {"x-kde-passwordManagerHint": b"secret"}


def secret_mime_data(text: str, platform: str = sys.platform) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    for name, value in secret_markers(platform).items():
        mime.setData(name, value)
    return mime


class SecretClipboard(QObject):
    """Puts one secret on the system clipboard and takes it off again."""

    copied = Signal()
    cleared = Signal()

    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clear_after_ms = clear_after_ms
        self._value: str | None = None
        self._blocked = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)

    @property
    def holds_secret(self) -> bool:
        return self._value is not None

    def copy(self, text: str) -> bool:
        """Copy ``text``; False (and nothing copied) while the session is locked."""
        if self._blocked:
            return False
        self._value = text
        QGuiApplication.clipboard().setMimeData(secret_mime_data(text), QClipboard.Mode.Clipboard)
        self._timer.start(self.clear_after_ms)
        self.copied.emit()
        return True

    def clear(self) -> None:
        """Empty the clipboard if it still holds our secret (the caseworker may have copied
        something else meanwhile: that stays)."""
        self._timer.stop()
        value, self._value = self._value, None
        if value is None:
            return
        clipboard = QGuiApplication.clipboard()
        if clipboard.text(QClipboard.Mode.Clipboard) == value:
            clipboard.clear(QClipboard.Mode.Clipboard)
        self.cleared.emit()

    def set_blocked(self, blocked: bool) -> None:
        """While blocked (the session is locked) the secret is cleared and none is copied."""
        self._blocked = blocked
        if blocked:
            self.clear()


_instance: SecretClipboard | None = None


def secret_clipboard() -> SecretClipboard:
    """The application's one secret clipboard (created on first use)."""
    global _instance
    if _instance is None:
        _instance = SecretClipboard(parent=QGuiApplication.instance())
    return _instance
