from __future__ import annotations

from sqlalchemy import select

from tests.conftest import TODAY
from ungedesk.services import conversations, deadlines, demo, visitation
from ungedesk.store.database import Store
from ungedesk.store.models import DeadlineRow


def stored(store: Store) -> list[tuple[int, str, object, object, bool, object, int]]:
    with store.session() as s:
        return sorted(
            (r.youth_id, r.rule_id, r.start, r.due, r.met, r.met_on, r.done)
            for r in s.scalars(select(DeadlineRow))
        )


def test_demo_cases_have_histories_and_consistent_deadlines(store: Store) -> None:
    demo.generate(store, 60, seed=7, today=TODAY)
    bulk = stored(store)
    assert bulk, "demo cases should have deadlines"
    deadlines.refresh_all(store)
    assert stored(store) == bulk  # the bulk loader and refresh agree exactly
    ids = sorted({row[0] for row in bulk})
    some = ids[0]
    assert visitation.get(store, some) is not None
    talks = [t for y in ids for t in conversations.for_youth(store, y)]
    assert len(talks) > 60 * 3
    overview = deadlines.overview(store, TODAY)
    assert sum(overview.counts) > 0


def test_overdue_is_counted_in_full_and_paged(store: Store) -> None:
    demo.generate(store, 80, seed=3, today=TODAY)
    full = deadlines.overview(store, TODAY, overdue_limit=10_000)
    first = deadlines.overview(store, TODAY, overdue_limit=5)
    assert first.overdue_total == full.overdue_total == len(full.overdue)
    assert first.overdue == full.overdue[:5]
    rest = deadlines.overdue_page(store, TODAY, 5, 10_000)
    assert first.overdue + rest == full.overdue
    assert all(r.due < TODAY for r in full.overdue)
    dues = [r.due for r in full.overdue]
    assert dues == sorted(dues, reverse=True)
