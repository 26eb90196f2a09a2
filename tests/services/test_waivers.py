"""Waivers over a real store: waive, revoke, history, counted apart in the overview, audit
rows and Danish refusals that change nothing. The shipped rule file has no waivable rule
yet (the 1 July 2026 contact course is the lawdata part), so the tests add a local
standard of their own marked ``waivable = true``."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.rules import Status
from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, conversations, deadlines, visitation, waivers, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store

HENV = date(2026, 8, 3)  # a Monday
RULE = "kontakt-3-maaneder"
WAIVABLE = f"""
[[rule]]
id = "{RULE}"
description = "Jobsamtale senest 3 måneder efter henvendelsen (kontaktforløb)"
start_event = "henvendelse"
once = true
waivable = true
period = {{ months = 3 }}
meets = ["jobsamtale"]
target_groups = ["lab6_2"]
valid_from = 2026-07-01
source = "LAB § 31 (fra 1. juli 2026)"
"""


def register(store: Store, cpr: str, henvendelse: date = HENV) -> int:
    youth_id = youths.register(
        store,
        YouthInput(
            cpr=cpr,
            first_name="Sara",
            last_name="Nielsen",
            henvendelse_date=henvendelse,
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id
    visitation.save(
        store, youth_id, VisitationInput(visited_on=henvendelse, target_group="lab6_2"), today=TODAY
    )
    return youth_id


@pytest.fixture
def youth_id(store: Store) -> int:
    deadlines.add_local_rule(store, WAIVABLE)
    return register(store, "010203-4562")


def contact(store: Store, youth_id: int) -> deadlines.DeadlineView:
    return next(d for d in deadlines.for_youth(store, youth_id, TODAY) if d.rule_id == RULE)


def test_waive_makes_the_deadline_exempt_counted_apart_and_logged(
    store: Store, youth_id: int
) -> None:
    # 3 August + 3 months = 3 November, passed on 24 November; so is the first samtale
    # (3 August + 1 week = 10 August). The 4-in-6 and the offer are due 3 February 2027.
    before = deadlines.overview(store, TODAY)
    assert before.overdue_total == 2
    # Waivable: the local contact rule, and from 1 July 2026 the 4 jobsamtaler and the
    # offer within 6 months for a jobparat young person (lab6_2): 3 deadlines.
    assert (before.exempt_total, before.waivable_total) == (0, 3)
    assert contact(store, youth_id).status is Status.OVERDUE

    waiver_id = waivers.waive(
        store,
        youth_id,
        RULE,
        HENV,
        date(2026, 10, 20),
        "Konkret vurdering: i fuldtidsbehandling, samtaler udsat.",
        today=TODAY,
        decided_by="Leder Lise Holm (LH)",
    )
    view = contact(store, youth_id)
    assert view.status is Status.EXEMPT and view.due == date(2026, 11, 3)
    assert view.waiver is not None and view.waiver.id == waiver_id
    assert view.waiver.decided_on == date(2026, 10, 20)
    assert view.waiver.decided_by == "Leder Lise Holm (LH)"
    assert view.waiver.reason.startswith("Konkret vurdering")
    after = deadlines.overview(store, TODAY)
    assert after.overdue_total == 1
    assert [r.description for r in after.overdue] == [
        "Første jobsamtale senest 1 uge efter henvendelsen"
    ]
    assert (after.exempt_total, after.waivable_total) == (1, 3)
    assert after.exempt_share == pytest.approx(1 / 3)
    details = [e.detail for e in audit.events_for_youth(store, youth_id)]
    assert f"Frist fritaget: {RULE} (start 2026-08-03)" in details
    assert not any("fuldtidsbehandling" in d for d in details)  # the reason stays out
    assert audit.verify(store).ok


def test_revoke_keeps_the_history_and_the_deadline_counts_again(
    store: Store, youth_id: int
) -> None:
    first = waivers.waive(store, youth_id, RULE, HENV, date(2026, 10, 20), "Sygemeldt", today=TODAY)
    waivers.revoke(store, first, "Raskmeldt, samtaler genoptages.", today=TODAY)
    assert contact(store, youth_id).status is Status.OVERDUE
    assert deadlines.overview(store, TODAY).exempt_total == 0
    (history,) = waivers.for_youth(store, youth_id)
    assert not history.active and history.revoked_on == TODAY
    assert history.revoke_reason == "Raskmeldt, samtaler genoptages."
    # Entered by the signed-in caseworker; with no name given, they are the decider too.
    assert history.decided_by == history.recorded_by == "Anne Bjerregaard (ABJ)"
    assert history.revoked_by == "Anne Bjerregaard (ABJ)"
    assert history.description.startswith("Jobsamtale senest 3 måneder")
    # A new decision after a revocation: both are kept, newest first.
    second = waivers.waive(
        store, youth_id, RULE, HENV, date(2026, 11, 23), "Ny vurdering", today=TODAY
    )
    assert [w.id for w in waivers.for_youth(store, youth_id)] == [second, first]
    assert contact(store, youth_id).status is Status.EXEMPT
    details = [e.detail for e in audit.events_for_youth(store, youth_id)]
    assert f"Fritagelse tilbagekaldt: {RULE} (start 2026-08-03)" in details
    with pytest.raises(InputError) as info:
        waivers.revoke(store, first, "Igen", today=TODAY)
    assert info.value.fields == {"waiver": "Fritagelsen er allerede tilbagekaldt."}


@pytest.mark.parametrize(
    ("rule_id", "decided_on", "reason", "field", "message"),
    [
        (RULE, date(2026, 10, 20), "  ", "reason", "Skriv begrundelsen"),
        (RULE, date(2026, 11, 25), "Vurdering", "decided_on", "fremtiden"),
        (RULE, date(2026, 8, 2), "Vurdering", "decided_on", "før fristens start (3.8.2026)"),
        ("findes-ikke", date(2026, 10, 20), "Vurdering", "rule_id", "findes ikke"),
        (
            "lab-31-5-foerste-jobsamtale",
            date(2026, 10, 20),
            "Vurdering",
            "rule_id",
            "Loven giver ikke mulighed",
        ),
    ],
)
def test_bad_waivers_are_refused_in_danish_and_change_nothing(
    store: Store,
    youth_id: int,
    rule_id: str,
    decided_on: date,
    reason: str,
    field: str,
    message: str,
) -> None:
    events = len(audit.events_for_youth(store, youth_id))
    with pytest.raises(InputError) as info:
        waivers.waive(store, youth_id, rule_id, HENV, decided_on, reason, today=TODAY)
    assert message in info.value.fields[field]
    assert waivers.for_youth(store, youth_id) == []
    assert contact(store, youth_id).status is Status.OVERDUE
    assert len(audit.events_for_youth(store, youth_id)) == events


def test_a_met_deadline_or_an_exempt_one_cannot_be_waived(store: Store, youth_id: int) -> None:
    waivers.waive(store, youth_id, RULE, HENV, date(2026, 10, 20), "Vurdering", today=TODAY)
    with pytest.raises(InputError) as info:
        waivers.waive(store, youth_id, RULE, HENV, date(2026, 10, 21), "Igen", today=TODAY)
    assert info.value.fields == {"rule_id": "Den unge er allerede fritaget for fristen."}
    other = register(store, "020304-4561")
    conversations.book(
        store,
        other,
        ConversationInput(
            kind=ConversationKind.JOB,
            starts_at=datetime(2026, 9, 1, 10, 0),
            place="Kommunen",
            participants=("Sagsbehandler", "Den unge"),
        ),
        ConversationStatus.HELD,
    )
    assert contact(store, other).status is Status.MET
    with pytest.raises(InputError) as info:
        waivers.waive(store, other, RULE, HENV, date(2026, 10, 20), "Vurdering", today=TODAY)
    assert info.value.fields == {"rule_id": "Fristen er overholdt og kan ikke fritages."}
    with pytest.raises(InputError) as info:
        waivers.waive(
            store, other, RULE, date(2026, 8, 4), date(2026, 10, 20), "Vurdering", today=TODAY
        )
    assert info.value.fields == {"rule_id": "Den unge har ingen sådan frist."}
    with pytest.raises(InputError) as info:
        waivers.revoke(store, 999, "Vurdering", today=TODAY)
    assert "findes ikke" in info.value.fields["waiver"]


def test_the_share_is_of_the_waivable_deadlines_in_the_active_caseload(
    store: Store, youth_id: int
) -> None:
    others = [register(store, cpr) for cpr in ("020304-4561", "030405-4560", "040506-4569")]
    waivers.waive(store, youth_id, RULE, HENV, date(2026, 10, 20), "Vurdering", today=TODAY)
    overview = deadlines.overview(store, TODAY)
    # 4 young people with 3 waivable deadlines each (see above): 1 of 12.
    assert (overview.exempt_total, overview.waivable_total) == (1, 12)
    assert overview.exempt_share == pytest.approx(1 / 12)
    for other in others:
        waivers.waive(store, other, RULE, HENV, date(2026, 10, 20), "Vurdering", today=TODAY)
    assert deadlines.overview(store, TODAY).exempt_share == pytest.approx(4 / 12)  # over 25 %
    # Another caseworker's filter: none of these cases are theirs.
    mine = deadlines.overview(store, TODAY, caseworker_id=99)
    assert (mine.exempt_total, mine.waivable_total, mine.exempt_share) == (0, 0, None)
