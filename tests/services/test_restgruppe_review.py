"""The coordination group's monthly review on real stores: repeaters and the unreachable
across months, the misplaced out of the count, figures worked out by hand, and a registered
young person's KUI deadlines started and met from the review."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.kui import Reached
from ungedesk.domain.restgruppe import ContactStatus, ContactWay, months_in_a_row
from ungedesk.domain.rules import Status
from ungedesk.domain.youth import YouthInput
from ungedesk.services import (
    audit,
    deadlines,
    restgruppe_import,
    restgruppe_review,
    visitation,
    youths,
)
from ungedesk.services.restgruppe_review import AttemptInput, ReviewInput
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store

SEP, OCT, NOV, DEC = (date(2026, m, 1) for m in (9, 10, 11, 12))
# Synthetic young people born 2009-2010.
A = "0101094123;Anna;Aalund"
B = "1502104567;Bo;Bech"
C = "3006104890;Cem;Celik"
D = "0707094111;Dina;Dahl"


def import_month(store: Store, month: date, *rows: str) -> None:
    data = ("CPR;Fornavn;Efternavn\n" + "\n".join(rows) + "\n").encode()
    restgruppe_import.apply(store, data, month)


def entry(store: Store, month: date, name: str) -> restgruppe_review.ReviewEntry:
    review = restgruppe_review.review(store, month)
    return next(e for e in review.entries if e.name.startswith(name))


def test_months_in_a_row_cross_the_new_year() -> None:
    listed = [date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 3, 1)]
    assert months_in_a_row(date(2026, 1, 1), listed) == 3
    assert months_in_a_row(date(2026, 3, 1), listed) == 1  # February broke the row
    assert months_in_a_row(date(2026, 2, 1), listed) == 0


def test_repeaters_misplaced_and_unreachable_counted_by_hand(store: Store) -> None:
    import_month(store, SEP, A, B)
    import_month(store, OCT, A, C)  # A twice in a row; B gone; C new
    import_month(store, NOV, A, B, C, D)  # A three months, C two, B back after a gap, D new
    # October: C was on the list by mistake (moved away): not a month on the list.
    c_oct = entry(store, OCT, "Cem")
    restgruppe_review.save(
        store, c_oct.id, ReviewInput(misplaced_reason="Fraflyttet kommunen"), today=TODAY
    )
    review = restgruppe_review.review(store, NOV)
    streaks = {e.name: e.streak for e in review.entries}
    assert streaks == {"Anna Aalund": 3, "Bo Bech": 1, "Cem Celik": 1, "Dina Dahl": 1}
    assert [e.name for e in review.entries if e.repeater] == ["Anna Aalund"]
    # November's meeting: Bo misplaced, Dina unreachable, Cem reached and back in school.
    bo, cem, dina = (entry(store, NOV, n) for n in ("Bo", "Cem", "Dina"))
    restgruppe_review.save(
        store, bo.id, ReviewInput(misplaced_reason="Går på efterskole"), today=TODAY
    )
    restgruppe_review.save(
        store, dina.id, ReviewInput(contact_status=ContactStatus.UNREACHABLE), today=TODAY
    )
    restgruppe_review.add_attempt(
        store,
        cem.id,
        AttemptInput(date(2026, 11, 5), ContactWay.PHONE, Reached.YOUTH),
        today=TODAY,
    )
    restgruppe_review.save(
        store,
        cem.id,
        ReviewInput(contact_status=ContactStatus.REACHED, back_in_education_on=date(2026, 11, 9)),
        today=TODAY,
    )
    figures = restgruppe_review.review(store, NOV).figures
    # 4 on the file, Bo misplaced: 3 counted; Anna repeats; Dina unreachable; Cem reached
    # and back in education.
    assert (
        figures.on_list,
        figures.misplaced,
        figures.repeaters,
        figures.unreachable,
        figures.reached,
        figures.back_in_education,
    ) == (3, 1, 1, 1, 1, 1)
    history = restgruppe_review.figures(store, DEC)
    assert [(f.month, f.on_list, f.misplaced, f.repeaters) for f in history] == [
        (SEP, 2, 0, 0),
        (OCT, 1, 1, 1),  # Anna repeats in October; Cem out of the count
        (NOV, 3, 1, 1),
    ]
    assert restgruppe_review.months(store) == [NOV, OCT, SEP]


def test_attempts_move_the_contact_status_and_keep_their_history(store: Store) -> None:
    import_month(store, NOV, A)
    anna = entry(store, NOV, "Anna")
    assert anna.contact_status is ContactStatus.NOT_TRIED
    tried = restgruppe_review.add_attempt(
        store,
        anna.id,
        AttemptInput(date(2026, 11, 3), ContactWay.SMS, note="Intet svar"),
        today=TODAY,
    )
    assert tried.contact_status is ContactStatus.TRIED
    reached = restgruppe_review.add_attempt(
        store,
        anna.id,
        AttemptInput(date(2026, 11, 6), ContactWay.HOME_VISIT, Reached.BOTH),
        today=TODAY,
    )
    assert reached.contact_status is ContactStatus.REACHED
    assert [(a.how, a.reached) for a in reached.attempts] == [
        (ContactWay.SMS, Reached.UNKNOWN),
        (ContactWay.HOME_VISIT, Reached.BOTH),
    ]


def test_a_registered_young_person_leaving_the_plan_starts_and_meets_kui_deadlines(
    store: Store,
) -> None:
    yid = youths.register(
        store,
        YouthInput("0101094123", "Anna", "Aalund", date(2026, 9, 1), caseworker_id=1),
        today=TODAY,
    ).youth_id
    visitation.save(store, yid, VisitationInput(date(2026, 9, 2), "kui"), today=TODAY)
    import_month(store, NOV, A, B)
    anna, bo = entry(store, NOV, "Anna"), entry(store, NOV, "Bo")
    assert anna.youth_id == yid and bo.youth_id is None
    with pytest.raises(InputError) as caught:
        restgruppe_review.record_left_plan(
            store, bo.id, date(2026, 11, 2), date(2026, 11, 2), today=TODAY
        )
    assert "Registrér den unge først" in caught.value.fields["entry"]
    # Left Friday 13 November, learned the same day: contact due Friday 20 November.
    restgruppe_review.record_left_plan(
        store, anna.id, date(2026, 11, 13), date(2026, 11, 13), today=TODAY
    )
    kui = next(d for d in deadlines.for_youth(store, yid, TODAY) if d.rule_id.startswith("kui-k"))
    assert (kui.start, kui.due) == (date(2026, 11, 13), date(2026, 11, 20))
    # The group reaches Anna and her mother on a home visit on the 18th: the deadline is met.
    restgruppe_review.add_attempt(
        store,
        anna.id,
        AttemptInput(date(2026, 11, 18), ContactWay.HOME_VISIT, Reached.BOTH),
        today=TODAY,
    )
    kui = next(d for d in deadlines.for_youth(store, yid, TODAY) if d.rule_id.startswith("kui-k"))
    assert (kui.status, kui.met_on) == (Status.MET, date(2026, 11, 18))
    assert any("Har forladt" in e.detail for e in audit.events_for_youth(store, yid))


def test_a_young_person_registered_after_the_import_is_linked_at_the_review(
    store: Store,
) -> None:
    import_month(store, NOV, A)
    assert entry(store, NOV, "Anna").youth_id is None
    yid = youths.register(
        store,
        YouthInput("0101094123", "Anna", "Aalund", date(2026, 11, 20), caseworker_id=1),
        today=TODAY,
    ).youth_id
    assert entry(store, NOV, "Anna").youth_id == yid


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (ReviewInput(next_step_on=date(2026, 12, 1)), "next_step"),
        (ReviewInput(sanction_reason="Udebliver fra alle aftaler"), "sanction_decided_by"),
        (ReviewInput(back_in_education_on=date(2099, 1, 1)), "back_in_education_on"),
        (ReviewInput(action_owner="x" * 121), "action_owner"),
    ],
)
def test_a_review_that_does_not_hold_together_is_refused(
    store: Store, data: ReviewInput, field: str
) -> None:
    import_month(store, NOV, A)
    anna = entry(store, NOV, "Anna")
    with pytest.raises(InputError) as caught:
        restgruppe_review.save(store, anna.id, data, today=TODAY)
    assert set(caught.value.fields) == {field}
    assert entry(store, NOV, "Anna").sanction_reason == ""


def test_a_sanction_recommendation_keeps_who_decided_and_its_reason_stays_out_of_the_log(
    store: Store,
) -> None:
    import_month(store, NOV, A)
    anna = entry(store, NOV, "Anna")
    saved = restgruppe_review.save(
        store,
        anna.id,
        ReviewInput(
            action_owner="UU-vejleder",
            next_step="Hjemmebesøg med SSP",
            next_step_on=date(2026, 12, 3),
            sanction_reason="Udebliver fra alle aftaler",
            sanction_decided_by="Koordinationsgruppen",
        ),
        today=TODAY,
    )
    assert saved.sanction_recommended and saved.sanction_decided_by == "Koordinationsgruppen"
    details = [e.detail for e in audit.recent_for_actor(store, 1, limit=5)]
    assert "Gennemgang ændret: sanktion anbefalet" in details
    assert not any("Udebliver" in d for d in details)


def test_no_list_for_the_month_is_a_danish_message(store: Store) -> None:
    with pytest.raises(InputError) as caught:
        restgruppe_review.review(store, DEC)
    assert caught.value.fields["month"] == "Der er ingen liste for december 2026."


def test_lists_older_than_the_retention_period_are_deleted_with_their_rows(
    store: Store,
) -> None:
    from sqlalchemy import func, select

    from ungedesk.services.restgruppe_retention import purge_old_lists
    from ungedesk.store.restgruppe_tables import RestgruppeAttempt, RestgruppeEntry

    import_month(store, date(2024, 10, 1), A, B)
    import_month(store, date(2024, 11, 1), A)
    import_month(store, NOV, A, C)
    old = entry(store, date(2024, 10, 1), "Bo")
    restgruppe_review.add_attempt(
        store, old.id, AttemptInput(date(2024, 10, 3), ContactWay.PHONE), today=TODAY
    )
    # 24 months back from 24 November 2026 is November 2024: October 2024 goes, November stays.
    assert purge_old_lists(store, today=TODAY) == 1
    assert restgruppe_review.months(store) == [NOV, date(2024, 11, 1)]
    with store.session() as s:
        cprs = set(s.scalars(select(RestgruppeEntry.cpr)))
        assert "1502104567" not in cprs  # Bo was only on the deleted list
        assert s.scalar(select(func.count()).select_from(RestgruppeAttempt)) == 0
    assert purge_old_lists(store, today=TODAY) == 0
    assert any(
        "1 lister ældre end 24 måneder" in e.detail for e in audit.recent_for_actor(store, 1)
    )


def test_the_action_owner_is_chosen_among_caseworkers_and_active_actors(store: Store) -> None:
    from ungedesk.domain.team import ActorInput, ActorKind, ActorRole
    from ungedesk.services import actors

    actors.add_actor(
        store,
        ActorInput(
            ActorKind.PERSON, "SSP-konsulenten", ActorRole.YOUTH_EFFORT, organisation="Ungeteamet"
        ),
    )
    choices = restgruppe_review.owner_choices(store)
    assert choices[0] == "Anne Bjerregaard"
    assert "SSP-konsulenten (Ungeteamet)" in choices
