"""The citizen's right of access (GDPR art. 15): everything UngeDesk holds about one person.

Which tables are about a person is read from the schema, not listed by hand: a table is
included when it is the youth table or has a ``youth_id`` column. Tables that hold no data
about any young person are named in NOT_ABOUT_A_PERSON; a new table that is neither makes
`person_tables` fail, so no table can be forgotten silently (the test suite calls it).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table as SaTable
from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.cpr import LegalSex
from ungedesk.domain.custody import RELATION_LABELS
from ungedesk.domain.handover import HANDOVER_STATUS_LABELS, HOLDER_HOW_LABELS
from ungedesk.domain.kui import REACHED_LABELS
from ungedesk.domain.plan import (
    APPLICATION_LABELS,
    CONTACT_ROLE_LABELS,
    GOAL_TYPE_LABELS,
    OWNER_LABELS,
    SUBGOAL_STATUS_LABELS,
)
from ungedesk.domain.progression import INDICATOR_LABELS
from ungedesk.domain.team import ACTOR_ROLE_LABELS, TEAM_ROLE_LABELS, ActorRole
from ungedesk.domain.visitation import (
    CONVERSATION_LABELS,
    HELD_BY_LABELS,
    MODE_LABELS,
    SUB_ASSESSMENT_LABELS,
)
from ungedesk.domain.visitation import STATUS_LABELS as CONVERSATION_STATUS_LABELS
from ungedesk.domain.youth import BENEFIT_LABELS, EDUCATION_LABELS, EXIT_LABELS, STATUS_LABELS
from ungedesk.services import access_pdf, audit, deadlines, settings, target_groups
from ungedesk.services.audit import ACTION_LABELS, Action
from ungedesk.services.youths import require_youth
from ungedesk.store.database import Store
from ungedesk.store.errors import translate_os_error
from ungedesk.store.models import REGISTER_COLUMNS, SECRET_COLUMNS, Actor, Base, Caseworker
from ungedesk.store.paths import make_private_dirs, write_private_atomic

NOT_ABOUT_A_PERSON = frozenset(
    {
        "caseworker",
        "setting",
        "audit_head",
        "alembic_version",
        "local_rule",
        "rule_set",
        # A month's list as a whole (month, who imported it); its rows are per person.
        "restgruppe_list",
        "offer",  # the catalogue: offers, not people
        # The municipality's partners; a young person's link to one is a team_member row.
        "actor",
    }
)
ACCESS_LOG_TABLE = "audit_event"
# Kept ready from the tables above for the management figures (services.figure_cases): they
# say nothing those rows do not, so neither the citizen's copy nor a transfer carries them;
# retention deletes them with the case like any row about the person.
DERIVED_TABLES = frozenset({"figure_case"})

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
    "actor_id": "Samarbejdspartner",
    "to_date": "Gik fra teamet",
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
    "relation": "Relation",
    "takes_part": "Deltager i planen",
    "valid_to": "Til",
    "given_by": "Givet af",
    "transfer_id": "Overførslens nøgle-id",
    "outgoing": "Sendt herfra",
    "at": "Tidspunkt",
    "by": "Sagsbehandler",
    "other_case_number": "Sagsnummer hos den anden enhed",
    "other_by": "Den anden enhed",
    "receipted_at": "Kvittering modtaget",
    "holder": "Sagen havdes af",
    "since": "Fra",
    "until": "Til og med",
    "how": "Hvordan",
    "offer_uid": "Tilbud i tilbudsviften (id)",
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
    "restgruppe_entry": "Koordinationsgruppens månedlige liste",
    "follow_up": "Opfølgning efter afslutning",
    "restgruppe_attempt": "Forsøg på at få kontakt",
    "custody_holder": "Forældremyndighedens indehavere",
    "handover": "Overdragelser af sagen",
    "case_holder": "Hvem har haft sagen",
    "team_member": "Dit team",
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
        if table.name in DERIVED_TABLES:
            continue
        # The register's derived texts (a sort key, folded search texts) say nothing the
        # row does not: left out of the citizen's copy and of a case transfer.
        # A handover's receipt key is a secret of the installation, not data about anyone.
        columns = [c for c in table.columns if c.name not in REGISTER_COLUMNS + SECRET_COLUMNS]
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
        # A team member who is an actor is named with their organisation and contact.
        partners = {a.id: _partner(a) for a in s.scalars(select(Actor))}
        # Deadlines name their rule by id; the citizen reads the rule's description.
        rules = {r.id: r.description for r in deadlines.rules(s)}
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
        citizen = _citizen(
            document,
            data.get(ACCESS_LOG_TABLE, []),
            municipality,
            moment,
            people,
            rules,
            partners=partners,
        )
        write_private_atomic(pdf_path, access_pdf.render(citizen))
    except OSError as exc:
        raise translate_os_error(exc) from exc
    rows = sum(len(v) for v in tables.values())
    return AccessExport(json_path, pdf_path, len(data), rows, len(history))


# Codes shown as the Danish words the caseworker picked, per (table, column).
_INDICATORS = {k.value: v for k, v in INDICATOR_LABELS.items()}
_CODE_LABELS: dict[tuple[str, str], dict[str, str]] = {
    ("team_member", "role"): {k.value: v for k, v in TEAM_ROLE_LABELS.items()},
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
    ("custody_holder", "relation"): {k.value: v for k, v in RELATION_LABELS.items()},
    ("handover", "status"): {k.value: v for k, v in HANDOVER_STATUS_LABELS.items()},
    ("case_holder", "how"): {k.value: v for k, v in HOLDER_HOW_LABELS.items()},
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


def _partner(actor: Actor) -> str:
    """ "Mette Krogh, Vestby FGU (FGU), tlf. 22 33 44 55, mk@fgu.example"."""
    name = ", ".join(x for x in (actor.name, actor.organisation) if x)
    reach = [f"tlf. {actor.phone}" if actor.phone else "", actor.email]
    role = ACTOR_ROLE_LABELS.get(ActorRole(actor.role), "")
    return ", ".join(x for x in (f"{name} ({role})" if role else name, *reach) if x)


def _display(
    table: str,
    field: str,
    value: Any,
    people: dict[int, str],
    on: date | None = None,
    rules: Mapping[str, str] | None = None,
) -> str:
    if value is None or value == "":
        return "–"
    labels = _CODE_LABELS.get((table, field))
    if labels is not None and not isinstance(value, bool):
        return labels.get(str(value), str(value))
    if table == "target_group_entry" and field == "target_group":
        return target_groups.label(str(value), on)
    if field in _PEOPLE_FIELDS and isinstance(value, int) and not isinstance(value, bool):
        return people.get(value, "en tidligere medarbejder")
    if field == "rule_id" and rules is not None:
        return rules.get(str(value), str(value))
    if field == "legal_sex":
        return "Kvinde" if value == LegalSex.FEMALE.value else "Mand"
    if field == "cpr" and isinstance(value, str):
        return f"{value[:6]}-{value[6:]}"
    if field in _SCORE_MAPS and isinstance(value, str):
        return _scores(value)
    return access_pdf.plain_value(value)


# Columns holding {indicator: score} as JSON (a correction's before and after).
_SCORE_MAPS = frozenset({"before", "after"})


def _scores(value: str) -> str:
    """'{"skills": 3}' as 'Faglige/praktiske kompetencer: 3'."""
    try:
        parsed = json.loads(value)
    except ValueError:
        return value
    if not isinstance(parsed, dict):
        return access_pdf.plain_value(parsed)
    return (
        "; ".join(
            f"{_INDICATORS.get(str(k), FIELD_LABELS.get(str(k), str(k)))}: "
            f"{access_pdf.plain_value(v)}"
            for k, v in parsed.items()
        )
        or "–"
    )


def _chosen_indicators(rows: list[dict[str, Any]], value_of: Any) -> list[access_pdf.Entry]:
    """The areas the young person is measured on, one line each, in one entry."""
    if not rows:
        return []
    lines = []
    for row in rows:
        text = f"Valgt {value_of('indicator_choice', 'chosen_on', row['chosen_on'], row)}"
        if row.get("chosen_by"):
            text += f" af {row['chosen_by']}"
        if row.get("dropped_on"):
            text += (
                f". Fravalgt {value_of('indicator_choice', 'dropped_on', row['dropped_on'], row)}"
            )
            if row.get("dropped_by"):
                text += f" af {row['dropped_by']}"
        lines.append(
            access_pdf.Line(_INDICATORS.get(row["indicator"], row["indicator"]), text + ".")
        )
    return [access_pdf.Entry("Områder du måles på", tuple(lines))]


def _measurements(
    rows: list[dict[str, Any]], scores: list[dict[str, Any]], value_of: Any
) -> list[access_pdf.Entry]:
    """Each measurement with its scores under it: your own number and the caseworker's."""
    by_measurement: dict[Any, list[dict[str, Any]]] = {}
    for score in scores:
        by_measurement.setdefault(score.get("measurement_id"), []).append(score)
    out = []
    for row in rows:
        lines = [
            access_pdf.Line(
                FIELD_LABELS["recorded_by"],
                value_of("measurement", "recorded_by", row.get("recorded_by"), row),
            )
        ]
        for score in by_measurement.pop(row.get("id"), []):
            parts = [
                f"Dit eget tal: {access_pdf.plain_value(score.get('youth_score'))}.",
                f"Sagsbehandlerens tal: {access_pdf.plain_value(score.get('caseworker_score'))}.",
            ]
            if str(score.get("comment") or "").strip():
                parts.append(f"Kommentar: {score['comment']}")
            indicator = str(score.get("indicator"))
            lines.append(access_pdf.Line(_INDICATORS.get(indicator, indicator), " ".join(parts)))
        out.append(
            access_pdf.Entry(
                f"Måling, {value_of('measurement', 'measured_on', row.get('measured_on'), row)}",
                tuple(lines),
            )
        )
    # Scores whose measurement is not among the rows (never expected) still reach the reader.
    for orphans in by_measurement.values():
        out.extend(access_pdf.entries_for("measurement_score", orphans, FIELD_LABELS, value_of))
    return out


def _citizen(
    document: dict[str, Any],
    events: list[dict[str, Any]],
    municipality: str,
    moment: datetime,
    people: dict[int, str],
    rules: Mapping[str, str],
    *,
    partners: Mapping[int, str] | None = None,
) -> access_pdf.Citizen:
    """The document in words for the citizen's PDF."""

    def value_of(table: str, field: str, value: Any, row: Mapping[str, Any]) -> str:
        if field == "actor_id" and isinstance(value, int) and partners is not None:
            return partners.get(value, "en tidligere samarbejdspartner")
        return _display(table, field, value, people, _given_on(dict(row)), rules)

    tables: dict[str, list[dict[str, Any]]] = document["tabeller"]
    areas: list[tuple[access_pdf.Area, tuple[access_pdf.Entry, ...]]] = []
    placed: set[str] = set()
    for area in access_pdf.AREAS:
        entries: list[access_pdf.Entry] = []
        for name in area.tables:
            placed.add(name)
            rows = tables.get(name, [])
            if name == "indicator_choice":
                entries.extend(_chosen_indicators(rows, value_of))
            elif name == "measurement":
                scores = tables.get("measurement_score", [])
                entries.extend(_measurements(rows, scores, value_of))
            elif name != "measurement_score":  # shown under its measurement
                entries.extend(access_pdf.entries_for(name, rows, FIELD_LABELS, value_of))
        areas.append((area, tuple(entries)))
    # A table added later and not yet given an area still reaches the citizen.
    rest = [name for name in tables if name not in placed]
    if rest:
        extra = access_pdf.Area(
            "Andre oplysninger",
            "Oplysninger om dig, som ikke hører til afsnittene ovenfor.",
            tuple(rest),
        )
        entries = []
        for name in rest:
            entries.extend(
                access_pdf.entries_for(
                    name, tables[name], FIELD_LABELS, value_of, title=TABLE_LABELS.get(name, name)
                )
            )
        areas.append((extra, tuple(entries)))
    history = tuple(
        access_pdf.Event(
            access_pdf.audit_moment(e["at"]),
            Action(e["action"]),
            str(e["actor"] or ""),
            str(e["purpose"] or ""),
            bool(e["special"]),
        )
        for e in events
    )
    return access_pdf.Citizen(municipality, document["sagsnummer"], moment, tuple(areas), history)
