"""Grouped reads for records: most reps per load, heaviest load per effort; per workout or up to a moment."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gym_companion.domain.library import library_path, load_library_file
from gym_companion.domain.model import FailureKind, SetEntry, SetType, WorkoutSession
from gym_companion.storage.database import Database, open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.record_queries import RecordQueries
from gym_companion.storage.repositories.workouts import WorkoutRepository

START = datetime(2025, 3, 3, 18, 0, tzinfo=UTC)
W, WU = SetType.WORKING, SetType.WARMUP
NONE, ABS = FailureKind.NONE, FailureKind.ABSOLUTE


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[tuple[Database, int]]:
    """Two squat workouts a week apart; returns the database and the squat's id."""
    database = open_database(tmp_path / "gym.sqlite3", lambda: START)
    exercises = ExerciseRepository(database.engine)
    exercises.seed(load_library_file(library_path()))
    squat = next(e.id for e in exercises.all() if e.name == "Squat")
    assert squat is not None
    workouts = []
    for day, lifts in (
        (
            0,
            [
                (WU, 60.0, 8, None, NONE),
                (W, 100.0, 5, 2, NONE),
                (W, 100.0, 6, 1, NONE),
                (W, 102.0582331, 3, 2, NONE),
            ],
        ),
        (7, [(W, 100.0, 8, 0, ABS), (W, 90.0, 8, None, NONE)]),
    ):
        started = START + timedelta(days=day)
        session = WorkoutSession(str(uuid.uuid4()), started, started + timedelta(hours=1))
        sets = [
            SetEntry(
                str(uuid.uuid4()),
                0,
                squat,
                0,
                i,
                t,
                kg,
                reps,
                started + timedelta(minutes=2 * (i + 1)),
                rir=rir,
                failure=f,
            )
            for i, (t, kg, reps, rir, f) in enumerate(lifts)
        ]
        workouts.append((session, sets))
    WorkoutRepository(database.engine).add_history(workouts)
    yield database, squat
    database.close()


def test_most_reps_per_load_per_workout_leave_warmups_out(seeded: tuple[Database, int]) -> None:
    database, squat = seeded
    rows = RecordQueries(database.engine).load_rows(squat)
    found = sorted((r.first_at, r.weight_kg, r.reps) for r in rows)
    assert found == [
        (START + timedelta(minutes=4), 100.0, 6),  # 5 and 6 reps at 100 kg: the most, first set's time
        (START + timedelta(minutes=8), 102.06, 3),  # loads are rounded to 0.01 kg
        (START + timedelta(days=7, minutes=2), 100.0, 8),
        (START + timedelta(days=7, minutes=4), 90.0, 8),  # unrated sets still count reps
    ]
    assert len({r.session_id for r in rows}) == 2


def test_heaviest_load_per_rated_effort_up_to_a_moment(seeded: tuple[Database, int]) -> None:
    database, squat = seeded
    queries = RecordQueries(database.engine)
    before = queries.effort_rows(before=START + timedelta(days=1), per_workout=False)
    assert sorted((r.exercise_id, r.session_id, r.reps, r.rir, r.weight_kg) for r in before) == [
        (squat, None, 3, 2, 102.0582331),
        (squat, None, 5, 2, 100.0),
        (squat, None, 6, 1, 100.0),
    ]
    since = queries.effort_rows(since=START + timedelta(days=1))
    assert [(r.reps, r.rir, r.failure, r.weight_kg) for r in since] == [
        (8, 0, ABS, 100.0)
    ]  # unrated left out
