"""Exercise notes in a workout: written, replaced, cleared, read back by place, gone with the workout."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gym_companion.domain.model import Exercise, Muscle, WorkoutSession
from gym_companion.storage.database import Database, open_database
from gym_companion.storage.repositories.exercise_notes import ExerciseNoteRepository
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository

T0 = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


def _setup(db: Database) -> tuple[int, int]:
    ExerciseRepository(db.engine).seed([Exercise("Dip", (Muscle.TRICEPS,))])
    exercise_id = ExerciseRepository(db.engine).all()[0].id
    session = WorkoutRepository(db.engine).start_session(WorkoutSession(uuid="w-1", started_at=T0))
    assert exercise_id is not None and session.id is not None
    return session.id, exercise_id


def test_notes_are_kept_per_place_in_the_workout(db: Database) -> None:
    session_id, dip = _setup(db)
    notes = ExerciseNoteRepository(db.engine)
    notes.set_note(session_id, 0, dip, "  shoulder ok with a narrow grip ")
    notes.set_note(session_id, 2, dip, "second round: slower negatives")
    notes.set_note(session_id, 0, dip, "shoulder fine")  # replaces
    db.close()
    reopened = open_database(db.path)
    try:
        assert ExerciseNoteRepository(reopened.engine).for_session(session_id) == {
            0: "shoulder fine",
            2: "second round: slower negatives",
        }
    finally:
        reopened.close()


def test_blank_text_removes_the_note(db: Database) -> None:
    session_id, dip = _setup(db)
    notes = ExerciseNoteRepository(db.engine)
    notes.set_note(session_id, 0, dip, "x")
    notes.set_note(session_id, 0, dip, "   ")
    assert notes.for_session(session_id) == {}


def test_notes_go_with_their_workout(db: Database) -> None:
    session_id, dip = _setup(db)
    notes = ExerciseNoteRepository(db.engine)
    notes.set_note(session_id, 0, dip, "gone soon")
    WorkoutRepository(db.engine).delete_session(session_id)
    assert notes.for_session(session_id) == {}
