"""Rule files loaded after installation (a newer legal rule set than the shipped one).

Revision ID: 0009_rulesets
Revises: 0008_convs
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_rulesets"
down_revision = "0008_convs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rule_set",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.Date, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("loaded_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("rule_set")
