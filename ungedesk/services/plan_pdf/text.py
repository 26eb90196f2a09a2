"""Text shaping for the plan's PDF: the handout's fixed Danish sentences, and the young
person's own text made printable (characters the embedded font cannot draw become a
visible U+FFFD, invisible control and format characters are dropped), put in visual order
for right-to-left runs, and escaped before a Paragraph sees it (Paragraph parses markup, so
an unescaped ``<b>`` crashes and ``<img src=…>`` reads files)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import cache
from xml.sax.saxutils import escape

from babel.dates import format_date
from reportlab.pdfbase import pdfmetrics

from ungedesk.services import pdf_fonts

REPLACEMENT = "\ufffd"

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
    "theirs": "Det gør kommunen og UU",
    # "UU" is explained once, where the handout first uses it (the heading above).
    "uu": "UU er kommunens vejledning af unge. Før hed den Ungdommens Uddannelsesvejledning.",
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
    # What happens next and where to turn. Sources: the plan is made with the young person
    # and revised when things change (lov om kommunal indsats for unge under 25 år, § 2 a;
    # LAB § 30 for the uddannelsespålæg until it ends, expected 1 January 2027); a decision
    # can be appealed within 4 weeks, the municipality looks at it again first and sends
    # it on to Ankestyrelsen if it keeps it (retssikkerhedsloven §§ 66-67); a companion
    # (bisidder) may come to meetings (forvaltningsloven § 8); the right to see what is
    # written (databeskyttelsesforordningen art. 15, forvaltningsloven § 9).
    "next": "Hvad sker der nu?",
    "next_body": (
        "Vi gør hver især det, vi har lovet. Til næste møde ser vi på planen sammen. "
        "Vi ændrer den, når dit liv ændrer sig."
    ),
    "disagree": "Er du uenig?",
    "disagree_plan": ("Er du uenig i noget i planen? Så sig det. Vi kan ændre den sammen."),
    "disagree_decision": (
        "Er du uenig i en afgørelse, fx et uddannelsespålæg? Så kan du klage. "
        "Send klagen til {unit}, senest 4 uger efter du fik afgørelsen. "
        "Vi ser på sagen igen. Er vi stadig uenige, sender vi klagen til Ankestyrelsen."
    ),
    "disagree_help": (
        "Du må tage en ven eller en voksen med til møder. "
        "Du kan altid se, hvad vi har skrevet om dig."
    ),
    "signatures": "Underskrifter",
    "signatures_intro": "Vi har lavet planen sammen.",
    "sign_youth": "Din underskrift",
    "sign_municipality": "Kommunens underskrift",
    "sign_guardian": "Underskrift fra forældremyndighedens indehaver: {name}",
    "date": "Dato",
    "page": "Side {page} af {pages}",
}


# --- text --------------------------------------------------------------------------------


@cache
def _coverage(font_name: str) -> frozenset[int]:
    if font_name == pdf_fonts.EMOJI:
        pdf_fonts.register_emoji()
    else:
        pdf_fonts.register()
    face = pdfmetrics.getFont(font_name).face
    return frozenset(face.charToGlyph)


def printable(text: str, *, bold: bool = False, fallback: bool = True) -> str:
    """The text as the PDF will show it: NFC-composed; control and format characters
    (zero-width joiners, direction marks, soft hyphens) dropped, tabs as spaces; a
    character the embedded DejaVu font cannot draw is kept when the emoji fallback font
    has it (``fallback``; ``markup`` sets it in that font), and otherwise replaced by a
    visible U+FFFD, so the reader sees that something was there rather than nothing.

    Characters beyond U+FFFF never go to DejaVu: only the fallback font's are repaired in
    the text map (``pdf_fonts.repair_text_map``). Right-to-left runs are put in reading
    order by `visual` when the text is laid out; this returns the text in its logical
    order. ``fallback=False`` is for text drawn straight on the canvas in DejaVu (the
    footer), where a font change is not possible."""
    glyphs = _coverage(pdf_fonts.BOLD if bold else pdf_fonts.REGULAR)
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in "\n\t":
            out.append("\n" if ch == "\n" else " ")
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf"):
            continue
        if category in ("Cs", "Co", "Cn"):
            out.append(REPLACEMENT)
        elif ch.isspace():
            out.append(" ")
        elif ord(ch) in glyphs and ord(ch) <= 0xFFFF:
            out.append(ch)
        elif category == "Mn":
            continue  # a combining mark (or emoji variation selector) the font lacks
        elif fallback and ord(ch) in _coverage(pdf_fonts.EMOJI):
            out.append(ch)  # the fallback font is read only when it is needed
        else:
            out.append(REPLACEMENT)
    return "".join(out)


def _in_fallback(ch: str, glyphs: frozenset[int]) -> bool:
    return ord(ch) > 0xFFFF or ord(ch) not in glyphs


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
    breaks kept; the characters DejaVu lacks (emoji) set in the fallback font."""
    glyphs = _coverage(pdf_fonts.BOLD if bold else pdf_fonts.REGULAR)
    lines: list[str] = []
    for line in printable(text, bold=bold).split("\n"):
        parts: list[str] = []
        run: list[str] = []
        emoji = False
        for ch in visual(line):
            # U+FFFD is drawn by DejaVu: only kept fallback characters switch font.
            wanted = ch != REPLACEMENT and _in_fallback(ch, glyphs)
            if run and wanted != emoji:
                parts.append(_run("".join(run), emoji))
                run = []
            emoji = wanted
            run.append(ch)
        if run:
            parts.append(_run("".join(run), emoji))
        lines.append("".join(parts))
    return "<br/>".join(lines)


def _run(text: str, emoji: bool) -> str:
    if emoji:
        return f'<font name="{pdf_fonts.EMOJI}">{escape(text)}</font>'
    return escape(text)


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
