"""``ungedesk find``: the GUI's search headless, as a user runs it (a subprocess with its own
data directory), logged as a search; CPR numbers masked unless --reveal, which is logged as
a reveal for every young person shown."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import PASSPHRASE
from tests.e2e.conftest import INIT, assert_clean_failure, run
from ungedesk.domain.youth import YouthInput
from ungedesk.services import setup, youths
from ungedesk.store.paths import StorePaths

# Synthetic CPR numbers: Søren born 18 October 1999, the others in 2005.
PEOPLE = [
    ("1810991234", "Søren", "Ærø"),
    ("0101054001", "Abdallah", "Hansen"),
    ("0202054002", "Carl", "Aagaard"),
    ("0303054003", "Åse", "Åberg"),
]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("cli-find") / "data"
    made = run(*INIT, data_dir=data)
    assert made.returncode == 0, made.stderr
    opened = setup.unlock(StorePaths(data), PASSPHRASE)
    try:
        for cpr, first, last in PEOPLE:
            youths.register(
                opened.store,
                YouthInput(cpr, first, last, date(2026, 11, 2), caseworker_id=1),
                today=date(2026, 11, 24),
            )
    finally:
        opened.store.close()
    return data


def audit_rows(data: Path) -> list[tuple[str, int | None, str, str]]:
    opened = setup.unlock(StorePaths(data), PASSPHRASE)
    try:
        with opened.store.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT action, youth_id, criterion, detail FROM audit_event "
                    "WHERE action IN ('search', 'reveal_cpr') ORDER BY id"
                )
            ).all()
        return [(r[0], r[1], r[2], r[3]) for r in rows]
    finally:
        opened.store.close()


def test_find_prints_masked_matches_and_logs_the_search(data_dir: Path) -> None:
    before = audit_rows(data_dir)
    done = run("find", "Soren", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["U-2026-00001  181099-xxxx  Søren Ærø"]
    assert "1234" not in done.stdout
    after = audit_rows(data_dir)
    assert after[len(before) :] == [("search", None, "Soren", "1 fundet")]


def test_find_json_with_aa_as_å_in_danish_order(data_dir: Path) -> None:
    done = run("find", "å", "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    # Åberg before Aagaard (Aa sorts as Å; b before g).
    assert [(p["first_name"], p["last_name"]) for p in found] == [
        ("Åse", "Åberg"),
        ("Carl", "Aagaard"),
    ]
    assert found[0] == {
        "id": 4,
        "case_number": "U-2026-00004",
        "cpr": "030305-xxxx",
        "first_name": "Åse",
        "last_name": "Åberg",
        "birth_date": "2005-03-03",
        "first_contact": "2026-11-02",
        "caseworker": "ABJ",
        "status": "active",
    }


def test_reveal_shows_full_numbers_and_logs_each_reveal(data_dir: Path) -> None:
    before = audit_rows(data_dir)
    done = run("find", "181099-xxxx", "--reveal", "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert [p["cpr"] for p in json.loads(done.stdout)] == ["181099-1234"]
    after = audit_rows(data_dir)[len(before) :]
    assert after == [("search", None, "181099-xxxx", "1 fundet"), ("reveal_cpr", 1, "", "")]


def test_limit_shows_the_first_and_says_how_many_match(data_dir: Path) -> None:
    done = run("find", "a", "--limit", "2", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 2
    assert "Viser 2 af 4 fundne" in done.stderr


def test_nothing_found_suggests_a_name_one_typo_away(data_dir: Path) -> None:
    done = run("find", "Abdalah", "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
    assert "Ingen unge matcher søgningen." in done.stderr
    assert "Måske mente du: Abdallah" in done.stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["find", "  "], "Skriv, hvad der skal søges efter"),
        (["find", "a", "--limit", "0"], "--limit skal være 1 eller mere."),
        (["find", "a", "--limit", "mange"], "'mange' er ikke et helt tal"),
    ],
)
def test_bad_input_is_a_danish_message(data_dir: Path, argv: list[str], message: str) -> None:
    done = run(*argv, data_dir=data_dir)
    assert_clean_failure(done)
    assert message in done.stderr
