"""A one-line label for values of any length (a name, a target group): it never asks for
more width than a few characters, elides what does not fit with "…" and then gives the
whole value as its tooltip and accessible name.

A plain QLabel asks for its whole text as its minimum width, so a 90-character name in
a record's header once made the main window wider than the screen, and kept it so.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

# What the label asks for at least, and at most as its preferred width, in average
# character widths: enough to recognise a name, never the whole of a very long one.
MIN_CHARS = 8
PREFERRED_MAX_CHARS = 40


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self.setAccessibleName(text)
        self.updateGeometry()
        self._fit()

    def text(self) -> str:
        """The whole value, not what fits on screen."""
        return self._full

    def is_elided(self) -> bool:
        return super().text() != self._full

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        return QSize(
            metrics.averageCharWidth() * MIN_CHARS + margins.left() + margins.right(),
            super().minimumSizeHint().height(),
        )

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        width = min(
            metrics.horizontalAdvance(self._full),
            metrics.averageCharWidth() * PREFERRED_MAX_CHARS,
        )
        return QSize(
            max(width, self.minimumSizeHint().width()) + margins.left() + margins.right(),
            super().sizeHint().height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        if shown != super().text():
            super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")
