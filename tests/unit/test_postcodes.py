"""The list of Danish postcodes and what a typed postcode says."""

from __future__ import annotations

import pytest

from ungedesk.domain.postcodes import PostcodeState, look_up, parse_postcode_table
from ungedesk.services.postcodes import postcode_table

TABLE = parse_postcode_table(
    "# a comment\npostnummer;by\n6760;Ribe\n2840;Holte\n 8000 ; Aarhus C \n"
)


def test_the_table_text_is_read_without_comments_or_header() -> None:
    assert TABLE == {"6760": "Ribe", "2840": "Holte", "8000": "Aarhus C"}


@pytest.mark.parametrize(
    ("typed", "state", "town"),
    [
        ("6760", PostcodeState.KNOWN, "Ribe"),
        (" 2840 ", PostcodeState.KNOWN, "Holte"),
        ("８０００", PostcodeState.KNOWN, "Aarhus C"),  # fullwidth digits
        ("", PostcodeState.INCOMPLETE, ""),
        ("67", PostcodeState.INCOMPLETE, ""),
        ("676", PostcodeState.INCOMPLETE, ""),
        ("9999", PostcodeState.UNKNOWN, ""),
        ("67a0", PostcodeState.NOT_DIGITS, ""),
        ("67600", PostcodeState.NOT_DIGITS, ""),
    ],
)
def test_what_a_typed_postcode_says(typed: str, state: PostcodeState, town: str) -> None:
    found = look_up(typed, TABLE)
    assert found.state is state
    assert found.town == town
    assert bool(found.hint) == (state in (PostcodeState.UNKNOWN, PostcodeState.NOT_DIGITS))


@pytest.mark.parametrize(
    ("code", "town"),
    [
        ("1000", "København K"),
        ("2840", "Holte"),  # reaches two municipalities in the source: one row here
        ("3700", "Rønne"),
        ("5000", "Odense C"),
        ("6760", "Ribe"),
        ("8000", "Aarhus C"),
        ("9990", "Skagen"),
    ],
)
def test_the_shipped_list_has_the_official_towns(code: str, town: str) -> None:
    assert postcode_table()[code] == town


def test_the_shipped_list_is_the_whole_country_and_no_company_codes() -> None:
    table = postcode_table()
    assert len(table) > 1000  # about 1,100 postcodes for home addresses
    assert all(code >= "1000" for code in table)  # 0783 and other company codes left out
