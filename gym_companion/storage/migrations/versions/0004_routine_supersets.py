"""Supersets in routines: a group number per planned exercise (sets have had one since 0002).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain nullable column: SQLite adds it in place, and every existing routine stays ungrouped.
    op.add_column("routine_exercise", sa.Column("superset_group", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("routine_exercise") as batch:
        batch.drop_column("superset_group")
