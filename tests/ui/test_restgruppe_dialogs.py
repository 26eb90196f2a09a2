"""Koordinationsgruppen on screen: the list imported through its preview (an unknown column
given its meaning, the same list refused, another replaced only when ticked), and the
meeting's review edited beside the list, with its figures tab."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import TODAY
from ungedesk.domain.restgruppe import ContactStatus
from ungedesk.domain.restgruppe_csv import Column
from ungedesk.domain.youth import YouthInput
from ungedesk.services import restgruppe_import, restgruppe_review, youths
from ungedesk.store.database import Store
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.record.youth_form import YouthForm
from ungedesk.ui.restgruppe.import_dialog import ImportDialog
from ungedesk.ui.restgruppe.review_dialog import ReviewDialog

NOVEMBER = date(2026, 11, 1)
LIST = (
    "CPR;Fornavn;Efternavn;Skole\n"
    "010109-4123;Sofie;Nørgaard;Skolen ved Åen\n"
    "150210-4567;Ali;Østergaard;\n"
    "010100-4111;Per;Hansen;\n"
).encode()


def open_review(qtbot, window: MainWindow) -> ReviewDialog:
    window.restgruppe_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, ReviewDialog)
    qtbot.addWidget(dialog)
    return dialog


def import_through_dialog(qtbot, dialog: ReviewDialog, path: Path) -> ImportDialog:
    importer = dialog.open_import(path)
    importer.month.setText("2026-11")
    importer.load_preview()
    qtbot.waitUntil(lambda: importer.preview is not None and not importer.working)
    return importer


def test_an_empty_store_says_how_to_begin(qtbot, window: MainWindow) -> None:
    dialog = open_review(qtbot, window)
    qtbot.waitUntil(lambda: not dialog.empty.isHidden())
    assert "Importer en liste" in dialog.empty.text()
    assert dialog.splitter.isHidden()


def test_preview_then_import_then_the_review(
    qtbot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    youths.register(
        store,
        YouthInput("0101094123", "Sofie", "Nørgaard", date(2026, 9, 1), caseworker_id=1),
        today=TODAY,
    )
    path = tmp_path / "liste.csv"
    path.write_bytes(LIST)
    dialog = open_review(qtbot, window)
    importer = import_through_dialog(qtbot, dialog, path)
    model = importer.model
    assert model.rowCount() == 3
    assert model.data(model.index(0, 3)) == "Sofie Nørgaard"
    assert model.data(model.index(1, 3)) == "Ikke registreret"
    assert "listen gælder 15-17-årige" in model.data(model.index(2, 4))
    assert importer.summary.text().startswith("3 unge på listen: 1 i registret, 2 ikke")
    assert importer.ok_button.isEnabled()
    with qtbot.waitSignal(importer.accepted, timeout=20000):
        importer.ok_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    assert "november 2026 er importeret" in dialog.notice.text()
    assert dialog.month.currentText() == "November 2026"
    assert "På listen 3" in dialog.figures_line.text()
    # The meeting: Per is misplaced (26 years old); saved at the field, the list regroups.
    per_row = next(i for i, e in enumerate(dialog.model.rows) if e.name == "Per Hansen")
    dialog.table.selectRow(per_row)
    editor = dialog.editor
    editor.misplaced.setText("26 år: hører ikke til listen")
    editor.save_button.click()
    qtbot.waitUntil(lambda: dialog.model.rows[-1].misplaced)
    assert dialog.model.data(dialog.model.index(2, 2)) == "Fejlplaceret"
    assert "fejlplaceret 1" in dialog.figures_line.text()
    # An impossible date stays at its field and nothing is saved.
    dialog.table.selectRow(0)
    editor.next_step.setText("Hjemmebesøg")
    editor.next_step_on.setText("31.02.2026")
    editor.save_button.click()
    assert editor.errors["next_step_on"].text().startswith("Den 31.2.2026 findes ikke")
    editor.next_step_on.clear()
    qtbot.keyClicks(editor.next_step_on, "3.12.2026")  # typed: the message goes at once
    assert editor.errors["next_step_on"].isHidden()
    editor.save_button.click()
    qtbot.waitUntil(lambda: dialog.model.rows[0].next_step == "Hjemmebesøg")
    assert dialog.model.rows[0].next_step_on == date(2026, 12, 3)


def test_the_same_list_again_is_refused_and_another_replaced_when_ticked(
    qtbot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    restgruppe_import.apply(store, LIST, NOVEMBER)
    dialog = open_review(qtbot, window)
    same = tmp_path / "igen.csv"
    same.write_bytes(LIST.replace(b";", b","))
    importer = import_through_dialog(qtbot, dialog, same)
    assert "allerede" in importer.existing.text()
    assert not importer.ok_button.isEnabled()
    importer.reject()
    other = tmp_path / "ny.csv"
    other.write_bytes(LIST.replace(b"Skolen ved ", b""))
    importer = import_through_dialog(qtbot, dialog, other)
    assert not importer.replace.isHidden()
    importer.ok_button.click()
    qtbot.waitUntil(lambda: not importer.working)
    assert "Vælg at erstatte den" in importer.general_error.text()
    importer.replace.setChecked(True)
    with qtbot.waitSignal(importer.accepted, timeout=20000):
        importer.ok_button.click()
    qtbot.waitUntil(lambda: any(e.school == "Åen" for e in dialog.model.rows))


def test_an_unknown_cpr_column_is_chosen_in_the_preview(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "liste.csv"
    path.write_bytes("Elev-ID;Navn\n010109-4123;Sofie Nørgaard\n".encode())
    dialog = open_review(qtbot, window)
    importer = dialog.open_import(path)
    qtbot.waitUntil(lambda: not importer.working)
    assert "«Elev-ID»" in importer.general_error.text()
    combo = importer.columns["Elev-ID"]
    assert combo.accessibleName() == "Elev-ID"
    combo.setCurrentIndex(combo.findData(Column.CPR.value))
    qtbot.waitUntil(lambda: importer.preview is not None and not importer.working)
    assert importer.model.rowCount() == 1
    assert importer.general_error.isHidden()


def test_register_from_the_list_fills_in_the_form(qtbot, window: MainWindow, store: Store) -> None:
    restgruppe_import.apply(store, LIST, NOVEMBER)
    dialog = open_review(qtbot, window)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    ali = next(i for i, e in enumerate(dialog.model.rows) if e.name == "Ali Østergaard")
    dialog.table.selectRow(ali)
    assert not dialog.editor.left_button.isEnabled()  # KUI deadlines need a registration
    dialog.editor.register_button.click()
    qtbot.waitUntil(lambda: isinstance(window.form, YouthForm) and window.form.isVisible())
    form = window.form
    assert isinstance(form, YouthForm)
    qtbot.addWidget(form)
    assert (form.first_name.text(), form.last_name.text()) == ("Ali", "Østergaard")
    assert form.cpr.text().replace("-", "") == "1502104567"


@pytest.mark.parametrize("reached", [True, False])
def test_a_try_to_reach_moves_the_contact_status(
    qtbot, window: MainWindow, store: Store, reached: bool
) -> None:
    restgruppe_import.apply(store, LIST, NOVEMBER)
    dialog = open_review(qtbot, window)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    dialog.table.selectRow(0)
    attempt = dialog.editor.open_attempt()
    assert attempt is not None
    if reached:
        attempt.reached.setCurrentIndex(1)
    with qtbot.waitSignal(attempt.accepted, timeout=20000):
        attempt.ok_button.click()
    want = ContactStatus.REACHED if reached else ContactStatus.TRIED
    qtbot.waitUntil(lambda: dialog.model.rows[0].contact_status is want)
    assert len(dialog.model.rows[0].attempts) == 1


def test_the_figures_tab_charts_the_months(qtbot, window: MainWindow, store: Store) -> None:
    restgruppe_import.apply(store, LIST, date(2026, 10, 1))
    restgruppe_import.apply(store, LIST.replace(b"Skolen ved ", b""), NOVEMBER)
    dialog = open_review(qtbot, window)
    qtbot.waitUntil(lambda: dialog.figures.model.rowCount() == 2)
    series = dialog.figures.chart.series()
    assert len(series) == 1
    sets = series[0].barSets()
    assert [s.label() for s in sets][:2] == ["På listen", "Gengangere"]
    assert [sets[1].at(i) for i in range(2)] == [0.0, 3.0]  # all three repeat in November
    assert restgruppe_review.figures(store, NOVEMBER)[1].repeaters == 3


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_the_minutes_are_saved_where_the_caseworker_chose(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, kind: str, monkeypatch
) -> None:
    restgruppe_import.apply(store, LIST, NOVEMBER)
    dialog = open_review(qtbot, window)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    asked: list[str] = []
    target = tmp_path / f"referat.{kind}"

    def ask(suggested: str, _kind: str) -> str:
        asked.append(suggested)
        return str(target)

    monkeypatch.setattr(dialog, "ask_minutes_path", ask)
    button = dialog.minutes_pdf_button if kind == "pdf" else dialog.minutes_xlsx_button
    button.click()
    qtbot.waitUntil(lambda: not dialog.notice.isHidden(), timeout=20000)
    assert asked == [f"koordinationsgruppe-2026-11.{kind}"]
    assert dialog.notice.text() == f"Referatet er gemt som referat.{kind}."
    assert target.stat().st_size > 1000
