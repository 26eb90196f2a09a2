"""Small building blocks shared by the forms: field error labels and a busy bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300;"
HINT_STYLE = "color: #555555;"


class MessageLabel(QLabel):
    """A word-wrapped message under a field; hidden while it has nothing to say, so an
    empty form does not reserve room for errors it has not got."""

    def __init__(self, style: str = ERROR_STYLE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(style)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


def field_with_message(field: QWidget, *messages: QLabel) -> QWidget:
    """The field and its message label(s) stacked, to sit in one form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    for label in messages:
        layout.addWidget(label)
    return box


def add_row(form: QFormLayout, label: str, field: QWidget, *messages: QLabel) -> QLabel:
    """Add a labelled row whose label is the field's buddy (Alt+letter focuses it)."""
    caption = QLabel(label)
    caption.setBuddy(field)
    form.addRow(caption, field_with_message(field, *messages) if messages else field)
    return caption


class BusyBar(QProgressBar):
    """An indeterminate bar shown while the worker is busy for this window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setMaximumHeight(8)
        self.hide()
