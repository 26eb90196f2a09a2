"""The offers catalogue (tilbudsvifte): listing, adding, editing, retiring, and moving the
whole catalogue between laptops as a file.

Offers are never deleted: a retired offer stays for the plans and conversations that name
it, and can be reactivated. Every change is audit-logged in its own transaction.

The file (``export_catalogue``/``import_catalogue``) is versioned JSON. An import is all or
nothing: every entry is checked first, and one bad entry refuses the whole file with a
Danish message naming the entry and the field. An entry updates the offer with the same
``uid`` (stable across laptops), else it is added; offers the file does not name are left
as they are (a team shares offers, it does not delete each other's).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.errors import FileError, InputError
from ungedesk.domain.offer_search import OfferEntry
from ungedesk.domain.offers import (
    AUDIENCES,
    OfferInput,
    OfferRules,
    Verdict,
    cleaned,
    parse_offer_rules,
    validate_offer,
)
from ungedesk.domain.search import danish_sort_key, fold
from ungedesk.resources import RESOURCES
from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.store.errors import translate_os_error
from ungedesk.store.models import Offer
from ungedesk.store.paths import write_private_atomic

OFFER_RULES_FILE = RESOURCES / "rules" / "offers.toml"
FILE_FORMAT = "ungedesk-tilbudsvifte"
FILE_VERSION = 1
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ENTRIES = 10_000

FIELD_LABELS = {
    "uid": "id",
    "name": "navn",
    "kind": "art",
    "provider": "udbyder",
    "audiences": "målgrupper",
    "min_age": "laveste alder",
    "max_age": "højeste alder",
    "weeks": "varighed i uger",
    "contact_name": "kontaktperson",
    "contact_phone": "telefon",
    "contact_email": "e-mail",
    "active": "aktiv",
    "notes": "noter",
}


class CatalogueFileError(FileError):
    """A catalogue file that cannot be used; nothing was changed."""


@cache
def rules() -> OfferRules:
    """The shipped kinds and rules by date, read once per process."""
    return parse_offer_rules(OFFER_RULES_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class OfferView:
    id: int
    uid: str
    name: str
    kind: str
    kind_label: str
    provider: str
    audiences: tuple[str, ...]
    min_age: int | None
    max_age: int | None
    weeks: int | None
    contact_name: str
    contact_phone: str
    contact_email: str
    active: bool
    notes: str

    @property
    def audience_labels(self) -> str:
        return ", ".join(AUDIENCES.get(a, a) for a in self.audiences)

    @property
    def ages(self) -> str:
        if self.min_age is None and self.max_age is None:
            return ""
        return f"{self.min_age or ''}-{self.max_age or ''} år"

    def entry(self) -> OfferEntry:
        return OfferEntry(
            self.id,
            self.name,
            self.provider,
            self.kind,
            self.kind_label,
            self.audiences,
            self.active,
        )

    def as_input(self) -> OfferInput:
        return OfferInput(
            self.name,
            self.kind,
            self.provider,
            self.audiences,
            self.min_age,
            self.max_age,
            self.weeks,
            self.contact_name,
            self.contact_phone,
            self.contact_email,
            self.notes,
        )


def _audiences(text: str) -> tuple[str, ...]:
    return tuple(a for a in text.split(",") if a)


def _view(o: Offer) -> OfferView:
    return OfferView(
        o.id,
        o.uid,
        o.name,
        o.kind,
        rules().label(o.kind),
        o.provider,
        _audiences(o.audiences),
        o.min_age,
        o.max_age,
        o.weeks,
        o.contact_name,
        o.contact_phone,
        o.contact_email,
        o.active,
        o.notes,
    )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def verdict(kind: str, day: date, weeks: int | None = None) -> Verdict:
    """Whether an offer of ``kind`` lasting ``weeks`` counts as an offer under the law on
    ``day`` (with any spending cap as a note, and the source)."""
    return rules().verdict(kind, day, weeks)


def list_offers(store: Store, *, active_only: bool = False) -> list[OfferView]:
    """Every offer in Danish name order (æ, ø, å last)."""
    with store.session() as s:
        return list_in(s, active_only=active_only)


def list_in(session: Session, *, active_only: bool = False) -> list[OfferView]:
    stmt = select(Offer)
    if active_only:
        stmt = stmt.where(Offer.active.is_(True))
    views = [_view(o) for o in session.scalars(stmt)]
    return sorted(views, key=lambda v: (danish_sort_key(v.name), v.id))


def get_offer(store: Store, offer_id: int) -> OfferView:
    with store.session() as s:
        return _view(_require(s, offer_id))


def _require(session: Session, offer_id: int) -> Offer:
    offer = session.get(Offer, offer_id)
    if offer is None:
        raise InputError({"offer": "Tilbuddet findes ikke længere."})
    return offer


def _check(data: OfferInput) -> OfferInput:
    errors = validate_offer(data, {k.code for k in rules().kinds})
    if errors:
        raise InputError(errors)
    return cleaned(data)


def _write(offer: Offer, data: OfferInput) -> None:
    offer.name = data.name
    offer.kind = data.kind
    offer.provider = data.provider
    offer.audiences = ",".join(data.audiences)
    offer.min_age = data.min_age
    offer.max_age = data.max_age
    offer.weeks = data.weeks
    offer.contact_name = data.contact_name
    offer.contact_phone = data.contact_phone
    offer.contact_email = data.contact_email
    offer.notes = data.notes


def add_offer(store: Store, data: OfferInput) -> OfferView:
    data = _check(data)
    with store.session() as s:
        now = _now()
        offer = Offer(uid=str(uuid.uuid4()), active=True, created_at=now, updated_at=now)
        _write(offer, data)
        s.add(offer)
        s.flush()
        audit.record(s, Action.CREATE, subject="tilbudsvifte", detail=f"Tilbud {offer.id} oprettet")
        return _view(offer)


def edit_offer(store: Store, offer_id: int, data: OfferInput) -> OfferView:
    data = _check(data)
    with store.session() as s:
        offer = _require(s, offer_id)
        _write(offer, data)
        offer.updated_at = _now()
        audit.record(s, Action.UPDATE, subject="tilbudsvifte", detail=f"Tilbud {offer.id} rettet")
        return _view(offer)


def set_active(store: Store, offer_id: int, active: bool) -> OfferView:
    """Retire (False) or reactivate (True) an offer."""
    with store.session() as s:
        offer = _require(s, offer_id)
        offer.active = active
        offer.updated_at = _now()
        what = "genaktiveret" if active else "udgået"
        audit.record(s, Action.UPDATE, subject="tilbudsvifte", detail=f"Tilbud {offer.id} {what}")
        return _view(offer)


def active_names(store: Store) -> list[str]:
    """The active offers' names, for the pickers of the plan and the case events."""
    return [o.name for o in list_offers(store, active_only=True)]


def picked_in(session: Session, text: str) -> Offer | None:
    """The active offer whose name is ``text`` (case and Danish spelling folded): a name
    picked from a completer, or typed exactly. None for free text."""
    wanted = fold(" ".join(text.split()))
    if not wanted:
        return None
    for offer in session.scalars(select(Offer).where(Offer.active.is_(True))):
        if fold(offer.name) == wanted:
            return offer
    return None


# --- the catalogue as a file ------------------------------------------------------------


def _entry(v: OfferView) -> dict[str, Any]:
    return {
        "uid": v.uid,
        "name": v.name,
        "kind": v.kind,
        "provider": v.provider,
        "audiences": list(v.audiences),
        "min_age": v.min_age,
        "max_age": v.max_age,
        "weeks": v.weeks,
        "contact_name": v.contact_name,
        "contact_phone": v.contact_phone,
        "contact_email": v.contact_email,
        "active": v.active,
        "notes": v.notes,
    }


def export_catalogue(store: Store, target: Path) -> int:
    """Write every offer (active and retired) to ``target``; the number written."""
    with store.session() as s:
        views = list_in(s)
        document = {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "offers": [_entry(v) for v in views],
        }
        data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
        try:
            write_private_atomic(target, data)
        except OSError as exc:
            raise translate_os_error(exc) from None
        audit.record(s, Action.EXPORT, subject="tilbudsvifte", detail=f"{len(views)} tilbud")
        return len(views)


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int


def _read(path: Path) -> Any:
    try:
        if path.is_dir():
            raise CatalogueFileError(f"{path.name} er en mappe, ikke en tilbudsfil.")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CatalogueFileError(f"Filen {path.name} er for stor til at være en tilbudsfil.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CatalogueFileError(f"Filen {path.name} findes ikke. Tjek filnavnet.") from None
    except PermissionError:
        raise CatalogueFileError(f"Filen {path.name} kan ikke læses (ingen adgang).") from None
    except OSError as exc:
        raise CatalogueFileError(f"Filen {path.name} kan ikke læses ({exc.strerror}).") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CatalogueFileError(
            f"Filen {path.name} er ikke en tilbudsfil fra UngeDesk (ikke læsbar JSON)."
        ) from None


def _field_error(number: int, name: str, key: str, message: str) -> CatalogueFileError:
    who = f"Tilbud nr. {number}" + (f" ({name})" if name else "")
    return CatalogueFileError(f"{who}, feltet {FIELD_LABELS.get(key, key)}: {message}")


def _int_or_none(number: int, name: str, key: str, raw: Mapping[str, Any]) -> int | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _field_error(number, name, key, "skal være et helt tal eller tomt.")
    return value


def _str(number: int, name: str, key: str, raw: Mapping[str, Any]) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise _field_error(number, name, key, "skal være tekst.")
    return value


def _parse_entry(number: int, raw: object) -> tuple[str, bool, OfferInput]:
    if not isinstance(raw, Mapping):
        raise CatalogueFileError(f"Tilbud nr. {number} er ikke et tilbud.")
    name = raw.get("name") if isinstance(raw.get("name"), str) else ""
    name = str(name).strip()
    unknown = sorted(set(raw) - set(FIELD_LABELS))
    if unknown:
        raise _field_error(number, name, unknown[0], "ukendt felt.")
    uid = raw.get("uid")
    try:
        uid = str(uuid.UUID(str(uid)))
    except ValueError:
        raise _field_error(number, name, "uid", "mangler eller er ikke et gyldigt id.") from None
    active = raw.get("active", True)
    if not isinstance(active, bool):
        raise _field_error(number, name, "active", "skal være true eller false.")
    audiences = raw.get("audiences", [])
    if not isinstance(audiences, list) or not all(isinstance(a, str) for a in audiences):
        raise _field_error(number, name, "audiences", "skal være en liste af målgrupper.")
    data = OfferInput(
        name=_str(number, name, "name", raw),
        kind=_str(number, name, "kind", raw),
        provider=_str(number, name, "provider", raw),
        audiences=tuple(audiences),
        min_age=_int_or_none(number, name, "min_age", raw),
        max_age=_int_or_none(number, name, "max_age", raw),
        weeks=_int_or_none(number, name, "weeks", raw),
        contact_name=_str(number, name, "contact_name", raw),
        contact_phone=_str(number, name, "contact_phone", raw),
        contact_email=_str(number, name, "contact_email", raw),
        notes=_str(number, name, "notes", raw),
    )
    errors = validate_offer(data, {k.code for k in rules().kinds})
    if errors:
        key = next(iter(errors))
        raise _field_error(number, name, key, errors[key])
    return uid, active, cleaned(data)


def check_catalogue_file(path: Path) -> list[tuple[str, bool, OfferInput]]:
    """Every entry of the file, checked; raises CatalogueFileError on the first bad one."""
    document = _read(path)
    if not isinstance(document, Mapping) or document.get("format") != FILE_FORMAT:
        raise CatalogueFileError(f"Filen {path.name} er ikke en tilbudsfil fra UngeDesk.")
    version = document.get("version")
    if version != FILE_VERSION:
        raise CatalogueFileError(
            f"Tilbudsfilen har version {version}; denne UngeDesk læser version {FILE_VERSION}. "
            "Opdatér UngeDesk, eller eksportér filen igen fra samme version."
        )
    entries = document.get("offers")
    if not isinstance(entries, list):
        raise CatalogueFileError("Tilbudsfilen har ingen liste over tilbud.")
    if len(entries) > MAX_ENTRIES:
        raise CatalogueFileError(f"Tilbudsfilen har over {MAX_ENTRIES} tilbud.")
    parsed = [_parse_entry(n, raw) for n, raw in enumerate(entries, start=1)]
    seen: set[str] = set()
    for number, (uid, _active, data) in enumerate(parsed, start=1):
        if uid in seen:
            raise _field_error(number, data.name, "uid", "samme id står to gange i filen.")
        seen.add(uid)
    return parsed


def import_catalogue(store: Store, path: Path) -> ImportResult:
    """Add or update every offer in the file, all or nothing."""
    parsed = check_catalogue_file(path)
    added = updated = 0
    with store.session() as s:
        existing = {o.uid: o for o in s.scalars(select(Offer))}
        now = _now()
        for uid, active, data in parsed:
            offer = existing.get(uid)
            if offer is None:
                offer = Offer(uid=uid, created_at=now)
                s.add(offer)
                added += 1
            else:
                updated += 1
            _write(offer, data)
            offer.active = active
            offer.updated_at = now
        audit.record(
            s,
            Action.UPDATE,
            subject="tilbudsvifte",
            detail=f"Tilbudsfil indlæst: {added} nye, {updated} opdateret",
        )
    return ImportResult(added, updated)
