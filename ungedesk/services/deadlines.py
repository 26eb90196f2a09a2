"""Deadlines (rettidighed): the rule engine applied to cases, kept current, and the overview.

Each young person's deadlines are computed by domain.rules from the case's facts and stored
in the ``deadline`` table whenever the case changes (in the same transaction as the change).
The overview ("Frister") is then one indexed query, fast at 100,000 young people. Whether an
unmet deadline is overdue depends on today, so that is decided when reading, not stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ungedesk.domain.calendar import closed_reason
from ungedesk.domain.rules import CaseFacts, Event, Rule, RuleError, Status, deadlines, parse_rules
from ungedesk.domain.visitation import JOBSAMTALE_KINDS, ConversationStatus
from ungedesk.domain.youth import CaseStatus
from ungedesk.resources import RESOURCES
from ungedesk.services import rule_store
from ungedesk.services.setup import InputError
from ungedesk.store.database import Store
from ungedesk.store.models import (
    CaseEvent,
    Caseworker,
    Conversation,
    DeadlineRow,
    LocalRule,
    Setting,
    TargetGroupEntry,
    Visitation,
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


EXPECTED_SETTING = "rules.expected_enabled"


def expected_rules_enabled(session: Session) -> bool:
    """The municipality has switched the expected (not yet confirmed) rules on."""
    setting = session.get(Setting, EXPECTED_SETTING)
    return setting is not None and setting.value == "1"


def legal_rules_in_force(session: Session) -> tuple[Rule, ...]:
    """The shipped rules, or a newer rule file loaded into the store (services.rule_store)."""
    return rule_store.legal_in_force(session, legal_rules())


def rules(session: Session) -> list[Rule]:
    legal = legal_rules_in_force(session)
    if not expected_rules_enabled(session):
        legal = tuple(r for r in legal if not r.expected)
    return [*legal, *_local_rules(session)]


def facts_for(session: Session, youth_id: int) -> CaseFacts | None:
    youth = session.get(Youth, youth_id)
    if youth is None:
        return None
    events = [Event("henvendelse", youth.henvendelse_date)]
    held = session.scalars(
        select(Conversation.starts_at).where(
            Conversation.youth_id == youth_id,
            Conversation.status == ConversationStatus.HELD.value,
            Conversation.kind.in_([k.value for k in JOBSAMTALE_KINDS]),
        )
    )
    events += [Event("jobsamtale", at.date()) for at in held]
    visitation = session.scalar(select(Visitation).where(Visitation.youth_id == youth_id))
    if visitation is not None and visitation.paalaeg_given_on is not None:
        events.append(Event("uddannelsespaalaeg", visitation.paalaeg_given_on))
    for kind, on in session.execute(
        select(CaseEvent.kind, CaseEvent.on).where(CaseEvent.youth_id == youth_id)
    ):
        events.append(Event(kind, on))
    groups = session.execute(
        select(TargetGroupEntry.valid_from, TargetGroupEntry.target_group)
        .where(TargetGroupEntry.youth_id == youth_id)
        .order_by(TargetGroupEntry.valid_from, TargetGroupEntry.id)
    ).all()
    # The visitation assesses the young person as they were when they asked for help: the
    # first target group holds from the start of the case, later ones from their dates.
    first = groups[0][1] if groups else None
    changes = tuple((since, group) for since, group in groups[1:])
    return CaseFacts(youth.birth_date, first, tuple(events), changes)


def deadline_rows(
    youth_id: int, facts: CaseFacts, rule_set: Sequence[Rule]
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
        }
        for d in deadlines(rule_set, facts, date.min)
    ]


def refresh(session: Session, youth_id: int, rule_set: list[Rule] | None = None) -> None:
    """Recompute and store one young person's deadlines (inside the caller's transaction)."""
    facts = facts_for(session, youth_id)
    session.execute(delete(DeadlineRow).where(DeadlineRow.youth_id == youth_id))
    if facts is None:
        return
    rows = deadline_rows(youth_id, facts, rule_set if rule_set is not None else rules(session))
    if rows:
        session.execute(insert(DeadlineRow), rows)


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
    done = 0
    for start in range(0, len(ids), batch):
        if cancel is not None and cancel():
            break
        with store.session() as s:
            for youth_id in ids[start : start + batch]:
                refresh(s, youth_id, rule_set)
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


def _status(met: bool, met_on: date | None, due: date, today: date) -> Status:
    if met:
        return Status.LATE if met_on is not None and met_on > due else Status.MET
    return Status.OVERDUE if today > due else Status.OPEN


def _views(rows: list[DeadlineRow], by_id: dict[str, Rule], today: date) -> list[DeadlineView]:
    tighter: dict[str, list[str]] = {}
    for candidate in by_id.values():
        if candidate.tightens:
            tighter.setdefault(candidate.tightens, []).append(candidate.description)
    out = []
    for r in rows:
        rule = by_id.get(r.rule_id)
        out.append(
            DeadlineView(
                youth_id=r.youth_id,
                rule_id=r.rule_id,
                description=rule.description if rule else r.rule_id,
                source=rule.source if rule else "",
                local=bool(rule and rule.local),
                start=r.start,
                due=r.due,
                status=_status(r.met, r.met_on, r.due, today),
                done=r.done,
                needed=rule.count if rule else 1,
                met_on=r.met_on,
                due_closed=closed_reason(r.due),
                tightened_by=tuple(tighter.get(r.rule_id, ())),
            )
        )
    return out


def for_youth(store: Store, youth_id: int, today: date) -> list[DeadlineView]:
    """A record's own deadlines, earliest due first, met or not."""
    with store.session() as s:
        rows = list(
            s.scalars(
                select(DeadlineRow)
                .where(DeadlineRow.youth_id == youth_id)
                .order_by(DeadlineRow.due, DeadlineRow.rule_id)
            )
        )
        by_id = {r.id: r for r in rules(s)}
    return _views(rows, by_id, today)


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


@dataclass(frozen=True, slots=True)
class Overview:
    """Unmet deadlines of active cases. Overdue ones can run into thousands, so only the
    first page is here (most recently due first); ``overdue_page`` fetches the rest."""

    overdue_total: int
    overdue: list[OverviewRow]
    this_week: list[OverviewRow]
    next_week: list[OverviewRow]

    @property
    def counts(self) -> tuple[int, int, int]:
        return self.overdue_total, len(self.this_week), len(self.next_week)


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
        )
        .join(Youth, Youth.id == DeadlineRow.youth_id)
        .outerjoin(Caseworker, Caseworker.id == Youth.caseworker_id)
        .where(DeadlineRow.met.is_(False), Youth.status == CaseStatus.ACTIVE.value)
    )
    if caseworker_id is not None:
        stmt = stmt.where(Youth.caseworker_id == caseworker_id)
    return stmt


def _rows(result: Any, by_id: dict[str, Rule]) -> list[OverviewRow]:
    out = []
    for youth_id, first, last, case, initials, rule_id, due, done in result:
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
                rule.source,
                due,
                done,
                rule.count,
                closed_reason(due),
            )
        )
    return out


def overview(
    store: Store, today: date, *, caseworker_id: int | None = None, overdue_limit: int = 200
) -> Overview:
    """Overdue (first page and total), due this ISO week and due next ISO week."""
    end_of_week, end_of_next = _week_ends(today)
    with store.session() as s:
        by_id = {r.id: r for r in rules(s)}
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
        )
        coming = _rows(
            s.execute(
                base.where(DeadlineRow.due >= today, DeadlineRow.due <= end_of_next).order_by(
                    DeadlineRow.due, Youth.last_name
                )
            ),
            by_id,
        )
    this_week = [r for r in coming if r.due <= end_of_week]
    next_week = [r for r in coming if r.due > end_of_week]
    return Overview(overdue_total, overdue, this_week, next_week)


def overdue_page(
    store: Store, today: date, offset: int, limit: int, *, caseworker_id: int | None = None
) -> list[OverviewRow]:
    """Further overdue rows for lazy loading, in the same order as Overview.overdue."""
    with store.session() as s:
        by_id = {r.id: r for r in rules(s)}
        return _rows(
            s.execute(
                _unmet(caseworker_id)
                .where(DeadlineRow.due < today)
                .order_by(DeadlineRow.due.desc(), DeadlineRow.id)
                .offset(offset)
                .limit(limit)
            ),
            by_id,
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
