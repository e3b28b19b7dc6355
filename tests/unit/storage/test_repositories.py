"""Every table round-trips through a temporary SQLite file via its repository."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from gym_companion.domain.model import (
    BodyweightEntry,
    Equipment,
    Exercise,
    FailureKind,
    FailureSafety,
    Goal,
    Mechanics,
    Muscle,
    PlannedExercise,
    Routine,
    SetEntry,
    SetType,
    TrainingEvent,
    TrainingStyle,
    WeightUnit,
    WorkoutSession,
)
from gym_companion.domain.settings import Settings
from gym_companion.storage.database import Database, open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.profile import ProfileRepository
from gym_companion.storage.repositories.routines import RoutineRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository

T0 = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
BENCH = Exercise(
    name="Bench Press",
    primary_muscles=(Muscle.CHEST,),
    secondary_muscles=(Muscle.TRICEPS, Muscle.FRONT_DELTS),
    equipment=Equipment.BARBELL,
    mechanics=Mechanics.COMPOUND,
    failure_safety=FailureSafety.SPOTTER,
    default_rest_s=180,
    aliases=("Bench Press (Barbell)",),
    fatigue_factor=1.2,
)


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


def _reopen(db: Database) -> Database:
    db.close()
    return open_database(db.path)


def test_exercises_round_trip_with_muscles_and_aliases(db: Database) -> None:
    repo = ExerciseRepository(db.engine)
    assert repo.seed([BENCH]) == 1
    assert repo.seed([BENCH]) == 0  # seeding twice adds nothing
    db = _reopen(db)
    (loaded,) = ExerciseRepository(db.engine).all()
    assert loaded.id is not None
    assert loaded == Exercise(**{**BENCH.__dict__, "id": loaded.id}) if hasattr(BENCH, "__dict__") else True
    assert (loaded.name, loaded.aliases, loaded.primary_muscles) == (
        BENCH.name,
        BENCH.aliases,
        BENCH.primary_muscles,
    )
    assert set(loaded.secondary_muscles) == set(BENCH.secondary_muscles)
    assert (loaded.failure_safety, loaded.fatigue_factor, loaded.default_rest_s) == (
        FailureSafety.SPOTTER,
        1.2,
        180,
    )
    db.close()


def test_custom_exercise_name_must_be_new(db: Database) -> None:
    repo = ExerciseRepository(db.engine)
    repo.seed([BENCH])
    with pytest.raises(ValueError, match="already exists"):
        repo.add(Exercise(name="bench press", primary_muscles=(Muscle.CHEST,), is_custom=True))
    custom = repo.add(
        Exercise(name="Cable Y-Raise", primary_muscles=(Muscle.SIDE_REAR_DELTS,), is_custom=True)
    )
    assert custom.id is not None and any(e.is_custom for e in repo.all())


def _session_with_sets(db: Database) -> tuple[WorkoutSession, list[SetEntry]]:
    exercise_id = ExerciseRepository(db.engine).seed([BENCH]) and ExerciseRepository(db.engine).all()[0].id
    assert exercise_id is not None
    workouts = WorkoutRepository(db.engine)
    session = workouts.start_session(WorkoutSession(uuid="w-1", started_at=T0, name="Push", notes="good day"))
    assert session.id is not None
    sets = [
        SetEntry(
            uuid=f"s-{i}",
            session_id=session.id,
            exercise_id=exercise_id,
            exercise_order=0,
            set_order=i,
            set_type=SetType.WARMUP if i == 0 else SetType.WORKING,
            weight_kg=60.0 if i == 0 else 100.0,
            reps=5,
            logged_at=T0 + timedelta(minutes=3 * i),
            rir=None if i == 0 else (0 if i == 2 else 2),
            failure=FailureKind.ABSOLUTE if i == 2 else FailureKind.NONE,
            rest_before_s=None if i == 0 else 180,
            unit_shown=WeightUnit.LB,
            notes="pause" if i == 1 else "",
        )
        for i in range(3)
    ]
    for entry in sets:
        workouts.add_set(entry)
    return session, sets


def test_sessions_and_sets_round_trip(db: Database) -> None:
    session, sets = _session_with_sets(db)
    db = _reopen(db)
    workouts = WorkoutRepository(db.engine)
    assert workouts.get_session(session.id or 0) == session
    assert workouts.sets_in_session(session.id or 0) == sets
    (summary,) = workouts.list_sessions()
    assert (summary.set_count, summary.working_sets, summary.failure_sets) == (3, 2, 1)
    assert summary.volume_kg == pytest.approx(1000.0)  # warm-up excluded
    assert summary.exercise_names == ("Bench Press",)
    assert workouts.open_session() == session  # not finished yet
    session.ended_at = T0 + timedelta(hours=1)
    workouts.save_session(session)
    assert workouts.open_session() is None
    db.close()


def test_delete_and_restore_set_keeps_identity(db: Database) -> None:
    session, sets = _session_with_sets(db)
    workouts = WorkoutRepository(db.engine)
    removed = workouts.delete_set(sets[1].id or 0)
    assert removed == sets[1]
    assert len(workouts.sets_in_session(session.id or 0)) == 2
    workouts.restore_set(removed)
    assert workouts.sets_in_session(session.id or 0) == sets


def test_database_refuses_impossible_sets(db: Database) -> None:
    session, sets = _session_with_sets(db)
    workouts = WorkoutRepository(db.engine)
    bad = [
        SetEntry(**{**_as_dict(sets[1]), "uuid": "bad-1", "set_order": 10, "reps": 0, "id": None}),
        SetEntry(
            **{
                **_as_dict(sets[1]),
                "uuid": "bad-2",
                "set_order": 11,
                "rir": 2,
                "failure": FailureKind.ABSOLUTE,
                "id": None,
            }
        ),
        SetEntry(**{**_as_dict(sets[1]), "uuid": "bad-3", "set_order": 12, "rir": 7, "id": None}),
    ]
    for entry in bad:
        with pytest.raises(IntegrityError):
            workouts.add_set(entry)
    assert len(workouts.sets_in_session(session.id or 0)) == 3


def _as_dict(entry: SetEntry) -> dict[str, object]:
    return {name: getattr(entry, name) for name in entry.__slots__}  # type: ignore[attr-defined]


def test_previous_sets_are_last_sessions_sets_of_that_exercise(db: Database) -> None:
    _session, sets = _session_with_sets(db)
    workouts = WorkoutRepository(db.engine)
    later = workouts.start_session(WorkoutSession(uuid="w-2", started_at=T0 + timedelta(days=3)))
    assert workouts.previous_sets(sets[0].exercise_id, later.started_at) == sets
    assert workouts.previous_sets(sets[0].exercise_id, T0) == []


def test_add_history_is_idempotent_by_uuid(db: Database) -> None:
    _session, sets = _session_with_sets(db)
    workouts = WorkoutRepository(db.engine)
    new = WorkoutSession(uuid="w-9", started_at=T0 + timedelta(days=7))
    copies = [
        SetEntry(**{**_as_dict(s), "uuid": f"c-{i}", "id": None, "session_id": 0}) for i, s in enumerate(sets)
    ]
    assert workouts.add_history([(new, copies)]) == (1, 3)
    again = WorkoutSession(uuid="w-9", started_at=T0 + timedelta(days=7))
    assert workouts.add_history([(again, copies)]) == (0, 0)
    assert workouts.set_count() == 6


def test_routines_round_trip(db: Database) -> None:
    ExerciseRepository(db.engine).seed([BENCH])
    exercise_id = ExerciseRepository(db.engine).all()[0].id or 0
    repo = RoutineRepository(db.engine)
    routine = repo.save(
        Routine(
            name="Push A",
            exercises=[
                PlannedExercise(
                    exercise_id=exercise_id,
                    position=0,
                    sets=4,
                    rep_min=5,
                    rep_max=8,
                    target_rir=1,
                    failure_last_set=True,
                )
            ],
        )
    )
    db = _reopen(db)
    assert RoutineRepository(db.engine).all() == [routine]
    db.close()


def test_settings_events_bodyweight_and_state_round_trip(db: Database) -> None:
    profile = ProfileRepository(db.engine)
    assert profile.load_settings() == Settings()
    settings = Settings(
        unit=WeightUnit.LB,
        goal=Goal.OTHER_SPORT_PRIORITY,
        training_style=TrainingStyle.FULL_BODY,
        target_rir=3,
        failure_features=False,
        weekly_failure_cap=2,
    )
    profile.save_settings(settings)
    event = profile.save_event(
        TrainingEvent(title="10K race", starts_at=T0 + timedelta(days=5), no_failure_window_h=48)
    )
    profile.add_bodyweight(BodyweightEntry(measured_at=T0, weight_kg=81.4))
    profile.set_state("rest_timer", {"deadline_wall": 123.5})
    db = _reopen(db)
    profile = ProfileRepository(db.engine)
    assert profile.load_settings() == settings
    assert profile.events(since=T0) == [event]
    assert [(b.measured_at, b.weight_kg) for b in profile.bodyweights()] == [(T0, 81.4)]
    assert profile.get_state("rest_timer") == {"deadline_wall": 123.5}
    profile.set_state("rest_timer", None)
    assert profile.get_state("rest_timer") is None
    db.close()


def test_bad_stored_settings_fall_back_to_defaults(db: Database) -> None:
    with db.engine.begin() as con:
        con.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('settings', '{not json')")
    assert ProfileRepository(db.engine).load_settings() == Settings()


def test_efforts_since_are_the_recovery_columns_of_recent_sets_oldest_first(db: Database) -> None:
    _session, sets = _session_with_sets(db)
    efforts = WorkoutRepository(db.engine).efforts_since(sets[1].logged_at)
    expected = sorted(
        (s.exercise_id, s.logged_at, s.set_type, s.rir, s.failure)
        for s in sets
        if s.logged_at >= sets[1].logged_at
    )
    assert efforts == sorted(efforts, key=lambda e: e[1]) == expected
    assert all(e[1].tzinfo is UTC for e in efforts)
    assert WorkoutRepository(db.engine).efforts_since(sets[-1].logged_at + timedelta(seconds=1)) == []
