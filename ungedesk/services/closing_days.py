"""The municipality's closing days: which of grundlovsdag, 24 and 31 December count as
closed in working-day deadlines ("5 hverdage"). Public holidays and weekends are always
closed. The choice is a setting; changing it recomputes every stored deadline."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from ungedesk.domain.calendar import ClosingDay
from ungedesk.services import audit, deadlines, rulesets
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.store.models import Setting


def closed_days(store: Store) -> frozenset[ClosingDay]:
    with store.session() as s:
        return deadlines.closing_calendar(s).closed


def set_closed_days(
    store: Store,
    days: Iterable[ClosingDay],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> bool:
    """Save the choice and, when it changed, recompute all deadlines (with progress) in
    the same transaction: a store with some cases on the old calendar and some on the new
    would be wrong without saying. Returns whether anything changed."""
    chosen = frozenset(days)
    with store.session() as s:
        if deadlines.closing_calendar(s).closed == chosen:
            return False
        value = json.dumps(sorted(d.value for d in chosen))
        row = s.get(Setting, deadlines.CLOSING_DAYS_SETTING)
        if row is None:
            s.add(Setting(key=deadlines.CLOSING_DAYS_SETTING, value=value))
        else:
            row.value = value
        names = ", ".join(d.label for d in ClosingDay if d in chosen) or "ingen"
        audit.record(s, Action.SETTING, detail=f"Lukkedage i fristberegningen: {names}")
        s.flush()  # the recompute reads the calendar from the setting just written
        rulesets.recompute_all(s, deadlines.rules(s), write=True, progress=progress)
    return True
