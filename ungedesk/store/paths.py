"""Where a store lives on disk, and creating files owner-only."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "UNGEDESK_DATA_DIR"
DB_NAME = "ungedesk.db"
KEY_NAME = "ungedesk.key"


@dataclass(frozen=True, slots=True)
class StorePaths:
    root: Path

    @property
    def db(self) -> Path:
        return self.root / DB_NAME

    @property
    def key_file(self) -> Path:
        return self.root / KEY_NAME

    @property
    def migration_backups(self) -> Path:
        return self.root / "pre-migration"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def ui_settings(self) -> Path:
        return self.root / "ui-settings.ini"

    def exists(self) -> bool:
        return self.db.exists()


def resolve(data_dir: str | os.PathLike[str] | None = None) -> StorePaths:
    """--data-dir wins over UNGEDESK_DATA_DIR, which wins over the platform's data dir."""
    if data_dir:
        return StorePaths(Path(data_dir).expanduser().resolve())
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return StorePaths(Path(env).expanduser().resolve())
    return StorePaths(Path(platformdirs.user_data_dir("UngeDesk", "UngeDesk", roaming=False)))


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) readable by the owner only where the OS supports it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        path.chmod(0o700)


def restrict(path: Path) -> None:
    """Make an existing file owner-only (0600) on POSIX; Windows ACLs inherit the profile's."""
    if os.name == "posix" and path.exists():
        path.chmod(0o600)


def write_private_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder, fsync, then rename.

    A crash or a full disk leaves either the old file or the new one, never half of one.
    """
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    restrict(path)
