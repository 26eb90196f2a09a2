"""Every UI string has a finished Danish translation, and the shipped .qm matches the .ts."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    path = ROOT / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _problems(ts_file: Path) -> list[str]:
    problems: list[str] = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            assert translation is not None
            kind = translation.get("type")
            if kind in ("unfinished", "vanished", "obsolete"):
                problems.append(f"{name}: {source!r} is {kind}")
                continue
            forms = translation.findall("numerusform")
            texts = [f.text for f in forms] if forms else [translation.text]
            if not all(t and t.strip() for t in texts):
                problems.append(f"{name}: {source!r} has an empty translation")
    return problems


def test_every_ui_string_has_a_finished_danish_translation(tmp_path: Path) -> None:
    script = _script()
    # lupdate merges the current sources into a copy of the committed catalogue: strings
    # added since come out "unfinished", strings removed since come out "vanished".
    scratch = tmp_path / "ungedesk_da.ts"
    shutil.copy(script.TS_FILE, scratch)
    script.lupdate(scratch, drop_obsolete=False)
    problems = _problems(scratch)
    assert not problems, "Run scripts/update_translations.py and translate:\n" + "\n".join(problems)


def test_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    script = _script()
    fresh = tmp_path / "fresh.qm"
    script.lrelease(script.TS_FILE, fresh)
    assert script.QM_FILE.exists(), "resources/translations/ungedesk_da.qm is missing"
    assert fresh.read_bytes() == script.QM_FILE.read_bytes(), (
        "ungedesk_da.qm is older than ungedesk_da.ts: run scripts/update_translations.py"
    )


def test_translations_are_installed() -> None:
    # The session fixture installs them as the app does.
    assert QCoreApplication.translate("MainWindow", "&File") == "&Filer"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuller"
