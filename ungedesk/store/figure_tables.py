"""Each case's facts for the management figures, kept ready (migration 0017).

Derived, never the truth: one row per case with what the figures count from (dates, exit,
the target-group history, the first conversation held, the offers, "vendt i døren"), the
lists folded into text so a month's figures read one indexed range of one table.
Triggers in the migration drop a row whenever anything it was derived from changes, and
``services.figure_cases`` derives the missing rows before figures are read. models.py
imports this module at its end, so ``Base.metadata`` holds the table.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ungedesk.store.models import Base


class FigureCase(Base):
    __tablename__ = "figure_case"
    __table_args__ = (
        Index("ix_figure_case_closed_on", "closed_on"),
        Index("ix_figure_case_caseworker", "caseworker_id"),
    )

    # No foreign key: the triggers remove the row with its case.
    youth_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    caseworker_id: Mapped[int | None] = mapped_column(Integer)
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    exit_reason: Mapped[str] = mapped_column(String(40))
    # "YYYY-MM-DD code" per target-group entry, comma-separated, in date order.
    groups: Mapped[str] = mapped_column(Text)
    first_held_on: Mapped[date | None] = mapped_column(Date)
    # "YYYY-MM-DD YYYY-MM-DD" (start, end; "-" while running) per offer, comma-separated.
    offers: Mapped[str] = mapped_column(Text)
    turned_away: Mapped[bool] = mapped_column(Boolean)
