"""Alembic environment: UngeDesk always passes an open, keyed connection."""

from alembic import context

from ungedesk.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("UngeDesk migrations run through ungedesk.store.migrate only")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
)
with context.begin_transaction():
    context.run_migrations()
