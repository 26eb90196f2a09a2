"""A store: the encrypted database in a data directory, created or unlocked."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from ungedesk.store import anchor, keys, migrate
from ungedesk.store.engine import create_store_engine, translated_errors
from ungedesk.store.errors import (
    KeyFileError,
    MissingKeyError,
    NoStoreError,
    StoreError,
    StoreExistsError,
    translate_os_error,
)
from ungedesk.store.paths import StorePaths, ensure_private_dir

ENV_PASSPHRASE = "UNGEDESK_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)


class KeySource(StrEnum):
    KEYRING = "keyring"
    PASSPHRASE = "passphrase"  # noqa: S105


class Store:
    """An open store. Sessions are short: one per use case, committed or rolled back whole."""

    def __init__(self, paths: StorePaths, engine: Engine, store_id: str) -> None:
        self.paths = paths
        self.engine = engine
        self.store_id = store_id
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
        self.anchor_keyring()
        self.engine.dispose()


@dataclass(frozen=True, slots=True)
class Opened:
    store: Store
    source: KeySource
    keyring_available: bool


def create(
    paths: StorePaths, passphrase: str, *, use_keyring: bool = True, scrypt_n: int | None = None
) -> Opened:
    """Create a new store: data key, key file, database, schema. Refuses to overwrite.

    On failure everything this call created is removed again, so a retry starts clean.
    """
    if paths.db.exists() or paths.key_file.exists():
        raise StoreExistsError()
    try:
        ensure_private_dir(paths.root)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    key = keys.new_data_key()
    kf = keys.wrap(key, passphrase, n=scrypt_n)
    created_files = [
        paths.key_file,
        paths.db,
        paths.db.with_name(paths.db.name + "-wal"),
        paths.db.with_name(paths.db.name + "-shm"),
    ]
    engine: Engine | None = None
    try:
        keys.save_key_file(paths.key_file, kf)
        engine = create_store_engine(paths.db, key, create=True)
        with translated_errors():
            migrate.upgrade(engine, paths)
    except BaseException:
        if engine is not None:
            engine.dispose()
        for f in created_files:
            f.unlink(missing_ok=True)
        raise
    in_keyring = use_keyring and keys.keyring_put(kf.store_id, key)
    return Opened(
        Store(paths, engine, kf.store_id),
        KeySource.KEYRING if in_keyring else KeySource.PASSPHRASE,
        keys.keyring_available(),
    )


def resolve_key(paths: StorePaths, passphrase: str | None) -> tuple[bytes, KeySource, str]:
    """Find the data key: keyring first, then the passphrase (argument or environment)."""
    if not paths.db.exists():
        raise NoStoreError()
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


def open_store(paths: StorePaths, passphrase: str | None = None) -> Opened:
    """Unlock and open an existing store, migrating it to the newest schema."""
    key, source, store_id = resolve_key(paths, passphrase)
    return open_with_key(paths, key, store_id, source)


def open_with_key(paths: StorePaths, key: bytes, store_id: str, source: KeySource) -> Opened:
    """Open with a key already found (and checked against the key file)."""
    engine = create_store_engine(paths.db, key)
    try:
        # A page damaged past the first one shows up only here ("malformed"): translate it.
        with translated_errors():
            migrate.upgrade(engine, paths)
    except BaseException:
        engine.dispose()
        raise
    return Opened(Store(paths, engine, store_id), source, keys.keyring_available())


def needs_passphrase(paths: StorePaths) -> bool:
    """True when the keyring cannot open this store, so the user must type the passphrase."""
    try:
        kf = keys.load_key_file(paths.key_file)
    except (KeyFileError, StoreError):
        return True
    found = keys.keyring_get(kf.store_id)
    return found is None or keys.key_check(found) != kf.check
