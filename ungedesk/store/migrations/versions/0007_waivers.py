"""Waivers (deadlines exempted for one young person by a recorded decision) and the
deadline rows' exempt and provisional flags.

Revision ID: 0007_waivers
Revises: 0006_texts
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_waivers"
down_revision = "0006_texts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "waiver",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id"), nullable=False),
        sa.Column("rule_id", sa.String(60), nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("decided_on", sa.Date, nullable=False),
        sa.Column("decided_by", sa.String(120), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("recorded_by", sa.String(120), nullable=False),
        sa.Column(
            "created_at", sa.DateTime, server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.Column("revoked_on", sa.Date),
        sa.Column("revoked_by", sa.String(120), nullable=False),
        sa.Column("revoke_reason", sa.Text, nullable=False),
    )
    op.create_index("ix_waiver_youth", "waiver", ["youth_id", "rule_id"])
    # Existing rows are neither exempt nor provisional until the next refresh says so.
    # (ADD COLUMN, not a table copy: the deadline table can hold a million rows.)
    op.add_column("deadline", sa.Column("exempt", sa.Boolean, nullable=False, server_default="0"))
    op.add_column(
        "deadline", sa.Column("provisional", sa.Boolean, nullable=False, server_default="0")
    )
    op.add_column("deadline", sa.Column("waivable", sa.Boolean, nullable=False, server_default="0"))
    # The Frister view counts the exempt share of the deadlines the law lets be waived.
    op.create_index("ix_deadline_waivable", "deadline", ["waivable", "exempt"])


def downgrade() -> None:
    op.drop_index("ix_deadline_waivable", "deadline")
    with op.batch_alter_table("deadline") as batch:
        batch.drop_column("waivable")
        batch.drop_column("provisional")
        batch.drop_column("exempt")
    op.drop_index("ix_waiver_youth", "waiver")
    op.drop_table("waiver")
