"""Minutes of the coordination group's monthly meeting as a PDF and as an xlsx workbook.

Both show the same content, built once by ``minutes_in``: a heading with the municipality's
unit, the month and the meeting's date, the month's figures, then the sections the group
works through (seed 001): the list, the repeaters, the unreachable, the misplaced (out of
the count, with the reason), the sanction recommendations (with the reason and who decided)
and the figures of the last 12 months. The minutes never hold a full CPR number: entries
carry the masked one only (services.restgruppe_review).

Each writer is one user action in one transaction: the month is read, the export is logged
(counts only, never a name) and the file is written owner-only and atomically before the
transaction commits, so a file that could not be written (a full disk gives the store's
Danish message) leaves neither half a file nor a log row behind.

In the workbook every string is a text cell (an inline string, never a formula element),
and values that a spreadsheet would take for a formula carry Excel's quote prefix
(domain.spreadsheet_text): "=HYPERLINK(…)" in a name stays a name, "+45 12 34 56 78" a
phone number and "0101094123" keeps its leading zero. openpyxl is imported only here, when
a workbook is written (the command line never loads it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from ungedesk.domain.restgruppe import (
    CONTACT_LABELS,
    CONTACT_WAY_LABELS,
    ContactStatus,
    MonthFigures,
)
from ungedesk.services import audit, restgruppe_review
from ungedesk.services.audit import Action
from ungedesk.services.restgruppe_import import month_key, month_label
from ungedesk.services.restgruppe_review import MonthReview, ReviewEntry
from ungedesk.services.unit import unit_name_in
from ungedesk.services.workbook import (
    Cell,
    Column,
    add_sheet,
    new_workbook,
    to_bytes,
)
from ungedesk.store.database import Store
from ungedesk.store.errors import translate_os_error
from ungedesk.store.paths import make_private_dirs, write_private_atomic

PURPOSE = "Referat af koordinationsgruppens møde"
TITLE = "Koordinationsgruppens møde"


@dataclass(frozen=True, slots=True)
class Section:
    sheet: str  # the workbook's sheet name (at most 31 characters, none of []:*?/\)
    title: str
    intro: str  # a sentence under the heading (may hold user text), or ""
    empty: str  # what the PDF says when there are no rows
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True, slots=True)
class Minutes:
    unit: str
    month: date
    meeting_on: date
    figures: MonthFigures
    long_on_list_step: str
    sections: tuple[Section, ...]  # the meeting's sections, then the 12 months ("Tal")

    @property
    def title(self) -> str:
        return f"{TITLE}, {month_label(self.month)}"


FIGURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("on_list", "På listen"),
    ("misplaced", "Fejlplacerede"),
    ("repeaters", "Gengangere"),
    ("unreachable", "Kan ikke nås"),
    ("reached", "Nået"),
    ("back_in_education", "Tilbage i uddannelse eller job"),
)

_NAME, _CPR = Column("Navn", 28), Column("CPR", 13)
_OWNER, _CONTACT = Column("Handleansvar", 22), Column("Kontakt", 22)
_NEXT, _NEXT_ON = Column("Næste skridt", 40), Column("Dato for næste skridt", 14)
_STREAK = Column("Måneder i træk", 10)


def figure_values(f: MonthFigures) -> tuple[int, ...]:
    return tuple(int(getattr(f, key)) for key, _label in FIGURE_COLUMNS)


def _list_section(counted: Sequence[ReviewEntry]) -> Section:
    return Section(
        "Listen",
        "Listen",
        "De unge på månedens liste, som gruppen har talt med.",
        "Der er ingen unge på listen.",
        (
            _NAME,
            _CPR,
            Column("Skole", 24),
            Column("Status", 20),
            _STREAK,
            _OWNER,
            _CONTACT,
            _NEXT,
            _NEXT_ON,
        ),
        tuple(
            (
                e.name,
                e.masked_cpr,
                e.school,
                e.status,
                e.streak,
                e.action_owner,
                CONTACT_LABELS[e.contact_status],
                e.next_step,
                e.next_step_on,
            )
            for e in counted
        ),
    )


def _repeaters(counted: Sequence[ReviewEntry], step: str) -> Section:
    intro = "Unge, der har stået på listen mindst to måneder i træk."
    if step:
        intro += f" Kommunens fastsatte skridt: {step}"
    return Section(
        "Gengangere",
        "Gengangere",
        intro,
        "Ingen gengangere denne måned.",
        (_NAME, _CPR, _STREAK, _OWNER, _CONTACT, _NEXT, _NEXT_ON),
        tuple(
            (
                e.name,
                e.masked_cpr,
                e.streak,
                e.action_owner,
                CONTACT_LABELS[e.contact_status],
                e.next_step,
                e.next_step_on,
            )
            for e in counted
            if e.repeater
        ),
    )


def _tries(e: ReviewEntry) -> str:
    ways = dict.fromkeys(CONTACT_WAY_LABELS[a.how] for a in e.attempts)
    return ", ".join(ways)


def _unreachable(counted: Sequence[ReviewEntry]) -> Section:
    return Section(
        "Kan ikke nås",
        "Kan ikke nås",
        "Unge, som ingen har kunnet nå, samlet ét sted.",
        "Alle på listen er nået eller forsøgt nået.",
        (
            _NAME,
            _CPR,
            _OWNER,
            Column("Forsøg", 8),
            Column("Forsøgt via", 24),
            Column("Sidste forsøg", 14),
            _NEXT,
            _NEXT_ON,
        ),
        tuple(
            (
                e.name,
                e.masked_cpr,
                e.action_owner,
                len(e.attempts),
                _tries(e),
                e.attempts[-1].on if e.attempts else None,
                e.next_step,
                e.next_step_on,
            )
            for e in counted
            if e.contact_status is ContactStatus.UNREACHABLE
        ),
    )


def _misplaced(entries: Sequence[ReviewEntry]) -> Section:
    return Section(
        "Fejlplacerede",
        "Fejlplacerede",
        "Unge, der ikke hører til på listen. De tæller ikke med i månedens tal.",
        "Ingen unge er taget af listen.",
        (_NAME, _CPR, Column("Skole", 24), Column("Årsag", 50)),
        tuple((e.name, e.masked_cpr, e.school, e.misplaced_reason) for e in entries),
    )


def _sanctions(counted: Sequence[ReviewEntry]) -> Section:
    return Section(
        "Sanktioner",
        "Indstilling om sanktion",
        "Unge, hvor gruppen anbefaler en sanktion over for forældrenes ydelse.",
        "Gruppen har ikke anbefalet nogen sanktion.",
        (_NAME, _CPR, Column("Begrundelse", 56), Column("Besluttet af", 24)),
        tuple(
            (e.name, e.masked_cpr, e.sanction_reason, e.sanction_decided_by)
            for e in counted
            if e.sanction_recommended
        ),
    )


def _history(history: Sequence[MonthFigures]) -> Section:
    return Section(
        "Tal",
        "Tal for de seneste 12 måneder",
        "De fejlplacerede tæller ikke med i de øvrige tal.",
        "Der er ingen tal endnu.",
        (Column("Måned", 16), *(Column(label, 14) for _key, label in FIGURE_COLUMNS)),
        tuple((month_label(f.month), *figure_values(f)) for f in history),
    )


def build(
    unit: str, review: MonthReview, history: Sequence[MonthFigures], meeting_on: date
) -> Minutes:
    """The minutes' content from the month's review (pure; the tests build it too)."""
    counted = [e for e in review.entries if not e.misplaced]
    misplaced = [e for e in review.entries if e.misplaced]
    return Minutes(
        unit=unit,
        month=review.month,
        meeting_on=meeting_on,
        figures=review.figures,
        long_on_list_step=review.long_on_list_step,
        sections=(
            _list_section(counted),
            _repeaters(counted, review.long_on_list_step),
            _unreachable(counted),
            _misplaced(misplaced),
            _sanctions(counted),
            _history(history),
        ),
    )


def minutes_in(s: Session, month: date, meeting_on: date) -> Minutes:
    """The minutes of ``month`` inside the caller's transaction."""
    review = restgruppe_review.review_in(s, month)
    history = restgruppe_review.figures_in(s, month)
    return build(unit_name_in(s), review, history, meeting_on)


# --- the workbook ---------------------------------------------------------------------------


def render_xlsx(minutes: Minutes) -> bytes:
    """The workbook in memory: a sheet about the meeting, then one per section."""
    wb = new_workbook()
    f = minutes.figures
    meeting: list[tuple[Cell, ...]] = [
        ("Enhed", minutes.unit),
        ("Måned", month_label(minutes.month)),
        ("Mødedato", minutes.meeting_on),
        *zip((label for _key, label in FIGURE_COLUMNS), figure_values(f), strict=True),
    ]
    if minutes.long_on_list_step:
        meeting.append(("Næste skridt efter mere end en måned", minutes.long_on_list_step))
    add_sheet(wb, "Møde", (Column("Emne", 36), Column("Værdi", 40)), meeting)
    for section in minutes.sections:
        add_sheet(wb, section.sheet, section.columns, section.rows)
    return to_bytes(wb, minutes.title)


# --- writing and logging --------------------------------------------------------------------


def _counts(minutes: Minutes) -> str:
    f = minutes.figures
    sanctions = next(s for s in minutes.sections if s.sheet == "Sanktioner")
    return (
        f"{f.on_list} på listen, {f.misplaced} fejlplacerede, "
        f"{len(sanctions.rows)} sanktionsindstillinger"
    )


def _write(store: Store, month: date, target: Path, meeting_on: date, kind: str) -> Path:
    with store.session() as s:
        minutes = minutes_in(s, month, meeting_on)
        if kind == "PDF":
            from ungedesk.services.restgruppe_minutes_pdf import render_pdf

            data = render_pdf(minutes)
        else:
            data = render_xlsx(minutes)
        # Counts only: the minutes name young people, the log must not.
        audit.record(
            s,
            Action.EXPORT,
            subject=f"Koordinationsgruppens referat {month_key(month)}",
            purpose=PURPOSE,
            detail=f"Referat som {kind}: {_counts(minutes)}",
        )
        try:
            make_private_dirs(target.parent)  # owner-only whatever the umask
            write_private_atomic(target, data)
        except OSError as exc:
            raise translate_os_error(exc) from exc
    return target


def write_minutes_pdf(store: Store, month: date, target: Path, *, meeting_on: date) -> Path:
    """The minutes of ``month``'s meeting (held ``meeting_on``) as a PDF at ``target``."""
    return _write(store, month, target, meeting_on, "PDF")


def write_minutes_xlsx(store: Store, month: date, target: Path, *, meeting_on: date) -> Path:
    """The minutes of ``month``'s meeting as an xlsx workbook, a sheet per section."""
    return _write(store, month, target, meeting_on, "xlsx")


def suggested_file_name(month: date, extension: str) -> str:
    """koordinationsgruppe-2026-11.pdf: never a name or a CPR number."""
    return f"koordinationsgruppe-{month_key(month)}.{extension}"
