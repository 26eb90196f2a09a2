"""The audit log: append-only, hash-chained access events.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor_id", sa.Integer),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("youth_id", sa.Integer),
        sa.Column("subject", sa.String(60), nullable=False),
        sa.Column("criterion", sa.Text, nullable=False),
        sa.Column("purpose", sa.Text, nullable=False),
        sa.Column("special", sa.Boolean, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_youth", "audit_event", ["youth_id"])
    op.create_index("ix_audit_at", "audit_event", ["at"])
    op.create_index("ix_audit_actor", "audit_event", ["actor_id"])
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("purged_before", sa.String(32), nullable=False),
        sa.Column("anchor_hash", sa.String(64), nullable=False),
        sa.Column("last_id", sa.Integer, nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
    )
    op.execute(
        "INSERT INTO audit_head (id, purged_before, anchor_hash, last_id, last_hash) "
        "VALUES (1, '', '', 0, '')"
    )
    # Append-only in the database itself: no UPDATE ever, DELETE only of rows not newer than
    # the purge mark, which only the retention purge moves (and logs).
    op.execute(
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
        "WHEN OLD.at > (SELECT purged_before FROM audit_head WHERE id = 1) "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head "
        "BEGIN SELECT RAISE(ABORT, 'audit head cannot be removed'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER audit_head_no_delete")
    op.execute("DROP TRIGGER audit_event_no_delete")
    op.execute("DROP TRIGGER audit_event_no_update")
    op.drop_table("audit_head")
    op.drop_table("audit_event")
