"""Small building blocks shared by the forms: field error labels and a busy bar."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300;"
HINT_STYLE = "color: #555555;"
GOOD_STYLE = "color: #1b6e20;"


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
        window = self.window()
        if isinstance(window, FittingDialog):
            window.refit_later()


class FittingDialog(QDialog):
    """A dialog whose height follows its word-wrapped messages.

    Qt sizes a dialog from its widgets' size hints, which for wrapped labels assume some
    width other than the real one: messages got cut off. Asking the layout for the height
    at the actual width (height-for-width) fits them exactly.
    """

    def refit_later(self) -> None:
        # After the event loop has laid out the new text, not in the middle of a change.
        QTimer.singleShot(0, self, self.refit)

    def refit(self) -> None:
        layout = self.layout()
        if layout is None:
            return
        if layout.hasHeightForWidth():
            height = layout.totalHeightForWidth(self.width())
        else:
            height = layout.totalSizeHint().height()
        self.setMinimumHeight(height)
        if self.height() != height:
            self.resize(self.width(), height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refit()


def field_with_message(field: QWidget, *messages: QWidget) -> QWidget:
    """The field and what belongs under it (messages, a button) stacked in one form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    for label in messages:
        layout.addWidget(label)
    return box


def add_row(form: QFormLayout, label: str, field: QWidget, *messages: QWidget) -> QLabel:
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


class DateField(QDateEdit):
    """A date field where Tab leaves the field, as in Windows forms, instead of walking
    through day, month and year. Typing still moves on by itself: 03032026 fills all
    three, and the arrow keys move between the parts."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


def widths_from_samples(
    table: QTableView, samples: Iterable[tuple[int, str]], padding: int = 16
) -> None:
    """Size columns to typical content (a Danish date, a case number) rather than to the
    header or the first rows, so a list looks the same with 10 or 100,000 rows."""
    metrics = table.fontMetrics()
    for column, sample in samples:
        table.setColumnWidth(column, metrics.horizontalAdvance(sample) + padding)


def folder_row(line: QLineEdit, button: QPushButton) -> QWidget:
    """A path field with its "Choose…" button beside it, as one form row."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(line, 1)
    row.addWidget(button)
    return box
