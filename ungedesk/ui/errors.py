"""Bugs end in a log file and a plain Danish notice, never in a traceback on screen.

The log holds exception types and code locations only: exception messages and local
variables can carry a CPR number or a name (an SQL parameter, a validation text), so they
are left out on purpose.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ungedesk.services.bug_log import describe_without_personal_data, log_exception

__all__ = [
    "bug_message",
    "describe_without_personal_data",
    "install_excepthook",
    "log_exception",
    "report_bug",
]

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def bug_message(log_file: Path) -> str:
    return QCoreApplication.translate(
        "errors", "An error occurred. Details were saved in {path}."
    ).format(path=str(log_file))


def report_bug(exc: BaseException, logs_dir: Path, parent: QWidget | None = None) -> Path:
    """Log ``exc`` and tell the user in one calm sentence."""
    log_file = log_exception(exc, logs_dir)
    if QApplication.instance() is not None:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("errors", "UngeDesk"),
            bug_message(log_file),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
    return log_file


def install_excepthook(logs_dir: Path) -> ExceptHook:
    """Route uncaught exceptions (also those raised in Qt slots) to report_bug. Returns the
    previous hook so tests and shutdown can restore it."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        report_bug(exc, logs_dir)

    sys.excepthook = hook
    return previous
