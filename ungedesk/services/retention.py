"""Closing cases, and deleting closed cases once the retention period has run out.

Deletion removes every row about the person in every table the right-of-access export
covers (the schema decides, see services.access), except the audit log, which must record the
deletion itself and is purged on its own schedule. secure_delete is on, so freed pages are
zeroed, and VACUUM afterwards leaves no trace in free pages either. The log entry names the
case number, never the CPR.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select

from ungedesk.domain.errors import InputError
from ungedesk.domain.youth import EXIT_LABELS, CaseStatus, ExitReason
from ungedesk.services import audit, restore, settings
from ungedesk.services.access import ACCESS_LOG_TABLE, person_tables
from ungedesk.services.audit import Action
from ungedesk.services.youths import require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import Youth

DEFAULT_RETENTION_YEARS = settings.CASE_RETENTION_YEARS.default


@dataclass(frozen=True, slots=True)
class ExpiredCase:
    youth_id: int
    case_number: str
    closed_on: date
    exit_label: str


def close_case(
    store: Store, youth_id: int, reason: ExitReason, closed_on: date, *, today: date
) -> None:
    if closed_on > today:
        raise InputError({"closed_on": "Afslutningsdatoen kan ikke ligge i fremtiden."})
    with store.session() as s:
        youth = require_youth(s, youth_id)
        if closed_on < youth.henvendelse_date:
            raise InputError({"closed_on": "Sagen kan ikke afsluttes før henvendelsesdatoen."})
        youth.status = CaseStatus.CLOSED.value
        youth.closed_on = closed_on
        youth.exit_reason = reason.value
        audit.record(
            s,
            Action.UPDATE,
            youth_id=youth_id,
            subject=youth.case_number,
            detail=f"Sagen afsluttet: {EXIT_LABELS[reason]}",
        )


def reopen_case(store: Store, youth_id: int) -> None:
    with store.session() as s:
        youth = require_youth(s, youth_id)
        youth.status = CaseStatus.ACTIVE.value
        youth.closed_on = None
        youth.exit_reason = ""
        audit.record(
            s, Action.UPDATE, youth_id=youth_id, subject=youth.case_number, detail="Sagen genåbnet"
        )


def retention_years(store: Store) -> int:
    return settings.get_setting(store, settings.CASE_RETENTION_YEARS)


def _years_back(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def expired_cases(store: Store, *, today: date) -> list[ExpiredCase]:
    """Closed cases whose retention period has run out, oldest first."""
    cutoff = _years_back(today, retention_years(store))
    with store.session() as s:
        rows = s.execute(
            select(Youth.id, Youth.case_number, Youth.closed_on, Youth.exit_reason)
            .where(Youth.status == CaseStatus.CLOSED.value, Youth.closed_on < cutoff)
            .order_by(Youth.closed_on)
        ).all()
    return [
        ExpiredCase(i, cn, closed, EXIT_LABELS.get(ExitReason(er), "") if er else "")
        for i, cn, closed, er in rows
        if closed is not None
    ]


def delete_expired(store: Store, youth_ids: list[int], *, today: date) -> int:
    """Delete the given expired cases completely; refuses any that is not expired."""
    allowed = {c.youth_id for c in expired_cases(store, today=today)}
    refused = [i for i in youth_ids if i not in allowed]
    if refused:
        raise InputError(
            {"ids": "Kun afsluttede sager, hvis opbevaringsperiode er udløbet, kan slettes."}
        )
    # person_tables() is in dependency order (parents first): delete children first, the
    # youth row last, so foreign keys never block.
    tables = [(t, c) for t, c in reversed(person_tables()) if t.name != ACCESS_LOG_TABLE]
    with store.session() as s:
        for youth_id in youth_ids:
            case_number = s.scalar(select(Youth.case_number).where(Youth.id == youth_id))
            for table, column in tables:
                s.execute(delete(table).where(table.c[column] == youth_id))
            audit.record(
                s,
                Action.DELETE,
                youth_id=youth_id,
                subject=str(case_number),
                detail="Slettet efter udløbet opbevaringsperiode",
            )
    store.vacuum()
    # The copies made before schema migrations still hold the people just deleted.
    restore.drop_pre_migration_copies(store.paths)
    return len(youth_ids)
