"""Caseworkers: the current user's profile and the colleagues one can assign.

Title, phone and e-mail can be changed at any time, the caseworker's own and a colleague's
(one laptop per caseworker: the colleagues' rows are this laptop's address book of them).
The plan PDF and the record header print them, so they are validated like any contact
detail (domain.contact) and every change is logged.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.contact import clean_phone
from ungedesk.domain.errors import InputError
from ungedesk.domain.profile import ROLE_LABELS, ProfileInput, Role, validate_profile
from ungedesk.domain.team import ContactDetailsInput, validate_contact_details
from ungedesk.domain.youth import clean
from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.services.current_user import current_caseworker
from ungedesk.store.database import Store
from ungedesk.store.models import Caseworker


@dataclass(frozen=True, slots=True)
class CaseworkerView:
    id: int
    name: str
    initials: str
    unit: str
    role: Role
    email: str
    phone: str
    active: bool
    title: str = ""

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    @property
    def display(self) -> str:
        return f"{self.name} ({self.initials})"


def _view(c: Caseworker) -> CaseworkerView:
    return CaseworkerView(
        c.id, c.name, c.initials, c.unit, Role(c.role), c.email, c.phone, c.active, c.title
    )


def list_caseworkers(store: Store, *, active_only: bool = True) -> list[CaseworkerView]:
    with store.session() as s:
        return list_in(s, active_only=active_only)


def list_in(session: Session, *, active_only: bool = True) -> list[CaseworkerView]:
    """``list_caseworkers`` inside the caller's transaction."""
    stmt = select(Caseworker).order_by(Caseworker.name)
    if active_only:
        stmt = stmt.where(Caseworker.active.is_(True))
    return [_view(c) for c in session.scalars(stmt)]


@dataclass(frozen=True, slots=True)
class Colleagues:
    me: int | None  # the current user's id
    everyone: list[CaseworkerView]  # the current user first, then active ones by name


def colleagues(store: Store) -> Colleagues:
    with store.session() as s:
        me = current_caseworker(s)
        mine = None if me is None else me.id
        everyone = sorted(
            list_in(s, active_only=False), key=lambda c: (c.id != mine, not c.active, c.name)
        )
        return Colleagues(mine, everyone)


def current_user(store: Store) -> CaseworkerView | None:
    with store.session() as s:
        c = current_caseworker(s)
        return None if c is None else _view(c)


def add_caseworker(store: Store, profile: ProfileInput) -> CaseworkerView:
    errors = validate_profile(profile)
    initials = profile.initials.strip().upper()
    with store.session() as s:
        if not errors and s.scalar(select(Caseworker.id).where(Caseworker.initials == initials)):
            errors["initials"] = f"Initialerne {initials} bruges allerede af en kollega."
        if errors:
            raise InputError(errors)
        c = Caseworker(
            name=clean(profile.name),
            initials=initials,
            unit=clean(profile.unit),
            role=profile.role.value,
            email=profile.email.strip(),
            phone=clean_phone(profile.phone),
            title=clean(profile.title),
            active=True,
        )
        s.add(c)
        s.flush()
        return _view(c)


def get_caseworker(store: Store, caseworker_id: int) -> CaseworkerView:
    with store.session() as s:
        c = s.get(Caseworker, caseworker_id)
        if c is None:
            raise InputError({"caseworker_id": "Kollegaen findes ikke længere."})
        return _view(c)


def update_contact_details(
    store: Store, caseworker_id: int, details: ContactDetailsInput
) -> CaseworkerView:
    """Change a caseworker's title, phone and e-mail (the current user's or a colleague's).
    Everything or nothing: any bad field refuses the whole change with Danish messages."""
    errors = validate_contact_details(details)
    if errors:
        raise InputError(errors)
    with store.session() as s:
        c = s.get(Caseworker, caseworker_id)
        if c is None:
            raise InputError({"caseworker_id": "Kollegaen findes ikke længere."})
        new = (clean(details.title), clean_phone(details.phone), details.email.strip())
        changed = [
            label
            for label, old, value in zip(
                ("titel", "telefon", "e-mail"), (c.title, c.phone, c.email), new, strict=True
            )
            if old != value
        ]
        c.title, c.phone, c.email = new
        if changed:
            me = current_caseworker(s)
            whose = "egen profil" if me is not None and me.id == c.id else f"kollega {c.initials}"
            audit.record(
                s, Action.SETTING, detail=f"Kontaktoplysninger ({whose}): {', '.join(changed)}"
            )
        s.flush()
        return _view(c)
