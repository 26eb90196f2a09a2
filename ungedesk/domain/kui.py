"""KUI (15-17-year-olds): the contact after a young person has left their plan.

When a 15-17-year-old does not follow their education plan, the municipality must contact
the young person and the parents (forældremyndighedens indehaver) at the latest 5 working
days after the municipality has learned of it, and offer a new activity within 30 days
(lov om kommunal indsats for unge under 25 år, § 2 a, stk. 3, on involving the parents;
bekendtgørelse nr. 1014 af 4. oktober 2019 om pligt til uddannelse, beskæftigelse eller
anden aktivitet, "pligtbekendtgørelsen"). So:

- the clock starts the day the municipality learned that the young person left the plan,
  not the day they left (a school may report a drop-out days later);
- the contact deadline is met on the day both the young person and a parent have been
  reached, counted per time the young person left the plan: reaching only one of them does
  not meet it, and contacts made before the municipality learned of this departure belong
  to the earlier one.

A contact recorded before UngeDesk asked who was reached (``Reached.UNKNOWN``) met the
deadline when it was recorded; it still does, so old cases do not turn overdue on an
upgrade.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum


class Reached(StrEnum):
    """Who was reached by a KUI contact."""

    UNKNOWN = ""  # recorded before the app asked (see the module docstring)
    YOUTH = "youth"
    PARENTS = "parents"
    BOTH = "both"


REACHED_LABELS: dict[Reached, str] = {
    Reached.UNKNOWN: "Ikke registreret",
    Reached.YOUTH: "Den unge",
    Reached.PARENTS: "Forældremyndighedens indehaver",
    Reached.BOTH: "Den unge og forældremyndighedens indehaver",
}


def _covers(reached: Reached) -> tuple[bool, bool]:
    """(the young person reached, a parent reached)."""
    if reached is Reached.YOUTH:
        return True, False
    if reached is Reached.PARENTS:
        return False, True
    return True, True  # BOTH, and UNKNOWN (see the module docstring)


def contact_met_days(
    learned: Iterable[date], contacts: Iterable[tuple[date, Reached]]
) -> list[date]:
    """The days a KUI contact was complete: for each time the municipality learned that the
    young person left the plan, the first day on which the young person and a parent had
    both been reached since then (and before the next time), oldest first.

    A contact on the day the municipality learned counts (the law's "at the latest 5 working
    days after" includes a call made the same day)."""
    starts: Sequence[date] = sorted(set(learned))
    if not starts:
        return []
    youth: list[bool] = [False] * len(starts)
    parent: list[bool] = [False] * len(starts)
    done: list[date | None] = [None] * len(starts)
    for on, reached in sorted(contacts, key=lambda c: c[0]):
        episode = bisect_right(starts, on) - 1
        if episode < 0 or done[episode] is not None:
            continue  # before any departure was known, or that one is already complete
        got_youth, got_parent = _covers(reached)
        youth[episode] = youth[episode] or got_youth
        parent[episode] = parent[episode] or got_parent
        if youth[episode] and parent[episode]:
            done[episode] = on
    return [d for d in done if d is not None]
