"""The backup file's format, and reading one: what backup writes and restore unpacks.

A backup file is a zip holding the database exported by SQLCipher (still encrypted with the
data key), the key file (the data key wrapped by the recovery passphrase) and a manifest
without personal data. So a backup restores on a replacement laptop with the passphrase
alone, and a lost backup file exposes nothing. Reading one is bounded: only the three known
members, each of a sane declared size, and a zip bomb is refused before a byte is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ungedesk.services.progress import Progress
from ungedesk.store.database import Store
from ungedesk.store.errors import (
    DiskFullError,
    StoreError,
)
from ungedesk.store.paths import (
    DB_NAME,
    KEY_NAME,
    StorePaths,
    write_private_atomic,
)

FORMAT = "ungedesk-backup"
VERSION = 1

MANIFEST_MEMBER = "manifest.json"
KEY_MEMBER = KEY_NAME
DB_MEMBER = DB_NAME
MEMBERS = frozenset({MANIFEST_MEMBER, KEY_MEMBER, DB_MEMBER})
# The manifest is ~300 bytes and the key file ~450: anything near this is not ours.
SMALL_MEMBER_MAX = 64 * 1024
# Far above any caseload (3,000 young people with plans are ~50 MB), far below a bomb.
DB_MEMBER_MAX = 4 * 1024**3
# An SQLCipher file is indistinguishable from random bytes and does not compress, so a real
# database member never expands noticeably when unpacked; a zip bomb expands a thousandfold.
DB_EXPANSION_SLACK = 64 * 1024
# Room the restore needs beyond the database itself (its WAL, the RESTORE event, a migration).
DISK_MARGIN = 64 * 1024 * 1024
_STORE_ID = re.compile(r"[0-9A-Za-z-]{1,64}")
_REVISION = re.compile(r"[0-9A-Za-z_]{1,64}")
_HEX64 = re.compile(r"[0-9a-f]{64}")


class BadBackupError(StoreError):
    exit_code = 9
    message = (
        "Filen er ikke en gyldig UngeDesk-sikkerhedskopi, eller den er beskadiget. "
        "Den nuværende database er ikke ændret."
    )


class NoRoomError(DiskFullError):
    """Too little free space to unpack a backup: found before anything is written."""


@dataclass(frozen=True, slots=True)
class AuditHeadInfo:
    """The newest event of the access log: its number and hash, a witness for later."""

    seq: int
    hash: str

    @property
    def short(self) -> str:
        return self.hash[:16]


def _tables(conn: Any, schema: str = "main") -> list[str]:
    rows = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "  # noqa: S608
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def table_digests(
    conn: Any, schema: str = "main", progress: Progress | None = None
) -> dict[str, tuple[int, str]]:
    """Row count and SHA-256 over every row, per table, in rowid order (stoppable between
    tables: it only reads)."""
    out: dict[str, tuple[int, str]] = {}
    for name in _tables(conn, schema):
        if progress is not None:
            progress.check()
        h = hashlib.sha256()
        n = 0
        quoted = '"' + name.replace('"', '""') + '"'
        for row in conn.execute(f"SELECT * FROM {schema}.{quoted} ORDER BY rowid"):  # noqa: S608
            h.update(repr(tuple(row)).encode("utf-8"))
            n += 1
        out[name] = (n, h.hexdigest())
    return out


@contextmanager
def _raw(store: Store) -> Iterator[Any]:
    with store.engine.connect() as conn:
        yield conn.connection.dbapi_connection


# --- reading a backup -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BackupInfo:
    created: str
    store_id: str
    schema: str | None
    tables: int
    rows: int
    audit_head: AuditHeadInfo | None = None  # absent in backups made before it existed


def _exact_int(value: object, limit: int = 10**12) -> int:
    # bool is an int to Python but not a count to us.
    if type(value) is not int or not 0 <= value <= limit:
        raise ValueError("not a count")
    return value


def parse_manifest(data: bytes) -> BackupInfo:
    """The manifest's fields, strictly typed, or BadBackupError (never anything else)."""
    try:
        if len(data) > SMALL_MEMBER_MAX:
            raise ValueError("manifest too large")
        doc = json.loads(data.decode("utf-8"))
        if not isinstance(doc, dict):
            raise ValueError("not an object")
        if doc.get("format") != FORMAT or _exact_int(doc.get("version")) != VERSION:
            raise ValueError("unknown format")
        created, store_id, schema = doc["created"], doc["store_id"], doc.get("schema")
        if not isinstance(created, str) or len(created) > 40:
            raise ValueError("created")
        datetime.fromisoformat(created)
        if not isinstance(store_id, str) or not _STORE_ID.fullmatch(store_id):
            raise ValueError("store id")
        if schema is not None and not (isinstance(schema, str) and _REVISION.fullmatch(schema)):
            raise ValueError("schema")
        head: AuditHeadInfo | None = None
        raw_head = doc.get("audit_head")
        if raw_head is not None:
            if not isinstance(raw_head, dict):
                raise ValueError("audit head")
            seq, digest = _exact_int(raw_head["seq"]), raw_head["hash"]
            # An empty log's head is (0, ""): the chain starts from nothing.
            empty = seq == 0 and digest == ""
            if not isinstance(digest, str) or not (empty or _HEX64.fullmatch(digest)):
                raise ValueError("audit hash")
            head = AuditHeadInfo(seq, digest)
        return BackupInfo(
            created,
            store_id,
            schema,
            _exact_int(doc["tables"]),
            _exact_int(doc["rows"]),
            head,
        )
    # RecursionError: deeply nested JSON exhausts the parser's stack.
    except (KeyError, ValueError, TypeError, UnicodeDecodeError, RecursionError) as exc:
        raise BadBackupError() from exc


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A small member, read with a hard cap whatever its header claims."""
    with zf.open(info) as fh:
        data = fh.read(SMALL_MEMBER_MAX + 1)
    if len(data) > SMALL_MEMBER_MAX:
        raise BadBackupError()
    return data


# What zipfile and zlib raise on a damaged or hostile archive.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    NotImplementedError,  # an unsupported compression method
    RuntimeError,  # an encrypted member ("password required")
)


def _members(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Exactly the three known members, each of a sane declared size, or BadBackupError."""
    infos = zf.infolist()
    by_name = {i.filename: i for i in infos}
    if len(infos) != len(MEMBERS) or set(by_name) != MEMBERS:
        raise BadBackupError()
    for info in infos:
        # A central directory that claims more bytes than precede it makes zipfile compute
        # a negative local-header offset, and seeking there fails with EINVAL (an OSError
        # that would read as a disk fault, not a bad file).
        if info.header_offset < 0:
            raise BadBackupError()
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BadBackupError()
        if info.flag_bits & 0x1:  # encrypted
            raise BadBackupError()
    if any(by_name[n].file_size > SMALL_MEMBER_MAX for n in (MANIFEST_MEMBER, KEY_MEMBER)):
        raise BadBackupError()
    db = by_name[DB_MEMBER]
    if db.file_size > DB_MEMBER_MAX or db.file_size > db.compress_size + DB_EXPANSION_SLACK:
        raise BadBackupError()
    return by_name


def inspect(source: Path) -> BackupInfo:
    """Read a backup's manifest without unlocking it."""
    try:
        with zipfile.ZipFile(source) as zf:
            members = _members(zf)
            return parse_manifest(_read_small(zf, members[MANIFEST_MEMBER]))
    except OSError as exc:
        raise BadBackupError() from exc
    except _ZIP_ERRORS as exc:
        raise BadBackupError() from exc


def _unpack(source: Path, staged: StorePaths, progress: Progress | None = None) -> BackupInfo:
    """Check the archive's shape, then write its key file and database into ``staged``.

    Every size is checked before a byte is written: the declared sizes (a bomb is refused
    here), the free space, and the bytes actually unpacked (declared sizes can lie).
    ``progress`` hears of every chunk and may stop between them (``staged`` is the
    caller's to remove)."""
    if not source.is_file():
        raise BadBackupError("Sikkerhedskopien findes ikke. Tjek filnavnet.")
    try:
        with zipfile.ZipFile(source) as zf:
            members = _members(zf)
            info = parse_manifest(_read_small(zf, members[MANIFEST_MEMBER]))
            key_data = _read_small(zf, members[KEY_MEMBER])
            db = members[DB_MEMBER]
            if shutil.disk_usage(staged.root).free < db.file_size + DISK_MARGIN:
                raise NoRoomError(
                    "Der er ikke plads på disken til at gendanne sikkerhedskopien "
                    f"({db.file_size // (1024 * 1024) + 1} MB). Den nuværende database er "
                    "ikke ændret. Frigør plads, og prøv igen."
                )
            write_private_atomic(staged.key_file, key_data)
            written = 0
            fd = os.open(staged.db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out, zf.open(db) as src:
                while chunk := src.read(_CHUNK):
                    if progress is not None:
                        progress.step(written, db.file_size, "Pakker sikkerhedskopien ud")
                    written += len(chunk)
                    if written > db.file_size:
                        raise BadBackupError()
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if written != db.file_size:
                raise BadBackupError()
    except _ZIP_ERRORS as exc:
        raise BadBackupError() from exc
    return info


_CHUNK = 1024 * 1024
