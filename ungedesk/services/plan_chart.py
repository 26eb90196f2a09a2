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


def spider(
    indicators: Sequence[Indicator],
    first: Mapping[Indicator, int] | None,
    latest: Mapping[Indicator, int] | None,
    *,
    size: float = 230.0,
) -> Drawing | None:
    """A square drawing ``size`` points wide, or None when there are too few indicators.

    ``first`` is drawn dashed and grey, ``latest`` solid and teal with a light area. An
    indicator the young person did not score in a reading is left out of that outline.
    """
    if len(indicators) < MIN_AXES or (first is None and latest is None):
        return None
    font = pdf_fonts.register()
    label_size = 7.5
    drawing = Drawing(size, size, initialFontName=font, initialFontSize=label_size)
    cx = cy = size / 2
    # Room for the axis labels around the web.
    radius = size / 2 - 34
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
        lx, ly = _point(cx, cy, radius + 8, i, count)
        label = INDICATOR_SHORT[indicator]
        width = stringWidth(label, font, label_size)
        if abs(lx - cx) < 4:
            anchor, ly = "middle", (ly + 2 if ly > cy else ly - label_size)
        elif lx > cx:
            anchor = "start"
        else:
            anchor = "end"
        # Keep long labels inside the drawing: shift them in rather than clip them.
        if anchor == "start" and lx + width > size:
            lx = size - width
        if anchor == "end" and lx - width < 0:
            lx = width
        drawing.add(
            String(
                lx,
                ly - label_size / 3 if anchor != "middle" else ly,
                label,
                fontName=font,
                fontSize=label_size,
                fillColor=LABEL_COLOUR,
                textAnchor=anchor,
            )
        )
    # Scale marks on the first axis: the young person sees which ring is which number.
    for ring in (2, 6, 10):
        x, y = _point(cx, cy, radius * ring / SCALE_MAX, 0, count)
        drawing.add(
            String(x + 2, y - 2.5, str(ring), fontName=font, fontSize=6, fillColor=FIRST_COLOUR)
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
