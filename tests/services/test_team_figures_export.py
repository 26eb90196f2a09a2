"""The leader's table of the team's figures: the caseworkers' files merged with Danish
labels, a suppressed count as "mindst N", and the table saved as a workbook (counts only,
logged)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.support.figures_files import team_file
from ungedesk.domain.errors import FileError
from ungedesk.domain.figures import Period
from ungedesk.services import audit, team_figures_export
from ungedesk.store.database import Store

UDDANNELSESPARAT = "Uddannelsesparat kontanthjælpsmodtager under 30 år uden uddannelse"


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    return [
        team_file(tmp_path, "AB", 7),
        team_file(tmp_path, "CD", 2),
        team_file(tmp_path, "EF", 1, group="lab6_5"),
    ]


def test_the_team_table_has_danish_labels_and_floors(files: list[Path]) -> None:
    table = team_figures_export.team_table(files)
    assert (table.period, table.files) == ("2026-11", 3)
    assert table.columns[-1] == "I alt"
    assert table.columns[0].startswith(UDDANNELSESPARAT)
    labels = [r.label for r in table.rows]
    assert labels == ["Aktive sager", "Tilgang", "Afgang", "Vendt i døren"]
    inflow = next(r for r in table.rows if r.key == "inflow")
    # 7, and 2 and 1 hidden (under 5): at least 9 in all.
    assert [c.text for c in inflow.cells] == ["mindst 8", "mindst 1", "mindst 9"]
    assert table.any_suppressed


def test_a_bad_file_names_itself_and_nothing_is_merged(files: list[Path], tmp_path: Path) -> None:
    bad = tmp_path / "rod.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(FileError) as caught:
        team_figures_export.team_table([files[0], bad])
    assert caught.value.message.startswith("rod.json: ")


@pytest.mark.parametrize(
    ("label", "period"),
    [
        ("2026-11", Period.month(2026, 11)),
        ("2026-K4", Period.quarter(2026, 4)),
        ("2026", Period.year(2026)),
        ("2026-13", None),
        ("noget", None),
    ],
)
def test_the_period_of_a_files_label(label: str, period: Period | None) -> None:
    assert team_figures_export.period_of(label) == period


def test_the_workbook_holds_the_table_and_what_at_least_means(
    files: list[Path], tmp_path: Path, store: Store
) -> None:
    table = team_figures_export.team_table(files)
    target = tmp_path / "ud" / "teamets-tal.xlsx"
    assert team_figures_export.write_team_xlsx(store, table, target) == target
    book = load_workbook(target)
    rows = {r[0]: r for r in book["Tal"].iter_rows(values_only=True)}
    assert rows["Tal"][-1] == "I alt"
    assert rows["Tilgang"][1:] == ("mindst 8", "mindst 1", "mindst 9")
    notes = {r[0]: r[1] for r in book["Om tallene"].iter_rows(values_only=True)}
    assert notes["Periode"] == "2026-11" and notes["Filer"] == 3
    assert "mindst" in notes["Mindst"]
    assert any(
        e.action is audit.Action.EXPORT and e.subject == "Teamets tal 2026-11"
        for e in audit.recent_for_actor(store, 1, limit=5)
    )
