"""Deadlines (rettidighed): the rule engine applied to cases, kept current, and the overview.

Each young person's deadlines are computed by domain.rules from the case's facts and stored
in the ``deadline`` table whenever the case changes (in the same transaction as the change).
The overview ("Frister") is then one indexed query, fast at 100,000 young people. Whether an
unmet deadline is overdue depends on today, so that is decided when reading, not stored.

Stored rows also say whether a deadline is exempt (a waiver in force, services.waivers) and
whether it is provisional (applied before the visitation set a target group). Working-day
periods follow the municipality's closing days, a setting (``settings.CLOSING_DAYS``) read
with every refresh; changing it recomputes everything (services.closing_days).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import case as sql_case
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ungedesk.domain.calendar import (
    DEFAULT_CALENDAR,
    ClosedDay,
    ClosingCalendar,
    ClosingDay,
    Unit,
    closed_reason,
    skipped_days,
)
from ungedesk.domain.errors import InputError
from ungedesk.domain.rule_parsing import parse_rules
from ungedesk.domain.rules import CaseFacts, Rule, RuleError, Status, deadlines
from ungedesk.domain.youth import CaseStatus
from ungedesk.resources import RESOURCES
from ungedesk.services import bulk_facts, rule_store, settings
from ungedesk.store.database import Store
from ungedesk.store.models import (
    Caseworker,
    DeadlineRow,
    LocalRule,
    WaiverRow,
    Youth,
)

RULES_FILE = RESOURCES / "rules" / "deadlines.toml"


@cache
def legal_rules() -> tuple[Rule, ...]:
    """The shipped rule set (resources/rules/deadlines.toml), read once per process."""
    return tuple(parse_rules(RULES_FILE.read_text(encoding="utf-8")))


def _local_rules(session: Session) -> list[Rule]:
    out: list[Rule] = []
    for definition in session.scalars(select(LocalRule.definition)):
        out.extend(parse_rules(definition, local=True))
    return out


def expected_rules_enabled(session: Session) -> bool:
    """Whether the municipality has switched on expected law (the 2027 main law before its
    final text): the setting ``rules.expected_enabled`` is "1". Off unless set."""
    return settings.read(session, settings.EXPECTED_RULES)


def legal_rules_in_force(session: Session) -> tuple[Rule, ...]:
    """The shipped rules, or a newer rule file loaded into the store (services.rule_store)."""
    return rule_store.legal_in_force(session, legal_rules())


def rules(session: Session) -> list[Rule]:
    """The rules in use: the law in force (expected law only when switched on) and the
    municipality's local standards."""
    legal = legal_rules_in_force(session)
    if not expected_rules_enabled(session):
        legal = tuple(r for r in legal if not r.expected)
    return [*legal, *_local_rules(session)]


def closing_calendar(session: Session) -> ClosingCalendar:
    """The municipality's closing days (unknown values in the setting are ignored)."""
    values = settings.read(session, settings.CLOSING_DAYS)
    if values is None:
        return DEFAULT_CALENDAR
    known = {d.value: d for d in ClosingDay}
    return ClosingCalendar(frozenset(known[v] for v in values if v in known))


def facts_for(session: Session, youth_id: int) -> CaseFacts | None:
    """What the engine needs of one case (services.bulk_facts reads it, for one case or
    many, so a recompute of all cases says exactly what this says)."""
    return bulk_facts.facts_between(session, youth_id, youth_id).get(youth_id)


def deadline_rows(
    youth_id: int,
    facts: CaseFacts,
    rule_set: Sequence[Rule],
    calendar: ClosingCalendar = DEFAULT_CALENDAR,
) -> list[dict[str, Any]]:
    """The ``deadline`` table rows for one case (used by refresh and by bulk loaders)."""
    # ``today`` only decides OPEN versus OVERDUE, which is not stored: any date will do.
    return [
        {
            "youth_id": youth_id,
            "rule_id": d.rule.id,
            "start": d.start,
            "due": d.due,
            "met": d.status in (Status.MET, Status.LATE),
            "met_on": d.met_on,
            "done": d.done,
            "exempt": d.status is Status.EXEMPT,
            "provisional": d.provisional,
            "waivable": d.waivable,
        }
        for d in deadlines(rule_set, facts, date.min, calendar=calendar)
    ]


def refresh(
    session: Session,
    youth_id: int,
    rule_set: list[Rule] | None = None,
    calendar: ClosingCalendar | None = None,
) -> None:
    """Recompute and store one young person's deadlines (inside the caller's transaction)."""
    facts = facts_for(session, youth_id)
    session.execute(delete(DeadlineRow).where(DeadlineRow.youth_id == youth_id))
    if facts is None:
        return
    rows = deadline_rows(
        youth_id,
        facts,
        rule_set if rule_set is not None else rules(session),
        calendar if calendar is not None else closing_calendar(session),
    )
    if rows:
        # Core executemany: the ORM's bulk insert splits rows by which columns are None
        # (met_on), one statement per row, which dominated a recompute of all cases.
        session.connection().execute(insert(DeadlineRow), rows)


def refresh_all(
    store: Store,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    batch: int = 2000,
) -> int:
    """Recompute every case (after a rule change). Whole batches only; returns cases done."""
    with store.session() as s:
        ids = list(s.scalars(select(Youth.id).order_by(Youth.id)))
        rule_set = rules(s)
        calendar = closing_calendar(s)
    done = 0
    for start in range(0, len(ids), batch):
        if cancel is not None and cancel():
            break
        with store.session() as s:
            for youth_id in ids[start : start + batch]:
                refresh(s, youth_id, rule_set, calendar)
        done = min(start + batch, len(ids))
        if progress is not None:
            progress(done, len(ids))
    return done


# --- reading ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeadlineView:
    youth_id: int
    rule_id: str
    description: str
    source: str
    local: bool
    start: date
    due: date
    status: Status
    done: int
    needed: int
    met_on: date | None
    due_closed: str | None
    tightened_by: tuple[str, ...]  # descriptions of local standards stricter than this rule
    provisional: bool = False  # applied before the target group is set
    waivable: bool = False  # the law lets the municipality exempt the young person
    waiver: WaiverNote | None = None  # the decision in force when the deadline is exempt
    # For working-day periods: the weekdays the count skipped (holidays, closing days).
    skipped: tuple[ClosedDay, ...] = ()
    working_days: bool = False


@dataclass(frozen=True, slots=True)
class WaiverNote:
    """The decision behind an exempt deadline, as the record shows it."""

    id: int
    decided_on: date
    decided_by: str
    reason: str


def _status(
    met: bool,
    met_on: date | None,
    due: date,
    today: date,
    exempt: bool = False,
    *,
    in_time: bool | None = None,
) -> Status:
    """``in_time``: enough meeting events fell in the window (``done >= needed``); exact
    also when a rule's grace lets a løntilskud start after the due date."""
    if exempt:
        return Status.EXEMPT
    if met:
        if in_time is not None:
            return Status.MET if in_time else Status.LATE
        return Status.LATE if met_on is not None and met_on > due else Status.MET
    return Status.OVERDUE if today > due else Status.OPEN


def _views(
    rows: list[DeadlineRow],
    by_id: dict[str, Rule],
    today: date,
    calendar: ClosingCalendar = DEFAULT_CALENDAR,
    waivers: Sequence[WaiverRow] = (),
) -> list[DeadlineView]:
    tighter: dict[str, list[str]] = {}
    for candidate in by_id.values():
        if candidate.tightens:
            tighter.setdefault(candidate.tightens, []).append(candidate.description)
    out = []
    for r in rows:
        rule = by_id.get(r.rule_id)
        working = rule is not None and rule.period.unit is Unit.WORKING_DAYS
        note = None
        if r.exempt:
            for w in waivers:
                if w.rule_id == r.rule_id and (w.start == r.start or (rule and rule.once)):
                    note = WaiverNote(w.id, w.decided_on, w.decided_by, w.reason)
                    break
        out.append(
            DeadlineView(
                youth_id=r.youth_id,
                rule_id=r.rule_id,
                description=rule.description if rule else r.rule_id,
                source=rule.source_on(r.start) if rule else "",
                local=bool(rule and rule.local),
                start=r.start,
                due=r.due,
                status=_status(
                    r.met,
                    r.met_on,
                    r.due,
                    today,
                    r.exempt,
                    in_time=r.done >= (rule.count if rule else 1),
                ),
                done=r.done,
                needed=rule.count if rule else 1,
                met_on=r.met_on,
                due_closed=closed_reason(r.due, calendar),
                tightened_by=tuple(tighter.get(r.rule_id, ())),
                provisional=r.provisional,
                waivable=r.waivable,
                waiver=note,
                skipped=skipped_days(r.start, r.due, calendar) if working else (),
                working_days=working,
            )
        )
    return out


def for_youth(store: Store, youth_id: int, today: date) -> list[DeadlineView]:
    """A record's own deadlines, earliest due first, met or not."""
    with store.session() as s:
        return for_youth_in(s, youth_id, today)


def for_youth_in(s: Session, youth_id: int, today: date) -> list[DeadlineView]:
    rows = list(
        s.scalars(
            select(DeadlineRow)
            .where(DeadlineRow.youth_id == youth_id)
            .order_by(DeadlineRow.due, DeadlineRow.rule_id)
        )
    )
    by_id = {r.id: r for r in rules(s)}
    calendar = closing_calendar(s)
    waivers = list(
        s.scalars(
            select(WaiverRow).where(WaiverRow.youth_id == youth_id, WaiverRow.revoked_on.is_(None))
        )
    )
    return _views(rows, by_id, today, calendar, waivers)


@dataclass(frozen=True, slots=True)
class OverviewRow:
    youth_id: int
    name: str
    case_number: str
    caseworker: str
    description: str
    source: str
    due: date
    done: int
    needed: int
    due_closed: str | None
    provisional: bool = False  # before visitation: final or gone once the group is set


@dataclass(frozen=True, slots=True)
class Overview:
    """Unmet deadlines of active cases. Overdue ones can run into thousands, so only the
    first page is here (most recently due first); ``overdue_page`` fetches the rest."""

    overdue_total: int
    overdue: list[OverviewRow]
    this_week: list[OverviewRow]
    next_week: list[OverviewRow]
    # Exempted deadlines are counted apart, never as overdue. ``waivable_total`` is every
    # deadline of the rules the law lets be exempted (the contact course from 1 July 2026)
    # in the active caseload, met or not: the base of the share the law caps at 25 %.
    exempt_total: int = 0
    waivable_total: int = 0

    @property
    def counts(self) -> tuple[int, int, int]:
        return self.overdue_total, len(self.this_week), len(self.next_week)

    @property
    def exempt_share(self) -> float | None:
        return self.exempt_total / self.waivable_total if self.waivable_total else None


def _week_ends(today: date) -> tuple[date, date]:
    end_of_week = today + timedelta(days=6 - today.weekday())
    return end_of_week, end_of_week + timedelta(days=7)


def _unmet(caseworker_id: int | None) -> Any:
    stmt = (
        select(
            DeadlineRow.youth_id,
            Youth.first_name,
            Youth.last_name,
            Youth.case_number,
            Caseworker.initials,
            DeadlineRow.rule_id,
            DeadlineRow.due,
            DeadlineRow.done,
            DeadlineRow.provisional,
            DeadlineRow.start,
        )
        .join(Youth, Youth.id == DeadlineRow.youth_id)
        .outerjoin(Caseworker, Caseworker.id == Youth.caseworker_id)
        .where(
            DeadlineRow.met.is_(False),
            DeadlineRow.exempt.is_(False),
            Youth.status == CaseStatus.ACTIVE.value,
        )
    )
    if caseworker_id is not None:
        stmt = stmt.where(Youth.caseworker_id == caseworker_id)
    return stmt


def _rows(
    result: Any, by_id: dict[str, Rule], calendar: ClosingCalendar = DEFAULT_CALENDAR
) -> list[OverviewRow]:
    out = []
    for youth_id, first, last, case, initials, rule_id, due, done, provisional, start in result:
        rule = by_id.get(rule_id)
        if rule is None:  # a local rule removed since: its rows go at the next refresh
            continue
        out.append(
            OverviewRow(
                youth_id,
                f"{first} {last}",
                case,
                initials or "",
                rule.description,
                rule.source_on(start),  # the citation in force when the deadline started
                due,
                done,
                rule.count,
                closed_reason(due, calendar),
                bool(provisional),
            )
        )
    return out


def _exempt_counts(session: Session, caseworker_id: int | None) -> tuple[int, int]:
    """(exempt, all) deadlines the law lets be waived, in the active caseload."""
    stmt = (
        # (A sum typed Boolean would come back as True: count 1s as integers.)
        select(func.count(), func.sum(sql_case((DeadlineRow.exempt.is_(True), 1), else_=0)))
        .select_from(DeadlineRow)
        .join(Youth, Youth.id == DeadlineRow.youth_id)
        .where(DeadlineRow.waivable.is_(True), Youth.status == CaseStatus.ACTIVE.value)
    )
    if caseworker_id is not None:
        stmt = stmt.where(Youth.caseworker_id == caseworker_id)
    total, exempt = session.execute(stmt).one()
    return int(exempt or 0), int(total or 0)


def overview(
    store: Store, today: date, *, caseworker_id: int | None = None, overdue_limit: int = 200
) -> Overview:
    """Overdue (first page and total), due this ISO week and due next ISO week."""
    end_of_week, end_of_next = _week_ends(today)
    with store.session() as s:
        by_id = {r.id: r for r in rules(s)}
        calendar = closing_calendar(s)
        base = _unmet(caseworker_id)
        overdue_total = int(
            s.scalar(
                select(func.count()).select_from(base.where(DeadlineRow.due < today).subquery())
            )
            or 0
        )
        overdue = _rows(
            s.execute(
                base.where(DeadlineRow.due < today)
                .order_by(DeadlineRow.due.desc(), DeadlineRow.id)
                .limit(overdue_limit)
            ),
            by_id,
            calendar,
        )
        coming = _rows(
            s.execute(
                base.where(DeadlineRow.due >= today, DeadlineRow.due <= end_of_next).order_by(
                    DeadlineRow.due, Youth.last_name
                )
            ),
            by_id,
            calendar,
        )
        exempt_total, waivable_total = _exempt_counts(s, caseworker_id)
    this_week = [r for r in coming if r.due <= end_of_week]
    next_week = [r for r in coming if r.due > end_of_week]
    return Overview(overdue_total, overdue, this_week, next_week, exempt_total, waivable_total)


def counts(store: Store, today: date, *, caseworker_id: int | None = None) -> tuple[int, int, int]:
    """Overview.counts without the rows (overdue, this ISO week, next ISO week): what the
    Deadlines tab's title shows while the list itself is not on screen. Three counts, no
    closing-day names, so the start reads no calendar."""
    end_of_week, end_of_next = _week_ends(today)
    with store.session() as s:
        known = [r.id for r in rules(s)]
        base = _unmet(caseworker_id)

        def count(*where: Any) -> int:
            return int(
                s.scalar(select(func.count()).select_from(base.where(*where).subquery())) or 0
            )

        # As in overview: all overdue rows count; the weeks' rows are those of known rules.
        coming = (DeadlineRow.rule_id.in_(known),)
        return (
            count(DeadlineRow.due < today),
            count(DeadlineRow.due >= today, DeadlineRow.due <= end_of_week, *coming),
            count(DeadlineRow.due > end_of_week, DeadlineRow.due <= end_of_next, *coming),
        )


def overdue_page(
    store: Store, today: date, offset: int, limit: int, *, caseworker_id: int | None = None
) -> list[OverviewRow]:
    """Further overdue rows for lazy loading, in the same order as Overview.overdue."""
    with store.session() as s:
        by_id = {r.id: r for r in rules(s)}
        calendar = closing_calendar(s)
        return _rows(
            s.execute(
                _unmet(caseworker_id)
                .where(DeadlineRow.due < today)
                .order_by(DeadlineRow.due.desc(), DeadlineRow.id)
                .offset(offset)
                .limit(limit)
            ),
            by_id,
            calendar,
        )


# --- local standards -------------------------------------------------------------------


def add_local_rule(store: Store, definition: str) -> list[str]:
    """Store a municipality's local standard (TOML [[rule]]), then refresh every case."""
    try:
        parsed = parse_rules(definition, local=True)
    except RuleError as exc:
        raise InputError({"definition": exc.message}) from None
    if len(parsed) != 1:
        raise InputError({"definition": "Skriv præcis én regel ad gangen."})
    rule = parsed[0]
    with store.session() as s:
        legal = {r.id for r in legal_rules_in_force(s)}
    if rule.id in legal:
        raise InputError({"definition": f"Id'et {rule.id} bruges af en lovregel."})
    if rule.tightens and rule.tightens not in legal:
        raise InputError({"definition": f"Reglen {rule.tightens}, som skal skærpes, findes ikke."})
    with store.session() as s:
        if s.scalar(select(LocalRule.id).where(LocalRule.rule_id == rule.id)):
            raise InputError({"definition": f"Der findes allerede en lokal regel {rule.id}."})
        s.add(LocalRule(rule_id=rule.id, definition=definition))
    refresh_all(store)
    return [rule.id]


def local_rule_definitions(store: Store) -> dict[str, str]:
    with store.session() as s:
        rows = s.execute(select(LocalRule.rule_id, LocalRule.definition)).all()
        return {rule_id: definition for rule_id, definition in rows}


def remove_local_rule(store: Store, rule_id: str) -> None:
    with store.session() as s:
        s.execute(delete(LocalRule).where(LocalRule.rule_id == rule_id))
    refresh_all(store)
