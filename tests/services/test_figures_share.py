"""The team's figures as files: counts only (a canary CPR and name nowhere), small counts
suppressed, signed; merged over three caseworkers' files, a tampered and a duplicate one
refused, another period refused."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import keyring
import pytest

from tests.conftest import PASSPHRASE, TODAY
from tests.support.memory_keyring import MemoryKeyring
from ungedesk.domain.errors import FileError
from ungedesk.domain.figures import Period
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.youth import YouthInput
from ungedesk.services import figures_share, setup, visitation, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths

NOVEMBER = Period.month(2026, 11)
CANARY_CPR, CANARY_NAME = "0101004321", "Kanarieæble"


def caseworker_store(root: Path, initials: str, new_cases: int) -> Store:
    store = setup.create_installation(
        StorePaths(root / initials),
        PASSPHRASE,
        ProfileInput(f"Rådgiver {initials}", initials, "Ungeteamet", Role.CASEWORKER),
        scrypt_n=2**12,
    ).opened.store
    for n in range(new_cases):
        cpr = CANARY_CPR if n == 0 else f"{n + 1:02d}0100{4000 + n}"
        yid = youths.register(
            store,
            YouthInput(cpr, CANARY_NAME, "Hansen", date(2026, 11, 2), caseworker_id=1),
            today=TODAY,
        ).youth_id
        visitation.save(store, yid, VisitationInput(date(2026, 11, 2), "lab6_4"), today=TODAY)
    return store


@pytest.fixture
def team(tmp_path: Path) -> list[Path]:
    keyring.set_keyring(MemoryKeyring())
    files = []
    for initials, cases in (("AB", 7), ("CD", 2), ("EF", 5)):
        store = caseworker_store(tmp_path, initials, cases)
        files.append(figures_share.export_file(store, NOVEMBER, tmp_path / f"tal-{initials}.json"))
        store.close()
    return files


def test_a_file_holds_counts_only_with_small_ones_suppressed(team: list[Path]) -> None:
    data = team[0].read_bytes()
    for canary in (CANARY_CPR.encode(), CANARY_NAME.encode(), b"010100-4321", b"2026-11-02"):
        assert canary not in data
    content = json.loads(data)
    assert set(content) == {
        "format",
        "version",
        "period",
        "threshold",
        "counts",
        "signer",
        "signature",
    }
    inflow = {(r["figure"], r["column"]): r for r in content["counts"]}
    assert inflow[("inflow", "i_alt")]["value"] == 7
    small = json.loads(team[1].read_bytes())
    assert {(r["figure"], r["column"]): r for r in small["counts"]}[("inflow", "i_alt")] == {
        "figure": "inflow",
        "column": "i_alt",
        "suppressed": True,
    }


def test_three_caseworkers_merge_with_the_suppressed_as_a_floor(team: list[Path]) -> None:
    merged = figures_share.merge_files(team)
    assert (merged.period, merged.files) == ("2026-11", 3)
    inflow = merged.counts[("inflow", "i_alt")]
    # 7 + (2, suppressed: at least 1) + 5: at least 13, one file suppressed.
    assert (inflow.value, inflow.suppressed, inflow.text) == (12, 1, "mindst 13")


def test_a_tampered_file_is_refused(team: list[Path], tmp_path: Path) -> None:
    content = json.loads(team[0].read_bytes())
    for row in content["counts"]:
        if row.get("value") == 7:
            row["value"] = 70
    tampered = tmp_path / "ændret.json"
    tampered.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(FileError) as caught:
        figures_share.merge_files([tampered, team[1]])
    assert "ændret, efter den blev lavet" in caught.value.message


def test_the_same_caseworker_twice_is_refused(team: list[Path], tmp_path: Path) -> None:
    copy = tmp_path / "kopi.json"
    copy.write_bytes(team[0].read_bytes())
    with pytest.raises(FileError) as caught:
        figures_share.merge_files([team[0], copy, team[2]])
    assert "samme UngeDesk" in caught.value.message
    assert caught.value.message.startswith("kopi.json: tal-AB.json og kopi.json")


def test_another_period_is_refused(team: list[Path], tmp_path: Path) -> None:
    keyring.set_keyring(MemoryKeyring())
    store = caseworker_store(tmp_path, "GH", 1)
    october = figures_share.export_file(store, Period.month(2026, 10), tmp_path / "okt.json")
    store.close()
    with pytest.raises(FileError) as caught:
        figures_share.merge_files([team[0], october])
    assert "forskellige perioder (2026-10, 2026-11)" in caught.value.message
    assert caught.value.message.startswith("okt.json: ")


@pytest.mark.parametrize(
    "text",
    [b"not json", b"{}", b'{"format": "ungedesk-figures", "version": 2}', "ø".encode("cp1252")],
)
def test_anything_else_is_refused_in_danish(tmp_path: Path, text: bytes) -> None:
    bad = tmp_path / "x.json"
    bad.write_bytes(text)
    with pytest.raises(FileError) as caught:
        figures_share.merge_files([bad])
    assert caught.value.message.startswith("x.json: ")


def test_a_file_with_other_fields_is_refused(team: list[Path], tmp_path: Path) -> None:
    content = json.loads(team[0].read_bytes())
    content["counts"][0]["name"] = CANARY_NAME  # personal data smuggled into a row
    bad = tmp_path / "navn.json"
    bad.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(FileError) as caught:
        figures_share.merge_files([bad])
    assert "andet end tal" in caught.value.message
