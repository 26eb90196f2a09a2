"""Actors (interessenter): the units and people the team works with, and how to reach them.

An actor is the municipality's shared knowledge of who does what (seed 001 lost it when its
coordinator left), not data about a young person: it is kept while cases come and go, and
an actor on a team is retired (``active`` off), never deleted, so the team's history keeps
its name. Changes are logged like every other change.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.domain.search import danish_sort_key, fold
from ungedesk.domain.team import (
    ACTOR_KIND_LABELS,
    ACTOR_ROLE_LABELS,
    ActorInput,
    ActorKind,
    ActorRole,
    normalised_actor,
    validate_actor,
)
from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.store.models import Actor


@dataclass(frozen=True, slots=True)
class ActorView:
    id: int
    kind: ActorKind
    name: str
    organisation: str
    role: ActorRole
    responsibilities: str
    phone: str
    email: str
    active: bool

    @property
    def kind_label(self) -> str:
        return ACTOR_KIND_LABELS[self.kind]

    @property
    def role_label(self) -> str:
        return ACTOR_ROLE_LABELS[self.role]

    @property
    def display(self) -> str:
        """Name, and the organisation when it says more than the name."""
        if self.organisation and self.organisation != self.name:
            return f"{self.name}, {self.organisation}"
        return self.name

    def matches(self, text: str) -> bool:
        """Every word of ``text`` in the name, organisation, role or responsibilities."""
        haystack = fold(
            " ".join(
                (self.name, self.organisation, self.role_label, self.responsibilities, self.email)
            )
        )
        return all(word in haystack for word in fold(text).split())


def view(a: Actor) -> ActorView:
    return ActorView(
        a.id,
        ActorKind(a.kind),
        a.name,
        a.organisation,
        ActorRole(a.role),
        a.responsibilities,
        a.phone,
        a.email,
        a.active,
    )


def list_actors(store: Store, *, active_only: bool = False, text: str = "") -> list[ActorView]:
    """Actors by name (active first when retired ones are included), filtered by ``text``."""
    with store.session() as s:
        return list_in(s, active_only=active_only, text=text)


def list_in(session: Session, *, active_only: bool = False, text: str = "") -> list[ActorView]:
    stmt = select(Actor)
    if active_only:
        stmt = stmt.where(Actor.active.is_(True))
    # Sorted here, not in SQL: SQLite's collation puts Å before B; a municipality has a few
    # hundred actors at most.
    found = sorted(
        (view(a) for a in session.scalars(stmt)),
        key=lambda a: (not a.active, danish_sort_key(a.name), a.id),
    )
    return [a for a in found if a.matches(text)] if text.strip() else found


def _require(session: Session, actor_id: int) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise InputError({"actor_id": "Aktøren findes ikke længere."})
    return actor


def _check(data: ActorInput) -> ActorInput:
    errors = validate_actor(data)
    if errors:
        raise InputError(errors)
    return normalised_actor(data)


def add_actor(store: Store, data: ActorInput) -> ActorView:
    clean = _check(data)
    with store.session() as s:
        actor = Actor(
            kind=clean.kind.value,
            name=clean.name,
            organisation=clean.organisation,
            role=clean.role.value,
            responsibilities=clean.responsibilities,
            phone=clean.phone,
            email=clean.email,
            active=clean.active,
        )
        s.add(actor)
        s.flush()
        # The log names the actor's number, not the name: an actor can be a private person
        # (an employer's contact), and the log is kept longer than the actor may be.
        audit.record(s, Action.CREATE, detail=f"Aktør nr. {actor.id} oprettet")
        return view(actor)


def update_actor(store: Store, actor_id: int, data: ActorInput) -> ActorView:
    clean = _check(data)
    with store.session() as s:
        actor = _require(s, actor_id)
        actor.kind = clean.kind.value
        actor.name = clean.name
        actor.organisation = clean.organisation
        actor.role = clean.role.value
        actor.responsibilities = clean.responsibilities
        actor.phone = clean.phone
        actor.email = clean.email
        actor.active = clean.active
        audit.record(s, Action.UPDATE, detail=f"Aktør nr. {actor.id} ændret")
        s.flush()
        return view(actor)


def get_actor(store: Store, actor_id: int) -> ActorView:
    with store.session() as s:
        return view(_require(s, actor_id))
