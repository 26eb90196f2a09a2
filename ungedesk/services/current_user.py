"""Who is using this installation: the one place that answers it (one laptop, one
caseworker; the setting is written when the installation is created)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ungedesk.services import settings
from ungedesk.store.models import Caseworker


def current_caseworker(session: Session) -> Caseworker | None:
    """The current caseworker's row in the caller's transaction; None before a profile
    exists or when the setting names nobody (then the log says "UngeDesk")."""
    caseworker_id = settings.read(session, settings.CURRENT_CASEWORKER)
    return None if caseworker_id is None else session.get(Caseworker, caseworker_id)


def label(caseworker: Caseworker) -> str:
    """A caseworker as the audit log and the record name them: "Name (INITIALS)"."""
    return f"{caseworker.name} ({caseworker.initials})"
