"""One running UngeDesk per data directory.

The GUI and every CLI command take the same OS file lock (``filelock``: ``flock`` on Unix,
``LockFileEx`` on Windows) in the data directory before they open the store, and hold it
until the store is closed. An OS file lock dies with its process, so a lock left by a
crashed or killed UngeDesk is no obstacle: the next start simply gets it.

Within one process the same data directory may be held several times (the GUI holds it for
the whole session and opens the store again after a restore; tests open a store twice):
holds are counted per process and the OS lock is let go when the last one is released.

The lock file itself is truncated by filelock when the lock is taken, so what holds the lock
(program, process id, start time: no personal data) is written to a small info file beside
it, for the Danish message a second instance shows.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from ungedesk.store.errors import NoStoreError, StoreInUseError, translate_os_error
from ungedesk.store.paths import StorePaths, ensure_private_dir, restrict, write_private_atomic

LOCK_NAME = "ungedesk.lock"
INFO_NAME = "ungedesk.lock.info"

# What holds the lock, as the other instance's message names it.
GUI_HOLDER = "UngeDesk-vinduet"
DEFAULT_HOLDER = "UngeDesk"


def command_holder(command: str) -> str:
    """The holder text for a CLI command, e.g. ``kommandoen 'ungedesk backup'``."""
    return f"kommandoen 'ungedesk {command}'"


def lock_path(paths: StorePaths) -> Path:
    return paths.root / LOCK_NAME


def info_path(paths: StorePaths) -> Path:
    return paths.root / INFO_NAME


@dataclass
class _Held:
    lock: FileLock
    info: Path
    count: int


# Holds in this process, by the lock file's real path. Guarded by _guard: the GUI's worker
# thread opens and closes stores while the main thread may take or drop its own hold.
_held: dict[str, _Held] = {}
_guard = threading.Lock()


class InstanceLock:
    """One hold on a data directory's lock. ``release()`` (or leaving the ``with`` block)
    gives it back; releasing twice is harmless."""

    def __init__(self, key: str) -> None:
        self._key: str | None = key

    @property
    def held(self) -> bool:
        return self._key is not None

    def release(self) -> None:
        with _guard:
            key, self._key = self._key, None
            if key is None:
                return
            entry = _held[key]
            entry.count -= 1
            if entry.count > 0:
                return
            del _held[key]
            # The info file goes first: once the OS lock is free another process may write
            # its own, which must not be removed by us.
            # A stale info file is only read while the lock is held: harmless if it stays.
            with contextlib.suppress(OSError):
                entry.info.unlink(missing_ok=True)
            entry.lock.release()

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _now() -> datetime:
    return datetime.now().astimezone()


def hold(paths: StorePaths, holder: str) -> InstanceLock:
    """Hold the data directory for this process (the GUI does for its whole session),
    creating it owner-only when it is new. StoreInUseError names what holds it already."""
    try:
        ensure_private_dir(paths.root)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    return acquire(paths, holder)


def acquire(
    paths: StorePaths, holder: str = DEFAULT_HOLDER, *, now: Callable[[], datetime] = _now
) -> InstanceLock:
    """Hold the data directory for this process, or raise StoreInUseError naming what holds
    it. The directory must exist (NoStoreError otherwise): opening never creates it."""
    if not paths.root.is_dir():
        raise NoStoreError()
    key = os.path.realpath(lock_path(paths))
    with _guard:
        entry = _held.get(key)
        if entry is not None:
            entry.count += 1
            return InstanceLock(key)
        # thread_local=False: the GUI may take the lock on one thread and let the store,
        # opened and closed on the worker thread, be the last to release it.
        lock = FileLock(key, timeout=0, mode=0o600, thread_local=False)
        try:
            lock.acquire()
        except Timeout:
            raise in_use_error(paths, now=now) from None
        except OSError as exc:
            raise translate_os_error(exc) from exc
        restrict(Path(key))
        info = info_path(paths)
        # Without the info file the other instance says less, but the lock holds.
        with contextlib.suppress(OSError):
            write_private_atomic(
                info,
                json.dumps(
                    {
                        "holder": holder,
                        "pid": os.getpid(),
                        "started": now().isoformat(timespec="seconds"),
                    }
                ).encode("utf-8"),
            )
        _held[key] = _Held(lock, info, 1)
        return InstanceLock(key)


def held_here(paths: StorePaths) -> bool:
    """True when this process holds the data directory's lock."""
    with _guard:
        return os.path.realpath(lock_path(paths)) in _held


def _when(started: datetime, today: datetime) -> str:
    local = started.astimezone(today.tzinfo) if today.tzinfo else started
    if local.date() == today.date():
        return f"kl. {local:%H:%M}"
    return f"{local.day}.{local.month}.{local.year} kl. {local:%H:%M}"


def in_use_error(paths: StorePaths, *, now: Callable[[], datetime] = _now) -> StoreInUseError:
    """The Danish message for a data directory held by another process."""
    try:
        doc = json.loads(info_path(paths).read_text(encoding="utf-8"))
        holder = str(doc["holder"])[:80]
        pid = int(doc["pid"])
        started = datetime.fromisoformat(str(doc["started"]))
    except (OSError, ValueError, KeyError, TypeError):
        # Written a moment after the lock is taken, so it may be missing for an instant.
        return StoreInUseError()
    return StoreInUseError(
        f"Datamappen bruges allerede af {holder} (proces {pid}, startet "
        f"{_when(started, now())}). Luk det først, og prøv igen."
    )
