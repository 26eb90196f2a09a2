"""The young-person register: register, look up, open, edit, and list for searching."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ungedesk.domain import cpr as cprmod
from ungedesk.domain.cpr import LegalSex
from ungedesk.domain.errors import InputError
from ungedesk.domain.search import YouthRow
from ungedesk.domain.youth import (
    BENEFIT_LABELS,
    EDUCATION_LABELS,
    STATUS_LABELS,
    Benefit,
    CaseStatus,
    Education,
    YouthInput,
    clean,
    validate,
)
from ungedesk.services import audit, deadlines
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.store.models import Caseworker, Youth


@dataclass(frozen=True, slots=True)
class YouthRecord:
    """Everything the record header and the edit form show. ``cpr`` is the ten digits."""

    id: int
    case_number: str
    cpr: str
    first_name: str
    last_name: str
    birth_date: date
    legal_sex: LegalSex
    address: str
    postal_code: str
    city: str
    phone: str
    email: str
    henvendelse_date: date
    benefit: Benefit
    education: Education
    status: CaseStatus
    caseworker_id: int | None
    caseworker_name: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def cpr_masked(self) -> str:
        return cprmod.mask(self.cpr)

    @property
    def cpr_formatted(self) -> str:
        return f"{self.cpr[:6]}-{self.cpr[6:]}"

    def age_on(self, day: date) -> int:
        return cprmod.age_on(self.birth_date, day)

    @property
    def benefit_label(self) -> str:
        return BENEFIT_LABELS[self.benefit]

    @property
    def education_label(self) -> str:
        return EDUCATION_LABELS[self.education]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def sex_label(self) -> str:
        return "Kvinde" if self.legal_sex is LegalSex.FEMALE else "Mand"

    def as_input(self) -> YouthInput:
        return YouthInput(
            cpr=self.cpr,
            first_name=self.first_name,
            last_name=self.last_name,
            henvendelse_date=self.henvendelse_date,
            address=self.address,
            postal_code=self.postal_code,
            city=self.city,
            phone=self.phone,
            email=self.email,
            benefit=self.benefit,
            education=self.education,
            caseworker_id=self.caseworker_id,
        )


@dataclass(frozen=True, slots=True)
class RegisterOutcome:
    youth_id: int
    created: bool  # False: the CPR was registered already and this is that record
    warnings: dict[str, str]


def _record(y: Youth) -> YouthRecord:
    cw = y.caseworker
    return YouthRecord(
        id=y.id,
        case_number=y.case_number,
        cpr=y.cpr,
        first_name=y.first_name,
        last_name=y.last_name,
        birth_date=y.birth_date,
        legal_sex=LegalSex(y.legal_sex),
        address=y.address,
        postal_code=y.postal_code,
        city=y.city,
        phone=y.phone,
        email=y.email,
        henvendelse_date=y.henvendelse_date,
        benefit=Benefit(y.benefit),
        education=Education(y.education),
        status=CaseStatus(y.status),
        caseworker_id=y.caseworker_id,
        caseworker_name=cw.name if cw else "",
    )


def _row(y: Youth, initials: str) -> YouthRow:
    return YouthRow(
        y.id,
        y.case_number,
        y.cpr,
        y.first_name,
        y.last_name,
        y.birth_date,
        y.henvendelse_date,
        initials,
        y.status,
    )


def require_youth(session: Session, youth_id: int) -> Youth:
    """The young person, or the Danish error every form shows when the record is gone
    (deleted by retention or on another screen meanwhile)."""
    youth = session.get(Youth, youth_id)
    if youth is None:
        raise InputError({"youth_id": "Den unge findes ikke længere."})
    return youth


def mark_changed(youth: Youth) -> None:
    """Move the young person's updated_at when anything in their case changes. A case
    transfer refuses a file older than the receiver's record by this one field, so a write
    to any table about the person must move it, or an older file would silently replace
    newer conversations, measurements or plan edits."""
    youth.updated_at = func.current_timestamp()


def next_case_number(session: Session, year: int) -> str:
    prefix = f"U-{year}-"
    last = session.scalar(
        select(func.max(Youth.case_number)).where(Youth.case_number.like(prefix + "%"))
    )
    seq = int(last[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{seq:05d}"


def _check_caseworker(session: Session, caseworker_id: int | None) -> dict[str, str]:
    if caseworker_id is None:
        return {"caseworker_id": "Vælg den ansvarlige sagsbehandler."}
    if session.get(Caseworker, caseworker_id) is None:
        return {"caseworker_id": "Den valgte sagsbehandler findes ikke."}
    return {}


def find_by_cpr(store: Store, text: str) -> int | None:
    """The id of the young person with this CPR, or None (also for text that is no CPR)."""
    try:
        parsed = cprmod.parse(text)
    except cprmod.CprError:
        return None
    with store.session() as s:
        return s.scalar(select(Youth.id).where(Youth.cpr == parsed.digits))


def register(
    store: Store, data: YouthInput, *, today: date, created_by: int | None = None
) -> RegisterOutcome:
    """Register a young person, or return the existing record for a known CPR.

    Raises InputError with every field's problem; nothing is written unless all is valid.
    """
    result = validate(data, today)
    with store.session() as s:
        if result.cpr is not None:
            existing = s.scalar(select(Youth.id).where(Youth.cpr == result.cpr.digits))
            if existing is not None:
                return RegisterOutcome(existing, False, {})
        errors = dict(result.errors)
        errors.update(_check_caseworker(s, data.caseworker_id))
        if errors or result.cpr is None:
            raise InputError(errors)
        parsed = result.cpr
        youth = Youth(
            cpr=parsed.digits,
            case_number=next_case_number(s, today.year),
            first_name=clean(data.first_name),
            last_name=clean(data.last_name),
            birth_date=parsed.birth_date,
            legal_sex=parsed.legal_sex.value,
            address=clean(data.address),
            postal_code=data.postal_code.strip(),
            city=clean(data.city),
            phone=data.phone.strip(),
            email=data.email.strip(),
            henvendelse_date=data.henvendelse_date,
            benefit=data.benefit.value,
            education=data.education.value,
            status=CaseStatus.ACTIVE.value,
            caseworker_id=data.caseworker_id,
            created_by_id=created_by,
        )
        s.add(youth)
        s.flush()
        audit.record(s, Action.CREATE, youth_id=youth.id, subject=youth.case_number)
        # The provisional first-samtale deadline runs from the henvendelse, before visitation.
        deadlines.refresh(s, youth.id)
        return RegisterOutcome(youth.id, True, dict(result.warnings))


def update(store: Store, youth_id: int, data: YouthInput, *, today: date) -> YouthRecord:
    """Change a young person's details. The CPR cannot change: it is who they are."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        result = validate(replace(data, cpr=youth.cpr), today)
        errors = {k: v for k, v in result.errors.items() if k != "cpr"}
        errors.update(_check_caseworker(s, data.caseworker_id))
        if errors:
            raise InputError(errors)
        before = _record(youth)
        youth.first_name = clean(data.first_name)
        youth.last_name = clean(data.last_name)
        youth.address = clean(data.address)
        youth.postal_code = data.postal_code.strip()
        youth.city = clean(data.city)
        youth.phone = data.phone.strip()
        youth.email = data.email.strip()
        if data.henvendelse_date is not None:
            youth.henvendelse_date = data.henvendelse_date
        youth.benefit = data.benefit.value
        youth.education = data.education.value
        youth.caseworker_id = data.caseworker_id
        s.flush()
        s.refresh(youth)
        after = _record(youth)
        changed = [f for f in _EDITABLE if getattr(before, f) != getattr(after, f)]
        if changed:
            # Which fields changed, never their values: the log is about access, not content.
            audit.record(
                s,
                Action.UPDATE,
                youth_id=youth.id,
                subject=youth.case_number,
                detail=", ".join(changed),
            )
        if "henvendelse_date" in changed:  # the clock of several deadlines starts there
            deadlines.refresh(s, youth.id)
        return after


_EDITABLE = (
    "first_name",
    "last_name",
    "address",
    "postal_code",
    "city",
    "phone",
    "email",
    "henvendelse_date",
    "benefit",
    "education",
    "caseworker_id",
)


def get(store: Store, youth_id: int, *, purpose: str = "") -> YouthRecord | None:
    """Open a young person's record; the read is logged with its purpose."""
    with store.session() as s:
        return get_in(s, youth_id, purpose=purpose)


def get_in(session: Session, youth_id: int, *, purpose: str = "") -> YouthRecord | None:
    """``get`` inside the caller's transaction."""
    youth = session.get(Youth, youth_id)
    if youth is None:
        return None
    audit.record(
        session, Action.READ, youth_id=youth.id, subject=youth.case_number, purpose=purpose
    )
    return _record(youth)


def reveal_cpr(store: Store, youth_id: int) -> str:
    """The full CPR number for display; showing it is a deliberate, logged act."""
    with store.session() as s:
        youth = require_youth(s, youth_id)
        audit.record(s, Action.REVEAL_CPR, youth_id=youth.id, subject=youth.case_number)
        return f"{youth.cpr[:6]}-{youth.cpr[6:]}"


def log_search(store: Store, criterion: str, hits: int) -> None:
    """Record a search of the register with what was searched for."""
    if criterion.strip():
        audit.log(store, Action.SEARCH, criterion=criterion.strip(), detail=f"{hits} fundet")


def register_rows(store: Store) -> list[YouthRow]:
    """Every young person as a list row, for the in-memory search index."""
    with store.session() as s:
        initials = dict(s.execute(select(Caseworker.id, Caseworker.initials)).all())
        stmt = select(
            Youth.id,
            Youth.case_number,
            Youth.cpr,
            Youth.first_name,
            Youth.last_name,
            Youth.birth_date,
            Youth.henvendelse_date,
            Youth.caseworker_id,
            Youth.status,
        )
        return [
            YouthRow(i, cn, c, fn, ln, bd, hd, initials.get(cw, "") if cw else "", st)
            for i, cn, c, fn, ln, bd, hd, cw, st in s.execute(stmt)
        ]


def row_for(store: Store, youth_id: int) -> YouthRow | None:
    with store.session() as s:
        youth = s.get(Youth, youth_id)
        if youth is None:
            return None
        return _row(youth, youth.caseworker.initials if youth.caseworker else "")


def count(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count(Youth.id))) or 0)
