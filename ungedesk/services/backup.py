"""Taking an encrypted backup of the whole store, and the reminder to take one.

Nothing is reported done before it is checked: the export is attached to the live store and
every table is compared row by row (by hash) with the source inside one read transaction.
Every file is written beside its target under a temporary name and renamed into place only
when complete, so a full disk or a removed file half-way leaves the previous backup, the store
and no plaintext behind (the temporary files are encrypted too). The backup is recorded in
the access log before the file is published, so a published backup is always logged.

A backup can be stopped (``progress``) until its BACKUP event is logged: a stopped backup
raises StoppedError after removing its temporary files, and the previous file is as it was.
The format and the reading of a backup are in ``backup_archive``; restoring one is in
``restore``.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import stat
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ungedesk.domain.errors import KnownError
from ungedesk.services import audit, settings
from ungedesk.services.audit import Action
from ungedesk.services.backup_archive import (
    DB_MEMBER,
    FORMAT,
    KEY_MEMBER,
    MANIFEST_MEMBER,
    VERSION,
    AuditHeadInfo,
    _raw,
    table_digests,
)
from ungedesk.services.progress import Progress, silent
from ungedesk.services.restore import _stale, clean_leftovers
from ungedesk.store import migrate
from ungedesk.store.database import Store
from ungedesk.store.errors import (
    DiskFullError,
    StoreError,
    translate_db_error,
    translate_os_error,
)
from ungedesk.store.paths import (
    StorePaths,
    fsync_dir,
    restrict,
)

DEFAULT_REMINDER_DAYS = settings.BACKUP_REMINDER_DAYS.default


class BackupError(StoreError):
    exit_code = 9
    message = (
        "Sikkerhedskopien kunne ikke laves. Den forrige sikkerhedskopi og databasen er urørte."
    )


class BackupExistsError(BackupError):
    message = (
        "Der findes allerede en fil med det navn. Vælg et andet navn, eller bekræft, at den "
        "skal erstattes (på kommandolinjen: ungedesk backup --out FIL --force)."
    )


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    tables: int
    rows: int
    size: int
    # The log's head inside the backup: a municipality can keep it as a witness.
    audit_seq: int = 0
    audit_hash: str = ""

    @property
    def audit_hash_short(self) -> str:
        return self.audit_hash[:16]


def _quote_path(path: Path) -> str:
    # ATTACH takes the file name as an SQL string literal; double any single quote.
    return "'" + str(path).replace("'", "''") + "'"


def _tmp_name(target: Path, tag: str) -> Path:
    return target.with_name(f".{target.name}.{tag}-{secrets.token_hex(4)}.tmp")


def _same_or_inside(path: Path, folder: Path) -> bool:
    a = os.path.normcase(str(path))
    b = os.path.normcase(str(folder))
    return a == b or a.startswith(b.rstrip(os.sep) + os.sep)


def _check_target(paths: StorePaths, target: Path, force: bool) -> Path:
    """The resolved place to publish to, or a Danish refusal."""
    target = target.expanduser()
    try:
        st: os.stat_result | None = os.lstat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise translate_os_error(exc) from exc
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise BackupError("Vælg et filnavn til sikkerhedskopien, ikke en mappe.")
    if st is not None and not stat.S_ISREG(st.st_mode):
        # A symlink could point into the data dir or at a device; a fifo would block.
        raise BackupError(
            "Der ligger allerede noget med det navn, som ikke er en almindelig fil (fx en "
            "genvej eller en enhed). Vælg et andet filnavn."
        )
    if not target.parent.is_dir():
        raise BackupError("Mappen til sikkerhedskopien findes ikke.")
    resolved = target.parent.resolve() / target.name
    if _same_or_inside(resolved, paths.root.resolve()):
        raise BackupError(
            "Sikkerhedskopien må ikke ligge i UngeDesks egen datamappe: den skal kunne redde "
            "dataene, hvis datamappen går tabt. Vælg en anden mappe, fx et godkendt drev."
        )
    if st is not None and not force:
        raise BackupExistsError()
    return resolved


# The steps a backup reports (Stop is honoured before each of them).
_BACKUP_STEPS = 5


def backup(
    store: Store,
    target: Path,
    *,
    now: datetime | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> BackupResult:
    """Write a verified, encrypted backup of the whole store to ``target``.

    An existing file is replaced only with ``force`` (the CLI's --force, or the GUI after
    its own overwrite confirmation). The BACKUP event is committed before the file is
    published: if logging fails nothing is published, if publishing fails the temporary
    files are removed and the failure is told. ``progress`` may stop the work until the
    event is logged; a stopped backup leaves no temporary file and the old ``target`` as it
    was.
    """
    progress = progress or silent()
    target = _check_target(store.paths, target, force)
    moment = now or datetime.now(UTC)
    progress.step(0, _BACKUP_STEPS, "Gør klar")
    clean_leftovers(store.paths, now=moment)
    _clean_backup_temps(target, now=moment)
    export = _tmp_name(target, "db")
    packed = _tmp_name(target, "zip")
    try:
        with _raw(store) as conn:
            conn.execute(f"ATTACH DATABASE {_quote_path(export)} AS backup")  # same key as main
            try:
                conn.execute("BEGIN")
                try:
                    progress.step(1, _BACKUP_STEPS, "Læser databasen")
                    source = table_digests(conn, "main", progress)
                    # Read in the export's transaction, so the head names the newest event
                    # that is inside the backup.
                    head_row = conn.execute(
                        "SELECT last_id, last_hash FROM main.audit_head WHERE id = 1"
                    ).fetchone()
                    progress.step(2, _BACKUP_STEPS, "Kopierer databasen")
                    conn.execute("SELECT sqlcipher_export('backup')")
                    copied_version = conn.execute("PRAGMA backup.user_version").fetchone()
                    conn.execute(f"PRAGMA backup.user_version = {int(copied_version[0])}")
                finally:
                    conn.execute("COMMIT")
                progress.step(3, _BACKUP_STEPS, "Kontrollerer kopien")
                copy = table_digests(conn, "backup", progress)
            finally:
                conn.execute("DETACH DATABASE backup")
        if copy != source:
            raise BackupError("Kopien stemte ikke med databasen. Intet er ændret; prøv igen.")
        head = AuditHeadInfo(int(head_row[0]), str(head_row[1])) if head_row else None
        restrict(export)
        total_rows = sum(n for n, _ in source.values())
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "created": moment.isoformat(timespec="seconds"),
            "store_id": store.store_id,
            "schema": migrate.current_revision(store.engine),
            "tables": len(source),
            "rows": total_rows,
        }
        if head is not None:
            manifest["audit_head"] = {"seq": head.seq, "hash": head.hash}
        progress.step(4, _BACKUP_STEPS, "Pakker sikkerhedskopien")
        with zipfile.ZipFile(packed, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr(MANIFEST_MEMBER, json.dumps(manifest, indent=2))
            zf.write(store.paths.key_file, KEY_MEMBER)
            zf.write(export, DB_MEMBER)
        with open(packed, "rb") as fh:
            os.fsync(fh.fileno())
        with zipfile.ZipFile(packed) as zf:
            if zf.testzip() is not None:
                raise BackupError()
        # The last point where Stop is honoured: from the BACKUP event on, the backup is
        # published (or its failure logged), never left half-way.
        progress.step(_BACKUP_STEPS, _BACKUP_STEPS, "Gemmer sikkerhedskopien")
        # Logged before it is published: a backup file that exists is always in the log.
        with store.session() as s:
            where = f", loghoved nr. {head.seq} ({head.short})" if head else ""
            audit.record(s, Action.BACKUP, detail=f"{total_rows} rækker{where}", at=moment)
        try:
            os.replace(packed, target)
            fsync_dir(target.parent)
        except OSError as exc:
            raise _publish_failed(store, exc, moment) from exc
        restrict(target)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    except KnownError:
        raise  # a store error already told, or Stop
    except Exception as exc:
        known = translate_db_error(exc)
        if known is None:
            raise
        raise known from exc
    finally:
        for tmp in _backup_temps(target, (export.name, packed.name)):
            tmp.unlink(missing_ok=True)
    # The keyring keeps the head at every backup too (store.anchor).
    store.anchor_keyring()
    # The reminder counts from a published backup only, hence after the rename.
    try:
        with store.session() as s:
            settings.write(s, settings.LAST_BACKUP_AT, moment.isoformat())
    except StoreError as exc:
        raise StoreError(
            "Sikkerhedskopien er gemt og kontrolleret, men tidspunktet kunne ikke noteres i "
            f"databasen, så påmindelsen kan komme for tidligt. ({exc.message})"
        ) from exc
    return BackupResult(
        target,
        len(source),
        total_rows,
        target.stat().st_size,
        head.seq if head else 0,
        head.hash if head else "",
    )


def _publish_failed(store: Store, exc: OSError, moment: datetime) -> StoreError:
    """The event is in the log but the file is not where it should be: say so, and add a
    second event so the log does not claim a backup that does not exist."""
    cause = translate_os_error(exc)
    reason = "disken er fuld" if isinstance(cause, DiskFullError) else "filen kunne ikke gemmes"
    try:
        with store.session() as s:
            audit.record(
                s, Action.BACKUP, detail=f"Mislykkedes: {reason}; ingen fil gemt", at=moment
            )
    except StoreError:
        # The user is told below; a second failure must not hide the first.
        pass
    return BackupError(
        f"Sikkerhedskopien kunne ikke gemmes, fordi {reason}. Den forrige sikkerhedskopi og "
        "databasen er urørte, og der ligger ingen halve filer. Frigør plads eller vælg et "
        "andet drev, og prøv igen."
    )


def _backup_temps(target: Path, names: tuple[str, ...] = ()) -> list[Path]:
    """This backup's temp files (``names``), with SQLite's -journal/-wal beside them."""
    out: list[Path] = []
    for name in names:
        for suffix in ("", "-journal", "-wal", "-shm"):
            out.append(target.with_name(name + suffix))
    return out


def _clean_backup_temps(target: Path, *, now: datetime) -> int:
    """Remove temp files an earlier, interrupted backup to the same name left behind."""
    pattern = re.compile(
        r"\." + re.escape(target.name) + r"\.(db|zip)-[0-9a-f]{8}\.tmp(-journal|-wal|-shm)?"
    )
    removed = 0
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return 0
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            st = os.lstat(entry)
            if not stat.S_ISREG(st.st_mode) or not _stale(st.st_mtime, now):
                continue
            entry.unlink()
        except OSError:
            continue  # someone else's problem on a shared drive; the next backup tries again
        removed += 1
    return removed


def last_backup(store: Store) -> datetime | None:
    value = settings.get_setting(store, settings.LAST_BACKUP_AT)
    return datetime.fromisoformat(str(value)) if value else None


def backup_overdue(store: Store, *, now: datetime | None = None) -> bool:
    """True when there is no backup or the last one is older than the reminder setting."""
    return reminder_state(store, now=now)[0]


def reminder_state(store: Store, *, now: datetime | None = None) -> tuple[bool, datetime | None]:
    """Whether a backup is overdue, and when the last one was taken: what the main window's
    reminder shows, read in one transaction."""
    with store.session() as s:
        days = settings.read(s, settings.BACKUP_REMINDER_DAYS)
        last_value = settings.read(s, settings.LAST_BACKUP_AT)
    last = datetime.fromisoformat(str(last_value)) if last_value else None
    overdue = last is None or (now or datetime.now(UTC)) - last > timedelta(days=days)
    return overdue, last
