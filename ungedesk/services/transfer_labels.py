"""Short Danish descriptions of a case row for the "what would be lost" list of a transfer.

Only coded values (shown as the Danish words the caseworker picked) and dates: never free
text, a name or a CPR, so the list may appear in an error message.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from ungedesk.domain.plan import (
    APPLICATION_LABELS,
    CONTACT_ROLE_LABELS,
    OWNER_LABELS,
    SUBGOAL_STATUS_LABELS,
)
from ungedesk.domain.progression import INDICATOR_LABELS
from ungedesk.domain.visitation import CONVERSATION_LABELS
from ungedesk.domain.visitation import STATUS_LABELS as CONVERSATION_STATUS_LABELS
from ungedesk.services import target_groups
from ungedesk.services.visitation import EVENT_KINDS

_INDICATORS = {k.value: v for k, v in INDICATOR_LABELS.items()}
# (table, column) -> code -> Danish label; the row's summary is its coded columns' labels.
_LABELS: dict[str, list[tuple[str, Mapping[str, str]]]] = {
    "conversation": [
        ("kind", {k.value: v for k, v in CONVERSATION_LABELS.items()}),
        ("status", {k.value: v for k, v in CONVERSATION_STATUS_LABELS.items()}),
    ],
    "case_event": [("kind", EVENT_KINDS)],
    "indicator_choice": [("indicator", _INDICATORS)],
    "measurement_score": [("indicator", _INDICATORS)],
    "plan_subgoal": [
        ("owner", {k.value: v for k, v in OWNER_LABELS.items()}),
        ("status", {k.value: v for k, v in SUBGOAL_STATUS_LABELS.items()}),
    ],
    "plan_application": [("kind", {k.value: v for k, v in APPLICATION_LABELS.items()})],
    "plan_contact": [("role", {k.value: v for k, v in CONTACT_ROLE_LABELS.items()})],
}
# The date that says when an entry is about, per table, before any bookkeeping time.
_DATE_COLUMNS: dict[str, str] = {
    "visitation": "visited_on",
    "target_group_entry": "valid_from",
    "conversation": "starts_at",
    "case_event": "on",
    "indicator_choice": "chosen_on",
    "measurement": "measured_on",
    "measurement_correction": "corrected_at",
    "conversation_correction": "corrected_at",
    "plan_subgoal": "due",
    "plan_intervention": "starts_on",
    "plan_application": "on",
    "consent": "given_on",
    "plan_version": "handed_out_on",
}
_FALLBACK: dict[str, str] = {
    "visitation": "visitationen",
    "measurement": "en måling",
    "measurement_correction": "en rettelse af en måling",
    "conversation_correction": "en rettelse af en samtale",
    "plan": "planens kladde",
    "plan_intervention": "en indsats",
    "consent": "et samtykke",
}


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def row_summary(table: str, row: Mapping[str, Any]) -> tuple[date | None, str]:
    """(the entry's date, a short Danish summary) for a row of ``table``."""
    on = _day(row.get(_DATE_COLUMNS.get(table, ""))) or _day(
        row.get("updated_at") or row.get("created_at")
    )
    if table == "target_group_entry":
        # The label of the day the group was given: old cases keep their old labels.
        given = _day(row.get("valid_from")) or on
        return on, target_groups.label(str(row.get("target_group", "")), given)
    if table == "plan_version":
        return on, f"version {row.get('number')}"
    parts = [labels.get(str(row.get(column)), "") for column, labels in _LABELS.get(table, [])]
    text = ", ".join(p for p in parts if p)
    return on, text or _FALLBACK.get(table, "en post")
