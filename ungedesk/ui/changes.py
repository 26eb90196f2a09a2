"""One signal after every successful change, so open views refresh themselves.

An operation that changed the store says what changed (which young person, which aspect)
and who caused it; the register, the deadlines overview and every open record subscribe
to ``bus().changed`` instead of being wired to each other by hand. A view skips a change it
caused itself when it already shows the result (``change.origin is self``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class Aspect(StrEnum):
    """What a change touched; a view refreshes only for aspects it shows."""

    YOUTH = "youth"  # the register fields: name, CPR, caseworker, closed/open
    VISITATION = "visitation"  # target group, injunction, case events
    CONVERSATIONS = "conversations"
    DEADLINES = "deadlines"  # computed deadlines and waivers
    PROGRESSION = "progression"
    PLAN = "plan"
    TEAM = "team"  # a young person's team, the actors, caseworkers' contact details
    SETTINGS = "settings"  # settings, unit name, closing days, descriptors, local rules
    RULES = "rules"  # the rule set in force (every deadline may move)
    CATALOGUE = "catalogue"  # the offers catalogue (tilbudsvifte)
    RESTGRUPPE = "restgruppe"  # the coordination group's monthly lists and their review
    STORE = "store"  # the whole store was replaced or many cases imported


@dataclass(frozen=True, slots=True)
class Change:
    """``youth_id`` None: the change is not about one young person (or about many)."""

    aspects: frozenset[Aspect]
    youth_id: int | None = None
    origin: QObject | None = None

    @classmethod
    def of(cls, *aspects: Aspect, youth_id: int | None = None) -> Change:
        return cls(frozenset(aspects), youth_id)

    def touches(self, *aspects: Aspect) -> bool:
        return Aspect.STORE in self.aspects or bool(self.aspects.intersection(aspects))

    def about(self, youth_id: int) -> bool:
        """True when a view of ``youth_id`` may show something this change altered."""
        return self.youth_id is None or self.youth_id == youth_id


class ChangeBus(QObject):
    changed = Signal(object)  # Change


_bus: ChangeBus | None = None


def bus() -> ChangeBus:
    """The application's change bus (created on first use, on the GUI thread)."""
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus


def reset() -> None:
    """Drop the bus and its subscribers (the application is shutting down, or a test ends)."""
    global _bus
    if _bus is not None:
        _bus.deleteLater()
    _bus = None
