from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from tests.conftest import TODAY
from ungedesk.domain.youth import CaseStatus
from ungedesk.services import conversations, deadlines, demo, visitation
from ungedesk.store.database import Store
from ungedesk.store.models import DeadlineRow, Youth


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


# The rules a real caseload falls behind on: the jobsamtaler and the offer of the first six
# months, the pålæg's own frist, the first jobsamtale, the KUI contact and new activity.
REAL_LAPSES = {
    "lab-31-5-foerste-jobsamtale",
    "lab-31-3-fire-jobsamtaler",
    "lab-31-1-dagpenge-tre-jobsamtaler",
    "lab-31-fleksibel-dagpenge-to-jobsamtaler",
    "lab-102-tilbud",
    "lab-102-tilbud-uddannelsesparat-2026",
    "lab-30-paalaeg-frist",
    "kui-kontakt-5-arbejdsdage",
    "kui-ny-aktivitet-30-dage",
}
OFFER_RULES = {"lab-102-tilbud", "lab-102-tilbud-uddannelsesparat-2026"}


def active_deadlines(store: Store) -> list[tuple[int, str, object, object, bool, bool]]:
    with store.session() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(
                    DeadlineRow.youth_id,
                    DeadlineRow.rule_id,
                    DeadlineRow.due,
                    DeadlineRow.met_on,
                    DeadlineRow.met,
                    DeadlineRow.exempt,
                )
                .join(Youth, Youth.id == DeadlineRow.youth_id)
                .where(Youth.status == CaseStatus.ACTIVE.value)
            )
        ]


def test_demo_caseload_is_mostly_on_time(store: Store) -> None:
    demo.generate(store, 500, seed=11, today=TODAY)
    with store.session() as s:
        active = s.scalar(
            select(func.count()).select_from(Youth).where(Youth.status == CaseStatus.ACTIVE.value)
        )
    assert active is not None and active > 250
    rows = active_deadlines(store)
    overdue = [r for r in rows if not r[4] and not r[5] and r[2] < TODAY]
    people = {r[0] for r in overdue}
    # A few per cent of the active young people are behind, and each on one thing.
    assert 0.02 * active <= len(people) <= 0.06 * active, (len(people), active)
    assert len(overdue) == len(people)
    assert {r[1] for r in overdue} <= REAL_LAPSES
    # The pålæg is given at the first jobsamtale in every case (the old demo missed 1 in 5).
    assert "lab-30-3-uddannelsespaalaeg" not in {r[1] for r in overdue}

    # Offers are started where the law requires them: an offer deadline is overdue only as
    # a recent lapse (a late offer comes at most 175 days after its due date), so every
    # offer deadline due before 2 June 2026 (24 November 2026 - 175 days) has been met.
    offers = [r for r in rows if r[1] in OFFER_RULES]
    assert len(offers) > 30
    assert all(r[4] for r in offers if r[2] < date(2026, 6, 2))
    assert all(r[2] >= date(2026, 6, 2) for r in overdue if r[1] in OFFER_RULES)
    passed = [r for r in offers if r[2] < TODAY]
    on_time = [r for r in passed if r[4] and r[3] is not None and r[3] <= r[2]]
    late = [r for r in passed if r[4] and r[3] is not None and r[3] > r[2]]
    # Most on time, some late, as in real figures; the rest are still to come.
    assert len(on_time) >= 0.7 * len(passed)
    assert late

    # The Frister view has something coming up, not only history.
    view = deadlines.overview(store, TODAY, overdue_limit=10_000)
    assert view.overdue_total == len(overdue)
    assert len(view.this_week) + len(view.next_week) >= 3
