"""SQLModel tables: the on-disk shape of the lifter's data.

Timestamps are stored as naive UTC datetimes; weights in kilograms. Enumerations are stored as their
string values and guarded by CHECK constraints so a bad row can never be written. The Alembic
migrations in `storage/migrations/versions/` must produce exactly this schema (a test compares them).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Column, DateTime, ForeignKey, Index, Integer, Table, UniqueConstraint
from sqlmodel import Field, SQLModel

SET_TYPES = ("warmup", "working", "drop")
FAILURE_KINDS = ("none", "technical", "absolute")
SAFETY_CLASSES = ("safe", "spotter", "technical_only", "never")
MUSCLE_ROLES = ("primary", "secondary")


# Plain naive DateTime holding UTC: the repositories convert at the boundary. (SQLModel's own
# datetime type changed behaviour between releases; being explicit keeps the file format stable.)
NaiveUtcDateTime = DateTime(timezone=False)


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


class ExerciseRecord(SQLModel, table=True):
    """An exercise from the library or made by the user."""

    __tablename__ = "exercise"
    __table_args__ = (
        CheckConstraint(_in("failure_safety", SAFETY_CLASSES), name="ck_exercise_safety"),
        CheckConstraint(_in("mechanics", ("compound", "isolation")), name="ck_exercise_mechanics"),
        CheckConstraint("default_rest_s BETWEEN 0 AND 900", name="ck_exercise_rest"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    aliases: str = ""  # JSON list of strings
    equipment: str
    mechanics: str
    failure_safety: str
    default_rest_s: int
    fatigue_factor: float = 1.0
    assisted: bool = False
    is_custom: bool = False


class ExerciseMuscleRecord(SQLModel, table=True):
    """Which muscles an exercise trains, and in which role (primary counts 1, secondary 0.5)."""

    __tablename__ = "exercise_muscle"
    __table_args__ = (CheckConstraint(_in("role", MUSCLE_ROLES), name="ck_exercise_muscle_role"),)

    exercise_id: int = Field(
        sa_column=Column(Integer, ForeignKey("exercise.id", ondelete="CASCADE"), primary_key=True)
    )
    muscle: str = Field(primary_key=True)
    role: str


class RoutineRecord(SQLModel, table=True):
    """A workout template."""

    __tablename__ = "routine"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    notes: str = ""
    position: int = 0


class RoutineExerciseRecord(SQLModel, table=True):
    """One planned exercise of a routine with its sets, rep range and target RIR."""

    __tablename__ = "routine_exercise"
    __table_args__ = (
        CheckConstraint("sets BETWEEN 1 AND 20", name="ck_routine_exercise_sets"),
        CheckConstraint("rep_min BETWEEN 1 AND 100 AND rep_max BETWEEN rep_min AND 100", name="ck_reps"),
        CheckConstraint("target_rir BETWEEN 0 AND 5", name="ck_routine_exercise_rir"),
        CheckConstraint("rest_s IS NULL OR rest_s BETWEEN 0 AND 900", name="ck_routine_exercise_rest"),
    )

    id: int | None = Field(default=None, primary_key=True)
    routine_id: int = Field(
        sa_column=Column(Integer, ForeignKey("routine.id", ondelete="CASCADE"), index=True)
    )
    exercise_id: int = Field(foreign_key="exercise.id")
    position: int
    sets: int = 3
    rep_min: int = 8
    rep_max: int = 12
    target_rir: int = 2
    failure_last_set: bool = False
    rest_s: int | None = None  # None: the exercise's default rest
    superset_group: int | None = None  # exercises sharing a number are done in rounds (domain.supersets)


class SessionRecord(SQLModel, table=True):
    """One workout; ended_at is NULL while it is in progress."""

    __tablename__ = "workout_session"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True)
    started_at: datetime = Field(index=True, sa_type=NaiveUtcDateTime)
    ended_at: datetime | None = Field(default=None, sa_type=NaiveUtcDateTime)
    name: str = ""
    notes: str = ""
    routine_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("routine.id", ondelete="SET NULL"), nullable=True)
    )


class SessionExerciseNoteRecord(SQLModel, table=True):
    """A note on one exercise of a workout (its place in the workout, like the sets' exercise_order)."""

    __tablename__ = "session_exercise_note"

    session_id: int = Field(
        sa_column=Column(Integer, ForeignKey("workout_session.id", ondelete="CASCADE"), primary_key=True)
    )
    exercise_order: int = Field(primary_key=True)
    exercise_id: int = Field(foreign_key="exercise.id")
    notes: str


class SetRecord(SQLModel, table=True):
    """One logged set. rir is NULL when unrated and 0 for both failure kinds."""

    __tablename__ = "set_entry"
    __table_args__ = (
        CheckConstraint(_in("set_type", SET_TYPES), name="ck_set_type"),
        CheckConstraint(_in("failure", FAILURE_KINDS), name="ck_set_failure"),
        CheckConstraint("reps BETWEEN 1 AND 1000", name="ck_set_reps"),
        CheckConstraint("rir IS NULL OR rir BETWEEN 0 AND 5", name="ck_set_rir"),
        CheckConstraint("failure = 'none' OR rir = 0", name="ck_set_failure_rir"),
        CheckConstraint("weight_kg BETWEEN -1000 AND 1000", name="ck_set_weight"),
        CheckConstraint("unit_shown IN ('kg', 'lb')", name="ck_set_unit"),
        UniqueConstraint("session_id", "exercise_order", "set_order", name="uq_set_position"),
        Index("ix_set_exercise_logged", "exercise_id", "logged_at"),
        Index("ix_set_logged", "logged_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True)
    session_id: int = Field(
        sa_column=Column(Integer, ForeignKey("workout_session.id", ondelete="CASCADE"), nullable=False)
    )
    exercise_id: int = Field(foreign_key="exercise.id")
    exercise_order: int
    set_order: int
    set_type: str = "working"
    weight_kg: float
    reps: int
    rir: int | None = None
    failure: str = "none"
    rest_before_s: int | None = None
    logged_at: datetime = Field(sa_type=NaiveUtcDateTime)
    unit_shown: str = "kg"
    notes: str = ""
    superset_group: int | None = None


class EventRecord(SQLModel, table=True):
    """A planned event with a no-failure window before it (F9)."""

    __tablename__ = "training_event"
    __table_args__ = (CheckConstraint("no_failure_window_h BETWEEN 0 AND 720", name="ck_event_window"),)

    id: int | None = Field(default=None, primary_key=True)
    title: str
    starts_at: datetime = Field(index=True, sa_type=NaiveUtcDateTime)
    no_failure_window_h: int = 72


class BodyweightRecord(SQLModel, table=True):
    """A weigh-in."""

    __tablename__ = "bodyweight"
    __table_args__ = (CheckConstraint("weight_kg BETWEEN 20 AND 400", name="ck_bodyweight_range"),)

    id: int | None = Field(default=None, primary_key=True)
    measured_at: datetime = Field(index=True, sa_type=NaiveUtcDateTime)
    weight_kg: float


class SettingRecord(SQLModel, table=True):
    """Key/value settings; the value is JSON."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True)
    value: str


class AppStateRecord(SQLModel, table=True):
    """Small pieces of state that must survive a crash (the running rest timer, the open workout)."""

    __tablename__ = "app_state"

    key: str = Field(primary_key=True)
    value: str


# Core Table objects for fast SQL (charts, aggregates, bulk inserts) without ORM objects.
EXERCISE_TABLE: Table = ExerciseRecord.__table__  # type: ignore[attr-defined]
EXERCISE_MUSCLE_TABLE: Table = ExerciseMuscleRecord.__table__  # type: ignore[attr-defined]
ROUTINE_TABLE: Table = RoutineRecord.__table__  # type: ignore[attr-defined]
ROUTINE_EXERCISE_TABLE: Table = RoutineExerciseRecord.__table__  # type: ignore[attr-defined]
SESSION_TABLE: Table = SessionRecord.__table__  # type: ignore[attr-defined]
SET_TABLE: Table = SetRecord.__table__  # type: ignore[attr-defined]
EXERCISE_NOTE_TABLE: Table = SessionExerciseNoteRecord.__table__  # type: ignore[attr-defined]
EVENT_TABLE: Table = EventRecord.__table__  # type: ignore[attr-defined]
BODYWEIGHT_TABLE: Table = BodyweightRecord.__table__  # type: ignore[attr-defined]
SETTING_TABLE: Table = SettingRecord.__table__  # type: ignore[attr-defined]
APP_STATE_TABLE: Table = AppStateRecord.__table__  # type: ignore[attr-defined]
