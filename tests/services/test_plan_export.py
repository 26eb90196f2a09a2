"""The plan export service: one transaction and one log row per caseworker action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Connection

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.plan import GoalType, PlanContent
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, plan, plan_export, youths
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.store.errors import StoreError

NOW = datetime(2026, 11, 24, 12, 0)


def register(store: Store) -> int:
    return youths.register(
        store,
        YouthInput(
            cpr="150605-4321",
            first_name="Łukasz",
            last_name="Nowak",
            henvendelse_date=date(2026, 11, 2),
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id


@contextmanager
def commits(store: Store) -> Iterator[list[int]]:
    """Counts the transactions committed on the store's engine while the block runs."""
    seen: list[int] = []

    def on_commit(_conn: Connection) -> None:
        seen.append(1)

    event.listen(store.engine, "commit", on_commit)
    try:
        yield seen
    finally:
        event.remove(store.engine, "commit", on_commit)


def rows_since(store: Store, youth_id: int, last_id: int) -> list[tuple[Action, str]]:
    return [
        (e.action, e.detail)
        for e in sorted(audit.events_for_youth(store, youth_id), key=lambda e: e.id)
        if e.id > last_id
    ]


def test_save_hand_out_and_pdf_of_an_edited_plan_is_two_transactions_and_three_rows(
    store: Store, tmp_path: Path
) -> None:
    youth_id = register(store)
    plan.save_plan(store, youth_id, PlanContent(programme="Tømrer"), today=TODAY, now=NOW)
    last_id = max(e.id for e in audit.events_for_youth(store, youth_id))
    edited = PlanContent(goal_type=GoalType.EUD, programme="Tømrer", own_wishes="Bygge huse.")

    with commits(store) as seen:
        handed = plan_export.hand_out(store, youth_id, edited, today=TODAY, now=NOW)
        out = plan_export.write_plan_pdf(
            store, youth_id, tmp_path / "plan.pdf", today=TODAY, now=NOW
        )

    assert len(seen) == 2
    assert out.exists()
    assert handed.number == 1
    # The draft comes back with the hand-out: nothing reads the plan again.
    assert [v.number for v in handed.draft.versions] == [1]
    assert handed.draft.content.own_wishes == "Bygge huse." and not handed.draft.changes
    assert rows_since(store, youth_id, last_id) == [
        (Action.UPDATE, "Uddannelsesplan gemt: Uddannelsesmål, Den unges egne ønsker"),
        (Action.UPDATE, "Plan udleveret (version 1)"),
        (Action.EXPORT, "Uddannelsesplan, version 1 som PDF"),
    ]


def test_a_refused_save_hands_nothing_out(store: Store) -> None:
    youth_id = register(store)
    last_id = max(e.id for e in audit.events_for_youth(store, youth_id))
    with pytest.raises(InputError) as caught:
        # Health text without the young person's consent is refused.
        plan_export.hand_out(
            store,
            youth_id,
            PlanContent(goal_type=GoalType.EUD, health="Astma."),
            today=TODAY,
            now=NOW,
        )
    assert "health" in caught.value.fields
    assert plan.get_plan(store, youth_id, now=NOW).versions == ()
    assert [a for a, _d in rows_since(store, youth_id, last_id)] == [Action.READ]


def test_hand_out_without_edits_writes_only_the_hand_out(store: Store) -> None:
    youth_id = register(store)
    plan.save_plan(store, youth_id, PlanContent(goal_type=GoalType.EUD), today=TODAY, now=NOW)
    last_id = max(e.id for e in audit.events_for_youth(store, youth_id))
    handed = plan_export.hand_out(store, youth_id, today=TODAY, now=NOW)
    assert handed.number == 1
    assert rows_since(store, youth_id, last_id) == [(Action.UPDATE, "Plan udleveret (version 1)")]


def test_the_shown_version_is_decided_once_for_pdf_name_and_print_log(
    store: Store, tmp_path: Path
) -> None:
    youth_id = register(store)
    # Before the first hand-out the PDF shows the draft.
    assert plan_export.preview(store, youth_id, today=TODAY, now=NOW).version is None
    plan_export.log_print(store, youth_id, now=NOW)
    for _ in range(2):
        plan_export.hand_out(
            store, youth_id, PlanContent(goal_type=GoalType.EUD), today=TODAY, now=NOW
        )
    draft = plan.get_plan(store, youth_id, now=NOW)
    assert plan_export.shown_version(draft.versions, None) == 2
    assert plan_export.shown_version(draft.versions, 1) == 1
    assert plan_export.preview(store, youth_id, today=TODAY, now=NOW).version == 2
    last_id = max(e.id for e in audit.events_for_youth(store, youth_id))
    plan_export.log_print(store, youth_id, now=NOW)
    plan_export.log_print(store, youth_id, version=1, now=NOW)
    assert rows_since(store, youth_id, last_id) == [
        (Action.PRINT, "Uddannelsesplan, version 2, udskrevet"),
        (Action.PRINT, "Uddannelsesplan, version 1, udskrevet"),
    ]
    printed = [e for e in audit.events_for_youth(store, youth_id) if e.action is Action.PRINT]
    assert printed[-1].detail == "Uddannelsesplan, kladde, udskrevet"


def test_an_unwritable_file_logs_no_export(store: Store, tmp_path: Path) -> None:
    youth_id = register(store)
    last_id = max(e.id for e in audit.events_for_youth(store, youth_id))
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    with pytest.raises(StoreError) as caught:
        plan_export.write_plan_pdf(store, youth_id, blocker / "plan.pdf", today=TODAY, now=NOW)
    assert "Traceback" not in caught.value.message
    assert rows_since(store, youth_id, last_id) == []
