"""The handout's sections, in reading order: header, goal, steps, activities, contacts,
next meeting, progress and signatures; ``story`` puts them together."""

from __future__ import annotations

import io
from datetime import date
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Image,
    Paragraph,
    Spacer,
    Table,
)

from ungedesk.domain.plan import (
    APPLICATION_LABELS,
    CONTACT_ROLE_LABELS,
    GOAL_TYPE_LABELS,
    OWNER_LABELS,
    SUBGOAL_STATUS_LABELS,
    Contact,
    ContactRole,
    GoalType,
    Handout,
    Subgoal,
    SubgoalOwner,
)
from ungedesk.domain.progression import INDICATOR_LABELS, SENSITIVE, Indicator
from ungedesk.services import pdf_fonts, plan_chart
from ungedesk.services.plan_pdf.layout import (
    BODY_WIDTH,
    INK,
    KEEP_ROOM,
    RULE,
    SHORT_NAME,
    SIDE_WIDTH,
    _grid,
    _labelled,
    _NeedRoom,
    _p,
    _section,
    _styles,
    _table,
    _u,
)
from ungedesk.services.plan_pdf.text import (
    TEXT,
    long_date,
    markup,
    masked_cpr,
    meeting_time,
)
from ungedesk.services.unit import FALLBACK as UNIT_FALLBACK

# --- the sections --------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _logo_png(data: bytes) -> tuple[bytes, int, int] | None:
    """The logo as an opaque RGB PNG (alpha flattened on white: no transparency for PDF/A,
    no DeviceGray or CMYK either), shrunk to print size. None when it cannot be read: a
    broken logo setting must not stop a young person's plan."""
    try:
        with PILImage.open(io.BytesIO(data)) as im:
            im.load()
            rgba = im.convert("RGBA")
    except (OSError, ValueError, PILImage.DecompressionBombError):
        return None
    rgba.thumbnail((600, 240))
    flat = PILImage.new("RGB", rgba.size, (255, 255, 255))
    flat.paste(rgba, mask=rgba.getchannel("A"))
    out = io.BytesIO()
    flat.save(out, "PNG")
    return out.getvalue(), flat.width, flat.height


def _header(h: Handout) -> list[Flowable]:
    st = _styles()
    municipality = h.municipality.strip()
    logo: Flowable | None = None
    if h.logo:
        png = _logo_png(h.logo)
        if png is not None:
            raw, w, hgt = png
            height = 16 * mm
            width = min(55 * mm, height * w / hgt)
            height = width * hgt / w
            logo = Image(io.BytesIO(raw), width=width, height=height)
    top: list[Flowable] = []
    if logo is not None and municipality and len(municipality) <= SHORT_NAME:
        # The usual case: logo on the left, the municipality's name on the right.
        name_right = ParagraphStyle("plan-name-right", parent=st.big, alignment=2)
        row = Table(
            [[logo, _u(municipality, name_right)]],
            colWidths=[BODY_WIDTH / 2, BODY_WIDTH / 2],
            hAlign="LEFT",
        )
        row.setStyle(
            _grid(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        top.append(row)
    else:
        # A table row cannot break across pages: a long name goes under the logo instead.
        if logo is not None:
            logo.hAlign = "LEFT"
            top += [logo, Spacer(1, 2 * mm)]
        if municipality:
            top.append(_u(municipality, st.big))
    if h.version is not None and h.handed_out_on is not None:
        template = TEXT["version_by"] if h.handed_out_by.strip() else TEXT["version"]
        status = escape(template).format(
            number=h.version,
            on=escape(long_date(h.handed_out_on)),
            by=markup(h.handed_out_by),
        )
    else:
        status = escape(TEXT["draft"])
    if h.printed_on is not None:
        status += " " + escape(TEXT["printed"].format(on=long_date(h.printed_on)))
    who = Table(
        [
            [_p(TEXT["name"], st.muted), _u(h.youth_name, st.big)],
            [_p(TEXT["cpr"], st.muted), _u(masked_cpr(h.cpr_masked), st.body)],
        ],
        colWidths=[18 * mm, BODY_WIDTH - 18 * mm],
        hAlign="LEFT",
        splitInRow=1,
    )
    who.setStyle(
        _grid(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return [
        *top,
        Spacer(1, 6 * mm),
        _p(TEXT["title"], st.title),
        Spacer(1, 2 * mm),
        who,
        Spacer(1, 1 * mm),
        Paragraph(status, st.muted),
        Spacer(1, 3 * mm),
        # The unit the municipality has named (no jobcenter since 1 February 2026), set by
        # a caseworker and so escaped like every other user string.
        Paragraph(
            escape(TEXT["intro"]).format(unit=markup(h.unit.strip() or UNIT_FALLBACK)), st.body
        ),
    ]


# The goal is the first place an education's short name appears on the handout: it is
# spelled out there (the record keeps the short labels caseworkers use).
_GOAL_SPELLED_OUT = {
    GoalType.EUX: "EUX (erhvervsuddannelse med studentereksamen)",
    GoalType.FGU: "FGU (forberedende grunduddannelse)",
    GoalType.STU: "STU (særligt tilrettelagt ungdomsuddannelse)",
    GoalType.EGU: "EGU (erhvervsgrunduddannelse)",
}


def _goal(h: Handout) -> list[Flowable]:
    st = _styles()
    c = h.content
    parts: list[Flowable] = []
    if c.goal_type is not None:
        goal = _GOAL_SPELLED_OUT.get(c.goal_type, GOAL_TYPE_LABELS[c.goal_type])
        if c.programme.strip():
            goal = f"{goal}: {c.programme.strip()}"
        parts.append(_u(goal, st.big))
    elif c.programme.strip():
        parts.append(_u(c.programme, st.big))
    facts: list[str] = []
    if c.school.strip():
        facts.append(f"{escape(TEXT['school'])}: {markup(c.school)}")
    if c.goal_start is not None:
        facts.append(f"{escape(TEXT['goal_start'])}: {escape(long_date(c.goal_start))}")
    if facts:
        parts.append(Paragraph(" &nbsp;·&nbsp; ".join(facts), st.body))
    for key in ("own_wishes", "short_term_goals", "long_term_goals", "challenges"):
        value = getattr(c, key).strip()
        if value:
            parts.extend(_labelled(TEXT[key], value))
    if not parts:
        parts.append(_p(TEXT["no_goal"], st.body))
    return _section(TEXT["goal"], *parts)


def _more(h: Handout) -> list[Flowable]:
    st = _styles()
    c = h.content
    parts: list[Flowable] = []
    for key in ("health", "housing", "family"):
        value = getattr(c, key).strip()
        if value:
            parts.extend(_labelled(TEXT[key], value))
    if not parts:
        return []
    return _section(TEXT["more"], _p(TEXT["more_intro"], st.body), *parts)


def _when(day: date | None) -> str:
    return long_date(day) if day is not None else "–"


def _owner(goal: Subgoal) -> str:
    name = goal.owner_name.strip()
    if goal.owner is SubgoalOwner.OTHER:
        return name or OWNER_LABELS[goal.owner]
    label = OWNER_LABELS[goal.owner]
    return f"{label} ({name})" if name else label


def _steps(h: Handout) -> list[Flowable]:
    st = _styles()
    mine = [g for g in h.content.subgoals if g.owner is SubgoalOwner.YOUTH]
    theirs = [g for g in h.content.subgoals if g.owner is not SubgoalOwner.YOUTH]
    out: list[Flowable] = []
    if mine:
        rows = [
            [
                _u(g.text, st.cell),
                _p(_when(g.due), st.cell),
                _p(SUBGOAL_STATUS_LABELS[g.status], st.cell),
            ]
            for g in mine
        ]
        table = _table(
            [TEXT["what"], TEXT["when"], TEXT["status"]],
            rows,
            [BODY_WIDTH - 60 * mm, 36 * mm, 24 * mm],
        )
        out += _section(TEXT["mine"], table)
    else:
        out += _section(TEXT["mine"], _p(TEXT["no_steps"], st.body))
    uu = _p(TEXT["uu"], st.muted)
    if theirs:
        rows = [
            [
                _u(g.text, st.cell),
                _u(_owner(g), st.cell),
                _p(_when(g.due), st.cell),
                _p(SUBGOAL_STATUS_LABELS[g.status], st.cell),
            ]
            for g in theirs
        ]
        table = _table(
            [TEXT["what"], TEXT["who"], TEXT["when"], TEXT["status"]],
            rows,
            [BODY_WIDTH - 100 * mm, 40 * mm, 36 * mm, 24 * mm],
        )
        out += _section(TEXT["theirs"], uu, table)
    else:
        out += _section(TEXT["theirs"], uu, _p(TEXT["no_steps"], st.body))
    return out


def _period(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{long_date(start)} – {long_date(end)}"
    if start:
        return f"fra {long_date(start)}"
    if end:
        return f"til {long_date(end)}"
    return "–"


def _activities(h: Handout) -> list[Flowable]:
    st = _styles()
    c = h.content
    parts: list[Flowable] = []
    if c.interventions:
        rows = [
            [
                _u(i.name, st.cell),
                _u(i.provider or "–", st.cell),
                _p(_period(i.starts_on, i.ends_on), st.cell),
                _u(i.purpose or "–", st.cell),
            ]
            for i in c.interventions
        ]
        parts.append(
            _table(
                [TEXT["what"], TEXT["where"], TEXT["when"], TEXT["why"]],
                rows,
                [44 * mm, 36 * mm, 38 * mm, BODY_WIDTH - 118 * mm],
            )
        )
    if c.applications:
        rows = [
            [
                _u(a.place, st.cell),
                _p(APPLICATION_LABELS[a.kind], st.cell),
                _p(long_date(a.on), st.cell),
                _u(a.note or "–", st.cell),
            ]
            for a in c.applications
        ]
        table = _table(
            [TEXT["where"], TEXT["what"], TEXT["when"], ""],
            rows,
            [44 * mm, 36 * mm, 38 * mm, BODY_WIDTH - 118 * mm],
        )
        label = _p(TEXT["applications"], st.label)
        parts.extend([_NeedRoom([label, table], KEEP_ROOM), label, table])
    if not parts:
        parts.append(_p(TEXT["no_activities"], st.body))
    return _section(TEXT["activities"], *parts)


def _contact_row(contact: Contact, role: str) -> list[Any]:
    st = _styles()
    bold = ParagraphStyle("plan-cell-bold", parent=st.cell, fontName=pdf_fonts.BOLD)
    who = [_u(contact.name, bold)]
    subtitle = " · ".join(x for x in (contact.title.strip(), role) if x)
    who.append(_u(subtitle, st.muted))
    reach: list[str] = []
    if contact.phone.strip():
        reach.append(f"{escape(TEXT['phone'])}: {markup(contact.phone.strip())}")
    if contact.email.strip():
        reach.append(f"{escape(TEXT['email'])}: {markup(contact.email.strip())}")
    return [who, Paragraph("<br/>".join(reach) or "–", st.cell)]


def _contacts(h: Handout) -> list[Flowable]:
    st = _styles()
    rows: list[list[Any]] = []
    seen: set[tuple[str, str]] = set()
    if h.coordinator is not None and h.coordinator.name.strip():
        rows.append(_contact_row(h.coordinator, TEXT["coordinator"]))
        seen.add((h.coordinator.name.strip(), h.coordinator.email.strip()))
    person = h.contact_person
    if person is not None and (person.name.strip(), person.email.strip()) not in seen:
        rows.append(_contact_row(person, CONTACT_ROLE_LABELS[ContactRole.CONTACT_PERSON]))
        seen.add((person.name.strip(), person.email.strip()))
    for contact in h.content.contacts:
        if (contact.name.strip(), contact.email.strip()) in seen:
            continue
        rows.append(_contact_row(contact, CONTACT_ROLE_LABELS[contact.role]))
    if not rows:
        return _section(TEXT["contacts"], _p(TEXT["no_contacts"], st.body))
    table = Table(rows, colWidths=[BODY_WIDTH / 2, BODY_WIDTH / 2], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        _grid(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return _section(TEXT["contacts"], _p(TEXT["contacts_intro"], st.body), table)


def _meeting(h: Handout) -> list[Flowable]:
    st = _styles()
    if h.next_meeting is None:
        return _section(TEXT["meeting"], _p(TEXT["no_meeting"], st.body))
    parts: list[Flowable] = [_p(meeting_time(h.next_meeting), st.big)]
    if h.next_meeting_place.strip():
        parts.append(
            Paragraph(
                f"{escape(TEXT['meeting_place'])}: {markup(h.next_meeting_place.strip())}",
                st.body,
            )
        )
    parts.append(_p(TEXT["meeting_help"], st.body))
    return _section(TEXT["meeting"], *parts, whole=True)


def _score(scores: Any, indicator: Indicator) -> str:
    if scores is None:
        return "–"
    value = scores.get(indicator)
    return "–" if value is None else str(value)


def _progress(h: Handout) -> list[Flowable]:
    st = _styles()
    first = h.first_reading
    latest = h.latest_reading
    # The handout goes to schools and employers: health, substance use and finances never
    # reach it, even when a caller hands them over (progression.readings_in leaves them out).
    indicators = tuple(i for i in h.indicators if i not in SENSITIVE)
    if (first is None and latest is None) or not indicators:
        return _section(TEXT["progress"], _p(TEXT["no_progress"], st.body))
    if first is not None and latest is not None and first.on == latest.on:
        first = None
    if latest is None:
        latest, first = first, None
    assert latest is not None
    entries: list[tuple[str, bool]] = []
    if first is not None:
        entries.append((TEXT["first_on"].format(on=long_date(first.on)), False))
        entries.append((TEXT["latest_on"].format(on=long_date(latest.on)), True))
    else:
        entries.append((TEXT["only_on"].format(on=long_date(latest.on)), True))
    chart = plan_chart.spider(
        indicators,
        first.scores if first is not None else None,
        latest.scores,
        width=BODY_WIDTH - SIDE_WIDTH - 2 * mm,
        height=70 * mm,
    )
    header = [TEXT["area"], TEXT["first_short"], TEXT["latest"]] if first else [TEXT["area"], ""]
    rows: list[list[Flowable]] = []
    for indicator in indicators:
        row = [_p(INDICATOR_LABELS[indicator], st.cell)]
        if first is not None:
            row.append(_p(_score(first.scores, indicator), st.cell))
        row.append(_p(_score(latest.scores, indicator), st.cell))
        rows.append(row)
    widths = [44 * mm, 16 * mm, 12 * mm] if first else [56 * mm, 16 * mm]
    scores = _table(header, rows, widths)
    side: list[Flowable] = [plan_chart.legend(entries, width=SIDE_WIDTH), Spacer(1, 3 * mm), scores]
    if chart is None:
        body: Flowable = Table([[side]], colWidths=[BODY_WIDTH], hAlign="LEFT")
    else:
        body = Table(
            [[chart, side]],
            colWidths=[BODY_WIDTH - SIDE_WIDTH, SIDE_WIDTH],
            hAlign="LEFT",
            style=_grid(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
    return _section(TEXT["progress"], _p(TEXT["progress_intro"], st.body), body, whole=True)


def _next(h: Handout) -> list[Flowable]:
    """What happens next, and where to turn when the young person disagrees."""
    st = _styles()
    unit = markup(h.unit.strip() or UNIT_FALLBACK)
    return _section(
        TEXT["next"],
        _p(TEXT["next_body"], st.body),
        _p(TEXT["disagree"], st.label),
        _p(TEXT["disagree_plan"], st.body),
        Paragraph(escape(TEXT["disagree_decision"]).format(unit=unit), st.body),
        _p(TEXT["disagree_help"], st.body),
    )


def _signatures(h: Handout) -> list[Flowable]:
    """The young person's and the municipality's lines, then one line per custody holder
    who takes part in a minor's plan (two to a row)."""
    st = _styles()
    line_w = (BODY_WIDTH - 10 * mm) / 2
    labels = [_p(TEXT["sign_youth"], st.muted), _p(TEXT["sign_municipality"], st.muted)]
    labels += [
        Paragraph(escape(TEXT["sign_guardian"]).format(name=escape(name)), st.muted)
        for name in h.guardians
    ]
    cells: list[list[Any]] = []
    heights: list[float | None] = []
    lines: list[tuple[str, tuple[int, int], tuple[int, int], float, Any]] = []
    for first in range(0, len(labels), 2):
        pair = labels[first : first + 2]
        top = len(cells)
        cells += [
            ["", "", ""],
            [pair[0], "", pair[1] if len(pair) > 1 else ""],
            ["", "", ""],
            [_p(TEXT["date"], st.muted), "", _p(TEXT["date"], st.muted) if len(pair) > 1 else ""],
        ]
        heights += [14 * mm, None, 10 * mm, None]
        for col in (0, 2) if len(pair) > 1 else (0,):
            for row in (top, top + 2):
                lines.append(("LINEBELOW", (col, row), (col, row), 0.8, INK))
    table = Table(cells, colWidths=[line_w, 10 * mm, line_w], rowHeights=heights, hAlign="LEFT")
    table.setStyle(_grid([*lines, ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return _section(TEXT["signatures"], _p(TEXT["signatures_intro"], st.body), table, whole=True)


def story(h: Handout) -> list[Flowable]:
    """The handout's flowables, top to bottom."""
    return [
        *_header(h),
        *_goal(h),
        *_more(h),
        *_steps(h),
        *_activities(h),
        *_contacts(h),
        *_meeting(h),
        *_progress(h),
        *_next(h),
        *_signatures(h),
    ]
