"""Python's cyclic garbage collector runs on the GUI thread only.

CPython runs a collection in whichever thread happens to allocate when a threshold is
crossed: often the database worker. A collection there can drop the last reference to a
Qt wrapper (a closed record's widgets, in a cycle with their callbacks) and destroy a Qt
object from the wrong thread, which crashes the process. So automatic collection is off
while the worker exists, and a timer on the GUI thread collects, with the thresholds
CPython itself would use (the approach pyqtgraph's GarbageCollector takes). A collection
between keystrokes, not during one, also keeps typing in the search field even.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)

    def collect_due(self) -> int:
        """Collect the generations whose counts crossed their thresholds; returns how many
        objects were found unreachable."""
        threshold = gc.get_threshold()
        count = gc.get_count()
        found = 0
        # The oldest generation due first: collecting it collects the younger ones too.
        for generation in (2, 1, 0):
            if threshold[generation] and count[generation] > threshold[generation]:
                found = gc.collect(generation)
                break
        return found

    def stop(self) -> None:
        """Hand collection back to CPython (the worker has stopped)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
