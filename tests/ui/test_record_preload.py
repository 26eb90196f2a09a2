"""The record modules are imported on the worker ahead of the first record, but the Qt
extension modules they need are initialised on the GUI thread: QtCharts initialised on the
worker crashed the process now and then (a segfault in its module init)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ungedesk.ui.shell.records import (
    GUI_THREAD_EXTENSIONS,
    RECORD_MODULES,
    import_gui_extensions,
    preload_module,
)

NEW_QT_MODULES = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
import ungedesk.ui.main_window
before = {m for m in sys.modules if m.startswith(("PySide6.", "shiboken"))}
import importlib
from ungedesk.ui.shell.records import RECORD_MODULES
for name in RECORD_MODULES:
    importlib.import_module(name)
after = {m for m in sys.modules if m.startswith(("PySide6.", "shiboken"))}
print(" ".join(sorted(after - before)))
"""


def test_every_qt_extension_a_record_module_needs_is_imported_on_the_gui_thread() -> None:
    out = subprocess.run(
        [sys.executable, "-c", NEW_QT_MODULES], capture_output=True, text=True, check=True
    )
    new = set(out.stdout.split())
    assert new  # the record modules do import one (the progression chart's QtCharts)
    assert new <= set(GUI_THREAD_EXTENSIONS)


def test_a_record_module_is_not_preloaded_before_its_qt_extensions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(sys.modules, "PySide6.QtCharts", raising=False)
    with pytest.raises(RuntimeError, match="QtCharts"):
        preload_module("ungedesk.ui.progression.panel")
    import_gui_extensions()
    assert "PySide6.QtCharts" in sys.modules
    preload_module("ungedesk.ui.progression.panel")


def test_only_record_modules_are_preloaded() -> None:
    assert "ungedesk.ui.progression.panel" in RECORD_MODULES
    with pytest.raises(ValueError):
        preload_module("os")
