"""Caseworkers, settings and the young-person register.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "caseworker",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("initials", sa.String(10), nullable=False, unique=True),
        sa.Column("unit", sa.String(100), nullable=False),
        sa.Column("role", sa.String(30), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("phone", sa.String(30), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column(
            "created_at", sa.DateTime, server_default=sa.func.current_timestamp(), nullable=False
        ),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "youth",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cpr", sa.String(10), nullable=False, unique=True),
        sa.Column("case_number", sa.String(20), nullable=False, unique=True),
        sa.Column("first_name", sa.String(100), nullable=False),
        sa.Column("last_name", sa.String(100), nullable=False),
        sa.Column("birth_date", sa.Date, nullable=False),
        sa.Column("legal_sex", sa.String(1), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("postal_code", sa.String(4), nullable=False),
        sa.Column("city", sa.String(60), nullable=False),
        sa.Column("phone", sa.String(30), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("henvendelse_date", sa.Date, nullable=False),
        sa.Column("benefit", sa.String(30), nullable=False),
        sa.Column("education", sa.String(30), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("caseworker_id", sa.Integer, sa.ForeignKey("caseworker.id")),
        sa.Column("created_by_id", sa.Integer, sa.ForeignKey("caseworker.id")),
        sa.Column(
            "created_at", sa.DateTime, server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime, server_default=sa.func.current_timestamp(), nullable=False
        ),
    )
    op.create_index("ix_youth_caseworker", "youth", ["caseworker_id"])
    op.create_index("ix_youth_status", "youth", ["status"])


def downgrade() -> None:
    op.drop_table("youth")
    op.drop_table("setting")
    op.drop_table("caseworker")
