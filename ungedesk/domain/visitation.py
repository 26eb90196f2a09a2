"""Visitation and conversations as values: target groups with the labels valid on a date,
sub-assessments, conversation kinds and their rules.

Target groups are stored as codes; the label shown is the one valid on the date it was
given, so old cases keep their old labels (DOMAIN.md, "Target groups").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

LAB_2019 = date(2020, 1, 1)  # the current LAB (§ 6) took effect; before it, LAB § 2
NEW_LAW = date(2027, 1, 1)  # the new main law: uddannelsespålæg abolished


@dataclass(frozen=True, slots=True)
class TargetGroup:
    code: str
    label: str
    valid_from: date
    valid_to: date | None = None  # exclusive

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)


TARGET_GROUPS: tuple[TargetGroup, ...] = (
    TargetGroup("lab6_1", "Dagpengemodtager (LAB § 6, nr. 1)", LAB_2019),
    TargetGroup("lab6_2", "Jobparat kontanthjælpsmodtager (LAB § 6, nr. 2)", LAB_2019),
    TargetGroup("lab6_3", "Aktivitetsparat kontanthjælpsmodtager (LAB § 6, nr. 3)", LAB_2019),
    TargetGroup("lab6_4", "Uddannelsesparat (LAB § 6, nr. 4)", LAB_2019),
    TargetGroup("lab6_5", "Aktivitetsparat uddannelseshjælp (LAB § 6, nr. 5)", LAB_2019),
    TargetGroup("kui", "Ung 15-17 år (KUI, kommunal ungeindsats)", date(2019, 8, 1)),
    # The seeds' old LAB § 2 numbers, for cases from before 2020.
    TargetGroup(
        "lab2_2", "Kontanthjælpsmodtager, match 1 (LAB § 2, nr. 2)", date(2009, 1, 1), LAB_2019
    ),
    TargetGroup("lab2_3", "Kontanthjælpsmodtager (LAB § 2, nr. 3)", date(2009, 1, 1), LAB_2019),
    TargetGroup(
        "lab2_12",
        "Uddannelseshjælp, uddannelsesparat (LAB § 2, nr. 12)",
        date(2014, 1, 1),
        LAB_2019,
    ),
    TargetGroup(
        "lab2_13", "Uddannelseshjælp, aktivitetsparat (LAB § 2, nr. 13)", date(2014, 1, 1), LAB_2019
    ),
)
_BY_CODE = {g.code: g for g in TARGET_GROUPS}


def groups_valid_on(day: date) -> list[TargetGroup]:
    return [g for g in TARGET_GROUPS if g.valid_on(day)]


def group_label(code: str) -> str:
    group = _BY_CODE.get(code)
    return group.label if group else code


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


class YouthAssessment(StrEnum):
    """Målgruppevurdering for the young (KUI § 2 k)."""

    NONE = ""
    FGU = "fgu"
    STU = "stu"


YOUTH_ASSESSMENT_LABELS: dict[YouthAssessment, str] = {
    YouthAssessment.NONE: "Ingen",
    YouthAssessment.FGU: "Målgruppevurderet til FGU",
    YouthAssessment.STU: "Målgruppevurderet til STU",
}


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
