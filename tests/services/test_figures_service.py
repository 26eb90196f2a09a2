"""The flow figures read from a real store: the facts the counting needs come from the
register, the target-group history and the first held conversation."""

from __future__ import annotations

from datetime import date, datetime

from tests.conftest import TODAY
from tests.support.visited import case
from ungedesk.domain.figures import TOTAL, Figure, Period
from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import ExitReason
from ungedesk.services import conversations, figures, retention, visitation
from ungedesk.services.figures import FigureFilter
from ungedesk.store.database import Store

NOVEMBER = Period.month(2026, 11)


def held(store: Store, yid: int, day: date) -> None:
    conversations.book(
        store,
        yid,
        ConversationInput(ConversationKind.JOINT_UU, datetime(day.year, day.month, day.day, 10)),
        ConversationStatus.HELD,
        today=TODAY,
    )


def test_november_from_the_store(store: Store) -> None:
    # A: opened 2 November, first conversation on the 4th, a job on the 20th.
    a = case(store, "010100-4001", date(2026, 11, 2), "lab6_4")
    held(store, a, date(2026, 11, 4))
    retention.close_case(store, a, ExitReason.JOB, date(2026, 11, 20), today=TODAY)
    # B: opened in October as lab6_4, aktivitetsparat (lab6_5) from 16 November.
    b = case(store, "020200-4002", date(2026, 10, 5), "lab6_4")
    visitation.change_target_group(
        store, b, "lab6_5", date(2026, 11, 16), "Helbredet er blevet dårligere.", today=TODAY
    )
    # C: opened 10 November and gone to education the same day, before any conversation.
    c = case(store, "030300-4003", date(2026, 11, 10), "lab6_4")
    retention.close_case(store, c, ExitReason.EDUCATION, date(2026, 11, 10), today=TODAY)
    f = figures.flow_figures(store, NOVEMBER)
    assert f.members[(Figure.ACTIVE, TOTAL)] == {a, b, c}
    assert f.members[(Figure.INFLOW, TOTAL)] == {a, c}
    assert f.members[(Figure.INFLOW, "lab6_5")] == {b}
    assert f.members[(Figure.OUTFLOW, "lab6_4")] == {a, b, c}
    assert f.members[(Figure.TURNED_AWAY, TOTAL)] == {c}
    october = figures.flow_history(store, NOVEMBER, months=2)[0]
    assert october.period.label == "2026-10"
    assert october.members[(Figure.INFLOW, TOTAL)] == {b}
    # Another caseworker's filter sees nobody.
    assert (
        figures.flow_figures(store, NOVEMBER, FigureFilter(caseworker_id=99)).count(Figure.ACTIVE)
        == 0
    )


def test_rettidighed_from_the_stored_deadlines(store: Store) -> None:
    from ungedesk.domain.timeliness import DeadlineKind
    from ungedesk.services import deadlines

    a = case(store, "010100-4001", date(2026, 11, 2), "lab6_4")
    held(store, a, date(2026, 11, 4))
    b = case(store, "020200-4002", date(2026, 10, 1), "lab6_4")
    stored = deadlines.for_youth(store, a, TODAY) + deadlines.for_youth(store, b, TODAY)
    f = figures.period_figures(store, NOVEMBER, TODAY).timeliness
    # Worked out from the stored deadlines the rules engine made: conversation deadlines
    # due in November up to today, met on or before their day.
    from ungedesk.domain.timeliness import kind_of

    with store.session() as s:
        kinds = {r.id: kind_of(r.meets) for r in deadlines.rules(s)}
    in_november = [
        d
        for d in stored
        if kinds[d.rule_id] is DeadlineKind.CONVERSATION
        and NOVEMBER.contains(d.due)
        and not d.provisional
        and d.waiver is None
        and (d.met_on is not None or d.due < TODAY)
    ]
    on_time = [d for d in in_november if d.met_on is not None and d.met_on <= d.due]
    assert in_november, "the scenario must reach a conversation deadline in November"
    assert f.conversations.deadlines_on_time == len(on_time)
    assert f.conversations.counted == len(in_november)
    assert [t.target.id for t in f.targets] == ["75-jobsamtaler-6-maaneder", "75-tilbud-6-maaneder"]


def test_aktiveringsgrad_from_the_offers_started_and_ended(store: Store) -> None:
    from ungedesk.domain.figures import TOTAL

    a = case(store, "010100-4001", date(2026, 10, 1), "lab6_4")
    # In an offer 5-14 November (10 days), and again from 21 November (10 days to the 30th).
    visitation.record_event(store, a, "tilbud_start", date(2026, 11, 5), today=TODAY)
    visitation.record_event(store, a, "tilbud_slut", date(2026, 11, 14), today=TODAY)
    visitation.record_event(store, a, "tilbud_start", date(2026, 11, 21), today=TODAY)
    result = figures.period_figures(store, NOVEMBER, TODAY).activation[TOTAL]
    assert (result.offer_days, result.open_days) == (20, 30)


def test_progression_movement_is_shown_only_for_enough_young_people(store: Store) -> None:
    from ungedesk.domain.progression import Indicator, MeasurementInput, ScoreInput
    from ungedesk.services import figures_export, progression, settings

    ids = [case(store, f"0{n}0100400{n}", date(2026, 5, 4), "lab6_4") for n in range(1, 7)]
    for n, yid in enumerate(ids):
        progression.choose_indicators(store, yid, [Indicator.MOTIVATION], date(2026, 5, 4))
        for day, score in ((date(2026, 6, 1), 3), (date(2026, 11, 10), 3 + n)):
            progression.record_measurement(
                store,
                yid,
                MeasurementInput(day, (ScoreInput(Indicator.MOTIVATION, score, None, ""),)),
                today=TODAY,
            )
    table = figures_export.figures_table(store, NOVEMBER, TODAY)
    row = next(r for r in table.rows if r.label == "Progression: Motivation")
    # Moves 0, 1, 2, 3, 4, 5: mean 2.5 over six young people.
    assert row.values[-1] == "+2,5 (6 unge)"
    # All six are uddannelsesparate (lab6_4): the group's column says the same.
    assert row.values == ("+2,5 (6 unge)", "+2,5 (6 unge)")
    settings.set_setting(store, settings.FIGURES_THRESHOLD, 7)
    table = figures_export.figures_table(store, NOVEMBER, TODAY)
    row = next(r for r in table.rows if r.label == "Progression: Motivation")
    assert row.values[-1] == "færre end 7 unge"


def test_a_mentor_picked_from_the_catalogue_is_no_offer_for_aktiveringsgrad(
    store: Store,
) -> None:
    from sqlalchemy import select

    from ungedesk.domain.figures import TOTAL
    from ungedesk.store.models import CaseEvent, Offer

    a = case(store, "010100-4001", date(2026, 10, 1), "lab6_4")
    visitation.record_event(store, a, "tilbud_start", date(2026, 11, 5), today=TODAY)
    assert figures.period_figures(store, NOVEMBER, TODAY).activation[TOTAL].offer_days == 26
    with store.session() as s:
        mentor = s.scalar(select(Offer.uid).where(Offer.kind == "mentor"))
        event = s.scalar(select(CaseEvent).where(CaseEvent.kind == "tilbud_start"))
        assert mentor is not None and event is not None
        event.offer_uid = mentor
    assert figures.period_figures(store, NOVEMBER, TODAY).activation[TOTAL].offer_days == 0


def test_rettidighed_and_the_targets_per_target_group_in_the_table(store: Store) -> None:
    """Rettidighed, its exempt counts and the 75 % targets per target group, through the
    table, on deadlines written by hand: a deadline counts in the group on its due day, or
    on the closing day of a case closed before it."""
    from sqlalchemy import delete

    from ungedesk.services import figures_export, target_groups
    from ungedesk.store.models import DeadlineRow

    # a: lab6_4 from October, aktivitetsparat (lab6_5) from 16 November.
    a = case(store, "010100-4001", date(2026, 10, 1), "lab6_4")
    visitation.change_target_group(
        store, a, "lab6_5", date(2026, 11, 16), "Helbredet er blevet dårligere.", today=TODAY
    )
    # b: jobparat (lab6_2), closed in October: not among November's cases, and no other
    # case is in lab6_2, so that column comes from b's deadline alone.
    b = case(store, "020200-4002", date(2026, 9, 1), "lab6_2")
    retention.close_case(store, b, ExitReason.MOVED, date(2026, 10, 20), today=TODAY)
    c = case(store, "030300-4003", date(2026, 10, 5), "lab6_5")
    talk, offer = "lab-31-3-fire-jobsamtaler", "lab-102-tilbud"

    def due(
        yid: int, rule: str, on: date, met_on: date | None, exempt: bool = False
    ) -> DeadlineRow:
        return DeadlineRow(
            youth_id=yid,
            rule_id=rule,
            start=date(2026, 9, 1),
            due=on,
            met=met_on is not None,
            met_on=met_on,
            done=0,
            exempt=exempt,
            waivable=True,
        )

    with store.session() as s:
        s.execute(delete(DeadlineRow))  # only the deadlines below
        s.add_all(
            [
                due(a, talk, date(2026, 11, 5), date(2026, 11, 5)),  # lab6_4, on time
                due(a, talk, date(2026, 11, 20), None),  # lab6_5 (after the change), late
                # b closed on 20 October: met before the closing, counted (lab6_2, the group
                # on the closing day) and on time; not met by then, lapsed with the case.
                due(b, talk, date(2026, 11, 10), date(2026, 10, 15)),
                due(b, talk, date(2026, 11, 14), None),
                due(c, talk, date(2026, 11, 12), None, exempt=True),  # lab6_5, exempt
                due(c, talk, date(2026, 11, 28), None),  # not due by 24 November: not counted
                due(a, offer, date(2026, 11, 3), date(2026, 10, 30)),  # lab6_4, on time
                due(c, offer, date(2026, 11, 6), date(2026, 11, 9)),  # lab6_5, late
            ]
        )
    table = figures_export.figures_table(store, NOVEMBER, TODAY)
    end = NOVEMBER.end
    assert table.columns == (
        target_groups.label("lab6_2", end),
        target_groups.label("lab6_4", end),
        target_groups.label("lab6_5", end),
        "I alt",
    )
    rows = {r.label.strip(): r for r in table.rows}
    # Columns: lab6_2, lab6_4, lab6_5, total.
    assert rows["Rettidighed, samtaler"].values == (1.0, 1.0, 0.0, 2 / 3)
    exempt = rows["Rettidighed, samtaler: fritaget (antal frister)"]
    assert exempt.values == (0, 0, 1, 1)
    assert exempt.members == (frozenset(), frozenset(), {c}, {c})
    assert rows["Rettidighed, tilbud"].values == (None, 1.0, 0.0, 1 / 2)
    assert rows["Rettidighed, tilbud: fritaget (antal frister)"].values == (0, 0, 0, 0)
    # The targets count the exempted as not given: jobsamtaler lab6_5 0 of 2, total 2 of 4.
    assert rows["Jobsamtaler i de første 6 måneder: mindst 75 %"].values == (1.0, 1.0, 0.0, 2 / 4)
    assert rows["Tilbud inden for de første 6 måneder: mindst 75 %"].values == (
        None,
        1.0,
        0.0,
        1 / 2,
    )
    # b's case is not in November's flow: its column has no active case.
    assert rows["Aktive sager"].values == (0, 0, 2, 2)
