"""A store: the encrypted database in a data directory, created or unlocked."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from ungedesk.store import anchor, instance_lock, keys, migrate, register_keys
from ungedesk.store.engine import create_store_engine, translated_errors
from ungedesk.store.errors import (
    DamagedStoreError,
    InterruptedRotationError,
    KeyFileError,
    MissingKeyError,
    NoStoreError,
    StoreError,
    StoreExistsError,
    translate_os_error,
)
from ungedesk.store.instance_lock import DEFAULT_HOLDER, InstanceLock
from ungedesk.store.keys import ENV_PASSPHRASE
from ungedesk.store.paths import StorePaths, ensure_private_dir, fsync_dir, write_private_atomic


class KeySource(StrEnum):
    KEYRING = "keyring"
    PASSPHRASE = "passphrase"  # noqa: S105


class Store:
    """An open store. Sessions are short: one per use case, committed or rolled back whole."""

    def __init__(
        self,
        paths: StorePaths,
        engine: Engine,
        store_id: str,
        instance: InstanceLock | None = None,
    ) -> None:
        self.paths = paths
        self.engine = engine
        self.store_id = store_id
        # The hold on the data directory (instance_lock), given back when the store closes.
        self._instance = instance
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # The newest audit mark this process committed; kept outside the database (anchor).
        self.last_mark: anchor.HeadMark | None = None
        # Danish warnings found while opening (a rolled-back access log), for the UI to show.
        self.alerts: list[str] = []
        # Danish notes on what opening repaired (an interrupted restore undone), to show.
        self.notices: list[str] = []
        event.listen(self._sessions, "after_commit", self._after_commit)

    def _after_commit(self, session: Session) -> None:
        appended = session.info.pop(anchor.SESSION_INFO_KEY, None)
        if appended is None:
            return
        self.last_mark = anchor.now_mark(*appended)
        # The commit stands even when the mark cannot be written: a mark left behind only
        # understates the head, which is never reported as tampering; the next commit or
        # the keyring catches up.
        with suppress(OSError):
            anchor.write_file(self.paths, self.store_id, self.last_mark)

    def anchor_keyring(self) -> bool:
        """Copy the newest mark to the keyring (at lock, close, backup and restore)."""
        if self.last_mark is None:
            return False
        return anchor.keyring_write(self.store_id, self.last_mark)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: commits on success, rolls back on any error (nothing saved half)."""
        with translated_errors(), self._sessions() as session, session.begin():
            yield session

    def vacuum(self) -> None:
        """Rebuild the file so deleted data leaves no free pages behind. Runs outside any
        transaction (SQLite refuses VACUUM inside one), on a raw connection."""
        with translated_errors(), self.engine.connect() as conn:
            conn.connection.dbapi_connection.execute("VACUUM")  # type: ignore[union-attr]

    def close(self) -> None:
        try:
            self.anchor_keyring()
            self.engine.dispose()
        finally:
            if self._instance is not None:
                self._instance.release()


@dataclass(frozen=True, slots=True)
class Opened:
    store: Store
    source: KeySource
    keyring_available: bool


# --- creating a store: built in a private staging folder, published by renames ----------
#
# ``init`` may be killed at any moment. The whole store (key file, database with schema and
# whatever ``populate`` adds) is built in ``.init-<random>`` inside the data directory, the
# database is closed (no -wal left to carry along) and its SHA-256 written to a marker file.
# Then the database is renamed into place, and the key file last. The key file is what
# makes a store a store (without it nothing opens), so every kill point leaves either:
# - no database and no key file: no store; the staging folder is stale and removed by the
#   next open or init, and init simply runs again;
# - the database published, the key file still in the staging folder: completed by the next
#   open or init (the key file is moved in) when the database is byte for byte the one the
#   marker names, else the staging folder is removed and the database is left alone;
# - both published: a complete store (a leftover staging folder is removed).
# Recovery runs only under the data directory's instance lock, so a staging folder that
# another, running init is still filling is never touched.

STAGING_PREFIX = ".init-"
_PUBLISH_MARKER = "publish.json"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _staging_folders(paths: StorePaths) -> list[Path]:
    if not paths.root.is_dir():
        return []
    return sorted(
        p
        for p in paths.root.iterdir()
        if p.name.startswith(STAGING_PREFIX) and p.is_dir() and not p.is_symlink()
    )


def _recover_one(paths: StorePaths, staging: Path) -> None:
    staged = StorePaths(staging)
    marker = staging / _PUBLISH_MARKER
    half_published = (
        not paths.key_file.exists()
        and staged.key_file.is_file()
        and not staged.db.exists()
        and marker.is_file()
        and paths.db.is_file()
        and not paths.db.is_symlink()
    )
    if half_published:
        try:
            expected = json.loads(marker.read_text(encoding="utf-8"))["db_sha256"]
        except (ValueError, KeyError, TypeError):
            expected = None
        if expected is not None and _sha256(paths.db) == expected:
            os.replace(staged.key_file, paths.key_file)
            fsync_dir(paths.root)
    shutil.rmtree(staging)


def recover_interrupted_create(paths: StorePaths) -> None:
    """Complete or roll back an ``init`` that was killed while publishing (see above).

    The caller must hold the data directory's instance lock.
    """
    try:
        for staging in _staging_folders(paths):
            _recover_one(paths, staging)
    except OSError as exc:
        raise translate_os_error(exc) from exc


def _build(
    staged: StorePaths,
    key: bytes,
    kf: keys.KeyFile,
    populate: Callable[[Session], None] | None,
) -> None:
    """The whole new store in ``staged``: key file, schema, first rows; closed, no -wal."""
    keys.save_key_file(staged.key_file, kf)
    engine = create_store_engine(staged.db, key, create=True)
    try:
        with translated_errors():
            migrate.upgrade(engine, staged)
        if populate is not None:
            with Store(staged, engine, kf.store_id).session() as s:
                populate(s)
        with translated_errors(), engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    # The last connection closed checkpoints and removes the -wal: the file published next
    # must be whole on its own.
    for suffix in ("-wal", "-shm"):
        side = staged.db.with_name(staged.db.name + suffix)
        if side.exists():
            if side.stat().st_size and suffix == "-wal":
                raise StoreError("Databasen kunne ikke gøres færdig. Intet er oprettet.")
            side.unlink()


def _publish(paths: StorePaths, staged: StorePaths) -> None:
    """Rename the staged database, then the key file, into the data directory."""
    write_private_atomic(
        staged.root / _PUBLISH_MARKER,
        json.dumps({"db_sha256": _sha256(staged.db)}).encode("utf-8"),
    )
    fsync_dir(staged.root)
    os.replace(staged.db, paths.db)
    try:
        fsync_dir(paths.root)
        os.replace(staged.key_file, paths.key_file)
        fsync_dir(paths.root)
    except BaseException:
        # Still in this process: the database just moved is ours, so take it back out.
        paths.db.unlink(missing_ok=True)
        raise


def create(
    paths: StorePaths,
    passphrase: str,
    *,
    use_keyring: bool = True,
    scrypt_n: int | None = None,
    populate: Callable[[Session], None] | None = None,
    holder: str = DEFAULT_HOLDER,
) -> Opened:
    """Create a new store: data key, key file, database, schema, and the rows ``populate``
    adds in the same first transaction. Refuses to overwrite.

    Nothing appears in the data directory until the store is complete (see above); on a
    failure everything this call made is removed again, so a retry starts clean.
    """
    try:
        ensure_private_dir(paths.root)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    with instance_lock.acquire(paths, holder):
        recover_interrupted_create(paths)
        if paths.db.exists() or paths.key_file.exists():
            check_files(paths)  # what is left of a store is damaged, not "exists"
            raise StoreExistsError()
        key = keys.new_data_key()
        kf = keys.wrap(key, passphrase, n=scrypt_n)
        staged = StorePaths(paths.root / f"{STAGING_PREFIX}{secrets.token_hex(6)}")
        in_keyring = False
        try:
            ensure_private_dir(staged.root)
            _build(staged, key, kf, populate)
            # Before publishing, so that a store on disk is never without its keyring entry
            # when the keyring was wanted.
            in_keyring = use_keyring and keys.keyring_put(kf.store_id, key)
            _publish(paths, staged)
        except BaseException as exc:
            shutil.rmtree(staged.root, ignore_errors=True)
            if in_keyring:
                keys.keyring_forget(kf.store_id)
            if isinstance(exc, OSError):
                raise translate_os_error(exc) from exc
            raise
        shutil.rmtree(staged.root, ignore_errors=True)
        return open_with_key(
            paths, key, kf.store_id, KeySource.KEYRING if in_keyring else KeySource.PASSPHRASE
        )


def check_files(paths: StorePaths) -> None:
    """Raise unless the data directory holds a store's files: NoStoreError when there is
    neither database nor key file, DamagedStoreError when the database is missing, empty or
    not a regular file. Reads nothing but the directory, so a damaged store stays as it is.
    """
    try:
        key_there = paths.key_file.exists()
        try:
            info = paths.db.lstat()
        except FileNotFoundError:
            info = None
    except OSError as exc:
        raise translate_os_error(exc) from exc
    # services.key_rotation's files: a new key file waiting while the new database is no
    # longer waiting beside the old one means the database was swapped and its key was not.
    new_key_file = paths.key_file.with_name(paths.key_file.name + ".rekey")
    new_db = paths.db.with_name(paths.db.name + ".rekey")
    if new_key_file.exists() and not (new_db.exists() and info is not None):
        raise InterruptedRotationError()
    if info is None:
        if key_there:
            raise DamagedStoreError()
        raise NoStoreError()
    if not stat.S_ISREG(info.st_mode) or info.st_size == 0:
        raise DamagedStoreError()


def resolve_key(paths: StorePaths, passphrase: str | None) -> tuple[bytes, KeySource, str]:
    """Find the data key: keyring first, then the passphrase (argument or environment)."""
    check_files(paths)
    kf = keys.load_key_file(paths.key_file)
    if passphrase is None:
        from_keyring = keys.keyring_get(kf.store_id)
        if from_keyring is not None and keys.key_check(from_keyring) == kf.check:
            return from_keyring, KeySource.KEYRING, kf.store_id
        passphrase = os.environ.get(ENV_PASSPHRASE) or None
    if passphrase is None:
        raise MissingKeyError()
    key = keys.unwrap(kf, passphrase)
    # The keyring was wiped or this is another machine: put the key back where it belongs.
    if keys.keyring_available() and keys.keyring_get(kf.store_id) is None:
        keys.keyring_put(kf.store_id, key)
    return key, KeySource.PASSPHRASE, kf.store_id


def open_store(
    paths: StorePaths, passphrase: str | None = None, *, holder: str = DEFAULT_HOLDER
) -> Opened:
    """Unlock and open an existing store, migrating it to the newest schema.

    The data directory's instance lock is taken first (StoreInUseError when another
    UngeDesk holds it) and held by the returned store until it is closed.
    """
    with instance_lock.acquire(paths, holder):
        recover_interrupted_create(paths)
        key, source, store_id = resolve_key(paths, passphrase)
        return open_with_key(paths, key, store_id, source)


def open_with_key(paths: StorePaths, key: bytes, store_id: str, source: KeySource) -> Opened:
    """Open with a key already found (and checked against the key file).

    Only ``create`` builds a schema: a database without one is damaged, not new, and is
    refused before anything is written to it.
    """
    hold = instance_lock.acquire(paths)
    try:
        check_files(paths)
        engine = create_store_engine(paths.db, key)
        try:
            # A page damaged past the first one shows up only here ("malformed"): translate it.
            with translated_errors():
                if migrate.current_revision(engine) is None:
                    raise DamagedStoreError()
                migrate.upgrade(engine, paths)
                # A program update with another register folding: recompute the stored
                # texts once, before anything reads the register.
                register_keys.refresh_if_stale(engine)
        except BaseException:
            engine.dispose()
            raise
    except BaseException:
        hold.release()
        raise
    return Opened(Store(paths, engine, store_id, hold), source, keys.keyring_available())


def needs_passphrase(paths: StorePaths) -> bool:
    """True when the keyring cannot open this store, so the user must type the passphrase."""
    try:
        kf = keys.load_key_file(paths.key_file)
    except (KeyFileError, StoreError):
        return True
    found = keys.keyring_get(kf.store_id)
    return found is None or keys.key_check(found) != kf.check
