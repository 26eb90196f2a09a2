"""The KUI målgruppevurdering to FGU and the STU assessment apart, each with its date.

Until now one column (youth_assessment: "", "fgu" or "stu") held both, as if STU were
assessed under the KUI law; STU is assessed under the STU law. Existing rows keep what they
said: "fgu" becomes fgu_assessed_on and "stu" stu_assessed_on, dated with the visitation
date, the only date recorded with them.

Revision ID: 0006_texts
Revises: 0005
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_texts"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visitation") as batch:
        batch.add_column(sa.Column("fgu_assessed_on", sa.Date))
        batch.add_column(sa.Column("stu_assessed_on", sa.Date))
    op.execute("UPDATE visitation SET fgu_assessed_on = visited_on WHERE youth_assessment = 'fgu'")
    op.execute("UPDATE visitation SET stu_assessed_on = visited_on WHERE youth_assessment = 'stu'")
    with op.batch_alter_table("visitation") as batch:
        batch.drop_column("youth_assessment")


def downgrade() -> None:
    with op.batch_alter_table("visitation") as batch:
        batch.add_column(
            sa.Column("youth_assessment", sa.String(10), nullable=False, server_default="")
        )
    # The old column held one of the two; the STU assessment is the weightier decision.
    op.execute("UPDATE visitation SET youth_assessment = 'fgu' WHERE fgu_assessed_on IS NOT NULL")
    op.execute("UPDATE visitation SET youth_assessment = 'stu' WHERE stu_assessed_on IS NOT NULL")
    with op.batch_alter_table("visitation") as batch:
        batch.drop_column("stu_assessed_on")
        batch.drop_column("fgu_assessed_on")
