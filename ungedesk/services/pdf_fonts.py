"""The embedded font for every PDF: DejaVu Sans (shipped with its licence in resources/fonts).

Helvetica is neither embedded nor able to draw Ş, Ł or ễ, so reportlab must use a TTF.
"""

from __future__ import annotations

from functools import cache

from ungedesk.resources import FONTS

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


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
