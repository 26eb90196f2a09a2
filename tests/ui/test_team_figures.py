"""The team's figures on screen: a caseworker saves the period's figures for the leader
(the threshold from Settings), and the leader adds several such files and sees them added
up, "mindst N" where a file hid a small count; a changed file is refused by name and
nothing is added up."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from tests.support.figures_files import team_file
from ungedesk.domain.youth import YouthInput
from ungedesk.services import settings, youths
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.figures.team_dialog import TeamFiguresDialog
from ungedesk.ui.figures.view import FiguresDialog
from ungedesk.ui.main_window import MainWindow


def open_figures(qtbot, window: MainWindow) -> FiguresDialog:
    window.figures_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, FiguresDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table_data is not None)
    return dialog


def open_team(qtbot, window: MainWindow) -> TeamFiguresDialog:
    figures = open_figures(qtbot, window)
    figures.team_button.click()
    team = figures.team_dialog
    assert isinstance(team, TeamFiguresDialog)
    qtbot.waitUntil(team.isVisible)
    return team


def cell(team: TeamFiguresDialog, label: str, column: str) -> str:
    m = team.model
    row = next(i for i, r in enumerate(m.rows) if r.label == label)
    col = 1 + m.columns.index(column)
    return str(m.data(m.index(row, col)))


def test_two_files_are_added_up(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    files = [team_file(tmp_path, "AB", 7), team_file(tmp_path, "CD", 5)]
    team = open_team(qtbot, window)
    assert team.empty.isVisible() and not team.view.isVisible()
    assert "Gem tal til lederen…" in team.empty.text()
    assert not team.save_button.isEnabled()
    monkeypatch.setattr(team, "ask_files", lambda: [str(f) for f in files])
    with qtbot.waitSignal(team.merged):
        team.add_button.click()
    assert team.files.count() == 2
    assert team.summary.text() == "Periode 2026-11 · 2 filer"
    assert team.view.isVisible() and not team.empty.isVisible() and not team.message.isVisible()
    assert cell(team, "Tilgang", "I alt") == "12"
    assert cell(team, "Aktive sager", "I alt") == "12"
    assert not team.at_least.isVisible()  # 7 and 5: nothing hidden at the threshold 5
    header = team.model.headerData(1, Qt.Orientation.Horizontal)
    assert header.startswith("Uddannelsesparat")  # the target group's label, not its code
    # A third file with a small count: the sum becomes a floor.
    with qtbot.waitSignal(team.merged):
        team.add_files([team_file(tmp_path, "EF", 2)])
    assert cell(team, "Tilgang", "I alt") == "mindst 13"
    assert team.at_least.isVisible() and "mindst" in team.at_least.text()
    # Removed again: back to the two.
    team.files.setCurrentRow(2)
    with qtbot.waitSignal(team.merged):
        team.remove_button.click()
    assert cell(team, "Tilgang", "I alt") == "12"

    target = tmp_path / "teamets-tal.xlsx"
    monkeypatch.setattr(team, "ask_path", lambda suggested: str(target))
    team.save_button.click()
    qtbot.waitUntil(lambda: not team.notice.isHidden())
    assert team.notice.text() == "Teamets tal er gemt som teamets-tal.xlsx."
    rows = {r[0]: r for r in load_workbook(target)["Tal"].iter_rows(values_only=True)}
    assert rows["Tilgang"][-1] == 12
    team.reject()


def test_a_changed_file_is_refused_by_name_and_nothing_is_added_up(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    good = team_file(tmp_path, "AB", 7)
    content = json.loads(team_file(tmp_path, "CD", 6).read_bytes())
    for row in content["counts"]:
        if row.get("value") == 6:
            row["value"] = 60
    changed = tmp_path / "ændret.json"
    changed.write_text(json.dumps(content), encoding="utf-8")
    team = open_team(qtbot, window)
    with qtbot.waitSignal(team.merged):
        team.add_files([good])
    assert team.view.isVisible()
    with qtbot.waitSignal(team.refused) as refused:
        team.add_files([changed])
    assert refused.args[0].startswith("ændret.json: Filen er ændret, efter den blev lavet")
    assert team.message.isVisible() and team.message.text() == refused.args[0]
    assert not team.view.isVisible() and team.model.rowCount() == 0
    assert team.table_data is None and not team.save_button.isEnabled()
    # Taking the changed file out adds the good one up again.
    team.files.setCurrentRow(1)
    with qtbot.waitSignal(team.merged):
        team.remove_button.click()
    assert not team.message.isVisible()
    assert cell(team, "Tilgang", "I alt") == "7"
    team.reject()


def test_the_file_for_the_leader_uses_the_threshold_from_settings(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, today: date, monkeypatch
) -> None:
    def register(n: int) -> None:
        for i in range(n):
            youths.register(
                store,
                YouthInput(
                    f"{i + 1:02d}0200400{i}", "Prøve", "Hansen", date(2026, 11, 2), caseworker_id=1
                ),
                today=today,
            )

    tasks.runner().call_blocking(register, 6)
    tasks.runner().call_blocking(settings.set_setting, store, settings.FIGURES_THRESHOLD, 8)
    figures = open_figures(qtbot, window)
    asked: list[str] = []
    target = tmp_path / "til-lederen.json"

    def ask(suggested: str) -> str:
        asked.append(suggested)
        return str(target)

    monkeypatch.setattr(figures, "ask_team_file_path", ask)
    figures.team_file_button.click()
    qtbot.waitUntil(lambda: not figures.notice.isHidden())
    assert asked == ["tal-til-lederen-2026-11.json"]  # the period, nobody's name
    assert figures.notice.text().startswith("Tallene til lederen er gemt som til-lederen.json.")
    content = json.loads(target.read_bytes())
    assert content["threshold"] == 8
    counts = {(r["figure"], r["column"]): r for r in content["counts"]}
    assert counts[("inflow", "i_alt")] == {
        "figure": "inflow",
        "column": "i_alt",
        "suppressed": True,
    }
