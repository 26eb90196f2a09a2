"""Visitation, target-group history, conversations, case events, deadlines, local rules.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "target_group_entry",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id"), nullable=False),
        sa.Column("valid_from", sa.Date, nullable=False),
        sa.Column("target_group", sa.String(20), nullable=False),
        sa.Column("sub_assessment", sa.String(30), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, server_default=sa.func.current_timestamp(), nullable=False),
    )
    op.create_index("ix_target_group_youth", "target_group_entry", ["youth_id", "valid_from"])
    op.create_table(
        "visitation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id"), nullable=False, unique=True),
        sa.Column("visited_on", sa.Date, nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("paalaeg_given_on", sa.Date),
        sa.Column("paalaeg_education", sa.String(200), nullable=False),
        sa.Column("paalaeg_deadline", sa.Date),
        sa.Column("fvu_obu_screening", sa.Boolean, nullable=False),
        sa.Column("youth_assessment", sa.String(10), nullable=False),
        sa.Column("uu_present", sa.Boolean, nullable=False),
        sa.Column("turned_away", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime, server_default=sa.func.current_timestamp(), nullable=False),
    )
    op.create_table(
        "conversation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("starts_at", sa.DateTime, nullable=False),
        sa.Column("duration_minutes", sa.Integer, nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("participants", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("updated_at", sa.DateTime, server_default=sa.func.current_timestamp(), nullable=False),
    )
    op.create_index("ix_conversation_youth", "conversation", ["youth_id", "starts_at"])
    op.create_index("ix_conversation_starts", "conversation", ["starts_at"])
    op.create_table(
        "case_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id"), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("on", sa.Date, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_index("ix_case_event_youth", "case_event", ["youth_id", "kind"])
    op.create_table(
        "deadline",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id"), nullable=False),
        sa.Column("rule_id", sa.String(60), nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("met", sa.Boolean, nullable=False),
        sa.Column("met_on", sa.Date),
        sa.Column("done", sa.Integer, nullable=False),
    )
    op.create_index("ix_deadline_due", "deadline", ["met", "due"])
    op.create_index("ix_deadline_youth", "deadline", ["youth_id"])
    op.create_table(
        "local_rule",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("rule_id", sa.String(60), nullable=False, unique=True),
        sa.Column("definition", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("local_rule", "deadline", "case_event", "conversation", "visitation",
                  "target_group_entry"):
        op.drop_table(table)
