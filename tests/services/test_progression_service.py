from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE, TEST_SCRYPT_N, TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.progression import Indicator, MeasurementInput, ScoreInput, score_field
from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import ExitReason, YouthInput
from ungedesk.services import (
    access,
    audit,
    caseworkers,
    conversations,
    demo,
    integrity,
    progression,
    retention,
    setup,
    transfer,
    youths,
)
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.store.models import (
    IndicatorChoice,
    Measurement,
    MeasurementScore,
    TargetGroupEntry,
    Youth,
)
from ungedesk.store.paths import StorePaths

Ind = Indicator
HENV = date(2026, 1, 5)
ATT = list(Indicator).index(Indicator.ATTENDANCE)


def person(store: Store, cpr: str = "150605-4321", last: str = "Progressiv") -> int:
    return youths.register(
        store,
        YouthInput(
            cpr=cpr,
            first_name="Maja",
            last_name=last,
            henvendelse_date=HENV,
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id


def measure(
    on: date, *scores: tuple[Indicator, int | None, int | None], conversation: int | None = None
) -> MeasurementInput:
    return MeasurementInput(
        on, tuple(ScoreInput(i, cw, ys, f"note {i.value}") for i, cw, ys in scores), conversation
    )


def last_event(store: Store, yid: int) -> audit.AuditView:
    return audit.events_for_youth(store, yid)[0]


def test_choose_and_drop_keep_history(store: Store) -> None:
    yid = person(store)
    progression.choose_indicators(store, yid, [Ind.ATTENDANCE, Ind.FINANCES], date(2026, 2, 1))
    event = last_event(store, yid)
    # Finances are confidential private matters: flagged, and counted, not named.
    assert event.action is Action.UPDATE and event.special
    assert event.detail == "Progression: indikatorer valgt mødestabilitet, 1 følsom indikator"
    progression.choose_indicators(store, yid, [Ind.ATTENDANCE, Ind.HEALTH], date(2026, 3, 1))
    event = last_event(store, yid)
    assert event.special  # choosing health says something about health
    # ... but the log, shown in lists, does not name it.
    assert (
        event.detail
        == "Progression: indikatorer valgt 1 følsom indikator; fravalgt 1 følsom indikator"
    )
    progression.choose_indicators(store, yid, [Ind.ATTENDANCE, Ind.HEALTH], date(2026, 3, 2))
    assert last_event(store, yid).action is Action.UPDATE  # no change, no new event
    progression.choose_indicators(store, yid, [Ind.ATTENDANCE, Ind.FINANCES], date(2026, 4, 1))
    p = progression.get_progression(store, yid)
    assert p.chosen == (Ind.FINANCES, Ind.ATTENDANCE)
    periods = [(h.indicator, h.chosen_on, h.dropped_on) for h in p.history]
    assert periods == [
        (Ind.FINANCES, date(2026, 2, 1), date(2026, 3, 1)),
        (Ind.ATTENDANCE, date(2026, 2, 1), None),
        (Ind.HEALTH, date(2026, 3, 1), date(2026, 4, 1)),
        (Ind.FINANCES, date(2026, 4, 1), None),
    ]
    assert all(h.chosen_by == "Anne Bjerregaard (ABJ)" for h in p.history)
    assert p.history[0].dropped_by == "Anne Bjerregaard (ABJ)"
    # Health was chosen once: the history still shows it, so the read is special.
    assert last_event(store, yid).special and last_event(store, yid).detail == "Progression"


def test_choose_refuses_dates_before_the_case_or_the_period(store: Store) -> None:
    yid = person(store)
    with pytest.raises(InputError) as err:
        progression.choose_indicators(store, yid, [Ind.NETWORK], date(2025, 12, 1))
    assert "chosen_on" in err.value.fields
    progression.choose_indicators(store, yid, [Ind.NETWORK], date(2026, 5, 1))
    with pytest.raises(InputError):
        progression.choose_indicators(store, yid, [], date(2026, 4, 1))
    with pytest.raises(InputError):
        progression.choose_indicators(store, 999, [Ind.NETWORK], date(2026, 5, 1))


def test_record_and_read_back(store: Store) -> None:
    yid = person(store)
    cid = conversations.book(
        store,
        yid,
        ConversationInput(ConversationKind.FOLLOW_UP, datetime(2026, 3, 2, 10, 0)),
        ConversationStatus.HELD,
    )
    progression.choose_indicators(store, yid, [Ind.ATTENDANCE, Ind.MOTIVATION], HENV)
    first = progression.record_measurement(
        store,
        yid,
        measure(
            date(2026, 3, 2), (Ind.ATTENDANCE, 3, 7), (Ind.MOTIVATION, 4, None), conversation=cid
        ),
        today=TODAY,
    )
    event = last_event(store, yid)
    assert event.action is Action.CREATE and not event.special
    progression.record_measurement(
        store,
        yid,
        measure(date(2026, 6, 1), (Ind.MOTIVATION, 6, 6), (Ind.ATTENDANCE, 5, 6)),
        today=TODAY,
    )
    p = progression.get_progression(store, yid)
    assert not last_event(store, yid).special
    first_view, latest = p.first(), p.latest()
    assert first_view is not None and latest is not None
    assert first_view.id == first and first_view.conversation_id == cid
    assert first_view.recorded_by == "Anne Bjerregaard (ABJ)"
    assert [s.indicator for s in latest.scores] == [Ind.MOTIVATION, Ind.ATTENDANCE]  # enum order
    assert p.previous() == first_view
    assert p.series(Ind.ATTENDANCE) == [(date(2026, 3, 2), 3, 7), (date(2026, 6, 1), 5, 6)]
    assert first_view.scores[1].talk_about and not first_view.scores[0].talk_about
    assert p.talk_about() == []
    assert set(p.descriptors) == set(Indicator)


def test_validation_errors_at_the_field_keys(store: Store) -> None:
    yid = person(store)
    other = person(store, "010203-4562", "Anden")
    other_conversation = conversations.book(
        store, other, ConversationInput(ConversationKind.JOB, datetime(2026, 3, 2, 10, 0))
    )
    progression.choose_indicators(store, yid, [Ind.ATTENDANCE], HENV)
    with pytest.raises(InputError) as err:
        progression.record_measurement(
            store,
            yid,
            measure(date(2027, 1, 1), (Ind.ATTENDANCE, None, 11), (Ind.HEALTH, 5, 5)),
            today=TODAY,
        )
    assert set(err.value.fields) == {
        "measured_on",
        score_field(Ind.ATTENDANCE, "caseworker"),
        score_field(Ind.ATTENDANCE, "youth"),
        score_field(Ind.HEALTH, "caseworker"),
    }
    with pytest.raises(InputError) as err:
        progression.record_measurement(store, yid, measure(date(2026, 3, 1)), today=TODAY)
    assert "scores" in err.value.fields
    with pytest.raises(InputError) as err:
        progression.record_measurement(
            store,
            yid,
            measure(date(2026, 3, 1), (Ind.ATTENDANCE, 5, 5), conversation=other_conversation),
            today=TODAY,
        )
    assert "conversation_id" in err.value.fields
    assert progression.get_progression(store, yid).measurements == ()


def test_correction_keeps_the_before_state(store: Store) -> None:
    yid = person(store)
    progression.choose_indicators(store, yid, [Ind.ATTENDANCE, Ind.NETWORK], HENV)
    mid = progression.record_measurement(
        store,
        yid,
        measure(date(2026, 3, 2), (Ind.ATTENDANCE, 3, 7), (Ind.NETWORK, 2, 2)),
        today=TODAY,
    )
    fixed = measure(date(2026, 3, 3), (Ind.ATTENDANCE, 4, 7))
    with pytest.raises(InputError) as err:
        progression.correct_measurement(store, mid, fixed, "  ", today=TODAY)
    assert set(err.value.fields) == {"reason"}
    # Network was dropped after the measurement; the old measurement can still be corrected.
    progression.choose_indicators(store, yid, [Ind.ATTENDANCE], date(2026, 4, 1))
    progression.correct_measurement(store, mid, fixed, "Forkert dato og tastefejl", today=TODAY)
    event = last_event(store, yid)
    assert event.action is Action.UPDATE and "rettet" in event.detail
    latest = progression.get_progression(store, yid).latest()
    assert latest is not None and latest.corrected and latest.measured_on == date(2026, 3, 3)
    assert [(s.indicator, s.caseworker_score) for s in latest.scores] == [(Ind.ATTENDANCE, 4)]
    history = progression.corrections(store, mid)
    assert len(history) == 1
    assert history[0].reason == "Forkert dato og tastefejl"
    assert history[0].corrected_by == "Anne Bjerregaard (ABJ)"
    assert history[0].measured_on_before == date(2026, 3, 2)
    assert [(s.indicator, s.caseworker_score, s.youth_score) for s in history[0].scores_before] == [
        (Ind.ATTENDANCE, 3, 7),
        (Ind.NETWORK, 2, 2),
    ]
    progression.correct_measurement(
        store, mid, measure(date(2026, 3, 3), (Ind.ATTENDANCE, 5, 7)), "Igen", today=TODAY
    )
    assert [c.reason for c in progression.corrections(store, mid)] == [
        "Forkert dato og tastefejl",
        "Igen",
    ]
    with pytest.raises(InputError) as err:
        progression.correct_measurement(store, 999, fixed, "x", today=TODAY)
    assert "measurement_id" in err.value.fields


def test_health_reads_are_flagged_special(store: Store) -> None:
    yid = person(store)
    progression.choose_indicators(store, yid, [Ind.ATTENDANCE, Ind.SUBSTANCE_USE], HENV)
    mid = progression.record_measurement(
        store,
        yid,
        measure(date(2026, 3, 2), (Ind.ATTENDANCE, 3, 7), (Ind.SUBSTANCE_USE, 2, 6)),
        today=TODAY,
    )
    assert last_event(store, yid).special
    assert progression.get_progression(store, yid).talk_about() == [
        (Ind.SUBSTANCE_USE, 2, 6),
        (Ind.ATTENDANCE, 3, 7),
    ]
    assert last_event(store, yid).special
    progression.correct_measurement(
        store, mid, measure(date(2026, 3, 2), (Ind.ATTENDANCE, 4, 7)), "Ret", today=TODAY
    )
    assert last_event(store, yid).special  # the substance score was removed: still touched
    progression.corrections(store, mid)
    assert last_event(store, yid).special


def test_descriptors_edit_and_reset(store: Store) -> None:
    shipped = progression.descriptors_text(store)
    assert progression.descriptors(store)[Ind.ATTENDANCE].stages[0].startswith("Møder til")
    with pytest.raises(InputError) as err:
        progression.save_descriptors(store, "[skills]\nquestion = 'x'\n")
    assert "descriptors" in err.value.fields and "5 trin" in err.value.fields["descriptors"]
    wordy = shipped.replace("Møder til færre end 4 ud af 10", "Møder " * 100)
    with pytest.raises(InputError) as err:
        progression.save_descriptors(store, wordy)
    assert err.value.fields["descriptors"].startswith("Mødestabilitet: hvert")
    with pytest.raises(InputError):
        progression.save_descriptors(store, "#" * 100_001)
    assert progression.descriptors_text(store) == shipped
    edited = shipped.replace("Møder til færre end 4 ud af 10", "Kommer næsten aldrig")
    progression.save_descriptors(store, edited)
    assert progression.descriptors_text(store) == edited
    assert progression.descriptors(store)[Ind.ATTENDANCE].stages[0].startswith("Kommer næsten")
    progression.reset_descriptors(store)
    assert progression.descriptors_text(store) == shipped


def test_handout_readings_leave_out_special_categories(store: Store) -> None:
    yid = person(store)
    assert progression.handout_readings(store, yid) == (None, None, ())
    progression.choose_indicators(store, yid, [Ind.HEALTH, Ind.SUBSTANCE_USE], HENV)
    progression.record_measurement(
        store,
        yid,
        measure(date(2026, 2, 1), (Ind.HEALTH, 3, 3), (Ind.SUBSTANCE_USE, 2, 2)),
        today=TODAY,
    )
    assert progression.handout_readings(store, yid) == (None, None, ())
    progression.choose_indicators(
        store, yid, [Ind.HEALTH, Ind.SUBSTANCE_USE, Ind.ATTENDANCE, Ind.SKILLS], date(2026, 2, 2)
    )
    progression.record_measurement(
        store,
        yid,
        measure(
            date(2026, 3, 1), (Ind.HEALTH, 3, 3), (Ind.ATTENDANCE, 4, None), (Ind.SKILLS, 5, 5)
        ),
        today=TODAY,
    )
    first, latest, shown = progression.handout_readings(store, yid)
    assert shown == (Ind.SKILLS, Ind.ATTENDANCE)
    assert first is not None and latest is None
    assert first.on == date(2026, 3, 1) and dict(first.scores) == {Ind.SKILLS: 5}
    event = last_event(store, yid)
    assert event.action is Action.READ and not event.special
    progression.record_measurement(
        store,
        yid,
        measure(date(2026, 6, 1), (Ind.HEALTH, 9, 9), (Ind.ATTENDANCE, 6, 7), (Ind.SKILLS, 6, 8)),
        today=TODAY,
    )
    first, latest, shown = progression.handout_readings(store, yid)
    assert first is not None and latest is not None
    assert dict(latest.scores) == {Ind.SKILLS: 8, Ind.ATTENDANCE: 7}
    assert latest.on == date(2026, 6, 1)


def _group(store: Store, yid: int, on: date, group: str) -> None:
    with store.session() as s:
        s.add(TargetGroupEntry(youth_id=yid, valid_from=on, target_group=group))


def test_caseload_movement_on_a_small_caseload(store: Store) -> None:
    colleague = caseworkers.add_caseworker(
        store, ProfileInput("Bo Kollega", "BOK", "Ungeteamet", Role.CASEWORKER)
    ).id
    a = person(store, "010203-4562", "Alfa")
    b = person(store, "020304-4561", "Bravo")
    c = person(store, "030405-4560", "Charlie")
    d = youths.register(
        store,
        YouthInput(
            cpr="040506-4569",
            first_name="Dina",
            last_name="Delta",
            henvendelse_date=HENV,
            caseworker_id=colleague,
        ),
        today=TODAY,
    ).youth_id
    for yid in (a, b, c, d):
        progression.choose_indicators(store, yid, [Ind.ATTENDANCE, Ind.NETWORK], HENV)
    _group(store, a, HENV, "2.1")
    _group(store, b, HENV, "2.1")
    _group(store, b, date(2026, 6, 15), "2.2")  # B's group on the period's end is 2.2
    _group(store, d, HENV, "2.1")

    def m(yid: int, on: date, cw: int, own: int | None, network: int | None = None) -> None:
        scores = [(Ind.ATTENDANCE, cw, own)]
        if network is not None:
            scores.append((Ind.NETWORK, network, None))
        progression.record_measurement(store, yid, measure(on, *scores), today=TODAY)

    m(a, date(2026, 2, 1), 3, 7, network=4)
    m(a, date(2026, 4, 1), 5, None)
    m(a, date(2026, 6, 1), 8, 6, network=4)
    m(b, date(2026, 3, 1), 6, None)
    m(b, date(2026, 3, 1), 4, None)  # same day: the later record counts as the later
    m(c, date(2026, 1, 10), 1, 1)  # before the period
    m(c, date(2026, 5, 1), 9, 9)
    m(d, date(2026, 2, 1), 2, 2)
    m(d, date(2026, 7, 1), 9, 9)  # after the period
    m(d, date(2026, 6, 30), 6, 4)

    start, end = date(2026, 2, 1), date(2026, 6, 30)
    rows = {r.indicator: r for r in progression.caseload_movement(store, start=start, end=end)}
    assert list(rows) == list(Indicator)
    att = rows[Ind.ATTENDANCE]
    assert att.youths == 3  # A, B, D; C has one score in the period
    assert att.caseworker_average == pytest.approx((5 - 2 + 4) / 3)
    assert att.youth_average == pytest.approx((-1 + 2) / 2)  # A 7->6, D 2->4
    assert (rows[Ind.NETWORK].youths, rows[Ind.NETWORK].caseworker_average) == (1, 0.0)
    assert rows[Ind.NETWORK].youth_average is None
    assert rows[Ind.HEALTH] == progression.MovementRow(Ind.HEALTH, 0, None, None)

    mine = progression.caseload_movement(store, start=start, end=end, caseworker_id=1)
    assert (mine[ATT].youths, mine[ATT].caseworker_average) == (
        2,
        1.5,
    )
    group = progression.caseload_movement(store, start=start, end=end, target_group="2.1")
    att_group = group[ATT]
    assert (att_group.youths, att_group.caseworker_average) == (2, 4.5)  # A and D
    earlier = progression.caseload_movement(
        store, start=start, end=date(2026, 6, 10), target_group="2.1"
    )
    # On 10 June B is still in 2.1 and D's last score in range is from February.
    assert (earlier[ATT].youths, earlier[ATT].caseworker_average) == (
        2,
        (5 - 2) / 2,
    )
    with pytest.raises(InputError):
        progression.caseload_movement(store, start=end, end=start)


def _with_history(store: Store, yid: int, on: date) -> int:
    cid = conversations.book(
        store,
        yid,
        ConversationInput(ConversationKind.FOLLOW_UP, datetime(on.year, on.month, on.day, 9)),
        ConversationStatus.HELD,
    )
    progression.choose_indicators(store, yid, [Ind.ATTENDANCE, Ind.HEALTH], on)
    mid = progression.record_measurement(
        store,
        yid,
        measure(on, (Ind.ATTENDANCE, 3, 5), (Ind.HEALTH, 4, 4), conversation=cid),
        today=TODAY,
    )
    progression.record_measurement(
        store, yid, measure(on + timedelta(days=30), (Ind.ATTENDANCE, 5, 5)), today=TODAY
    )
    progression.correct_measurement(
        store,
        mid,
        measure(on, (Ind.ATTENDANCE, 2, 5), (Ind.HEALTH, 4, 4), conversation=cid),
        "Tastefejl",
        today=TODAY,
    )
    return mid


def test_access_export_includes_measurements(store: Store, tmp_path: Path) -> None:
    yid = person(store)
    _with_history(store, yid, date(2026, 3, 2))
    result = access.export_person(store, yid, tmp_path / "ud")
    tables = json.loads(result.json_path.read_text("utf-8"))["tabeller"]
    assert len(tables["measurement"]) == 2
    assert {r["indicator"] for r in tables["measurement_score"]} == {"attendance", "health"}
    assert len(tables["measurement_correction"]) == 1
    assert len(tables["indicator_choice"]) == 2


def test_retention_deletes_progression(store: Store) -> None:
    yid = youths.register(
        store,
        YouthInput(
            cpr="010203-4562",
            first_name="Slet",
            last_name="Mig",
            henvendelse_date=date(2021, 1, 4),
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id
    _with_history(store, yid, date(2021, 2, 1))
    retention.close_case(store, yid, ExitReason.JOB, date(2021, 6, 1), today=TODAY)
    assert retention.delete_expired(store, [yid], today=TODAY) == 1
    data = access.collect(store, yid)
    assert all(not rows for name, rows in data.items() if name != access.ACCESS_LOG_TABLE)
    assert integrity.check(store).sound


def test_transfer_relinks_scores_corrections_and_conversations(
    store: Store, tmp_path: Path
) -> None:
    yid = person(store)
    _with_history(store, yid, date(2026, 3, 2))
    sent = progression.get_progression(store, yid)
    path = transfer.export_case(store, yid, tmp_path / "ud", "overførsel mellem to kontorer i Ribe")
    receiver = setup.create_installation(
        StorePaths(tmp_path / "jobcenter"),
        PASSPHRASE,
        ProfileInput("Jens Modtager", "JM", "Jobcenter", Role.CASEWORKER),
        scrypt_n=TEST_SCRYPT_N,
    ).opened.store
    try:
        # The receiver already has rows, so the copied rows get other ids than the sender's.
        local = person(receiver, "010203-4562", "Lokal")
        _with_history(receiver, local, date(2026, 2, 2))
        progression.record_measurement(
            receiver, local, measure(date(2026, 5, 2), (Ind.ATTENDANCE, 6, 6)), today=TODAY
        )
        new_id = transfer.import_case(
            receiver, path, "overførsel mellem to kontorer i Ribe", today=TODAY
        ).youth_id
        got = progression.get_progression(receiver, new_id)
        assert got.chosen == sent.chosen
        assert [m.id for m in got.measurements] != [m.id for m in sent.measurements]
        assert [(m.measured_on, m.scores, m.corrected) for m in got.measurements] == [
            (m.measured_on, m.scores, m.corrected) for m in sent.measurements
        ]
        first = got.first()
        assert first is not None and first.conversation_id is not None
        held = conversations.for_youth(receiver, new_id)
        assert [c.id for c in held] == [first.conversation_id]
        history = progression.corrections(receiver, first.id)
        assert [c.reason for c in history] == ["Tastefejl"]
        # The receiver's own young person is untouched.
        assert len(progression.get_progression(receiver, local).measurements) == 3
        # A measurement only the receiver has is not in the file: the same file again would
        # delete it, so it is refused (the caseworker may choose to replace).
        progression.record_measurement(
            receiver, new_id, measure(date(2026, 6, 2), (Ind.ATTENDANCE, 7, 7)), today=TODAY
        )
        with pytest.raises(transfer.TransferConflictError):
            transfer.import_case(
                receiver, path, "overførsel mellem to kontorer i Ribe", today=TODAY
            )
        assert len(progression.get_progression(receiver, new_id).measurements) == 3
    finally:
        receiver.close()


def test_demo_progression_is_valid_and_varied(store: Store) -> None:
    demo.generate(store, 150, seed=11, today=TODAY)
    with store.session() as s:
        measured = sorted(set(s.scalars(select(Measurement.youth_id))))
        total = s.scalar(select(func.count(Youth.id)))
    assert total == 150 and 30 <= len(measured) <= 110
    talk_about = special = corrected = swapped = linked = 0
    for yid in measured:
        p = progression.get_progression(store, yid)
        record = youths.get(store, yid)
        assert record is not None
        assert 4 <= len(p.chosen) <= 7 and 1 <= len(p.measurements) <= 8
        swapped += any(h.dropped_on is not None for h in p.history)
        held = {c.id: c for c in conversations.for_youth(store, yid)}
        for m in p.measurements:
            assert record.henvendelse_date <= m.measured_on <= TODAY
            assert m.recorded_by.endswith(")")
            in_force = {
                h.indicator
                for h in p.history
                if h.chosen_on <= m.measured_on
                and (h.dropped_on is None or m.measured_on < h.dropped_on)
            }
            assert {s.indicator for s in m.scores} == in_force
            for sc in m.scores:
                assert sc.caseworker_score is not None and 1 <= sc.caseworker_score <= 10
                assert sc.youth_score is None or 1 <= sc.youth_score <= 10
            if m.conversation_id is not None:
                linked += 1
                assert held[m.conversation_id].status is ConversationStatus.HELD
                assert held[m.conversation_id].starts_at.date() == m.measured_on
            if m.corrected:
                corrected += 1
                before = progression.corrections(store, m.id)
                assert len(before) == 1 and before[0].reason
            talk_about += sum(sc.talk_about for sc in m.scores)
        special += bool(set(p.chosen) & {Ind.HEALTH, Ind.SUBSTANCE_USE})
    assert talk_about > 0 and special > 0 and swapped > 0 and linked > 0
    rows = progression.caseload_movement(store, start=date(2020, 1, 1), end=TODAY)
    attendance = rows[ATT]
    assert attendance.youths > 10 and attendance.caseworker_average is not None
    assert attendance.caseworker_average > 0  # slow improvement on average


def test_missing_records_and_empty_caseload(store: Store) -> None:
    for call in (
        lambda: progression.get_progression(store, 999),
        lambda: progression.handout_readings(store, 999),
        lambda: progression.record_measurement(
            store, 999, measure(date(2026, 3, 1), (Ind.ATTENDANCE, 5, 5)), today=TODAY
        ),
        lambda: progression.corrections(store, 999),
    ):
        with pytest.raises(InputError):
            call()
    rows = progression.caseload_movement(store, start=date(2026, 1, 1), end=TODAY)
    assert [(r.youths, r.caseworker_average, r.youth_average) for r in rows] == [
        (0, None, None)
    ] * 9
    assert rows[0].label == "Faglige/praktiske kompetencer"


def test_an_indicator_this_version_does_not_know_is_left_out(store: Store) -> None:
    # A case received from a newer UngeDesk may carry an indicator added there.
    yid = person(store)
    progression.choose_indicators(store, yid, [Ind.ATTENDANCE], HENV)
    mid = progression.record_measurement(
        store, yid, measure(date(2026, 3, 1), (Ind.ATTENDANCE, 5, 5)), today=TODAY
    )
    with store.session() as s:
        s.add(IndicatorChoice(youth_id=yid, indicator="humor", chosen_on=HENV, chosen_by="X"))
        s.add(
            MeasurementScore(
                measurement_id=mid, youth_id=yid, indicator="humor", caseworker_score=3
            )
        )
    p = progression.get_progression(store, yid)
    assert p.chosen == (Ind.ATTENDANCE,)
    assert [s.indicator for s in p.measurements[0].scores] == [Ind.ATTENDANCE]
    rows = progression.caseload_movement(store, start=HENV, end=TODAY)
    assert len(rows) == 9
