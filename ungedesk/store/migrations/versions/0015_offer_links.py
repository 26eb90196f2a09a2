"""A plan's intervention and a case event (an offer started or ended) remember the
catalogue offer they were picked from.

The offer's uid, not its row id: a case transferred to another laptop (transfer files
carry every column) keeps pointing at the same offer there, where row ids differ. Empty
when the text was typed freely.

Revision ID: 0015_offer_links
Revises: 0012_actors_team
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_offer_links"
down_revision = "0012_actors_team"
branch_labels = None
depends_on = None

TABLES = ("plan_intervention", "case_event")


def upgrade() -> None:
    # SQLite's own ADD COLUMN: no copy of the tables (and of every case's rows).
    for table in TABLES:
        op.add_column(
            table, sa.Column("offer_uid", sa.String(36), nullable=False, server_default="")
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_column(table, "offer_uid")
