"""The name of the municipality's unit, for texts that leave the app (invitations, the plan).

From 1 February 2026 no municipality is required to have a jobcenter: the law speaks of
"kommunen", and each municipality names its own unit (lov nr. 1750 af 29. december 2025).
So no text in UngeDesk says "jobcentret"; it says the unit name a caseworker has set in the
profile (for the young person: their coordinating caseworker's unit, else the current
user's), and plainly "kommunen" when nobody has set one.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ungedesk.domain.youth import clean
from ungedesk.services.current_user import current_caseworker
from ungedesk.store.database import Store
from ungedesk.store.models import Caseworker, Youth

FALLBACK = "kommunen"


def _unit_of(session: Session, caseworker_id: int | None) -> str:
    if caseworker_id is None:
        return ""
    cw = session.get(Caseworker, caseworker_id)
    return clean(cw.unit) if cw is not None else ""


def _current_user_id(session: Session) -> int | None:
    cw = current_caseworker(session)
    return None if cw is None else cw.id


def unit_name_in(session: Session, *, youth_id: int | None = None) -> str:
    """The unit name inside the caller's transaction: the young person's coordinating
    caseworker's unit, else the current user's, else "kommunen"."""
    if youth_id is not None:
        youth = session.get(Youth, youth_id)
        if youth is not None:
            named = _unit_of(session, youth.caseworker_id)
            if named:
                return named
    return _unit_of(session, _current_user_id(session)) or FALLBACK


def unit_name(store: Store, *, youth_id: int | None = None) -> str:
    """unit_name_in in its own read-only transaction."""
    with store.session() as s:
        return unit_name_in(s, youth_id=youth_id)
