"""User text for spreadsheet cells: formula-like values are recognised, the text itself is
kept as typed (phone numbers, leading zeros), and only what an xlsx file cannot hold goes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ungedesk.domain.spreadsheet_text import (
    MAX_CELL_CHARS,
    formula_like,
    needs_quote,
    neutralise,
)

HOSTILE = [
    '=HYPERLINK("http://x","klik")',
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_values_need_the_quote_and_keep_their_text(text: str) -> None:
    assert formula_like(text)
    assert needs_quote(text)
    assert neutralise(text) == text


@pytest.mark.parametrize(
    "text", ["Ali Hansen", "0101094123", "010109-4123", "Skolen på Bakken", "", "1 = 1"]
)
def test_plain_values_are_left_alone(text: str) -> None:
    assert not needs_quote(text)
    assert neutralise(text) == text


def test_a_phone_number_stays_as_typed_and_is_quoted() -> None:
    # "+45 …" would be read as a sum by a spreadsheet; the quote keeps it text.
    assert neutralise("+45 12 34 56 78") == "+45 12 34 56 78"
    assert needs_quote("+45 12 34 56 78")


def test_characters_xml_cannot_hold_are_dropped_but_the_quote_decision_sees_them() -> None:
    assert neutralise("An\x00na\x1b \ufffe") == "Anna "
    assert neutralise("linje 1\nlinje 2\ttab") == "linje 1\nlinje 2\ttab"
    # NUL before "=": the cell holds "=1" and must still be quoted.
    assert neutralise("\x00=1") == "=1" and needs_quote("\x00=1")
    assert needs_quote("\x01=1")  # dropped control char uncovers a formula


def test_long_text_is_cut_at_excels_limit() -> None:
    assert len(neutralise("x" * (MAX_CELL_CHARS + 10))) == MAX_CELL_CHARS


@given(st.text())
def test_neutralised_text_never_starts_a_formula_unquoted(text: str) -> None:
    cell = neutralise(text)
    assert len(cell) <= MAX_CELL_CHARS
    if formula_like(cell):
        assert needs_quote(text)
