"""``ungedesk import-restgruppe``: the month's list imported headless as a user runs it (a
subprocess with its own data directory): the same checks, messages and exit codes as the
screen, rows named by line and masked CPR only, nothing written by --dry-run or a bad file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from tests.e2e.conftest import INIT, assert_clean_failure, run
from ungedesk.domain.youth import YouthInput
from ungedesk.services import setup, youths
from ungedesk.store.paths import StorePaths
from ungedesk.store.restgruppe_tables import RestgruppeEntry

# Synthetic young people; Per is 26 and does not belong on the list.
LIST = (
    "Personnummer;Fornavn;Efternavn;Skole\r\n"
    "010109-4123;Sofie;Nørgaard;Skolen ved Åen\r\n"
    "150210-4567;Ali;Østergaard;\r\n"
    "010100-4111;Per;Hansen;\r\n"
).encode("cp1252")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    made = run(*INIT, data_dir=data)
    assert made.returncode == 0, made.stderr
    opened = setup.unlock(StorePaths(data), PASSPHRASE)
    try:
        youths.register(
            opened.store,
            YouthInput("0101094123", "Sofie", "Nørgaard", date(2026, 9, 1), caseworker_id=1),
            today=date(2026, 11, 24),
        )
    finally:
        opened.store.close()
    return data


def entries(data: Path) -> int:
    opened = setup.unlock(StorePaths(data), PASSPHRASE)
    try:
        with opened.store.session() as s:
            return int(s.scalar(select(func.count(RestgruppeEntry.id))) or 0)
    finally:
        opened.store.close()


def test_dry_run_then_import_then_the_same_file_again(data_dir: Path, tmp_path: Path) -> None:
    listing = tmp_path / "liste.csv"
    listing.write_bytes(LIST)
    dry = run(
        "import-restgruppe", str(listing), "--month", "2026-11", "--dry-run", data_dir=data_dir
    )
    assert dry.returncode == 0, dry.stderr
    assert "Prøvekørsel, intet gemt. Listen for november 2026: 3 unge, 1 i registret" in dry.stdout
    assert "Linje 4 (010100-xxxx): Er 26 år" in dry.stderr
    assert "Per" not in dry.stderr + dry.stdout and "4111" not in dry.stderr
    assert entries(data_dir) == 0
    done = run("import-restgruppe", str(listing), "--month", "2026-11", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert "Listen for november 2026 er importeret: 3 unge" in done.stdout
    assert entries(data_dir) == 3
    again = run("import-restgruppe", str(listing), "--month", "2026-11", data_dir=data_dir)
    assert again.returncode == 3
    assert_clean_failure(again)
    assert "allerede importeret" in again.stderr
    other = listing.with_name("ny.csv")
    other.write_bytes(LIST.replace(b"Skolen ved ", b""))
    refused = run("import-restgruppe", str(other), "--month", "2026-11", data_dir=data_dir)
    assert refused.returncode == 4
    replaced = run(
        "import-restgruppe", str(other), "--month", "2026-11", "--replace", data_dir=data_dir
    )
    assert replaced.returncode == 0, replaced.stderr
    assert "er erstattet" in replaced.stdout
    assert entries(data_dir) == 3


@pytest.mark.parametrize(
    ("content", "month", "words"),
    [
        (LIST + b'0303104000;"Ib;Ek;\r\n', "2026-11", "Linje 5: Et felt begynder med"),
        (LIST.replace(b"150210-4567", b"310210-4567"), "2026-11", "Linje 3, feltet «Personnummer»"),
        (LIST, "11-2026", "fx 2026-11"),
        (b"\x00" * 10, "2026-11", "nul-tegn"),
    ],
)
def test_a_bad_file_or_month_writes_nothing(
    data_dir: Path, tmp_path: Path, content: bytes, month: str, words: str
) -> None:
    listing = tmp_path / "liste.csv"
    listing.write_bytes(content)
    result = run("import-restgruppe", str(listing), "--month", month, data_dir=data_dir)
    assert_clean_failure(result)
    assert words in result.stderr
    assert entries(data_dir) == 0


def test_an_unknown_column_is_named_with_column(data_dir: Path, tmp_path: Path) -> None:
    listing = tmp_path / "liste.csv"
    listing.write_bytes(b"Elev-ID;Navn\n010109-4123;Sofie N\n")
    refused = run("import-restgruppe", str(listing), "--month", "2026-11", data_dir=data_dir)
    assert_clean_failure(refused)
    assert "«Elev-ID»" in refused.stderr
    done = run(
        "import-restgruppe",
        str(listing),
        "--month",
        "2026-11",
        "--column",
        "Elev-ID=cpr",
        data_dir=data_dir,
    )
    assert done.returncode == 0, done.stderr
    bad = run(
        "import-restgruppe",
        str(listing),
        "--month",
        "2026-12",
        "--column",
        "Elev-ID",
        data_dir=data_dir,
    )
    assert_clean_failure(bad)
    assert "KOLONNE=BETYDNING" in bad.stderr
