"""The bug log shared by the GUI and the command line: <data dir>/logs/ungedesk-DATE.log.

It holds exception types and code locations only. Exception messages and local variables
can carry a CPR number or a name (an SQL parameter, a validation text), so they are left out
on purpose, and file paths are cut at the package or library folder (the full path names the
user's account).
"""

from __future__ import annotations

import errno
import os
import stat
import traceback
from datetime import datetime
from pathlib import Path

import ungedesk
from ungedesk.store.paths import ensure_private_dir


def describe_without_personal_data(exc: BaseException) -> str:
    """Type names and frames (file, line, function) of ``exc`` and its causes."""
    lines: list[str] = []
    current: BaseException | None = exc
    seen: set[int] = set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        lines.append(f"{kind.__module__}.{kind.__qualname__}")
        for frame in traceback.extract_tb(current.__traceback__):
            where = _relative(frame.filename)
            lines.append(f'  File "{where}", line {frame.lineno}, in {frame.name}')
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("caused by / while handling:")
    return "\n".join(lines)


def _relative(filename: str) -> str:
    path = Path(filename)
    for anchor in ("ungedesk", "site-packages", "lib"):
        if anchor in path.parts:
            index = len(path.parts) - 1 - path.parts[::-1].index(anchor)
            return "/".join(path.parts[index:])
    return path.name


def log_exception(exc: BaseException, logs_dir: Path, context: str = "") -> Path:
    """Append ``exc`` (without personal data) to today's log file and return its path.
    Raises OSError when the log cannot be written; callers decide how to live without it."""
    ensure_private_dir(logs_dir)
    now = datetime.now()
    log_file = logs_dir / f"ungedesk-{now:%Y-%m-%d}.log"
    where = f" in {context}" if context else ""
    # Owner-only whatever the umask, and never through a symlink planted at the name;
    # O_NONBLOCK makes a pipe planted there fail at once instead of hanging the app.
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(log_file, flags, 0o600)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(errno.EISDIR, "the log is not a plain file")
        if os.name == "posix":
            os.fchmod(fd, 0o600)  # a log made by an older version may be world-readable
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "a", encoding="utf-8") as fh:
        # Looked up here, not imported at the top: the version costs a metadata scan that
        # only a logged bug needs.
        version = ungedesk.__version__
        fh.write(f"--- {now:%Y-%m-%d %H:%M:%S} unexpected error{where} (version {version})\n")
        fh.write(describe_without_personal_data(exc) + "\n")
    return log_file
