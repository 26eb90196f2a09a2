"""User text bound for a spreadsheet cell, made safe against formula injection.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab, a carriage return or a
NUL before one) is taken for a formula by Excel, LibreOffice Calc and Google Sheets: a name
typed as ``=HYPERLINK("http://…","klik")`` would become a live link, and a DDE payload like
``=cmd|' /C calc'!A0`` could start a program (CWE-1236; OWASP ASVS 5.0 requirement 1.2.10
asks for such values to be escaped with a single quote when exported to XLSX and ODF).

In an xlsx file the single quote is not part of the text: it is the cell's ``quotePrefix``
style, the flag Excel itself sets when someone types ``'=1``. So the minutes keep the value
exactly as it was typed ("+45 12 34 56 78" stays a phone number, "0101094123" keeps its
leading zero) and the writer (services.restgruppe_minutes) makes every user cell a text
cell (an inline string, never a formula element) and marks the formula-like ones
``quotePrefix``, so editing the cell later does not turn it into a formula either.

This module decides the text and whether it needs the quote; it knows nothing of openpyxl.
"""

from __future__ import annotations

import re

# What a spreadsheet reads as the start of a formula (OWASP's list, NUL included).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")

# Excel's limit for the text of one cell.
MAX_CELL_CHARS = 32_767

# XML 1.0 cannot hold these: C0 controls other than tab, line feed and carriage return,
# lone surrogates and the two non-characters U+FFFE/U+FFFF. openpyxl refuses a cell that
# holds one, so a stray control character from a pasted file would stop the whole export.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def formula_like(text: str) -> bool:
    """True when a spreadsheet could take ``text`` for a formula (or a DDE call)."""
    return text.startswith(FORMULA_TRIGGERS)


def neutralise(text: str) -> str:
    """The text a cell will hold: as typed, minus the characters an xlsx file cannot hold,
    cut at Excel's 32,767 characters. Whether the cell needs the quote prefix is decided
    on the text as typed (``formula_like``), so "\\0=1" is still quoted."""
    return _NOT_IN_XML.sub("", text)[:MAX_CELL_CHARS]


def needs_quote(text: str) -> bool:
    """The cell that shows ``neutralise(text)`` must carry the quote prefix: the text as
    typed, or as the cell will hold it, starts like a formula."""
    return formula_like(text) or formula_like(neutralise(text))
