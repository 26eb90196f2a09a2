"""Tables. Every change here needs an Alembic revision in migrations/versions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, event, func
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column, relationship

from ungedesk.domain.search import digits_haystack, name_haystack, name_sort_key
from ungedesk.domain.visitation import DEFAULT_HELD_BY, ConversationKind, HeldBy


class Base(DeclarativeBase):
    pass


def _held_by_for_kind(context: Any) -> str:
    kind = context.get_current_parameters().get("kind", "")
    try:
        return DEFAULT_HELD_BY[ConversationKind(kind)].value
    except ValueError:
        return HeldBy.EMPLOYMENT.value


class Caseworker(Base):
    """A caseworker or counsellor who can be responsible for young people."""

    __tablename__ = "caseworker"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    initials: Mapped[str] = mapped_column(String(10), unique=True)
    unit: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(30))
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    title: Mapped[str] = mapped_column(String(100), default="", server_default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class Setting(Base):
    """Installation-wide settings as JSON text (municipality name, current user, …)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# The register's derived texts (domain.search): the Danish name sort key and the two search
# haystacks, so the first page is one indexed query and an early search one scan in SQL.
# Computed from the row on every insert (a column default, so Core inserts such as the demo
# data's get them too) and on every ORM update (_keep_register_keys); recomputed for all
# rows when domain.search.REGISTER_KEYS_VERSION changes (store.register_keys). Not personal
# data of their own: exports and transfers leave them out (REGISTER_COLUMNS).
REGISTER_COLUMNS = ("register_sort", "register_text", "register_digits")
# Secrets of this installation kept beside a person's rows (a handover's receipt key): not
# data about the person, so the right-of-access export and a transfer leave them out.
SECRET_COLUMNS = ("receipt_key",)
REGISTER_INDEX_COLUMNS = (
    "register_sort",
    "id",
    "register_text",
    "register_digits",
    "case_number",
    "first_name",
    "last_name",
    "birth_date",
    "henvendelse_date",
    "status",
    "caseworker_id",
)


def _params(context: Any) -> dict[str, Any]:
    params: dict[str, Any] = context.get_current_parameters()
    return params


def _register_sort(context: Any) -> str:
    p = _params(context)
    return name_sort_key(p["first_name"], p["last_name"])


def _register_text(context: Any) -> str:
    p = _params(context)
    return name_haystack(p["first_name"], p["last_name"], p["case_number"])


def _register_digits(context: Any) -> str:
    p = _params(context)
    return digits_haystack(p["cpr"], p["case_number"])


class Youth(Base):
    """A young person followed by the team. CPR is unique: one person, one record."""

    __tablename__ = "youth"
    __table_args__ = (
        Index("ix_youth_caseworker", "caseworker_id"),
        Index("ix_youth_status", "status"),
        # Covering: the first page, the whole index and an SQL search read only this index,
        # in name order, never the wide rows (3x faster at 100,000 than a key-only index).
        Index("ix_youth_register", *REGISTER_INDEX_COLUMNS),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cpr: Mapped[str] = mapped_column(String(10), unique=True)
    case_number: Mapped[str] = mapped_column(String(20), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date] = mapped_column(Date)
    legal_sex: Mapped[str] = mapped_column(String(1))
    address: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(4), default="")
    city: Mapped[str] = mapped_column(String(60), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    henvendelse_date: Mapped[date] = mapped_column(Date)
    benefit: Mapped[str] = mapped_column(String(30))
    education: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20), default="active")
    closed_on: Mapped[date | None] = mapped_column(Date)
    exit_reason: Mapped[str] = mapped_column(String(30), default="")
    caseworker_id: Mapped[int | None] = mapped_column(ForeignKey("caseworker.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("caseworker.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )

    register_sort: Mapped[str | None] = mapped_column(Text, default=_register_sort)
    register_text: Mapped[str | None] = mapped_column(Text, default=_register_text)
    register_digits: Mapped[str | None] = mapped_column(Text, default=_register_digits)

    caseworker: Mapped[Caseworker | None] = relationship(foreign_keys=[caseworker_id])


@event.listens_for(Youth, "before_update")
def _keep_register_keys(_mapper: Mapper[Youth], _conn: Any, youth: Youth) -> None:
    """A name, case number or CPR changed through the ORM: its register texts follow."""
    youth.register_sort = name_sort_key(youth.first_name, youth.last_name)
    youth.register_text = name_haystack(youth.first_name, youth.last_name, youth.case_number)
    youth.register_digits = digits_haystack(youth.cpr, youth.case_number)


class AuditEvent(Base):
    """One access to personal data. Append-only (triggers refuse UPDATE and early DELETE)
    and hash-chained: each row's hash covers its fields and the previous row's hash."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_youth", "youth_id"),
        Index("ix_audit_at", "at"),
        Index("ix_audit_actor", "actor_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32))  # UTC, ISO 8601 with microseconds
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(120))  # name and initials as they were then
    action: Mapped[str] = mapped_column(String(30))
    youth_id: Mapped[int | None] = mapped_column(Integer)  # no FK: the log outlives deletion
    subject: Mapped[str] = mapped_column(String(60))  # case number; never a CPR
    criterion: Mapped[str] = mapped_column(Text)  # a search's text
    purpose: Mapped[str] = mapped_column(Text)
    special: Mapped[bool] = mapped_column()  # health or substance-use data was read
    detail: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain's ends: the hash before the oldest kept row (after purges) and the newest
    row, so removing rows at either end is detected too. Exactly one row, id 1."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    purged_before: Mapped[str] = mapped_column(String(32))
    anchor_hash: Mapped[str] = mapped_column(String(64))
    last_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class TargetGroupEntry(Base):
    """A target group given on a date (the first one at visitation, later målgruppeskift)."""

    __tablename__ = "target_group_entry"
    __table_args__ = (Index("ix_target_group_youth", "youth_id", "valid_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    valid_from: Mapped[date] = mapped_column(Date)
    target_group: Mapped[str] = mapped_column(String(20))
    sub_assessment: Mapped[str] = mapped_column(String(30), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class Visitation(Base):
    """The outcome of the first conversation(s): one per young person, edited in place."""

    __tablename__ = "visitation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"), unique=True)
    visited_on: Mapped[date] = mapped_column(Date)
    reasons: Mapped[str] = mapped_column(Text, default="")
    paalaeg_given_on: Mapped[date | None] = mapped_column(Date)
    paalaeg_education: Mapped[str] = mapped_column(String(200), default="")
    paalaeg_deadline: Mapped[date | None] = mapped_column(Date)
    fvu_obu_screening: Mapped[bool] = mapped_column(default=False)
    # KUI § 2 k målgruppevurdering to FGU, and the STU law's assessment: apart, each dated.
    fgu_assessed_on: Mapped[date | None] = mapped_column(Date)
    stu_assessed_on: Mapped[date | None] = mapped_column(Date)
    uu_present: Mapped[bool] = mapped_column(default=False)
    turned_away: Mapped[bool] = mapped_column(default=False)  # "vendt i døren"
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


class Conversation(Base):
    """A conversation booked, held, missed or cancelled."""

    __tablename__ = "conversation"
    __table_args__ = (
        Index("ix_conversation_youth", "youth_id", "starts_at"),
        Index("ix_conversation_starts", "starts_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=45)
    mode: Mapped[str] = mapped_column(String(20), default="in_person")
    place: Mapped[str] = mapped_column(String(200), default="")
    participants: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of names/roles
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )
    # Who held it (domain.visitation.HeldBy): decides whether it counts as a jobsamtale.
    # Left out on insert (bulk loaders, an older transfer file): the kind's usual holder.
    held_by: Mapped[str] = mapped_column(String(20), default=_held_by_for_kind)


class ConversationCorrection(Base):
    """A correction of a registered conversation (date, kind, held or not, who held it):
    the values before and after, who corrected it and why."""

    __tablename__ = "conversation_correction"
    __table_args__ = (Index("ix_conversation_correction_conversation", "conversation_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversation.id"))
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    corrected_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )
    corrected_by: Mapped[str] = mapped_column(String(120), default="")
    reason: Mapped[str] = mapped_column(Text)
    before: Mapped[str] = mapped_column(Text)  # JSON: kind, status, starts_at, held_by
    after: Mapped[str] = mapped_column(Text)  # JSON: the same fields as corrected


class CaseEvent(Base):
    """A dated milestone the deadline rules react to (left the plan, contact made, offer
    started, realistic education pointed out …) that is not a conversation."""

    __tablename__ = "case_event"
    __table_args__ = (Index("ix_case_event_youth", "youth_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    kind: Mapped[str] = mapped_column(String(30))
    on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    # left_plan: the day the municipality learned of it (the KUI clock starts then; ``on``
    # is the day the young person left). None for other kinds.
    learned_on: Mapped[date | None] = mapped_column(Date)
    # contact: who was reached (domain.kui.Reached); "" for other kinds and old contacts.
    reached: Mapped[str] = mapped_column(String(10), default="")
    # The catalogue offer an offer's start or end was picked from (Offer.uid); "" if typed.
    offer_uid: Mapped[str] = mapped_column(String(36), default="", server_default="")


class DeadlineRow(Base):
    """A deadline computed by the rule engine, kept per young person and refreshed whenever
    the case changes, so the deadlines overview is one indexed query even at 100,000."""

    __tablename__ = "deadline"
    __table_args__ = (
        Index("ix_deadline_due", "met", "due"),
        Index("ix_deadline_youth", "youth_id"),
        Index("ix_deadline_waivable", "waivable", "exempt"),  # the exempt share (Frister)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    rule_id: Mapped[str] = mapped_column(String(60))
    start: Mapped[date] = mapped_column(Date)
    due: Mapped[date] = mapped_column(Date)
    met: Mapped[bool] = mapped_column()
    met_on: Mapped[date | None] = mapped_column(Date)
    done: Mapped[int] = mapped_column(Integer)
    # Waived by a recorded decision (a row in ``waiver``): counted apart, never overdue.
    exempt: Mapped[bool] = mapped_column(default=False, server_default="0")
    # Applied before the visitation set a target group: final or gone once it is set.
    provisional: Mapped[bool] = mapped_column(default=False, server_default="0")
    # The law lets this deadline be waived (its rule, start day and target group).
    waivable: Mapped[bool] = mapped_column(default=False, server_default="0")


class WaiverRow(Base):
    """A decision exempting one young person from one deadline (the contact course from
    1 July 2026 lets up to 25 % be exempted by a concrete assessment). Never deleted:
    revoking fills the ``revoked_*`` columns, so the history keeps every decision.
    ``start`` is the waived deadline's start day (a rule can give several deadlines)."""

    __tablename__ = "waiver"
    __table_args__ = (Index("ix_waiver_youth", "youth_id", "rule_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    rule_id: Mapped[str] = mapped_column(String(60))
    start: Mapped[date] = mapped_column(Date)
    decided_on: Mapped[date] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(120))
    reason: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(120))  # who entered it, as then
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    revoked_on: Mapped[date | None] = mapped_column(Date)
    revoked_by: Mapped[str] = mapped_column(String(120), default="")
    revoke_reason: Mapped[str] = mapped_column(Text, default="")


class LocalRule(Base):
    """A municipality's local standard (kvalitetsstandard), as a TOML [[rule]] text."""

    __tablename__ = "local_rule"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[str] = mapped_column(String(60), unique=True)
    definition: Mapped[str] = mapped_column(Text)


class IndicatorChoice(Base):
    """A period in which a progression indicator applies to a young person. Choosing it
    opens a period, dropping it closes the period, so the choice keeps its history."""

    __tablename__ = "indicator_choice"
    __table_args__ = (Index("ix_indicator_choice_youth", "youth_id", "indicator"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    indicator: Mapped[str] = mapped_column(String(30))
    chosen_on: Mapped[date] = mapped_column(Date)
    dropped_on: Mapped[date | None] = mapped_column(Date)
    chosen_by: Mapped[str] = mapped_column(String(120), default="")
    dropped_by: Mapped[str] = mapped_column(String(120), default="")


class Measurement(Base):
    """One progression reading on a date, usually taken at a conversation."""

    __tablename__ = "measurement"
    __table_args__ = (Index("ix_measurement_youth", "youth_id", "measured_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    measured_on: Mapped[date] = mapped_column(Date)
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversation.id"))
    recorded_by: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


class MeasurementScore(Base):
    """One indicator's scores in a measurement: the caseworker's, the young person's own
    (either may be missing) and a short comment."""

    __tablename__ = "measurement_score"
    __table_args__ = (
        Index("ix_measurement_score_measurement", "measurement_id"),
        Index("ix_measurement_score_youth", "youth_id", "indicator"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurement.id"))
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    indicator: Mapped[str] = mapped_column(String(30))
    caseworker_score: Mapped[int | None] = mapped_column(Integer)
    youth_score: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class MeasurementCorrection(Base):
    """A correction of a saved measurement: what it was before, who changed it and why."""

    __tablename__ = "measurement_correction"
    __table_args__ = (Index("ix_measurement_correction_measurement", "measurement_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurement.id"))
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    corrected_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )
    corrected_by: Mapped[str] = mapped_column(String(120), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[str] = mapped_column(Text)  # JSON: date and scores before the change


class Plan(Base):
    """The young person's education plan as it is being worked on (the draft). Handed-out
    versions are frozen copies in plan_version."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"), unique=True)
    goal_type: Mapped[str] = mapped_column(String(20), default="")
    programme: Mapped[str] = mapped_column(String(200), default="")
    school: Mapped[str] = mapped_column(String(200), default="")
    goal_start: Mapped[date | None] = mapped_column(Date)
    own_wishes: Mapped[str] = mapped_column(Text, default="")
    challenges: Mapped[str] = mapped_column(Text, default="")
    short_term_goals: Mapped[str] = mapped_column(Text, default="")
    long_term_goals: Mapped[str] = mapped_column(Text, default="")
    health: Mapped[str] = mapped_column(Text, default="")  # needs consent (scope health)
    housing: Mapped[str] = mapped_column(Text, default="")  # needs consent (scope housing)
    family: Mapped[str] = mapped_column(Text, default="")  # needs consent (scope family)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


class PlanSubgoal(Base):
    """A sub-goal (delmål): what, by when, who does it, how far it is, and optionally
    the progression indicator it moves."""

    __tablename__ = "plan_subgoal"
    __table_args__ = (Index("ix_plan_subgoal_youth", "youth_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date)
    owner: Mapped[str] = mapped_column(String(20))  # youth, caseworker, uu, other
    owner_name: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    indicator: Mapped[str] = mapped_column(String(30), default="")


class PlanIntervention(Base):
    """An intervention or offer (indsats/tilbud) in the plan."""

    __tablename__ = "plan_intervention"
    __table_args__ = (Index("ix_plan_intervention_youth", "youth_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    provider: Mapped[str] = mapped_column(String(200), default="")
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    purpose: Mapped[str] = mapped_column(Text, default="")
    # The catalogue offer it was picked from (Offer.uid, stable across laptops); "" if typed.
    offer_uid: Mapped[str] = mapped_column(String(36), default="", server_default="")


class PlanApplication(Base):
    """An application sent or a school/workplace contacted, with its date."""

    __tablename__ = "plan_application"
    __table_args__ = (Index("ix_plan_application_youth", "youth_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    kind: Mapped[str] = mapped_column(String(20))  # application, contact
    place: Mapped[str] = mapped_column(String(200))
    on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class PlanContact(Base):
    """A person around the young person named in the plan: contact person, team member."""

    __tablename__ = "plan_contact"
    __table_args__ = (Index("ix_plan_contact_youth", "youth_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(20))  # contact_person, team
    name: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(254), default="")


class Consent(Base):
    """The young person's consent to content beyond education and work in the plan."""

    __tablename__ = "consent"
    __table_args__ = (Index("ix_consent_youth", "youth_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    given_on: Mapped[date] = mapped_column(Date)
    scope: Mapped[str] = mapped_column(String(100))  # comma-separated: health,housing,family
    note: Mapped[str] = mapped_column(Text, default="")
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(120), default="")
    # Who gave it, as then: "" is the young person alone (an adult, or a record from before
    # custody was kept); for a minor the custody holders who consented are named too.
    given_by: Mapped[str] = mapped_column(Text, default="", server_default="")


class PlanVersion(Base):
    """A handed-out plan, frozen: a trigger refuses UPDATE; only retention deletes it."""

    __tablename__ = "plan_version"
    __table_args__ = (Index("ix_plan_version_youth", "youth_id", "number", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    number: Mapped[int] = mapped_column(Integer)
    handed_out_on: Mapped[date] = mapped_column(Date)
    handed_out_by: Mapped[str] = mapped_column(String(120))
    snapshot: Mapped[str] = mapped_column(Text)  # JSON of the whole plan as handed out
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class RuleSetRow(Base):
    """A rule file loaded after installation (services.rulesets): its text as loaded, so the
    deadlines can be recomputed from it at any later start. The newest row is the one in
    force, unless the rule file shipped with the program is newer (an update wins)."""

    __tablename__ = "rule_set"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[datetime] = mapped_column(DateTime)


class Offer(Base):
    """An offer in the municipality's catalogue (tilbudsvifte). ``uid`` is stable across
    laptops: a catalogue file imported elsewhere updates the same offers by it."""

    __tablename__ = "offer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    provider: Mapped[str] = mapped_column(String(200), default="")
    audiences: Mapped[str] = mapped_column(String(200), default="")  # codes, comma-separated
    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    weeks: Mapped[int | None] = mapped_column(Integer)
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_phone: Mapped[str] = mapped_column(String(30), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    active: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CustodyHolder(Base):
    """A holder of custody (forældremyndighedens indehaver) for a young person under 18,
    with the period they hold it (domain.custody). Ended, never deleted while the case
    lives: the history shows who had custody when."""

    __tablename__ = "custody_holder"
    __table_args__ = (Index("ix_custody_holder_youth", "youth_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    name: Mapped[str] = mapped_column(String(120))
    relation: Mapped[str] = mapped_column(String(20))  # domain.custody.Relation
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    takes_part: Mapped[bool] = mapped_column(default=True)  # takes part in the plan
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(120), default="")


class Handover(Base):
    """One handover of the case with kædeansvar (services.handover). ``outgoing``: this
    installation sent the case and stays responsible until the receiver's receipt is read;
    incoming: this installation received it and can write the receipt. The receipt key is
    the random secret the transfer file carried (inside its encryption): only whoever could
    open the file can make a receipt the sender accepts. Not copied by a transfer (each
    installation keeps its own side)."""

    __tablename__ = "handover"
    __table_args__ = (Index("ix_handover_youth", "youth_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    transfer_id: Mapped[str] = mapped_column(String(32))
    outgoing: Mapped[bool] = mapped_column()
    receipt_key: Mapped[str] = mapped_column(String(64))  # hex, 32 bytes
    status: Mapped[str] = mapped_column(String(20))  # pending, receipted, received
    at: Mapped[datetime] = mapped_column(DateTime)  # sent (outgoing) or received (incoming)
    by: Mapped[str] = mapped_column(String(120), default="")  # this side's caseworker
    other_case_number: Mapped[str] = mapped_column(String(20), default="")
    other_by: Mapped[str] = mapped_column(String(200), default="")  # the other side, per receipt
    receipted_at: Mapped[datetime | None] = mapped_column(DateTime)


class CaseHolder(Base):
    """Who held the case when: one row per period, the open one the current holder, in the
    order they held it (by id). A transfer carries the chain in its handover part, so the
    receiver sees the whole chain."""

    __tablename__ = "case_holder"
    __table_args__ = (Index("ix_case_holder_youth", "youth_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    holder: Mapped[str] = mapped_column(String(200))  # caseworker name and unit, as then
    since: Mapped[datetime] = mapped_column(DateTime)
    until: Mapped[datetime | None] = mapped_column(DateTime)
    how: Mapped[str] = mapped_column(String(20))  # received, handed_over (the period's start)


# Feature tables kept in their own modules register themselves on Base.metadata here, so
# every user of the metadata (migrations, the access export, restore) sees all tables.
from ungedesk.store import restgruppe_tables as _restgruppe_tables  # noqa: E402, F401

# The management figures' derived per-case facts (kept ready by services.figure_cases).
from ungedesk.store.figure_tables import FigureCase as FigureCase  # noqa: E402
from ungedesk.store.follow_up_tables import FollowUp as FollowUp  # noqa: E402

# The team's tables live in their own module (this one is at its size limit); imported here
# so that every user of the metadata (migrations, the right-of-access export) sees them.
from ungedesk.store.team_models import Actor as Actor  # noqa: E402
from ungedesk.store.team_models import TeamMember as TeamMember  # noqa: E402
