"""Visitation and conversations as values: sub-assessments, the young person's
assessments, conversation kinds and their rules.

Target groups are stored as codes; the label shown is the one valid on the date it was
given, so old cases keep their old labels (DOMAIN.md, "Target groups"): see
domain.target_groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from ungedesk.domain.cpr import age_on

LAB_2019 = date(2020, 1, 1)  # the current LAB (§ 6) took effect; before it, LAB § 2
NEW_LAW = date(2027, 1, 1)  # the new main law: uddannelsespålæg abolished

# Target groups and their labels by date are data: resources/rules/target_groups.toml,
# parsed by domain.target_groups and loaded by services.target_groups.


class SubAssessment(StrEnum):
    NONE = ""
    OBVIOUSLY_READY = "obviously_ready"
    READY_WITHIN_YEAR = "ready_within_year"
    ACTIVITY_READY = "activity_ready"


SUB_ASSESSMENT_LABELS: dict[SubAssessment, str] = {
    SubAssessment.NONE: "Ingen",
    SubAssessment.OBVIOUSLY_READY: "Åbenlyst uddannelsesparat",
    SubAssessment.READY_WITHIN_YEAR: "Uddannelsesparat (inden for et år)",
    SubAssessment.ACTIVITY_READY: "Aktivitetsparat",
}


# Two different assessments under two different laws, each with its own date:
# - the KUI målgruppevurdering (lov om kommunal indsats for unge under 25 år, § 2 k): the
#   municipality assesses whether a young person under 25 is in the target group for FGU
#   (forberedende grunduddannelse) and other offers;
# - STU is assessed under the STU law (lov om ungdomsuddannelse for unge med særlige behov),
#   not under KUI: a separate decision, recorded apart.
FGU_ASSESSMENT_LABEL = "Målgruppevurderet til FGU (KUI § 2 k)"
STU_ASSESSMENT_LABEL = "Vurderet til STU efter STU-loven"
# Both laws are about young people under 25.
ASSESSMENT_MAX_AGE = 24


def validate_assessments(
    fgu_assessed_on: date | None,
    stu_assessed_on: date | None,
    *,
    birth_date: date,
    henvendelse: date,
    today: date,
) -> dict[str, str]:
    """Danish field errors for the FGU målgruppevurdering and the STU assessment."""
    errors: dict[str, str] = {}
    for field, day, what in (
        ("fgu_assessed_on", fgu_assessed_on, "Målgruppevurderingen til FGU"),
        ("stu_assessed_on", stu_assessed_on, "Vurderingen til STU"),
    ):
        if day is None:
            continue
        if day > today:
            errors[field] = f"{what} kan ikke ligge i fremtiden."
        elif day < henvendelse:
            errors[field] = f"{what} kan ikke ligge før henvendelsen."
        elif age_on(birth_date, day) > ASSESSMENT_MAX_AGE:
            errors[field] = f"{what} gælder unge under 25 år. Den unge var fyldt 25 på datoen."
    return errors


class ConversationKind(StrEnum):
    FIRST = "first"
    JOB = "job"
    FOLLOW_UP = "follow_up"
    JOINT_UU = "joint_uu"
    TEAM = "team"


CONVERSATION_LABELS: dict[ConversationKind, str] = {
    ConversationKind.FIRST: "Første samtale",
    ConversationKind.JOB: "Jobsamtale",
    ConversationKind.FOLLOW_UP: "Opfølgning",
    ConversationKind.JOINT_UU: "Fællessamtale med UU",
    ConversationKind.TEAM: "Tværfagligt teammøde",
}

# Conversations the law can count as jobsamtaler (LAB § 31): all with the young person
# present. Whether one does also depends on who held it: see HeldBy and counts_as_jobsamtale.
JOBSAMTALE_KINDS = frozenset(
    {
        ConversationKind.FIRST,
        ConversationKind.JOB,
        ConversationKind.FOLLOW_UP,
        ConversationKind.JOINT_UU,
    }
)


class HeldBy(StrEnum):
    """Who held a conversation. A jobsamtale (LAB § 31) is held by the municipality's
    employment effort (beskæftigelsesindsatsen); a follow-up held by the municipal youth
    effort (kommunal ungeindsats, the former UU) alone is KUI guidance, not a jobsamtale."""

    EMPLOYMENT = "employment"
    UU = "uu"
    JOINT = "joint"


HELD_BY_LABELS: dict[HeldBy, str] = {
    HeldBy.EMPLOYMENT: "Beskæftigelsesindsatsen",
    HeldBy.UU: "Ungeindsatsen (UU) alene",
    HeldBy.JOINT: "Beskæftigelsesindsatsen og UU sammen",
}

# The usual holder per kind: the booking dialog starts from it (for a follow-up it asks).
DEFAULT_HELD_BY: dict[ConversationKind, HeldBy] = {
    ConversationKind.FIRST: HeldBy.EMPLOYMENT,
    ConversationKind.JOB: HeldBy.EMPLOYMENT,
    ConversationKind.FOLLOW_UP: HeldBy.EMPLOYMENT,
    ConversationKind.JOINT_UU: HeldBy.JOINT,
    ConversationKind.TEAM: HeldBy.EMPLOYMENT,
}

# Holders whose conversations count as jobsamtaler: the employment side, alone or with UU.
JOBSAMTALE_HELD_BY = frozenset({HeldBy.EMPLOYMENT, HeldBy.JOINT})


def counts_as_jobsamtale(kind: ConversationKind, held_by: HeldBy) -> bool:
    """Whether a held conversation of this kind and holder is a jobsamtale (LAB § 31)."""
    return kind in JOBSAMTALE_KINDS and held_by in JOBSAMTALE_HELD_BY


class ConversationStatus(StrEnum):
    BOOKED = "booked"
    HELD = "held"
    MISSED = "missed"  # udeblivelse
    CANCELLED = "cancelled"


STATUS_LABELS: dict[ConversationStatus, str] = {
    ConversationStatus.BOOKED: "Booket",
    ConversationStatus.HELD: "Afholdt",
    ConversationStatus.MISSED: "Udeblevet",
    ConversationStatus.CANCELLED: "Aflyst",
}


class Mode(StrEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"


MODE_LABELS: dict[Mode, str] = {
    Mode.IN_PERSON: "Fremmøde",
    Mode.VIDEO: "Video",
    Mode.PHONE: "Telefon",
}


@dataclass(frozen=True, slots=True)
class ConversationInput:
    kind: ConversationKind
    starts_at: datetime | None
    duration_minutes: int = 45
    mode: Mode = Mode.IN_PERSON
    place: str = ""
    participants: tuple[str, ...] = ()
    notes: str = ""
    held_by: HeldBy | None = None  # None: the usual holder of the kind (DEFAULT_HELD_BY)

    @property
    def holder(self) -> HeldBy:
        return self.held_by if self.held_by is not None else DEFAULT_HELD_BY[self.kind]


def validate_conversation(data: ConversationInput, *, henvendelse: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.starts_at is None:
        errors["starts_at"] = "Vælg dato og klokkeslæt for samtalen."
    elif data.starts_at.date() < henvendelse:
        errors["starts_at"] = "Samtalen kan ikke ligge før henvendelsesdatoen."
    if not 5 <= data.duration_minutes <= 480:
        errors["duration_minutes"] = "Varigheden skal være mellem 5 minutter og 8 timer."
    if data.mode is Mode.IN_PERSON and len(data.place) > 200:
        errors["place"] = "Stedet må højst være 200 tegn."
    if len(data.notes) > 20_000:
        errors["notes"] = "Noten er for lang (højst 20.000 tegn)."
    return errors
