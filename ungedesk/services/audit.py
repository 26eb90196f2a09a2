"""The audit log: who read, searched, changed, printed, exported or deleted what, and why.

Every event is appended in the same transaction as the work it records, so an action and its
log entry are saved together or not at all. Rows are hash-chained (see AuditEvent); `verify`
walks the chain from the purge anchor to the recorded head and reports any edited, inserted
or removed row. The actor is the installation's current user: one laptop, one caseworker.

The chain alone cannot catch someone who holds the key and rewrites the chain and its head,
nor an older database file copied back. So the head is also kept outside the database
(store.anchor: a file beside it and the keyring) and compared at every start
(`secure_head`) and by `verify`; docs/audit-threat-model.md says what this detects and what
a log kept on one laptop cannot.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from functools import partial
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ungedesk.services import current_user, settings
from ungedesk.store import anchor
from ungedesk.store.anchor import AnchorFormatError, HeadMark
from ungedesk.store.database import Store
from ungedesk.store.errors import StoreError, translate_os_error
from ungedesk.store.models import AuditEvent, AuditHead
from ungedesk.store.paths import write_private_atomic

DEFAULT_RETENTION_MONTHS = settings.AUDIT_RETENTION_MONTHS.default
RETENTION_RANGE = settings.AUDIT_RETENTION_RANGE
# A purge never follows the clock further than this past the newest event the store has
# seen: a clock set 200 days ahead must not empty the log at the next unlock.
PURGE_CLOCK_MARGIN = timedelta(days=1)

# The database's own guard (migration 0002), re-armed at start when someone dropped it.
GUARD_TRIGGERS: dict[str, str] = {
    "audit_event_no_update": (
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    ),
    "audit_event_no_delete": (
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
        "WHEN OLD.at > (SELECT purged_before FROM audit_head WHERE id = 1) "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    ),
    "audit_head_no_delete": (
        "CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head "
        "BEGIN SELECT RAISE(ABORT, 'audit head cannot be removed'); END"
    ),
}


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
    SETTING = "setting"
    TAMPER = "tamper"


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
    Action.SETTING: "Indstilling ændret",
    Action.TAMPER: "Loggen fundet ændret",
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
    head: HeadMark = field(default_factory=lambda: HeadMark(0, ""))

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
    cw = current_user.current_caseworker(session)
    return (None, "UngeDesk") if cw is None else (cw.id, current_user.label(cw))


def current_actor(session: Session) -> tuple[int | None, str]:
    """(caseworker id, "Name (INI)") of the current user, as the log records them."""
    return _actor(session)


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
    # The store copies this mark outside the database once the transaction has committed.
    session.info[anchor.SESSION_INFO_KEY] = (event.id, event.hash)


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


def _walk_chain(s: Session) -> tuple[int, list[str]]:
    problems: list[str] = []
    checked = 0
    head = s.get(AuditHead, 1)
    if head is None:
        return 0, ["Loggens hoved mangler: loggen er blevet ændret."]
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
    return checked, problems


def _guard_problems(s: Session) -> list[str]:
    """The triggers that make the log append-only in the database itself."""
    rows = s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all()
    found: dict[str, str] = {str(name): str(sql) for name, sql in rows}
    problems = []
    for name, sql in GUARD_TRIGGERS.items():
        have = found.get(name)
        if have is None:
            problems.append(f"Databasens spærring mod at rette i loggen ({name}) er fjernet.")
        elif " ".join(str(have).split()) != " ".join(sql.split()):
            problems.append(f"Databasens spærring mod at rette i loggen ({name}) er ændret.")
    return problems


def _when(mark: HeadMark) -> str:
    try:
        moment = datetime.fromisoformat(mark.at)
    except ValueError:
        return "på et ukendt tidspunkt"
    return moment.astimezone(UTC).strftime("%d.%m.%Y kl. %H:%M UTC")


def _mark_problem(s: Session, mark: HeadMark, where: str) -> str | None:
    """Does the log still hold the event the mark names, unchanged?"""
    head = s.get(AuditHead, 1)
    if head is None:
        return None  # reported by the chain walk
    if mark.seq > head.last_id:
        missing = mark.seq - head.last_id
        return (
            f"Loggen er rullet tilbage eller afkortet: {where} kender hændelse nr. {mark.seq} "
            f"(skrevet {_when(mark)}), men databasen slutter ved nr. {head.last_id}. "
            f"{missing} hændelser (nr. {head.last_id + 1}-{mark.seq}) mangler."
        )
    if mark.seq == 0:
        return None
    stored = s.scalar(select(AuditEvent.hash).where(AuditEvent.id == mark.seq))
    if stored is None:
        oldest = s.scalar(select(func.min(AuditEvent.id)))
        if oldest is not None and mark.seq == oldest - 1:
            if head.anchor_hash == mark.hash:
                return None  # the purge took exactly up to the mark
            return f"Loggen er skrevet om: hændelse nr. {mark.seq}, som {where} kender, er ændret."
        if oldest is None or mark.seq < oldest:
            # Purged by retention since the mark was written: nothing left to compare with,
            # unless the purge anchor says otherwise.
            return None
        return f"Loggen er ændret: hændelse nr. {mark.seq}, som {where} kender, er fjernet."
    if stored != mark.hash:
        return (
            f"Loggen er skrevet om: hændelse nr. {mark.seq} er ikke den hændelse, {where} kender "
            f"(skrevet {_when(mark)})."
        )
    return None


def _anchor_problems(s: Session, store: Store) -> list[str]:
    problems: list[str] = []
    # Set once the head is kept outside the database; from then on a missing mark is a
    # finding.
    anchored = settings.is_set(s, settings.AUDIT_ANCHORED_SINCE)
    places: tuple[tuple[str, Callable[[], HeadMark | None]], ...] = (
        (
            "ankerfilen ved siden af databasen",
            partial(anchor.read_file, store.paths, store.store_id),
        ),
        ("systemets nøglering", partial(anchor.keyring_read, store.store_id)),
    )
    for where, read in places:
        try:
            mark = read()
        except AnchorFormatError:
            problems.append(f"Loggens mærke i {where} er ændret eller ulæseligt.")
            continue
        if mark is None:
            if anchored and where.startswith("ankerfilen"):
                problems.append(
                    "Ankerfilen ved siden af databasen mangler (den er slettet, eller en "
                    "ældre datamappe er kopieret ind)."
                )
            continue
        found = _mark_problem(s, mark, where)
        if found is not None:
            problems.append(found)
    return problems


def head(store: Store) -> HeadMark:
    """The newest event's number and hash: what a witness writes down."""
    with store.session() as s:
        row = s.get(AuditHead, 1)
        if row is None:
            return HeadMark(0, "")
        return anchor.now_mark(row.last_id, row.last_hash)


def export_witness(store: Store, target: Path) -> HeadMark:
    """Write the head to a file for someone who keeps it outside UngeDesk (a witness)."""
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise StoreError("Vælg et almindeligt filnavn til vidnet, ikke en mappe eller genvej.")
    mark = head(store)
    try:
        write_private_atomic(target, json.dumps(mark.to_doc(store.store_id), indent=2).encode())
    except OSError as exc:
        raise translate_os_error(exc) from exc
    return mark


def _recorded_tampering(s: Session) -> list[str]:
    rows = s.scalars(
        select(AuditEvent).where(AuditEvent.action == Action.TAMPER.value).order_by(AuditEvent.id)
    )
    return [f"Fundet {e.at[:10]} (hændelse nr. {e.id}): {e.detail}" for e in rows]


def verify(store: Store) -> VerifyResult:
    """Walk the chain, check the database's guard and compare the head with the marks kept
    outside the database; every problem is described in Danish with the row's number.
    Tampering found earlier (at a start) is reported too, as long as the log keeps it."""
    with store.session() as s:
        checked, problems = _walk_chain(s)
        problems += _guard_problems(s)
        problems += _anchor_problems(s, store)
        problems += _recorded_tampering(s)
        row = s.get(AuditHead, 1)
        mark = HeadMark(row.last_id, row.last_hash) if row is not None else HeadMark(0, "")
    return VerifyResult(checked, problems, mark)


def check_witness(store: Store, witness: HeadMark) -> list[str]:
    """Compare a mark someone else kept (exported earlier) with the log."""
    with store.session() as s:
        problem = _mark_problem(s, witness, "vidnet")
    return [] if problem is None else [problem]


def secure_head(store: Store) -> list[str]:
    """At every start: compare the marks kept outside the database with the log, record
    what is wrong as a TAMPER event (so it stays in the log), re-arm a removed guard and
    move the marks to the current head. Returns the findings (Danish) for the user."""
    with store.session() as s:
        guard = _guard_problems(s)
        problems = guard + _anchor_problems(s, store)
        if guard:
            present = set(
                s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).all()
            )
            for name, sql in GUARD_TRIGGERS.items():
                if name in present:
                    s.execute(text(f"DROP TRIGGER {name}"))  # names are our constants
                s.execute(text(sql))
        if problems:
            record(s, Action.TAMPER, detail=" ".join(problems))
        if not settings.is_set(s, settings.AUDIT_ANCHORED_SINCE):
            row = s.get(AuditHead, 1)
            settings.write(s, settings.AUDIT_ANCHORED_SINCE, row.last_id if row else 0)
        current = s.get(AuditHead, 1)
        mark = (current.last_id, current.last_hash) if current is not None else (0, "")
    store.last_mark = anchor.now_mark(*mark)
    # Written only when they differ, so a start that changes nothing leaves the folder as it
    # was (and the keyring is not asked to write at every start).
    try:
        on_file = anchor.read_file(store.paths, store.store_id)
    except AnchorFormatError:
        on_file = None
    if on_file is None or (on_file.seq, on_file.hash) != mark:
        with suppress(OSError):  # a mark that stays missing is reported at the next start
            anchor.write_file(store.paths, store.store_id, store.last_mark)
    try:
        in_keyring = anchor.keyring_read(store.store_id)
    except AnchorFormatError:
        in_keyring = None
    if in_keyring is None or (in_keyring.seq, in_keyring.hash) != mark:
        store.anchor_keyring()
    return problems


def retention_months(store: Store) -> int:
    return settings.get_setting(store, settings.AUDIT_RETENTION_MONTHS)


def set_retention_months(store: Store, months: int) -> None:
    """Change how long the log is kept; the change itself is logged (old and new value)."""
    with store.session() as s:
        write_retention_months(s, months)


def write_retention_months(session: Session, months: int) -> None:
    """``set_retention_months`` inside the caller's transaction."""
    low, high = RETENTION_RANGE
    if not low <= months <= high:
        raise ValueError(f"retention must be {low}-{high} months")
    old = settings.read(session, settings.AUDIT_RETENTION_MONTHS)
    if old == months:
        return
    settings.write(session, settings.AUDIT_RETENTION_MONTHS, months)
    record(
        session,
        Action.SETTING,
        detail=f"Opbevaringstid for adgangsloggen ændret fra {old} til {months} måneder",
    )


def _months_back(moment: datetime, months: int) -> datetime:
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    month += 1
    # Clamp the day (31 August minus 6 months is 28/29 February).
    next_first = date(year + (month == 12), month % 12 + 1, 1)
    day = min(moment.day, (next_first - timedelta(days=1)).day)
    return moment.replace(year=year, month=month, day=day)


def _parse_stamp(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def purge_expired(store: Store, *, now: datetime | None = None) -> int:
    """Delete events older than the retention period; the purge itself is logged with the
    range it took. The clock is trusted only up to a day past the newest event already in
    the log, so a clock that jumped forward cannot empty the log."""
    moment = now or _now()
    months = retention_months(store)
    with store.session() as s:
        head = s.get(AuditHead, 1)
        assert head is not None
        newest = s.scalar(select(func.max(AuditEvent.at)))
        effective = moment
        if newest is not None:
            effective = min(moment, _parse_stamp(str(newest)) + PURGE_CLOCK_MARGIN)
        cutoff = _stamp(_months_back(effective, months))
        last_old = s.scalars(
            select(AuditEvent).where(AuditEvent.at < cutoff).order_by(AuditEvent.id.desc())
        ).first()
        if last_old is None:
            return 0
        first_old = s.scalars(select(AuditEvent).order_by(AuditEvent.id)).first()
        assert first_old is not None
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
            detail=(
                f"{count} hændelser ældre end {cutoff[:10]} slettet (nr. {first_old.id}-"
                f"{last_old.id}, {first_old.at[:10]} til {head.purged_before[:10]}); "
                f"opbevaringstid {months} måneder"
            ),
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
