"""The young person as a value: registration fields, their rules and their Danish labels.

Codes are stable English identifiers (stored in the database); labels are the Danish text
shown to caseworkers. Validation returns every problem at once, keyed by field, so a form can
show each message next to its field and save nothing until all are fixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from ungedesk.domain import cpr as cprmod

MIN_AGE = 15
MAX_AGE = 29
EARLIEST_HENVENDELSE = date(2000, 1, 1)


class Benefit(StrEnum):
    NONE = "none"
    KONTANTHJAELP = "kontanthjaelp"
    UDDANNELSESHJAELP = "uddannelseshjaelp"
    DAGPENGE = "dagpenge"
    SYGEDAGPENGE = "sygedagpenge"
    RESSOURCEFORLOEB = "ressourceforloeb"
    LEDIGHEDSYDELSE = "ledighedsydelse"
    REVALIDERING = "revalidering"
    SU = "su"
    OTHER = "other"


BENEFIT_LABELS: dict[Benefit, str] = {
    Benefit.NONE: "Ingen ydelse",
    Benefit.KONTANTHJAELP: "Kontanthjælp",
    Benefit.UDDANNELSESHJAELP: "Uddannelseshjælp (til 30. juni 2025)",
    Benefit.DAGPENGE: "Arbejdsløshedsdagpenge",
    Benefit.SYGEDAGPENGE: "Sygedagpenge",
    Benefit.RESSOURCEFORLOEB: "Ressourceforløbsydelse (nye forløb til 31. januar 2026)",
    Benefit.LEDIGHEDSYDELSE: "Ledighedsydelse",
    Benefit.REVALIDERING: "Revalidering (nye forløb til 31. januar 2026)",
    Benefit.SU: "SU",
    Benefit.OTHER: "Anden ydelse",
}

# Uddannelseshjælp merged into kontanthjælp on 1 July 2025 (DOMAIN.md): old cases keep the
# label, new registrations after that date cannot pick it.
UDDANNELSESHJAELP_LAST_DAY = date(2025, 6, 30)


@dataclass(frozen=True, slots=True)
class BenefitEnd:
    """The last day a benefit can be picked for a new case (old cases keep theirs)."""

    last_day: date
    message: str  # Danish, shown when a later henvendelse picks it
    source: str


BENEFIT_ENDS: dict[Benefit, BenefitEnd] = {
    Benefit.UDDANNELSESHJAELP: BenefitEnd(
        UDDANNELSESHJAELP_LAST_DAY,
        "Uddannelseshjælp blev lagt sammen med kontanthjælp 1. juli 2025. Vælg kontanthjælp.",
        "Lov nr. 1655 af 30. december 2024 (kontanthjælpsreformen), i kraft 1. juli 2025",
    ),
    Benefit.RESSOURCEFORLOEB: BenefitEnd(
        date(2026, 1, 31),
        "Ressourceforløb kan ikke begynde efter 31. januar 2026 (beskæftigelsesreformen).",
        "Lov nr. 1750 af 29. december 2025 (beskæftigelsesreformen), i kraft 1. februar 2026",
    ),
    Benefit.REVALIDERING: BenefitEnd(
        date(2026, 1, 31),
        "Revalidering kan ikke begynde efter 31. januar 2026 (beskæftigelsesreformen).",
        "Lov nr. 1750 af 29. december 2025 (beskæftigelsesreformen), i kraft 1. februar 2026",
    ),
}


class Education(StrEnum):
    UNKNOWN = "unknown"
    NONE = "none"
    GRUNDSKOLE = "grundskole"
    FGU = "fgu"
    GYMNASIAL = "gymnasial"
    EUD = "eud"
    VIDEREGAAENDE = "videregaaende"
    FOREIGN = "foreign"


EDUCATION_LABELS: dict[Education, str] = {
    Education.UNKNOWN: "Ikke oplyst",
    Education.NONE: "Ingen afsluttet grundskole",
    Education.GRUNDSKOLE: "Grundskole (9. eller 10. klasse)",
    Education.FGU: "FGU",
    Education.GYMNASIAL: "Gymnasial uddannelse (stx, hhx, htx, hf)",
    Education.EUD: "Erhvervsuddannelse (EUD/EUX)",
    Education.VIDEREGAAENDE: "Videregående uddannelse",
    Education.FOREIGN: "Udenlandsk uddannelse",
}


class CaseStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"


STATUS_LABELS: dict[CaseStatus, str] = {
    CaseStatus.ACTIVE: "Aktiv",
    CaseStatus.CLOSED: "Afsluttet",
}


class ExitReason(StrEnum):
    """Where a young person went when the case closed (afgang til, DOMAIN.md)."""

    JOB = "job"
    EDUCATION = "education"
    TARGET_GROUP_CHANGE = "target_group_change"
    FLEKSJOB = "fleksjob"
    FOERTIDSPENSION = "foertidspension"
    OTHER_BENEFIT = "other_benefit"
    MOVED = "moved"
    OTHER = "other"
    # Set only by reading the receiver's receipt of a handover (services.handover), never
    # picked by hand: the case went on elsewhere (kædeansvar, seed 003).
    TRANSFERRED = "transferred"


EXIT_LABELS: dict[ExitReason, str] = {
    ExitReason.JOB: "Job",
    ExitReason.EDUCATION: "Uddannelse",
    ExitReason.TARGET_GROUP_CHANGE: "Skift af målgruppe",
    ExitReason.FLEKSJOB: "Fleksjob",
    ExitReason.FOERTIDSPENSION: "Førtidspension",
    ExitReason.OTHER_BENEFIT: "Anden ydelse",
    ExitReason.MOVED: "Fraflyttet kommunen",
    ExitReason.OTHER: "Andet",
    ExitReason.TRANSFERRED: "Overdraget til en anden enhed",
}
# Reasons the caseworker may pick when closing a case by hand.
MANUAL_EXIT_REASONS = tuple(r for r in ExitReason if r is not ExitReason.TRANSFERRED)

_PHONE_RE = re.compile(r"^\+?[0-9][0-9 ]{6,18}[0-9]$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def allowed_benefits(on: date) -> list[Benefit]:
    """Benefits a new registration may pick for a henvendelse on ``on``."""
    return [b for b in Benefit if b not in BENEFIT_ENDS or on <= BENEFIT_ENDS[b].last_day]


@dataclass(frozen=True, slots=True)
class YouthInput:
    """What a caseworker typed into the registration form, before validation."""

    cpr: str
    first_name: str
    last_name: str
    henvendelse_date: date | None
    address: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    benefit: Benefit = Benefit.NONE
    education: Education = Education.UNKNOWN
    caseworker_id: int | None = None


@dataclass(frozen=True, slots=True)
class Validation:
    """Outcome of validating a YouthInput: errors block saving, warnings do not."""

    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)
    cpr: cprmod.Cpr | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def clean(text: str) -> str:
    """Trim and fold runs of white space; names and addresses are stored this way."""
    return " ".join(text.split())


def validate(data: YouthInput, today: date) -> Validation:
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    parsed: cprmod.Cpr | None = None
    try:
        parsed = cprmod.parse(data.cpr)
    except cprmod.CprError as exc:
        errors["cpr"] = exc.message
    else:
        if parsed.warning:
            warnings["cpr"] = parsed.warning
        if parsed.birth_date > today:
            errors["cpr"] = "Fødselsdatoen i CPR-nummeret ligger i fremtiden."
            parsed = None

    for key, value, label in (
        ("first_name", data.first_name, "fornavn"),
        ("last_name", data.last_name, "efternavn"),
    ):
        text = clean(value)
        if not text:
            errors[key] = f"Skriv den unges {label}."
        elif len(text) > 100:
            errors[key] = "Navnet må højst være 100 tegn."
        elif any(ch.isdigit() for ch in text):
            errors[key] = "Et navn kan ikke indeholde tal."

    if len(clean(data.address)) > 200:
        errors["address"] = "Adressen må højst være 200 tegn."
    postal = data.postal_code.strip()
    if postal and not (postal.isdigit() and len(postal) == 4):
        errors["postal_code"] = "Postnummeret skal være 4 cifre."
    if len(clean(data.city)) > 60:
        errors["city"] = "Bynavnet må højst være 60 tegn."

    phone = data.phone.strip()
    if phone and not _PHONE_RE.match(phone):
        errors["phone"] = (
            "Telefonnummeret må kun have cifre, mellemrum og + forrest, fx 20 30 40 50."
        )
    email = data.email.strip()
    if email and (not _EMAIL_RE.match(email) or len(email) > 254):
        errors["email"] = "E-mailadressen ser forkert ud. Den skal ligne navn@eksempel.dk."

    hv = data.henvendelse_date
    if hv is None:
        errors["henvendelse_date"] = "Skriv datoen for den unges henvendelse."
    elif hv > today:
        errors["henvendelse_date"] = "Henvendelsesdatoen kan ikke ligge i fremtiden."
    elif hv < EARLIEST_HENVENDELSE:
        errors["henvendelse_date"] = "Henvendelsesdatoen ligger for langt tilbage (før år 2000)."
    elif parsed is not None:
        if hv < parsed.birth_date:
            errors["henvendelse_date"] = "Henvendelsesdatoen ligger før fødselsdatoen."
        else:
            age = parsed.age_on(hv)
            if not MIN_AGE <= age <= MAX_AGE:
                errors["cpr"] = (
                    f"UngeDesk følger unge på {MIN_AGE}-{MAX_AGE} år. Personen var {age} år "
                    "på henvendelsesdatoen."
                )

    ended = BENEFIT_ENDS.get(data.benefit)
    if hv is not None and ended is not None and hv > ended.last_day:
        errors["benefit"] = ended.message
    return Validation(errors=errors, warnings=warnings, cpr=parsed)
