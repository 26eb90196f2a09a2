"""A dialog that hands its work to the database worker and waits without blocking.

While the worker runs, a busy bar shows and the buttons are disabled; Esc cannot close the
dialog half-way (that would hide whether the work was done). Known failures come back in
Danish: field errors under their fields, other store errors under the form. An error under
a field goes as soon as that field is edited, not only at the next save; a date field whose
typed text is not a date stops the save with its own message.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import InputError, KnownError
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import BusyBar, DateField, FittingDialog, MessageLabel


def inputs_beside(label: QWidget) -> list[QWidget]:
    """The inputs a message label belongs to: the field stacked above it in its form row
    (see ``widgets.field_with_message``), or each input inside a composite field."""
    box = label.parentWidget()
    layout = box.layout() if box is not None else None
    if layout is None or layout.count() == 0:
        return []
    item = layout.itemAt(0)
    first = item.widget() if item is not None else None
    if first is None or first is label:
        return []
    if _change_signal(first) is not None:
        return [first]
    return [w for w in first.findChildren(QWidget) if _change_signal(w) is not None]


def _change_signal(widget: QWidget) -> Any:
    """The signal a widget sends when the caseworker changes its value."""
    if isinstance(widget, QLineEdit):
        return None if isinstance(widget.parentWidget(), QAbstractSpinBox) else widget.textEdited
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.textChanged
    if isinstance(widget, DateField):
        return widget.dateChanged
    if isinstance(widget, QAbstractSpinBox):
        return getattr(widget, "valueChanged", None) or getattr(widget, "dateChanged", None)
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.toggled
    return None


def clear_when_edited(label: MessageLabel, inputs: list[QWidget] | None = None) -> None:
    """Hide ``label`` the moment one of its inputs is edited (once connected per label)."""
    if label.property("clears_on_edit"):
        return
    label.setProperty("clears_on_edit", True)
    for widget in inputs if inputs is not None else inputs_beside(label):
        signal = _change_signal(widget)
        if signal is not None:
            signal.connect(partial(_hide, label))
        if isinstance(widget, DateField):
            widget.problem_changed.connect(partial(_hide, label))


def _hide(label: MessageLabel, *_changed: object) -> None:
    label.show_message(None)


class WorkDialog(FittingDialog):
    """Subclasses fill ``self.body`` (a QVBoxLayout) and call ``run`` from ``accept_work``."""

    def __init__(
        self,
        ok_text: str,
        parent: QWidget | None = None,
        *,
        buttons: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel,
    ) -> None:
        super().__init__(parent)
        self._busy = False
        self.field_errors: dict[str, MessageLabel] = {}
        self.general_error = MessageLabel()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button: QPushButton = ok
        ok.setText(ok_text)
        ok.setDefault(True)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addWidget(self.general_error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept_clicked)
        self.buttons.rejected.connect(self.reject)

    @property
    def working(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.ok_button.setEnabled(not busy)
        self.ok_button.setDefault(True)

    def clear_errors(self) -> None:
        self.general_error.show_message(None)
        for label in self.field_errors.values():
            label.show_message(None)

    def _accept_clicked(self) -> None:
        if self._busy:
            return
        self.clear_errors()
        if self._date_typed_wrong():
            return
        self.accept_work()
        # Errors the dialog found itself (before any database work) go when edited too.
        self._watch_shown_errors()

    def _watch_shown_errors(self) -> None:
        for label in self.field_errors.values():
            if not label.isHidden():
                clear_when_edited(label)

    def _date_typed_wrong(self) -> bool:
        """A date field still holding text that is not a date stops the save: saving
        would store the date it had before, which the caseworker no longer sees."""
        for field in self.findChildren(DateField):
            if field.isVisibleTo(self) and not field.commit_typed():
                if not field.message.parentWidget():
                    self.general_error.show_message(field.problem)
                field.setFocus()
                return True
        return False

    def accept_work(self) -> None:
        """Validate and start the work; the default accepts at once."""
        self.accept()

    def operation[T](self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Operation[T]:
        """An operation of this dialog: the dialog shows busy until it ends, and known
        errors land under their fields. Pass plain values read from the widgets, never the
        widgets themselves. The caller adds ``success`` (and ``changes``) and runs it."""
        self.set_busy(True)
        return (
            Operation(self, fn, *args, **kwargs)
            .settled(self.set_idle)
            .failure(self.show_known_error)
        )

    def set_idle(self, _result: object = None) -> None:
        self.set_busy(False)

    def show_known_error(self, error: KnownError) -> None:
        self.set_busy(False)
        if isinstance(error, InputError):
            unplaced = []
            for field, message in error.fields.items():
                label = self.field_errors.get(field)
                if label is None:
                    unplaced.append(message)
                else:
                    label.show_message(message)
            self._watch_shown_errors()
            self.general_error.show_message(" ".join(unplaced) or None)
            return
        self.general_error.show_message(error.message)

    def reject(self) -> None:
        if self._busy:
            return
        super().reject()
