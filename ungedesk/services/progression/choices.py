"""Which of the nine indicators apply to a young person, over time: choosing one opens a
period, dropping one closes it, and every period is kept with who did it."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from ungedesk.domain.errors import InputError
from ungedesk.domain.progression import INDICATOR_LABELS, Indicator
from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.services.progression.views import (
    ORDER,
    involves_special,
    labels,
    open_periods,
    who,
)
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import IndicatorChoice


def choose_indicators(
    store: Store, youth_id: int, indicators: Collection[Indicator], on: date
) -> None:
    """Make `indicators` the ones that apply from `on`: newly chosen ones open a period,
    dropped ones have their period closed, unchanged ones are left alone."""
    wanted = {Indicator(i) for i in indicators}
    if len(wanted) > len(Indicator):  # unreachable with the enum; kept as the stated rule
        raise InputError({"indicators": f"Vælg højst {len(Indicator)} indikatorer."})
    with store.session() as s:
        youth = require_youth(s, youth_id)
        if on < youth.henvendelse_date:
            raise InputError({"chosen_on": "Datoen kan ikke ligge før henvendelsesdatoen."})
        current = open_periods(s, youth_id)
        added = wanted - set(current)
        dropped = set(current) - wanted
        if not added and not dropped:
            return
        for indicator in dropped:
            if current[indicator].chosen_on > on:
                raise InputError(
                    {
                        "chosen_on": (
                            f"{INDICATOR_LABELS[indicator]} blev valgt "
                            f"{current[indicator].chosen_on:%d.%m.%Y} og kan ikke fravælges "
                            "før den dato."
                        )
                    }
                )
        by = who(s)
        for indicator in dropped:
            current[indicator].dropped_on = on
            current[indicator].dropped_by = by
        for indicator in sorted(added, key=ORDER.__getitem__):
            s.add(
                IndicatorChoice(
                    youth_id=youth_id,
                    indicator=indicator.value,
                    chosen_on=on,
                    chosen_by=by,
                    dropped_by="",
                )
            )
        s.flush()
        parts = []
        if added:
            parts.append("valgt " + labels(added))
        if dropped:
            parts.append("fravalgt " + labels(dropped))
        mark_changed(youth)
        audit.record(
            s,
            Action.UPDATE,
            youth_id=youth_id,
            subject=youth.case_number,
            special=involves_special(added | dropped),
            detail="Progression: indikatorer " + "; ".join(parts),
        )
