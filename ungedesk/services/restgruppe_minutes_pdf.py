"""The coordination group's minutes as a PDF, in the plan's visual style (services.plan_pdf:
the same embedded fonts, colours, headings, tables and numbered footer), on landscape A4 so
the list's nine columns stay readable.

Every user string goes through the plan's ``markup`` (printable, visual order, escaped)
before a Paragraph sees it: a name like "<b>Ali</b> & Co" is printed as written. Rendered
in memory; services.restgruppe_minutes writes the file and logs the export.
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer

from ungedesk.services import pdf_fonts
from ungedesk.services.plan_pdf.layout import MARGIN, _NeedRoom, _p, _styles, _table, _u
from ungedesk.services.plan_pdf.render import _canvas_class
from ungedesk.services.plan_pdf.text import long_date, printable
from ungedesk.services.restgruppe_import import month_label
from ungedesk.services.restgruppe_minutes import (
    FIGURE_COLUMNS,
    TITLE,
    Minutes,
    Section,
    figure_values,
)
from ungedesk.services.workbook import Cell

PAGE = landscape(A4)
WIDTH = PAGE[0] - 2 * MARGIN
KEEP_ROOM = 55 * mm
MAX_WORD = 40 * mm  # a longer word in free text may break
PADDING = 11  # the table's left and right cell padding, and a point to spare
SUBJECT = "Referat af koordinationsgruppens møde om unge uden uddannelse eller job"


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    return str(value)


def _longest_word(text: str, font: str, size: float) -> float:
    return max((stringWidth(w, font, size) for w in text.split()), default=0.0)


def _widths(section: Section) -> list[float]:
    """Each column at least as wide as its longest word (a CPR number, a date, a word of
    its heading: cut in the middle they read wrong), capped so free text still wraps; the
    rest of the page shared in proportion to the columns' widths."""
    least: list[float] = []
    for i, column in enumerate(section.columns):
        words = [_longest_word(column.title, pdf_fonts.BOLD, 9)]
        words += [_longest_word(_text(r[i]), pdf_fonts.REGULAR, 9.5) for r in section.rows]
        least.append(min(max(words), MAX_WORD) + PADDING)
    spare = WIDTH - sum(least)
    total = sum(c.width for c in section.columns)
    if spare < 0:  # more than the page: shrink every column alike
        return [w * WIDTH / sum(least) for w in least]
    return [w + spare * c.width / total for w, c in zip(least, section.columns, strict=True)]


def _cell(value: Cell) -> Flowable | str:
    st = _styles()
    if value is None or value == "":
        return ""  # a Paragraph per empty cell costs time on a long list, and shows nothing
    if isinstance(value, str):
        # Names, schools, reasons and steps come from people and files: user text.
        return _u(value, st.cell)
    return _p(_text(value), st.cell)


def _rows(section: Section) -> list[list[Flowable | str]]:
    return [[_cell(v) for v in row] for row in section.rows]


def _body(section: Section) -> list[Flowable]:
    st = _styles()
    parts: list[Flowable] = []
    if section.intro:
        parts.append(_u(section.intro, st.muted))
        parts.append(Spacer(1, 2 * mm))
    if section.rows:
        header = [c.title for c in section.columns]
        parts.append(_table(header, _rows(section), _widths(section)))
    else:
        parts.append(_p(section.empty, st.body))
    # The heading, its intro and the table's first rows move to the next page together.
    flowables = [_p(section.title, st.h2), *parts]
    return [_NeedRoom(flowables, KEEP_ROOM), *flowables]


def _heading(minutes: Minutes) -> list[Flowable]:
    st = _styles()
    figures = _table(
        [label for _key, label in FIGURE_COLUMNS],
        [[_p(str(n), st.big) for n in figure_values(minutes.figures)]],
        [WIDTH / len(FIGURE_COLUMNS)] * len(FIGURE_COLUMNS),
    )
    return [
        _u(minutes.unit, st.big),
        _p(f"{TITLE}, {month_label(minutes.month)}", st.title),
        _p(f"Referat. Mødet blev holdt {long_date(minutes.meeting_on)}.", st.body),
        Spacer(1, 3 * mm),
        _p("Månedens tal", st.label),
        Spacer(1, 1 * mm),
        figures,
        _p("De fejlplacerede tæller ikke med i de øvrige tal.", st.muted),
    ]


def story(minutes: Minutes) -> list[Flowable]:
    out = _heading(minutes)
    for section in minutes.sections:
        out.extend(_body(section))
    return out


def _footer(minutes: Minutes) -> str:
    unit = " ".join(printable(minutes.unit, fallback=False).split())
    if len(unit) > 60:  # the footer line also holds the title and "Side 10 af 10"
        unit = unit[:59].rstrip() + "…"
    return " · ".join(x for x in (unit, minutes.title) if x)


def render_pdf(minutes: Minutes) -> bytes:
    """The minutes as PDF bytes (title, author and /Lang da-DK as the plan has them)."""
    font = pdf_fonts.register()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        title=minutes.title,
        author=" ".join(printable(minutes.unit, fallback=False).split()) or "UngeDesk",
        subject=SUBJECT,
        creator="UngeDesk",
        lang="da-DK",
        displayDocTitle=True,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=20 * mm,
        initialFontName=font,
    )
    doc.build(story(minutes), canvasmaker=_canvas_class(_footer(minutes)))
    data = buffer.getvalue()
    if pdf_fonts.needs_repair(data):
        data = pdf_fonts.repair_text_map(data)
    return data
