"""Dated follow-ups after a case ends: was the young person back on a benefit, and when.

Revision ID: 0016_follow_up
Revises: 0015_offer_links
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_follow_up"
down_revision = "0015_offer_links"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Spelled out, not imported from the models: a migration stays as it was written.
    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id"), nullable=False),
        sa.Column("checked_on", sa.Date, nullable=False),
        sa.Column("returned_on", sa.Date),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("recorded_by", sa.String(120), nullable=False),
        sa.Column(
            "recorded_at", sa.DateTime, nullable=False, server_default=sa.func.current_timestamp()
        ),
    )
    op.create_index("ix_follow_up_youth", "follow_up", ["youth_id", "checked_on"])


def downgrade() -> None:
    op.drop_table("follow_up")
