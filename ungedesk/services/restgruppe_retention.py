"""How long the coordination group's lists are kept.

A list names young people who may never become a case in UngeDesk; once the group no
longer needs a month (the figures look back 12 months, a repeater's count a few), its rows
are personal data without a purpose. Lists older than the municipality's period (default
24 months) are deleted when the store is opened, entries and tries with them. A registered
young person's rows also go with their case when it is deleted after its retention period
(services.retention: every table with a youth_id)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, func, select

from ungedesk.services import audit, settings
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.store.restgruppe_tables import RestgruppeList


def _months_back(today: date, months: int) -> str:
    index = today.year * 12 + today.month - 1 - months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def purge_old_lists(store: Store, *, today: date | None = None) -> int:
    """Delete the lists of months before the retention period; returns how many."""
    day = today or date.today()
    with store.session() as s:
        months = settings.read(s, settings.RESTGRUPPE_RETENTION_MONTHS)
        cutoff = _months_back(day, months)
        old = RestgruppeList.month < cutoff
        count = s.scalar(select(func.count()).select_from(RestgruppeList).where(old)) or 0
        if not count:
            return 0
        # The entries and tries go with their list (ON DELETE CASCADE).
        s.execute(delete(RestgruppeList).where(old))
        audit.record(
            s,
            Action.DELETE,
            subject="Koordinationsgruppens lister",
            detail=f"{count} lister ældre end {months} måneder slettet (opbevaringsperiode)",
        )
        return int(count)
