"""What became of a young person after the case ended: the dated follow-ups (issue 17).

"Of those who left for education or a job, how many came back on benefits within 6 and 12
months" needs to know, after the case has closed, whether and when the young person was
back on a benefit. One row per look at it: the day it was checked and, if they were back,
the day they came back. models.py imports this module at its end, so ``Base.metadata``
holds the table.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from ungedesk.store.models import Base


class FollowUp(Base):
    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_youth", "youth_id", "checked_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youth.id"))
    checked_on: Mapped[date] = mapped_column(Date)
    returned_on: Mapped[date | None] = mapped_column(Date)  # None: not back on a benefit
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(120))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
