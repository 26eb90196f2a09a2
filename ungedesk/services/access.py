"""The citizen's right of access (GDPR art. 15): everything UngeDesk holds about one person.

Which tables are about a person is read from the schema, not listed by hand: a table is
included when it is the youth table or has a ``youth_id`` column. Tables that hold no data
about any young person are named in NOT_ABOUT_A_PERSON; a new table that is neither makes
`person_tables` fail, so no table can be forgotten silently (the test suite calls it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from sqlalchemy import Table as SaTable
from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.cpr import LegalSex
from ungedesk.domain.kui import REACHED_LABELS
from ungedesk.domain.plan import (
    APPLICATION_LABELS,
    CONTACT_ROLE_LABELS,
    GOAL_TYPE_LABELS,
    OWNER_LABELS,
    SUBGOAL_STATUS_LABELS,
)
from ungedesk.domain.progression import INDICATOR_LABELS
from ungedesk.domain.visitation import (
    CONVERSATION_LABELS,
    HELD_BY_LABELS,
    MODE_LABELS,
    SUB_ASSESSMENT_LABELS,
)
from ungedesk.domain.visitation import STATUS_LABELS as CONVERSATION_STATUS_LABELS
from ungedesk.domain.youth import BENEFIT_LABELS, EDUCATION_LABELS, EXIT_LABELS, STATUS_LABELS
from ungedesk.services import audit, pdf_fonts, settings, target_groups
from ungedesk.services.audit import ACTION_LABELS, Action
from ungedesk.services.youths import require_youth
from ungedesk.store.database import Store
from ungedesk.store.errors import translate_os_error
from ungedesk.store.models import REGISTER_COLUMNS, Base, Caseworker
from ungedesk.store.paths import make_private_dirs, write_private_atomic

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

NOT_ABOUT_A_PERSON = frozenset(
    {"caseworker", "setting", "audit_head", "alembic_version", "local_rule", "rule_set"}
)
ACCESS_LOG_TABLE = "audit_event"

FIELD_LABELS = {
    "case_number": "Sagsnummer",
    "cpr": "CPR-nummer",
    "first_name": "Fornavn",
    "last_name": "Efternavn",
    "birth_date": "Fødselsdato",
    "legal_sex": "Juridisk køn",
    "address": "Adresse",
    "postal_code": "Postnummer",
    "city": "By",
    "phone": "Telefon",
    "email": "E-mail",
    "henvendelse_date": "Henvendelsesdato",
    "benefit": "Ydelse",
    "education": "Højeste fuldførte uddannelse",
    "status": "Status",
    "caseworker_id": "Ansvarlig sagsbehandler",
    "created_by_id": "Oprettet af",
    "created_at": "Oprettet",
    "updated_at": "Senest ændret",
    "closed_on": "Sagen afsluttet",
    "exit_reason": "Afsluttet til",
    "visited_on": "Visiteret",
    "reasons": "Begrundelse",
    "paalaeg_given_on": "Uddannelsespålæg givet",
    "paalaeg_education": "Uddannelse i pålægget",
    "paalaeg_deadline": "Frist i pålægget",
    "fvu_obu_screening": "FVU/OBU-screening",
    "fgu_assessed_on": "Målgruppevurderet til FGU (KUI § 2 k)",
    "stu_assessed_on": "Vurderet til STU efter STU-loven",
    "uu_present": "UU-vejleder til stede",
    "turned_away": "Vendt i døren",
    "valid_from": "Gælder fra",
    "target_group": "Målgruppe",
    "sub_assessment": "Delvurdering",
    "reason": "Begrundelse",
    "kind": "Type",
    "starts_at": "Tidspunkt",
    "duration_minutes": "Varighed (minutter)",
    "mode": "Form",
    "place": "Sted",
    "participants": "Deltagere",
    "notes": "Noter",
    "on": "Dato",
    "note": "Note",
    "rule_id": "Regel",
    "start": "Start",
    "due": "Frist",
    "met": "Overholdt",
    "met_on": "Overholdt den",
    "done": "Antal opfyldt",
    "exempt": "Fritaget",
    "provisional": "Foreløbig",
    "decided_on": "Afgørelse truffet",
    "decided_by": "Afgjort af",
    "revoked_on": "Tilbagekaldt",
    "revoked_by": "Tilbagekaldt af",
    "revoke_reason": "Begrundelse for tilbagekaldelse",
    "indicator": "Indikator",
    "chosen_on": "Valgt",
    "dropped_on": "Fravalgt",
    "chosen_by": "Valgt af",
    "dropped_by": "Fravalgt af",
    "measured_on": "Målt",
    "conversation_id": "Samtale",
    "recorded_by": "Registreret af",
    "measurement_id": "Måling",
    "caseworker_score": "Sagsbehandlers score",
    "youth_score": "Din egen score",
    "comment": "Kommentar",
    "corrected_at": "Rettet",
    "corrected_by": "Rettet af",
    "before": "Før rettelsen",
    "goal_type": "Uddannelsesmål",
    "programme": "Uddannelse/job",
    "school": "Skole/arbejdsplads",
    "goal_start": "Start",
    "own_wishes": "Dine egne ønsker",
    "challenges": "Udfordringer og behov",
    "short_term_goals": "Kortsigtede mål",
    "long_term_goals": "Langsigtede mål",
    "health": "Helbred",
    "housing": "Bolig",
    "family": "Familie",
    "position": "Rækkefølge",
    "text": "Tekst",
    "owner": "Hvem gør det",
    "owner_name": "Navn",
    "name": "Navn",
    "provider": "Udbyder",
    "starts_on": "Start",
    "ends_on": "Slut",
    "purpose": "Formål",
    "role": "Rolle",
    "title": "Titel",
    "given_on": "Givet",
    "scope": "Omfang",
    "withdrawn_on": "Trukket tilbage",
    "number": "Version",
    "handed_out_on": "Udleveret",
    "handed_out_by": "Udleveret af",
    "snapshot": "Planens indhold",
    "held_by": "Afholdt af",
    "after": "Efter rettelsen",
    "learned_on": "Kommunen fik kendskab",
    "reached": "Kontakt med",
}
TABLE_LABELS = {
    "youth": "Stamdata",
    "visitation": "Visitation",
    "target_group_entry": "Målgrupper",
    "conversation": "Samtaler",
    "case_event": "Hændelser i sagen",
    "deadline": "Frister",
    "waiver": "Fritagelser for frister",
    "indicator_choice": "Valgte progressionsindikatorer",
    "measurement": "Progressionsmålinger",
    "measurement_score": "Scorer i målingerne",
    "measurement_correction": "Rettelser af målinger",
    "plan": "Uddannelsesplan (kladde)",
    "plan_subgoal": "Delmål",
    "plan_intervention": "Indsatser og tilbud",
    "plan_application": "Ansøgninger og kontakter",
    "plan_contact": "Kontaktpersoner og team",
    "consent": "Samtykker",
    "plan_version": "Udleverede planer",
    "conversation_correction": "Rettelser af samtaler",
}


class UncoveredTableError(RuntimeError):
    """A table in the schema is neither exported nor declared free of personal data."""


def person_tables() -> list[tuple[SaTable, str]]:
    """(table, column that points at the young person) for every table about a person."""
    out: list[tuple[SaTable, str]] = []
    for table in Base.metadata.sorted_tables:
        if table.name == "youth":
            out.append((table, "id"))
        elif "youth_id" in table.columns:
            out.append((table, "youth_id"))
        elif table.name not in NOT_ABOUT_A_PERSON:
            raise UncoveredTableError(
                f"table {table.name!r} is not covered by the right-of-access export"
            )
    return out


def _local(stamp: str) -> str:
    """An audit time (UTC) as local time, which is what the reader lived through."""
    moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return moment.astimezone().isoformat(timespec="seconds")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


@dataclass(frozen=True, slots=True)
class AccessExport:
    json_path: Path
    pdf_path: Path
    tables: int
    rows: int
    access_events: int


def collect(store: Store, youth_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row about the person, per table (the access log included)."""
    with store.session() as s:
        return collect_in(s, youth_id)


def collect_in(session: Session, youth_id: int) -> dict[str, list[dict[str, Any]]]:
    """``collect`` inside the caller's transaction."""
    data: dict[str, list[dict[str, Any]]] = {}
    for table, column in person_tables():
        # The register's derived texts (a sort key, folded search texts) say nothing the
        # row does not: left out of the citizen's copy and of a case transfer.
        columns = [c for c in table.columns if c.name not in REGISTER_COLUMNS]
        rows = session.execute(select(*columns).where(table.c[column] == youth_id)).mappings().all()
        data[table.name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
    return data


def log_export(
    store: Store,
    youth_id: int,
    purpose: str,
    detail: str,
    at: datetime | None = None,
    *,
    action: Action = Action.EXPORT,
) -> str:
    """Log that a person's data leaves the store (a file; with ``action=Action.PRINT``,
    paper); returns their case number (never the CPR) for the file name. Raises InputError
    when the person does not exist."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        audit.record(
            s,
            action,
            youth_id=youth_id,
            subject=youth.case_number,
            purpose=purpose,
            detail=detail,
            at=at,
        )
        return youth.case_number


def export_person(
    store: Store,
    youth_id: int,
    out_dir: Path,
    *,
    purpose: str = "Indsigtsanmodning",
    now: datetime | None = None,
) -> AccessExport:
    """Write the person's data as JSON and as a readable PDF into ``out_dir``.

    File names carry the case number, never the CPR or a name.
    """
    moment = now or datetime.now(UTC)
    case_number = log_export(
        store, youth_id, purpose, "Indsigt: alle oplysninger og adgangshistorik", moment
    )
    data = collect(store, youth_id)
    municipality = settings.get_setting(store, settings.MUNICIPALITY)
    with store.session() as s:
        people = {c.id: f"{c.name} ({c.initials})" for c in s.scalars(select(Caseworker))}
    tables = {k: v for k, v in data.items() if k != ACCESS_LOG_TABLE}
    history = [
        {
            "tidspunkt": _local(e["at"]),
            "handling": ACTION_LABELS[Action(e["action"])],
            "bruger": e["actor"],
            "formål": e["purpose"],
            "følsomme_oplysninger": e["special"],
        }
        for e in data.get(ACCESS_LOG_TABLE, [])
    ]
    document: dict[str, Any] = {
        "format": "ungedesk-indsigt",
        "version": 1,
        "dannet": moment.isoformat(timespec="seconds"),
        "kommune": municipality,
        "sagsnummer": case_number,
        "tabeller": tables,
        "adgangshistorik": history,
    }
    try:
        # Folders it creates are owner-only whatever the umask: the export is personal data.
        make_private_dirs(out_dir)
        json_path = out_dir / f"indsigt-{case_number}.json"
        pdf_path = out_dir / f"indsigt-{case_number}.pdf"
        write_private_atomic(
            json_path, json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
        )
        write_private_atomic(pdf_path, _pdf(document, municipality, moment, people))
    except OSError as exc:
        raise translate_os_error(exc) from exc
    rows = sum(len(v) for v in tables.values())
    return AccessExport(json_path, pdf_path, len(data), rows, len(history))


# Codes shown as the Danish words the caseworker picked, per (table, column).
_INDICATORS = {k.value: v for k, v in INDICATOR_LABELS.items()}
_CODE_LABELS: dict[tuple[str, str], dict[str, str]] = {
    ("youth", "benefit"): {k.value: v for k, v in BENEFIT_LABELS.items()},
    ("youth", "education"): {k.value: v for k, v in EDUCATION_LABELS.items()},
    ("youth", "status"): {k.value: v for k, v in STATUS_LABELS.items()},
    ("youth", "exit_reason"): {k.value: v for k, v in EXIT_LABELS.items()},
    ("conversation", "kind"): {k.value: v for k, v in CONVERSATION_LABELS.items()},
    ("conversation", "status"): {k.value: v for k, v in CONVERSATION_STATUS_LABELS.items()},
    ("conversation", "mode"): {k.value: v for k, v in MODE_LABELS.items()},
    ("conversation", "held_by"): {k.value: v for k, v in HELD_BY_LABELS.items()},
    ("case_event", "reached"): {k.value: v for k, v in REACHED_LABELS.items()},
    ("target_group_entry", "sub_assessment"): {
        k.value: v for k, v in SUB_ASSESSMENT_LABELS.items()
    },
    ("indicator_choice", "indicator"): _INDICATORS,
    ("measurement_score", "indicator"): _INDICATORS,
    ("plan_subgoal", "indicator"): _INDICATORS,
    ("plan", "goal_type"): {k.value: v for k, v in GOAL_TYPE_LABELS.items()},
    ("plan_subgoal", "owner"): {k.value: v for k, v in OWNER_LABELS.items()},
    ("plan_subgoal", "status"): {k.value: v for k, v in SUBGOAL_STATUS_LABELS.items()},
    ("plan_application", "kind"): {k.value: v for k, v in APPLICATION_LABELS.items()},
    ("plan_contact", "role"): {k.value: v for k, v in CONTACT_ROLE_LABELS.items()},
}


# Columns holding a caseworker's id (other *_id columns point at rows, not people).
_PEOPLE_FIELDS = frozenset({"caseworker_id", "created_by_id"})


def _given_on(row: dict[str, Any]) -> date | None:
    """The day a target group was given (the row's valid_from), for its label of that day."""
    value = row.get("valid_from")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _display(
    table: str, field: str, value: Any, people: dict[int, str], on: date | None = None
) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    labels = _CODE_LABELS.get((table, field))
    if labels is not None:
        return labels.get(str(value), str(value))
    if table == "target_group_entry" and field == "target_group":
        return target_groups.label(str(value), on)
    if field in _PEOPLE_FIELDS and isinstance(value, int):
        return people.get(value, str(value))
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return f"{value[8:10]}-{value[5:7]}-{value[0:4]}"
    if isinstance(value, str) and len(value) >= 16 and value[4] == "-" and value[10] == "T":
        return f"{value[8:10]}-{value[5:7]}-{value[0:4]} kl. {value[11:16]}"
    if field == "legal_sex":
        return "Kvinde" if value == LegalSex.FEMALE.value else "Mand"
    if field == "cpr":
        return f"{value[:6]}-{value[6:]}"
    return str(value)


def _pdf(
    document: dict[str, Any], municipality: str, moment: datetime, people: dict[int, str]
) -> bytes:
    import io

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    font = pdf_fonts.register()
    styles = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=styles["BodyText"], fontName=font, fontSize=9.5, leading=13
    )
    h1 = ParagraphStyle("h1", parent=styles["Heading1"], fontName=pdf_fonts.BOLD, fontSize=16)
    h2 = ParagraphStyle("h2", parent=styles["Heading2"], fontName=pdf_fonts.BOLD, fontSize=12)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        from reportlab.platypus import Paragraph

        return Paragraph(escape(text), style)

    story: list[Any] = [
        p("Indsigt i dine oplysninger", h1),
        p(
            f"{municipality or 'Kommunen'} har lavet dette udtræk {moment:%d-%m-%Y}. "
            f"Det viser alt, hvad UngeDesk gemmer om dig på sag {document['sagsnummer']}, "
            "og hvem der har set dine oplysninger og hvorfor."
        ),
        Spacer(1, 4 * mm),
    ]
    grid = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), font, 8.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke),
        ]
    )
    for name, rows in document["tabeller"].items():
        story.append(p(TABLE_LABELS.get(name, name), h2))
        if not rows:
            story.append(p("Ingen oplysninger."))
        for row in rows:
            cells = [
                [
                    p(FIELD_LABELS.get(k, k), small),
                    p(_display(name, k, v, people, _given_on(row)), small),
                ]
                for k, v in row.items()
                if k != "id"
            ]
            story.append(Table(cells, colWidths=[55 * mm, 115 * mm], style=grid))
            story.append(Spacer(1, 3 * mm))
    story.append(p("Hvem har set dine oplysninger", h2))
    history = document["adgangshistorik"]
    if not history:
        story.append(p("Ingen registreret adgang."))
    else:
        head = [p(t, small) for t in ("Tidspunkt", "Handling", "Bruger", "Formål")]
        lines = [head] + [
            [
                p(_display("", "at", e["tidspunkt"], people), small),
                p(e["handling"], small),
                p(e["bruger"], small),
                p(e["formål"] or "–", small),
            ]
            for e in history
        ]
        story.append(
            Table(
                lines,
                colWidths=[32 * mm, 35 * mm, 50 * mm, 53 * mm],
                repeatRows=1,
                style=TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), font, 8),
                        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                ),
            )
        )

    def footer(canvas: Any, doc: Any) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm

        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, f"Side {doc.page}")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title="Indsigt i personoplysninger",
        author=municipality or "UngeDesk",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        lang="da-DK",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
