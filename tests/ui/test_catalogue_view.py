"""Tilbudsvifte: reached from the menu, searched with Danish folding and filtered, an edit
dialog with messages under the fields, retire and reactivate, and the file round trip
through the file dialogs, all as operations on the worker."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ungedesk.services import catalogue
from ungedesk.store.database import Store
from ungedesk.ui.catalogue.model import Column
from ungedesk.ui.catalogue.view import CatalogueDialog
from ungedesk.ui.main_window import MainWindow


def open_catalogue(qtbot, window: MainWindow) -> CatalogueDialog:
    window.catalogue_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, CatalogueDialog)
    qtbot.addWidget(dialog)  # closed at the end of the test (the main window leaves it)
    qtbot.waitUntil(lambda: dialog.model.total > 0)
    return dialog


def names(dialog: CatalogueDialog) -> list[str]:
    m = dialog.model
    return [str(m.data(m.index(r, Column.NAME))) for r in range(m.rowCount())]


def test_search_and_filters(qtbot, window: MainWindow, store: Store) -> None:
    dialog = open_catalogue(qtbot, window)
    starter = len(catalogue.list_offers(store))
    assert dialog.model.matched == starter
    assert "Danish" not in dialog.count.text()
    assert dialog.count.text() == f"{starter} tilbud vist af {starter} i tilbudsviften"
    dialog.search.setText("lontilskud")  # no ø typed: finds Løntilskud
    assert names(dialog) and all("Løntilskud" in n for n in names(dialog))
    dialog.search.clear()
    dialog.kind.setCurrentIndex(dialog.kind.findData("mentor"))
    assert names(dialog) == ["Fastholdelsesmentor på uddannelse", "Mentor til fremmøde og overgang"]
    dialog.audience.setCurrentIndex(dialog.audience.findData("aktivitetsparat"))
    assert names(dialog) == ["Mentor til fremmøde og overgang"]


def test_edit_dialog_shows_messages_at_the_field_and_saves(qtbot, window: MainWindow) -> None:
    dialog = open_catalogue(qtbot, window)
    editor = dialog.new_offer()
    editor.kind.setCurrentIndex(editor.kind.findData("virksomhedspraktik"))
    editor.contact_email.setText("ikke en adresse")
    editor.ok_button.click()
    qtbot.waitUntil(lambda: not editor.working)
    assert editor.field_errors["name"].text() == "Skriv tilbuddets navn."
    assert not editor.field_errors["contact_email"].isHidden()
    assert editor.isVisible()
    editor.weeks.setValue(1)
    assert editor.law.text().startswith("Tæller ikke som tilbud: det skal vare mindst 2 uger")
    editor.weeks.setValue(4)
    editor.name.setText("Praktik på Ærø Værft")
    editor.contact_email.setText("kontakt@vaerft.example")
    with qtbot.waitSignal(editor.accepted, timeout=20000):
        editor.ok_button.click()
    # The list reloads and selects the new offer, with what the law says about it.
    qtbot.waitUntil(lambda: dialog.selected() is not None)
    assert dialog.selected().name == "Praktik på Ærø Værft"
    assert "Tæller som tilbud, når det varer mindst 2 uger." in dialog.details.text()
    assert "kontakt@vaerft.example" in dialog.details.text()
    dialog.search.setText("aero vaerft")
    assert names(dialog) == ["Praktik på Ærø Værft"]


def test_retire_and_reactivate(qtbot, window: MainWindow, store: Store) -> None:
    dialog = open_catalogue(qtbot, window)
    dialog.search.setText("Motion og trivsel")
    dialog.table.selectRow(0)
    assert dialog.retire_button.text() == "&Udgår"
    dialog.retire_button.click()
    qtbot.waitUntil(lambda: dialog.model.matched == 0)  # the list shows active offers
    retired = [o for o in catalogue.list_offers(store) if o.name == "Motion og trivsel"]
    assert not retired[0].active
    dialog.status.setCurrentIndex(dialog.status.findData(False))
    assert names(dialog) == ["Motion og trivsel"]
    dialog.table.selectRow(0)
    assert dialog.retire_button.text() == "&Genaktivér"
    dialog.retire_button.click()
    qtbot.waitUntil(lambda: dialog.model.matched == 0)
    assert next(o for o in catalogue.list_offers(store) if o.name == "Motion og trivsel").active


def test_export_and_import_through_the_file_dialogs(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    dialog = open_catalogue(qtbot, window)
    target = tmp_path / "tilbud.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.notice.isHidden(), timeout=20000)
    assert "eksporteret til tilbud.json" in dialog.notice.text()
    document = json.loads(target.read_text(encoding="utf-8"))
    document["offers"][0]["name"] = "Omdøbt hold"
    document["offers"][1]["weeks"] = "fire"
    bad = tmp_path / "forkert.json"
    bad.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(bad), ""))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.message.isHidden(), timeout=20000)
    assert "Tilbud nr. 2" in dialog.message.text() and "varighed i uger" in dialog.message.text()
    assert "Omdøbt hold" not in names(dialog)  # nothing imported
    document["offers"][1]["weeks"] = 4
    bad.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "Omdøbt hold" in names(dialog), timeout=20000)
    assert dialog.message.isHidden()
    assert "0 nye" in dialog.notice.text()


def test_an_offer_event_picks_from_the_catalogue_and_says_what_the_law_says(
    qtbot, store: Store
) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    from ungedesk.domain.youth import YouthInput
    from ungedesk.services import visitation, youths
    from ungedesk.ui.visitation.visitation_dialogs import EventDialog

    today = date(2026, 11, 24)
    yid = youths.register(
        store,
        YouthInput("1503054007", "Sofie", "Nørgaard", date(2026, 11, 2), caseworker_id=1),
        today=today,
    ).youth_id
    dialog = EventDialog(store, yid, lambda: today)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("tilbud_start"))
    qtbot.waitUntil(lambda: dialog.note.completer() is not None)
    assert dialog.offer_hint.text() == "Vælg tilbuddet i tilbudsviften, eller skriv det frit."
    completer = dialog.note.completer()
    completer.setCompletionPrefix("mentor")
    found = [completer.currentCompletion()]
    while completer.setCurrentRow(completer.currentRow() + 1):
        found.append(completer.currentCompletion())
    assert "Mentor til fremmøde og overgang" in found
    dialog.note.setText("Mentor til fremmøde og overgang")
    # Mentor is support, not an offer: the caseworker sees it before saving.
    assert dialog.offer_hint.text() == "Mentor: Tæller ikke som tilbud efter loven."
    dialog.note.setText("amu: LAGER og truck")  # case does not matter
    dialog.on.setDate(QDate(2026, 11, 20))
    assert dialog.offer_hint.text() == (
        "AMU (arbejdsmarkedsuddannelse): Tæller som tilbud, når det varer mindst 2 uger."
    )
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.ok_button.click()
    events = visitation.events(store, yid)
    assert [e.kind for e in events] == ["tilbud_start"]


def test_the_plans_intervention_cell_suggests_catalogue_offers(qtbot, store: Store) -> None:
    from datetime import date, datetime

    from PySide6.QtWidgets import QLineEdit

    from ungedesk.domain.youth import YouthInput
    from ungedesk.services import youths
    from ungedesk.ui import tasks
    from ungedesk.ui.plan.panel import PlanPanel

    today = date(2026, 11, 24)
    yid = youths.register(
        store,
        YouthInput("1503054007", "Sofie", "Nørgaard", date(2026, 11, 2), caseworker_id=1),
        today=today,
    ).youth_id
    panel = PlanPanel(store, yid, lambda: today, lambda: datetime(2026, 11, 24, 12, 0))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.loaded)
    section = panel.form.interventions
    assert "Mentor til fremmøde og overgang" in section.table.delegate.completions["name"]
    section.add()
    editor = section.table.indexWidget(section.table.currentIndex()) or panel.focusWidget()
    assert isinstance(editor, QLineEdit)
    completer = editor.completer()
    assert completer is not None
    completer.setCompletionPrefix("fastholdelse")  # contains, case-insensitive
    assert completer.currentCompletion() == "Fastholdelsesmentor på uddannelse"
    # The provider column is free text without suggestions.
    provider = section.model.index(section.model.rowCount() - 1, 1)
    assert section.table.delegate.completions.get("provider") is None
    assert provider.isValid()
    panel.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)
