"""The municipality's closing days: which of grundlovsdag, 24 and 31 December count as
closed in working-day deadlines ("5 hverdage"). Public holidays and weekends are always
closed. The choice is a setting; changing it recomputes every stored deadline."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session

from ungedesk.domain.calendar import ClosingDay
from ungedesk.services import audit, deadlines, rulesets, settings
from ungedesk.services.audit import Action
from ungedesk.store.database import Store


def closed_days(store: Store) -> frozenset[ClosingDay]:
    with store.session() as s:
        return closed_days_in(s)


def closed_days_in(session: Session) -> frozenset[ClosingDay]:
    return deadlines.closing_calendar(session).closed


def set_closed_days(
    store: Store,
    days: Iterable[ClosingDay],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> bool:
    """Save the choice and, when it changed, recompute all deadlines (with progress) in
    the same transaction: a store with some cases on the old calendar and some on the new
    would be wrong without saying. Returns whether anything changed."""
    with store.session() as s:
        return write_closed_days(s, days, progress=progress)


def write_closed_days(
    session: Session,
    days: Iterable[ClosingDay],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> bool:
    """``set_closed_days`` inside the caller's transaction."""
    chosen = frozenset(days)
    if deadlines.closing_calendar(session).closed == chosen:
        return False
    settings.write(session, settings.CLOSING_DAYS, tuple(d.value for d in chosen))
    names = ", ".join(d.label for d in ClosingDay if d in chosen) or "ingen"
    audit.record(session, Action.SETTING, detail=f"Lukkedage i fristberegningen: {names}")
    session.flush()  # the recompute reads the calendar from the setting just written
    rulesets.recompute_all(session, deadlines.rules(session), write=True, progress=progress)
    return True
