"""``ungedesk rules show / load / expected`` as a user runs them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from tests.e2e.conftest import assert_clean_failure, digest, run
from ungedesk.services import setup
from ungedesk.store.models import AuditEvent, DeadlineRow, RuleSetRow
from ungedesk.store.paths import StorePaths

RULES = """version = "2099-01-01"

[[rule]]
id = "lab-31-5-foerste-jobsamtale"
description = "Første jobsamtale senest 2 uger efter henvendelsen"
start_event = "henvendelse"
once = true
period = { weeks = 2 }
meets = ["jobsamtale"]
target_groups = ["lab6_2", "lab6_3", "lab6_4", "lab6_5"]
valid_from = 2020-01-01
source = "LAB § 31, stk. 1"
sources = [{ from = 2024-01-01, source = "LAB § 31, stk. 5" }]

[[rule]]
id = "forventet-ny-lov"
description = "Samtale senest 10 dage efter henvendelsen"
start_event = "henvendelse"
once = true
period = { days = 10 }
meets = ["jobsamtale"]
target_groups = ["lab6_4"]
valid_from = 2027-01-01
source = "Forventet ny beskæftigelseslov"
expected = true
"""


def state(data: Path) -> tuple[int, int, int, list[str]]:
    opened = setup.unlock(StorePaths(data), PASSPHRASE)
    try:
        with opened.store.session() as s:
            return (
                int(s.scalar(select(func.count(DeadlineRow.id))) or 0),
                int(s.scalar(select(func.count(AuditEvent.id))) or 0),
                int(s.scalar(select(func.count(RuleSetRow.id))) or 0),
                sorted(set(s.scalars(select(DeadlineRow.rule_id)))),
            )
    finally:
        opened.store.close()


def test_load_dry_run_then_yes_then_show(store_copy: Path, tmp_path: Path) -> None:
    rules = tmp_path / "regler.toml"
    rules.write_text(RULES, encoding="utf-8")
    before = state(store_copy)

    dry = run("rules", "load", str(rules), "--dry-run", data_dir=store_copy)
    assert dry.returncode == 0, dry.stderr
    assert "Regelfil version 2099-01-01 med 2 regler." in dry.stdout
    assert "period: 1 uge → 2 uger" in dry.stdout
    assert "+ forventet-ny-lov" in dry.stdout
    assert "Prøvekørsel: intet er ændret." in dry.stdout
    assert state(store_copy) == before

    # No terminal and no --yes: refused, nothing changed.
    asked = run("rules", "load", str(rules), data_dir=store_copy)
    assert_clean_failure(asked)
    assert "--yes" in asked.stderr
    assert state(store_copy) == before

    done = run("rules", "load", str(rules), "--yes", data_dir=store_copy)
    assert done.returncode == 0, done.stderr
    assert "Regelsæt version 2099-01-01 er taget i brug" in done.stdout
    _rows, events, sets, rule_ids = state(store_copy)
    assert sets == 1 and events > before[1]
    # Only the loaded set's legal rule gives deadlines now (the expected one is off).
    assert rule_ids == ["lab-31-5-foerste-jobsamtale"]

    shown = run(
        "rules", "show", "--date", "2023-12-31", "--target-group", "lab6_4", data_dir=store_copy
    )
    assert shown.returncode == 0, shown.stderr
    assert "lab-31-5-foerste-jobsamtale (lov)" in shown.stdout
    assert "Kilde: LAB § 31, stk. 1" in shown.stdout  # the source before 2024
    later = run(
        "rules", "show", "--date", "2027-01-01", "--target-group", "lab6_4", data_dir=store_copy
    )
    assert "Kilde: LAB § 31, stk. 5" in later.stdout
    assert "forventet-ny-lov" in later.stdout and "slået fra" in later.stdout
    other = run(
        "rules", "show", "--date", "2027-01-01", "--target-group", "lab6_1", data_dir=store_copy
    )
    assert "Regler i kraft 1. jan. 2027 for målgruppe lab6_1: 0" in other.stdout

    on = run("rules", "expected", "on", "--yes", data_dir=store_copy)
    assert on.returncode == 0, on.stderr
    assert "Forventede regler bygger på lovforslag" in on.stderr
    shown_on = run("rules", "show", "--date", "2027-01-01", data_dir=store_copy)
    assert "forventet-ny-lov (forventet lov)" in shown_on.stdout

    again = run("rules", "load", str(rules), "--yes", data_dir=store_copy)
    assert_clean_failure(again)
    assert "allerede i brug" in again.stderr


def test_a_malformed_file_is_named_and_changes_nothing(store_copy: Path, tmp_path: Path) -> None:
    bad = tmp_path / "forkert.toml"
    bad.write_text(RULES.replace("once = true", "onse = true", 1), encoding="utf-8")
    before = digest(store_copy)
    result = run("rules", "load", str(bad), "--yes", data_dir=store_copy)
    assert_clean_failure(result)
    assert result.returncode == 2
    assert "lab-31-5-foerste-jobsamtale" in result.stderr and "onse" in result.stderr
    assert digest(store_copy) == before  # not even opened


def test_show_refuses_an_unknown_group_and_a_bad_date(store_copy: Path) -> None:
    group = run(
        "rules", "show", "--date", "2026-01-01", "--target-group", "lab9", data_dir=store_copy
    )
    assert_clean_failure(group)
    assert "lab9" in group.stderr and "lab6_4" in group.stderr
    day = run("rules", "show", "--date", "1. januar", data_dir=store_copy)
    assert_clean_failure(day)
    assert "2026-03-15" in day.stderr
