"""The young person's education plan as a PDF: the handout they take to the municipality's
unit, the school or an employer, and a PDF/A-2b copy for the municipality's archive (ESDH).

The handout speaks to the young person ("du") in short, plain Danish: every fixed sentence
lives in TEXT so a test can hold its LIX at 35 or below. Every user string passes through
`printable` (characters the embedded font cannot draw become a visible U+FFFD, invisible
control and format characters are dropped) and then `escape` before a Paragraph sees it:
Paragraph parses markup, so an unescaped ``<b>`` crashes and ``<img src=…>`` reads files.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from babel.dates import format_date
from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ungedesk.domain.plan import (
    APPLICATION_LABELS,
    CONTACT_ROLE_LABELS,
    GOAL_TYPE_LABELS,
    OWNER_LABELS,
    SUBGOAL_STATUS_LABELS,
    Contact,
    Handout,
    Subgoal,
    SubgoalOwner,
)
from ungedesk.domain.progression import INDICATOR_LABELS, SENSITIVE, Indicator
from ungedesk.services import pdf_fonts, plan_chart
from ungedesk.services.unit import FALLBACK as UNIT_FALLBACK
from ungedesk.store.database import Store
from ungedesk.store.errors import translate_os_error
from ungedesk.store.paths import make_private_dirs, write_private_atomic

# --- the fixed text ----------------------------------------------------------------------

# Every sentence and label the handout prints that is not the young person's own data.
# Short words, short sentences: the LIX test reads this dict.
TEXT: dict[str, str] = {
    "title": "Min uddannelsesplan",
    "intro": (
        "Her er din plan. Den viser dit mål. Den viser også, hvad du gør, og hvad vi gør. "
        "Du kan vise den til din skole, til {unit} eller til en chef."
    ),
    "name": "Navn",
    "cpr": "CPR",
    "version": "Version {number}. Du fik den {on}.",
    "version_by": "Version {number}. Du fik den {on} af {by}.",
    "draft": "Kladde. Planen er ikke færdig endnu.",
    "printed": "Skrevet ud {on}.",
    "goal": "Mit mål",
    "goal_type": "Mit mål er",
    "programme": "Uddannelse eller job",
    "school": "Skole eller job",
    "goal_start": "Start",
    "own_wishes": "Det vil jeg gerne",
    "short_term_goals": "Det vil jeg nå snart",
    "long_term_goals": "Det vil jeg nå på sigt",
    "challenges": "Det har jeg brug for hjælp til",
    "no_goal": "Vi har ikke skrevet dit mål endnu. Det gør vi sammen.",
    "more": "Andet i planen",
    "more_intro": "Du har sagt ja til, at det her står i planen.",
    "health": "Helbred",
    "housing": "Bolig",
    "family": "Familie",
    "mine": "Det gør jeg",
    "theirs": "Det gør kommunen/UU",
    "what": "Hvad",
    "when": "Hvornår",
    "who": "Hvem",
    "status": "Status",
    "no_steps": "Der står ikke noget her endnu.",
    "activities": "Mine aktiviteter",
    "where": "Hvor",
    "why": "Hvorfor",
    "applications": "Ansøgninger og kontakt til skoler og job",
    "no_activities": "Du har ingen aktiviteter endnu.",
    "contacts": "Hvem kan jeg kontakte",
    "contacts_intro": "Ring eller skriv, hvis du har spørgsmål.",
    "coordinator": "Din kontakt i kommunen",
    "phone": "Telefon",
    "email": "Mail",
    "no_contacts": "Spørg os, hvem du kan ringe til.",
    "meeting": "Næste møde",
    "meeting_place": "Sted",
    "meeting_help": "Kan du ikke komme? Så ring eller skriv til os før mødet.",
    "no_meeting": "Vi aftaler næste møde sammen.",
    "progress": "Min udvikling",
    "progress_intro": (
        "Her kan du se de tal, du selv har givet. 1 er langt fra. 10 er klar. "
        "Jo større figur, jo tættere er du på dit mål."
    ),
    "area": "Område",
    "first_short": "Første",
    "latest": "Nu",
    "first_on": "Første gang ({on})",
    "latest_on": "Nu ({on})",
    "only_on": "Dine tal ({on})",
    "no_progress": "Du har ikke givet dig selv tal endnu.",
    "signatures": "Underskrifter",
    "signatures_intro": "Vi har lavet planen sammen.",
    "sign_youth": "Din underskrift",
    "sign_municipality": "Kommunens underskrift",
    "date": "Dato",
    "page": "Side {page} af {pages}",
}

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
REPLACEMENT = "\ufffd"
# A section's heading moves to the next page unless this much of the section fits under it.
KEEP_ROOM = 32 * mm
SHORT_NAME = 80  # characters of a municipality name that fit beside the logo
SIDE_WIDTH = 74 * mm  # legend and scores beside the chart
WHOLE_ROOM = 200 * mm  # "all of it": short sections; still less than a page


# --- text --------------------------------------------------------------------------------


@cache
def _coverage(font_name: str) -> frozenset[int]:
    pdf_fonts.register()
    face = pdfmetrics.getFont(font_name).face
    return frozenset(face.charToGlyph)


def printable(text: str, *, bold: bool = False) -> str:
    """The text as the PDF will show it: NFC-composed; control and format characters
    (zero-width joiners, direction marks, soft hyphens) dropped, tabs as spaces; any
    character the embedded DejaVu font cannot draw (most emoji) replaced by a visible
    U+FFFD, so the reader sees that something was there rather than nothing.

    Characters beyond U+FFFF (all emoji, even the few DejaVu has) are replaced too:
    reportlab writes them into the font's ToUnicode map as invalid hex, so they could
    not be searched or copied. Right-to-left runs are put in reading order by `visual`
    when the text is laid out; this returns the text in its logical order."""
    glyphs = _coverage(pdf_fonts.BOLD if bold else pdf_fonts.REGULAR)
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in "\n\t":
            out.append("\n" if ch == "\n" else " ")
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf"):
            continue
        if ch.isspace():
            out.append(" ")
        elif ord(ch) in glyphs and ord(ch) <= 0xFFFF and category not in ("Cs", "Co", "Cn"):
            out.append(ch)
        elif category == "Mn":
            continue  # a combining mark the font lacks would only stack on the U+FFFD
        else:
            out.append(REPLACEMENT)
    return "".join(out)


# Hebrew and Arabic letters (with their presentation forms): written right to left.
_RTL = "\u0590-\u05ff\u0600-\u065f\u066e-\u06ef\u06fa-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RTL_RUN = re.compile(f"[{_RTL}](?:[{_RTL}\\s]*[{_RTL}])?")


def visual(text: str) -> str:
    """Right-to-left words in the order the eye reads them on a left-to-right page.

    reportlab lays every line out left to right, so a Hebrew or Arabic run is reversed
    here, letter by letter (a letter keeps its vowel marks after it). Digits and Latin
    text stay as they are. This is the simple case of the Unicode bidi algorithm: enough
    for a name or a phrase; Arabic letters are not joined (reportlab cannot shape them).
    """

    def flip(run: re.Match[str]) -> str:
        clusters: list[str] = []
        for ch in run.group(0):
            if clusters and unicodedata.category(ch) == "Mn":
                clusters[-1] += ch
            else:
                clusters.append(ch)
        return "".join(reversed(clusters))

    return _RTL_RUN.sub(flip, text)


def markup(text: str, *, bold: bool = False) -> str:
    """User text made safe for a Paragraph: printable, in visual order, escaped, line
    breaks kept."""
    lines = printable(text, bold=bold).split("\n")
    return "<br/>".join(escape(visual(line)) for line in lines)


def masked_cpr(text: str) -> str:
    """DDMMYY-xxxx. The plan service masks already; a full CPR handed in by mistake must
    still never reach paper."""
    found = re.fullmatch(r"\s*(\d{6})-?\d{4}\s*", text)
    return f"{found.group(1)}-xxxx" if found else text


def long_date(day: date) -> str:
    """3. marts 2026."""
    return format_date(day, "d. MMMM y", locale="da")


def meeting_time(moment: datetime) -> str:
    """tirsdag d. 3. marts 2026 kl. 10.00 (a time with a zone is shown in local time)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    day = format_date(moment.date(), "EEEE 'd.' d. MMMM y", locale="da")
    return f"{day} kl. {moment:%H.%M}"


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
    header: Sequence[str], rows: Sequence[Sequence[Flowable]], widths: Sequence[float]
) -> Table:
    st = _styles()
    data: list[list[Any]] = [[_p(h, st.head_cell) for h in header], *[list(r) for r in rows]]
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


def _goal(h: Handout) -> list[Flowable]:
    st = _styles()
    c = h.content
    parts: list[Flowable] = []
    if c.goal_type is not None:
        goal = GOAL_TYPE_LABELS[c.goal_type]
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
        out += _section(TEXT["theirs"], table)
    else:
        out += _section(TEXT["theirs"], _p(TEXT["no_steps"], st.body))
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


def _signatures() -> list[Flowable]:
    st = _styles()
    line_w = (BODY_WIDTH - 10 * mm) / 2
    cells = [
        ["", "", ""],
        [_p(TEXT["sign_youth"], st.muted), "", _p(TEXT["sign_municipality"], st.muted)],
        ["", "", ""],
        [_p(TEXT["date"], st.muted), "", _p(TEXT["date"], st.muted)],
    ]
    table = Table(
        cells,
        colWidths=[line_w, 10 * mm, line_w],
        rowHeights=[14 * mm, None, 10 * mm, None],
        hAlign="LEFT",
    )
    table.setStyle(
        _grid(
            [
                ("LINEBELOW", (0, 0), (0, 0), 0.8, INK),
                ("LINEBELOW", (2, 0), (2, 0), 0.8, INK),
                ("LINEBELOW", (0, 2), (0, 2), 0.8, INK),
                ("LINEBELOW", (2, 2), (2, 2), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
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
        *_signatures(),
    ]


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
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 13 * mm, PAGE_WIDTH - MARGIN, 13 * mm)
            self.setFillColor(MUTED)
            self.setFont(pdf_fonts.REGULAR, 8)
            self.drawString(MARGIN, 9 * mm, footer_left)
            self.drawRightString(
                PAGE_WIDTH - MARGIN,
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
    municipality = " ".join(printable(handout.municipality).split())
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
    if archive:
        from ungedesk.services import pdfa

        data = pdfa.convert(data)
    return data


# --- files ---------------------------------------------------------------------------------


def suggested_file_name(case_number: str, version: int | None, archive: bool) -> str:
    """plan-<case>-v3.pdf, plan-<case>-kladde.pdf, ...-arkiv.pdf: never a name or a CPR."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in case_number)
    part = f"v{version}" if version is not None else "kladde"
    suffix = "-arkiv" if archive else ""
    return f"plan-{safe}-{part}{suffix}.pdf"


def _purpose(archive: bool) -> str:
    return "Uddannelsesplan til kommunens arkiv" if archive else "Uddannelsesplan til den unge"


def _detail(version: int | None, archive: bool) -> str:
    what = (
        f"Uddannelsesplan, version {version}" if version is not None else "Uddannelsesplan, kladde"
    )
    return f"{what} som PDF/A" if archive else f"{what} som PDF"


def _export(
    store: Store,
    youth_id: int,
    *,
    archive: bool,
    version: int | None,
    today: date,
    now: datetime,
) -> tuple[str, int | None, bytes]:
    """(case number, version shown, PDF bytes), with the export logged before it leaves."""
    from ungedesk.services import access, plan

    handout = plan.handout(store, youth_id, version=version, today=today, now=now)
    data = render_handout(handout, archive=archive)
    case_number = access.log_export(
        store, youth_id, _purpose(archive), _detail(handout.version, archive), now
    )
    return case_number, handout.version, data


def write_plan_pdf(
    store: Store,
    youth_id: int,
    out: Path,
    *,
    archive: bool = False,
    version: int | None = None,
    today: date,
    now: datetime,
) -> Path:
    """Write the plan (the latest handed-out version, or the draft) to ``out``."""
    _case, _version, data = _export(
        store, youth_id, archive=archive, version=version, today=today, now=now
    )
    try:
        make_private_dirs(out.parent)  # owner-only whatever the umask
        write_private_atomic(out, data)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    return out


def write_batch(
    store: Store,
    items: Iterable[tuple[int, int | None]],
    out_dir: Path,
    *,
    archive: bool,
    today: date,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write one PDF per (youth_id, version) into ``out_dir``, named by suggested_file_name.

    Runs on the worker thread. ``progress(done, total)`` after each file; ``cancelled`` is
    asked before each one, and the files already written stay (each is whole on its own).
    """
    work = list(items)
    total = len(work)
    written: list[Path] = []
    try:
        make_private_dirs(out_dir)  # owner-only whatever the umask
    except OSError as exc:
        raise translate_os_error(exc) from exc
    if progress is not None:
        progress(0, total)
    for done, (youth_id, version) in enumerate(work, start=1):
        if cancelled is not None and cancelled():
            break
        case_number, shown, data = _export(
            store, youth_id, archive=archive, version=version, today=today, now=now
        )
        path = out_dir / suggested_file_name(case_number, shown, archive)
        try:
            write_private_atomic(path, data)
        except OSError as exc:
            raise translate_os_error(exc) from exc
        written.append(path)
        if progress is not None:
            progress(done, total)
    return written
