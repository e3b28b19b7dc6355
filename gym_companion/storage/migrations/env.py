"""Alembic environment: migrations always run on a connection handed in by `storage.migrate`."""

from alembic import context

from gym_companion.storage.tables import SQLModel

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite can only alter tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
