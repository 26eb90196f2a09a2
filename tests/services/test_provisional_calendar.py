"""Over a real store: the provisional first-samtale deadline before visitation, and the
municipality's closing days moving a working-day deadline across Christmas."""

from __future__ import annotations

from datetime import date

from tests.conftest import TODAY
from ungedesk.domain.calendar import ClosedDay, ClosingDay
from ungedesk.domain.kui import Reached
from ungedesk.domain.rules import Status
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, closing_days, deadlines, visitation, youths
from ungedesk.services.settings import CLOSING_DAYS, get_setting
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store

FIRST = "lab-31-5-foerste-jobsamtale"
KUI = "kui-kontakt-5-arbejdsdage"


def register(store: Store, cpr: str, henvendelse: date, today: date = TODAY) -> int:
    return youths.register(
        store,
        YouthInput(
            cpr=cpr,
            first_name="Ali",
            last_name="Hansen",
            henvendelse_date=henvendelse,
            caseworker_id=1,
        ),
        today=today,
    ).youth_id


def test_first_samtale_is_provisional_before_visitation_then_final(store: Store) -> None:
    youth_id = register(store, "010203-4562", date(2026, 11, 10))  # a Tuesday
    (only,) = deadlines.for_youth(store, youth_id, TODAY)
    # 10 November + 1 week = 17 November: passed on 24 November, and counted as overdue.
    assert (only.rule_id, only.due, only.status, only.provisional) == (
        FIRST,
        date(2026, 11, 17),
        Status.OVERDUE,
        True,
    )
    overview = deadlines.overview(store, TODAY)
    assert overview.overdue_total == 1
    assert [(r.due, r.provisional) for r in overview.overdue] == [(date(2026, 11, 17), True)]
    visitation.save(
        store,
        youth_id,
        VisitationInput(visited_on=date(2026, 11, 20), target_group="lab6_4"),
        today=TODAY,
    )
    final = next(d for d in deadlines.for_youth(store, youth_id, TODAY) if d.rule_id == FIRST)
    assert (final.due, final.provisional) == (date(2026, 11, 17), False)
    assert not any(r.provisional for r in deadlines.overview(store, TODAY).overdue)


def test_provisional_deadline_disappears_for_a_group_it_does_not_cover(store: Store) -> None:
    youth_id = register(store, "010203-4562", date(2026, 11, 10))
    assert deadlines.overview(store, TODAY).overdue_total == 1
    # Dagpenge (LAB § 6 nr. 1): the first-samtale rule is not theirs.
    visitation.save(
        store,
        youth_id,
        VisitationInput(visited_on=date(2026, 11, 20), target_group="lab6_1"),
        today=TODAY,
    )
    items = deadlines.for_youth(store, youth_id, TODAY)
    assert FIRST not in {d.rule_id for d in items}
    assert not any(d.provisional for d in items)
    assert deadlines.overview(store, TODAY).overdue_total == 0


def test_a_corrected_henvendelse_date_moves_the_provisional_deadline(store: Store) -> None:
    youth_id = register(store, "010203-4562", date(2026, 11, 10))
    record = youths.get(store, youth_id)
    assert record is not None
    youths.update(
        store,
        youth_id,
        YouthInput(
            cpr="",
            first_name="Ali",
            last_name="Hansen",
            henvendelse_date=date(2026, 11, 12),
            caseworker_id=1,
        ),
        today=TODAY,
    )
    (only,) = deadlines.for_youth(store, youth_id, TODAY)
    assert only.due == date(2026, 11, 19)  # 12 November + 1 week


def test_closing_days_choice_moves_five_working_days_across_christmas(store: Store) -> None:
    today = date(2026, 12, 23)
    teen = register(store, "150610-4234", date(2026, 12, 1), today)  # 16 years old
    visitation.save(
        store,
        teen,
        VisitationInput(visited_on=date(2026, 12, 1), target_group="kui"),
        today=today,
    )
    visitation.record_event(store, teen, "left_plan", date(2026, 12, 22), today=today)

    def kui() -> deadlines.DeadlineView:
        return next(d for d in deadlines.for_youth(store, teen, today) if d.rule_id == KUI)

    # Default, all three closed. From Tuesday 22 December: 23 (1); 24 closed, 25-26 holidays,
    # 27 Sunday; 28 (2), 29 (3), 30 (4); 31 closed, 1 Jan holiday, 2-3 weekend; 4 Jan (5).
    assert closing_days.closed_days(store) == frozenset(ClosingDay)
    first = kui()
    assert first.due == date(2027, 1, 4) and first.working_days
    assert first.skipped == (
        ClosedDay(date(2026, 12, 24), "Juleaftensdag", closing=True),
        ClosedDay(date(2026, 12, 25), "Juledag"),
        ClosedDay(date(2026, 12, 31), "Nytårsaftensdag", closing=True),
        ClosedDay(date(2027, 1, 1), "Nytårsdag"),
    )
    steps: list[tuple[int, int]] = []
    # Open on 24 December, closed on 31 December: 23 (1), 24 (2), 28 (3), 29 (4), 30 (5).
    assert closing_days.set_closed_days(
        store,
        {ClosingDay.NYTAARSAFTEN, ClosingDay.GRUNDLOVSDAG},
        progress=lambda d, t: steps.append((d, t)),
    )
    assert kui().due == date(2026, 12, 30)
    assert steps and steps[-1] == (1, 1)
    # Closed on 24 December only: 23 (1), 28 (2), 29 (3), 30 (4), 31 (5).
    closing_days.set_closed_days(store, {ClosingDay.JULEAFTEN})
    second = kui()
    assert second.due == date(2026, 12, 31) and second.due_closed is None
    assert get_setting(store, CLOSING_DAYS) == ("juleaftensdag",)
    assert not closing_days.set_closed_days(store, {ClosingDay.JULEAFTEN})  # no change
    settings = [e for e in audit.recent_for_actor(store, 1) if e.action is audit.Action.SETTING]
    assert [e.detail for e in settings][:2] == [
        "Lukkedage i fristberegningen: Juleaftensdag",
        "Lukkedage i fristberegningen: Grundlovsdag, Nytårsaftensdag",
    ]


def test_a_due_day_on_a_kept_closing_day_is_flagged_and_not_when_open(store: Store) -> None:
    today = date(2026, 12, 23)
    teen = register(store, "150610-4234", date(2026, 12, 1), today)
    visitation.save(
        store,
        teen,
        VisitationInput(visited_on=date(2026, 12, 1), target_group="kui"),
        today=today,
    )
    # The new activity is due 30 calendar days after contact was made: contact on
    # 1 December gives 31 December (never moved, only flagged).
    visitation.record_event(store, teen, "left_plan", date(2026, 11, 30), today=today)
    visitation.record_event(
        store, teen, "contact", date(2026, 12, 1), today=today, reached=Reached.BOTH
    )
    activity = next(
        d
        for d in deadlines.for_youth(store, teen, today)
        if d.rule_id == "kui-ny-aktivitet-30-dage"
    )
    assert activity.due == date(2026, 12, 31) and activity.due_closed == "Nytårsaftensdag"
    closing_days.set_closed_days(store, set())
    activity = next(
        d
        for d in deadlines.for_youth(store, teen, today)
        if d.rule_id == "kui-ny-aktivitet-30-dage"
    )
    assert activity.due == date(2026, 12, 31) and activity.due_closed is None
