"""Correcting registered conversations, who held a conversation (what counts as a
jobsamtale), and the KUI contact after a young person left the plan, on real stores.

Every expected date is counted by hand in the comment beside it."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.kui import Reached
from ungedesk.domain.rules import Status
from ungedesk.domain.visitation import (
    ConversationInput,
    ConversationKind,
    ConversationStatus,
    HeldBy,
)
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, conversations, deadlines, visitation, youths
from ungedesk.services.conversations import HELD_IN_FUTURE, CorrectionInput
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store
from ungedesk.store.models import ConversationCorrection

HENV = date(2026, 11, 2)  # a Monday
FIRST = "lab-31-5-foerste-jobsamtale"  # due one week after the henvendelse: 9 November
CPR = "010203-4562"


@pytest.fixture
def youth_id(store: Store) -> int:
    yid = youths.register(
        store,
        YouthInput(
            cpr=CPR,
            first_name="Sara",
            last_name="Nielsen",
            henvendelse_date=HENV,
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id
    visitation.save(
        store, yid, VisitationInput(visited_on=HENV, target_group="lab6_4"), today=TODAY
    )
    return yid


def talk(
    when: datetime, kind: ConversationKind = ConversationKind.JOB, held_by: HeldBy | None = None
) -> ConversationInput:
    return ConversationInput(kind=kind, starts_at=when, held_by=held_by)


def first_deadline(store: Store, youth_id: int) -> deadlines.DeadlineView:
    return next(d for d in deadlines.for_youth(store, youth_id, TODAY) if d.rule_id == FIRST)


def fix(
    when: datetime,
    *,
    kind: ConversationKind = ConversationKind.JOB,
    status: ConversationStatus = ConversationStatus.HELD,
    held_by: HeldBy = HeldBy.EMPLOYMENT,
    reason: str = "Forkert dato tastet; samtalen blev holdt om torsdagen.",
) -> CorrectionInput:
    return CorrectionInput(kind, status, when, held_by, reason)


# --- correcting a registered conversation ------------------------------------------------


def test_correcting_the_date_recomputes_deadlines_keeps_history_and_logs(
    store: Store, youth_id: int
) -> None:
    cid = conversations.book(
        store, youth_id, talk(datetime(2026, 11, 6, 10, 0)), ConversationStatus.HELD, today=TODAY
    )
    # Held Friday 6 November, within the week after Monday 2 November: met.
    assert first_deadline(store, youth_id).status is Status.MET
    reason = "Datoen var tastet forkert; Sara Nielsen kom torsdag den 12."
    view = conversations.correct(
        store, cid, fix(datetime(2026, 11, 12, 9, 30), reason=reason), today=TODAY
    )
    assert view.starts_at == datetime(2026, 11, 12, 9, 30)
    # Now held Thursday 12 November, after the due day 9 November: met late, on the 12th.
    after = first_deadline(store, youth_id)
    assert (after.status, after.met_on) == (Status.LATE, date(2026, 11, 12))

    (stored,) = conversations.for_youth(store, youth_id)
    (correction,) = stored.corrections
    assert correction.reason == reason
    assert correction.before.starts_at == datetime(2026, 11, 6, 10, 0)
    assert correction.after.starts_at == datetime(2026, 11, 12, 9, 30)
    assert correction.corrected_by.endswith("(ABJ)")

    logged = [e for e in audit.events_for_youth(store, youth_id) if "rettet" in e.detail]
    assert len(logged) == 1
    assert logged[0].action is audit.Action.UPDATE
    assert "06.11.2026" in logged[0].detail and "12.11.2026" in logged[0].detail
    for secret in ("010203", "4562", "Sara", "Nielsen", "tastet forkert"):
        assert secret not in logged[0].detail  # no CPR, no name, not the free-text reason
    assert audit.verify(store).ok


def test_held_to_missed_reopens_the_deadline_and_back_again(store: Store, youth_id: int) -> None:
    cid = conversations.book(
        store, youth_id, talk(datetime(2026, 11, 5, 10, 0)), ConversationStatus.HELD, today=TODAY
    )
    conversations.correct(
        store,
        cid,
        fix(datetime(2026, 11, 5, 10, 0), status=ConversationStatus.MISSED, reason="Udeblev"),
        today=TODAY,
    )
    # Nothing held: due 9 November, today 24 November: overdue.
    assert first_deadline(store, youth_id).status is Status.OVERDUE
    conversations.correct(
        store, cid, fix(datetime(2026, 11, 5, 10, 0), reason="Kom alligevel"), today=TODAY
    )
    assert first_deadline(store, youth_id).status is Status.MET
    (stored,) = conversations.for_youth(store, youth_id)
    assert [c.after.status for c in stored.corrections] == [
        ConversationStatus.MISSED,
        ConversationStatus.HELD,
    ]


def test_a_held_conversation_cannot_be_moved_to_a_future_day(store: Store, youth_id: int) -> None:
    cid = conversations.book(
        store, youth_id, talk(datetime(2026, 11, 6, 10, 0)), ConversationStatus.HELD, today=TODAY
    )
    with pytest.raises(InputError) as info:
        # 25 November is the day after TODAY (24 November).
        conversations.correct(store, cid, fix(datetime(2026, 11, 25, 9, 0)), today=TODAY)
    assert info.value.fields == {"starts_at": HELD_IN_FUTURE}
    assert "ikke er kommet endnu" in HELD_IN_FUTURE  # Danish, says why
    (stored,) = conversations.for_youth(store, youth_id)
    assert stored.starts_at == datetime(2026, 11, 6, 10, 0) and stored.corrections == ()
    assert first_deadline(store, youth_id).status is Status.MET
    # Moved to the future as cancelled is not "held": allowed.
    conversations.correct(
        store,
        cid,
        fix(datetime(2026, 11, 25, 9, 0), status=ConversationStatus.CANCELLED, reason="Aflyst"),
        today=TODAY,
    )
    assert first_deadline(store, youth_id).status is Status.OVERDUE


def test_a_correction_needs_a_reason_a_change_and_a_registered_conversation(
    store: Store, youth_id: int
) -> None:
    cid = conversations.book(
        store, youth_id, talk(datetime(2026, 11, 6, 10, 0)), ConversationStatus.HELD, today=TODAY
    )
    with pytest.raises(InputError) as info:
        conversations.correct(
            store, cid, fix(datetime(2026, 11, 5, 10, 0), reason="   "), today=TODAY
        )
    assert info.value.fields == {"reason": "Skriv hvorfor samtalen rettes."}
    with pytest.raises(InputError) as info:
        conversations.correct(store, cid, fix(datetime(2026, 11, 6, 10, 0)), today=TODAY)
    assert "Intet er ændret" in info.value.fields["reason"]
    with pytest.raises(InputError) as info:
        # Before the henvendelse (2 November).
        conversations.correct(store, cid, fix(datetime(2026, 10, 30, 10, 0)), today=TODAY)
    assert set(info.value.fields) == {"starts_at"}
    booked = conversations.book(store, youth_id, talk(datetime(2026, 12, 1, 10, 0)))
    with pytest.raises(InputError) as info:
        conversations.correct(
            store,
            booked,
            fix(datetime(2026, 12, 1, 10, 0), status=ConversationStatus.CANCELLED),
            today=TODAY,
        )
    assert "booket" in info.value.fields["status"]
    with store.session() as s:
        assert s.scalars(select(ConversationCorrection)).all() == []


# --- who held it: what counts as a jobsamtale --------------------------------------------


def test_a_follow_up_held_by_uu_alone_is_no_jobsamtale_a_joint_one_is(
    store: Store, youth_id: int
) -> None:
    cid = conversations.book(
        store,
        youth_id,
        talk(datetime(2026, 11, 6, 10, 0), ConversationKind.FOLLOW_UP, HeldBy.UU),
        ConversationStatus.HELD,
        today=TODAY,
    )
    # Only a UU follow-up on 6 November: the first jobsamtale (due 9 November) is overdue.
    first = first_deadline(store, youth_id)
    assert (first.status, first.done) == (Status.OVERDUE, 0)
    (stored,) = conversations.for_youth(store, youth_id)
    assert stored.held_by is HeldBy.UU and not stored.counts_as_jobsamtale
    conversations.correct(
        store,
        cid,
        fix(
            datetime(2026, 11, 6, 10, 0),
            kind=ConversationKind.FOLLOW_UP,
            held_by=HeldBy.JOINT,
            reason="Sagsbehandleren var med",
        ),
        today=TODAY,
    )
    first = first_deadline(store, youth_id)
    assert (first.status, first.met_on) == (Status.MET, date(2026, 11, 6))


def test_holders_default_by_kind(store: Store, youth_id: int) -> None:
    conversations.book(
        store,
        youth_id,
        talk(datetime(2026, 11, 3, 10, 0), ConversationKind.JOINT_UU),
        ConversationStatus.HELD,
        today=TODAY,
    )
    conversations.book(
        store,
        youth_id,
        talk(datetime(2026, 11, 4, 10, 0), ConversationKind.FOLLOW_UP),
        ConversationStatus.HELD,
        today=TODAY,
    )
    by_kind = {c.kind: c.held_by for c in conversations.for_youth(store, youth_id)}
    assert by_kind == {
        ConversationKind.JOINT_UU: HeldBy.JOINT,
        ConversationKind.FOLLOW_UP: HeldBy.EMPLOYMENT,
    }
    four = next(
        d
        for d in deadlines.for_youth(store, youth_id, TODAY)
        if d.rule_id == "lab-31-3-fire-jobsamtaler"
    )
    assert four.done == 2  # both count: joint and employment side


# --- KUI: contact after leaving the plan -------------------------------------------------


@pytest.fixture
def teen(store: Store) -> int:
    # Born 1 June 2010: 15 years old in March and April 2026.
    yid = youths.register(
        store,
        YouthInput(
            cpr="010610-4562",
            first_name="Ali",
            last_name="Hassan",
            henvendelse_date=date(2026, 3, 2),
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id
    visitation.save(
        store, yid, VisitationInput(visited_on=date(2026, 3, 2), target_group="kui"), today=TODAY
    )
    return yid


def kui_contact(store: Store, youth_id: int) -> deadlines.DeadlineView:
    return next(
        d
        for d in deadlines.for_youth(store, youth_id, TODAY)
        if d.rule_id.startswith("kui-kontakt")
    )


def test_kui_clock_starts_when_the_municipality_learned_across_easter(
    store: Store, teen: int
) -> None:
    # Left the plan Friday 27 March 2026; the school told the municipality Tuesday 31 March.
    visitation.record_event(
        store,
        teen,
        "left_plan",
        date(2026, 3, 27),
        today=TODAY,
        learned_on=date(2026, 3, 31),
    )
    contact = kui_contact(store, teen)
    # 5 working days after Tuesday 31 March: Wed 1 Apr (1); Thu 2 Apr Skærtorsdag, Fri 3 Apr
    # Langfredag, Sat 4, Sun 5 (Påskedag), Mon 6 Apr 2. påskedag are not counted; Tue 7 (2),
    # Wed 8 (3), Thu 9 (4), Fri 10 April (5). (From the 27th it would have been 8 April.)
    assert contact.start == date(2026, 3, 31)
    assert contact.due == date(2026, 4, 10)
    # The young person reached on Tuesday 7 April, the parents not yet: not met.
    visitation.record_event(
        store, teen, "contact", date(2026, 4, 7), today=TODAY, reached=Reached.YOUTH
    )
    assert kui_contact(store, teen).status is Status.OVERDUE
    # The mother reached on Thursday 9 April: both reached within the deadline.
    visitation.record_event(
        store, teen, "contact", date(2026, 4, 9), today=TODAY, reached=Reached.PARENTS
    )
    contact = kui_contact(store, teen)
    assert (contact.status, contact.met_on) == (Status.MET, date(2026, 4, 9))
    logged = [e.detail for e in audit.events_for_youth(store, teen)]
    assert any("forældremyndighedens indehaver" in d for d in logged)


def test_kui_contact_with_both_at_once_and_dates_checked(store: Store, teen: int) -> None:
    with pytest.raises(InputError) as info:
        visitation.record_event(
            store,
            teen,
            "left_plan",
            date(2026, 4, 14),
            today=TODAY,
            learned_on=date(2026, 4, 13),
        )
    assert set(info.value.fields) == {"learned_on"}
    with pytest.raises(InputError) as info:
        visitation.record_event(store, teen, "contact", date(2026, 4, 14), today=TODAY)
    assert info.value.fields == {"reached": "Vælg hvem der blev kontaktet."}
    # Left and learned the same day, Friday 13 November 2026; 5 working days: Mon 16 (1),
    # Tue 17 (2), Wed 18 (3), Thu 19 (4), Fri 20 November (5).
    visitation.record_event(store, teen, "left_plan", date(2026, 11, 13), today=TODAY)
    assert kui_contact(store, teen).due == date(2026, 11, 20)
    visitation.record_event(
        store, teen, "contact", date(2026, 11, 23), today=TODAY, reached=Reached.BOTH
    )
    contact = kui_contact(store, teen)
    assert (contact.status, contact.met_on) == (Status.LATE, date(2026, 11, 23))


# --- the migration ------------------------------------------------------------------------


def test_migration_keeps_what_existing_conversations_and_events_meant(
    store: Store, youth_id: int
) -> None:
    from alembic import command
    from sqlalchemy import text

    from ungedesk.store import migrate

    cfg = migrate._config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    with store.engine.begin() as conn:
        for kind in ("first", "job", "follow_up", "joint_uu", "team"):
            conn.execute(
                text(
                    "INSERT INTO conversation (youth_id, kind, status, starts_at, "
                    "duration_minutes, mode, place, participants, notes) VALUES "
                    "(:y, :k, 'held', '2026-11-05 10:00:00', 45, 'in_person', '', '[]', '')"
                ),
                {"y": youth_id, "k": kind},
            )
        conn.execute(
            text(
                'INSERT INTO case_event (youth_id, kind, "on", note) VALUES '
                "(:y, 'left_plan', '2026-11-16', ''), (:y, 'contact', '2026-11-18', '')"
            ),
            {"y": youth_id},
        )
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with store.engine.connect() as conn:
        held_by = dict(conn.execute(text("SELECT kind, held_by FROM conversation")).all())
        events = conn.execute(
            text('SELECT kind, "on", learned_on, reached FROM case_event ORDER BY id')
        ).all()
    assert held_by == {
        "first": "employment",
        "job": "employment",
        "follow_up": "employment",
        "joint_uu": "joint",
        "team": "employment",
    }
    assert [tuple(map(str, e)) for e in events] == [
        ("left_plan", "2026-11-16", "2026-11-16", ""),
        ("contact", "2026-11-18", "None", ""),
    ]


# --- corrections and KUI details travel, are in the access export, and are deleted ---------


def test_corrections_and_kui_details_travel_and_are_deleted_with_the_case(
    store: Store, youth_id: int, tmp_path
) -> None:
    from tests.conftest import PASSPHRASE, TEST_SCRYPT_N
    from ungedesk.domain.profile import ProfileInput, Role
    from ungedesk.domain.youth import ExitReason
    from ungedesk.services import access, retention, setup, transfer
    from ungedesk.store.paths import StorePaths

    cid = conversations.book(
        store,
        youth_id,
        talk(datetime(2026, 11, 6, 10, 0), ConversationKind.FOLLOW_UP, HeldBy.UU),
        ConversationStatus.HELD,
        today=TODAY,
    )
    conversations.correct(
        store,
        cid,
        fix(
            datetime(2026, 11, 6, 10, 0),
            kind=ConversationKind.FOLLOW_UP,
            held_by=HeldBy.JOINT,
            reason="Sagsbehandleren deltog",
        ),
        today=TODAY,
    )
    visitation.record_event(
        store, youth_id, "left_plan", date(2026, 11, 9), today=TODAY, learned_on=date(2026, 11, 11)
    )
    visitation.record_event(
        store, youth_id, "contact", date(2026, 11, 12), today=TODAY, reached=Reached.PARENTS
    )
    data = access.collect(store, youth_id)
    assert [r["reason"] for r in data["conversation_correction"]] == ["Sagsbehandleren deltog"]
    assert sorted(r["reached"] for r in data["case_event"]) == ["", "parents"]

    result = setup.create_installation(
        StorePaths(tmp_path / "other"),
        PASSPHRASE,
        ProfileInput("Jens Modtager", "JM", "Jobcenter", Role.CASEWORKER),
        scrypt_n=TEST_SCRYPT_N,
    )
    receiver = result.opened.store
    try:
        path = transfer.export_case(store, youth_id, tmp_path / "out", "overførsel til Ribe nu")
        got = transfer.import_case(receiver, path, "overførsel til Ribe nu", today=TODAY)
        (moved,) = conversations.for_youth(receiver, got.youth_id)
        assert moved.held_by is HeldBy.JOINT
        assert [c.reason for c in moved.corrections] == ["Sagsbehandleren deltog"]
        theirs = access.collect(receiver, got.youth_id)["case_event"]
        assert sorted((r["kind"], r["learned_on"], r["reached"]) for r in theirs) == [
            ("contact", None, "parents"),
            ("left_plan", "2026-11-11", ""),
        ]
    finally:
        receiver.close()

    retention.close_case(store, youth_id, ExitReason.JOB, date(2026, 11, 20), today=TODAY)
    retention.delete_expired(store, [youth_id], today=date(2032, 1, 1))
    left = access.collect(store, youth_id)
    assert left["conversation_correction"] == [] and left["conversation"] == []
