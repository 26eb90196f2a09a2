"""The team's tables: actors (interessenter) and the members of a young person's team
(domain.team). Kept apart from models.py, which imports this module at its end."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from ungedesk.store.models import Base


class Actor(Base):
    """A unit or person the team works with (domain.team). Not about a young person: the
    link to one is a team_member row."""

    __tablename__ = "actor"
    __table_args__ = (Index("ix_actor_name", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(120))
    organisation: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(30))
    responsibilities: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class TeamMember(Base):
    """An actor or a caseworker on one young person's team, with a role, from a date until
    a date (None: still on the team). Exactly one of actor_id and caseworker_id is set."""

    __tablename__ = "team_member"
    __table_args__ = (
        Index("ix_team_member_youth", "youth_id", "to_date"),
        CheckConstraint(
            "(actor_id IS NULL) <> (caseworker_id IS NULL)", name="ck_team_member_one_who"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actor.id"))
    caseworker_id: Mapped[int | None] = mapped_column(ForeignKey("caseworker.id"))
    role: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    from_date: Mapped[date] = mapped_column(Date)
    to_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
