"""The coordination group's monthly lists of 15-17-year-olds outside education (restgruppe).

Apart from models.py because they are a feature of their own that no other table points at;
models.py imports this module at its end, so ``Base.metadata`` always holds these tables.

A list's entries keep the CPR number and name as the file had them, also for young people
who are not registered: the group reviews them too, and registering one later finds them by
CPR. They are personal data under the same encryption and retention as the rest.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from ungedesk.store.models import Base


class RestgruppeList(Base):
    """One month's list as imported; at most one per month (a new import replaces it)."""

    __tablename__ = "restgruppe_list"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[str] = mapped_column(String(7), unique=True)  # "2026-11"
    fingerprint: Mapped[str] = mapped_column(String(64))  # domain.restgruppe_csv.fingerprint
    encoding: Mapped[str] = mapped_column(String(20))
    row_count: Mapped[int] = mapped_column(Integer)
    imported_by: Mapped[str] = mapped_column(String(120))
    imported_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class RestgruppeEntry(Base):
    """A young person on a month's list, with what the group decided at the meeting."""

    __tablename__ = "restgruppe_entry"
    __table_args__ = (
        Index("ix_restgruppe_entry_list", "list_id", "cpr", unique=True),
        Index("ix_restgruppe_entry_cpr", "cpr"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("restgruppe_list.id", ondelete="CASCADE"))
    line: Mapped[int] = mapped_column(Integer)
    cpr: Mapped[str] = mapped_column(String(10))
    birth_date: Mapped[date] = mapped_column(Date)
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    school: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(200), default="")
    listed_on: Mapped[date | None] = mapped_column(Date)
    youth_id: Mapped[int | None] = mapped_column(ForeignKey("youth.id", ondelete="SET NULL"))
    # The meeting's review (domain.restgruppe): misplaced rows are out of the count.
    misplaced_reason: Mapped[str] = mapped_column(Text, default="")
    action_owner: Mapped[str] = mapped_column(String(120), default="")
    contact_status: Mapped[str] = mapped_column(String(20), default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    next_step_on: Mapped[date | None] = mapped_column(Date)
    sanction_reason: Mapped[str] = mapped_column(Text, default="")
    sanction_decided_by: Mapped[str] = mapped_column(String(120), default="")
    back_in_education_on: Mapped[date | None] = mapped_column(Date)


class RestgruppeAttempt(Base):
    """One try to reach a young person on the list (or their parents)."""

    __tablename__ = "restgruppe_attempt"
    __table_args__ = (Index("ix_restgruppe_attempt_entry", "entry_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("restgruppe_entry.id", ondelete="CASCADE"))
    # The entry's young person once registered, so the right-of-access export finds it.
    youth_id: Mapped[int | None] = mapped_column(ForeignKey("youth.id", ondelete="SET NULL"))
    on: Mapped[date] = mapped_column(Date)
    how: Mapped[str] = mapped_column(String(20))
    reached: Mapped[str] = mapped_column(String(10), default="")  # domain.kui.Reached
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(120))
