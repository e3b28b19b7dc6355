"""Supersets (a group number per set) and indexes for per-exercise charts and recent-history queries.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("set_entry", sa.Column("superset_group", sa.Integer(), nullable=True))
    op.create_index("ix_set_exercise_logged", "set_entry", ["exercise_id", "logged_at"])
    op.create_index("ix_set_logged", "set_entry", ["logged_at"])


def downgrade() -> None:
    op.drop_index("ix_set_logged", "set_entry")
    op.drop_index("ix_set_exercise_logged", "set_entry")
    with op.batch_alter_table("set_entry") as batch:
        batch.drop_column("superset_group")
