"""The access log's head, kept where a copied-back database file cannot reach it.

The database holds the log and its own head (audit_head), so anyone who can replace the
database file (an older copy, an older backup) or who holds the key (every caseworker does,
through the keyring) can make the log end earlier or say something else. A mark, the sequence
number and hash of the newest event, is therefore also kept in two places outside the
database:

- a small file beside the database (``ungedesk.audit-head``), written after every commit
  that appended to the log, so a database copied back over the current one is caught even
  after a crash;
- the operating system's keyring, under the store's id, written when the store is locked,
  closed, backed up or restored (a keyring call is too slow for every commit, and the keyring
  lives outside the data directory, so copying the folder back does not reach it).

Neither is secret: the hash reveals nothing of the events. Both are compared with the
database by services.audit at start-up and by ``ungedesk audit verify``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import keyring.errors

from ungedesk.store import keys
from ungedesk.store.paths import StorePaths, write_private_atomic

FILE_NAME = "ungedesk.audit-head"
FORMAT = "ungedesk-audit-head"
VERSION = 1
# Set by services.audit.record in session.info; read by the store after the commit.
SESSION_INFO_KEY = "ungedesk.audit_head"
_KEYRING_USER = "audit-head-{store_id}"
_HEX = set("0123456789abcdef")


class AnchorFormatError(ValueError):
    """A mark that exists but cannot be read: itself a sign that someone edited it."""


@dataclass(frozen=True, slots=True)
class HeadMark:
    seq: int  # id of the newest event (0 for an empty log)
    hash: str  # its hash ("" for an empty log)
    at: str = ""  # when the mark was written, ISO 8601 UTC

    def to_doc(self, store_id: str) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "store_id": store_id,
            "seq": self.seq,
            "hash": self.hash,
            "at": self.at,
        }

    @property
    def short(self) -> str:
        """What a person reads aloud or writes down: number and the first 16 hex digits."""
        return f"nr. {self.seq}, {self.hash[:16] or '-'}"


def now_mark(seq: int, digest: str) -> HeadMark:
    return HeadMark(seq, digest, datetime.now(UTC).isoformat(timespec="seconds"))


def parse(data: str | bytes, store_id: str) -> HeadMark:
    """A mark from its JSON text; AnchorFormatError when it is not one of this store's."""
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise AnchorFormatError("not JSON") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("version") != VERSION:
        raise AnchorFormatError("unknown format")
    seq, digest, at, sid = doc.get("seq"), doc.get("hash"), doc.get("at", ""), doc.get("store_id")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        raise AnchorFormatError("bad seq")
    if not isinstance(digest, str) or not (
        (seq == 0 and digest == "") or (len(digest) == 64 and set(digest) <= _HEX)
    ):
        raise AnchorFormatError("bad hash")
    if not isinstance(at, str) or len(at) > 40 or sid != store_id:
        raise AnchorFormatError("bad time or store")
    return HeadMark(seq, digest, at)


def file_path(paths: StorePaths) -> Path:
    return paths.root / FILE_NAME


def write_file(paths: StorePaths, store_id: str, mark: HeadMark) -> None:
    """Replace the file mark atomically (OSError on failure: the caller decides)."""
    write_private_atomic(file_path(paths), json.dumps(mark.to_doc(store_id)).encode("utf-8"))


def read_file(paths: StorePaths, store_id: str) -> HeadMark | None:
    """The file mark, None when there is none, AnchorFormatError when it is unreadable."""
    try:
        data = file_path(paths).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise AnchorFormatError("unreadable") from exc
    if len(data) > 4096:
        raise AnchorFormatError("too large")
    return parse(data, store_id)


def keyring_write(store_id: str, mark: HeadMark) -> bool:
    """Keep the mark in the keyring; False when there is none or it refused."""
    if not keys.keyring_available():
        return False
    try:
        keyring.set_password(
            keys.KEYRING_SERVICE,
            _KEYRING_USER.format(store_id=store_id),
            json.dumps(mark.to_doc(store_id)),
        )
    except keyring.errors.KeyringError:
        return False
    return True


def keyring_read(store_id: str) -> HeadMark | None:
    """The keyring's mark; None when there is no keyring or no mark in it."""
    if not keys.keyring_available():
        return None
    try:
        value = keyring.get_password(keys.KEYRING_SERVICE, _KEYRING_USER.format(store_id=store_id))
    except keyring.errors.KeyringError:
        return None
    if not value:
        return None
    return parse(value, store_id)


def keyring_forget(store_id: str) -> None:
    if not keys.keyring_available():
        return
    try:
        keyring.delete_password(keys.KEYRING_SERVICE, _KEYRING_USER.format(store_id=store_id))
    except keyring.errors.KeyringError:
        return
