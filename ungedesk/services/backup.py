"""Encrypted backup and restore of the whole store.

A backup file is a zip holding the database exported by SQLCipher (still encrypted with the
data key), the key file (the data key wrapped by the recovery passphrase) and a manifest
without personal data. So a backup restores on a replacement laptop with the passphrase
alone, and a lost backup file exposes nothing.

Nothing is reported done before it is checked: the export is attached to the live store and
every table is compared row by row (by hash) with the source inside one read transaction.
Every file is written beside its target under a temporary name and renamed into place only
when complete, so a full disk or a removed file half-way leaves the previous backup, the store
and no plaintext behind (the temporary files are encrypted too).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.services.setup import get_setting
from ungedesk.store import database, keys, migrate
from ungedesk.store.database import KeySource, Opened, Store
from ungedesk.store.engine import connect_raw
from ungedesk.store.errors import (
    CorruptStoreError,
    KeyFileError,
    MissingKeyError,
    StoreError,
    translate_db_error,
    translate_os_error,
)
from ungedesk.store.models import Setting
from ungedesk.store.paths import StorePaths, ensure_private_dir, restrict

FORMAT = "ungedesk-backup"
VERSION = 1
LAST_BACKUP = "last_backup_at"
REMINDER_SETTING = "backup_reminder_days"
DEFAULT_REMINDER_DAYS = 7


class BackupError(StoreError):
    exit_code = 9
    message = (
        "Sikkerhedskopien kunne ikke laves. Den forrige sikkerhedskopi og databasen er urørte."
    )


class BadBackupError(StoreError):
    exit_code = 9
    message = (
        "Filen er ikke en gyldig UngeDesk-sikkerhedskopi, eller den er beskadiget. "
        "Den nuværende database er ikke ændret."
    )


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    tables: int
    rows: int
    size: int


def _quote_path(path: Path) -> str:
    # ATTACH takes the file name as an SQL string literal; double any single quote.
    return "'" + str(path).replace("'", "''") + "'"


def _tables(conn: Any, schema: str = "main") -> list[str]:
    rows = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "  # noqa: S608
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def table_digests(conn: Any, schema: str = "main") -> dict[str, tuple[int, str]]:
    """Row count and SHA-256 over every row, per table, in rowid order."""
    out: dict[str, tuple[int, str]] = {}
    for name in _tables(conn, schema):
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


def backup(store: Store, target: Path, *, now: datetime | None = None) -> BackupResult:
    """Write a verified, encrypted backup of the whole store to ``target``."""
    target = target.expanduser().resolve()
    if target.is_dir():
        raise BackupError("Vælg et filnavn til sikkerhedskopien, ikke en mappe.")
    if not target.parent.is_dir():
        raise BackupError("Mappen til sikkerhedskopien findes ikke.")
    moment = now or datetime.now(UTC)
    export = _tmp_name(target, "db")
    packed = _tmp_name(target, "zip")
    try:
        with _raw(store) as conn:
            conn.execute(f"ATTACH DATABASE {_quote_path(export)} AS backup")  # same key as main
            try:
                conn.execute("BEGIN")
                try:
                    source = table_digests(conn, "main")
                    conn.execute("SELECT sqlcipher_export('backup')")
                    copied_version = conn.execute("PRAGMA backup.user_version").fetchone()
                    conn.execute(f"PRAGMA backup.user_version = {int(copied_version[0])}")
                finally:
                    conn.execute("COMMIT")
                copy = table_digests(conn, "backup")
            finally:
                conn.execute("DETACH DATABASE backup")
        if copy != source:
            raise BackupError("Kopien stemte ikke med databasen. Intet er ændret; prøv igen.")
        restrict(export)
        total_rows = sum(n for n, _ in source.values())
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": moment.isoformat(timespec="seconds"),
            "store_id": store.store_id,
            "schema": migrate.current_revision(store.engine),
            "tables": len(source),
            "rows": total_rows,
        }
        with zipfile.ZipFile(packed, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr("manifest.json", json.dumps(manifest, indent=2))
            zf.write(store.paths.key_file, "ungedesk.key")
            zf.write(export, "ungedesk.db")
        with open(packed, "rb") as fh:
            os.fsync(fh.fileno())
        with zipfile.ZipFile(packed) as zf:
            if zf.testzip() is not None:
                raise BackupError()
        os.replace(packed, target)
        restrict(target)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    except StoreError:
        raise
    except Exception as exc:
        known = translate_db_error(exc)
        if known is None:
            raise
        raise known from exc
    finally:
        export.unlink(missing_ok=True)
        packed.unlink(missing_ok=True)
    with store.session() as s:
        audit.record(s, Action.BACKUP, detail=f"{total_rows} rækker", at=moment)
        row = s.get(Setting, LAST_BACKUP)
        value = json.dumps(moment.isoformat())
        if row is None:
            s.add(Setting(key=LAST_BACKUP, value=value))
        else:
            row.value = value
    return BackupResult(target, len(source), total_rows, target.stat().st_size)


def last_backup(store: Store) -> datetime | None:
    value = get_setting(store, LAST_BACKUP)
    return datetime.fromisoformat(str(value)) if value else None


def backup_overdue(store: Store, *, now: datetime | None = None) -> bool:
    """True when there is no backup or the last one is older than the reminder setting."""
    days = int(str(get_setting(store, REMINDER_SETTING, DEFAULT_REMINDER_DAYS)))
    last = last_backup(store)
    return last is None or (now or datetime.now(UTC)) - last > timedelta(days=days)


# --- restore --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BackupInfo:
    created: str
    store_id: str
    schema: str | None
    tables: int
    rows: int


def _read_manifest(zf: zipfile.ZipFile) -> BackupInfo:
    try:
        doc = json.loads(zf.read("manifest.json").decode("utf-8"))
        if doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise BadBackupError()
        return BackupInfo(
            str(doc["created"]),
            str(doc["store_id"]),
            doc.get("schema"),
            int(doc["tables"]),
            int(doc["rows"]),
        )
    except (KeyError, ValueError, TypeError, UnicodeDecodeError) as exc:
        raise BadBackupError() from exc


def inspect(source: Path) -> BackupInfo:
    """Read a backup's manifest without unlocking it."""
    try:
        with zipfile.ZipFile(source) as zf:
            return _read_manifest(zf)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BadBackupError() from exc


def restore(paths: StorePaths, source: Path, passphrase: str | None = None) -> Opened:
    """Replace the store in ``paths`` with the backup in ``source`` and open it.

    The backup is unpacked and checked in a staging folder first; the current store is moved
    aside and only removed once the restored one opens. Any failure puts it back.
    """
    source = source.expanduser().resolve()
    ensure_private_dir(paths.root)
    staging = paths.root / f".restore-{secrets.token_hex(4)}"
    aside = paths.root / f".replaced-{secrets.token_hex(4)}"
    live = [
        paths.db,
        paths.key_file,
        *(paths.db.with_name(paths.db.name + s) for s in ("-wal", "-shm")),
    ]
    try:
        ensure_private_dir(staging)
        staged = StorePaths(staging)
        try:
            with zipfile.ZipFile(source) as zf:
                _read_manifest(zf)
                if zf.testzip() is not None:
                    raise BadBackupError()
                for name, dest in (("ungedesk.db", staged.db), ("ungedesk.key", staged.key_file)):
                    with zf.open(name) as src, open(dest, "wb") as out:
                        shutil.copyfileobj(src, out)
                    restrict(dest)
        except (zipfile.BadZipFile, KeyError) as exc:
            raise BadBackupError() from exc
        key = _backup_key(staged, passphrase)
        conn = connect_raw(staged.db, key)
        try:
            sound = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            sound = sound and not conn.execute("PRAGMA cipher_integrity_check").fetchall()
        finally:
            conn.close()
        if not sound:
            raise CorruptStoreError(BadBackupError.message)
        # Swap: current store aside, restored one in.
        ensure_private_dir(aside)
        for f in live:
            if f.exists():
                os.replace(f, aside / f.name)
        try:
            for f in (staged.db, staged.key_file):
                os.replace(f, paths.root / f.name)
            kf = keys.load_key_file(paths.key_file)
            opened = database.open_with_key(paths, key, kf.store_id, KeySource.PASSPHRASE)
        except BaseException:
            for f in live:
                f.unlink(missing_ok=True)
                if (aside / f.name).exists():
                    os.replace(aside / f.name, f)
            raise
        keys.keyring_put(opened.store.store_id, key)
        with opened.store.session() as s:
            audit.record(s, Action.RESTORE, detail=f"fra sikkerhedskopi {inspect(source).created}")
        return opened
    except OSError as exc:
        raise translate_os_error(exc) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(aside, ignore_errors=True)


def _backup_key(staged: StorePaths, passphrase: str | None) -> bytes:
    """The backup's data key: from the keyring when it is this machine's store, else the
    recovery passphrase (argument or UNGEDESK_PASSPHRASE)."""
    try:
        kf = keys.load_key_file(staged.key_file)
    except KeyFileError as exc:
        raise BadBackupError() from exc
    if passphrase is None:
        found = keys.keyring_get(kf.store_id)
        if found is not None and keys.key_check(found) == kf.check:
            return found
        passphrase = os.environ.get(database.ENV_PASSPHRASE) or None
    if passphrase is None:
        raise MissingKeyError(
            "Skriv gendannelsesfrasen for sikkerhedskopien. Nøglen findes ikke på denne computer."
        )
    return keys.unwrap(kf, passphrase)
