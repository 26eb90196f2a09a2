"""The young person's spider chart for the plan PDF: their own scores, first and latest reading.

Drawn with reportlab.graphics so it is vector art in the PDF (sharp when printed, no image to
make PDF/A-safe). Colours are opaque: the latest reading's area is a light solid fill drawn
first, the lines on top, so no transparency group is needed in the archive variant. The two
readings differ in line style as well as colour, so the chart reads in black and white too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ungedesk.domain.progression import INDICATOR_SHORT, SCALE_MAX, Indicator
from ungedesk.services import pdf_fonts

FIRST_COLOUR = colors.HexColor("#8A8F98")
LATEST_COLOUR = colors.HexColor("#0B6E6E")
LATEST_FILL = colors.HexColor("#D7ECEC")
GRID_COLOUR = colors.HexColor("#C9CED6")
LABEL_COLOUR = colors.HexColor("#2B2F36")
FIRST_DASH = [4, 3]
MIN_AXES = 3  # fewer than three axes make no area; the table beside the chart says it all


# No text on the chart is smaller than 8 pt: young people read the handout on paper, some
# with dyslexia or poor sight.
LABEL_SIZE = 8.0


def _point(cx: float, cy: float, radius: float, index: int, count: int) -> tuple[float, float]:
    # The first axis points straight up; the rest follow clockwise, as a reader expects.
    angle = math.pi / 2 - 2 * math.pi * index / count
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def _outline(
    cx: float,
    cy: float,
    radius: float,
    indicators: Sequence[Indicator],
    scores: Mapping[Indicator, int],
) -> list[float]:
    points: list[float] = []
    for i, indicator in enumerate(indicators):
        score = scores.get(indicator)
        if score is None:
            continue
        x, y = _point(cx, cy, radius * score / SCALE_MAX, i, len(indicators))
        points.extend((x, y))
    return points


def _fit_radius(
    indicators: Sequence[Indicator], width: float, height: float, font: str, size: float
) -> float:
    """The largest web that leaves every axis label inside the drawing."""
    cx = width / 2
    count = len(indicators)
    widths = [stringWidth(INDICATOR_SHORT[i], font, size) for i in indicators]
    radius = height / 2 - 2 * size - 4
    while radius > 20:
        fits = True
        for i, label_width in enumerate(widths):
            x, _y = _point(cx, 0, radius + LABEL_GAP, i, count)
            if x > cx + 4 and x + label_width > width:
                fits = False
            if x < cx - 4 and x - label_width < 0:
                fits = False
        if fits:
            return radius
        radius -= 2
    return radius


LABEL_GAP = 6.0


def spider(
    indicators: Sequence[Indicator],
    first: Mapping[Indicator, int] | None,
    latest: Mapping[Indicator, int] | None,
    *,
    width: float = 280.0,
    height: float = 200.0,
) -> Drawing | None:
    """The web in a ``width`` x ``height`` drawing, or None when there are too few
    indicators to make an area.

    ``first`` is drawn dashed and grey, ``latest`` solid and teal with a light area. An
    indicator the young person did not score in a reading is left out of that outline.
    """
    if len(indicators) < MIN_AXES or (first is None and latest is None):
        return None
    font = pdf_fonts.register()
    label_size = LABEL_SIZE
    drawing = Drawing(width, height, initialFontName=font, initialFontSize=label_size)
    cx, cy = width / 2, height / 2
    radius = _fit_radius(indicators, width, height, font, label_size)
    count = len(indicators)

    for ring in (2, 4, 6, 8, 10):
        ring_points: list[float] = []
        for i in range(count):
            ring_points.extend(_point(cx, cy, radius * ring / SCALE_MAX, i, count))
        drawing.add(
            Polygon(
                ring_points,
                strokeColor=GRID_COLOUR,
                strokeWidth=0.8 if ring == SCALE_MAX else 0.4,
                fillColor=None,
            )
        )
    for i, indicator in enumerate(indicators):
        x, y = _point(cx, cy, radius, i, count)
        drawing.add(Line(cx, cy, x, y, strokeColor=GRID_COLOUR, strokeWidth=0.4))
        lx, ly = _point(cx, cy, radius + LABEL_GAP, i, count)
        label = INDICATOR_SHORT[indicator]
        if abs(lx - cx) <= 4:
            anchor = "middle"
            ly = ly + 1 if ly > cy else ly - label_size
        else:
            anchor = "start" if lx > cx else "end"
            ly -= label_size / 3
        drawing.add(
            String(
                lx,
                ly,
                label,
                fontName=font,
                fontSize=label_size,
                fillColor=LABEL_COLOUR,
                textAnchor=anchor,
            )
        )

    if latest:
        points = _outline(cx, cy, radius, indicators, latest)
        if len(points) >= 6:
            drawing.add(Polygon(points, fillColor=LATEST_FILL, strokeColor=None))
    if first:
        points = _outline(cx, cy, radius, indicators, first)
        if len(points) >= 4:
            drawing.add(
                PolyLine(
                    [*points, points[0], points[1]],
                    strokeColor=FIRST_COLOUR,
                    strokeWidth=1.4,
                    strokeDashArray=FIRST_DASH,
                )
            )
        for j in range(0, len(points), 2):
            drawing.add(
                Circle(
                    points[j],
                    points[j + 1],
                    1.8,
                    fillColor=colors.white,
                    strokeColor=FIRST_COLOUR,
                    strokeWidth=1,
                )
            )
    if latest:
        points = _outline(cx, cy, radius, indicators, latest)
        if len(points) >= 4:
            drawing.add(
                PolyLine([*points, points[0], points[1]], strokeColor=LATEST_COLOUR, strokeWidth=2)
            )
        for j in range(0, len(points), 2):
            drawing.add(
                Circle(points[j], points[j + 1], 2.2, fillColor=LATEST_COLOUR, strokeColor=None)
            )
    # Scale marks beside the first axis, on top: the young person sees which ring is which.
    for ring in (2, 6, 10):
        x, y = _point(cx, cy, radius * ring / SCALE_MAX, 0, count)
        drawing.add(
            String(
                x + 3, y - 3, str(ring), fontName=font, fontSize=LABEL_SIZE, fillColor=FIRST_COLOUR
            )
        )
    return drawing


def legend(entries: Sequence[tuple[str, bool]], *, width: float = 200.0) -> Drawing:
    """Line samples with their labels; ``True`` marks the latest reading's (solid) style."""
    font = pdf_fonts.register()
    row = 14.0
    drawing = Drawing(width, row * len(entries), initialFontName=font, initialFontSize=8.5)
    for i, (label, is_latest) in enumerate(entries):
        y = row * (len(entries) - i) - row / 2
        if is_latest:
            drawing.add(Line(0, y, 24, y, strokeColor=LATEST_COLOUR, strokeWidth=2))
            drawing.add(Circle(12, y, 2.2, fillColor=LATEST_COLOUR, strokeColor=None))
        else:
            drawing.add(
                Line(
                    0,
                    y,
                    24,
                    y,
                    strokeColor=FIRST_COLOUR,
                    strokeWidth=1.4,
                    strokeDashArray=FIRST_DASH,
                )
            )
            drawing.add(
                Circle(12, y, 1.8, fillColor=colors.white, strokeColor=FIRST_COLOUR, strokeWidth=1)
            )
        drawing.add(String(30, y - 3, label, fontName=font, fontSize=8.5, fillColor=LABEL_COLOUR))
    return drawing
