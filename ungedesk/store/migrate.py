"""Bring a store's schema to the newest revision, copying the file aside first."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from ungedesk.store.errors import translate_os_error
from ungedesk.store.paths import StorePaths, ensure_private_dir, restrict

_SCRIPTS = Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_SCRIPTS))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, paths: StorePaths) -> Path | None:
    """Upgrade to head. Returns the copy made before migrating an existing store, if any.

    The copy is the encrypted database file after a WAL checkpoint, so it is as safe at rest
    as the store itself and opens with the same key.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    copy: Path | None = None
    if current is not None:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        ensure_private_dir(paths.migration_backups)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = paths.migration_backups / f"ungedesk-{current}-{stamp}.db"
        try:
            shutil.copy2(paths.db, copy)
        except OSError as exc:
            copy.unlink(missing_ok=True)
            raise translate_os_error(exc) from exc
        restrict(copy)
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return copy
