"""The figures of a period as a report for the steering group: a PDF in the plan's visual
style (services.plan_pdf's fonts, colours, tables and numbered footer) on landscape A4 with
the table per target group, a chart of the last 12 months' flow and every definition.

Counts and shares only: the report names no young person. The unit's name is the
municipality's own (services.unit), never a fixed "jobcenter". Rendered in memory, written
whole and privately, logged as an export.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from ungedesk.domain.figures import TOTAL, Figure, FlowFigures, Period
from ungedesk.services import audit, figures, pdf_fonts
from ungedesk.services.audit import Action
from ungedesk.services.figures import EVERYONE, FigureFilter
from ungedesk.services.figures_export import FiguresTable, figures_table
from ungedesk.services.plan_pdf.layout import MARGIN, _p, _styles, _table, _u
from ungedesk.services.plan_pdf.render import _canvas_class
from ungedesk.services.plan_pdf.text import long_date, printable
from ungedesk.services.unit import unit_name
from ungedesk.store.database import Store
from ungedesk.store.errors import translate_os_error
from ungedesk.store.paths import make_private_dirs, write_private_atomic

PAGE = landscape(A4)
WIDTH = PAGE[0] - 2 * MARGIN
TITLE = "Ledelsestal"
SERIES = (
    (Figure.INFLOW, "Tilgang", "#0072B2"),
    (Figure.OUTFLOW, "Afgang", "#D55E00"),
    (Figure.TURNED_AWAY, "Vendt i døren", "#009E73"),
)
MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def _cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value * 100:.1f} %".replace(".", ",")
    return str(value)


def _chart(history: list[FlowFigures]) -> Drawing:
    """The 12 months' flow as grouped bars; readable in grey too (the table has the numbers)."""
    drawing = Drawing(WIDTH, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 14 * mm
    chart.width, chart.height = WIDTH - 20 * mm, 44 * mm
    chart.data = [[float(m.count(f, TOTAL)) for m in history] for f, _l, _c in SERIES]
    chart.categoryAxis.categoryNames = [
        f"{MONTHS[m.period.start.month - 1]}. {m.period.start.year % 100:02d}" for m in history
    ]
    chart.categoryAxis.labels.fontName = pdf_fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = pdf_fonts.REGULAR
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    for i, (_f, _label, colour) in enumerate(SERIES):
        chart.bars[i].fillColor = colors.HexColor(colour)
        chart.bars[i].strokeColor = None
    legend = Legend()
    legend.x, legend.y = 12 * mm, 6 * mm
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = pdf_fonts.REGULAR
    legend.fontSize = 8
    legend.colorNamePairs = [(colors.HexColor(c), label) for _f, label, c in SERIES]
    drawing.add(chart)
    drawing.add(legend)
    return drawing


# How the headings are set, tried in turn until every column fits: the font size, and
# whether a Danish compound of the law's labels may break before "modtager" (with a
# hyphen, as in print). A word is never broken anywhere else.
HEAD_OPTIONS = ((9.0, False), (8.0, False), (9.0, True), (8.0, True), (7.0, False), (7.0, True))
JOINTS = ("modtager",)
FIRST_WIDTH = 44 * mm  # the figures' names, when the groups leave the room
FIRST_LEAST = 30 * mm  # ... and the least they get before the table is split
SHORT = 40.0  # points: a heading this short ("I alt") stays on one line
CELL_PADDING = 5 + 5 + 1  # _table's left and right padding, and a point to spare
NAME_SIZE = 9.5  # the cells' font size (plan_pdf.layout's cell style)


def _heading_words(label: str) -> list[str]:
    """A target group's label as words, without its paragraph (said in the definitions)."""
    return label.split(" (")[0].split()


def _pieces(word: str) -> list[str]:
    """The word, or its parts at a compound joint: "kontanthjælps-", "modtager"."""
    for joint in JOINTS:
        at = word.find(joint)
        if at > 0 and len(word) > 12:
            return [word[:at] + "-", word[at:]]
    return [word]


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font, size))


def _least(label: str, size: float, *, joints: bool) -> float:
    """The narrowest column the heading fits without breaking a word (but at joints)."""
    words = _heading_words(label)
    widest = max(
        (
            max(_width(p, pdf_fonts.BOLD, size) for p in (_pieces(w) if joints else [w]))
            for w in words
        ),
        default=0.0,
    )
    whole = _width(" ".join(words), pdf_fonts.BOLD, size)
    return max(widest, min(whole, SHORT)) + CELL_PADDING


def _lines(label: str, width: float, size: float) -> list[str]:
    """The heading wrapped between words to ``width``; a word wider than the column is
    broken at a compound joint (which _least made sure is enough)."""
    room = width - CELL_PADDING
    lines: list[str] = []
    line = ""
    for word in _heading_words(label):
        tokens = [word] if _width(word, pdf_fonts.BOLD, size) <= room else _pieces(word)
        for token in tokens:
            joined = f"{line} {token}" if line else token
            if line and _width(joined, pdf_fonts.BOLD, size) > room:
                lines.append(line)
                line = token
            else:
                line = joined
    if line:
        lines.append(line)
    return lines


@dataclass(frozen=True, slots=True)
class HeadLayout:
    """One table of the report: its target-group columns, the headings' font size, the
    column widths (the figures' names first) and each heading's lines."""

    columns: range
    size: float
    widths: list[float]
    lines: list[list[str]]


def _fit(
    labels: Sequence[str], columns: range, first_least: float, width: float
) -> HeadLayout | None:
    chosen = [labels[i] for i in columns]
    for size, joints in HEAD_OPTIONS:
        need = [_least(c, size, joints=joints) for c in chosen]
        first = min(FIRST_WIDTH, width - sum(need))
        if first >= max(first_least, FIRST_LEAST) or (len(chosen) == 1 and first >= first_least):
            spare = width - first - sum(need)
            widths = [n + spare / len(need) for n in need]
            lines = [_lines(c, w, size) for c, w in zip(chosen, widths, strict=True)]
            return HeadLayout(columns, size, [first, *widths], lines)
    return None


def heading_layout(
    labels: Sequence[str], names: Sequence[str], width: float = WIDTH
) -> list[HeadLayout]:
    """How the table is set so that no word of a heading is broken inside: the largest
    font at which every whole word fits its column, else words broken at compound joints
    only; when even that is too wide, the columns are shared out over as few tables as
    needed, each with the figures' names."""
    first_least = (
        max((_width(w, pdf_fonts.REGULAR, NAME_SIZE) for n in names for w in n.split()), default=0)
        + CELL_PADDING
    )
    count = len(labels)
    for parts in range(1, count + 1):
        size, extra = divmod(count, parts)
        bounds = [i * size + min(i, extra) for i in range(parts + 1)]
        fitted = [
            _fit(labels, range(a, b), first_least, width) for a, b in itertools.pairwise(bounds)
        ]
        if all(f is not None for f in fitted):
            return [f for f in fitted if f is not None]
    # A single heading wider than the page: cannot happen with the law's labels.
    raise ValueError("a target group's label is wider than the page")


def _headings(lines: list[list[str]], size: float) -> list[Flowable]:
    st = _styles()
    style = ParagraphStyle(
        "figures-head",
        parent=st.head_cell,
        fontSize=size,
        leading=round(size * 1.3, 1),
        splitLongWords=0,  # the lines are laid out to fit: never break a word
    )
    # Each line escaped on its own: the labels come from the municipality's catalogue.
    return [Paragraph("<br/>".join(escape(line) for line in heading), style) for heading in lines]


def _tables(table: FiguresTable) -> list[Flowable]:
    st = _styles()
    names = [r.label.strip() for r in table.rows]
    out: list[Flowable] = []
    for part in heading_layout(table.columns, names):
        if out:
            out.append(Spacer(1, 4 * mm))
        header: list[str | Flowable] = [_p("Tal", st.head_cell), *_headings(part.lines, part.size)]
        rows = [
            [_p(name, st.cell), *(_p(_cell(r.values[i]), st.cell) for i in part.columns)]
            for name, r in zip(names, table.rows, strict=True)
        ]
        out.append(_table(header, rows, part.widths))
    return out


def story(
    table: FiguresTable, history: list[FlowFigures], unit: str, made_on: date
) -> list[Flowable]:
    st = _styles()
    definitions: list[Flowable] = []
    for r in table.rows:
        if r.definition:
            definitions += [_p(r.label.strip(), st.label), _p(r.definition, st.body)]
    return [
        _u(unit, st.big),
        _p(f"{TITLE} {table.period.label}", st.title),
        _p(
            f"Talt af UngeDesk {long_date(made_on)}. Kun antal og andele; ingen unge nævnes.",
            st.muted,
        ),
        Spacer(1, 3 * mm),
        *_tables(table),
        Spacer(1, 4 * mm),
        KeepTogether([_p("De seneste 12 måneder, i alt", st.h2), _chart(history)]),
        _p("Definitioner", st.h2),
        *definitions,
    ]


def render_pdf(store: Store, period: Period, today: date, flt: FigureFilter = EVERYONE) -> bytes:
    table = figures_table(store, period, today, flt)
    history = figures.flow_history(store, period, 12, flt)
    return render_table_pdf(table, history, unit_name(store), today)


def render_table_pdf(
    table: FiguresTable, history: list[FlowFigures], unit: str, made_on: date
) -> bytes:
    """The report of figures already counted, in memory."""
    font = pdf_fonts.register()
    buffer = io.BytesIO()
    title = f"{TITLE} {table.period.label}"
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        title=title,
        author=" ".join(printable(unit, fallback=False).split()) or "UngeDesk",
        subject="Ledelsestal til styregruppen",
        creator="UngeDesk",
        lang="da-DK",
        displayDocTitle=True,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=20 * mm,
        initialFontName=font,
    )
    doc.build(story(table, history, unit, made_on), canvasmaker=_canvas_class(title))
    data = buffer.getvalue()
    if pdf_fonts.needs_repair(data):
        data = pdf_fonts.repair_text_map(data)
    return data


def write_report_pdf(
    store: Store, period: Period, target: Path, today: date, flt: FigureFilter = EVERYONE
) -> Path:
    data = render_pdf(store, period, today, flt)
    try:
        make_private_dirs(target.parent)
        write_private_atomic(target, data)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    audit.log(
        store,
        Action.EXPORT,
        subject=f"Ledelsestal {period.label}",
        detail="Rapport som PDF (kun antal og andele)",
    )
    return target
