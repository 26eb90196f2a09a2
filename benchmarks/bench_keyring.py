"""A read-only keyring backend for the benchmarks: the data keys of the benchmark's demo
stores, read from one owner-only file in benchmarks/.cache/ (never committed).

A caseworker's start finds the data key in the operating system's keyring and does no
passphrase KDF. The benchmark starts UngeDesk the same way in a fresh process by selecting
this backend in the child's environment:

    PYTHON_KEYRING_BACKEND=bench_keyring.FileKeyring  PYTHONPATH=<repo>/benchmarks:...

The file (``keyring.json``, or the path in BENCH_KEYRING_FILE) maps
``"<service>/<user name>"`` to the key in hex, as the app would have stored it. It is filled
once by run.py from the demo store's key file and passphrase, holds demo stores' keys only,
and is refused unless only its owner can read it. The backend never writes: the app's
attempts to store a key fail as a keyring refusing would.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError, PasswordSetError

ENV_FILE = "BENCH_KEYRING_FILE"
DEFAULT_FILE = Path(__file__).resolve().parent / ".cache" / "keyring.json"


def keyring_file() -> Path:
    return Path(os.environ.get(ENV_FILE) or DEFAULT_FILE)


def entry_name(service: str, username: str) -> str:
    return f"{service}/{username}"


def read_entries(path: Path) -> dict[str, str]:
    """The file's entries; refuses a file that others than its owner may read."""
    if not path.exists():
        return {}
    mode = stat.S_IMODE(path.stat().st_mode)
    if os.name == "posix" and mode & 0o077:
        raise KeyringError(f"the benchmark keyring file must be 0600, is {mode:04o}")
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise KeyringError("the benchmark keyring file is not a JSON object")
    return {str(k): str(v) for k, v in data.items()}


def write_entry(path: Path, service: str, username: str, secret: str) -> None:
    """Add or replace one entry (run.py, outside any measurement); the file is created
    owner-only before anything is written into it."""
    entries = read_entries(path)
    entries[entry_name(service, username)] = secret
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(entries, out, indent=1, sort_keys=True)
    os.replace(tmp, path)


class FileKeyring(KeyringBackend):
    """Answers get_password from the benchmark's key file; never writes."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return read_entries(keyring_file()).get(entry_name(service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("the benchmark keyring is read-only")

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("the benchmark keyring is read-only")
