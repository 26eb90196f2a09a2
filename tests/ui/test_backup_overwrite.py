"""Security › Backup over an existing file: replaced only when the save dialog confirmed
that very file, and the notice gives the access log's head as a witness."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ungedesk.services import audit, backup_archive
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.ui.main_window import MainWindow


def close_notice(qtbot, window: MainWindow) -> tuple[str, QMessageBox.Icon]:
    qtbot.waitUntil(lambda: window.notice is not None and window.notice.isVisible())
    assert window.notice is not None
    text, icon = window.notice.text(), window.notice.icon()
    window.notice.close()
    return text, icon


def test_confirmed_overwrite_replaces_and_shows_the_head(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kopi.udbackup"
    target.write_bytes(b"the previous backup")
    audit.log(store, Action.SEARCH, detail="noget at vidne om")
    # The dialog returns exactly the existing file: it has asked before overwriting it.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.backup_action.trigger()
    text, icon = close_notice(qtbot, window)
    assert icon != QMessageBox.Icon.Warning, text
    info = backup_archive.inspect(target)
    assert info.audit_head is not None and info.audit_head.seq >= 1
    assert f"nr. {info.audit_head.seq}, kontrolsum {info.audit_head.hash[:16]}" in text


def test_a_name_the_suffix_was_added_to_is_not_overwritten(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = tmp_path / "kopi.udbackup"
    existing.write_bytes(b"the previous backup")
    # Typed "kopi": the dialog asked about "kopi", not about "kopi.udbackup".
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "kopi"), "")
    )
    window.backup_action.trigger()
    text, icon = close_notice(qtbot, window)
    assert icon == QMessageBox.Icon.Warning
    assert text.startswith("Der findes allerede en fil med det navn.")
    assert existing.read_bytes() == b"the previous backup"
