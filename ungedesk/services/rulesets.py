"""Loading a newer legal rule file, and switching the expected rules on or off.

Loading is two steps, both on the same code path:

1. ``preview``: the file is checked (domain.rule_file: a Danish message naming the rule and
   the field), compared with the rule set in force (rules added, removed, changed: which
   fields, old -> new) and every case's deadlines are recomputed inside a transaction that
   is rolled back, to say how many cases would get other deadlines. Nothing is written.
2. ``apply``: ONE transaction stores the file (table ``rule_set``), recomputes every stored
   deadline and appends an audit event. A failure or a cancel anywhere rolls back all of
   it: the old rules and the old deadlines stay, and nothing is logged.

Which set is in force afterwards is services.rule_store's rule (a loaded set is used while
it is newer than the shipped file). A file older than the set in force is refused unless
forced; a file not newer than the shipped one is always refused, since it could never be
used.

The expected rules (``expected = true``: the 2027 law before its final text) are used only
when the municipality switches them on (setting ``rules.expected_enabled``); switching is
likewise one transaction with the recompute and the audit event.

Recomputing reads the cases in ranges of ids (services.bulk_facts) and rewrites only the
cases whose deadlines changed, so 100,000 cases take seconds, not minutes.

Why this module is long (about 600 lines): preview, apply, the expected switch and the
recompute at unlock share one transaction story and one rule-set fingerprint; split apart,
each would have to repeat how a rule set is chosen and recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ungedesk.domain.errors import FileError, KnownError, StoppedError
from ungedesk.domain.rule_file import (
    MAX_RULE_FILE_BYTES,
    ChangeKind,
    RuleChange,
    RuleFile,
    decode_rule_file,
    diff_rules,
    parse_rule_file,
)
from ungedesk.domain.rule_parsing import parse_rules
from ungedesk.domain.rule_text import dates_text
from ungedesk.domain.rules import Rule, RuleError
from ungedesk.services import audit, deadlines, rule_store, settings
from ungedesk.services.bulk_facts import facts_between
from ungedesk.services.progress import Progress as StopProgress
from ungedesk.store.database import Store
from ungedesk.store.errors import StoreError
from ungedesk.store.models import DeadlineRow, LocalRule, RuleSetRow, Youth

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
CHUNK = 2000  # young people read, compared and rewritten at a time


class RuleFileError(FileError):
    """A rule file that cannot be used; the message names the rule and the field."""

    exit_code = 2


class OlderRuleSetError(StoreError):
    """The file is older than the rule set in force (allowed only when forced)."""

    exit_code = 2


class RulesCancelledError(StoppedError):
    exit_code = 130  # the shell's "stopped by Ctrl+C"
    message = "Stoppet: intet er ændret. De hidtidige regler og frister gælder stadig."


# --- reading and checking a file -------------------------------------------------------


def read_rule_file(path: Path) -> bytes:
    """The file's bytes, refusing a huge file before reading it."""
    try:
        if path.is_dir():
            raise RuleFileError(f"{path.name} er en mappe, ikke en regelfil.")
        size = path.stat().st_size
        if size > MAX_RULE_FILE_BYTES:
            raise RuleFileError(
                f"Regelfilen er for stor ({size // 1024} KB); en regelfil er højst "
                f"{MAX_RULE_FILE_BYTES // 1024} KB."
            )
        with path.open("rb") as f:
            return f.read(MAX_RULE_FILE_BYTES + 1)
    except FileNotFoundError:
        raise RuleFileError(f"Regelfilen {path.name} findes ikke. Tjek filnavnet.") from None
    except PermissionError:
        raise RuleFileError(f"Regelfilen {path.name} kan ikke læses (ingen adgang).") from None
    except OSError as exc:
        raise RuleFileError(f"Regelfilen {path.name} kan ikke læses ({exc.strerror}).") from None


def check_rule_file(data: bytes) -> RuleFile:
    try:
        return parse_rule_file(data)
    except RuleError as exc:
        raise RuleFileError(exc.message) from None


# --- recomputing -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Recomputed:
    cases: int
    cases_changed: int
    deadlines_before: int
    deadlines_after: int


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[c] for c in _COMPARED)


# Every stored column of a deadline row but its ids: a row that differs in any is rewritten.
_COMPARED = (
    "rule_id",
    "start",
    "due",
    "met",
    "met_on",
    "done",
    "exempt",
    "provisional",
    "waivable",
)


def recompute_all(
    session: Session,
    rule_set: Sequence[Rule],
    *,
    write: bool,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Recomputed:
    """Every case's deadlines under ``rule_set``, compared with the stored ones; with
    ``write`` the rows that changed are rewritten (in the caller's transaction). A cancel
    raises RulesCancelledError, so the caller's transaction rolls back whole.

    Writing is what costs at 100,000 cases (an encrypted page per few rows), so only the
    rows that differ are deleted and inserted: a rule change that moves one deadline of a
    case leaves that case's other deadlines where they are. Inserts go through Core's
    executemany: the ORM's bulk insert splits rows by which columns are None (met_on), one
    statement per row."""
    ids = list(session.scalars(select(Youth.id).order_by(Youth.id)))
    calendar = deadlines.closing_calendar(session)
    total = len(ids)
    changed = before = after = 0
    if progress is not None:
        progress(0, total)
    for at in range(0, total, CHUNK):
        if cancel is not None and cancel():
            raise RulesCancelledError
        chunk = ids[at : at + CHUNK]
        lo, hi = chunk[0], chunk[-1]
        stored: dict[int, list[tuple[int, tuple[Any, ...]]]] = {}
        for row in (
            session.connection()
            .execute(
                select(
                    DeadlineRow.youth_id,
                    DeadlineRow.id,
                    DeadlineRow.rule_id,
                    DeadlineRow.start,
                    DeadlineRow.due,
                    DeadlineRow.met,
                    DeadlineRow.met_on,
                    DeadlineRow.done,
                    DeadlineRow.exempt,
                    DeadlineRow.provisional,
                    DeadlineRow.waivable,
                ).where(DeadlineRow.youth_id.between(lo, hi))
            )
            .all()
        ):
            stored.setdefault(row[0], []).append((row[1], tuple(row[2:])))
        facts = facts_between(session, lo, hi)
        gone: list[int] = []  # row ids
        new_rows: list[dict[str, Any]] = []
        for youth_id in chunk:
            case = facts.get(youth_id)
            rows = (
                [] if case is None else deadlines.deadline_rows(youth_id, case, rule_set, calendar)
            )
            old = stored.get(youth_id, [])
            before += len(old)
            after += len(rows)
            unmatched: dict[tuple[Any, ...], list[int]] = {}
            for row_id, key in old:
                unmatched.setdefault(key, []).append(row_id)
            fresh = []
            for r in rows:
                same = unmatched.get(_key(r))
                if same:
                    same.pop()
                else:
                    fresh.append(r)
            left = [row_id for row_ids in unmatched.values() for row_id in row_ids]
            if fresh or left:
                changed += 1
                gone.extend(left)
                new_rows.extend(fresh)
        if write:
            for i in range(0, len(gone), 500):
                session.execute(delete(DeadlineRow).where(DeadlineRow.id.in_(gone[i : i + 500])))
            if new_rows:
                session.connection().execute(insert(DeadlineRow), new_rows)
        if progress is not None:
            progress(min(at + CHUNK, total), total)
    return Recomputed(total, changed, before, after)


# --- loading a rule file ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Preview:
    version: date
    sha256: str
    rules: int
    current_version: date | None  # the set in force now
    current_loaded: bool  # the set in force is a loaded file (else the shipped one)
    shipped_version: date | None
    changes: tuple[RuleChange, ...]
    older: bool  # older than the set in force: only when forced
    same: bool  # the very set in force: nothing to do
    shadowed: bool  # not newer than the shipped file: could never be used
    recomputed: Recomputed

    def count(self, kind: ChangeKind) -> int:
        return sum(c.kind is kind for c in self.changes)


class _DryRunDoneError(Exception):
    def __init__(self, result: object) -> None:
        super().__init__("dry run")
        self.result = result


def _refusal(preview: Preview, force: bool) -> KnownError | None:
    if preview.same:
        return RuleFileError(
            f"Regelsættet (version {preview.version.isoformat()}) er allerede i brug."
        )
    if preview.shadowed:
        shipped = preview.shipped_version
        return RuleFileError(
            f"Regelfilen har version {preview.version.isoformat()}, men programmet har selv "
            f"regler af version {shipped.isoformat() if shipped else '?'}: de nyeste gælder, "
            "så filen ville aldrig blive brugt."
        )
    if preview.older and not force:
        current = preview.current_version
        return OlderRuleSetError(
            f"Regelfilen har version {preview.version.isoformat()}, som er ældre end "
            f"reglerne i brug ({current.isoformat() if current else '?'}). Vil du alligevel "
            "tage den i brug, så indlæs den med --force (eller 'Indlæs alligevel')."
        )
    return None


def _load(
    session: Session,
    data: bytes,
    *,
    progress: Progress | None,
    cancel: Cancel | None,
    write: bool,
    force: bool,
    now: datetime,
) -> Preview:
    parsed = check_rule_file(data)
    text = decode_rule_file(data)
    sha = rule_store.sha256_of(text)
    info = rule_store.in_force(session)
    old_legal = deadlines.legal_rules_in_force(session)
    newest = rule_store.newest_stored(session)
    same = (info.loaded and newest is not None and newest.sha256 == sha) or (
        not info.loaded and sha == rule_store.sha256_of(rule_store.shipped_text())
    )
    shipped = rule_store.shipped_version()
    older = info.version is not None and parsed.version < info.version
    shadowed = shipped is not None and parsed.version <= shipped
    # The new set is stored first, so deadlines.rules() sees exactly what it will see after
    # the commit (expected switch and local standards included); a dry run rolls it back.
    session.add(RuleSetRow(version=parsed.version, text=text, sha256=sha, loaded_at=now))
    session.flush()
    preview = Preview(
        version=parsed.version,
        sha256=sha,
        rules=len(parsed.rules),
        current_version=info.version,
        current_loaded=info.loaded,
        shipped_version=shipped,
        changes=tuple(diff_rules(old_legal, parsed.rules)),
        older=older,
        same=same,
        shadowed=shadowed,
        recomputed=Recomputed(0, 0, 0, 0),
    )
    refusal = _refusal(preview, force)
    if write and refusal is not None:
        raise refusal
    if refusal is not None and (preview.same or preview.shadowed):
        return preview  # nothing would change: no need to recompute
    recomputed = recompute_all(
        session, deadlines.rules(session), write=write, progress=progress, cancel=cancel
    )
    preview = replace(preview, recomputed=recomputed)
    if write:
        _mark_computed(session)
        added = preview.count(ChangeKind.ADDED)
        removed = preview.count(ChangeKind.REMOVED)
        changed = preview.count(ChangeKind.CHANGED)
        audit.record(
            session,
            audit.Action.SETTING,
            subject="Regelsæt",
            purpose="Nyere regelfil indlæst",
            detail=(
                f"Regelsæt version {parsed.version.isoformat()} taget i brug "
                f"(før: {info.version.isoformat() if info.version else 'ingen version'}"
                f"{', tvunget' if older else ''}); sha256 {sha[:16]}; {len(parsed.rules)} "
                f"regler: {added} nye, {removed} fjernet, {changed} ændret; frister "
                f"genberegnet for {recomputed.cases} sager, {recomputed.cases_changed} ændret."
            ),
        )
    return preview


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def preview(
    store: Store,
    data: bytes,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Preview:
    """What loading ``data`` would change; computed in a transaction that is rolled back."""
    try:
        with store.session() as s:
            result = _load(
                s,
                data,
                progress=progress,
                cancel=cancel,
                write=False,
                force=True,
                now=_utcnow(),
            )
            raise _DryRunDoneError(result)
    except _DryRunDoneError as done:
        assert isinstance(done.result, Preview)
        return done.result


def apply(
    store: Store,
    data: bytes,
    *,
    force: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    now: datetime | None = None,
) -> Preview:
    """Store the rule file, recompute every deadline and log it: one transaction."""
    with store.session() as s:
        return _load(
            s,
            data,
            progress=progress,
            cancel=cancel,
            write=True,
            force=force,
            now=now or _utcnow(),
        )


# --- the expected rules ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Switched:
    enabled: bool
    changed: bool  # False: it already was so, nothing was done
    expected_rules: int
    recomputed: Recomputed


def set_expected(
    store: Store,
    enabled: bool,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Switched:
    """Switch the expected rules on or off, recompute every deadline, log it: one
    transaction (a cancel or failure leaves the switch and the deadlines as they were)."""
    with store.session() as s:
        expected = sum(r.expected for r in deadlines.legal_rules_in_force(s))
        if deadlines.expected_rules_enabled(s) == enabled:
            return Switched(enabled, False, expected, Recomputed(0, 0, 0, 0))
        settings.write(s, settings.EXPECTED_RULES, enabled)
        s.flush()
        recomputed = recompute_all(
            s, deadlines.rules(s), write=True, progress=progress, cancel=cancel
        )
        _mark_computed(s)
        audit.record(
            s,
            audit.Action.SETTING,
            subject="Forventede regler",
            purpose="Forventede regler slået til" if enabled else "Forventede regler slået fra",
            detail=(
                f"{expected} forventede regler {'slået til' if enabled else 'slået fra'}; "
                f"frister genberegnet for {recomputed.cases} sager, "
                f"{recomputed.cases_changed} ændret."
            ),
        )
        return Switched(enabled, True, expected, recomputed)


# --- after a program update ------------------------------------------------------------


def _mark_computed(session: Session) -> None:
    settings.write(session, settings.RULES_COMPUTED_WITH, rule_store.fingerprint(session))


def stale(store: Store) -> bool:
    """The stored deadlines were not computed with the legal rules in force now: a program
    update shipped other rules (or this store predates the mark). The start of the program
    should then call ``recompute_if_stale``."""
    with store.session() as s:
        return not rule_store.deadlines_current(s)


def recompute_if_stale(
    store: Store,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Recomputed | None:
    """Recompute every deadline when the rules in force changed under the stored ones (one
    transaction, logged); None when they are current."""
    with store.session() as s:
        if rule_store.deadlines_current(s):
            return None
        recomputed = recompute_all(
            s, deadlines.rules(s), write=True, progress=progress, cancel=cancel
        )
        _mark_computed(s)
        if not recomputed.cases_changed:
            return recomputed  # nothing moved (a new store, or rules that changed no case)
        info = rule_store.in_force(s)
        audit.record(
            s,
            audit.Action.SETTING,
            subject="Regelsæt",
            purpose="Frister genberegnet efter skift af regelsæt",
            detail=(
                f"Regelsæt {info.version.isoformat() if info.version else 'uden versionsdato'} "
                f"({'indlæst' if info.loaded else 'fulgte med programmet'}); frister "
                f"genberegnet for {recomputed.cases} sager, {recomputed.cases_changed} ændret."
            ),
        )
        return recomputed


# --- listing the rules -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RuleListing:
    """Every rule the installation knows (legal in force, expected, local standards)."""

    rules: tuple[Rule, ...]
    expected_enabled: bool
    in_force: rule_store.InForce


def listing(store: Store) -> RuleListing:
    with store.session() as s:
        legal = deadlines.legal_rules_in_force(s)
        local = [r for r in deadlines.rules(s) if r.local and r not in legal]
        return RuleListing(
            (*legal, *local), deadlines.expected_rules_enabled(s), rule_store.in_force(s)
        )


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The rules a new local standard is written against: the legal rules in force (a
    loaded rule file's when newer than the shipped one) and the local standards."""

    legal: tuple[Rule, ...]
    local: tuple[Rule, ...]


def rule_set(store: Store) -> RuleSet:
    """What the local standards dialog shows and checks a new standard against."""
    with store.session() as s:
        local: list[Rule] = []
        for definition in s.scalars(select(LocalRule.definition)):
            local.extend(parse_rules(definition, local=True))
        return RuleSet(tuple(deadlines.legal_rules_in_force(s)), tuple(local))


def loaded_sets(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count(RuleSetRow.id))) or 0)


# --- for screens with a Stop button (ui.operations passes a services.progress.Progress) -----

RECOMPUTE_LABEL = "Genberegner frister"


class _Relay:
    """A Stop-able Progress as the recompute's (done, total) report and cancel check."""

    def __init__(self, progress: StopProgress | None) -> None:
        self._progress = progress

    def report(self, done: int, total: int) -> None:
        # A stop is noticed by ``cancelled`` at the next chunk, with the rules' own message.
        if self._progress is not None and not self._progress.stopped:
            self._progress.step(done, total, RECOMPUTE_LABEL)

    def cancelled(self) -> bool:
        return self._progress is not None and self._progress.stopped


def preview_file(
    store: Store, path: Path, *, progress: StopProgress | None = None
) -> tuple[bytes, Preview]:
    """The file's bytes (read once, applied as previewed) and what loading them would
    change; nothing is written."""
    data = read_rule_file(path)
    relay = _Relay(progress)
    return data, preview(store, data, progress=relay.report, cancel=relay.cancelled)


def apply_file(
    store: Store, data: bytes, *, force: bool = False, progress: StopProgress | None = None
) -> Preview:
    """``apply`` with a Stop: a stop rolls the whole load back (RulesCancelledError)."""
    relay = _Relay(progress)
    return apply(store, data, force=force, progress=relay.report, cancel=relay.cancelled)


def switch_expected(
    store: Store, enabled: bool, *, progress: StopProgress | None = None
) -> Switched:
    """``set_expected`` with a Stop: a stop leaves the switch and every deadline as they were."""
    relay = _Relay(progress)
    return set_expected(store, enabled, progress=relay.report, cancel=relay.cancelled)


# --- the preview in words (the CLI prints it, the GUI shows it) ----------------------------

_SIGN = {ChangeKind.ADDED: "+", ChangeKind.REMOVED: "-", ChangeKind.CHANGED: "~"}


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def describe_preview(p: Preview) -> list[str]:
    """The preview as Danish lines: the versions, each change with its dates and fields,
    and how many cases get other deadlines."""
    now = f"version {p.current_version.isoformat()}" if p.current_version else "uden versionsdato"
    where = "indlæst regelfil" if p.current_loaded else "fulgte med programmet"
    lines = [
        f"Regelfil version {p.version.isoformat()} med {p.rules} regler.",
        f"Reglerne i brug nu: {now} ({where}).",
    ]
    if p.older:
        lines.append("OBS: filen er ældre end reglerne i brug.")
    counts = (
        f"{p.count(ChangeKind.ADDED)} nye, {p.count(ChangeKind.REMOVED)} fjernet, "
        f"{p.count(ChangeKind.CHANGED)} ændret"
    )
    lines.append(f"Ændrede regler: {counts}." if p.changes else "Ingen regler er ændret.")
    for change in p.changes:
        rule = change.rule
        lines.append(f"  {_SIGN[change.kind]} {rule.id}: {rule.description} ({dates_text(rule)})")
        lines += [f"      {f.field}: {f.old} → {f.new}" for f in change.fields]
    r = p.recomputed
    if r.cases:
        lines.append(
            f"Frister: {_number(r.cases_changed)} af {_number(r.cases)} sager får andre frister "
            f"({_number(r.deadlines_before)} → {_number(r.deadlines_after)} frister i alt)."
        )
    return lines
