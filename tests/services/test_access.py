"""Right of access: complete by construction, readable, logged, no CPR in file names."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import Column, Integer, MetaData, Table

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.youth import YouthInput
from ungedesk.services import access, audit, youths
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.store.models import Base


def register(store: Store, first: str = "Şükrü", last: str = "Nguyễn <b>&amp; Łukasz") -> int:
    return youths.register(
        store,
        YouthInput(
            cpr="150605-4321",
            first_name=first,
            last_name=last,
            henvendelse_date=date(2026, 9, 1),
            address="<img src=x> Vej 1",
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id


def test_every_table_is_covered_or_declared_free_of_personal_data() -> None:
    covered = {t.name for t, _ in access.person_tables()}
    all_tables = set(Base.metadata.tables)
    assert covered | access.NOT_ABOUT_A_PERSON >= all_tables
    assert {"youth", "audit_event"} <= covered


def test_a_new_uncovered_table_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = MetaData()
    for t in Base.metadata.sorted_tables:
        t.to_metadata(extra)
    Table(
        "new_feature_notes",
        extra,
        Column("id", Integer, primary_key=True),
        Column("person", Integer),
    )
    monkeypatch.setattr(access.Base, "metadata", extra)
    with pytest.raises(access.UncoveredTableError, match="new_feature_notes"):
        access.person_tables()


def test_export_contains_everything_and_the_access_history(store: Store, tmp_path: Path) -> None:
    yid = register(store)
    youths.get(store, yid, purpose="Samtale")
    result = access.export_person(store, yid, tmp_path / "ud")
    assert result.json_path.name == "indsigt-U-2026-00001.json"
    assert "150605" not in result.json_path.name and "Şükrü" not in result.pdf_path.name
    doc = json.loads(result.json_path.read_text("utf-8"))
    person = doc["tabeller"]["youth"][0]
    assert person["first_name"] == "Şükrü" and person["cpr"] == "1506054321"
    assert [h["handling"] for h in doc["adgangshistorik"]][:2] == ["Oprettet", "Læst"]
    assert any(h["formål"] == "Samtale" for h in doc["adgangshistorik"])
    text = "".join(page.extract_text() for page in PdfReader(result.pdf_path).pages)
    for needle in (
        "Indsigt i dine oplysninger",
        "Şükrü",
        "Nguyễn <b>&amp; Łukasz",
        "<img src=x> Vej 1",
        "150605-4321",
        "Samtale",
    ):
        assert needle in text, needle
    # The access history reads as sentences, not as a table of codes.
    flat = " ".join(text.split())
    assert re.search(
        r"\d{1,2}\. \w+\.? \d{4} kl\. \d\d\.\d\d så Anne Bjerregaard \(ABJ\) din sag\. "
        r"Formålet var: Samtale\.",
        flat,
    ), flat
    assert audit.events_for_youth(store, yid)[0].action is Action.EXPORT
    meta = PdfReader(result.pdf_path).metadata
    assert meta is not None and meta.title == "Indsigt i personoplysninger"


def test_unknown_person(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        access.export_person(store, 999, tmp_path)


ALPHABET = "abcxyzæøåÆØÅŞşŁłễ<>&;\"'/= ."


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=120).filter(lambda t: t.strip()))
def test_pdf_survives_markup_and_keeps_the_text(store: Store, tmp_path: Path, address: str) -> None:
    yid = youths.find_by_cpr(store, "150605-4321") or register(store)
    youths.update(
        store,
        yid,
        YouthInput(
            cpr="150605-4321",
            first_name="Şükrü",
            last_name="Nguyễn",
            henvendelse_date=date(2026, 9, 1),
            address=address,
            caseworker_id=1,
        ),
        today=TODAY,
    )
    result = access.export_person(store, yid, tmp_path / "hyp")
    text = "".join(page.extract_text() for page in PdfReader(result.pdf_path).pages)
    flat = " ".join(text.split())
    assert " ".join(address.split())[:40] in flat


def test_pdf_shows_conversations_and_visitation_in_danish(store: Store, tmp_path: Path) -> None:
    from datetime import datetime

    from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
    from ungedesk.services import conversations, visitation
    from ungedesk.services.visitation import VisitationInput

    yid = register(store)
    visitation.save(
        store,
        yid,
        VisitationInput(visited_on=date(2026, 9, 2), target_group="lab6_4", uu_present=True),
        today=TODAY,
    )
    conversations.book(
        store,
        yid,
        ConversationInput(
            ConversationKind.JOINT_UU, datetime(2026, 9, 3, 10, 0), place="Jobcentret"
        ),
        ConversationStatus.HELD,
    )
    result = access.export_person(store, yid, tmp_path / "ud")
    text = " ".join("".join(p.extract_text() for p in PdfReader(result.pdf_path).pages).split())
    for needle in (
        "Samtaler",
        "Fællessamtale med UU",
        "Afholdt",
        "Visitation",
        # The label of 2 September 2026, the day the group was given.
        "Uddannelsesparat kontanthjælpsmodtager under 30 år uden uddannelse (LAB § 6, nr. 4)",
        "UU-vejleder til stede Ja",
        "Frister",
    ):
        assert needle in text, needle


def test_the_citizen_reads_plain_danish_not_a_table_dump(store: Store, tmp_path: Path) -> None:
    from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
    from ungedesk.services import conversations, visitation
    from ungedesk.services.visitation import VisitationInput

    yid = register(store, first="Ali 🎓", last="Hansen")
    visitation.save(
        store,
        yid,
        VisitationInput(visited_on=date(2026, 9, 2), target_group="lab6_4", uu_present=True),
        today=TODAY,
    )
    conversations.book(
        store,
        yid,
        ConversationInput(
            ConversationKind.FIRST,
            datetime(2026, 9, 3, 10, 15),
            participants=("Sagsbehandler", "Den unge"),
        ),
        ConversationStatus.HELD,
    )
    before = json.loads(access.export_person(store, yid, tmp_path / "a").json_path.read_text())
    result = access.export_person(store, yid, tmp_path / "b")
    text = " ".join("".join(p.extract_text() for p in PdfReader(result.pdf_path).pages).split())
    # Headings per area, in the order of a case, each with what it means.
    headings = ["Om dig", "Da din sag begyndte", "Din målgruppe", "Samtaler", "Frister"]
    places = [text.index(h) for h in headings]
    assert places == sorted(places)
    assert "Målgruppen afgør, hvilke regler der gælder for dig." in text
    # Danish dates and words; no internal ids, rule ids, JSON or ISO dates.
    assert "Samtale, 3. sep. 2026 kl. 10.15" in text
    assert "Deltagere Sagsbehandler, Den unge" in text
    assert "Første jobsamtale senest 1 uge efter henvendelsen" in text
    for raw in ("youth_id", "lab-31-5", '["', "2026-09-02", "Måling 1", "Regel lab"):
        assert raw not in text, raw
    assert "Ali 🎓" in text
    assert "Dine rettigheder" in text and "Datatilsynet" in text
    # The JSON for machines keeps its content: same keys and tables as before.
    doc = json.loads(result.json_path.read_text("utf-8"))
    assert doc.keys() == before.keys()
    assert doc["tabeller"] == before["tabeller"]
    assert doc["tabeller"]["deadline"][0]["rule_id"].startswith("lab-")


def test_history_sentences_name_the_action_in_words() -> None:
    from ungedesk.services import access_pdf
    from ungedesk.services.access_pdf import Event

    # The history is told in local time: an aware local 10.12 stays 10.12, whatever the
    # machine's zone.
    at = datetime(2026, 11, 3, 10, 12).astimezone()
    sentence = access_pdf.history_sentence(Event(at, Action.REVEAL_CPR, "ABJ", "", True))
    assert sentence == (
        "3. nov. 2026 kl. 10.12 så ABJ dit fulde CPR-nummer. Det omfattede følsomme oplysninger."
    )
    sentence = access_pdf.history_sentence(Event(at, Action.PRINT, "ABJ", "Møde", False))
    assert (
        sentence
        == "3. nov. 2026 kl. 10.12 udskrev ABJ oplysninger fra din sag. Formålet var: Møde."
    )
    assert set(access_pdf.ACTION_SENTENCES) == set(Action)
