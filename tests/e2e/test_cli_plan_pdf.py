"""``ungedesk plan-pdf CPR --out FILE [--archive]`` as a user runs it."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pikepdf
from pypdf import PdfReader

from tests.conftest import PASSPHRASE
from tests.e2e.conftest import assert_clean_failure, run
from ungedesk.domain.plan import GoalType, PlanContent
from ungedesk.domain.team import ContactDetailsInput
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, caseworkers, plan, setup, youths
from ungedesk.services.audit import Action
from ungedesk.store.paths import StorePaths

CPR = "150605-4321"


def add_youth_with_plan(data_dir: Path) -> int:
    opened = setup.unlock(StorePaths(data_dir), PASSPHRASE)
    store = opened.store
    try:
        today = date.today()
        youth_id = youths.register(
            store,
            YouthInput(
                cpr=CPR,
                first_name="Şükrü",
                last_name="Nguyễn",
                henvendelse_date=date(2026, 9, 1),
                caseworker_id=1,
            ),
            today=today,
        ).youth_id
        now = datetime.now().astimezone()
        plan.save_plan(
            store,
            youth_id,
            PlanContent(goal_type=GoalType.FGU, own_wishes="Jeg vil gerne lave mad."),
            today=today,
            now=now,
        )
        # A plan is handed out only with the coordinator's phone and e-mail on it.
        caseworkers.update_contact_details(
            store, 1, ContactDetailsInput(phone="12 34 56 78", email="abj@kommune.example")
        )
        plan.hand_out(store, youth_id, today=today, now=now)
        return youth_id
    finally:
        store.close()


def test_plan_pdf_writes_the_handout_and_logs_it(store_copy: Path, tmp_path: Path) -> None:
    youth_id = add_youth_with_plan(store_copy)
    out = tmp_path / "plan.pdf"
    result = run("plan-pdf", CPR, "--out", str(out), data_dir=store_copy)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    assert "1506054321" not in result.stdout + result.stderr
    assert "150605-4321" not in result.stdout + result.stderr
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Şükrü Nguyễn" in text and "150605-xxxx" in text
    assert "Jeg vil gerne lave mad." in text and "Version 1" in text
    opened = setup.unlock(StorePaths(store_copy), PASSPHRASE)
    try:
        actions = [e.action for e in audit.events_for_youth(opened.store, youth_id)]
    finally:
        opened.store.close()
    assert Action.EXPORT in actions


def test_plan_pdf_archive_is_pdfa(store_copy: Path, tmp_path: Path) -> None:
    add_youth_with_plan(store_copy)
    out = tmp_path / "arkiv.pdf"
    result = run("plan-pdf", CPR, "--out", str(out), "--archive", data_dir=store_copy)
    assert result.returncode == 0, result.stderr
    assert "PDF/A" in result.stdout
    with pikepdf.open(io.BytesIO(out.read_bytes())) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert "/OutputIntents" in pdf.Root


def test_plan_pdf_refuses_bad_input_in_danish(store_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    bad = run("plan-pdf", "12345", "--out", str(out), data_dir=store_copy)
    assert_clean_failure(bad)
    assert bad.returncode == 2
    unknown = run("plan-pdf", "020304-4561", "--out", str(out), data_dir=store_copy)
    assert_clean_failure(unknown)
    assert "ingen ung med det CPR-nummer" in unknown.stderr
    version = run("plan-pdf", CPR, "--out", str(out), "--plan-version", "0", data_dir=store_copy)
    assert_clean_failure(version)
    assert "--plan-version" in version.stderr
    assert not out.exists()


def test_plan_pdf_unwritable_place_is_a_known_error(store_copy: Path, tmp_path: Path) -> None:
    add_youth_with_plan(store_copy)
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    result = run("plan-pdf", CPR, "--out", str(blocker / "plan.pdf"), data_dir=store_copy)
    assert_clean_failure(result)
    assert result.returncode != 1  # a known error, not a bug
