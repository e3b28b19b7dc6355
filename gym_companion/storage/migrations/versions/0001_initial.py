"""The first schema: exercises, workouts, sets, routines, events, bodyweight, settings.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exercise",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False, unique=True),
        sa.Column("aliases", sa.String(), nullable=False),
        sa.Column("equipment", sa.String(), nullable=False),
        sa.Column("mechanics", sa.String(), nullable=False),
        sa.Column("failure_safety", sa.String(), nullable=False),
        sa.Column("default_rest_s", sa.Integer(), nullable=False),
        sa.Column("fatigue_factor", sa.Float(), nullable=False),
        sa.Column("assisted", sa.Boolean(), nullable=False),
        sa.Column("is_custom", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "failure_safety IN ('safe', 'spotter', 'technical_only', 'never')", name="ck_exercise_safety"
        ),
        sa.CheckConstraint("mechanics IN ('compound', 'isolation')", name="ck_exercise_mechanics"),
        sa.CheckConstraint("default_rest_s BETWEEN 0 AND 900", name="ck_exercise_rest"),
    )
    op.create_table(
        "exercise_muscle",
        sa.Column(
            "exercise_id", sa.Integer(), sa.ForeignKey("exercise.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("muscle", sa.String(), primary_key=True),
        sa.Column("role", sa.String(), nullable=False),
        sa.CheckConstraint("role IN ('primary', 'secondary')", name="ck_exercise_muscle_role"),
    )
    op.create_table(
        "routine",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_table(
        "routine_exercise",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("routine_id", sa.Integer(), sa.ForeignKey("routine.id", ondelete="CASCADE")),
        sa.Column("exercise_id", sa.Integer(), sa.ForeignKey("exercise.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sets", sa.Integer(), nullable=False),
        sa.Column("rep_min", sa.Integer(), nullable=False),
        sa.Column("rep_max", sa.Integer(), nullable=False),
        sa.Column("target_rir", sa.Integer(), nullable=False),
        sa.Column("failure_last_set", sa.Boolean(), nullable=False),
        sa.CheckConstraint("sets BETWEEN 1 AND 20", name="ck_routine_exercise_sets"),
        sa.CheckConstraint("rep_min BETWEEN 1 AND 100 AND rep_max BETWEEN rep_min AND 100", name="ck_reps"),
        sa.CheckConstraint("target_rir BETWEEN 0 AND 5", name="ck_routine_exercise_rir"),
    )
    op.create_index("ix_routine_exercise_routine_id", "routine_exercise", ["routine_id"])
    op.create_table(
        "workout_session",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uuid", sa.String(), nullable=False, unique=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column(
            "routine_id", sa.Integer(), sa.ForeignKey("routine.id", ondelete="SET NULL"), nullable=True
        ),
    )
    op.create_index("ix_workout_session_started_at", "workout_session", ["started_at"])
    op.create_table(
        "set_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uuid", sa.String(), nullable=False, unique=True),
        sa.Column(
            "session_id",
            sa.Integer(),
            sa.ForeignKey("workout_session.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("exercise_id", sa.Integer(), sa.ForeignKey("exercise.id"), nullable=False),
        sa.Column("exercise_order", sa.Integer(), nullable=False),
        sa.Column("set_order", sa.Integer(), nullable=False),
        sa.Column("set_type", sa.String(), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=False),
        sa.Column("rir", sa.Integer(), nullable=True),
        sa.Column("failure", sa.String(), nullable=False),
        sa.Column("rest_before_s", sa.Integer(), nullable=True),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.Column("unit_shown", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.CheckConstraint("set_type IN ('warmup', 'working', 'drop')", name="ck_set_type"),
        sa.CheckConstraint("failure IN ('none', 'technical', 'absolute')", name="ck_set_failure"),
        sa.CheckConstraint("reps BETWEEN 1 AND 1000", name="ck_set_reps"),
        sa.CheckConstraint("rir IS NULL OR rir BETWEEN 0 AND 5", name="ck_set_rir"),
        sa.CheckConstraint("failure = 'none' OR rir = 0", name="ck_set_failure_rir"),
        sa.CheckConstraint("weight_kg BETWEEN -1000 AND 1000", name="ck_set_weight"),
        sa.CheckConstraint("unit_shown IN ('kg', 'lb')", name="ck_set_unit"),
        sa.UniqueConstraint("session_id", "exercise_order", "set_order", name="uq_set_position"),
    )
    op.create_table(
        "training_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("no_failure_window_h", sa.Integer(), nullable=False),
        sa.CheckConstraint("no_failure_window_h BETWEEN 0 AND 720", name="ck_event_window"),
    )
    op.create_index("ix_training_event_starts_at", "training_event", ["starts_at"])
    op.create_table(
        "bodyweight",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("measured_at", sa.DateTime(), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.CheckConstraint("weight_kg BETWEEN 20 AND 400", name="ck_bodyweight_range"),
    )
    op.create_index("ix_bodyweight_measured_at", "bodyweight", ["measured_at"])
    op.create_table(
        "setting",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.String(), nullable=False),
    )
    op.create_table(
        "app_state",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.String(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "app_state",
        "setting",
        "bodyweight",
        "training_event",
        "set_entry",
        "workout_session",
        "routine_exercise",
        "routine",
        "exercise_muscle",
        "exercise",
    ):
        op.drop_table(table)
