"""The audit log: who read, searched, changed, printed, exported or deleted what, and why.

Every event is appended in the same transaction as the work it records, so an action and its
log entry are saved together or not at all. Rows are hash-chained (see AuditEvent); `verify`
walks the chain from the purge anchor to the recorded head and reports any edited, inserted
or removed row. The actor is the installation's current user: one laptop, one caseworker.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ungedesk.store.database import Store
from ungedesk.store.models import AuditEvent, AuditHead, Caseworker, Setting

CURRENT_USER = "current_caseworker_id"  # setting: the caseworker using this installation
RETENTION_SETTING = "audit_retention_months"
DEFAULT_RETENTION_MONTHS = 6


class Action(StrEnum):
    READ = "read"
    SEARCH = "search"
    CREATE = "create"
    UPDATE = "update"
    REVEAL_CPR = "reveal_cpr"
    PRINT = "print"
    EXPORT = "export"
    DELETE = "delete"
    PURGE = "purge"
    BACKUP = "backup"
    RESTORE = "restore"


ACTION_LABELS: dict[Action, str] = {
    Action.READ: "Læst",
    Action.SEARCH: "Søgning",
    Action.CREATE: "Oprettet",
    Action.UPDATE: "Ændret",
    Action.REVEAL_CPR: "CPR-nummer vist",
    Action.PRINT: "Udskrevet",
    Action.EXPORT: "Eksporteret",
    Action.DELETE: "Slettet",
    Action.PURGE: "Gammel log slettet",
    Action.BACKUP: "Sikkerhedskopi",
    Action.RESTORE: "Gendannet",
}


@dataclass(frozen=True, slots=True)
class AuditView:
    id: int
    at: datetime
    actor: str
    action: Action
    youth_id: int | None
    subject: str
    criterion: str
    purpose: str
    special: bool
    detail: str

    @property
    def action_label(self) -> str:
        return ACTION_LABELS[self.action]


@dataclass(frozen=True, slots=True)
class VerifyResult:
    checked: int
    problems: list[str]  # Danish, one per broken link

    @property
    def ok(self) -> bool:
        return not self.problems


def _now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _digest(prev: str, e: AuditEvent) -> str:
    fields = [
        prev,
        e.id,
        e.at,
        e.actor_id,
        e.actor,
        e.action,
        e.youth_id,
        e.subject,
        e.criterion,
        e.purpose,
        bool(e.special),
        e.detail,
    ]
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _actor(session: Session) -> tuple[int | None, str]:
    setting = session.get(Setting, CURRENT_USER)
    if setting is None:
        return None, "UngeDesk"
    cw = session.get(Caseworker, int(json.loads(setting.value)))
    return (None, "UngeDesk") if cw is None else (cw.id, f"{cw.name} ({cw.initials})")


def record(
    session: Session,
    action: Action,
    *,
    youth_id: int | None = None,
    subject: str = "",
    criterion: str = "",
    purpose: str = "",
    special: bool = False,
    detail: str = "",
    at: datetime | None = None,
) -> None:
    """Append one event inside the caller's transaction."""
    head = session.get(AuditHead, 1)
    if head is None:  # the migration inserts it; its absence is tampering or a bug
        raise RuntimeError("audit head row missing")
    actor_id, actor = _actor(session)
    # The id is fixed before the INSERT because the hash covers it and the row can never be
    # updated afterwards; append-only means the next id is always one past the head.
    event = AuditEvent(
        id=head.last_id + 1,
        at=_stamp(at or _now()),
        actor_id=actor_id,
        actor=actor,
        action=action.value,
        youth_id=youth_id,
        subject=subject,
        criterion=criterion[:500],
        purpose=purpose[:500],
        special=special,
        detail=detail[:2000],
        prev_hash=head.last_hash,
        hash="",
    )
    event.hash = _digest(head.last_hash, event)
    session.add(event)
    head.last_id = event.id
    head.last_hash = event.hash
    session.flush()


def log(store: Store, action: Action, **kwargs: object) -> None:
    """Record an event in its own transaction (for actions that change nothing else)."""
    with store.session() as s:
        record(s, action, **kwargs)  # type: ignore[arg-type]


def _view(e: AuditEvent) -> AuditView:
    return AuditView(
        id=e.id,
        at=datetime.strptime(e.at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC),
        actor=e.actor,
        action=Action(e.action),
        youth_id=e.youth_id,
        subject=e.subject,
        criterion=e.criterion,
        purpose=e.purpose,
        special=bool(e.special),
        detail=e.detail,
    )


def verify(store: Store) -> VerifyResult:
    """Walk the chain; every problem is described in Danish with the row's number."""
    problems: list[str] = []
    checked = 0
    with store.session() as s:
        head = s.get(AuditHead, 1)
        if head is None:
            return VerifyResult(0, ["Loggens hoved mangler: loggen er blevet ændret."])
        expected_prev = head.anchor_hash
        last_id = 0
        for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id)).yield_per(2000):
            checked += 1
            if e.prev_hash != expected_prev:
                problems.append(
                    f"Hændelse nr. {e.id}: kæden er brudt før den (en hændelse er fjernet "
                    "eller indsat)."
                )
            if _digest(e.prev_hash, e) != e.hash:
                problems.append(f"Hændelse nr. {e.id} er ændret efter den blev skrevet.")
            expected_prev = e.hash
            last_id = e.id
        if (last_id, expected_prev) != (head.last_id, head.last_hash):
            problems.append(
                "De nyeste hændelser mangler: loggen slutter ikke med den senest skrevne "
                f"hændelse (nr. {head.last_id})."
            )
    return VerifyResult(checked, problems)


def retention_months(store: Store) -> int:
    with store.session() as s:
        setting = s.get(Setting, RETENTION_SETTING)
        return DEFAULT_RETENTION_MONTHS if setting is None else int(json.loads(setting.value))


def _months_back(moment: datetime, months: int) -> datetime:
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    month += 1
    # Clamp the day (31 August minus 6 months is 28/29 February).
    next_first = date(year + (month == 12), month % 12 + 1, 1)
    day = min(moment.day, (next_first - timedelta(days=1)).day)
    return moment.replace(year=year, month=month, day=day)


def purge_expired(store: Store, *, now: datetime | None = None) -> int:
    """Delete events older than the retention period; the purge itself is logged."""
    moment = now or _now()
    cutoff = _stamp(_months_back(moment, retention_months(store)))
    with store.session() as s:
        head = s.get(AuditHead, 1)
        assert head is not None
        last_old = s.scalars(
            select(AuditEvent).where(AuditEvent.at < cutoff).order_by(AuditEvent.id.desc())
        ).first()
        if last_old is None:
            return 0
        count = int(
            s.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.id <= last_old.id)) or 0
        )
        # Move the mark first: the trigger only lets rows not newer than it go.
        head.purged_before = str(
            s.scalar(select(func.max(AuditEvent.at)).where(AuditEvent.id <= last_old.id))
        )
        head.anchor_hash = last_old.hash
        s.flush()
        s.query(AuditEvent).filter(AuditEvent.id <= last_old.id).delete(synchronize_session=False)
        record(
            s,
            Action.PURGE,
            detail=f"{count} hændelser ældre end {cutoff[:10]} slettet",
            at=moment,
        )
        return count


def events_for_youth(store: Store, youth_id: int) -> list[AuditView]:
    """All access to one person, newest first: for the citizen's right to know."""
    with store.session() as s:
        rows = s.scalars(
            select(AuditEvent).where(AuditEvent.youth_id == youth_id).order_by(AuditEvent.id.desc())
        )
        return [_view(e) for e in rows]


def recent_for_actor(store: Store, actor_id: int, limit: int = 500) -> list[AuditView]:
    """The caseworker's own recent access, newest first."""
    with store.session() as s:
        rows = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.actor_id == actor_id)
            .order_by(AuditEvent.id.desc())
            .limit(limit)
        )
        return [_view(e) for e in rows]
