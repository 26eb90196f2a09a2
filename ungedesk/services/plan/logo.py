"""The municipality logo every handout carries (a PNG or JPEG of at most 2 MB, kept as a
setting)."""

from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path

from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.services.settings import MUNICIPALITY_LOGO, set_setting
from ungedesk.store.database import Store
from ungedesk.store.models import (
    Setting,
)

LOGO_SETTING = MUNICIPALITY_LOGO  # base64 of a PNG or JPEG
MAX_LOGO_BYTES = 2 * 1024 * 1024
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"


# --- the municipality logo -------------------------------------------------------------


def set_logo(store: Store, path: Path | str) -> None:
    """Keep a PNG or JPEG (at most 2 MB) as the logo on every handout."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise InputError({"logo": "Logoet er for stort (højst 2 MB)."})
        data = path.read_bytes()
    except OSError as exc:
        raise InputError({"logo": "Filen kan ikke læses."}) from exc
    if len(data) > MAX_LOGO_BYTES:
        raise InputError({"logo": "Logoet er for stort (højst 2 MB)."})
    if not (data.startswith(_PNG_MAGIC) or data.startswith(_JPEG_MAGIC)):
        raise InputError({"logo": "Logoet skal være et billede i PNG- eller JPEG-format."})
    set_setting(store, LOGO_SETTING, base64.b64encode(data).decode("ascii"))


def clear_logo(store: Store) -> None:
    with store.session() as s:
        row = s.get(Setting, LOGO_SETTING)
        if row is not None:
            s.delete(row)


def has_logo(store: Store) -> bool:
    return _logo(store) is not None


def _logo(store: Store) -> bytes | None:
    with store.session() as s:
        return _logo_in(s)


def _logo_in(s: Session) -> bytes | None:
    row = s.get(Setting, LOGO_SETTING)
    raw = json.loads(row.value) if row is not None else None
    if not isinstance(raw, str) or not raw:
        return None
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        return None
