"""Importing the coordination group's monthly list into a real store: preview, all-or-nothing
apply, the same file twice, replacing a month, remembered column meanings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import TODAY
from ungedesk.domain.errors import FileError, InputError
from ungedesk.domain.restgruppe_csv import Column, RestgruppeFileError
from ungedesk.domain.youth import YouthInput
from ungedesk.services import access, audit, restgruppe_import, youths
from ungedesk.services.restgruppe_import import OtherListError, SameListError
from ungedesk.store.database import Store
from ungedesk.store.restgruppe_tables import RestgruppeAttempt, RestgruppeEntry, RestgruppeList

NOVEMBER = date(2026, 11, 1)
# Synthetic young people born 2009-2010 (seventh digit 4: the 2000s).
LIST = (
    "CPR-nr.;Fornavn;Efternavn;Skole;Status\r\n"
    "010109-4123;Sofie;Nørgaard;Skolen ved Åen;Ikke i uddannelse\r\n"
    "150210-4567;Ali;Østergaard;;Afbrudt\r\n"
    '300610-4890;Zoë;Brøndum;"Produktionsskolen; Værket";Ukendt\r\n'
).encode("cp1252")


def register_sofie(store: Store) -> int:
    return youths.register(
        store,
        YouthInput("010109-4123", "Sofie", "Nørgaard", date(2026, 9, 1), caseworker_id=1),
        today=TODAY,
    ).youth_id


def entries(store: Store) -> list[RestgruppeEntry]:
    with store.session() as s:
        rows = list(s.scalars(select(RestgruppeEntry).order_by(RestgruppeEntry.line)))
        s.expunge_all()
        return rows


def test_the_preview_matches_registered_young_people_and_writes_nothing(store: Store) -> None:
    yid = register_sofie(store)
    preview = restgruppe_import.preview(store, LIST, NOVEMBER)
    assert preview.encoding == "Windows-1252"
    assert [(r.line, r.youth_id) for r in preview.rows] == [(2, yid), (3, None), (4, None)]
    assert (preview.matched, preview.new) == (1, 2)
    assert preview.rows[0].registered_name == "Sofie Nørgaard"
    assert preview.rows[2].school == "Produktionsskolen; Værket"
    assert preview.rows[0].masked_cpr == "010109-xxxx"
    assert preview.existing is None
    assert entries(store) == []


def test_warnings_name_age_outside_the_list_and_a_different_name(store: Store) -> None:
    youths.register(
        store,
        YouthInput("010109-4123", "Sofia", "Nørgaard", date(2026, 9, 1), caseworker_id=1),
        today=TODAY,
    )
    data = LIST + "010100-4111;Per;Hansen;;Ledig\r\n".encode("cp1252")
    preview = restgruppe_import.preview(store, data, NOVEMBER)
    assert preview.rows[0].warnings == ("Navnet i filen er et andet end i registret.",)
    assert preview.rows[3].warnings == ("Er 26 år den 1. i måneden; listen gælder 15-17-årige.",)
    assert preview.with_warnings == 2


def test_apply_writes_the_whole_list_and_logs_counts_only(store: Store) -> None:
    yid = register_sofie(store)
    result = restgruppe_import.apply(store, LIST, NOVEMBER)
    assert (result.rows, result.matched, result.new, result.replaced) == (3, 1, 2, False)
    rows = entries(store)
    assert [(e.cpr, e.youth_id) for e in rows] == [
        ("0101094123", yid),
        ("1502104567", None),
        ("3006104890", None),
    ]
    event = audit.recent_for_actor(store, 1, limit=1)[0]
    assert "3 unge, 1 i registret, 2 ikke registreret" in event.detail
    assert "Nørgaard" not in event.detail and "0101094123" not in event.detail


def test_a_malformed_file_writes_nothing(store: Store) -> None:
    broken = LIST + b'0101104000;"Ib;Ek;;\r\n'
    with pytest.raises(RestgruppeFileError) as caught:
        restgruppe_import.apply(store, broken, NOVEMBER)
    assert caught.value.line == 5
    assert entries(store) == []


def test_the_same_list_twice_is_recognised_even_saved_another_way(store: Store) -> None:
    restgruppe_import.apply(store, LIST, NOVEMBER)
    resaved = LIST.decode("cp1252").encode("utf-8-sig")
    assert restgruppe_import.preview(store, resaved, NOVEMBER).existing is not None
    assert restgruppe_import.preview(store, resaved, NOVEMBER).existing.same  # type: ignore[union-attr]
    with pytest.raises(SameListError) as caught:
        restgruppe_import.apply(store, resaved, NOVEMBER)
    assert "november 2026" in caught.value.message
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(RestgruppeList)) == 1


def test_another_list_for_the_month_replaces_only_when_asked_and_keeps_the_review(
    store: Store,
) -> None:
    restgruppe_import.apply(store, LIST, NOVEMBER)
    with store.session() as s:
        ali = s.scalar(select(RestgruppeEntry).where(RestgruppeEntry.cpr == "1502104567"))
        assert ali is not None
        ali.action_owner = "UU-vejleder"
        s.add(
            RestgruppeAttempt(
                entry_id=ali.id,
                on=date(2026, 11, 3),
                how="telefon",
                reached="",
                note="",
                recorded_by="Test",
            )
        )
    newer = LIST.replace(b"Ukendt", b"I praktik")
    with pytest.raises(OtherListError):
        restgruppe_import.apply(store, newer, NOVEMBER)
    result = restgruppe_import.apply(store, newer, NOVEMBER, replace=True)
    assert result.replaced
    rows = entries(store)
    assert [e.status for e in rows][2] == "I praktik"
    assert rows[1].action_owner == "UU-vejleder"
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(RestgruppeList)) == 1
        attempts = list(s.scalars(select(RestgruppeAttempt)))
        assert [a.entry_id for a in attempts] == [rows[1].id]


def test_an_unknown_column_is_asked_once_then_remembered(store: Store) -> None:
    data = "Elev-ID;Fulde navn\n010109-4123;Sofie Nørgaard\n".encode()
    with pytest.raises(RestgruppeFileError):
        restgruppe_import.preview(store, data, NOVEMBER)
    chosen = {"Elev-ID": Column.CPR}
    assert restgruppe_import.preview(store, data, NOVEMBER, chosen).rows[0].cpr == "0101094123"
    restgruppe_import.apply(store, data, NOVEMBER, chosen=chosen)
    # Next month's file from the same system needs no choice.
    december = restgruppe_import.preview(store, data, date(2026, 12, 1))
    assert december.rows[0].first_name == "Sofie"


def test_the_list_of_a_registered_young_person_is_in_their_access_export(store: Store) -> None:
    yid = register_sofie(store)
    restgruppe_import.apply(store, LIST, NOVEMBER)
    data = access.collect(store, yid)
    assert [row["school"] for row in data["restgruppe_entry"]] == ["Skolen ved Åen"]


@pytest.mark.parametrize(("text", "month"), [("2026-11", NOVEMBER), (" 2027-1 ", date(2027, 1, 1))])
def test_a_month_is_read_as_year_and_month(text: str, month: date) -> None:
    assert restgruppe_import.parse_month(text) == month


@pytest.mark.parametrize("text", ["11-2026", "2026-13", "2026-00", "nov", ""])
def test_an_impossible_month_is_refused_in_danish(text: str) -> None:
    with pytest.raises(InputError) as caught:
        restgruppe_import.parse_month(text)
    assert "fx 2026-11" in caught.value.fields["month"]


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "liste.csv"
    with big.open("wb") as f:
        f.truncate(restgruppe_import.MAX_FILE_BYTES + 1)
    with pytest.raises(FileError) as caught:
        restgruppe_import.read_file(big)
    assert "for stor" in caught.value.message
    with pytest.raises(FileError):
        restgruppe_import.read_file(tmp_path)
    with pytest.raises(FileError):
        restgruppe_import.read_file(tmp_path / "findes-ikke.csv")
