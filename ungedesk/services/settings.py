"""The settings registry: every key in the ``settings`` table declared once, with its type,
its default and how its value is stored.

Most keys hold JSON (``json.dumps`` of the value); a few were always written as a bare
string (``Encoding.TEXT``) and keep that, so an existing store reads the same values as
before. A key is its stored name (a ``str``), so code that still looks a row up by name
finds the same row. A stored value that cannot be read as the key's type (edited by hand,
written by an older version) reads as the default rather than breaking a screen.

``read``/``write``/``clear`` work inside the caller's transaction (a use case that changes
several settings does it in one); ``get_setting``/``set_setting`` are one transaction each.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from ungedesk.store.database import Store
from ungedesk.store.models import Setting


class Encoding(Enum):
    JSON = "json"  # json.dumps of the value
    TEXT = "text"  # the bare string, as older code wrote it


class SettingKey[T](str):
    """A setting's stored name, with its type (``decode``), default and encoding."""

    default: T
    encoding: Encoding
    _decode: Callable[[Any], T]
    _encode: Callable[[T], Any]

    def __new__(
        cls,
        name: str,
        default: T,
        decode: Callable[[Any], T],
        *,
        encoding: Encoding = Encoding.JSON,
        encode: Callable[[T], Any] | None = None,
    ) -> SettingKey[T]:
        key = super().__new__(cls, name)
        key.default = default
        key.encoding = encoding
        key._decode = decode
        key._encode = encode if encode is not None else _same
        return key

    def from_stored(self, stored: str) -> T:
        """The value of a stored row; the default when it is not of this key's type."""
        try:
            raw = json.loads(stored) if self.encoding is Encoding.JSON else stored
            return self._decode(raw)
        except (TypeError, ValueError):
            return self.default

    def to_stored(self, value: T) -> str:
        raw = self._encode(value)
        return json.dumps(raw) if self.encoding is Encoding.JSON else str(raw)


def _same(value: Any) -> Any:
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool):
        raise TypeError("a boolean is not a count")
    return int(str(value))


def _optional_int(value: Any) -> int | None:
    return None if value is None else _int(value)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _true_unless_false(value: Any) -> bool:
    return value is not False


def _only_true(value: Any) -> bool:
    return value is True


def _texts(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise TypeError("not a list")
    return tuple(v for v in value if isinstance(v, str))


def _json_list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return value


def _text_map(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def _switch(value: Any) -> bool:
    # Written as "1"/"0"; a JSON-quoted "1" (an older writer) means the same.
    return str(value).strip().strip('"') == "1"


def _one_or_zero(value: bool) -> str:
    return "1" if value else "0"


AUTO_LOCK_DEFAULT_MINUTES = 5
AUTO_LOCK_RANGE = (1, 60)


def _auto_lock_minutes(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return AUTO_LOCK_DEFAULT_MINUTES
    low, high = AUTO_LOCK_RANGE
    return max(low, min(high, value))


# --- who and where -----------------------------------------------------------------------
# The caseworker using this installation (services.current_caseworker reads it).
CURRENT_CASEWORKER = SettingKey[int | None]("current_caseworker_id", None, _optional_int)
MUNICIPALITY = SettingKey("municipality_name", "", _text)
# The municipality's logo on the plan handout: base64 of a PNG or JPEG; "" when none.
MUNICIPALITY_LOGO = SettingKey("municipality_logo", "", _text)

# --- backup, logs and retention ----------------------------------------------------------
LAST_BACKUP_AT = SettingKey("last_backup_at", "", _text)  # ISO time of the last published backup
BACKUP_REMINDER_DAYS = SettingKey("backup_reminder_days", 7, _int)
AUDIT_RETENTION_MONTHS = SettingKey("audit_retention_months", 6, _int)
AUDIT_RETENTION_RANGE = (1, 120)
# The log id from which the head is anchored outside the database; None: not yet.
AUDIT_ANCHORED_SINCE = SettingKey[int | None]("audit_anchored_since", None, _optional_int)
CASE_RETENTION_YEARS = SettingKey("case_retention_years", 5, _int)

# --- session lock -----------------------------------------------------------------------
AUTO_LOCK_MINUTES = SettingKey("auto_lock_minutes", AUTO_LOCK_DEFAULT_MINUTES, _auto_lock_minutes)
UNLOCK_WITH_KEYRING = SettingKey("unlock_with_keyring", True, _true_unless_false)

# --- rules and deadlines ----------------------------------------------------------------
# Whether the municipality has switched on expected law (the 2027 main law before its final
# text). A bare "1"/"0".
EXPECTED_RULES = SettingKey(
    "rules.expected_enabled", False, _switch, encoding=Encoding.TEXT, encode=_one_or_zero
)
# The local choice of closing days: a JSON list of ClosingDay values. None: all closed.
CLOSING_DAYS = SettingKey[tuple[str, ...] | None](
    "closing_days", None, _texts, encode=lambda days: None if days is None else sorted(days)
)
# Which legal rules the stored deadlines were computed with (a fingerprint); "" unknown.
RULES_COMPUTED_WITH = SettingKey("rules.computed_with", "", _text, encoding=Encoding.TEXT)
# Which derivation (and offer rules) the management figures' kept per-case facts were
# derived with (services.figure_cases); another one derives them all again. "" unknown.
FIGURE_CASES_COMPUTED_WITH = SettingKey(
    "figures.cases_computed_with", "", _text, encoding=Encoding.TEXT
)

# --- features ---------------------------------------------------------------------------
# The municipality's edited progression descriptors (TOML text); None: the shipped ones.
PROGRESSION_DESCRIPTORS = SettingKey[str | None]("progression_descriptors", None, _optional_text)
# The UU counsellor's weekly hours: [{"weekday": 1, "start": "09:00", "end": "12:00"}, ...]
UU_SLOTS = SettingKey[list[Any]](
    "uu_slots",
    [
        {"weekday": 1, "start": "09:00", "end": "12:00"},
        {"weekday": 3, "start": "09:00", "end": "12:00"},
    ],
    _json_list,
)
DEMO_DATA = SettingKey("demo_data", False, _only_true)  # the store holds invented people
# A demo store's passphrase, public on purpose (dev.py's demo), so its lock screen can say
# it. Written only by services.demo.publish_passphrase, which checks that the store is a
# demo store and that the passphrase is its own; nothing in the GUI writes it, and a store
# without DEMO_DATA never shows it. None: not published.
DEMO_PASSPHRASE = SettingKey[str | None]("demo_passphrase", None, _optional_text)

# How the municipality sends documents with personal data (the plan's PDF): a secure mail
# address (the municipality's secure mail gateway) or an instruction such as "Send den med
# Digital Post fra ESDH". "" when none is set; "Send til…" then still warns.
SECURE_SEND = SettingKey("secure_send", "", _text)

# The coordination group's list import: the column meanings a user chose for headers the
# reader did not know, {header_key: domain.restgruppe_csv.Column value}.
RESTGRUPPE_COLUMNS = SettingKey[dict[str, str]]("restgruppe_columns", {}, _text_map)
# The team's figures files: counts from 1 below this are suppressed (issue 17), and the
# installation's Ed25519 signing key (hex), made on the first export; "" until then.
FIGURES_THRESHOLD = SettingKey("figures_threshold", 5, _int)
FIGURES_SIGNING_KEY = SettingKey("figures_signing_key", "", _text)
# How many months the coordination group's lists are kept (services.restgruppe_retention).
RESTGRUPPE_RETENTION_MONTHS = SettingKey("restgruppe_retention_months", 24, _int)
# The step the municipality has set for a young person more than a month on the list.
RESTGRUPPE_LONG_STEP = SettingKey(
    "restgruppe_long_step",
    "Mere end en måned på listen: aftal et nyt skridt, fx hjemmebesøg eller samarbejde med "
    "børne- og familieafdelingen.",
    _text,
)

ALL: tuple[SettingKey[Any], ...] = (
    CURRENT_CASEWORKER,
    MUNICIPALITY,
    MUNICIPALITY_LOGO,
    LAST_BACKUP_AT,
    BACKUP_REMINDER_DAYS,
    AUDIT_RETENTION_MONTHS,
    AUDIT_ANCHORED_SINCE,
    CASE_RETENTION_YEARS,
    AUTO_LOCK_MINUTES,
    UNLOCK_WITH_KEYRING,
    EXPECTED_RULES,
    CLOSING_DAYS,
    RULES_COMPUTED_WITH,
    PROGRESSION_DESCRIPTORS,
    UU_SLOTS,
    DEMO_DATA,
    DEMO_PASSPHRASE,
    SECURE_SEND,
    RESTGRUPPE_COLUMNS,
    RESTGRUPPE_LONG_STEP,
    RESTGRUPPE_RETENTION_MONTHS,
    FIGURES_THRESHOLD,
    FIGURES_SIGNING_KEY,
)


def is_set(session: Session, key: SettingKey[Any]) -> bool:
    return session.get(Setting, str(key)) is not None


def read[T](session: Session, key: SettingKey[T]) -> T:
    """The value of ``key`` in the caller's transaction (its default when unset)."""
    row = session.get(Setting, str(key))
    return key.default if row is None else key.from_stored(row.value)


def write[T](session: Session, key: SettingKey[T], value: T) -> bool:
    """Store ``value`` in the caller's transaction; False when it was stored already."""
    encoded = key.to_stored(value)
    row = session.get(Setting, str(key))
    if row is None:
        session.add(Setting(key=str(key), value=encoded))
        return True
    if row.value == encoded:
        return False
    row.value = encoded
    return True


def clear(session: Session, key: SettingKey[Any]) -> None:
    """Forget ``key`` (it reads as its default again)."""
    row = session.get(Setting, str(key))
    if row is not None:
        session.delete(row)
        # Flushed now, so a read later in the same transaction sees the default.
        session.flush()


def get_setting[T](store: Store, key: SettingKey[T]) -> T:
    with store.session() as s:
        return read(s, key)


def set_setting[T](store: Store, key: SettingKey[T], value: T) -> None:
    with store.session() as s:
        write(s, key, value)
