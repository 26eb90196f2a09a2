"""The embedded fonts for every PDF: DejaVu Sans for text, and Symbola (only its symbol and
emoji ranges) as the fallback for what DejaVu cannot draw; both are shipped with their
licences in resources/fonts.

Helvetica is neither embedded nor able to draw Ş, Ł or ễ, so reportlab must use a TTF.
A young person's own words may hold emoji ("🎓"): DejaVu has no glyph for them, so they are
set in the monochrome outline Symbola instead of being lost (colour emoji fonts are bitmaps
reportlab cannot embed). The fonts are parsed on first use only, never at import.

reportlab writes a character beyond U+FFFF into a font's ToUnicode map as five or six hex
digits, which no reader can decode, so such a character could not be searched or copied.
``repair_text_map`` rewrites those entries as UTF-16 surrogate pairs (PDF 32000-1, 9.10.3:
the destination of a bfchar is UTF-16BE).
"""

from __future__ import annotations

import io
import re
from functools import cache

from ungedesk.resources import FONTS

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
EMOJI = "Symbola"
# The PostScript name reportlab writes as the subset's BaseFont ("AAAAAB+Symbola"): its
# presence in the file says the text map may need repair.
_EMOJI_MARK = b"+Symbola"

# "<0A> <1F393>": a bfchar whose destination is a code point written as is.
_WIDE_ENTRY = re.compile(rb"<([0-9A-Fa-f]{2,4})> <([0-9A-Fa-f]{5,6})>")


@cache
def register() -> str:
    """Register the fonts once per process; returns the regular font's name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR


@cache
def register_emoji() -> str:
    """Register the fallback font once per process, on the first text DejaVu cannot draw
    (parsing it costs ~0.1 s that most plans never need); returns its name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    register()
    pdfmetrics.registerFont(TTFont(EMOJI, str(FONTS / "Symbola-emoji.ttf")))
    # Symbola has one weight: an emoji inside bold text stays the same glyph.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(EMOJI, bold, italic, EMOJI)
    return EMOJI


def _surrogates(code: int) -> bytes:
    if code <= 0xFFFF:
        return b"%04X" % code
    code -= 0x10000
    return b"%04X%04X" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))


def _fix_entry(match: re.Match[bytes]) -> bytes:
    return b"<%s> <%s>" % (match.group(1), _surrogates(int(match.group(2), 16)))


def needs_repair(data: bytes) -> bool:
    """Whether the PDF uses the fallback font, the only one that sets characters beyond
    U+FFFF (``plan_pdf.text.printable`` keeps those away from DejaVu)."""
    return _EMOJI_MARK in data


def repair_text_map(data: bytes) -> bytes:
    """The PDF with every ToUnicode entry beyond U+FFFF written as a surrogate pair, so
    pdftotext, search and copy give the emoji back."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        seen: set[tuple[int, int]] = set()
        for page in pdf.pages:
            resources = page.obj.get("/Resources")
            fonts = resources.get("/Font") if resources is not None else None
            if fonts is None:
                continue
            for font in fonts.values():
                cmap = font.get("/ToUnicode")
                if cmap is None or cmap.objgen in seen:
                    continue
                seen.add(cmap.objgen)
                text = cmap.read_bytes()
                fixed = _WIDE_ENTRY.sub(_fix_entry, text)
                if fixed != text:
                    cmap.write(fixed)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()
