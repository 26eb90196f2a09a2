"""Visitation, conversations and deadlines over a real store."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.kui import Reached
from ungedesk.domain.rules import Status
from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import ExitReason, YouthInput
from ungedesk.services import access, audit, conversations, deadlines, retention, visitation, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store

HENV = date(2026, 11, 2)


@pytest.fixture
def youth_id(store: Store) -> int:
    return youths.register(
        store,
        YouthInput(
            cpr="010203-4562",
            first_name="Sara",
            last_name="Nielsen",
            henvendelse_date=HENV,
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id


def talk(when: datetime, kind: ConversationKind = ConversationKind.JOB) -> ConversationInput:
    return ConversationInput(
        kind=kind,
        starts_at=when,
        place="Jobcentret, lokale 2",
        participants=("Sagsbehandler", "UU-vejleder", "Den unge"),
    )


def rule(items: list[deadlines.DeadlineView], rule_id: str) -> deadlines.DeadlineView:
    return next(d for d in items if d.rule_id == rule_id)


def test_no_target_group_only_the_provisional_first_samtale(store: Store, youth_id: int) -> None:
    # Before visitation the first-samtale deadline applies provisionally: 2 November + 1 week.
    items = deadlines.for_youth(store, youth_id, TODAY)
    assert [(d.rule_id, d.due, d.status, d.provisional) for d in items] == [
        ("lab-31-5-foerste-jobsamtale", date(2026, 11, 9), Status.OVERDUE, True)
    ]


def test_visitation_opens_deadlines_and_a_held_conversation_meets_one(
    store: Store, youth_id: int
) -> None:
    visitation.save(
        store,
        youth_id,
        VisitationInput(visited_on=HENV, target_group="lab6_4", uu_present=True),
        today=TODAY,
    )
    items = deadlines.for_youth(store, youth_id, TODAY)
    first = rule(items, "lab-31-5-foerste-jobsamtale")
    assert first.due == date(2026, 11, 9) and first.status is Status.OVERDUE
    assert first.source == "LAB § 31, stk. 5 (jf. LBK nr. 280 af 1. marts 2024)"
    cid = conversations.book(store, youth_id, talk(datetime(2026, 11, 6, 10, 0)))
    assert (
        rule(deadlines.for_youth(store, youth_id, TODAY), "lab-31-5-foerste-jobsamtale").status
        is Status.OVERDUE
    )
    conversations.set_status(store, cid, ConversationStatus.HELD, notes="God samtale.")
    items = deadlines.for_youth(store, youth_id, TODAY)
    assert rule(items, "lab-31-5-foerste-jobsamtale").status is Status.MET
    paalaeg = rule(items, "lab-30-3-uddannelsespaalaeg")
    assert paalaeg.due == date(2026, 11, 6) and paalaeg.status is Status.OVERDUE
    four = rule(items, "lab-31-3-fire-jobsamtaler")
    assert (four.done, four.needed, four.status) == (1, 4, Status.OPEN)
    assert [c.status for c in conversations.for_youth(store, youth_id)] == [ConversationStatus.HELD]
    assert audit.verify(store).ok


def test_paalaeg_given_meets_its_deadline_and_is_refused_from_2027(
    store: Store, youth_id: int
) -> None:
    visitation.save(
        store,
        youth_id,
        VisitationInput(
            visited_on=date(2026, 11, 6),
            target_group="lab6_4",
            paalaeg_given_on=date(2026, 11, 6),
            paalaeg_education="EUD, tømrer",
            paalaeg_deadline=date(2026, 12, 11),
        ),
        today=TODAY,
    )
    conversations.book(store, youth_id, talk(datetime(2026, 11, 6, 9, 0)), ConversationStatus.HELD)
    assert (
        rule(deadlines.for_youth(store, youth_id, TODAY), "lab-30-3-uddannelsespaalaeg").status
        is Status.MET
    )
    with pytest.raises(InputError) as info:
        visitation.save(
            store,
            youth_id,
            VisitationInput(
                visited_on=date(2026, 11, 6),
                target_group="lab6_4",
                paalaeg_given_on=date(2027, 1, 4),
                paalaeg_education="EUD",
            ),
            today=date(2027, 1, 5),
        )
    assert "afskaffet" in info.value.fields["paalaeg_given_on"]


def test_target_group_change_keeps_history(store: Store, youth_id: int) -> None:
    visitation.save(
        store, youth_id, VisitationInput(visited_on=HENV, target_group="lab6_4"), today=TODAY
    )
    with pytest.raises(InputError) as info:
        visitation.change_target_group(store, youth_id, "lab6_5", HENV, "", today=TODAY)
    assert {"since", "reason"} <= set(info.value.fields)
    visitation.change_target_group(
        store, youth_id, "lab6_5", date(2026, 11, 20), "Helbredsforhold afklaret", today=TODAY
    )
    view = visitation.get(store, youth_id)
    assert view is not None
    assert [g.code for g in view.groups] == ["lab6_4", "lab6_5"]
    assert view.groups[1].reason == "Helbredsforhold afklaret"
    assert "LAB § 6, nr. 5" in view.groups[1].label


def test_invalid_visitation_and_conversation_give_field_errors(store: Store, youth_id: int) -> None:
    with pytest.raises(InputError) as info:
        visitation.save(
            store,
            youth_id,
            VisitationInput(visited_on=date(2026, 10, 1), target_group="lab2_12"),
            today=TODAY,
        )
    assert set(info.value.fields) == {"visited_on", "target_group"}
    with pytest.raises(InputError) as info:
        conversations.book(
            store,
            youth_id,
            ConversationInput(
                kind=ConversationKind.FIRST, starts_at=datetime(2026, 10, 1, 9), duration_minutes=2
            ),
        )
    assert set(info.value.fields) == {"starts_at", "duration_minutes"}
    assert conversations.for_youth(store, youth_id) == []


def test_kui_events_and_overview_buckets(store: Store) -> None:
    teen = youths.register(
        store,
        YouthInput(
            cpr="010610-4562",
            first_name="Ali",
            last_name="Hassan",
            henvendelse_date=date(2026, 9, 1),
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id
    visitation.save(
        store, teen, VisitationInput(visited_on=date(2026, 9, 1), target_group="kui"), today=TODAY
    )
    visitation.record_event(store, teen, "left_plan", date(2026, 11, 16), today=TODAY)
    overview = deadlines.overview(store, TODAY)
    contact = [
        r
        for r in overview.overdue + overview.this_week + overview.next_week
        if "Kontakt" in r.description
    ]
    assert contact and contact[0].due == date(2026, 11, 23) and contact[0] in overview.overdue
    activity = [
        r
        for r in overview.this_week + overview.next_week + overview.overdue
        if "Ny aktivitet" in r.description
    ]
    assert not activity  # due 16 December: beyond next week
    visitation.record_event(
        store, teen, "contact", date(2026, 11, 20), today=TODAY, reached=Reached.BOTH
    )
    after = deadlines.overview(store, TODAY)
    assert not [r for r in after.overdue if "Kontakt" in r.description]
    assert deadlines.overview(store, TODAY, caseworker_id=999).counts == (0, 0, 0)
    retention.close_case(store, teen, ExitReason.EDUCATION, TODAY, today=TODAY)
    assert deadlines.overview(store, TODAY).counts == (0, 0, 0)  # closed cases drop out


def test_local_standard_tightens_and_is_shown(store: Store, youth_id: int) -> None:
    visitation.save(
        store, youth_id, VisitationInput(visited_on=HENV, target_group="lab6_3"), today=TODAY
    )
    with pytest.raises(InputError):
        deadlines.add_local_rule(store, "not toml = =")
    deadlines.add_local_rule(
        store,
        """
        [[rule]]
        id = "lokal-samtale-hver-2-maaned"
        description = "Samtale mindst hver 2. måned for aktivitetsparate unge"
        start_event = "henvendelse"
        period = { months = 2 }
        meets = ["jobsamtale"]
        target_groups = ["lab6_3", "lab6_5"]
        valid_from = 2020-01-01
        source = "Kvalitetsstandard, Demo Kommune"
        tightens = "lab-31-3-fire-jobsamtaler"
        """,
    )
    items = deadlines.for_youth(store, youth_id, TODAY)
    local = rule(items, "lokal-samtale-hver-2-maaned")
    assert local.local and local.due == date(2027, 1, 2)
    legal = rule(items, "lab-31-3-fire-jobsamtaler")
    assert legal.tightened_by == ("Samtale mindst hver 2. måned for aktivitetsparate unge",)
    deadlines.remove_local_rule(store, "lokal-samtale-hver-2-maaned")
    assert not [d for d in deadlines.for_youth(store, youth_id, TODAY) if d.local]


def test_new_tables_are_in_the_access_export_and_deleted_with_the_person(
    store: Store, youth_id: int
) -> None:
    visitation.save(
        store, youth_id, VisitationInput(visited_on=HENV, target_group="lab6_4"), today=TODAY
    )
    conversations.book(store, youth_id, talk(datetime(2026, 11, 6, 10)), ConversationStatus.HELD)
    data = access.collect(store, youth_id)
    for table in ("visitation", "target_group_entry", "conversation", "deadline"):
        assert data[table], table
    retention.close_case(store, youth_id, ExitReason.JOB, date(2026, 11, 20), today=TODAY)
    later = date(2032, 1, 1)
    retention.delete_expired(store, [youth_id], today=later)
    assert all(
        not rows for t, rows in access.collect(store, youth_id).items() if t != "audit_event"
    )


def test_first_target_group_counts_from_the_henvendelse(store: Store, youth_id: int) -> None:
    # Visitation four days after the henvendelse: the first-jobsamtale deadline still runs
    # from the henvendelse, under the group the visitation found.
    visitation.save(
        store,
        youth_id,
        VisitationInput(visited_on=date(2026, 11, 6), target_group="lab6_2"),
        today=TODAY,
    )
    ids = {d.rule_id for d in deadlines.for_youth(store, youth_id, TODAY)}
    assert {"lab-31-5-foerste-jobsamtale", "lab-31-3-fire-jobsamtaler"} <= ids


@pytest.mark.parametrize("day", [date(2026, 11, 24), date(2026, 11, 29), date(2027, 1, 4)])
def test_the_counts_alone_agree_with_the_overview(store: Store, day: date) -> None:
    """The Deadlines tab's title at start comes from the counts without the rows: the same
    three numbers the whole overview gives, for everyone and for one caseworker."""
    from ungedesk.services import demo

    demo.generate(store, 60, seed=21, today=date(2026, 11, 24), talks_per_case=1)
    whole = deadlines.overview(store, day)
    assert sum(whole.counts) > 0  # the case reaches rows in every bucket's query
    assert deadlines.counts(store, day) == whole.counts
    mine = deadlines.overview(store, day, caseworker_id=1).counts
    assert deadlines.counts(store, day, caseworker_id=1) == mine
