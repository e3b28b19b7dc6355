"""Rest seconds per planned routine exercise, and a note per exercise of a workout.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds a column with a named CHECK in place, without copying the table.
    op.execute(
        "ALTER TABLE routine_exercise ADD COLUMN rest_s INTEGER "
        "CONSTRAINT ck_routine_exercise_rest CHECK (rest_s IS NULL OR rest_s BETWEEN 0 AND 900)"
    )
    op.create_table(
        "session_exercise_note",
        sa.Column(
            "session_id",
            sa.Integer(),
            sa.ForeignKey("workout_session.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("exercise_order", sa.Integer(), primary_key=True),
        sa.Column("exercise_id", sa.Integer(), sa.ForeignKey("exercise.id"), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("session_exercise_note")
    with op.batch_alter_table("routine_exercise") as batch:
        batch.drop_column("rest_s")
