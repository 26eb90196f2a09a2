"""Writing xlsx sheets the one safe way: every string a text cell, formula-like text inert.

Shared by the exports that write workbooks (the coordination group's minutes, the
management figures). openpyxl takes a string starting with "=" for a formula; here the
type is set back to a string and formula-like text gets Excel's quote prefix
(domain.spreadsheet_text), so "+45 12 34 56 78" and a leading-zero number stay as typed.
openpyxl is imported by the functions that use it: no command that writes no workbook
loads it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ungedesk.domain.spreadsheet_text import needs_quote, neutralise

DATE_FORMAT = "dd-mm-yyyy"  # Excel's number format; the PDF writes the same
PERCENT_FORMAT = "0.0%"

Cell = str | int | float | date | None


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: int  # characters in the workbook; the PDF shares its page width in proportion


def put(ws: Any, row: int, column: int, value: Cell, *, percent: bool = False) -> Any:
    """One cell; strings always as text, formula-like ones with the quote prefix."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = neutralise(value)
        # openpyxl takes a string starting with "=" for a formula (and "#N/A" for an
        # error): the type is set back to a string, written as an inline string.
        cell.data_type = "s"
        if needs_quote(value):
            cell.quotePrefix = True
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif value is not None:
        cell.value = value
        if percent:
            cell.number_format = PERCENT_FORMAT
    return cell


def add_sheet(wb: Any, title: str, header: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> Any:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    bold = Font(bold=True)
    for col, column in enumerate(header, start=1):
        put(ws, 1, col, column.title).font = bold
        ws.column_dimensions[get_column_letter(col)].width = column.width
    for r, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            put(ws, r, col, value, percent=isinstance(value, float))
    ws.freeze_panes = "A2"  # the header stays in view while scrolling
    return ws


def new_workbook() -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    return wb


def to_bytes(wb: Any, title: str) -> bytes:
    wb.properties.title = neutralise(title)
    wb.properties.creator = "UngeDesk"
    wb.properties.language = "da-DK"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
