"""A start's first look: the register's first page, read before the store is opened.

A caseworker's start waits for one thing, the list of young people. Opening the store the
full way (services.setup.unlock) needs SQLAlchemy, the models and the services behind them:
about two thirds of a second of imports on a modest laptop. When the start is the plain
case (the keyring holds the key, the data directory holds nothing but a store's own files,
the schema and the register's stored texts are current), this module reads the first page
on a raw SQLCipher connection instead, without importing any of that, and the main window
paints it. The full open (recovery, migration check, access-log head, purge, rule check)
follows right after the paint, before anything else can touch the store.

Whenever anything is not the plain case, ``read`` answers None and the start goes the full
way, which repairs, migrates or explains what it finds. This module therefore never
reports a problem itself; it only declines. No SQLAlchemy may be imported here (a test in
tests/ui/test_start_imports.py starts the GUI and checks).
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher

from ungedesk.domain.search import REGISTER_KEYS_VERSION
from ungedesk.services import register_page
from ungedesk.services.register_page import RegisterPage
from ungedesk.store import anchor, instance_lock, keys, migrate, register_keys
from ungedesk.store.connection import connect_raw
from ungedesk.store.errors import StoreError
from ungedesk.store.paths import LOGS_NAME, MIGRATION_BACKUPS_NAME, UI_SETTINGS_NAME, StorePaths

if TYPE_CHECKING:
    from ungedesk.store.database import Opened


@dataclass(frozen=True, slots=True)
class FirstLook:
    """The first page, and the key that read it, for the full open that follows."""

    page: RegisterPage
    store_id: str
    key: bytes = field(repr=False)


def _plain_names(paths: StorePaths) -> frozenset[str]:
    """What a data directory holds between starts. Anything else (an interrupted init,
    restore or key rotation leaves folders and files of other names) is work for the full
    open's recovery, so the first look declines."""
    db = paths.db.name
    return frozenset(
        {
            db,
            f"{db}-wal",
            f"{db}-shm",
            paths.key_file.name,
            anchor.FILE_NAME,
            instance_lock.LOCK_NAME,
            instance_lock.INFO_NAME,
            LOGS_NAME,
            MIGRATION_BACKUPS_NAME,
            UI_SETTINGS_NAME,
        }
    )


def _is_plain(paths: StorePaths) -> bool:
    try:
        names = {entry.name for entry in paths.root.iterdir()}
        info = paths.db.lstat()
    except OSError:
        return False
    if not names <= _plain_names(paths) or paths.key_file.name not in names:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size > 0


def _keyring_key(paths: StorePaths) -> tuple[bytes, str] | None:
    try:
        key_file = keys.load_key_file(paths.key_file)
    except StoreError:  # missing, unreadable or damaged: the full open says which
        return None
    key = keys.keyring_get(key_file.store_id)
    if key is None or keys.key_check(key) != key_file.check:
        return None
    return key, key_file.store_id


def _is_current(conn: sqlcipher.Connection) -> bool:
    """The schema is the program's and the register texts were made with its folding."""
    revisions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    if [tuple(row) for row in revisions] != [(migrate.HEAD_REVISION,)]:
        return False
    folding = conn.execute(
        "SELECT value FROM setting WHERE key = ?", (register_keys.SETTING,)
    ).fetchone()
    return folding is not None and str(folding[0]) == str(REGISTER_KEYS_VERSION)


def read(paths: StorePaths, limit: int = register_page.PAGE) -> FirstLook | None:
    """The register's first page when the start is the plain case; None otherwise.

    Holds the data directory while it reads (the GUI holds it already for its session).
    Reads only: the connection is closed again before the full open.
    """
    try:
        hold = instance_lock.acquire(paths)
    except StoreError:
        return None
    try:
        if not _is_plain(paths):
            return None
        found = _keyring_key(paths)
        if found is None:
            return None
        key, store_id = found
        try:
            conn = connect_raw(paths.db, key)
        except StoreError:
            return None
        try:
            if not _is_current(conn):
                return None
            page = register_page.first_page(conn, limit)
        except sqlcipher.Error:
            return None
        finally:
            conn.close()
        return FirstLook(page, store_id, key)
    finally:
        hold.release()


def open_rest(paths: StorePaths, look: FirstLook) -> Opened:
    """The full open after the first look's page is on screen (services.setup); run it on
    the worker, where SQLAlchemy and the services behind the store are imported meanwhile."""
    from ungedesk.services import setup

    return setup.open_after_first_look(paths, look)
