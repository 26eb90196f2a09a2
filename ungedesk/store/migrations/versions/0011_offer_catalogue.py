"""The offers catalogue (tilbudsvifte), seeded with the generic starter catalogue.

The starter offers come from resources/offers/starter.toml as it is when the store is
migrated: invented providers, no contact details, fixed uids (so a catalogue file moved
between two laptops updates the same starter offers instead of doubling them).

Revision ID: 0011_offer_catalogue
Revises: 0010_register_keys
Create Date: 2026-12-02
"""

import tomllib
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from ungedesk.resources import RESOURCES

revision = "0011_offer_catalogue"
down_revision = "0010_register_keys"
branch_labels = None
depends_on = None

STARTER = RESOURCES / "offers" / "starter.toml"


def upgrade() -> None:
    # Spelled out, not imported from the models: a migration stays as it was written.
    offer = op.create_table(
        "offer",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("provider", sa.String(200), nullable=False),
        sa.Column("audiences", sa.String(200), nullable=False),
        sa.Column("min_age", sa.Integer),
        sa.Column("max_age", sa.Integer),
        sa.Column("weeks", sa.Integer),
        sa.Column("contact_name", sa.String(200), nullable=False),
        sa.Column("contact_phone", sa.String(30), nullable=False),
        sa.Column("contact_email", sa.String(254), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = tomllib.loads(STARTER.read_text(encoding="utf-8")).get("offer", [])
    op.bulk_insert(
        offer,
        [
            {
                "uid": r["uid"],
                "name": r["name"],
                "kind": r["kind"],
                "provider": r.get("provider", ""),
                "audiences": ",".join(r.get("audiences", [])),
                "min_age": r.get("min_age"),
                "max_age": r.get("max_age"),
                "weeks": r.get("weeks"),
                "contact_name": "",
                "contact_phone": "",
                "contact_email": "",
                "active": True,
                "notes": r.get("notes", ""),
                "created_at": now,
                "updated_at": now,
            }
            for r in rows
        ],
    )


def downgrade() -> None:
    op.drop_table("offer")
