"""Custody holders for minors, handover with kædeansvar, and who gave a consent.

- custody_holder: forældremyndighedens indehaver for a young person under 18, with period;
- handover: this installation's side of a handover (sent and awaiting a receipt, or
  received), with the receipt key the transfer file carried;
- case_holder: who held the case when (the chain a handover extends);
- consent.given_by: who gave a consent ("" the young person alone, as before).

Revision ID: 0013_custody_handover
Revises: 0014_restgruppe
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_custody_handover"
down_revision = "0014_restgruppe"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Spelled out, not imported from the models: a migration stays as it was written.
    op.create_table(
        "custody_holder",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id"), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("relation", sa.String(20), nullable=False),
        sa.Column("phone", sa.String(30), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("takes_part", sa.Boolean, nullable=False),
        sa.Column("valid_from", sa.Date, nullable=False),
        sa.Column("valid_to", sa.Date),
        sa.Column("recorded_by", sa.String(120), nullable=False),
    )
    op.create_index("ix_custody_holder_youth", "custody_holder", ["youth_id"])
    op.create_table(
        "handover",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id"), nullable=False),
        sa.Column("transfer_id", sa.String(32), nullable=False),
        sa.Column("outgoing", sa.Boolean, nullable=False),
        sa.Column("receipt_key", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("by", sa.String(120), nullable=False),
        sa.Column("other_case_number", sa.String(20), nullable=False),
        sa.Column("other_by", sa.String(200), nullable=False),
        sa.Column("receipted_at", sa.DateTime),
    )
    op.create_index("ix_handover_youth", "handover", ["youth_id"])
    op.create_table(
        "case_holder",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id"), nullable=False),
        sa.Column("holder", sa.String(200), nullable=False),
        sa.Column("since", sa.DateTime, nullable=False),
        sa.Column("until", sa.DateTime),
        sa.Column("how", sa.String(20), nullable=False),
    )
    op.create_index("ix_case_holder_youth", "case_holder", ["youth_id"])
    # SQLite's own ADD COLUMN, not a batch copy: rebuilding consent is needless.
    op.add_column(
        "consent", sa.Column("given_by", sa.Text, nullable=False, server_default="")
    )


def downgrade() -> None:
    op.drop_column("consent", "given_by")
    for table in ("case_holder", "handover", "custody_holder"):
        op.drop_index(f"ix_{table}_youth", table)
        op.drop_table(table)
