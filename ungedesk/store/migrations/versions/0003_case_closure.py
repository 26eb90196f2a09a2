"""Case closure: when a case closed and why (needed for retention and exit figures).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("youth") as batch:
        batch.add_column(sa.Column("closed_on", sa.Date))
        batch.add_column(sa.Column("exit_reason", sa.String(30), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("youth") as batch:
        batch.drop_column("exit_reason")
        batch.drop_column("closed_on")
