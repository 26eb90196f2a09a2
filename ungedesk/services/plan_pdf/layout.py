"""The building blocks of the plan's PDF: colours, page sizes, paragraph styles, sections
with a heading that keeps room under it, labelled text and tables.

All user text goes through ``text.markup`` (printable, visual order, escaped) before a
Paragraph sees it; fixed sentences come from ``text.TEXT``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Table,
    TableStyle,
)

from ungedesk.services import pdf_fonts
from ungedesk.services.plan_pdf.text import (
    markup,
)

ARCHIVE_SUBJECT = "Uddannelsesplan til arkivet"
HANDOUT_SUBJECT = "Uddannelsesplan"

INK = colors.HexColor("#1F2328")
ACCENT = colors.HexColor("#0B6E6E")
SOFT = colors.HexColor("#EAF4F4")
RULE = colors.HexColor("#C9CED6")
MUTED = colors.HexColor("#5A616B")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN
# A section's heading moves to the next page unless this much of the section fits under it.
KEEP_ROOM = 32 * mm
SHORT_NAME = 80  # characters of a municipality name that fit beside the logo
SIDE_WIDTH = 74 * mm  # legend and scores beside the chart
WHOLE_ROOM = 200 * mm  # "all of it": short sections; still less than a page


# --- styles ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    head_cell: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    h2: ParagraphStyle
    big: ParagraphStyle


@cache
def _styles() -> _Styles:
    font = pdf_fonts.register()
    bold = pdf_fonts.BOLD
    body = ParagraphStyle(
        "plan-body", fontName=font, fontSize=10, leading=14, textColor=INK, spaceAfter=3
    )
    small = ParagraphStyle("plan-small", parent=body, fontSize=9, leading=12, spaceAfter=0)
    return _Styles(
        body=body,
        small=small,
        muted=ParagraphStyle("plan-muted", parent=small, textColor=MUTED),
        cell=ParagraphStyle("plan-cell", parent=small, fontSize=9.5, leading=12.5),
        head_cell=ParagraphStyle(
            "plan-head-cell", parent=small, fontName=bold, fontSize=9, textColor=ACCENT
        ),
        label=ParagraphStyle(
            "plan-label", parent=body, fontName=bold, fontSize=10, spaceAfter=0, spaceBefore=4
        ),
        title=ParagraphStyle(
            "plan-title", parent=body, fontName=bold, fontSize=22, leading=27, textColor=ACCENT
        ),
        h2=ParagraphStyle(
            "plan-h2",
            parent=body,
            fontName=bold,
            fontSize=14,
            leading=18,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=5,
        ),
        big=ParagraphStyle("plan-big", parent=body, fontName=bold, fontSize=12.5, leading=17),
    )


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of fixed text (ours, already plain)."""
    return Paragraph(escape(text), style)


def _u(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text."""
    bold = style.fontName == pdf_fonts.BOLD
    return Paragraph(markup(text, bold=bold), style)


class _NeedRoom(CondPageBreak):  # type: ignore[misc]  # reportlab is untyped
    """Start a new page unless the first ``room`` points of the flowables after it fit
    (or all of them, when they are shorter). Unlike KeepTogether it lets a long table or
    text start under its heading and continue overleaf, and it can be measured before
    layout (KeepTogether cannot nest)."""

    def __init__(self, parts: Sequence[Flowable], room: float) -> None:
        super().__init__(room)
        self._parts = list(parts)
        self._room = room

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        total = 0.0
        for part in self._parts:
            _w, h = part.wrap(availWidth, 0x7FFFFFFF)
            total += h + part.getSpaceBefore() + part.getSpaceAfter()
            if total >= self._room:
                break
        self.height = min(self._room, total)
        result: tuple[float, float] = super().wrap(availWidth, availHeight)
        return result


def _section(title: str, *parts: Flowable, whole: bool = False) -> list[Flowable]:
    """A heading that never ends a page alone: it moves on with the start of the section
    (with all of it when ``whole``, for short sections that read as one)."""
    st = _styles()
    heading = _p(title, st.h2)
    flowables = [heading, *parts]
    return [_NeedRoom(flowables, WHOLE_ROOM if whole else KEEP_ROOM), *flowables]


def _labelled(label: str, text: str) -> list[Flowable]:
    """A bold label over the young person's text; the label keeps two lines with it."""
    st = _styles()
    parts: list[Flowable] = [_p(label, st.label), _u(text, st.body)]
    return [_NeedRoom(parts, 12 * mm), *parts]


def _grid(commands: list[tuple[Any, ...]]) -> TableStyle:
    # Cells with plain strings (even empty ones) are set in the table's font, Helvetica by
    # default: that would put an unembedded font in the PDF, which PDF/A forbids.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), pdf_fonts.REGULAR), *commands])


def _table(
    header: Sequence[str | Flowable],
    rows: Sequence[Sequence[Flowable]],
    widths: Sequence[float],
) -> Table:
    """A table with a shaded heading row repeated on every page; a heading given as text
    is set in the heading style, a flowable (a heading laid out by the caller) as it is."""
    st = _styles()
    heads = [_p(h, st.head_cell) if isinstance(h, str) else h for h in header]
    data: list[list[Any]] = [heads, *[list(r) for r in rows]]
    table = Table(
        data,
        colWidths=list(widths),
        repeatRows=1,
        splitInRow=1,  # a very long cell may continue on the next page rather than fail
        hAlign="LEFT",
    )
    table.setStyle(
        _grid(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SOFT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table
