"""The figures of a period as a report for the steering group: a PDF in the plan's visual
style (services.plan_pdf's fonts, colours, tables and numbered footer) on landscape A4 with
the table per target group, a chart of the last 12 months' flow and every definition.

Counts and shares only: the report names no young person. The unit's name is the
municipality's own (services.unit), never a fixed "jobcenter". Rendered in memory, written
whole and privately, logged as an export.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer

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


def _heading_text(label: str) -> str:
    """A target group's label without its paragraph (said in the definitions), its long
    compounds broken before "modtager" and "parat" as in print."""
    words = label.split(" (")[0].split()
    out = []
    for word in words:
        for joint in ("modtager", "parat"):
            if len(word) > 12 and joint in word and not word.startswith(joint):
                word = word.replace(joint, "- " + joint, 1)
        out.append(word)
    return " ".join(out)


def story(
    table: FiguresTable, history: list[FlowFigures], unit: str, made_on: date
) -> list[Flowable]:
    st = _styles()
    columns = ["Tal", *(_heading_text(c) for c in table.columns)]
    first = 44 * mm  # the groups get the room: their long words must not break
    rest = (WIDTH - first) / max(1, len(table.columns))
    rows = [
        [_p(r.label.strip(), st.cell), *(_p(_cell(v), st.cell) for v in r.values)]
        for r in table.rows
    ]
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
        _table(columns, rows, [first, *([rest] * len(table.columns))]),
        Spacer(1, 4 * mm),
        KeepTogether([_p("De seneste 12 måneder, i alt", st.h2), _chart(history)]),
        _p("Definitioner", st.h2),
        *definitions,
    ]


def render_pdf(store: Store, period: Period, today: date, flt: FigureFilter = EVERYONE) -> bytes:
    table = figures_table(store, period, today, flt)
    history = figures.flow_history(store, period, 12, flt)
    unit = unit_name(store)
    font = pdf_fonts.register()
    buffer = io.BytesIO()
    title = f"{TITLE} {period.label}"
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
    doc.build(story(table, history, unit, today), canvasmaker=_canvas_class(title))
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
