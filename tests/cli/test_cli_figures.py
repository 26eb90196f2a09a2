"""``ungedesk figures``: the period's management figures headless, as a table or a workbook
that holds counts and shares only (a canary CPR and name are nowhere in it)."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import PASSPHRASE
from tests.e2e.conftest import INIT, assert_clean_failure, run
from ungedesk.domain.youth import ExitReason, YouthInput
from ungedesk.services import retention, setup, visitation, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.paths import StorePaths

CANARY_CPR = "0101004321"
CANARY_NAME = "Kanarieæble"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("cli-figures") / "data"
    made = run(*INIT, data_dir=data)
    assert made.returncode == 0, made.stderr
    opened = setup.unlock(StorePaths(data), PASSPHRASE)
    today = date(2026, 11, 24)
    try:
        store = opened.store
        a = youths.register(
            store,
            YouthInput(CANARY_CPR, CANARY_NAME, "Hansen", date(2026, 11, 2), caseworker_id=1),
            today=today,
        ).youth_id
        visitation.save(store, a, VisitationInput(date(2026, 11, 2), "lab6_4"), today=today)
        retention.close_case(store, a, ExitReason.EDUCATION, date(2026, 11, 3), today=today)
        b = youths.register(
            store,
            YouthInput("0202004322", "Bo", "Berg", date(2026, 10, 5), caseworker_id=1),
            today=today,
        ).youth_id
        visitation.save(store, b, VisitationInput(date(2026, 10, 5), "lab6_5"), today=today)
    finally:
        opened.store.close()
    return data


def test_the_table_of_a_month(data_dir: Path) -> None:
    result = run("figures", "--month", "2026-11", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    lines = {line.split("  ")[0]: line for line in result.stdout.splitlines()}
    assert lines["Aktive sager"].split()[-1] == "2"
    assert lines["Tilgang"].split()[-1] == "1"
    assert lines["Vendt i døren"].split()[-1] == "1"  # gone to school before any talk
    assert CANARY_NAME not in result.stdout


def test_the_workbook_holds_counts_and_definitions_only(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "tal.xlsx"
    result = run("figures", "--quarter", "2026-K4", "--out", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    wb = load_workbook(out)
    assert wb.sheetnames == ["Tal", "Definitioner"]
    rows = {r[0]: r for r in wb["Tal"].iter_rows(values_only=True)}
    assert rows["Aktive sager"][-1] == 2
    assert rows["Tilgang"][-1] == 2  # both opened in the fourth quarter
    assert all(c.data_type != "f" for row in wb["Tal"].iter_rows() for c in row)
    with zipfile.ZipFile(out) as z:
        text = b"".join(z.read(n) for n in z.namelist())
    for canary in (CANARY_CPR.encode(), CANARY_NAME.encode(), b"010100-4321"):
        assert canary not in text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--month", "11-2026"], "fx 2026-11"),
        (["--quarter", "2026-5"], "fx 2026-K4"),
        (["--month", "2026-11", "--year", "2026"], "Vælg én periode"),
        (["--month", "2026-11", "--out", "tal.txt"], "(.pdf)"),
    ],
)
def test_a_wrong_period_or_file_is_a_danish_message(
    data_dir: Path, args: list[str], words: str
) -> None:
    result = run("figures", *args, data_dir=data_dir)
    assert_clean_failure(result)
    assert words in result.stderr


def test_a_team_file_and_the_merge(data_dir: Path, tmp_path: Path) -> None:
    team = tmp_path / "tal-til-teamet.json"
    made = run("figures", "--month", "2026-11", "--team-file", str(team), data_dir=data_dir)
    assert made.returncode == 0, made.stderr
    assert CANARY_NAME.encode() not in team.read_bytes()
    merged = run("figures", "--merge", str(team), data_dir=data_dir)
    assert merged.returncode == 0, merged.stderr
    assert "Teamets tal for 2026-11 fra 1 filer" in merged.stdout
    # Two active cases: below the threshold of 5, so only a floor is shown.
    assert "mindst 1" in merged.stdout and " 2 " not in merged.stdout
    twice = run("figures", "--merge", str(team), str(team), data_dir=data_dir)
    assert_clean_failure(twice)
    assert "samme UngeDesk" in twice.stderr


def test_a_reader_that_stops_early_is_no_error(tmp_path: Path) -> None:
    """A command whose reader went away (``ungedesk find … | head``) ends quietly with the
    shell's code for it, not as a logged bug; run in a child so its stdout can be closed."""
    import subprocess
    import sys

    probe = (
        "import argparse, sys\n"
        "from ungedesk.cli import common\n"
        "def broken(args, paths):\n"
        "    raise BrokenPipeError()\n"
        "common.load = lambda target: broken\n"
        f"args = argparse.Namespace(command='figures', data_dir={str(tmp_path)!r})\n"
        "sys.exit(common.run(args, 'figures:cmd_figures'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 141
    assert result.stderr == ""


def test_the_quarterly_report_as_pdf(data_dir: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "rapport.pdf"
    result = run("figures", "--quarter", "2026-K4", "--out", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for words in ("Ledelsestal 2026-K4", "Aktive sager", "De seneste 12 måneder", "Definitioner"):
        assert words in text
    assert CANARY_NAME not in text and "010100" not in text
    assert reader.metadata is not None and reader.metadata.title == "Ledelsestal 2026-K4"
