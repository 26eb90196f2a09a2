"""Bugs end in a log file and a plain Danish notice, never in a traceback on screen.

The log holds exception types and code locations only: exception messages and local
variables can carry a CPR number or a name (an SQL parameter, a validation text), so they
are left out on purpose.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ungedesk.store.paths import ensure_private_dir

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def describe_without_personal_data(exc: BaseException) -> str:
    """Type names and frames (file, line, function) of ``exc`` and its causes."""
    lines: list[str] = []
    current: BaseException | None = exc
    seen: set[int] = set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        lines.append(f"{kind.__module__}.{kind.__qualname__}")
        for frame in traceback.extract_tb(current.__traceback__):
            where = _relative(frame.filename)
            lines.append(f'  File "{where}", line {frame.lineno}, in {frame.name}')
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("caused by / while handling:")
    return "\n".join(lines)


def _relative(filename: str) -> str:
    """Only the part from the package or library on: the full path names the user."""
    path = Path(filename)
    for anchor in ("ungedesk", "site-packages", "lib"):
        if anchor in path.parts:
            index = len(path.parts) - 1 - path.parts[::-1].index(anchor)
            return "/".join(path.parts[index:])
    return path.name


def log_exception(exc: BaseException, logs_dir: Path) -> Path:
    """Append ``exc`` (without personal data) to today's log file and return its path."""
    ensure_private_dir(logs_dir)
    now = datetime.now()
    log_file = logs_dir / f"ungedesk-{now:%Y-%m-%d}.log"
    with log_file.open("a", encoding="utf-8") as fh:
        fh.write(f"--- {now:%Y-%m-%d %H:%M:%S} unexpected error\n")
        fh.write(describe_without_personal_data(exc) + "\n")
    return log_file


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
