"""Progression (indicator choices, measurements, corrections) and the education plan
(draft, sub-goals, interventions, applications, contacts, consent, handed-out versions).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer, primary_key=True)


def _youth(unique: bool = False) -> sa.Column[int]:
    return sa.Column(
        "youth_id", sa.Integer, sa.ForeignKey("youth.id"), nullable=False, unique=unique
    )


def _now(name: str) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime, server_default=sa.func.current_timestamp(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "indicator_choice",
        _id(),
        _youth(),
        sa.Column("indicator", sa.String(30), nullable=False),
        sa.Column("chosen_on", sa.Date, nullable=False),
        sa.Column("dropped_on", sa.Date),
        sa.Column("chosen_by", sa.String(120), nullable=False),
        sa.Column("dropped_by", sa.String(120), nullable=False),
    )
    op.create_index("ix_indicator_choice_youth", "indicator_choice", ["youth_id", "indicator"])
    op.create_table(
        "measurement",
        _id(),
        _youth(),
        sa.Column("measured_on", sa.Date, nullable=False),
        sa.Column("conversation_id", sa.Integer, sa.ForeignKey("conversation.id")),
        sa.Column("recorded_by", sa.String(120), nullable=False),
        _now("created_at"),
        _now("updated_at"),
    )
    op.create_index("ix_measurement_youth", "measurement", ["youth_id", "measured_on"])
    op.create_table(
        "measurement_score",
        _id(),
        sa.Column("measurement_id", sa.Integer, sa.ForeignKey("measurement.id"), nullable=False),
        _youth(),
        sa.Column("indicator", sa.String(30), nullable=False),
        sa.Column("caseworker_score", sa.Integer),
        sa.Column("youth_score", sa.Integer),
        sa.Column("comment", sa.Text, nullable=False),
    )
    op.create_index(
        "ix_measurement_score_measurement", "measurement_score", ["measurement_id"]
    )
    op.create_index("ix_measurement_score_youth", "measurement_score", ["youth_id", "indicator"])
    op.create_table(
        "measurement_correction",
        _id(),
        sa.Column("measurement_id", sa.Integer, sa.ForeignKey("measurement.id"), nullable=False),
        _youth(),
        _now("corrected_at"),
        sa.Column("corrected_by", sa.String(120), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("before", sa.Text, nullable=False),
    )
    op.create_index(
        "ix_measurement_correction_measurement", "measurement_correction", ["measurement_id"]
    )
    op.create_table(
        "plan",
        _id(),
        _youth(unique=True),
        sa.Column("goal_type", sa.String(20), nullable=False),
        sa.Column("programme", sa.String(200), nullable=False),
        sa.Column("school", sa.String(200), nullable=False),
        sa.Column("goal_start", sa.Date),
        sa.Column("own_wishes", sa.Text, nullable=False),
        sa.Column("challenges", sa.Text, nullable=False),
        sa.Column("short_term_goals", sa.Text, nullable=False),
        sa.Column("long_term_goals", sa.Text, nullable=False),
        sa.Column("health", sa.Text, nullable=False),
        sa.Column("housing", sa.Text, nullable=False),
        sa.Column("family", sa.Text, nullable=False),
        _now("updated_at"),
    )
    op.create_table(
        "plan_subgoal",
        _id(),
        _youth(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("due", sa.Date),
        sa.Column("owner", sa.String(20), nullable=False),
        sa.Column("owner_name", sa.String(120), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("indicator", sa.String(30), nullable=False),
    )
    op.create_index("ix_plan_subgoal_youth", "plan_subgoal", ["youth_id"])
    op.create_table(
        "plan_intervention",
        _id(),
        _youth(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("provider", sa.String(200), nullable=False),
        sa.Column("starts_on", sa.Date),
        sa.Column("ends_on", sa.Date),
        sa.Column("purpose", sa.Text, nullable=False),
    )
    op.create_index("ix_plan_intervention_youth", "plan_intervention", ["youth_id"])
    op.create_table(
        "plan_application",
        _id(),
        _youth(),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("on", sa.Date, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_index("ix_plan_application_youth", "plan_application", ["youth_id"])
    op.create_table(
        "plan_contact",
        _id(),
        _youth(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("title", sa.String(120), nullable=False),
        sa.Column("phone", sa.String(30), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
    )
    op.create_index("ix_plan_contact_youth", "plan_contact", ["youth_id"])
    op.create_table(
        "consent",
        _id(),
        _youth(),
        sa.Column("given_on", sa.Date, nullable=False),
        sa.Column("scope", sa.String(100), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("withdrawn_on", sa.Date),
        sa.Column("recorded_by", sa.String(120), nullable=False),
    )
    op.create_index("ix_consent_youth", "consent", ["youth_id"])
    op.create_table(
        "plan_version",
        _id(),
        _youth(),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("handed_out_on", sa.Date, nullable=False),
        sa.Column("handed_out_by", sa.String(120), nullable=False),
        sa.Column("snapshot", sa.Text, nullable=False),
        _now("created_at"),
    )
    op.create_index("ix_plan_version_youth", "plan_version", ["youth_id", "number"], unique=True)
    # A handed-out version is what the young person holds: it never changes afterwards.
    op.execute(
        "CREATE TRIGGER plan_version_no_update BEFORE UPDATE ON plan_version "
        "BEGIN SELECT RAISE(ABORT, 'a handed-out plan version cannot change'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER plan_version_no_update")
    for table in (
        "plan_version",
        "consent",
        "plan_contact",
        "plan_application",
        "plan_intervention",
        "plan_subgoal",
        "plan",
        "measurement_correction",
        "measurement_score",
        "measurement",
        "indicator_choice",
    ):
        op.drop_table(table)
