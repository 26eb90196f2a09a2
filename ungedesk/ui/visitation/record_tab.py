"""What every casework tab of a record shares: it reads what it shows with one operation,
shows known errors in its own message label, and reads again when the change bus says
that something it shows changed for its young person (whoever changed it: this tab, a
dialog, another window)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ungedesk.domain.errors import KnownError
from ungedesk.store.database import Store
from ungedesk.ui import changes
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.operations import is_wanted
from ungedesk.ui.widgets import MessageLabel
from ungedesk.ui.work_dialog import WorkDialog


class RecordTab(QWidget):
    """Subclasses set ``ASPECTS``, build their widgets, place ``self.error`` and implement
    ``reload`` (one Operation whose success ends in ``_refreshed``)."""

    # Emitted each time a read has arrived and is shown (tests wait for it).
    refreshed = Signal()
    ASPECTS: tuple[Aspect, ...] = ()

    def __init__(self, store: Store, youth_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._youth_id = youth_id
        self.loaded = False
        self.error = MessageLabel()
        changes.bus().changed.connect(self._store_changed)

    @property
    def youth_id(self) -> int:
        return self._youth_id

    def reload(self) -> None:
        raise NotImplementedError

    def _refreshed(self) -> None:
        """Call at the end of a subclass's success callback."""
        self.loaded = True
        self.error.show_message(None)
        self.refreshed.emit()

    def show_known_error(self, error: KnownError) -> None:
        """The operations of this tab (and of dialogs without their own area) land here."""
        self.error.show_message(error.message)

    def _store_changed(self, change: Change) -> None:
        # A tab of a record being closed reads nothing more.
        if is_wanted(self) and change.about(self._youth_id) and change.touches(*self.ASPECTS):
            self.reload()


class RecordWorkDialog(WorkDialog):
    """A dialog of a record's tab whose one operation ends the dialog when it succeeds."""

    def done_and_accept(self, _result: object = None) -> None:
        self.set_busy(False)
        self.accept()
