"""The coordination group's minutes on real stores: the PDF read back as text and the xlsx
read back with openpyxl hold the sections, the names as written, no full CPR number and no
formula; the export is logged with counts only; a full disk leaves nothing behind."""

from __future__ import annotations

import errno
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.kui import Reached
from ungedesk.domain.restgruppe import ContactStatus, ContactWay, MonthFigures
from ungedesk.services import audit, restgruppe_import, restgruppe_review, unit
from ungedesk.services.audit import Action
from ungedesk.services.restgruppe_minutes import (
    Column,
    Minutes,
    Section,
    render_xlsx,
    suggested_file_name,
    write_minutes_pdf,
    write_minutes_xlsx,
)
from ungedesk.services.restgruppe_review import AttemptInput, ReviewInput
from ungedesk.store import paths
from ungedesk.store.database import Store
from ungedesk.store.errors import DiskFullError

OCT, NOV = date(2026, 10, 1), date(2026, 11, 1)
MEETING = date(2026, 11, 20)
# Synthetic young people; the first CPR numbers start with a zero.
ANNA = ("0101094123", "Anna", "Aalund")
HOSTILE = ("1502104567", "<b>Ali</b>", "& Co")
CEM = ("3006104890", "Cem", "Celik")
DINA = ("0707094111", "Dina", "Dahl")
EMIL = ("0808094222", "Emil", "Eskildsen")
FORMULAS = [
    '=HYPERLINK("http://x","klik")',
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
]
SHEETS = ["Møde", "Listen", "Gengangere", "Kan ikke nås", "Fejlplacerede", "Sanktioner", "Tal"]


def import_month(store: Store, month: date, *people: tuple[str, str, str]) -> None:
    rows = "".join(f'{c};{f};"{e.replace(chr(34), chr(34) * 2)}"\n' for c, f, e in people)
    restgruppe_import.apply(store, ("CPR;Fornavn;Efternavn\n" + rows).encode(), month)


def entry_id(store: Store, first_name: str) -> int:
    review = restgruppe_review.review(store, NOV)
    return next(e.id for e in review.entries if e.name.startswith(first_name))


@pytest.fixture
def meeting(store: Store) -> Store:
    """November: Anna a repeater reached by phone with a next step; Ali with a hostile name
    and a sanction; Cem unreachable after two tries; Dina misplaced; Emil plain."""
    import_month(store, OCT, ANNA)
    import_month(store, NOV, ANNA, HOSTILE, CEM, DINA, EMIL)
    anna, ali, cem, dina = (entry_id(store, n) for n in ("Anna", "<b>Ali", "Cem", "Dina"))
    restgruppe_review.add_attempt(
        store, anna, AttemptInput(date(2026, 11, 5), ContactWay.PHONE, Reached.YOUTH), today=TODAY
    )
    restgruppe_review.save(
        store,
        anna,
        ReviewInput(
            action_owner="+45 12 34 56 78",
            contact_status=ContactStatus.REACHED,
            next_step="Møde på produktionsskolen",
            next_step_on=date(2026, 12, 3),
        ),
        today=TODAY,
    )
    restgruppe_review.save(
        store,
        ali,
        ReviewInput(
            action_owner="=cmd|' /C calc'!A0",
            next_step="-2+3",
            sanction_reason='=HYPERLINK("http://x","klik")',
            sanction_decided_by="\t=1",
        ),
        today=TODAY,
    )
    for day, how in ((3, ContactWay.SMS), (9, ContactWay.HOME_VISIT)):
        restgruppe_review.add_attempt(
            store, cem, AttemptInput(date(2026, 11, day), how), today=TODAY
        )
    restgruppe_review.save(
        store,
        cem,
        ReviewInput(contact_status=ContactStatus.UNREACHABLE, next_step="+SUM(1+1)"),
        today=TODAY,
    )
    emil = entry_id(store, "Emil")
    restgruppe_review.save(store, emil, ReviewInput(next_step="@SUM(A1)"), today=TODAY)
    restgruppe_review.save(
        store, dina, ReviewInput(misplaced_reason="Går på efterskole i Vejle"), today=TODAY
    )
    return store


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def full_cprs() -> list[str]:
    people = (ANNA, HOSTILE, CEM, DINA, EMIL)
    return [c for c, _f, _e in people] + [f"{c[:6]}-{c[6:]}" for c, _f, _e in people]


def test_the_pdf_holds_the_sections_and_names_as_written(meeting: Store, tmp_path: Path) -> None:
    target = tmp_path / "referat" / suggested_file_name(NOV, "pdf")
    assert write_minutes_pdf(meeting, NOV, target, meeting_on=MEETING) == target
    assert target.name == "koordinationsgruppe-2026-11.pdf"
    text = pdf_text(target)
    flat = " ".join(text.split())
    for heading in (
        "Koordinationsgruppens møde, november 2026",
        "Mødet blev holdt 20. november 2026",
        "Månedens tal",
        "Listen",
        "Gengangere",
        "Kan ikke nås",
        "Fejlplacerede",
        "Indstilling om sanktion",
        "Tal for de seneste 12 måneder",
    ):
        assert heading in flat, heading
    assert flat.startswith(unit.unit_name(meeting))  # the unit the municipality named
    assert "jobcenter" not in flat.lower()
    assert "<b>Ali</b> & Co" in flat  # escaped for the Paragraph, printed literally
    assert "Går på efterskole i Vejle" in flat
    assert '=HYPERLINK("http://x","klik")' in flat
    assert "010109-xxxx" in flat and "03-12-2026" in flat
    for cpr in full_cprs():
        assert cpr not in text
    reader = PdfReader(target)
    assert reader.metadata is not None
    assert reader.metadata.title == "Koordinationsgruppens møde, november 2026"
    assert str(reader.trailer["/Root"]["/Lang"]) == "da-DK"
    if paths.os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


def test_the_xlsx_has_a_sheet_per_section_and_no_formula(meeting: Store, tmp_path: Path) -> None:
    target = tmp_path / suggested_file_name(NOV, "xlsx")
    write_minutes_xlsx(meeting, NOV, target, meeting_on=MEETING)
    wb = load_workbook(target)
    assert wb.sheetnames == SHEETS
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = {c.value for c in cells}
    # Exactly as typed (the review trims the tab before "=1"): no apostrophe, nothing lost.
    for typed in [*FORMULAS[:-1], "=1"]:
        assert typed in values, typed
    for c in cells:
        if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@", "\t")):
            assert c.data_type == "s" and c.quotePrefix, (c.coordinate, c.value)
    for cpr in full_cprs():
        assert not any(isinstance(v, str) and cpr in v for v in values)

    listing = wb["Listen"]
    header = [c.value for c in listing[1]]
    assert header == [
        "Navn",
        "CPR",
        "Skole",
        "Status",
        "Måneder i træk",
        "Handleansvar",
        "Kontakt",
        "Næste skridt",
        "Dato for næste skridt",
    ]
    assert all(c.font.bold for c in listing[1])
    assert listing.column_dimensions["A"].width == 28
    rows = {r[0]: r for r in listing.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {
        "Anna Aalund",
        "<b>Ali</b> & Co",
        "Cem Celik",
        "Emil Eskildsen",
    }  # Dina is misplaced: not on the counted list
    anna = rows["Anna Aalund"]
    assert anna[1] == "010109-xxxx"  # leading zero kept, masked
    assert anna[4] == 2 and anna[5] == "+45 12 34 56 78" and anna[6] == "Nået"
    assert anna[8] == datetime(2026, 12, 3)
    date_cell = next(c for c in listing["I"] if c.value == datetime(2026, 12, 3))
    assert date_cell.number_format == "dd-mm-yyyy" and date_cell.is_date

    assert [r[0] for r in wb["Gengangere"].iter_rows(min_row=2, values_only=True)] == [
        "Anna Aalund"
    ]
    cem = next(wb["Kan ikke nås"].iter_rows(min_row=2, values_only=True))
    assert cem[:5] == ("Cem Celik", "300610-xxxx", None, 2, "Sms, Hjemmebesøg")
    assert cem[5:7] == (datetime(2026, 11, 9), "+SUM(1+1)")
    assert list(wb["Fejlplacerede"].iter_rows(min_row=2, values_only=True)) == [
        ("Dina Dahl", "070709-xxxx", None, "Går på efterskole i Vejle")
    ]
    assert list(wb["Sanktioner"].iter_rows(min_row=2, values_only=True)) == [
        (
            "<b>Ali</b> & Co",
            "150210-xxxx",
            '=HYPERLINK("http://x","klik")',
            "=1",
        )
    ]
    # October: Anna alone; November: 4 counted, Dina misplaced, Anna repeats, Cem not
    # reachable, Anna reached.
    assert list(wb["Tal"].iter_rows(min_row=2, values_only=True)) == [
        ("oktober 2026", 1, 0, 0, 0, 0, 0),
        ("november 2026", 4, 1, 1, 1, 1, 0),
    ]
    about = {r[0]: r[1] for r in wb["Møde"].iter_rows(min_row=2, values_only=True)}
    assert about["Enhed"] == unit.unit_name(meeting) and about["Mødedato"] == datetime(2026, 11, 20)


def test_every_hostile_string_reads_back_as_typed_text() -> None:
    typed = [*FORMULAS, "+45 12 34 56 78", "0101094123", "010109-4123", "#N/A", "Ali"]
    section = Section(
        "Prøve",
        "Prøve",
        "",
        "",
        tuple(Column(f"K{i}", 10) for i in range(len(typed))),
        (tuple(typed),),
    )
    history = Section("Tal", "Tal", "", "", (Column("Måned", 10),), ())
    figures = MonthFigures(NOV, 0, 0, 0, 0, 0, 0)
    minutes = Minutes("=kommunen", NOV, MEETING, figures, "+1", (section, history))
    wb = load_workbook(io.BytesIO(render_xlsx(minutes)))
    row = wb["Prøve"][2]
    assert [c.value for c in row] == typed
    assert [c.data_type for c in row] == ["s"] * len(typed)
    assert [bool(c.quotePrefix) for c in row] == [True] * 7 + [False] * 4
    about = {r[0].value: r[1] for r in wb["Møde"].iter_rows(min_row=2)}
    assert about["Enhed"].value == "=kommunen" and about["Enhed"].quotePrefix
    assert about["Næste skridt efter mere end en måned"].value == "+1"


def test_phone_numbers_and_leading_zeros_stay_text(store: Store, tmp_path: Path) -> None:
    import_month(store, NOV, ("0101094123", "-2+3", "0101094123"), ("0202094333", "@a", "+45"))
    target = tmp_path / "m.xlsx"
    write_minutes_xlsx(store, NOV, target, meeting_on=MEETING)
    ws = load_workbook(target)["Listen"]
    names = {c.value: c for c in ws["A"][1:]}
    assert set(names) == {"-2+3 0101094123", "@a +45"}
    assert all(c.data_type == "s" and c.quotePrefix for c in names.values())
    cprs = [c for c in ws["B"][1:]]
    assert {c.value for c in cprs} == {"010109-xxxx", "020209-xxxx"}
    assert all(c.data_type == "s" for c in cprs)


def test_each_export_is_logged_with_counts_only(meeting: Store, tmp_path: Path) -> None:
    write_minutes_pdf(meeting, NOV, tmp_path / "m.pdf", meeting_on=MEETING)
    write_minutes_xlsx(meeting, NOV, tmp_path / "m.xlsx", meeting_on=MEETING)
    exports = [e for e in audit.recent_for_actor(meeting, 1) if e.action is Action.EXPORT]
    assert [e.detail for e in exports[:2]] == [
        "Referat som xlsx: 4 på listen, 1 fejlplacerede, 1 sanktionsindstillinger",
        "Referat som PDF: 4 på listen, 1 fejlplacerede, 1 sanktionsindstillinger",
    ]
    for e in exports[:2]:
        assert e.subject == "Koordinationsgruppens referat 2026-11"
        text = f"{e.subject} {e.detail}"
        assert "Anna" not in text and "0101" not in text


@pytest.mark.parametrize("write", [write_minutes_pdf, write_minutes_xlsx])
def test_a_full_disk_leaves_no_file_and_no_log_row(
    meeting: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: object
) -> None:
    def disk_full(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    before = len(audit.recent_for_actor(meeting, 1))
    monkeypatch.setattr(paths.os, "replace", disk_full)
    target = tmp_path / "ud" / "referat"
    with pytest.raises(DiskFullError) as caught:
        write(meeting, NOV, target, meeting_on=MEETING)  # type: ignore[operator]
    monkeypatch.undo()
    assert "Disken er fuld" in caught.value.message
    assert list(target.parent.iterdir()) == []  # neither the file nor its temp
    after = audit.recent_for_actor(meeting, 1)
    assert len(after) == before


def test_an_empty_month_has_every_section_saying_so(store: Store, tmp_path: Path) -> None:
    import_month(store, NOV, EMIL)
    write_minutes_pdf(store, NOV, tmp_path / "m.pdf", meeting_on=MEETING)
    flat = " ".join(pdf_text(tmp_path / "m.pdf").split())
    assert "Ingen gengangere denne måned." in flat
    assert "Gruppen har ikke anbefalet nogen sanktion." in flat


def test_control_characters_in_the_groups_text_do_not_stop_the_export(
    store: Store, tmp_path: Path
) -> None:
    import_month(store, NOV, EMIL)
    emil = entry_id(store, "Emil")
    restgruppe_review.save(store, emil, ReviewInput(next_step="Ring\x07 til mor\x1b"), today=TODAY)
    write_minutes_xlsx(store, NOV, tmp_path / "m.xlsx", meeting_on=MEETING)
    write_minutes_pdf(store, NOV, tmp_path / "m.pdf", meeting_on=MEETING)
    row = next(load_workbook(tmp_path / "m.xlsx")["Listen"].iter_rows(min_row=2, values_only=True))
    assert row[7] == "Ring til mor"
    assert "Ring til mor" in " ".join(pdf_text(tmp_path / "m.pdf").split())


def test_a_month_without_a_list_is_refused_in_danish_and_writes_nothing(
    store: Store, tmp_path: Path
) -> None:
    with pytest.raises(InputError) as caught:
        write_minutes_pdf(store, NOV, tmp_path / "ud" / "m.pdf", meeting_on=MEETING)
    assert caught.value.fields["month"] == "Der er ingen liste for november 2026."
    assert not (tmp_path / "ud").exists()
