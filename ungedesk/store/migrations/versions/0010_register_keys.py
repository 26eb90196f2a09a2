"""The register's stored texts: a Danish name sort key and the two search haystacks.

- youth.register_sort: domain.search.name_sort_key (last name, then first name, Danish
  order, as one text), with an index on (register_sort, id) that also covers every column
  the register list shows: the register's first page is one indexed query instead of
  reading and sorting every young person, and the whole list reads the index alone.
- youth.register_text and youth.register_digits: the haystacks the register's search uses
  (folded name and case number; CPR and case-number digits), so a search before the
  in-memory index is ready runs in SQL, and the index is read without folding anything.
Existing rows are filled here, and the folding's version is recorded (setting
``register.keys_version``), so a later change of the folding recomputes them once.

Revision ID: 0010_register_keys
Revises: 0009_rulesets
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from ungedesk.store import register_keys

revision = "0010_register_keys"
down_revision = "0009_rulesets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("youth") as batch:
        batch.add_column(sa.Column("register_sort", sa.Text))
        batch.add_column(sa.Column("register_text", sa.Text))
        batch.add_column(sa.Column("register_digits", sa.Text))
    register_keys.fill(op.get_bind())
    # Spelled out, not imported from the models: a migration stays as it was written.
    op.create_index(
        "ix_youth_register",
        "youth",
        [
            "register_sort",
            "id",
            "register_text",
            "register_digits",
            "case_number",
            "first_name",
            "last_name",
            "birth_date",
            "henvendelse_date",
            "status",
            "caseworker_id",
        ],
    )


def downgrade() -> None:
    op.drop_index("ix_youth_register", "youth")
    # SQLite's own DROP COLUMN, not a batch copy of the table: rebuilding youth would drop
    # the table every other one points at, which its foreign keys refuse.
    for column in ("register_digits", "register_text", "register_sort"):
        op.drop_column("youth", column)
    op.execute(f"DELETE FROM setting WHERE key = '{register_keys.SETTING}'")
