"""The document: the numbered footer on every page and ``render_handout``, which builds the
story into PDF bytes in memory (PDF/A-2b for the archive on request)."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    SimpleDocTemplate,
)

from ungedesk.domain.plan import (
    Handout,
)
from ungedesk.services import pdf_fonts
from ungedesk.services.plan_pdf.layout import (
    ARCHIVE_SUBJECT,
    BODY_WIDTH,
    HANDOUT_SUBJECT,
    MARGIN,
    MUTED,
    RULE,
    _styles,
)
from ungedesk.services.plan_pdf.sections import story
from ungedesk.services.plan_pdf.text import (
    TEXT,
    _coverage,
    meeting_time,
    printable,
    visual,
)

# --- the document ----------------------------------------------------------------------------


def _canvas_class(footer_left: str) -> type[Canvas]:
    """A canvas that holds its pages until the end, so each footer can say 'Side 1 af 2'."""

    class _Numbered(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            # The page's own width: the coordination group's minutes are landscape.
            right = self._pagesize[0] - MARGIN
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 13 * mm, right, 13 * mm)
            self.setFillColor(MUTED)
            self.setFont(pdf_fonts.REGULAR, 8)
            self.drawString(MARGIN, 9 * mm, footer_left)
            self.drawRightString(
                right,
                9 * mm,
                TEXT["page"].format(page=self._pageNumber, pages=total),
            )
            self.restoreState()

    return _Numbered


def warm_up() -> None:
    """Parse the fonts and load Babel's Danish data ahead of the first plan (~100 ms that
    would otherwise land on the first PDF). Call it on the worker thread."""
    pdf_fonts.register()
    _styles()
    _coverage(pdf_fonts.REGULAR)
    _coverage(pdf_fonts.BOLD)
    meeting_time(datetime(2026, 1, 1, 10, 0))


def render_handout(handout: Handout, *, archive: bool = False) -> bytes:
    """The plan as PDF bytes; ``archive`` makes it PDF/A-2b for the municipality's ESDH."""
    font = pdf_fonts.register()
    municipality = " ".join(printable(handout.municipality, fallback=False).split())
    tail = " · ".join(
        (TEXT["title"], f"Version {handout.version}" if handout.version is not None else "Kladde")
    )
    # The footer line leaves room for "Side 10 af 10"; a long name is cut short there.
    room = BODY_WIDTH - 30 * mm - pdfmetrics.stringWidth(f" · {tail}", font, 8)
    short = municipality
    while short and pdfmetrics.stringWidth(short, font, 8) > room:
        short = short[: max(0, min(len(short) - 1, int(len(short) * 0.9)))].rstrip()
        short = short.rstrip("…") + "…" if short else ""
    footer = " · ".join(x for x in (visual(short), tail) if x)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=TEXT["title"],
        author=municipality or "UngeDesk",
        subject=ARCHIVE_SUBJECT if archive else HANDOUT_SUBJECT,
        creator="UngeDesk",
        lang="da-DK",
        # Viewers and read-aloud tools name the document by its title, not its file name.
        displayDocTitle=True,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=20 * mm,
        # Without this the canvas names Helvetica (never embedded) on every page, which
        # PDF/A forbids.
        initialFontName=font,
    )
    doc.build(story(handout), canvasmaker=_canvas_class(footer))
    data = buffer.getvalue()
    if pdf_fonts.needs_repair(data):
        data = pdf_fonts.repair_text_map(data)
    if archive:
        from ungedesk.services import pdfa

        data = pdfa.convert(data)
    return data
