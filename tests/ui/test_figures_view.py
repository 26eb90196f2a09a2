"""Ledelsestal on screen: the month's figures per target group with definitions as
tooltips, the young people behind a number (logged), a record opened from there, and the
table saved as a workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from tests.conftest import TODAY
from ungedesk.domain.youth import ExitReason, YouthInput
from ungedesk.services import audit, retention, target_groups, visitation, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store
from ungedesk.ui.figures.view import FiguresDialog
from ungedesk.ui.main_window import MainWindow


def caseload(store: Store) -> tuple[int, int]:
    a = youths.register(
        store,
        YouthInput("010100-4001", "Sofie", "Nørgaard", date(2026, 11, 2), caseworker_id=1),
        today=TODAY,
    ).youth_id
    visitation.save(store, a, VisitationInput(date(2026, 11, 2), "lab6_4"), today=TODAY)
    retention.close_case(store, a, ExitReason.EDUCATION, date(2026, 11, 3), today=TODAY)
    b = youths.register(
        store,
        YouthInput("020200-4002", "Ali", "Østergaard", date(2026, 10, 5), caseworker_id=1),
        today=TODAY,
    ).youth_id
    visitation.save(store, b, VisitationInput(date(2026, 10, 5), "lab6_5"), today=TODAY)
    return a, b


def open_figures(qtbot, window: MainWindow) -> FiguresDialog:
    window.figures_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, FiguresDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table_data is not None)
    return dialog


def row_of(dialog: FiguresDialog, label: str) -> int:
    return next(i for i, r in enumerate(dialog.model.rows) if r.label == label)


def test_the_months_figures_and_the_people_behind_a_number(
    qtbot, window: MainWindow, store: Store
) -> None:
    a, _b = caseload(store)
    dialog = open_figures(qtbot, window)
    assert dialog.period().label == "2026-11"  # the month of the injected today
    m = dialog.model
    total = m.columnCount() - 1
    assert m.headerData(total, Qt.Orientation.Horizontal) == "I alt"
    active = row_of(dialog, "Aktive sager")
    assert m.data(m.index(active, total)) == "2"
    assert "mindst én dag i perioden" in m.data(m.index(active, 0), Qt.ItemDataRole.ToolTipRole)
    turned = row_of(dialog, "Vendt i døren")
    dialog.show_people(m.index(turned, total))
    qtbot.waitUntil(lambda: dialog.people.rowCount() == 1)
    assert dialog.people.rows[0].name == "Sofie Nørgaard"
    assert dialog.people.rows[0].masked_cpr == "010100-xxxx"
    assert any(
        e.criterion.startswith("Ledelsestal: Vendt i døren, I alt, 2026-11")
        for e in audit.recent_for_actor(store, 1, limit=5)
    )
    dialog._open_person(dialog.people.index(0, 1))
    qtbot.waitUntil(lambda: window.record_view(a) is not None)


def test_a_quarter_and_the_workbook(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch
) -> None:
    caseload(store)
    dialog = open_figures(qtbot, window)
    dialog.kind.setCurrentIndex(1)  # quarter
    dialog.part.setCurrentIndex(3)
    qtbot.waitUntil(
        lambda: dialog.table_data is not None and dialog.table_data.period.label == "2026-K4"
    )
    target = tmp_path / "tal.xlsx"
    monkeypatch.setattr(dialog, "ask_path", lambda suggested: str(target))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.notice.isHidden())
    assert dialog.notice.text() == "Tallene er gemt som tal.xlsx."
    rows = {r[0]: r for r in load_workbook(target)["Tal"].iter_rows(values_only=True)}
    assert rows["Tilgang"][-1] == 2


def test_the_12_months_tab_charts_the_flow(qtbot, window: MainWindow, store: Store) -> None:
    caseload(store)
    dialog = open_figures(qtbot, window)
    qtbot.waitUntil(lambda: dialog.history.model.rowCount() == 12)
    history = dialog.history
    assert history.model.data(history.model.index(11, 0)) == "nov. 2026"
    assert history.model.data(history.model.index(11, 2)) == "1"  # November's tilgang
    assert history.model.data(history.model.index(10, 2)) == "1"  # October's
    sets = history.chart.series()[0].barSets()
    assert [s.label() for s in sets] == ["Tilgang", "Afgang", "Vendt i døren"]
    assert sets[2].at(11) == 1.0


def test_the_definitions_page_names_every_figure(qtbot, window: MainWindow, store: Store) -> None:
    caseload(store)
    dialog = open_figures(qtbot, window)
    text = dialog.definitions.toPlainText()
    for heading in ("Aktive sager", "Tilgang", "Afgang", "Vendt i døren", "Aktiveringsgrad"):
        assert heading in text
    assert "lov nr. 1750 af 29. december 2025" in text.lower()


def test_the_report_is_saved_as_pdf(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch
) -> None:
    caseload(store)
    dialog = open_figures(qtbot, window)
    target = tmp_path / "rapport.pdf"
    monkeypatch.setattr(dialog, "ask_report_path", lambda suggested: str(target))
    dialog.report_button.click()
    qtbot.waitUntil(lambda: not dialog.notice.isHidden(), timeout=30000)
    assert target.read_bytes().startswith(b"%PDF")


def wait_for(qtbot, dialog: FiguresDialog, month: str) -> None:
    """Until both the table and the 12 months are the month's."""

    def loaded() -> bool:
        months = dialog.history.months
        return (
            dialog.table_data is not None
            and dialog.table_data.period.label == month
            and bool(months)
            and months[-1].period.start.strftime("%Y-%m") == month
        )

    qtbot.waitUntil(loaded)


def shown_columns(dialog: FiguresDialog) -> list[str]:
    m = dialog.model
    return [
        str(m.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
        for c in range(1, m.columnCount())
        if not dialog.view.isColumnHidden(c)
    ]


def test_one_target_group_in_the_table_and_the_12_months(
    qtbot, window: MainWindow, store: Store
) -> None:
    _a, b = caseload(store)
    dialog = open_figures(qtbot, window)
    qtbot.waitUntil(lambda: dialog.history.model.rowCount() == 12)
    four = target_groups.label("lab6_4", date(2026, 11, 30))
    five = target_groups.label("lab6_5", date(2026, 11, 30))
    combo = dialog.group
    assert [combo.itemText(i) for i in range(combo.count())] == ["Alle målgrupper", four, five]
    assert [combo.itemData(i) for i in range(combo.count())] == [None, "lab6_4", "lab6_5"]
    assert "Regnearket og PDF-rapporten" in combo.toolTip()  # the files keep every group
    assert shown_columns(dialog) == [four, five, "I alt"]

    combo.setCurrentIndex(combo.findData("lab6_5"))
    assert shown_columns(dialog) == [five, "I alt"]
    history = dialog.history
    bars = history.bar_values()
    assert bars["Tilgang"] == [0.0] * 10 + [1.0, 0.0]  # Ali came in October, in lab6_5
    assert bars["Vendt i døren"] == [0.0] * 12  # Sofie (lab6_4) is not counted here
    assert history.model.data(history.model.index(11, 1)) == "1"  # Ali active in November
    assert five in history.table.accessibleDescription()
    assert five in history.chart.title()
    # A number of the chosen group still opens its young people (columns keep their index).
    m = dialog.model
    column = m.columns.index(five) + 1
    dialog.show_people(m.index(row_of(dialog, "Aktive sager"), column))
    qtbot.waitUntil(lambda: dialog.people.rowCount() == 1)
    assert dialog.people.rows[0].youth_id == b
    assert combo.toolTip().startswith(five)  # the chosen label in full
    # Another group hides that column, and its young people with it...
    ali = list(dialog.people.rows)
    combo.setCurrentIndex(combo.findData("lab6_4"))
    assert dialog.people.rowCount() == 0
    combo.setCurrentIndex(combo.findData("lab6_5"))
    # ... also when they arrive after the column was hidden.
    dialog.show_people(m.index(row_of(dialog, "Aktive sager"), column))
    combo.setCurrentIndex(combo.findData("lab6_4"))
    dialog._people_behind(column, ali)
    assert dialog.people.rowCount() == 0
    combo.setCurrentIndex(combo.findData("lab6_5"))

    # October has lab6_5 only: the choice is kept, and lab6_4 is not offered.
    dialog.part.setCurrentIndex(9)
    wait_for(qtbot, dialog, "2026-10")
    assert [combo.itemData(i) for i in range(combo.count())] == [None, "lab6_5"]
    assert combo.currentData() == "lab6_5"
    assert shown_columns(dialog) == [five, "I alt"]

    # Back to November and lab6_4; then October has no lab6_4: every group is shown again.
    dialog.part.setCurrentIndex(10)
    wait_for(qtbot, dialog, "2026-11")
    combo.setCurrentIndex(combo.findData("lab6_4"))
    assert shown_columns(dialog) == [four, "I alt"]
    assert history.bar_values()["Vendt i døren"][11] == 1.0
    dialog.part.setCurrentIndex(9)
    wait_for(qtbot, dialog, "2026-10")
    assert combo.currentIndex() == 0
    assert shown_columns(dialog) == [five, "I alt"]

    # All groups again: every column and the total's months.
    dialog.part.setCurrentIndex(10)
    wait_for(qtbot, dialog, "2026-11")
    combo.setCurrentIndex(combo.findData("lab6_5"))
    combo.setCurrentIndex(0)
    assert shown_columns(dialog) == [four, five, "I alt"]
    qtbot.waitUntil(lambda: history.bar_values()["Tilgang"][10:] == [1.0, 1.0])
    assert history.chart.title() == ""
    assert "i alt" in history.table.accessibleDescription()
