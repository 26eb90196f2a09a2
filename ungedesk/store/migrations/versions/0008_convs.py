"""Conversations: who held them, corrections with their history; KUI contact details.

- conversation.held_by: the employment side (beskæftigelsesindsatsen), UU alone or both.
  Only the employment side, alone or jointly, holds jobsamtaler (LAB § 31). Existing rows
  get the value that keeps their meaning: until now every held first conversation,
  jobsamtale, follow-up and joint UU conversation counted as a jobsamtale, so "Fællessamtale
  med UU" becomes "joint" (the kind says so) and every other kind "employment". Both count,
  so no stored deadline changes and none needs recomputing here. A follow-up that UU in
  fact held alone must be corrected by hand ("Ret samtale…"), with a reason, in the log;
  guessing it from the participants would silently turn met deadlines overdue.
- conversation_correction: the values before and after each correction, by whom and why.
- case_event.learned_on: for "left the plan", the day the municipality learned of it, from
  which the KUI 5-working-day clock runs. Existing rows get their own date (the only date
  recorded, and the one the clock ran from until now).
- case_event.reached: for "contact", who was reached (youth, parents, both). Existing
  contacts keep "" (not recorded), which still meets the deadline as it did when saved.

Revision ID: 0008_convs
Revises: 0007_waivers
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_convs"
down_revision = "0007_waivers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversation") as batch:
        batch.add_column(
            sa.Column("held_by", sa.String(20), nullable=False, server_default="employment")
        )
    op.execute("UPDATE conversation SET held_by = 'joint' WHERE kind = 'joint_uu'")
    op.create_table(
        "conversation_correction",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "conversation_id", sa.Integer, sa.ForeignKey("conversation.id"), nullable=False
        ),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id"), nullable=False),
        sa.Column(
            "corrected_at",
            sa.DateTime,
            server_default=sa.func.current_timestamp(),
            nullable=False,
        ),
        sa.Column("corrected_by", sa.String(120), nullable=False, server_default=""),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("after", sa.Text, nullable=False),
    )
    op.create_index(
        "ix_conversation_correction_conversation", "conversation_correction", ["conversation_id"]
    )
    with op.batch_alter_table("case_event") as batch:
        batch.add_column(sa.Column("learned_on", sa.Date))
        batch.add_column(sa.Column("reached", sa.String(10), nullable=False, server_default=""))
    op.execute('UPDATE case_event SET learned_on = "on" WHERE kind = \'left_plan\'')


def downgrade() -> None:
    with op.batch_alter_table("case_event") as batch:
        batch.drop_column("reached")
        batch.drop_column("learned_on")
    op.drop_index("ix_conversation_correction_conversation", "conversation_correction")
    op.drop_table("conversation_correction")
    with op.batch_alter_table("conversation") as batch:
        batch.drop_column("held_by")
