"""The access log's head in the GUI: saved for a witness, shown after a check, and a
rolled-back log said at once when the store opens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ungedesk.services import audit, youths
from ungedesk.services.audit import VerifyResult
from ungedesk.store.anchor import HeadMark
from ungedesk.store.database import Store
from ungedesk.ui.main_window import MainWindow


def _notice_text(qtbot, window: MainWindow) -> str:
    qtbot.waitUntil(lambda: window.notice is not None and window.notice.isVisible())
    assert window.notice is not None
    text = window.notice.text()
    window.notice.close()
    return text


def test_the_head_is_saved_for_a_witness(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "vidne.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.witness_action.trigger()
    text = _notice_text(qtbot, window)
    doc = json.loads(target.read_text())
    assert doc["store_id"] == store.store_id
    assert f"hændelse nr. {doc['seq']}" in text and doc["hash"] in text
    assert audit.check_witness(store, HeadMark(doc["seq"], doc["hash"])) == []


def test_a_whole_log_shows_its_head(qtbot, window: MainWindow) -> None:
    window._verified(VerifyResult(12, [], HeadMark(12, "ab" * 32)))
    text = _notice_text(qtbot, window)
    assert "12 hændelser kontrolleret" in text and "hændelse nr. 12, abababababababab" in text


def test_alerts_found_at_opening_are_shown(qtbot, window: MainWindow, store: Store) -> None:
    youths.log_search(store, "x", 0)
    alert = "Loggen er rullet tilbage eller afkortet: 3 hændelser mangler."
    window.show_log_alerts([alert])
    assert window.notice is not None and window.notice.icon() == QMessageBox.Icon.Critical
    text = _notice_text(qtbot, window)
    assert text.startswith("UngeDesk har fundet tegn på") and alert in text
    window.show_log_alerts([])
    assert window.notice is None or not window.notice.isVisible()
