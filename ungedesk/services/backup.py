"""Encrypted backup and restore of the whole store.

One module (over 1,000 lines), on purpose: backup and restore share the archive format, the
manifest reader and the bounds on it, and the leftover clean-up; restore's journal, swap and
recovery must agree exactly and are only readable as a whole. Splitting restore (journal,
swap, recovery) into its own module beside the archive format is the next clean-up.

A backup file is a zip holding the database exported by SQLCipher (still encrypted with the
data key), the key file (the data key wrapped by the recovery passphrase) and a manifest
without personal data. So a backup restores on a replacement laptop with the passphrase
alone, and a lost backup file exposes nothing.

Nothing is reported done before it is checked: the export is attached to the live store and
every table is compared row by row (by hash) with the source inside one read transaction.
Every file is written beside its target under a temporary name and renamed into place only
when complete, so a full disk or a removed file half-way leaves the previous backup, the store
and no plaintext behind (the temporary files are encrypted too). The backup is recorded in
the access log before the file is published, so a published backup is always logged.

Restore never loses the store. The backup is unpacked (bounded: a zip bomb is refused before
a byte is written), unlocked, migrated, checked table by table and given its RESTORE event in
a staging folder. Only then is the current store moved aside and the restored one moved in,
with a small journal beside them naming the set-aside folder and the phase; the old store is
deleted only after the restored one has opened and the journal says "committed". Any failure
puts the old store back, and a crash (power cut, SIGKILL) between the renames is undone on
the next start by ``recover_interrupted_restore``.

Both can be stopped (``progress``): a backup until its BACKUP event is logged, a restore
until it touches the keyring. A stopped job raises StoppedError after removing what it had
written (temporary files, the staging folder); the previous backup file and the store are
as they were.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import stat
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import alembic.util
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from ungedesk.domain.errors import KnownError
from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.services.progress import Progress, silent
from ungedesk.store import anchor, database, instance_lock, keys, migrate
from ungedesk.store.database import KeySource, Opened, Store
from ungedesk.store.engine import connect_raw
from ungedesk.store.errors import (
    CorruptStoreError,
    DamagedStoreError,
    DiskFullError,
    KeyFileError,
    MissingKeyError,
    NoStoreError,
    StoreError,
    WrongPassphraseError,
    translate_db_error,
    translate_os_error,
)
from ungedesk.store.models import AuditEvent, Base, Setting
from ungedesk.store.paths import (
    DB_NAME,
    KEY_NAME,
    StorePaths,
    ensure_private_dir,
    fsync_dir,
    restrict,
    write_private_atomic,
)

FORMAT = "ungedesk-backup"
VERSION = 1
LAST_BACKUP = "last_backup_at"
REMINDER_SETTING = "backup_reminder_days"
DEFAULT_REMINDER_DAYS = 7

MANIFEST_MEMBER = "manifest.json"
KEY_MEMBER = KEY_NAME
DB_MEMBER = DB_NAME
MEMBERS = frozenset({MANIFEST_MEMBER, KEY_MEMBER, DB_MEMBER})
# The manifest is ~300 bytes and the key file ~450: anything near this is not ours.
SMALL_MEMBER_MAX = 64 * 1024
# Far above any caseload (3,000 young people with plans are ~50 MB), far below a bomb.
DB_MEMBER_MAX = 4 * 1024**3
# An SQLCipher file is indistinguishable from random bytes and does not compress, so a real
# database member never expands noticeably when unpacked; a zip bomb expands a thousandfold.
DB_EXPANSION_SLACK = 64 * 1024
# Room the restore needs beyond the database itself (its WAL, the RESTORE event, a migration).
DISK_MARGIN = 64 * 1024 * 1024

STAGING_PREFIX = ".restore-"
ASIDE_PREFIX = ".replaced-"
JOURNAL_NAME = ".ungedesk-restore.json"
JOURNAL_FORMAT = "ungedesk-restore-journal"
# Leftovers younger than this may belong to work in progress and are left alone.
LEFTOVER_AGE = timedelta(hours=1)
# The live files of a store, in the order they are put back: the WAL and its index first,
# so an old database never meets a WAL written for the restored one.
# The access log's mark (store.anchor) travels with its store: the restored one's comes in,
# the replaced one's goes aside and comes back if the restore is undone.
_LIVE_NAMES = (f"{DB_NAME}-wal", f"{DB_NAME}-shm", anchor.FILE_NAME, KEY_NAME, DB_NAME)
_MOVE_IN = (anchor.FILE_NAME, KEY_NAME, DB_NAME)
_FOLDER_NAME = re.compile(r"\.(restore|replaced)-[0-9a-f]{8}")
_ATOMIC_TMP = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
_STORE_ID = re.compile(r"[0-9A-Za-z-]{1,64}")
_REVISION = re.compile(r"[0-9A-Za-z_]{1,64}")
_HEX64 = re.compile(r"[0-9a-f]{64}")


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


class BadBackupError(StoreError):
    exit_code = 9
    message = (
        "Filen er ikke en gyldig UngeDesk-sikkerhedskopi, eller den er beskadiget. "
        "Den nuværende database er ikke ændret."
    )


class KeyringRefusedError(StoreError):
    exit_code = 4
    message = (
        "Systemets nøglering ville ikke gemme nøglen til den gendannede database, så "
        "gendannelsen er ikke gennemført. Den nuværende database er ikke ændret. Lås "
        "nøgleringen op, og prøv igen."
    )


class NoRoomError(DiskFullError):
    """Too little free space to unpack a backup: found before anything is written."""


class InterruptedRestoreError(StoreError):
    exit_code = 5
    message = (
        "En tidligere gendannelse blev afbrudt, og dens notat i datamappen kan ikke læses. "
        "Intet er ændret eller slettet; kontakt support, før du gendanner igen."
    )


@dataclass(frozen=True, slots=True)
class AuditHeadInfo:
    """The newest event of the access log: its number and hash, a witness for later."""

    seq: int
    hash: str

    @property
    def short(self) -> str:
        return self.hash[:16]


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


def _tables(conn: Any, schema: str = "main") -> list[str]:
    rows = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "  # noqa: S608
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def table_digests(
    conn: Any, schema: str = "main", progress: Progress | None = None
) -> dict[str, tuple[int, str]]:
    """Row count and SHA-256 over every row, per table, in rowid order (stoppable between
    tables: it only reads)."""
    out: dict[str, tuple[int, str]] = {}
    for name in _tables(conn, schema):
        if progress is not None:
            progress.check()
        h = hashlib.sha256()
        n = 0
        quoted = '"' + name.replace('"', '""') + '"'
        for row in conn.execute(f"SELECT * FROM {schema}.{quoted} ORDER BY rowid"):  # noqa: S608
            h.update(repr(tuple(row)).encode("utf-8"))
            n += 1
        out[name] = (n, h.hexdigest())
    return out


@contextmanager
def _raw(store: Store) -> Iterator[Any]:
    with store.engine.connect() as conn:
        yield conn.connection.dbapi_connection


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
            row = s.get(Setting, LAST_BACKUP)
            value = json.dumps(moment.isoformat())
            if row is None:
                s.add(Setting(key=LAST_BACKUP, value=value))
            else:
                row.value = value
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


def _setting(store: Store, key: str, default: object = None) -> object:
    # Read here rather than through services.setup, so that setup's unlock can call
    # recover_interrupted_restore without an import cycle.
    with store.session() as s:
        row = s.get(Setting, key)
        return default if row is None else json.loads(row.value)


def last_backup(store: Store) -> datetime | None:
    value = _setting(store, LAST_BACKUP)
    return datetime.fromisoformat(str(value)) if value else None


def backup_overdue(store: Store, *, now: datetime | None = None) -> bool:
    """True when there is no backup or the last one is older than the reminder setting."""
    return reminder_state(store, now=now)[0]


def reminder_state(store: Store, *, now: datetime | None = None) -> tuple[bool, datetime | None]:
    """Whether a backup is overdue, and when the last one was taken: what the main window's
    reminder shows, read in one transaction."""
    with store.session() as s:
        days_row = s.get(Setting, REMINDER_SETTING)
        last_row = s.get(Setting, LAST_BACKUP)
        days = DEFAULT_REMINDER_DAYS if days_row is None else int(str(json.loads(days_row.value)))
        last_value = None if last_row is None else json.loads(last_row.value)
    last = datetime.fromisoformat(str(last_value)) if last_value else None
    overdue = last is None or (now or datetime.now(UTC)) - last > timedelta(days=days)
    return overdue, last


# --- reading a backup -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BackupInfo:
    created: str
    store_id: str
    schema: str | None
    tables: int
    rows: int
    audit_head: AuditHeadInfo | None = None  # absent in backups made before it existed


def _exact_int(value: object, limit: int = 10**12) -> int:
    # bool is an int to Python but not a count to us.
    if type(value) is not int or not 0 <= value <= limit:
        raise ValueError("not a count")
    return value


def parse_manifest(data: bytes) -> BackupInfo:
    """The manifest's fields, strictly typed, or BadBackupError (never anything else)."""
    try:
        if len(data) > SMALL_MEMBER_MAX:
            raise ValueError("manifest too large")
        doc = json.loads(data.decode("utf-8"))
        if not isinstance(doc, dict):
            raise ValueError("not an object")
        if doc.get("format") != FORMAT or _exact_int(doc.get("version")) != VERSION:
            raise ValueError("unknown format")
        created, store_id, schema = doc["created"], doc["store_id"], doc.get("schema")
        if not isinstance(created, str) or len(created) > 40:
            raise ValueError("created")
        datetime.fromisoformat(created)
        if not isinstance(store_id, str) or not _STORE_ID.fullmatch(store_id):
            raise ValueError("store id")
        if schema is not None and not (isinstance(schema, str) and _REVISION.fullmatch(schema)):
            raise ValueError("schema")
        head: AuditHeadInfo | None = None
        raw_head = doc.get("audit_head")
        if raw_head is not None:
            if not isinstance(raw_head, dict):
                raise ValueError("audit head")
            seq, digest = _exact_int(raw_head["seq"]), raw_head["hash"]
            # An empty log's head is (0, ""): the chain starts from nothing.
            empty = seq == 0 and digest == ""
            if not isinstance(digest, str) or not (empty or _HEX64.fullmatch(digest)):
                raise ValueError("audit hash")
            head = AuditHeadInfo(seq, digest)
        return BackupInfo(
            created,
            store_id,
            schema,
            _exact_int(doc["tables"]),
            _exact_int(doc["rows"]),
            head,
        )
    # RecursionError: deeply nested JSON exhausts the parser's stack.
    except (KeyError, ValueError, TypeError, UnicodeDecodeError, RecursionError) as exc:
        raise BadBackupError() from exc


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A small member, read with a hard cap whatever its header claims."""
    with zf.open(info) as fh:
        data = fh.read(SMALL_MEMBER_MAX + 1)
    if len(data) > SMALL_MEMBER_MAX:
        raise BadBackupError()
    return data


# What zipfile and zlib raise on a damaged or hostile archive.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    NotImplementedError,  # an unsupported compression method
    RuntimeError,  # an encrypted member ("password required")
)


def _members(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Exactly the three known members, each of a sane declared size, or BadBackupError."""
    infos = zf.infolist()
    by_name = {i.filename: i for i in infos}
    if len(infos) != len(MEMBERS) or set(by_name) != MEMBERS:
        raise BadBackupError()
    for info in infos:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BadBackupError()
        if info.flag_bits & 0x1:  # encrypted
            raise BadBackupError()
    if any(by_name[n].file_size > SMALL_MEMBER_MAX for n in (MANIFEST_MEMBER, KEY_MEMBER)):
        raise BadBackupError()
    db = by_name[DB_MEMBER]
    if db.file_size > DB_MEMBER_MAX or db.file_size > db.compress_size + DB_EXPANSION_SLACK:
        raise BadBackupError()
    return by_name


def inspect(source: Path) -> BackupInfo:
    """Read a backup's manifest without unlocking it."""
    try:
        with zipfile.ZipFile(source) as zf:
            members = _members(zf)
            return parse_manifest(_read_small(zf, members[MANIFEST_MEMBER]))
    except OSError as exc:
        raise BadBackupError() from exc
    except _ZIP_ERRORS as exc:
        raise BadBackupError() from exc


def _unpack(source: Path, staged: StorePaths, progress: Progress | None = None) -> BackupInfo:
    """Check the archive's shape, then write its key file and database into ``staged``.

    Every size is checked before a byte is written: the declared sizes (a bomb is refused
    here), the free space, and the bytes actually unpacked (declared sizes can lie).
    ``progress`` hears of every chunk and may stop between them (``staged`` is the
    caller's to remove)."""
    if not source.is_file():
        raise BadBackupError("Sikkerhedskopien findes ikke. Tjek filnavnet.")
    try:
        with zipfile.ZipFile(source) as zf:
            members = _members(zf)
            info = parse_manifest(_read_small(zf, members[MANIFEST_MEMBER]))
            key_data = _read_small(zf, members[KEY_MEMBER])
            db = members[DB_MEMBER]
            if shutil.disk_usage(staged.root).free < db.file_size + DISK_MARGIN:
                raise NoRoomError(
                    "Der er ikke plads på disken til at gendanne sikkerhedskopien "
                    f"({db.file_size // (1024 * 1024) + 1} MB). Den nuværende database er "
                    "ikke ændret. Frigør plads, og prøv igen."
                )
            write_private_atomic(staged.key_file, key_data)
            written = 0
            fd = os.open(staged.db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out, zf.open(db) as src:
                while chunk := src.read(_CHUNK):
                    if progress is not None:
                        progress.step(written, db.file_size, "Pakker sikkerhedskopien ud")
                    written += len(chunk)
                    if written > db.file_size:
                        raise BadBackupError()
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if written != db.file_size:
                raise BadBackupError()
    except _ZIP_ERRORS as exc:
        raise BadBackupError() from exc
    return info


# --- restore ----------------------------------------------------------------------------

_CHUNK = 1024 * 1024
# The steps a restore reports after unpacking (Stop is honoured before each of them).
_RESTORE_STEPS = 4


@contextmanager
def _exclusive(paths: StorePaths) -> Iterator[None]:
    """Held for the whole restore, recovery included.

    This is where the store layer's cross-process instance lock (ungedesk/store/
    instance_lock.py) is taken, so restore refuses while another UngeDesk has the store
    open. The GUI holds it already for its whole session, so its own hold only counts up."""
    with instance_lock.acquire(paths, instance_lock.command_holder("restore")):
        yield


def restore(
    paths: StorePaths,
    source: Path,
    passphrase: str | None = None,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
    replacing: Store | None = None,
) -> Opened:
    """Replace the store in ``paths`` with the backup in ``source`` and open it.

    The old store is only deleted after the restored one is in place, opened, keyed, logged
    and committed; any failure before that puts the old store back and says so.
    ``replacing`` is the open store of ``paths`` (the GUI's), closed first, here on the
    worker where its connections live. ``progress`` may stop the restore until it touches
    the keyring: the staging folder is removed and the store and the keyring are as they
    were (a ``replacing`` store stays closed; open it again).
    """
    progress = progress or silent()
    if replacing is not None:
        replacing.close()
    moment = now or datetime.now(UTC)
    source = source.expanduser().resolve()
    try:
        ensure_private_dir(paths.root)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    with _exclusive(paths):
        # An earlier restore that was cut short is undone (or finished) first; what was
        # done is written into this restore's event, since the store it concerns is replaced.
        recovered = recover_interrupted_restore(paths)
        clean_leftovers(paths, now=moment)
        staging = paths.root / f"{STAGING_PREFIX}{secrets.token_hex(4)}"
        try:
            staged = StorePaths(staging)
            try:
                progress.check()
                ensure_private_dir(staging)
                info = _unpack(source, staged, progress)
                progress.step(1, _RESTORE_STEPS, "Låser sikkerhedskopien op")
                kf, key, key_source = _backup_key(staged, passphrase, info)
                progress.step(2, _RESTORE_STEPS, "Kontrollerer sikkerhedskopien")
                _prepare(paths, staged, key, kf, info, moment, recovered)
                # The last point where Stop is honoured: from here the keyring and then
                # the data folder change, and are put back only by a failure.
                progress.step(3, _RESTORE_STEPS, "Sætter den gendannede database på plads")
                keyring_before = _keyring_put(kf.store_id, key)
            except OSError as exc:
                raise _not_done(translate_os_error(exc)) from exc
            except _TOLD_ALREADY:
                raise  # their messages already say the current store is untouched, or ask
            except StoreError as exc:
                raise _not_done(exc) from exc
            return _swap(paths, staging, key, kf.store_id, key_source, keyring_before)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _not_done(exc: StoreError) -> StoreError:
    """The same failure, told as what it means for a restore that had not swapped yet."""
    if isinstance(exc, DiskFullError):
        text = "Disken er fuld, så gendannelsen kunne ikke gøres færdig."
        tail = " Frigør plads, og prøv igen."
    else:
        text, tail = f"Gendannelsen er ikke gennemført. {exc.message}", ""
    out = type(exc)(f"{text} Den nuværende database er ikke ændret.{tail}")
    return out


def _put_back_told(exc: StoreError) -> StoreError:
    if isinstance(exc, DiskFullError):
        text = "Disken er fuld, så gendannelsen kunne ikke gøres færdig."
    else:
        text = f"Gendannelsen kunne ikke gøres færdig. {exc.message}"
    return type(exc)(f"{text} Den tidligere database er sat på plads igen og er uændret.")


def _backup_key(
    staged: StorePaths, passphrase: str | None, info: BackupInfo
) -> tuple[keys.KeyFile, bytes, KeySource]:
    """The backup's data key: from the keyring when it is this machine's store, else the
    recovery passphrase (argument or UNGEDESK_PASSPHRASE)."""
    try:
        kf = keys.load_key_file(staged.key_file)
    except KeyFileError as exc:
        raise BadBackupError() from exc
    if kf.store_id != info.store_id:
        raise BadBackupError()
    if passphrase is None:
        found = keys.keyring_get(kf.store_id)
        if found is not None and keys.key_check(found) == kf.check:
            return kf, found, KeySource.KEYRING
        passphrase = os.environ.get(database.ENV_PASSPHRASE) or None
    if passphrase is None:
        raise MissingKeyError(
            "Skriv gendannelsesfrasen for sikkerhedskopien. Nøglen findes ikke på denne computer."
        )
    try:
        return kf, keys.unwrap(kf, passphrase), KeySource.PASSPHRASE
    except KeyFileError as exc:  # the key inside does not match the key file's check
        raise BadBackupError() from exc


# Failures whose own message is already the whole truth for a restore that stopped before
# the swap (or that asks for the passphrase).
_TOLD_ALREADY = (
    BadBackupError,
    MissingKeyError,
    WrongPassphraseError,
    KeyringRefusedError,
    NoRoomError,
)

# What a database that is not a usable UngeDesk store raises while it is opened or migrated.
_SCHEMA_ERRORS = (SQLAlchemyError, sqlcipher.Error, alembic.util.CommandError)


def _prepare(
    paths: StorePaths,
    staged: StorePaths,
    key: bytes,
    kf: keys.KeyFile,
    info: BackupInfo,
    moment: datetime,
    recovered: str | None = None,
) -> None:
    """Make the staged store exactly what will be moved in: sound, migrated, with every
    table the program needs, its RESTORE event committed and its WAL folded in."""
    try:
        conn = connect_raw(staged.db, key)
        try:
            sound = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            sound = sound and not conn.execute("PRAGMA cipher_integrity_check").fetchall()
        finally:
            conn.close()
        if not sound:
            raise BadBackupError()
        opened = database.open_with_key(staged, key, kf.store_id, KeySource.PASSPHRASE)
    except (CorruptStoreError, DamagedStoreError, NoStoreError, *_SCHEMA_ERRORS) as exc:
        raise BadBackupError() from exc
    store = opened.store
    try:
        try:
            restored = _check_schema(store)
        except _SCHEMA_ERRORS as exc:
            raise BadBackupError() from exc
        detail = f"Gendannet fra sikkerhedskopi {info.created}. " + _lost_events(
            paths, key, store, restored
        )
        if recovered:
            detail += f" Inden da: {recovered}"
        with store.session() as s:
            audit.record(s, Action.RESTORE, detail=detail, at=moment)
        # The restored log's head moves in with it, so the next start compares the right
        # thing; written here (not only by the commit hook) so a failure stops the restore.
        assert store.last_mark is not None
        anchor.write_file(staged, kf.store_id, store.last_mark)
        # The keyring's mark moves only when the swap commits (closing would move it now).
        store.last_mark = None
        with _raw(store) as raw:
            busy = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            raise StoreError("Den gendannede database kunne ikke gøres færdig (optaget).")
    finally:
        store.close()
    for suffix in ("-wal", "-shm"):
        # Checkpointed and truncated: nothing in them; they must not travel with the file.
        extra = staged.db.with_name(staged.db.name + suffix)
        if suffix == "-wal" and extra.exists() and extra.stat().st_size:
            raise StoreError("Den gendannede database kunne ikke gøres færdig.")
        extra.unlink(missing_ok=True)


def _check_schema(store: Store) -> AuditHeadInfo:
    """Every table and column the models expect, and the log's head row; its head."""
    with _raw(store) as conn:
        present = set(_tables(conn))
        for table in Base.metadata.sorted_tables:
            if table.name not in present:
                raise BadBackupError()
            quoted = '"' + table.name.replace('"', '""') + '"'
            columns = {str(r[1]) for r in conn.execute(f"PRAGMA table_info({quoted})")}
            if not {c.name for c in table.columns} <= columns:
                raise BadBackupError()
        row = conn.execute("SELECT last_id, last_hash FROM audit_head WHERE id = 1").fetchone()
    if row is None:
        raise BadBackupError()
    return AuditHeadInfo(int(row[0]), str(row[1]))


def _event_hash(conn: Any, event_id: int) -> str | None:
    row = conn.execute("SELECT hash FROM audit_event WHERE id = ?", (event_id,)).fetchone()
    return None if row is None else str(row[0])


def _lost_events(paths: StorePaths, key: bytes, restored: Store, head: AuditHeadInfo) -> str:
    """Danish: which events of the store being replaced the backup does not hold."""
    if not paths.db.exists():
        return "Der var ingen database i forvejen."
    old_key = _replaced_key(paths, key)
    if old_key is None:
        return (
            "Den erstattede databases log kunne ikke læses med nøglen (ukendt), så det vides "
            "ikke, hvilke af dens hændelser der ikke findes i sikkerhedskopien."
        )
    try:
        conn = connect_raw(paths.db, old_key)
        try:
            row = conn.execute("SELECT last_id, last_hash FROM audit_head WHERE id = 1").fetchone()
            old = AuditHeadInfo(int(row[0]), str(row[1]))
            old_at_new = _event_hash(conn, head.seq)
        finally:
            conn.close()
    # The replaced store may be damaged (often the reason to restore): its log is unknown.
    except (StoreError, sqlcipher.Error, TypeError, ValueError):
        return "Den erstattede databases log kunne ikke læses (ukendt)."
    if old == head:
        return (
            "Alle hændelser fra den erstattede database findes i sikkerhedskopien "
            f"(til og med nr. {old.seq})."
        )
    if old.seq > head.seq and old_at_new == head.hash:
        missing = old.seq - head.seq
        if missing == 1:
            return (
                f"Hændelse nr. {old.seq} fra den erstattede database findes ikke i "
                "sikkerhedskopien (1 hændelse)."
            )
        return (
            f"Hændelse nr. {head.seq + 1}-{old.seq} fra den erstattede database findes ikke i "
            f"sikkerhedskopien ({missing} hændelser)."
        )
    if old.seq < head.seq:
        with _raw(restored) as conn:
            new_at_old = _event_hash(conn, old.seq)
        if new_at_old == old.hash:
            return (
                "Sikkerhedskopien er nyere end den erstattede database og rummer alle dens "
                f"hændelser (til og med nr. {old.seq})."
            )
    return (
        "Den erstattede database hører til en anden kæde end sikkerhedskopien: dens hændelser "
        f"til og med nr. {old.seq} findes ikke i sikkerhedskopien."
    )


def _replaced_key(paths: StorePaths, key: bytes) -> bytes | None:
    """The key of the store being replaced, if it is at hand: the backup's own key (same
    store) or this machine's keyring."""
    try:
        old_kf = keys.load_key_file(paths.key_file)
    except StoreError:
        return None
    if keys.key_check(key) == old_kf.check:
        return key
    found = keys.keyring_get(old_kf.store_id)
    if found is not None and keys.key_check(found) == old_kf.check:
        return found
    return None


def _keyring_put(store_id: str, key: bytes) -> tuple[str, bytes | None]:
    """Put the restored key in the keyring, refusing when a keyring exists but says no.
    Returns what was there before, so a rollback can put it back."""
    before = keys.keyring_get(store_id)
    if keys.keyring_available() and not keys.keyring_put(store_id, key):
        raise KeyringRefusedError()
    return store_id, before


def _keyring_undo(state: tuple[str, bytes | None], key: bytes) -> None:
    store_id, before = state
    if before is None:
        keys.keyring_forget(store_id)
    elif before != key:
        keys.keyring_put(store_id, before)


def last_restore_detail(store: Store) -> str | None:
    """The newest RESTORE event's text: what the backup lacks of the store it replaced."""
    with store.session() as s:
        return s.scalar(
            select(AuditEvent.detail)
            .where(AuditEvent.action == Action.RESTORE.value)
            .order_by(AuditEvent.id.desc())
            .limit(1)
        )


# --- the swap and its journal ------------------------------------------------------------


def _journal(paths: StorePaths) -> Path:
    return paths.root / JOURNAL_NAME


def _write_journal(paths: StorePaths, doc: dict[str, Any]) -> None:
    write_private_atomic(_journal(paths), json.dumps(doc).encode("utf-8"))
    fsync_dir(paths.root)


def _read_journal(paths: StorePaths) -> dict[str, Any] | None:
    try:
        data = _journal(paths).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise translate_os_error(exc) from exc
    try:
        doc = json.loads(data.decode("utf-8"))
        ok = (
            isinstance(doc, dict)
            and doc.get("format") == JOURNAL_FORMAT
            and doc.get("phase") in ("swapping", "committed")
            and isinstance(doc.get("aside"), str)
            and isinstance(doc.get("staging"), str)
            and bool(_FOLDER_NAME.fullmatch(doc["aside"]))
            and bool(_FOLDER_NAME.fullmatch(doc["staging"]))
            and isinstance(doc.get("old"), list)
            and all(n in _LIVE_NAMES for n in doc["old"])
        )
    except (ValueError, UnicodeDecodeError, RecursionError):
        ok = False
    if not ok:
        raise InterruptedRestoreError()
    return dict(doc)


def _swap(
    paths: StorePaths,
    staging: Path,
    key: bytes,
    store_id: str,
    source: KeySource,
    keyring_before: tuple[str, bytes | None],
) -> Opened:
    root = paths.root
    aside = root / f"{ASIDE_PREFIX}{secrets.token_hex(4)}"
    doc: dict[str, Any] = {
        "format": JOURNAL_FORMAT,
        "phase": "swapping",
        "aside": aside.name,
        "staging": staging.name,
        "old": [n for n in _LIVE_NAMES if (root / n).exists()],
    }
    try:
        ensure_private_dir(aside)
        _write_journal(paths, doc)
    except BaseException as exc:
        _keyring_undo(keyring_before, key)
        shutil.rmtree(aside, ignore_errors=True)
        _journal(paths).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _not_done(translate_os_error(exc)) from exc
        if isinstance(exc, StoreError):
            raise _not_done(exc) from exc
        raise
    opened: Opened | None = None
    try:
        for name in doc["old"]:
            os.replace(root / name, aside / name)
        for name in _MOVE_IN:
            os.replace(staging / name, root / name)
        fsync_dir(root)
        opened = database.open_with_key(paths, key, store_id, source)
        # The commit point: from here on the restored store is the store.
        _write_journal(paths, {**doc, "phase": "committed"})
        # The keyring's mark of the replaced store would otherwise report the restore as a
        # rollback at the next start (the RESTORE event already says what is gone).
        opened.store.last_mark = anchor.read_file(paths, store_id)
        opened.store.anchor_keyring()
    except BaseException as exc:
        if opened is not None:
            opened.store.close()
        try:
            _put_back(paths, doc)
            _keyring_undo(keyring_before, key)
        except (OSError, StoreError) as again:
            raise StoreError(
                "Gendannelsen mislykkedes, og den tidligere database kunne ikke sættes helt på "
                "plads endnu. Intet er slettet: den sættes på plads automatisk, næste gang "
                "UngeDesk startes."
            ) from again
        if isinstance(exc, OSError):
            raise _put_back_told(translate_os_error(exc)) from exc
        if isinstance(exc, StoreError):
            raise _put_back_told(exc) from exc
        raise
    _finish(paths, doc)
    return opened


def _put_back(paths: StorePaths, doc: dict[str, Any]) -> None:
    """Undo a swap that did not commit; safe to repeat after a crash half-way through it.

    The old files were all moved aside before any new file moved in, so a name the old store
    had is either still in place or in the aside folder, and anything else under a live name
    came with (or was made by opening) the restored store."""
    root = paths.root
    aside = root / doc["aside"]
    old = set(doc["old"])
    for name in _LIVE_NAMES:
        here = root / name
        if name in old:
            if (aside / name).exists():
                os.replace(aside / name, here)  # atomically over a restored file, if any
        else:
            here.unlink(missing_ok=True)
    fsync_dir(root)
    shutil.rmtree(root / doc["staging"], ignore_errors=True)
    shutil.rmtree(aside, ignore_errors=True)
    _journal(paths).unlink(missing_ok=True)
    fsync_dir(root)


def _finish(paths: StorePaths, doc: dict[str, Any]) -> None:
    """After the commit point: the replaced store and its pre-migration copies go."""
    try:
        shutil.rmtree(paths.root / doc["aside"], ignore_errors=False)
    except FileNotFoundError:
        pass
    except OSError:
        return  # the restore stands; the journal stays and the next start finishes this
    shutil.rmtree(paths.root / doc["staging"], ignore_errors=True)
    try:
        migrate.remove_migration_copies(paths)
        _journal(paths).unlink(missing_ok=True)
        fsync_dir(paths.root)
    except (OSError, StoreError):
        return  # likewise: harmless leftovers, finished at the next start


def recover_interrupted_restore(paths: StorePaths) -> str | None:
    """Finish or undo a restore that was interrupted (crash, power cut, killed process).

    Safe to call on every open, before the store is opened, while holding the instance lock:
    without a journal it does nothing and returns None. With a journal in the "swapping"
    phase the old store is put back exactly as it was; in the "committed" phase the restored
    store stays and the leftovers are removed. Returns a Danish sentence saying what it did
    (for the user and for the access log), or None. Raises InterruptedRestoreError when the
    journal cannot be read (nothing is touched then) and a StoreError when the files cannot
    be moved (nothing is deleted then; calling again retries).
    """
    doc = _read_journal(paths)
    if doc is None:
        return None
    try:
        if doc["phase"] == "committed":
            _finish(paths, doc)
            if _journal(paths).exists():
                raise StoreError(
                    "En afbrudt gendannelse kunne ikke ryddes op. Intet er slettet; prøv igen."
                )
            return (
                "En gendannelse fra sikkerhedskopi blev afbrudt lige efter, at den var "
                "gennemført. Den gendannede database er i brug; de midlertidige filer er fjernet."
            )
        _put_back(paths, doc)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    if not doc["old"]:
        return (
            "En gendannelse fra sikkerhedskopi blev afbrudt, før den var gennemført. Der var "
            "ingen database i forvejen, og datamappen er som før gendannelsen."
        )
    return (
        "En gendannelse fra sikkerhedskopi blev afbrudt, før den var gennemført. Den tidligere "
        "database er sat på plads igen, uændret."
    )


# --- leftovers ------------------------------------------------------------------------


def _stale(mtime: float, now: datetime, age: timedelta = LEFTOVER_AGE) -> bool:
    return now.timestamp() - mtime >= age.total_seconds()


def _newest_mtime(folder: Path) -> float:
    newest = os.lstat(folder).st_mtime
    for entry in folder.iterdir():
        newest = max(newest, os.lstat(entry).st_mtime)
    return newest


def clean_leftovers(paths: StorePaths, *, now: datetime) -> int:
    """Remove what interrupted restores, backups and migrations left in the data dir.

    Staging folders (``.restore-*``: a copy of a backup that still exists elsewhere) go once
    older than LEFTOVER_AGE. Set-aside folders (``.replaced-*``) named by a restore journal
    are recovery's business and never touched here; without a journal they are empty in this
    version, but one written by an older version may hold the only copy of a store, so such
    a folder holding a database is kept as long as a pre-migration copy
    (migrate.KEEP_COPIES_FOR). Pre-migration copies older than that go too. Returns how many
    leftovers were removed. Call it after ``recover_interrupted_restore``.
    """
    root = paths.root
    try:
        doc = _read_journal(paths)
    except StoreError:
        doc = None
        in_use: set[str] | None = None  # an unreadable journal: touch no folder at all
    else:
        in_use = set() if doc is None else {doc["aside"], doc["staging"]}
    removed = 0
    try:
        entries = list(root.iterdir()) if root.is_dir() else []
    except OSError:
        entries = []
    for entry in entries:
        if in_use is None or not _FOLDER_NAME.fullmatch(entry.name) or entry.name in in_use:
            continue
        try:
            if entry.is_symlink() or not entry.is_dir():
                continue
            age = LEFTOVER_AGE
            if entry.name.startswith(ASIDE_PREFIX) and (entry / DB_NAME).exists():
                age = migrate.KEEP_COPIES_FOR
            if not _stale(_newest_mtime(entry), now, age):
                continue
            shutil.rmtree(entry)
        except OSError:
            continue  # tried again next time
        removed += 1
    # Temp files of an atomic write that was killed (the journal, the key file, the lock's
    # info, the log's mark): store.paths.write_private_atomic names them ".<name>.<8>.tmp".
    for entry in entries:
        if not _ATOMIC_TMP.fullmatch(entry.name):
            continue
        try:
            info = os.lstat(entry)
            if stat.S_ISREG(info.st_mode) and _stale(info.st_mtime, now):
                entry.unlink()
                removed += 1
        except OSError:
            continue
    # A copy that cannot be removed now is tried again at the next clean-up.
    with suppress(StoreError):
        removed += migrate.remove_migration_copies(paths, now=now)
    return removed


def drop_pre_migration_copies(paths: StorePaths) -> int:
    """Remove every pre-migration copy now. Retention calls this when it deletes cases:
    the copies still hold the deleted people. Returns how many were removed."""
    return migrate.remove_migration_copies(paths)
