"""Where a store lives on disk, and creating files and folders owner-only."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ungedesk.store.errors import StoreError

ENV_DATA_DIR = "UNGEDESK_DATA_DIR"
DB_NAME = "ungedesk.db"
KEY_NAME = "ungedesk.key"
MIGRATION_BACKUPS_NAME = "pre-migration"
LOGS_NAME = "logs"
UI_SETTINGS_NAME = "ui-settings.ini"


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
        return self.root / MIGRATION_BACKUPS_NAME

    @property
    def logs(self) -> Path:
        return self.root / LOGS_NAME

    @property
    def ui_settings(self) -> Path:
        return self.root / UI_SETTINGS_NAME

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


class NotRegularFileError(StoreError):
    """The target of a write is a symlink, a folder, a pipe or a device: never written
    through or replaced, since that could overwrite a file elsewhere or hang on a pipe."""

    exit_code = 8

    def __init__(self, path: Path) -> None:
        # The file name only: names carry case numbers at most, never a CPR or a name.
        super().__init__(
            f"{path.name} er ikke en almindelig fil (men en genvej, en mappe eller en "
            "speciel fil). UngeDesk skriver ikke igennem den og erstatter den ikke. Vælg et "
            "andet navn, eller flyt den væk, og prøv igen. Intet er ændret."
        )


def make_private_dirs(path: Path) -> None:
    """Create ``path`` and any missing parents, each owner-only (0700) whatever the umask.

    Folders that already exist are left as they are: an export may go into the user's own
    Documents folder, whose permissions are theirs to choose.
    """
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue  # made meanwhile by someone else: not ours to change
        if os.name == "posix":
            # mkdir's mode is masked by the umask; an odd umask (0o277) could even leave
            # the folder unusable. Set it exactly.
            folder.chmod(0o700)
    if not path.is_dir():
        raise NotADirectoryError(f"not a folder: {path.name}")


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) readable by the owner only where the OS supports it.

    Unlike make_private_dirs, ``path`` itself is made owner-only even when it exists: it
    is one of UngeDesk's own folders (the data folder, its logs).
    """
    make_private_dirs(path)
    if os.name == "posix" and not path.is_symlink():
        path.chmod(0o700)


def restrict(path: Path) -> None:
    """Make an existing file owner-only (0600) on POSIX; Windows ACLs inherit the profile's.

    A symlink is left alone: chmod would change the file it points to, wherever that is.
    """
    if os.name == "posix" and path.exists() and not path.is_symlink():
        path.chmod(0o600)


def refuse_non_regular(path: Path) -> None:
    """Raise NotRegularFileError when ``path`` exists and is not a plain file (a symlink,
    even a dangling one, counts as not plain)."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFileError(path)


def fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open a folder for this)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_private_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder, fsync, then rename.

    A crash or a full disk leaves either the old file or the new one, never half of one.
    The temp file has a random name and is created exclusively and owner-only (mkstemp:
    O_CREAT|O_EXCL|O_NOFOLLOW, 0600), so nothing planted beside the target (a symlink, a
    pipe at a guessable name) is ever opened. A target that is not a plain file is refused
    with NotRegularFileError, never followed or replaced. Other failures raise OSError.
    """
    refuse_non_regular(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # Again just before the rename: the write may have taken a while.
        refuse_non_regular(path)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
