"""Management figures at 100,000 young people with five years of history (issue 17).

    python benchmarks/figures.py [--youths 100000] [--runs 3]

A real encrypted store in a temporary folder, filled by bulk inserts (no case histories
beyond what the figures read): per young person a henvendelse spread over five years, 60 %
closed (to job, education, another benefit …), one or two target groups, a first held
conversation, for a third an offer started (and for half of those ended), three stored
deadlines, and for a fifth two progression scores. Timed:

- one month: ``figures_export.figures_table`` (flow, aktiveringsgrad, rettidighed, the 75 %
  targets, outcomes, progression movement): goal ≤ 1 s (the issue's bar is 2 s);
- twelve months: ``figures.flow_history`` for the year's chart: goal ≤ 3 s.

The store is closed and opened again after the fill (as the app finds it on a later day)
and the figures' kept per-case facts derived once (``first_compute_s``: what the first
look costs after a bulk load or a program update). Floors, in the same run: reading the
rows each job counts from with plain SQL and building nothing (the least any program could
do): the month's kept rows, deadlines and scores; the twelve months' kept rows; and, for
comparison, the source tables the facts were read from before they were kept. Figures go to
benchmarks/results/figures.json; RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
PASSPHRASE = "benchmark figures passphrase 2026"
TODAY = date(2026, 11, 24)
EXITS = ("job", "education", "other_benefit", "moved", "fleksjob", "other")


def cpr_of(n: int) -> str:
    birth = date(1997, 1, 1) + timedelta(days=n % 9000)
    return f"{birth:%d%m%y}{4000 + n // 9000:04d}"


def fill(store: object, count: int) -> None:
    from sqlalchemy import insert

    from ungedesk.store.models import (
        CaseEvent,
        Conversation,
        DeadlineRow,
        Measurement,
        MeasurementScore,
        TargetGroupEntry,
        Youth,
    )

    rng = random.Random(17)
    youths, groups, talks, events, deadlines, scores = [], [], [], [], [], []
    measurements = []
    for n in range(count):
        opened = TODAY - timedelta(days=rng.randrange(5 * 365))
        closed = opened + timedelta(days=rng.randrange(5, 600)) if rng.random() < 0.6 else None
        if closed is not None and closed > TODAY:
            closed = None
        youths.append(
            {
                "id": n + 1,
                "cpr": cpr_of(n),
                "case_number": f"U-{opened.year}-{n:06d}",
                "first_name": "Søren",
                "last_name": "Ærø",
                "birth_date": date(1999, 1, 1),
                "legal_sex": "M",
                "henvendelse_date": opened,
                "benefit": "none",
                "education": "none",
                "status": "closed" if closed else "active",
                "closed_on": closed,
                "exit_reason": rng.choice(EXITS) if closed else "",
                "caseworker_id": 1,
            }
        )
        groups.append({"youth_id": n + 1, "valid_from": opened, "target_group": "lab6_4"})
        if rng.random() < 0.3:
            groups.append(
                {
                    "youth_id": n + 1,
                    "valid_from": opened + timedelta(days=90),
                    "target_group": "lab6_5",
                }
            )
        talks.append(
            {
                "youth_id": n + 1,
                "kind": "joint_uu",
                "status": "held",
                "starts_at": datetime.combine(opened + timedelta(days=7), datetime.min.time()),
            }
        )
        if rng.random() < 0.33:
            start = opened + timedelta(days=rng.randrange(10, 180))
            events.append({"youth_id": n + 1, "kind": "tilbud_start", "on": start})
            if rng.random() < 0.5:
                events.append(
                    {"youth_id": n + 1, "kind": "tilbud_slut", "on": start + timedelta(days=60)}
                )
        for k, rule in enumerate(
            ("lab-31-5-foerste-jobsamtale", "lab-31-3-fire-jobsamtaler", "lab-102-tilbud")
        ):
            due = opened + timedelta(days=(7, 182, 182)[k])
            met = rng.random() < 0.8
            deadlines.append(
                {
                    "youth_id": n + 1,
                    "rule_id": rule,
                    "start": opened,
                    "due": due,
                    "met": met,
                    "met_on": due - timedelta(days=rng.randrange(5)) if met else None,
                    "done": 1 if met else 0,
                    "waivable": k > 0,
                }
            )
        if n % 5 == 0:
            for m, day in enumerate((opened + timedelta(days=30), opened + timedelta(days=200))):
                mid = len(measurements) + 1
                measurements.append({"id": mid, "youth_id": n + 1, "measured_on": day})
                scores.append(
                    {
                        "measurement_id": mid,
                        "youth_id": n + 1,
                        "indicator": "motivation",
                        "caseworker_score": 3 + m * rng.randrange(4),
                    }
                )
    with store.session() as s:  # type: ignore[attr-defined]
        for model, rows in (
            (Youth, youths),
            (TargetGroupEntry, groups),
            (Conversation, talks),
            (CaseEvent, events),
            (DeadlineRow, deadlines),
            (Measurement, measurements),
            (MeasurementScore, scores),
        ):
            for start in range(0, len(rows), 20_000):
                s.execute(insert(model), rows[start : start + 20_000])


def _read(store: object, queries: tuple[str, ...], params: dict[str, str]) -> float:
    from sqlalchemy import text

    t = time.perf_counter()
    with store.engine.connect() as conn:  # type: ignore[attr-defined]
        for q in queries:
            conn.execute(text(q), params).fetchall()
    return time.perf_counter() - t


_KEPT = (
    "SELECT youth_id, opened_on, closed_on, exit_reason, groups, first_held_on, "
    "caseworker_id, offers, turned_away FROM figure_case "
    "WHERE opened_on <= :end AND (closed_on IS NULL OR closed_on >= :start)"
)
_DEADLINES = (
    "SELECT youth_id, rule_id, due, met_on, met, exempt, provisional, waivable FROM deadline "
    "WHERE due >= :start AND due <= :end"
)
_SCORES = (
    "SELECT s.youth_id, s.indicator, m.measured_on, s.caseworker_score "
    "FROM measurement_score s JOIN measurement m ON m.id = s.measurement_id "
    "WHERE s.caseworker_score IS NOT NULL AND m.measured_on <= :end AND s.youth_id IN "
    "(SELECT youth_id FROM measurement WHERE measured_on >= :start AND measured_on <= :end)"
)
# What the facts were read from before they were kept (the floor of that way of counting).
_SOURCES = (
    "SELECT id, henvendelse_date, closed_on, exit_reason, caseworker_id FROM youth "
    "WHERE henvendelse_date <= :end AND (closed_on IS NULL OR closed_on >= :start)",
    "SELECT youth_id, valid_from, target_group FROM target_group_entry WHERE youth_id IN "
    "(SELECT id FROM youth WHERE henvendelse_date <= :end AND "
    "(closed_on IS NULL OR closed_on >= :start)) ORDER BY youth_id, valid_from, id",
    "SELECT youth_id, min(starts_at) FROM conversation WHERE status = 'held' AND youth_id IN "
    "(SELECT id FROM youth WHERE henvendelse_date <= :end AND "
    "(closed_on IS NULL OR closed_on >= :start)) GROUP BY youth_id",
    'SELECT youth_id, kind, "on", offer_uid FROM case_event '
    "WHERE kind IN ('tilbud_start', 'loentilskud_start', 'tilbud_slut') AND youth_id IN "
    "(SELECT id FROM youth WHERE henvendelse_date <= :end AND "
    '(closed_on IS NULL OR closed_on >= :start)) ORDER BY youth_id, "on", id',
)


def floors(store: object, month: object, year_start: str) -> dict[str, float]:
    """The least any program could do for each job, in the same run: read the rows the
    figures count from with plain SQL and build nothing from them."""
    span = {"start": f"{month.start}", "end": f"{month.end}"}  # type: ignore[attr-defined]
    year = {"start": year_start, "end": span["end"]}
    return {
        "month": _read(store, (_KEPT, _DEADLINES, _SCORES), span),
        "twelve": _read(store, (_KEPT,), year),
        "sources": _read(store, _SOURCES, span),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--youths", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE.parent))
    import keyring

    from tests.support.memory_keyring import MemoryKeyring
    from ungedesk.domain.figures import Period
    from ungedesk.domain.profile import ProfileInput, Role
    from ungedesk.services import figure_cases, figures, figures_export, setup
    from ungedesk.store.paths import StorePaths

    keyring.set_keyring(MemoryKeyring())
    result: dict[str, object] = {"youths": args.youths}
    with tempfile.TemporaryDirectory(prefix="ungedesk-bench-") as tmp:
        paths = StorePaths(Path(tmp) / "data")
        store = setup.create_installation(
            paths,
            PASSPHRASE,
            ProfileInput("Anne Bjerregaard", "ABJ", "Ungeteamet", Role.CASEWORKER),
            scrypt_n=2**12,
        ).opened.store
        t = time.perf_counter()
        fill(store, args.youths)
        result["fill_s"] = round(time.perf_counter() - t, 1)
        # Opened again, as the app finds the store on a later day: a connection that did
        # the bulk load reads several times slower afterwards (SQLCipher's memory security).
        store.close()
        store = setup.unlock(paths, PASSPHRASE).store
        t = time.perf_counter()
        with store.session() as s:
            derived = figure_cases.bring_up_to_date(s)
        result["first_compute_s"] = round(time.perf_counter() - t, 2)
        assert derived == args.youths
        month = Period.month(2026, 10)
        year_start = month.months_back(12)[0].start.isoformat()
        one: list[float] = []
        year: list[float] = []
        measured: list[dict[str, float]] = []
        for _ in range(args.runs):
            measured.append(floors(store, month, year_start))
            t = time.perf_counter()
            table = figures_export.figures_table(store, month, TODAY)
            one.append(time.perf_counter() - t)
            t = time.perf_counter()
            history = figures.flow_history(store, month, 12)
            year.append(time.perf_counter() - t)
        assert table.rows and len(history) == 12
        store.close()
    floor_month = statistics.median(m["month"] for m in measured)
    floor_twelve = statistics.median(m["twelve"] for m in measured)
    floor_sources = statistics.median(m["sources"] for m in measured)
    result.update(
        {
            "month_s": round(statistics.median(one), 2),
            "month_max_s": round(max(one), 2),
            "twelve_months_s": round(statistics.median(year), 2),
            "twelve_months_max_s": round(max(year), 2),
            "floor_month_s": round(floor_month, 3),
            "floor_twelve_s": round(floor_twelve, 3),
            "floor_sources_s": round(floor_sources, 3),
            "month_ratio": round(statistics.median(one) / floor_month, 1),
            "twelve_ratio": round(statistics.median(year) / floor_twelve, 1),
            "goal_month_s": 1.0,
            "goal_twelve_s": 3.0,
        }
    )
    out = HERE / "results" / "figures.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
