"""'Did you mean: Abdallah' under a search that found no one: a name one typo away
(RegisterIndex.suggest), shown as a link that puts the name in the search field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget


class SuggestionLink(QPushButton):
    """A flat button styled as a link: a button, so the keyboard reaches it too."""

    taken = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet("color: palette(link); text-decoration: underline;")
        self._name = ""
        # Named while it has no text yet, so a screen reader never meets a mute button.
        self.setAccessibleName(self.tr("Suggested name"))
        self.hide()
        self.clicked.connect(self._take)

    def offer(self, name: str | None) -> None:
        """Show ``name`` as the suggestion, or hide the link when there is none."""
        self._name = name or ""
        if name:
            self.setText(self.tr("Did you mean: {name}").format(name=name))
            self.setAccessibleName(self.text())
        self.setVisible(bool(name))

    def _take(self) -> None:
        self.taken.emit(self._name)
