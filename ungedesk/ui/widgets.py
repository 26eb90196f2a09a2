"""Small building blocks shared by the forms: field error labels and a busy bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QShowEvent
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


def spoken(label: str) -> str:
    """A caption as a screen reader should say it: without the mnemonic's "&" (a literal
    "&&" stays one "&") and without a trailing colon."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":")


def name_field(field: QWidget, label: str, description: str = "") -> None:
    """Give ``field`` the accessible name of its caption, unless it has one already.

    Qt names a field after its buddy label only when the label is the field's sibling; in
    a form row with a message under the field, the field sits in a box of its own and a
    screen reader heard nothing. ``description`` says what the label alone does not.
    """
    if not field.accessibleName():
        field.setAccessibleName(spoken(label))
    if description and not field.accessibleDescription():
        field.setAccessibleDescription(description)


def add_row(
    form: QFormLayout, label: str, field: QWidget, *messages: QWidget, description: str = ""
) -> QLabel:
    """Add a labelled row whose label is the field's buddy (Alt+letter focuses it) and
    whose text is the field's accessible name."""
    caption = QLabel(label)
    caption.setBuddy(field)
    name_field(_first_input(field), label, description)
    if isinstance(field, DateField):
        messages = (*messages, field.message)  # what is wrong with a typed date
    form.addRow(caption, field_with_message(field, *messages) if messages else field)
    return caption


def _first_input(field: QWidget) -> QWidget:
    """The control a compound row (a path with its button, a field with its unit) is
    about: the first focusable child of a plain container, else the field itself."""
    if type(field) is not QWidget:
        return field
    for child in field.findChildren(QWidget):
        if child.focusPolicy() != Qt.FocusPolicy.NoFocus:
            return child
    return field


class BusyBar(QProgressBar):
    """An indeterminate bar shown while the worker is busy for this window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setMaximumHeight(8)
        self.hide()


class DateField(QDateEdit):
    """A date field that reads a date typed in any of the ways Danes write one.

    Tab leaves the field, as in Windows forms, instead of walking through day, month and
    year; the arrow keys and the calendar still step through dates. Typing a digit starts
    the field afresh wherever it was clicked, and what is typed is read as a whole by
    ``parse_typed_date`` when the field is left or Enter is pressed: "15022026",
    "15-02-2026", "15.2.2026" and "15.02.26" all give 15 February 2026. Qt's own section
    typing read "3102" as some other day; here a date without its year or one that does not
    exist keeps the typed text and says under the field (``message``, placed by
    ``add_row``) what is expected, and ``problem`` holds that message until it is fixed.
    """

    problem_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed: str | None = None
        self._problem = ""
        self.message = MessageLabel()
        # A click in the text while typing makes QDateEdit read it by its sections and put
        # the old date back (its own slot runs first): show the typed text again after it.
        self.lineEdit().cursorPositionChanged.connect(self._keep_typed_in_view)

    @property
    def problem(self) -> str:
        """The Danish message about the typed text, empty while the field holds a date."""
        return self._problem

    @property
    def typing(self) -> bool:
        return self._typed is not None

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)

    def date(self) -> QDate:
        # A form read while the text is still being typed (a table editor commits on the
        # focus change, before the field hears of it) gets the date shown, if it is one.
        if self._typed is not None:
            day = self._typed_day()
            if isinstance(day, dt.date):
                return QDate(day.year, day.month, day.day)
        return super().date()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        key = event.key()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if plain and text and (text.isdigit() or text in _DATE_SEPARATORS):
            if self._typed is None and not text.isdigit():
                return  # a separator alone starts nothing
            self._typed = (self._typed or "") + text
            self._show_typed()
            return
        if self._typed is not None:
            if key == Qt.Key.Key_Backspace:
                self._typed = self._typed[:-1]
                self._show_typed()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if not self.commit_typed():
                    event.accept()  # Enter must not save a form with a half date
                    return
            elif key == Qt.Key.Key_Escape or key in _STEP_KEYS:
                self.cancel_typed()
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        committed = self.commit_typed()
        super().focusOutEvent(event)
        if not committed:
            # Qt puts the previous date back on leaving; keep what was typed beside its
            # message, so the caseworker sees what to correct.
            self._put_typed_text()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Qt redraws the field from its date on a style or font change; typed text that is
        # not a date yet stays in view.
        self._keep_typed_in_view()

    def _keep_typed_in_view(self, *_moved: int) -> None:
        if self._typed is not None and self.lineEdit().text() != self._typed:
            self._put_typed_text()

    def setDate(self, day: QDate) -> None:
        self._typed = None
        self._set_problem("")
        super().setDate(day)

    def commit_typed(self) -> bool:
        """Read the typed text into the date. False (and ``problem`` set) when it is not
        a whole, real date within the field's range; True when nothing was typed."""
        if self._typed is None:
            return True
        if not self._typed.strip() and self.specialValueText():
            # A field that may be empty (its earliest date shows as a dash) is emptied.
            self.setDate(self.minimumDate())
            return True
        day = self._typed_day()
        if isinstance(day, str):
            self._set_problem(day)
            # The red frame's style change makes Qt redraw the old date: show the typed
            # text again, so the message stands beside what it is about.
            self._put_typed_text()
            return False
        self.setDate(QDate(day.year, day.month, day.day))
        return True

    def cancel_typed(self) -> None:
        if self._typed is not None:
            self.setDate(super().date())

    def _typed_day(self) -> dt.date | str:
        from ungedesk.ui.dates import typed_day_or_problem

        assert self._typed is not None
        earliest, latest = self.minimumDate(), self.maximumDate()
        return typed_day_or_problem(
            self._typed,
            dt.date(earliest.year(), earliest.month(), earliest.day()),
            dt.date(latest.year(), latest.month(), latest.day()),
        )

    def _show_typed(self) -> None:
        self._set_problem("")
        self._put_typed_text()

    def _put_typed_text(self) -> None:
        if self._typed is not None:
            line = self.lineEdit()
            # Unheard by QDateEdit: a moved cursor makes it read the text by its sections
            # and, finding no date in "3", put the old date back.
            blocked = line.blockSignals(True)
            line.setText(self._typed)
            line.setCursorPosition(len(self._typed))
            line.blockSignals(blocked)

    def _set_problem(self, problem: str) -> None:
        if problem == self._problem:
            return
        self._problem = problem
        self.message.show_message(problem or None)
        self.setToolTip(problem)
        self.setStyleSheet("QDateEdit { border: 1px solid #b00020; }" if problem else "")
        self.problem_changed.emit(problem)


_DATE_SEPARATORS = ".-/ "
_STEP_KEYS = (
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
)


def name_table(view: QWidget, name: str, description: str) -> None:
    """A list's accessible name and what it holds: a screen reader says both on entering it."""
    view.setAccessibleName(name)
    view.setAccessibleDescription(description)


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
