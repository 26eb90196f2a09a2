"""Rotating the data key: the whole database copied under a new random key, then swapped in.

For a laptop or key file that may have been compromised together with the passphrase
(docs/key-rotation.md says when). Changing the passphrase is not enough then: whoever
unwrapped the key file once holds the data key for good.

The steps, each one safe to be killed at, and finished by running the rotation again:

1. ``ungedesk.db.rekey``: ``sqlcipher_export`` of every table into a new file under the
   new key, checked table by table against the original and by both integrity checks.
   Killed here: the store is untouched; the next run removes the half-made copy.
2. ``ungedesk.key.rekey``: the new key wrapped by the recovery passphrase. Its existence
   means "the new database is complete and checked".
3. The new database replaces the old one, then the new key file the old one, then the
   keyring gets the new key. Killed between the renames, the store does not open until the
   rotation is run again, which finishes it (both new files are whole on disk). Killed
   before the first rename, the store still opens as it was, and may be used: the next
   run then discards the prepared copy and starts afresh rather than lose that work.
4. The old database file is deleted. Backups taken before stay under the old key.

The store must be closed: run it with UngeDesk shut (the command line does).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.store import database, keys
from ungedesk.store.connection import connect_raw
from ungedesk.store.errors import (
    NoStoreError,
    StoreError,
    StoreLockedError,
    translate_os_error,
)
from ungedesk.store.paths import StorePaths, fsync_dir, write_private_atomic

AUDIT_DETAIL = "Databasens nøgle er skiftet"
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class RotationResult:
    tables: int
    rows: int
    keyring_updated: bool
    resumed: bool  # True when an interrupted rotation was finished


def _new_db(paths: StorePaths) -> Path:
    return paths.db.with_name(paths.db.name + ".rekey")


def _new_key_file(paths: StorePaths) -> Path:
    return paths.key_file.with_name(paths.key_file.name + ".rekey")


def _old_db(paths: StorePaths) -> Path:
    return paths.db.with_name(paths.db.name + ".old-key")


def _quote_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _digests(conn: Any, schema: str) -> dict[str, tuple[int, str]]:
    """Row count and SHA-256 over the rows of every table, in rowid order."""
    names = [
        str(r[0])
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "  # noqa: S608
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    ]
    out: dict[str, tuple[int, str]] = {}
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'
        h = hashlib.sha256()
        n = 0
        for row in conn.execute(f"SELECT * FROM {schema}.{quoted} ORDER BY rowid"):  # noqa: S608
            h.update(repr(tuple(row)).encode("utf-8"))
            n += 1
        out[name] = (n, h.hexdigest())
    return out


def _remove(path: Path) -> None:
    for f in (path, *(path.with_name(path.name + s) for s in _SIDE_FILES)):
        f.unlink(missing_ok=True)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _prepare(paths: StorePaths, old_key: bytes, new_key: bytes) -> tuple[int, int]:
    """Step 1: the checked copy under the new key. Returns (tables, rows)."""
    new_db = _new_db(paths)
    _remove(new_db)
    conn = connect_raw(paths.db, old_key)
    try:
        # Everything into the main file first, so the copy below is the whole store.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"ATTACH DATABASE {_quote_path(new_db)} AS rekeyed KEY \"x'{new_key.hex()}'\"")
        try:
            conn.execute("BEGIN")
            try:
                source = _digests(conn, "main")
                conn.execute("SELECT sqlcipher_export('rekeyed')")
                version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
                conn.execute(f"PRAGMA rekeyed.user_version = {version}")
            finally:
                conn.execute("COMMIT")
            copy = _digests(conn, "rekeyed")
        finally:
            conn.execute("DETACH DATABASE rekeyed")
    finally:
        conn.close()
    if copy != source:
        raise StoreError("Kopien under den nye nøgle stemte ikke med databasen. Intet er ændret.")
    # SQLite removes the write-ahead log and its index when the last connection closes.
    # Still there after ours closed: the store is open elsewhere, whose later changes the
    # copy would miss and whose files would be swapped away under it.
    if any(paths.db.with_name(paths.db.name + side).exists() for side in ("-wal", "-shm")):
        raise StoreLockedError()
    check = connect_raw(new_db, new_key)
    try:
        sound = [str(r[0]) for r in check.execute("PRAGMA integrity_check")] == ["ok"]
        sound = sound and not check.execute("PRAGMA cipher_integrity_check").fetchall()
    finally:
        check.close()
    if not sound:
        raise StoreError("Kopien under den nye nøgle kunne ikke kontrolleres. Intet er ændret.")
    _fsync_file(new_db)
    return len(source), sum(n for n, _ in source.values())


def _swap(paths: StorePaths) -> None:
    """Step 3: the new database in place of the old one, then the new key file."""
    new_db, old_db = _new_db(paths), _old_db(paths)
    if new_db.exists():
        if paths.db.exists():
            os.replace(paths.db, old_db)
        for side in _SIDE_FILES:  # the old file's, empty after the checkpoint; never reused
            paths.db.with_name(paths.db.name + side).unlink(missing_ok=True)
        os.replace(new_db, paths.db)
        fsync_dir(paths.root)
    os.replace(_new_key_file(paths), paths.key_file)
    fsync_dir(paths.root)


def _opens_with(db: Path, key: bytes) -> bool:
    try:
        connect_raw(db, key).close()
    except StoreError:
        return False
    return True


def _resume(paths: StorePaths, passphrase: str) -> bytes | None:
    """Finish a rotation an earlier run left prepared; None when it must start afresh.

    Goes forward only where the store could not have been used since: with the old
    database still in place, UngeDesk may have opened it and saved work the prepared copy
    lacks, and a restore may have replaced the files meanwhile.
    """
    new_db, new_key_file = _new_db(paths), _new_key_file(paths)
    new_key = keys.unwrap(keys.load_key_file(new_key_file), passphrase)
    if new_db.exists() and not paths.db.exists():
        _swap(paths)  # killed between the two database renames
        return new_key
    if not new_db.exists() and _opens_with(paths.db, new_key):
        _swap(paths)  # killed between the database and the key-file rename
        return new_key
    _remove(new_db)
    new_key_file.unlink()
    return None


def rotate_data_key(
    paths: StorePaths, passphrase: str, *, scrypt_n: int | None = None
) -> RotationResult:
    """Re-encrypt the store under a new random data key; finish an interrupted rotation.

    The recovery passphrase is required (the new key file is wrapped by it) and checked
    before anything is written. The store must not be open anywhere (StoreLockedError).
    """
    if not paths.db.exists() and not _new_db(paths).exists():
        raise NoStoreError()
    # Temp files of a key file write that was killed (write_private_atomic's naming).
    for leftover in paths.root.glob(f".{paths.key_file.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
    tables = rows = 0
    try:
        resumed_key = _resume(paths, passphrase) if _new_key_file(paths).exists() else None
        if resumed_key is None:
            kf = keys.load_key_file(paths.key_file)
            old_key = keys.unwrap(kf, passphrase)
            new_key = keys.new_data_key()
            tables, rows = _prepare(paths, old_key, new_key)
            fresh = keys.rewrap(
                replace(kf, check=keys.key_check(new_key)), new_key, passphrase, n=scrypt_n
            )
            write_private_atomic(_new_key_file(paths), fresh.to_json())
            _swap(paths)
        else:
            new_key = resumed_key
        _remove(_old_db(paths))
    except OSError as exc:
        raise translate_os_error(exc) from exc
    except BaseException:
        if not _new_key_file(paths).exists():
            with contextlib.suppress(OSError):
                _remove(_new_db(paths))
        raise
    store_id = keys.load_key_file(paths.key_file).store_id
    in_keyring = keys.keyring_put(store_id, new_key)
    if not in_keyring:
        keys.keyring_forget(store_id)  # the old key must not linger there
    opened = database.open_with_key(paths, new_key, store_id, database.KeySource.PASSPHRASE)
    try:
        with opened.store.session() as s:
            audit.record(s, Action.UPDATE, detail=AUDIT_DETAIL)
    finally:
        opened.store.close()
    return RotationResult(tables, rows, in_keyring, resumed_key is not None)
