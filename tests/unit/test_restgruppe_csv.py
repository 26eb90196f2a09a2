"""Reading the coordination group's monthly list from the CSV files UU systems export."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ungedesk.domain.restgruppe_csv import (
    Column,
    RestgruppeFileError,
    detect_separator,
    header_key,
    parse_list,
)

# Synthetic CPR numbers of young people born 2009-2011 (seventh digit 4: the 2000s).
PEOPLE = [
    ("0101094123", "Søren", "Ægidius", "Skolen ved Åen; 9.b", "Ikke i uddannelse", "15.10.2026"),
    ("1502104567", "Zoë", "Brøndum", 'Produktionsskolen "Værket"', "Afbrudt", "2026-10-01"),
    ("3006114890", "Ali", "Øster", "Ingen,\nflyttet", "Ukendt", ""),
]


def export(
    *,
    separator: str = ";",
    encoding: str = "utf-8",
    headers: tuple[str, ...] = ("CPR-nr.", "Fornavn", "Efternavn", "Skole", "Status", "Dato"),
    dash: bool = True,
    people: Sequence[tuple[str, ...]] = PEOPLE,
    line_end: str = "\r\n",
) -> bytes:
    """A list as a UU system writes it: the csv module quotes what needs quoting."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=separator, lineterminator=line_end)
    writer.writerow(headers)
    for cpr, *rest in people:
        writer.writerow([f"{cpr[:6]}-{cpr[6:]}" if dash else cpr, *rest])
    return out.getvalue().encode(encoding)


@pytest.mark.parametrize("separator", [";", ",", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_every_encoding_and_separator_reads_the_same_list(separator: str, encoding: str) -> None:
    parsed = parse_list(export(separator=separator, encoding=encoding))
    assert parsed.separator == separator
    assert parsed.encoding == ("Windows-1252" if encoding == "cp1252" else "UTF-8")
    assert [(r.cpr, r.first_name, r.last_name, r.school) for r in parsed.rows] == [
        (p[0], p[1], p[2], p[3]) for p in PEOPLE
    ]
    assert parsed.rows[0].listed_on == date(2026, 10, 15)
    assert parsed.rows[1].listed_on == date(2026, 10, 1)
    assert parsed.rows[2].listed_on is None
    # The quoted field with an embedded line break moved the next line number on.
    assert [r.line for r in parsed.rows] == [2, 3, 4]


def test_the_fingerprint_ignores_encoding_separator_dash_and_order() -> None:
    first = parse_list(export())
    again = parse_list(
        export(separator=",", encoding="cp1252", dash=False, people=PEOPLE[::-1], line_end="\n")
    )
    assert first.fingerprint == again.fingerprint
    changed = parse_list(export(people=[*PEOPLE[:2], (*PEOPLE[2][:4], "I uddannelse", "")]))
    assert changed.fingerprint != first.fingerprint


def test_a_leading_zero_stays_and_the_birth_date_comes_from_it() -> None:
    parsed = parse_list(export(dash=False))
    assert parsed.rows[0].cpr == "0101094123"
    assert parsed.rows[0].birth_date == date(2009, 1, 1)


def test_a_cpr_that_lost_its_leading_zero_in_a_spreadsheet_is_named() -> None:
    with pytest.raises(RestgruppeFileError) as caught:
        parse_list(b"CPR;Navn\n0101094123;A B\n101094123;C D\n")
    assert (caught.value.line, caught.value.field) == (3, "CPR")
    assert "foranstillet 0" in caught.value.message
    assert "101094123" not in caught.value.message


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b'CPR;Navn\n0101094123;A B\n1502104567;"C D\n3006114890;E F\n', 3, "aldrig lukkes"),
        (b'CPR;Navn\n0101094123;"A" B\n', 2, "midt i et felt"),
        (b"CPR;Navn\n0101094123;A B;extra\n", 2, "3 felter"),
        (b"CPR;Navn\n0101094123;A B\n1502104567\n", 3, "1 felter"),
        (b"CPR;Navn\n0101094123;A\x00B\n", 2, "nul-tegn"),
        (b"CPR;Navn\n0101094123;A\x81B\n", 2, "hverken UTF-8"),
    ],
)
def test_a_malformed_file_is_refused_naming_the_line(data: bytes, line: int, words: str) -> None:
    with pytest.raises(RestgruppeFileError) as caught:
        parse_list(data)
    assert caught.value.line == line
    assert words in caught.value.message
    assert caught.value.message.startswith(f"Linje {line}")


@pytest.mark.parametrize(
    ("cell", "words"),
    [("3102094123", "ikke findes"), ("01010941", "10 cifre"), ("", "mangler")],
)
def test_an_impossible_cpr_names_line_and_field(cell: str, words: str) -> None:
    with pytest.raises(RestgruppeFileError) as caught:
        parse_list(f"Personnummer;Navn\n0101094123;A B\n{cell};C D\n".encode())
    assert (caught.value.line, caught.value.field) == (3, "Personnummer")
    assert words in caught.value.message


def test_an_impossible_date_names_line_and_field() -> None:
    with pytest.raises(RestgruppeFileError) as caught:
        parse_list(b"CPR;Navn;Statusdato\n0101094123;A B;31.02.2026\n")
    assert (caught.value.line, caught.value.field) == (2, "Statusdato")


def test_the_same_person_twice_is_refused() -> None:
    with pytest.raises(RestgruppeFileError) as caught:
        parse_list(b"CPR;Navn\n010109-4123;A B\n1502104567;C\n0101094123;A B\n")
    assert caught.value.line == 4
    assert "linje 2" in caught.value.message


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n", b";;;\n", "\ufeff".encode(), b"CPR;Navn\n"])
def test_an_empty_list_is_refused(data: bytes) -> None:
    with pytest.raises(RestgruppeFileError):
        parse_list(data)


def test_header_variants_are_recognised() -> None:
    parsed = parse_list(
        "personnummer,NAVN,Uddannelsessted,STATUS,Registreringsdato\n"
        '010109-4123,"Ægidius, Søren",Skolen,Ledig,2026-11-01\n'.encode()
    )
    assert parsed.mapping == (
        Column.CPR,
        Column.NAME,
        Column.SCHOOL,
        Column.STATUS,
        Column.DATE,
    )
    assert (parsed.rows[0].first_name, parsed.rows[0].last_name) == ("Søren", "Ægidius")
    assert header_key(" CPR-Nr. ") == header_key("cpr nr") == "cprnr"


def test_an_unknown_column_is_mapped_by_the_users_remembered_choice() -> None:
    data = b"Elev-ID;Fulde navn;Vejleder\n0101094123;Ib Ek;XY\n"
    with pytest.raises(RestgruppeFileError) as caught:
        parse_list(data)
    assert "«Elev-ID»" in caught.value.message
    parsed = parse_list(data, {header_key("Elev-ID"): Column.CPR})
    assert parsed.rows[0].cpr == "0101094123"
    assert (parsed.rows[0].first_name, parsed.rows[0].last_name) == ("Ib", "Ek")
    assert parsed.unknown_headers == ("Vejleder",)


def test_two_columns_meaning_the_same_are_refused() -> None:
    with pytest.raises(RestgruppeFileError) as caught:
        parse_list(b"CPR;Personnummer\n0101094123;0101094123\n")
    assert "«CPR» og «Personnummer»" in caught.value.message


def test_the_separator_is_the_one_that_names_known_columns() -> None:
    # A comma inside a header must not win over the semicolons that split it.
    assert detect_separator("CPR;Navn, fulde;Skole\n") == ";"
    assert detect_separator("CPR,Navn;x,Skole\n") == ","


_cells = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_whole_list_or_a_danish_refusal(data: bytes) -> None:
    try:
        parsed = parse_list(data)
    except RestgruppeFileError as exc:
        assert exc.message
        return
    assert parsed.rows
    assert all(len(r.cpr) == 10 and r.cpr.isdigit() for r in parsed.rows)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(_cells, _cells, _cells), min_size=1, max_size=8),
    st.sampled_from([";", ",", "\t"]),
)
def test_any_cells_written_by_csv_read_back_whole(
    cells: list[tuple[str, str, str]], separator: str
) -> None:
    people = [(f"{(i % 28) + 1:02d}0110{4000 + i}", *row) for i, row in enumerate(cells)]
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=separator)
    writer.writerow(["CPR", "Fornavn", "Efternavn", "Status"])
    writer.writerows(people)
    try:
        parsed = parse_list(out.getvalue().encode())
    except RestgruppeFileError:
        return  # e.g. a NUL typed into a cell: refused as a whole
    assert [(r.cpr, r.first_name, r.last_name, r.status) for r in parsed.rows] == [
        (cpr, a.strip(), b.strip(), c.strip()) for cpr, a, b, c in people
    ]
