"""Caseworkers: the current user's profile and the colleagues one can assign."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.domain.profile import ROLE_LABELS, ProfileInput, Role, validate_profile
from ungedesk.domain.youth import clean
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

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    @property
    def display(self) -> str:
        return f"{self.name} ({self.initials})"


def _view(c: Caseworker) -> CaseworkerView:
    return CaseworkerView(
        c.id, c.name, c.initials, c.unit, Role(c.role), c.email, c.phone, c.active
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
            phone=profile.phone.strip(),
            active=True,
        )
        s.add(c)
        s.flush()
        return _view(c)
