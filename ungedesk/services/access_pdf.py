"""The citizen's copy of the right-of-access export as a PDF in plain Danish.

The JSON beside it is for machines and keeps every column as stored; this document is for
the young person who asked. It speaks to them ("du"), groups what is stored under headings
per area with a sentence on what the area is, shows Danish labels, words and dates instead
of codes, ids and JSON, and tells the access history as sentences ("3. nov. 2026 kl. 10.12
så Anne Bjerregaard (ABJ) din sag"). Internal row numbers and the register's bookkeeping
never appear: they mean nothing to the reader.

Sources for the closing section: the right of access and to a copy (databeskyttelses-
forordningen art. 15), to have wrong data corrected (art. 16) and to complain to
Datatilsynet (art. 77); the right to see one's own case (forvaltningsloven § 9).
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from babel.dates import format_date

from ungedesk.services import pdf_fonts
from ungedesk.services.audit import Action

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable


@dataclass(frozen=True, slots=True)
class Area:
    """One heading of the document: its tables, and what the area means to the reader."""

    title: str
    explains: str
    tables: tuple[str, ...]


# The areas in the order a young person meets them in their case.
AREAS: tuple[Area, ...] = (
    Area(
        "Om dig",
        "Dit navn, dit CPR-nummer, hvordan vi kan kontakte dig, og hvem der har din sag.",
        ("youth",),
    ),
    Area(
        "Da din sag begyndte (visitation)",
        "Det vi vurderede ved den første samtale, fx om du skulle have et uddannelsespålæg.",
        ("visitation",),
    ),
    Area(
        "Din målgruppe",
        "Målgruppen afgør, hvilke regler der gælder for dig. Den kan skifte, når din "
        "situation ændrer sig.",
        ("target_group_entry",),
    ),
    Area(
        "Samtaler",
        "Møder og samtaler med dig, og det vi skrev ned om dem. Rettelser står til sidst.",
        ("conversation", "conversation_correction"),
    ),
    Area(
        "Hændelser i sagen",
        "Ting der skete i din sag uden for samtalerne.",
        ("case_event",),
    ),
    Area(
        "Frister",
        "Loven giver kommunen frister over for dig, fx hvornår du skal have en samtale. "
        "Her står hver frist, og om vi holdt den.",
        ("deadline", "waiver"),
    ),
    Area(
        "Din uddannelsesplan",
        "Planen du har lavet med os: dit mål, dine delmål, aktiviteter, ansøgninger og "
        "kontakter, de samtykker du har givet, og de versioner du har fået udleveret.",
        (
            "plan",
            "plan_subgoal",
            "plan_intervention",
            "plan_application",
            "plan_contact",
            "consent",
            "plan_version",
        ),
    ),
    Area(
        "Dit team",
        "Den koordinerende sagsbehandler, din kontaktperson og de andre, der arbejder "
        "sammen med dig og med hinanden om din plan, og hvornår de var med.",
        ("team_member",),
    ),
    Area(
        "Din udvikling",
        "Tal fra 1 til 10 for, hvor langt du er nået på hvert område. Du giver dine egne "
        "tal, og din sagsbehandler giver sine.",
        ("indicator_choice", "measurement", "measurement_score", "measurement_correction"),
    ),
)

# What one entry of a table is called, above its lines.
ENTRY_NAMES: dict[str, str] = {
    "youth": "Dine oplysninger",
    "visitation": "Visitation",
    "target_group_entry": "Målgruppe",
    "conversation": "Samtale",
    "conversation_correction": "Rettelse af en samtale",
    "case_event": "Hændelse",
    "deadline": "Frist",
    "waiver": "Fritagelse for en frist",
    "plan": "Planens kladde",
    "plan_subgoal": "Delmål",
    "plan_intervention": "Aktivitet",
    "plan_application": "Ansøgning eller kontakt",
    "plan_contact": "Kontaktperson",
    "consent": "Samtykke",
    "plan_version": "Udleveret plan",
    "indicator_choice": "Område du måles på",
    "measurement": "Måling",
    "measurement_score": "Tal i en måling",
    "measurement_correction": "Rettelse af en måling",
    "team_member": "På dit team",
}

# The column that says when an entry happened, shown in its title.
DATE_COLUMNS: dict[str, str] = {
    "visitation": "visited_on",
    "target_group_entry": "valid_from",
    "conversation": "starts_at",
    "conversation_correction": "corrected_at",
    "case_event": "on",
    "deadline": "due",
    "indicator_choice": "chosen_on",
    "measurement": "measured_on",
    "measurement_correction": "corrected_at",
    "plan_subgoal": "due",
    "plan_intervention": "starts_on",
    "plan_application": "on",
    "consent": "given_on",
    "plan_version": "handed_out_on",
    "team_member": "from_date",
}

# Columns that mean nothing to the reader: row numbers, links between rows, bookkeeping.
HIDDEN = frozenset(
    {
        "id",
        "youth_id",
        "conversation_id",
        "measurement_id",
        "plan_id",
        "version_id",
        "position",
        "offer_uid",  # the catalogue offer's id; the row names the offer already
        "provisional",
        "waivable",
    }
)

# The access history as sentences: "{when} {verb phrase}" with who did it.
ACTION_SENTENCES: dict[Action, str] = {
    Action.READ: "så {who} din sag",
    Action.SEARCH: "fandt {who} dig i en søgning",
    Action.CREATE: "oprettede {who} din sag",
    Action.UPDATE: "ændrede {who} oplysninger i din sag",
    Action.REVEAL_CPR: "så {who} dit fulde CPR-nummer",
    Action.PRINT: "udskrev {who} oplysninger fra din sag",
    Action.EXPORT: "lavede {who} en kopi af dine oplysninger",
    Action.DELETE: "slettede {who} oplysninger i din sag",
    Action.PURGE: "slettede {who} gamle linjer i denne historik",
    Action.BACKUP: "tog {who} en sikkerhedskopi",
    Action.RESTORE: "gendannede {who} en sikkerhedskopi",
    Action.SETTING: "ændrede {who} en indstilling",
    Action.TAMPER: "opdagede UngeDesk, at historikken var ændret ({who})",
}


def long_date(day: date) -> str:
    """3. november 2026."""
    return format_date(day, "d. MMMM y", locale="da")


def short_moment(moment: datetime) -> str:
    """3. nov. 2026 kl. 10.12 (local time)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{format_date(moment.date(), 'd. MMM y', locale='da')} kl. {moment:%H.%M}"


def audit_moment(stamp: str) -> datetime:
    """An access log time (UTC, as stored) as an aware datetime."""
    return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def _parsed_time(value: str) -> datetime | date | None:
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        if len(value) >= 16 and value[10] == "T":
            return datetime.fromisoformat(value)
    except ValueError:
        return None
    return None


def plain_value(value: Any, labels: Mapping[str, str] | None = None) -> str:
    """A stored value as the reader should see it: dates in words, yes/no, codes as the
    Danish words, JSON lists and objects as lines of text."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if labels is not None and str(value) in labels:
        return labels[str(value)]
    if isinstance(value, datetime):
        return short_moment(value) if value.tzinfo else _naive_moment(value)
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, list):
        shown = [plain_value(v, labels) for v in value if v not in (None, "")]
        return ", ".join(shown) or "–"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {plain_value(v, labels)}" for k, v in value.items()) or "–"
    if isinstance(value, str):
        stripped = value.strip()
        if stripped[:1] in "[{" and stripped[-1:] in "]}":
            try:
                return plain_value(json.loads(stripped), labels)
            except ValueError:
                return value
        moment = _parsed_time(stripped)
        if isinstance(moment, datetime):
            return _naive_moment(moment)
        if isinstance(moment, date):
            return long_date(moment)
    return str(value)


def _naive_moment(moment: datetime) -> str:
    # Stored times without a zone are the local times the caseworker typed.
    return f"{format_date(moment.date(), 'd. MMM y', locale='da')} kl. {moment:%H.%M}"


@dataclass(frozen=True, slots=True)
class Line:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One row made readable: what it is, and its lines."""

    title: str
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """One access to the case, for the history."""

    at: datetime
    action: Action
    who: str
    purpose: str
    special: bool


def history_sentence(event: Event) -> str:
    """'3. nov. 2026 kl. 10.12 så Anne Bjerregaard (ABJ) din sag. Formålet var: Samtale.'"""
    verb = ACTION_SENTENCES[event.action].format(who=event.who or "en bruger")
    sentence = f"{short_moment(event.at)} {verb}."
    if event.purpose.strip():
        sentence += f" Formålet var: {' '.join(event.purpose.split())}."
    if event.special:
        sentence += " Det omfattede følsomme oplysninger."
    return sentence


@dataclass(frozen=True, slots=True)
class Citizen:
    """Everything the document says, already in words (built by ``services.access``)."""

    municipality: str
    case_number: str
    made_at: datetime
    areas: tuple[tuple[Area, tuple[Entry, ...]], ...]
    history: tuple[Event, ...]


def render(doc: Citizen) -> bytes:
    """The citizen's PDF."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        KeepTogether,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
    )

    from ungedesk.services.plan_pdf.text import markup

    font = pdf_fonts.register()
    ink = colors.HexColor("#1F2328")
    muted = colors.HexColor("#5B616B")
    accent = colors.HexColor("#0B6E6E")
    body = ParagraphStyle(
        "c-body", fontName=font, fontSize=10, leading=14, textColor=ink, spaceAfter=4
    )
    small = ParagraphStyle("c-small", parent=body, fontSize=9, leading=12, spaceAfter=0)
    label = ParagraphStyle("c-label", parent=small, textColor=muted)
    h1 = ParagraphStyle(
        "c-h1", parent=body, fontName=pdf_fonts.BOLD, fontSize=20, leading=25, textColor=accent
    )
    h2 = ParagraphStyle(
        "c-h2",
        parent=body,
        fontName=pdf_fonts.BOLD,
        fontSize=14,
        leading=18,
        textColor=accent,
        spaceBefore=10,
        spaceAfter=2,
    )
    h3 = ParagraphStyle(
        "c-h3", parent=body, fontName=pdf_fonts.BOLD, fontSize=10.5, spaceBefore=6, spaceAfter=2
    )

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text), style)

    def u(text: str, style: ParagraphStyle) -> Paragraph:
        # User text (names, notes, addresses): printable, emoji in the fallback font, escaped.
        return Paragraph(markup(text), style)

    place = doc.municipality.strip() or "Kommunen"
    story: list[Flowable] = [
        p("Indsigt i dine oplysninger", h1),
        Spacer(1, 2 * mm),
        Paragraph(
            escape(
                "{place} har lavet dette udtræk {on}, fordi du har bedt om at se, hvad vi "
                "har registreret om dig. Her står alt, hvad UngeDesk gemmer om dig i sag "
            ).format(place=markup(place), on=escape(long_date(doc.made_at.date())))
            + f"{escape(doc.case_number)}. "
            + escape("Til sidst står, hvem der har set dine oplysninger, og hvorfor."),
            body,
        ),
        p(
            "Hvert afsnit starter med en kort forklaring. Står der »–«, er feltet tomt. "
            "Du får også en fil (JSON) med de samme oplysninger, som en computer kan læse.",
            body,
        ),
    ]
    for area, entries in doc.areas:
        # The heading and its explanation stay with the area's first entry (or the note
        # that it is empty): a heading never ends a page alone.
        lead: list[Flowable] = [p(area.title, h2), p(area.explains, body)]
        if not entries:
            story.append(KeepTogether([*lead, p("Vi har ikke registreret noget her.", label)]))
            continue
        for entry in entries:
            rows = [[p(line.label, label), u(line.value, small)] for line in entry.lines]
            block: list[Flowable] = [*lead, p(entry.title, h3)]
            lead = []
            if rows:
                table = Table(rows, colWidths=[50 * mm, 120 * mm], hAlign="LEFT", splitInRow=1)
                table.setStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), font),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 1),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#DDE1E6")),
                    ]
                )
                block.append(table)
            # A short entry is kept whole; a long one (a plan with long texts) may break,
            # and KeepTogether lets it when it is taller than a page.
            story.append(KeepTogether(block))
    story.append(p("Hvem har set dine oplysninger", h2))
    story.append(
        p(
            "UngeDesk skriver ned, hver gang nogen ser, ændrer, udskriver eller kopierer "
            "oplysninger om dig. Tidspunkterne er dansk tid.",
            body,
        )
    )
    if not doc.history:
        story.append(p("Ingen har set dine oplysninger endnu.", label))
    for event in doc.history:
        story.append(u(history_sentence(event), small))
    story.append(p("Dine rettigheder", h2))
    story.append(
        p(
            "Er noget forkert, kan du bede os rette det. Er du utilfreds med, hvordan vi "
            "bruger dine oplysninger, kan du klage til Datatilsynet.",
            body,
        )
    )

    def footer(canvas: Any, template: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(muted)
        canvas.drawString(20 * mm, 12 * mm, f"Indsigt · sag {doc.case_number}")
        canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, f"Side {template.page}")
        canvas.restoreState()

    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title="Indsigt i personoplysninger",
        author=" ".join(doc.municipality.split()) or "UngeDesk",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        lang="da-DK",
        displayDocTitle=True,
        initialFontName=font,
    )
    frame = Frame(
        template.leftMargin, template.bottomMargin, template.width, template.height, id="body"
    )
    # The footer is drawn when the page ends, after its text: read-aloud tools and
    # pdftotext meet the title first, not "Side 1".
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=footer)])
    template.build(story)
    data = buffer.getvalue()
    if pdf_fonts.needs_repair(data):
        data = pdf_fonts.repair_text_map(data)
    return data


def entries_for(
    table: str,
    rows: Sequence[Mapping[str, Any]],
    field_labels: Mapping[str, str],
    value_of: Any,
    *,
    title: str | None = None,
) -> tuple[Entry, ...]:
    """The rows of ``table`` as entries: ``value_of(table, field, value, row)`` gives a
    value's words; hidden columns and empty bookkeeping are left out."""
    out: list[Entry] = []
    name = title or ENTRY_NAMES.get(table, table)
    column = DATE_COLUMNS.get(table)
    for row in rows:
        when = row.get(column) if column else None
        title = f"{name}, {plain_value(when)}" if when not in (None, "") else name
        lines = tuple(
            Line(field_labels.get(k, k), value_of(table, k, v, row))
            for k, v in row.items()
            if k not in HIDDEN and not (k == column and when not in (None, ""))
        )
        out.append(Entry(title, lines))
    return tuple(out)
