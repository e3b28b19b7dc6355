"""Lean history reads: rated sets as columns with exact POSIX times, weigh-ins, the first workout."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gym_companion.domain.library import library_path, load_library_file
from gym_companion.domain.model import BodyweightEntry, FailureKind, SetEntry, SetType, WorkoutSession
from gym_companion.storage.database import Database, open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.history_queries import HistoryQueries
from gym_companion.storage.repositories.profile import ProfileRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository

START = datetime(2017, 1, 9, 17, 30, tzinfo=UTC)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    opened = open_database(tmp_path / "gym.sqlite3", lambda: START)
    ExerciseRepository(opened.engine).seed(load_library_file(library_path()))
    yield opened
    opened.close()


def store(database: Database, times: list[datetime], rir: list[int | None]) -> int:
    """One session of bench press sets at these times; returns the exercise id."""
    bench = next(e for e in ExerciseRepository(database.engine).all() if e.name == "Bench Press")
    assert bench.id is not None
    session = WorkoutSession(str(uuid.uuid4()), times[0], times[-1] + timedelta(minutes=5))
    sets = [
        SetEntry(str(uuid.uuid4()), 0, bench.id, 0, i, SetType.WORKING, 100.0, 5, when, rir=r)
        for i, (when, r) in enumerate(zip(times, rir, strict=True))
    ]
    WorkoutRepository(database.engine).add_history([(session, sets)])
    return bench.id


def test_rated_set_times_are_exactly_pythons_timestamps(database: Database) -> None:
    # .999731 s: SQLite's strftime('%s') alone would round this up to the next second.
    times = [
        START + timedelta(seconds=3.999731),
        START + timedelta(minutes=3, microseconds=1),
        START + timedelta(minutes=6),
    ]
    bench = store(database, times, [2, None, 0])
    rated = HistoryQueries(database.engine).rated_sets(bench)
    assert rated.logged_at_s == [times[0].timestamp(), times[2].timestamp()]  # the unrated set is left out
    assert rated.rir == [2, 0] and rated.failure == [FailureKind.NONE, FailureKind.NONE]
    assert rated.set_type == [SetType.WORKING, SetType.WORKING] and rated.weight_kg == [100.0, 100.0]


def test_no_rated_sets_are_empty_columns(database: Database) -> None:
    bench = store(database, [START], [None])
    queries = HistoryQueries(database.engine)
    assert queries.rated_sets(bench).logged_at_s == []
    assert queries.first_workout_start() == START


def test_weigh_ins_come_oldest_first_as_seconds_and_kg(database: Database) -> None:
    profile = ProfileRepository(database.engine)
    profile.add_bodyweights([BodyweightEntry(START + timedelta(days=2), 81.5), BodyweightEntry(START, 80.0)])
    assert HistoryQueries(database.engine).bodyweights() == [
        (START.timestamp(), 80.0),
        ((START + timedelta(days=2)).timestamp(), 81.5),
    ]
    assert HistoryQueries(database.engine).first_workout_start() is None  # weigh-ins are not workouts


def test_weekly_totals_count_the_efforts_the_caller_names_per_exercise_and_local_week(
    database: Database,
) -> None:
    # START is Monday 2017-01-09 17:30 UTC. Sets: Mon RIR 2, Mon unrated, Sun 23:30 UTC RIR 0 + failure,
    # a drop set on Sun, and a warm-up (never counted).
    bench = next(e for e in ExerciseRepository(database.engine).all() if e.name == "Bench Press")
    assert bench.id is not None
    sunday = START + timedelta(days=6, hours=6)  # 2017-01-15 23:30 UTC: Monday already in Berlin
    rows = [
        (START, SetType.WORKING, 100.0, 5, 2, FailureKind.NONE),
        (START + timedelta(minutes=3), SetType.WORKING, 100.0, 4, None, FailureKind.NONE),
        (sunday, SetType.WORKING, 80.0, 8, 0, FailureKind.ABSOLUTE),
        (sunday + timedelta(minutes=1), SetType.DROP, 60.0, 6, 1, FailureKind.NONE),
        (sunday + timedelta(minutes=2), SetType.WARMUP, 40.0, 10, None, FailureKind.NONE),
    ]
    session = WorkoutSession(str(uuid.uuid4()), START, sunday + timedelta(minutes=5))
    sets = [
        SetEntry(str(uuid.uuid4()), 0, bench.id, 0, i, kind, kg, reps, when, rir=rir, failure=failure)
        for i, (when, kind, kg, reps, rir, failure) in enumerate(rows)
    ]
    WorkoutRepository(database.engine).add_history([(session, sets)])
    queries = HistoryQueries(database.engine)
    assert set(queries.effort_keys()) == {
        (SetType.WORKING, 2, FailureKind.NONE),
        (SetType.WORKING, None, FailureKind.NONE),
        (SetType.WORKING, 0, FailureKind.ABSOLUTE),
        (SetType.DROP, 1, FailureKind.NONE),
    }
    hard = [(SetType.WORKING, 2, FailureKind.NONE), (SetType.WORKING, None, FailureKind.NONE)]
    failure = [(SetType.WORKING, 0, FailureKind.ABSOLUTE)]

    in_utc = {(t.week, t.hard, t.failure, t.tonnage_kg) for t in queries.weekly_totals(hard, failure)}
    week = min(w for w, *_ in in_utc)
    # Monday: both counted hard, 500 + 400 kg; Sunday still the same UTC week: the failure set and the
    # drop set (named neither hard nor failure here), 640 + 360 kg; the warm-up is left out entirely.
    assert in_utc == {(week, 2, 1, 1900.0)}

    in_berlin = {
        (t.week, t.hard, t.failure, t.tonnage_kg) for t in queries.weekly_totals(hard, failure, 3600)
    }
    assert in_berlin == {(week, 2, 0, 900.0), (week + 1, 0, 1, 1000.0)}  # Sunday 23:30 UTC is Monday there
    # Nothing named hard or failure: nothing counted, the tonnage all the same.
    assert {(t.hard, t.failure, t.tonnage_kg) for t in queries.weekly_totals([], [])} == {(0, 0, 1900.0)}
