"""Each case's facts for the management figures, kept ready (issue 17).

A month's figures at 100,000 young people read the facts of every case open in it: the
target-group history, the first conversation held, the offers and the visitation's "vendt
i døren". Read from their own tables that costs seconds; ``figure_case`` keeps one row per
case with those facts folded into a few columns, so a month reads one indexed range.

The rows are derived and never the truth: triggers drop a case's row whenever anything it
was derived from changes (whoever writes, a service or a restore), and
``services.figure_cases.bring_up_to_date`` derives the missing rows before figures are read.

Revision ID: 0017_figure_case
Revises: 0016_follow_up
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_figure_case"
down_revision = "0016_follow_up"
branch_labels = None
depends_on = None

# The tables a case's facts are read from, each with a youth_id. A trigger per event: SQLite's
# NEW and OLD exist only for the events that have them.
_SOURCES = (
    "target_group_entry",
    "conversation",
    "case_event",
    "visitation",
)


def _drop(youth: str) -> str:
    return f"DELETE FROM figure_case WHERE youth_id = {youth};"


def _triggers() -> list[str]:
    out: list[str] = []
    for table in _SOURCES:
        out.append(
            f"CREATE TRIGGER figure_case_{table}_insert AFTER INSERT ON {table} "
            f"BEGIN {_drop('NEW.youth_id')} END"
        )
        out.append(
            f"CREATE TRIGGER figure_case_{table}_update AFTER UPDATE ON {table} "
            f"BEGIN {_drop('OLD.youth_id')} {_drop('NEW.youth_id')} END"
        )
        out.append(
            f"CREATE TRIGGER figure_case_{table}_delete AFTER DELETE ON {table} "
            f"BEGIN {_drop('OLD.youth_id')} END"
        )
    # The register row: only the columns the facts hold (a name or address change keeps it).
    out.append(
        "CREATE TRIGGER figure_case_youth_update AFTER UPDATE OF henvendelse_date, closed_on, "
        "exit_reason, caseworker_id, status ON youth "
        f"BEGIN {_drop('OLD.id')} END"
    )
    out.append(
        f"CREATE TRIGGER figure_case_youth_delete AFTER DELETE ON youth BEGIN {_drop('OLD.id')} END"
    )
    # Whether a started offer counts as one depends on its catalogue kind.
    by_offer = (
        "DELETE FROM figure_case WHERE youth_id IN "
        "(SELECT youth_id FROM case_event WHERE offer_uid = {uid});"
    )
    out.append(
        "CREATE TRIGGER figure_case_offer_insert AFTER INSERT ON offer "
        f"BEGIN {by_offer.format(uid='NEW.uid')} END"
    )
    out.append(
        "CREATE TRIGGER figure_case_offer_update AFTER UPDATE OF uid, kind ON offer "
        f"BEGIN {by_offer.format(uid='OLD.uid')} {by_offer.format(uid='NEW.uid')} END"
    )
    out.append(
        "CREATE TRIGGER figure_case_offer_delete AFTER DELETE ON offer "
        f"BEGIN {by_offer.format(uid='OLD.uid')} END"
    )
    return out


TRIGGER_NAMES = tuple(sql.split()[2] for sql in _triggers())


def upgrade() -> None:
    # Spelled out, not imported from the models: a migration stays as it was written.
    op.create_table(
        "figure_case",
        # No foreign key: the row is derived, and the triggers remove it with its case.
        sa.Column("youth_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("caseworker_id", sa.Integer),
        sa.Column("opened_on", sa.Date, nullable=False),
        sa.Column("closed_on", sa.Date),
        sa.Column("exit_reason", sa.String(40), nullable=False),
        sa.Column("groups", sa.Text, nullable=False),
        sa.Column("first_held_on", sa.Date),
        sa.Column("offers", sa.Text, nullable=False),
        sa.Column("turned_away", sa.Boolean, nullable=False),
    )
    op.create_index("ix_figure_case_closed_on", "figure_case", ["closed_on"])
    op.create_index("ix_figure_case_caseworker", "figure_case", ["caseworker_id"])
    for sql in _triggers():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("figure_case")
