"""Run something right after a widget's next paint: the start's later work waits until the
caseworker can see the list, since on one interpreter it would slow the paint down."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        widget.installEventFilter(self)
        widget.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A widget hidden before it painted (the empty state replaced by the list as an
        # early search's rows arrive) will not paint: go on then too, or the rest of the
        # start would never come.
        if watched is self._widget and event.type() in (QEvent.Type.Paint, QEvent.Type.Hide):
            self._widget.removeEventFilter(self)
            # The filter runs before the widget paints: go on once the paint is done.
            QTimer.singleShot(0, self._callback)
            self.deleteLater()
        return False


def after_next_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once ``widget`` has painted next (or been hidden before it could);
    at once (on the next turn of the event loop) when it is not on screen."""
    if not widget.isVisible():
        QTimer.singleShot(0, callback)
        return
    _AfterPaint(widget, callback)
