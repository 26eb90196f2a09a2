"""A dialog that hands its work to the database worker and waits without blocking.

While the worker runs, a busy bar shows and the buttons are disabled; Esc cannot close the
dialog half-way (that would hide whether the work was done). Known failures come back in
Danish: field errors under their fields, other store errors under the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from ungedesk.services.setup import InputError
from ungedesk.store.errors import StoreError
from ungedesk.ui import tasks
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

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        **kwargs: Any,
    ) -> None:
        """Run ``fn(*args, **kwargs)`` on the worker; ``on_done`` gets the result on the GUI
        thread. Pass plain values read from the widgets, never the widgets themselves."""
        self.set_busy(True)

        def done(result: Any) -> None:
            self.set_busy(False)
            on_done(result)

        tasks.run_task(fn, *args, on_done=done, on_error=self.failed, **kwargs)

    def failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        if isinstance(exc, InputError):
            unplaced = []
            for field, message in exc.fields.items():
                label = self.field_errors.get(field)
                if label is None:
                    unplaced.append(message)
                else:
                    label.show_message(message)
            self.general_error.show_message(" ".join(unplaced) or None)
            return
        if isinstance(exc, StoreError):
            self.general_error.show_message(exc.message)
            return
        raise exc

    def reject(self) -> None:
        if self._busy:
            return
        super().reject()
