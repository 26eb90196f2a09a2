"""No text says "jobcenter": since 1 February 2026 the law speaks of "kommunen", and the
invitation and the young person's plan name the unit the municipality has chosen."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader

from tests.conftest import PASSPHRASE, TEST_SCRYPT_N, TODAY
from ungedesk.domain.plan import GoalType, PlanContent
from ungedesk.domain.profile import ROLE_LABELS, ProfileInput, Role
from ungedesk.domain.visitation import ConversationInput, ConversationKind
from ungedesk.domain.youth import YouthInput
from ungedesk.resources import DEMO, TRANSLATIONS
from ungedesk.services import (
    caseworkers,
    conversations,
    invitations,
    plan,
    plan_export,
    plan_pdf,
    youths,
)
from ungedesk.services.setup import create_installation
from ungedesk.services.unit import unit_name
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths

NOW = datetime(2026, 11, 24, 12, 0)
HOSTILE = '<b>Ung</b> & <img src="/etc/passwd"/> Øst'


def _store(tmp_path: Path, unit: str, municipality: str = "Vestby Kommune") -> Store:
    result = create_installation(
        StorePaths(tmp_path / "data"),
        PASSPHRASE,
        ProfileInput("Anne Bjerregaard", "ABJ", unit, Role.CASEWORKER),
        municipality=municipality,
        scrypt_n=TEST_SCRYPT_N,
    )
    return result.opened.store


@pytest.fixture
def vestby(tmp_path: Path) -> Iterator[Store]:
    store = _store(tmp_path, "Ungeindsatsen Vestby")
    yield store
    store.close()


def _youth(store: Store, caseworker_id: int | None = None) -> int:
    if caseworker_id is None:
        me = caseworkers.current_user(store)
        assert me is not None
        caseworker_id = me.id
    return youths.register(
        store,
        YouthInput(
            "1503054007", "Sofie", "Nørgaard", date(2026, 11, 2), caseworker_id=caseworker_id
        ),
        today=TODAY,
    ).youth_id


def _invitation(store: Store, youth_id: int, tmp_path: Path) -> tuple[str, str]:
    conversation_id = conversations.book(
        store, youth_id, ConversationInput(ConversationKind.FIRST, datetime(2026, 12, 3, 10, 0))
    )
    path = invitations.save_ics(store, conversation_id, youth_id, tmp_path / "samtale.ics")
    data = path.read_bytes()
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    return str(event["SUMMARY"]), data.decode()


def _pdf_text(store: Store, youth_id: int, tmp_path: Path) -> str:
    plan.save_plan(
        store,
        youth_id,
        PlanContent(goal_type=GoalType.EUD, programme="Tømrer"),
        today=TODAY,
        now=NOW,
    )
    out = plan_export.write_plan_pdf(store, youth_id, tmp_path / "plan.pdf", today=TODAY, now=NOW)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    # Lines may break anywhere: compare without whitespace.
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def test_invitation_names_the_unit_and_never_the_jobcenter(vestby: Store, tmp_path: Path) -> None:
    summary, text = _invitation(vestby, _youth(vestby), tmp_path)
    assert summary == "Samtale hos Ungeindsatsen Vestby, Vestby Kommune"
    assert "jobcent" not in text.casefold()


def test_plan_pdf_names_the_unit_and_never_the_jobcenter(vestby: Store, tmp_path: Path) -> None:
    text = _pdf_text(vestby, _youth(vestby), tmp_path)
    assert "tilUngeindsatsenVestbyeller" in text  # "... til Ungeindsatsen Vestby eller ..."
    assert "jobcent" not in text.casefold()


def test_without_a_unit_name_the_texts_say_kommunen(tmp_path: Path) -> None:
    store = _store(tmp_path, "", municipality="")
    try:
        youth_id = _youth(store)
        assert unit_name(store, youth_id=youth_id) == "kommunen"
        summary, _ = _invitation(store, youth_id, tmp_path)
        assert summary == "Samtale hos kommunen"
        text = _pdf_text(store, youth_id, tmp_path)
        assert "tilkommunenellertilenchef" in text
        assert "jobcent" not in text.casefold()
    finally:
        store.close()


def test_the_young_persons_caseworker_names_the_unit(vestby: Store, tmp_path: Path) -> None:
    other = caseworkers.add_caseworker(
        vestby, ProfileInput("Bo Kristensen", "BOK", "Job og Unge Østby", Role.CASEWORKER)
    )
    youth_id = _youth(vestby, other.id)
    assert unit_name(vestby, youth_id=youth_id) == "Job og Unge Østby"
    assert unit_name(vestby) == "Ungeindsatsen Vestby"  # the current user's unit
    summary, _ = _invitation(vestby, youth_id, tmp_path)
    assert summary == "Samtale hos Job og Unge Østby, Vestby Kommune"


def test_a_hostile_unit_name_is_printed_as_text(tmp_path: Path) -> None:
    store = _store(tmp_path, HOSTILE)
    try:
        text = _pdf_text(store, _youth(store), tmp_path)
        assert "".join(HOSTILE.split()) in text  # shown literally: not bold, no image read
    finally:
        store.close()


def test_no_danish_text_shipped_says_jobcenter() -> None:
    assert not any("jobcent" in label.casefold() for label in ROLE_LABELS.values())
    assert not any("jobcent" in t.casefold() for t in plan_pdf.TEXT.values())
    translations = re.findall(
        r"<translation>(.*?)</translation>",
        (TRANSLATIONS / "ungedesk_da.ts").read_text(encoding="utf-8"),
        flags=re.S,
    )
    assert translations and not [t for t in translations if "jobcent" in t.casefold()]
    names = json.loads((DEMO / "names.json").read_text(encoding="utf-8"))
    assert "jobcent" not in json.dumps(names, ensure_ascii=False).casefold()
