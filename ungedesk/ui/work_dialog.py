"""A dialog that hands its work to the database worker and waits without blocking.

While the worker runs, a busy bar shows and the buttons are disabled; Esc cannot close the
dialog half-way (that would hide whether the work was done). Known failures come back in
Danish: field errors under their fields, other store errors under the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from ungedesk.domain.errors import InputError, KnownError
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import BusyBar, FittingDialog, MessageLabel


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
        self.accept_work()

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
            self.general_error.show_message(" ".join(unplaced) or None)
            return
        self.general_error.show_message(error.message)

    def reject(self) -> None:
        if self._busy:
            return
        super().reject()
