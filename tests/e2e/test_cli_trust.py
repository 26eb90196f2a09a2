"""audit verify, backup, restore and export-person as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.e2e.conftest import assert_clean_failure, digest, run


def test_audit_verify_on_a_sound_log(store_copy: Path) -> None:
    result = run("audit", "verify", data_dir=store_copy)
    assert result.returncode == 0, result.stderr
    assert "ubrudt kæde" in result.stdout


def test_backup_then_restore_on_a_new_machine(store_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "kopi.udbackup"
    made = run("backup", "--out", str(target), data_dir=store_copy)
    assert made.returncode == 0, made.stderr
    assert "kontrolleret" in made.stdout and target.exists()
    fresh = tmp_path / "new-laptop"
    wrong = run("restore", str(target), data_dir=fresh, passphrase="ikke den rigtige frase")
    assert_clean_failure(wrong)
    assert "forkert" in wrong.stderr
    restored = run("restore", str(target), data_dir=fresh)
    assert restored.returncode == 0, restored.stderr
    check = run("check", data_dir=fresh)
    assert check.returncode == 0, check.stderr


def test_restore_of_a_non_backup_leaves_store_untouched(store_copy: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.udbackup"
    junk.write_text("not a backup")
    before = digest(store_copy)
    result = run("restore", str(junk), data_dir=store_copy)
    assert_clean_failure(result)
    assert "ikke en gyldig" in result.stderr
    assert digest(store_copy) == before
    missing = run("restore", str(tmp_path / "nope"), data_dir=store_copy)
    assert_clean_failure(missing)


def test_backup_to_a_missing_folder_fails_cleanly(store_copy: Path, tmp_path: Path) -> None:
    result = run("backup", "--out", str(tmp_path / "no" / "such" / "x"), data_dir=store_copy)
    assert_clean_failure(result)
    assert "findes ikke" in result.stderr


def test_export_person_by_cpr(store_copy: Path, tmp_path: Path) -> None:
    from ungedesk.services import setup, youths
    from ungedesk.store.paths import StorePaths

    opened = setup.unlock(StorePaths(store_copy), PASSPHRASE)
    try:
        row = youths.register_rows(opened.store)[0]
    finally:
        opened.store.close()
    out = tmp_path / "indsigt"
    result = run(
        "export-person", f"{row.cpr[:6]}-{row.cpr[6:]}", "--out", str(out), data_dir=store_copy
    )
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in out.iterdir())
    assert files == [f"indsigt-{row.case_number}.json", f"indsigt-{row.case_number}.pdf"]
    assert row.cpr not in result.stdout
    doc = json.loads((out / files[0]).read_text("utf-8"))
    assert doc["tabeller"]["youth"][0]["cpr"] == row.cpr
    bad = run("export-person", "311301-1234", "--out", str(out), data_dir=store_copy)
    assert_clean_failure(bad)
    assert "måned" in bad.stderr
    unknown = run("export-person", "010101-4321", "--out", str(out), data_dir=store_copy)
    assert_clean_failure(unknown)
    assert "ingen ung" in unknown.stderr


def test_export_person_and_plan_pdf_accept_a_cpr_in_fullwidth_digits(
    store_copy: Path, tmp_path: Path
) -> None:
    # Issue 10: the CLI looked for the fullwidth digits themselves and found nobody.
    from ungedesk.services import setup, youths
    from ungedesk.store.paths import StorePaths

    opened = setup.unlock(StorePaths(store_copy), PASSPHRASE)
    try:
        row = youths.register_rows(opened.store)[0]
    finally:
        opened.store.close()
    wide = "".join(chr(0xFF10 + int(d)) for d in row.cpr)
    text = f"{wide[:6]}\uff0d{wide[6:]}"
    out = tmp_path / "indsigt"
    result = run("export-person", text, "--out", str(out), data_dir=store_copy)
    assert result.returncode == 0, result.stderr
    assert (out / f"indsigt-{row.case_number}.json").exists()
    pdf = tmp_path / "plan.pdf"
    printed = run("plan-pdf", text, "--out", str(pdf), data_dir=store_copy)
    assert printed.returncode == 0, printed.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
