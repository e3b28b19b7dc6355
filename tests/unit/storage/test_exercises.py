"""Custom exercises in SQLite: changing one (muscles replaced in exercise_muscle), what refers to it, and
deleting it only when nothing does."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gym_companion.domain.custom_exercise import ExerciseInUseError
from gym_companion.domain.model import (
    Equipment,
    Exercise,
    FailureSafety,
    Mechanics,
    Muscle,
    PlannedExercise,
    Routine,
    SetEntry,
    SetType,
    WorkoutSession,
)
from gym_companion.storage.database import Database, open_database
from gym_companion.storage.repositories.exercises import IMPORT_MAPPING_STATE_KEY, ExerciseRepository
from gym_companion.storage.repositories.profile import ProfileRepository
from gym_companion.storage.repositories.routines import RoutineRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository

T0 = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
LIBRARY = Exercise("Bench Press", (Muscle.CHEST,), (Muscle.TRICEPS,), Equipment.BARBELL, Mechanics.COMPOUND)
CUSTOM = Exercise("Zercher Carry", (Muscle.QUADS,), is_custom=True)


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def repo(db: Database) -> ExerciseRepository:
    repository = ExerciseRepository(db.engine)
    repository.seed([LIBRARY])
    return repository


def muscle_rows(db: Database, exercise_id: int) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(db.path)) as con:
        return con.execute(
            "SELECT muscle, role FROM exercise_muscle WHERE exercise_id = ? ORDER BY role, muscle",
            (exercise_id,),
        ).fetchall()


def log_sets(db: Database, exercise_id: int, count: int, session_uuid: str = "w-1") -> None:
    workouts = WorkoutRepository(db.engine)
    session = workouts.start_session(WorkoutSession(uuid=session_uuid, started_at=T0))
    for order in range(count):
        workouts.add_set(
            SetEntry(
                uuid=f"{session_uuid}-s{order}",
                session_id=session.id or 0,
                exercise_id=exercise_id,
                exercise_order=0,
                set_order=order,
                set_type=SetType.WORKING,
                weight_kg=60.0,
                reps=8,
                logged_at=T0,
                rir=2,
            )
        )


def test_changing_a_custom_exercise_replaces_its_muscles(db: Database, repo: ExerciseRepository) -> None:
    made = repo.add(CUSTOM)
    assert made.id is not None
    assert muscle_rows(db, made.id) == [("quads", "primary")]
    changed = Exercise(
        "Zercher Carry (heavy)",
        (Muscle.QUADS, Muscle.GLUTES),
        (Muscle.ABS, Muscle.LOWER_BACK),
        Equipment.BARBELL,
        Mechanics.COMPOUND,
        FailureSafety.TECHNICAL_ONLY,
        default_rest_s=150,
        assisted=False,
        is_custom=True,
        id=made.id,
    )
    repo.update(changed)
    assert muscle_rows(db, made.id) == [
        ("glutes", "primary"),
        ("quads", "primary"),
        ("abs", "secondary"),
        ("lower_back", "secondary"),
    ]
    stored = next(e for e in ExerciseRepository(db.engine).all() if e.id == made.id)
    assert stored == changed  # name, muscles, equipment, mechanics, safety, rest, custom: all kept


def test_a_change_may_not_take_another_exercises_name(repo: ExerciseRepository) -> None:
    made = repo.add(CUSTOM)
    with pytest.raises(ValueError, match="already exists"):
        repo.update(Exercise("bench press", (Muscle.QUADS,), is_custom=True, id=made.id))
    # its own name in another case is fine
    repo.update(Exercise("ZERCHER CARRY", (Muscle.QUADS,), is_custom=True, id=made.id))
    assert {e.name for e in repo.all()} == {"Bench Press", "ZERCHER CARRY"}


def test_library_exercises_cannot_be_changed_or_deleted(repo: ExerciseRepository) -> None:
    bench = next(e for e in repo.all() if e.name == "Bench Press")
    with pytest.raises(ValueError, match="library exercise"):
        repo.update(Exercise("Bench Press", (Muscle.TRICEPS,), id=bench.id))
    with pytest.raises(ValueError, match="library exercise"):
        repo.delete(bench.id or 0)
    assert next(e for e in repo.all() if e.name == "Bench Press").primary_muscles == (Muscle.CHEST,)


def test_usage_counts_sets_workouts_and_routines(db: Database, repo: ExerciseRepository) -> None:
    made = repo.add(CUSTOM)
    assert made.id is not None
    assert not repo.usage(made.id).in_use
    log_sets(db, made.id, 3, "w-1")
    log_sets(db, made.id, 2, "w-2")
    RoutineRepository(db.engine).save(Routine("Legs", [PlannedExercise(exercise_id=made.id, position=0)]))
    usage = repo.usage(made.id)
    assert (usage.sets, usage.sessions, usage.routines) == (5, 2, 1)


def test_a_used_exercise_is_not_deleted(db: Database, repo: ExerciseRepository) -> None:
    made = repo.add(CUSTOM)
    assert made.id is not None
    log_sets(db, made.id, 4)
    with pytest.raises(ExerciseInUseError, match="used by 4 sets in 1 workout") as refused:
        repo.delete(made.id)
    assert refused.value.usage.sets == 4
    assert any(e.id == made.id for e in repo.all())
    assert muscle_rows(db, made.id) == [("quads", "primary")]


def test_deleting_an_unused_exercise_takes_its_muscles_and_remembered_import_name(
    db: Database, repo: ExerciseRepository
) -> None:
    made = repo.add(CUSTOM)
    kept = repo.add(Exercise("Belt Squat", (Muscle.QUADS,), is_custom=True))
    assert made.id is not None and kept.id is not None
    profile = ProfileRepository(db.engine)
    profile.set_state(IMPORT_MAPPING_STATE_KEY, {"Zercher": made.id, "Belt squat": kept.id})
    repo.delete(made.id)
    assert {e.name for e in repo.all()} == {"Bench Press", "Belt Squat"}
    assert muscle_rows(db, made.id) == []
    assert profile.get_state(IMPORT_MAPPING_STATE_KEY) == {"Belt squat": kept.id}
    with closing(sqlite3.connect(db.path)) as con:  # stored as sorted JSON, like every app_state value
        (text,) = con.execute(
            "SELECT value FROM app_state WHERE key = ?", (IMPORT_MAPPING_STATE_KEY,)
        ).fetchone()
    assert json.loads(text) == {"Belt squat": kept.id}
