"""Bring a store's schema to the newest revision, copying the file aside first.

The copies in ``pre-migration/`` are there to recover from a migration that went wrong. They
are encrypted like the store, but they hold every person as they were on the day of the
migration, including people whose cases retention deletes later. So they do not live for
ever: a copy older than ``KEEP_COPIES_FOR`` is removed (a migration that damaged data shows
in daily use well within a month), all copies go when retention deletes cases (the deletion
must reach every copy on this computer) and when a restore replaces the store they belong to.
A later backup does not make a copy redundant: a backup taken after a faulty migration would
carry the damage along.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ungedesk.store.errors import translate_os_error
from ungedesk.store.paths import StorePaths, ensure_private_dir, restrict

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

_SCRIPTS = Path(__file__).with_name("migrations")
KEEP_COPIES_FOR = timedelta(days=30)
COPY_GLOB = "ungedesk-*.db"

# The newest revision in migrations/versions. Opening a store that is already there reads
# one row and imports nothing of Alembic (half a second of imports at every start). A test
# holds this equal to Alembic's own head, so adding a revision without updating it fails.
HEAD_REVISION = "0017_figure_case"


class MigrationError(Exception):
    """Alembic could not bring the store to head (a revision this program does not know,
    a broken history). Raised instead of Alembic's own error so that callers can catch it
    without importing Alembic."""


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_SCRIPTS))
    return cfg


def head_revision() -> str | None:
    """The head as Alembic finds it in the scripts (imports Alembic)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The store's revision, None for a database without one (as Alembic reads it)."""
    with engine.connect() as conn:
        has_table = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if has_table is None:
            return None
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    if len(rows) > 1:
        raise RuntimeError("the store has more than one schema revision")
    return str(rows[0][0]) if rows else None


def upgrade(engine: Engine, paths: StorePaths) -> Path | None:
    """Upgrade to head. Returns the copy made before migrating an existing store, if any.

    The copy is the encrypted database file after a WAL checkpoint, so it is as safe at rest
    as the store itself and opens with the same key.
    """
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return None
    copy: Path | None = None
    if current is not None:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        ensure_private_dir(paths.migration_backups)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = paths.migration_backups / f"ungedesk-{current}-{stamp}.db"
        try:
            # copyfile, not copy2: the copy's mtime is the day it was made, which is what
            # remove_migration_copies ages it by.
            shutil.copyfile(paths.db, copy)
        except OSError as exc:
            copy.unlink(missing_ok=True)
            raise translate_os_error(exc) from exc
        restrict(copy)
    from alembic import command
    from alembic.util import CommandError

    cfg = _config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except CommandError as exc:
        raise MigrationError(str(exc)) from exc
    return copy


def migration_copies(paths: StorePaths) -> list[Path]:
    folder = paths.migration_backups
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(COPY_GLOB) if p.is_file() and not p.is_symlink())


def remove_migration_copies(paths: StorePaths, *, now: datetime | None = None) -> int:
    """Remove pre-migration copies: those older than KEEP_COPIES_FOR when ``now`` is given,
    else all of them. Returns how many were removed."""
    cutoff = None if now is None else (now - KEEP_COPIES_FOR).timestamp()
    removed = 0
    for copy in migration_copies(paths):
        try:
            if cutoff is not None and copy.stat().st_mtime >= cutoff:
                continue
            copy.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise translate_os_error(exc) from exc
        removed += 1
    return removed
