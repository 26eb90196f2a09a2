"""Consent (seed 003): health, housing and family text is saved in the plan only while
the young person's consent covers that area. Withdrawing consent removes that text from the
draft at once; handed-out versions keep it, because they are the record of what the young
person was given."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.domain.plan import (
    CONSENT_FIELDS,
    CONSENT_LABELS,
    FIELD_LABELS,
    ConsentScope,
)
from ungedesk.services import audit
from ungedesk.services.audit import Action
from ungedesk.services.current_user import current_caseworker, label
from ungedesk.services.custody import consent_givers
from ungedesk.services.youths import mark_changed, require_youth
from ungedesk.store.database import Store
from ungedesk.store.models import (
    Consent,
    Plan,
)

MAX_CONSENT_NOTE = 2_000


@dataclass(frozen=True, slots=True)
class ConsentView:
    id: int
    given_on: date
    scopes: frozenset[ConsentScope]
    note: str
    withdrawn_on: date | None
    recorded_by: str
    given_by: str = ""  # "" the young person alone; else who gave it (custody, minors)

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None

    @property
    def scope_label(self) -> str:
        return ", ".join(CONSENT_LABELS[s] for s in ConsentScope if s in self.scopes)


def _scopes(text: str) -> frozenset[ConsentScope]:
    return frozenset(ConsentScope(p) for p in text.split(",") if p)


def _consent_view(c: Consent) -> ConsentView:
    return ConsentView(
        c.id, c.given_on, _scopes(c.scope), c.note, c.withdrawn_on, c.recorded_by, c.given_by
    )


def _consents(s: Session, youth_id: int) -> tuple[ConsentView, ...]:
    rows = s.scalars(
        select(Consent).where(Consent.youth_id == youth_id).order_by(Consent.given_on, Consent.id)
    )
    return tuple(_consent_view(c) for c in rows)


def _active(consents: Iterable[ConsentView]) -> frozenset[ConsentScope]:
    scopes: set[ConsentScope] = set()
    for c in consents:
        if c.active:
            scopes |= c.scopes
    return frozenset(scopes)


def _current_user(s: Session) -> str:
    cw = current_caseworker(s)
    return "" if cw is None else label(cw)


def give_consent(
    store: Store,
    youth_id: int,
    scopes: Iterable[ConsentScope],
    given_on: date | None,
    note: str = "",
    *,
    today: date,
    holder_ids: Sequence[int] = (),
) -> int:
    """Record the young person's consent to the given areas in the plan; returns its id.

    For a minor the custody holders who consented with the young person are ``holder_ids``
    (they must hold custody on the date); the consent records them by name."""
    chosen = frozenset(scopes)
    with store.session() as s:
        youth = require_youth(s, youth_id)
        mark_changed(youth)
        errors: dict[str, str] = {}
        if not chosen:
            errors["scopes"] = "Vælg mindst ét område, samtykket gælder."
        if given_on is None:
            errors["given_on"] = "Skriv datoen for samtykket."
        elif given_on > today:
            errors["given_on"] = "Datoen kan ikke ligge i fremtiden."
        elif given_on < youth.henvendelse_date:
            errors["given_on"] = (
                "Datoen ligger før henvendelsen "
                f"({youth.henvendelse_date.day}.{youth.henvendelse_date.month}."
                f"{youth.henvendelse_date.year})."
            )
        if len(note) > MAX_CONSENT_NOTE:
            errors["note"] = f"Noten er for lang (højst {MAX_CONSENT_NOTE} tegn)."
        if errors:
            raise InputError(errors)
        assert given_on is not None
        given_by = consent_givers(s, youth_id, list(holder_ids), given_on)
        ordered = [sc for sc in ConsentScope if sc in chosen]
        consent = Consent(
            youth_id=youth_id,
            given_on=given_on,
            scope=",".join(sc.value for sc in ordered),
            note=note.strip(),
            recorded_by=_current_user(s),
            given_by=given_by,
        )
        s.add(consent)
        s.flush()
        audit.record(
            s,
            Action.CREATE,
            youth_id=youth_id,
            subject=youth.case_number,
            detail="Samtykke til planen: "
            + ", ".join(CONSENT_LABELS[sc] for sc in ordered)
            + ("; givet sammen med forældremyndighedens indehaver" if given_by else ""),
        )
        return consent.id


def withdraw_consent(store: Store, consent_id: int, on: date) -> None:
    """Mark a consent withdrawn and remove the draft's text in areas no longer covered.

    Handed-out versions are left as they are: they record what the young person was given.
    """
    with store.session() as s:
        consent = s.get(Consent, consent_id)
        if consent is None:
            raise InputError({"consent_id": "Samtykket findes ikke længere."})
        youth = require_youth(s, consent.youth_id)
        mark_changed(youth)
        if consent.withdrawn_on is not None:
            raise InputError({"consent_id": "Samtykket er allerede trukket tilbage."})
        if on < consent.given_on:
            raise InputError({"on": "Datoen ligger før samtykket blev givet."})
        consent.withdrawn_on = on
        s.flush()
        still = _active(_consents(s, youth.id))
        plan = s.scalar(select(Plan).where(Plan.youth_id == youth.id))
        removed: list[str] = []
        if plan is not None:
            for name, scope in CONSENT_FIELDS.items():
                if scope not in still and getattr(plan, name).strip():
                    setattr(plan, name, "")
                    removed.append(FIELD_LABELS[name].lower())
        s.flush()
        detail = "Samtykke trukket tilbage: " + ", ".join(
            CONSENT_LABELS[sc] for sc in ConsentScope if sc in _scopes(consent.scope)
        )
        if removed:
            detail += (
                f". Teksten om {', '.join(removed)} er fjernet fra planudkastet; "
                "udleverede versioner er uændrede"
            )
        audit.record(s, Action.UPDATE, youth_id=youth.id, subject=youth.case_number, detail=detail)
