"""Restoring the store from a backup, crash-safe, and cleaning up what interrupted work left.

Restore never loses the store. The backup is unpacked (bounded, see ``backup_archive``),
unlocked, migrated, checked table by table and given its RESTORE event in a staging folder.
Only then is the current store moved aside and the restored one moved in, with a small
journal beside them naming the set-aside folder and the phase; the old store is deleted only
after the restored one has opened and the journal says "committed". Any failure puts the old
store back, and a crash (power cut, SIGKILL) between the renames is undone on the next start
by ``recover_interrupted_restore``. A restore can be stopped (``progress``) until it touches
the keyring: the staging folder goes and the store and the keyring are as they were.

One module of about 650 lines: the journal, the swap, the put-back and the recovery must
agree exactly, and are only checkable when read together.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.services.backup_archive import (
    AuditHeadInfo,
    BackupInfo,
    BadBackupError,
    NoRoomError,
    _raw,
    _tables,
    _unpack,
)
from ungedesk.services.progress import Progress, silent
from ungedesk.store import anchor, database, instance_lock, keys, migrate
from ungedesk.store.connection import connect_raw
from ungedesk.store.database import KeySource, Opened, Store
from ungedesk.store.errors import (
    CorruptStoreError,
    DamagedStoreError,
    DiskFullError,
    KeyFileError,
    MissingKeyError,
    NoStoreError,
    StoreError,
    WrongPassphraseError,
    translate_os_error,
)
from ungedesk.store.models import AuditEvent, Base
from ungedesk.store.paths import (
    DB_NAME,
    KEY_NAME,
    StorePaths,
    ensure_private_dir,
    fsync_dir,
    write_private_atomic,
)

# --- restore ----------------------------------------------------------------------------

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


class KeyringRefusedError(StoreError):
    exit_code = 4
    message = (
        "Systemets nøglering ville ikke gemme nøglen til den gendannede database, så "
        "gendannelsen er ikke gennemført. Den nuværende database er ikke ændret. Lås "
        "nøgleringen op, og prøv igen."
    )


class InterruptedRestoreError(StoreError):
    exit_code = 5
    message = (
        "En tidligere gendannelse blev afbrudt, og dens notat i datamappen kan ikke læses. "
        "Intet er ændret eller slettet; kontakt support, før du gendanner igen."
    )


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
        passphrase = os.environ.get(keys.ENV_PASSPHRASE) or None
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
_SCHEMA_ERRORS = (SQLAlchemyError, sqlcipher.Error, migrate.MigrationError)


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
