"""Moving one young person's case to another UngeDesk installation (UU to jobcenter).

The sender exports the case to a file encrypted with a transfer passphrase (scrypt +
AES-256-GCM) and tells the receiver the passphrase another way (phone, in person). The file
names only the case number. The receiver imports it: a new person is created; a person the
receiver already has is updated only when the file is newer than what the receiver holds,
otherwise the import is refused with a clear message, so newer data is never overwritten
silently. The receiving caseworker becomes responsible; the access log stays with each
installation (it records who there saw the data).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Date, DateTime, delete, insert, select
from sqlalchemy import Table as SaTable

from ungedesk.domain.passphrase import assess
from ungedesk.services import audit, deadlines
from ungedesk.services.access import ACCESS_LOG_TABLE, collect, log_export, person_tables
from ungedesk.services.audit import CURRENT_USER, Action
from ungedesk.services.setup import InputError
from ungedesk.services.youths import next_case_number
from ungedesk.store import keys
from ungedesk.store.database import Store
from ungedesk.store.errors import StoreError, WrongPassphraseError, translate_os_error
from ungedesk.store.models import Setting, Youth
from ungedesk.store.paths import write_private_atomic

MAGIC = b"UNGEDESK-TRANSFER-1\n"
_AAD = b"ungedesk-transfer-v1"
# Columns that belong to the sending installation and are set anew on import.
_LOCAL_COLUMNS = {"id", "youth_id", "case_number", "caseworker_id", "created_by_id"}
# The youth row is handled apart, the access log stays with each installation, and
# deadlines are recomputed from the copied facts under the receiver's rules.
_NOT_COPIED = {"youth", ACCESS_LOG_TABLE, "deadline"}
_DATE_COLUMNS = {"birth_date", "henvendelse_date", "closed_on"}
_TIME_COLUMNS = {"created_at", "updated_at"}


class TransferFileError(StoreError):
    exit_code = 10
    message = "Filen er ikke en gyldig UngeDesk-overførsel, eller den er beskadiget."


class NewerDataError(StoreError):
    exit_code = 11
    message = (
        "Denne installation har nyere oplysninger om den unge end overførselsfilen. "
        "Importen er afvist, så intet nyere bliver overskrevet. Bed afsenderen om en ny fil."
    )


@dataclass(frozen=True, slots=True)
class ImportResult:
    youth_id: int
    created: bool
    case_number: str


def export_case(store: Store, youth_id: int, out_dir: Path, passphrase: str) -> Path:
    strength = assess(passphrase)
    if not strength.acceptable:
        raise InputError({"passphrase": strength.hint})
    case_number = log_export(store, youth_id, "Overførsel til anden installation", "")
    data = {k: v for k, v in collect(store, youth_id).items() if k != ACCESS_LOG_TABLE}
    payload = json.dumps(
        {
            "format": "ungedesk-case",
            "version": 1,
            "exported": datetime.now(UTC).isoformat(timespec="seconds"),
            "tables": data,
        },
        ensure_ascii=False,
    ).encode("utf-8")
    salt, nonce, n = secrets.token_bytes(16), secrets.token_bytes(12), keys.SCRYPT_N
    header = json.dumps({"kdf": "scrypt", "n": n, "salt": salt.hex(), "nonce": nonce.hex()})
    blob = AESGCM(keys.derive_kek(passphrase, salt, n)).encrypt(
        nonce, payload, _AAD + header.encode()
    )
    target = out_dir / f"overfoersel-{case_number}.udcase"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        write_private_atomic(target, MAGIC + header.encode() + b"\n" + blob)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    return target


def _decrypt(source: Path, passphrase: str) -> dict[str, Any]:
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise translate_os_error(exc) from exc
    if not raw.startswith(MAGIC):
        raise TransferFileError()
    try:
        header_line, blob = raw[len(MAGIC) :].split(b"\n", 1)
        header = json.loads(header_line)
        kek = keys.derive_kek(passphrase, bytes.fromhex(header["salt"]), int(header["n"]))
        payload = AESGCM(kek).decrypt(bytes.fromhex(header["nonce"]), blob, _AAD + header_line)
    except InvalidTag:
        raise WrongPassphraseError(
            "Adgangsfrasen til overførselsfilen er forkert (eller filen er ændret)."
        ) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise TransferFileError() from exc
    try:
        doc: dict[str, Any] = json.loads(payload)
    except ValueError as exc:
        raise TransferFileError() from exc
    if doc.get("format") != "ungedesk-case" or "youth" not in doc.get("tables", {}):
        raise TransferFileError()
    return doc


def _typed(column: str, value: Any, table: SaTable | None = None) -> Any:
    """JSON gives dates as text: turn them back by the column's type."""
    if value is None:
        return None
    kind = table.c[column].type if table is not None and column in table.c else None
    if isinstance(kind, DateTime) or column in _TIME_COLUMNS:
        return datetime.fromisoformat(value)
    if isinstance(kind, Date) or column in _DATE_COLUMNS:
        return date.fromisoformat(value)
    return value


def import_case(store: Store, source: Path, passphrase: str, *, today: date) -> ImportResult:
    doc = _decrypt(source, passphrase)
    people = doc["tables"]["youth"]
    if len(people) != 1:
        raise TransferFileError()
    incoming = people[0]
    tables = {t.name: t for t, _ in person_tables()}
    with store.session() as s:
        me_setting = s.get(Setting, CURRENT_USER)
        me = int(json.loads(me_setting.value)) if me_setting else None
        existing = s.scalar(select(Youth).where(Youth.cpr == incoming["cpr"]))
        values = {
            k: _typed(k, v)
            for k, v in incoming.items()
            if k not in _LOCAL_COLUMNS and k in tables["youth"].columns
        }
        if existing is not None:
            sent = _typed("updated_at", incoming.get("updated_at"))
            if sent is None or existing.updated_at > sent:
                raise NewerDataError()
            for k, v in values.items():
                setattr(existing, k, v)
            youth = existing
            created = False
        else:
            youth = Youth(
                **values,
                case_number=next_case_number(s, today.year),
                caseworker_id=me,
                created_by_id=me,
            )
            s.add(youth)
            created = True
        s.flush()
        if not created:
            # The sender's file is the newer truth: its rows replace the receiver's
            # (children before parents, so foreign keys never block).
            for name, table in reversed(tables.items()):
                if name not in ("youth", ACCESS_LOG_TABLE):
                    s.execute(delete(table).where(table.c.youth_id == youth.id))
        # Rows get new ids here; a row pointing at another copied row (a score at its
        # measurement) is pointed at that row's new id. `tables` is parents first.
        new_ids: dict[str, dict[Any, int]] = {}
        for name, table in tables.items():
            if name in _NOT_COPIED:
                continue
            links = {
                fk.parent.name: fk.column.table.name
                for fk in table.foreign_keys
                if fk.column.table.name in tables and fk.column.table.name != "youth"
            }
            ids = new_ids.setdefault(name, {})
            for row in doc["tables"].get(name, []):
                clean = {
                    k: _typed(k, v, table)
                    for k, v in row.items()
                    if k in table.columns and k not in ("id", "youth_id")
                }
                for column, target in links.items():
                    if clean.get(column) is not None:
                        # A link to a row that was not sent (it should not happen) is
                        # dropped rather than pointed at someone else's row.
                        clean[column] = new_ids.get(target, {}).get(clean[column])
                new_id = s.scalar(
                    insert(table).values(**clean, youth_id=youth.id).returning(table.c.id)
                )
                if "id" in row and new_id is not None:
                    ids[row["id"]] = new_id
        deadlines.refresh(s, youth.id)
        audit.record(
            s,
            Action.CREATE if created else Action.UPDATE,
            youth_id=youth.id,
            subject=youth.case_number,
            detail="Modtaget ved overførsel",
        )
        return ImportResult(youth.id, created, youth.case_number)
