"""Actors (interessenter), the young person's team, and a caseworker's title.

- actor: units and people the team works with (domain.team), with role and contact.
- team_member: an actor or a caseworker on one young person's team, with a role and the
  dates they were on it; exactly one of actor_id and caseworker_id (a CHECK says so).
- caseworker.title: shown with the phone and e-mail on the plan and in the record header.

Revision ID: 0012_actors_team
Revises: 0013_custody_handover
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_actors_team"
down_revision = "0013_custody_handover"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite's own ADD COLUMN: no batch copy of the table every other one points at.
    op.add_column(
        "caseworker", sa.Column("title", sa.String(100), nullable=False, server_default="")
    )
    op.create_table(
        "actor",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("organisation", sa.String(120), nullable=False),
        sa.Column("role", sa.String(30), nullable=False),
        sa.Column("responsibilities", sa.Text, nullable=False),
        sa.Column("phone", sa.String(30), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, server_default=sa.func.current_timestamp()),
    )
    op.create_index("ix_actor_name", "actor", ["name"])
    op.create_table(
        "team_member",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("youth_id", sa.Integer, sa.ForeignKey("youth.id"), nullable=False),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("actor.id")),
        sa.Column("caseworker_id", sa.Integer, sa.ForeignKey("caseworker.id")),
        sa.Column("role", sa.String(30), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("from_date", sa.Date, nullable=False),
        sa.Column("to_date", sa.Date),
        sa.Column("created_at", sa.DateTime, server_default=sa.func.current_timestamp()),
        sa.CheckConstraint(
            "(actor_id IS NULL) <> (caseworker_id IS NULL)", name="ck_team_member_one_who"
        ),
    )
    op.create_index("ix_team_member_youth", "team_member", ["youth_id", "to_date"])


def downgrade() -> None:
    op.drop_index("ix_team_member_youth", "team_member")
    op.drop_table("team_member")
    op.drop_index("ix_actor_name", "actor")
    op.drop_table("actor")
    op.drop_column("caseworker", "title")
