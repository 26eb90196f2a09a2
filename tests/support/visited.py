"""A young person registered and visited into a target group: the figures tests' start."""

from __future__ import annotations

from datetime import date

from tests.conftest import TODAY
from ungedesk.domain.youth import YouthInput
from ungedesk.services import visitation, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store


def case(store: Store, cpr: str, opened: date, group: str) -> int:
    """Register ``cpr`` with its henvendelse on ``opened`` (caseworker 1), visited into
    ``group`` the same day; returns the young person's id."""
    yid = youths.register(
        store, YouthInput(cpr, "Ung", "Person", opened, caseworker_id=1), today=TODAY
    ).youth_id
    visitation.save(store, yid, VisitationInput(opened, group), today=TODAY)
    return yid
