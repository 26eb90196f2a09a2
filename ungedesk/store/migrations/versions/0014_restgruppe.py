"""The coordination group's monthly lists (restgruppe): lists, entries and contact attempts.

Revision ID: 0014_restgruppe
Revises: 0011_offer_catalogue
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_restgruppe"
down_revision = "0011_offer_catalogue"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Spelled out, not imported from the models: a migration stays as it was written.
    op.create_table(
        "restgruppe_list",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("month", sa.String(7), nullable=False, unique=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("encoding", sa.String(20), nullable=False),
        sa.Column("row_count", sa.Integer, nullable=False),
        sa.Column("imported_by", sa.String(120), nullable=False),
        sa.Column(
            "imported_at", sa.DateTime, nullable=False, server_default=sa.func.current_timestamp()
        ),
    )
    op.create_table(
        "restgruppe_entry",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "list_id",
            sa.Integer,
            sa.ForeignKey("restgruppe_list.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("cpr", sa.String(10), nullable=False),
        sa.Column("birth_date", sa.Date, nullable=False),
        sa.Column("first_name", sa.String(100), nullable=False),
        sa.Column("last_name", sa.String(100), nullable=False),
        sa.Column("school", sa.String(200), nullable=False),
        sa.Column("status", sa.String(200), nullable=False),
        sa.Column("listed_on", sa.Date),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id", ondelete="SET NULL")),
        sa.Column("misplaced_reason", sa.Text, nullable=False),
        sa.Column("action_owner", sa.String(120), nullable=False),
        sa.Column("contact_status", sa.String(20), nullable=False),
        sa.Column("next_step", sa.Text, nullable=False),
        sa.Column("next_step_on", sa.Date),
        sa.Column("sanction_reason", sa.Text, nullable=False),
        sa.Column("sanction_decided_by", sa.String(120), nullable=False),
        sa.Column("back_in_education_on", sa.Date),
    )
    op.create_index("ix_restgruppe_entry_list", "restgruppe_entry", ["list_id", "cpr"], unique=True)
    op.create_index("ix_restgruppe_entry_cpr", "restgruppe_entry", ["cpr"])
    op.create_table(
        "restgruppe_attempt",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "entry_id",
            sa.Integer,
            sa.ForeignKey("restgruppe_entry.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id", ondelete="SET NULL")),
        sa.Column("on", sa.Date, nullable=False),
        sa.Column("how", sa.String(20), nullable=False),
        sa.Column("reached", sa.String(10), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("recorded_by", sa.String(120), nullable=False),
    )
    op.create_index("ix_restgruppe_attempt_entry", "restgruppe_attempt", ["entry_id"])


def downgrade() -> None:
    op.drop_table("restgruppe_attempt")
    op.drop_table("restgruppe_entry")
    op.drop_table("restgruppe_list")
