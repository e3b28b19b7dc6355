"""Routines round-trip through a temporary SQLite file: order, every planned field, delete and restore."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from gym_companion.domain.model import Exercise, Mechanics, Muscle, PlannedExercise, Routine
from gym_companion.storage.database import Database, open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.routines import RoutineRepository


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def exercise_ids(db: Database) -> list[int]:
    repo = ExerciseRepository(db.engine)
    repo.seed(
        [
            Exercise("Squat", (Muscle.QUADS,), mechanics=Mechanics.COMPOUND),
            Exercise("Leg Curl", (Muscle.HAMSTRINGS,)),
            Exercise("Calf Raise", (Muscle.CALVES,)),
        ]
    )
    return [e.id for e in repo.all() if e.id is not None]


def _plan(exercise_id: int, **fields: object) -> PlannedExercise:
    return PlannedExercise(exercise_id=exercise_id, position=99, **fields)  # type: ignore[arg-type]


def test_every_planned_field_survives_a_reopen_in_order(db: Database, exercise_ids: list[int]) -> None:
    squat, curl, calf = exercise_ids
    routine = RoutineRepository(db.engine).save(
        Routine(
            name="Legs",
            notes="heavy day",
            exercises=[
                _plan(squat, sets=4, rep_min=5, rep_max=8, target_rir=2, rest_s=240),
                _plan(curl, sets=3, rep_min=10, rep_max=15, target_rir=1, failure_last_set=True),
                _plan(calf, sets=2, rep_min=12, rep_max=12, target_rir=0, rest_s=0),
            ],
        )
    )
    assert [p.position for p in routine.exercises] == [0, 1, 2]
    db.close()
    reopened = open_database(db.path)
    try:
        [loaded] = RoutineRepository(reopened.engine).all()
    finally:
        reopened.close()
    assert loaded == routine
    assert [(p.exercise_id, p.rest_s, p.failure_last_set) for p in loaded.exercises] == [
        (squat, 240, False),
        (curl, None, True),
        (calf, 0, False),
    ]


def test_saving_again_replaces_the_exercises_and_keeps_the_place(
    db: Database, exercise_ids: list[int]
) -> None:
    squat, curl, calf = exercise_ids
    repo = RoutineRepository(db.engine)
    first = repo.save(Routine(name="A", exercises=[_plan(squat)]))
    second = repo.save(Routine(name="B", exercises=[_plan(curl)]))
    first.name = "A renamed"
    first.exercises = [_plan(calf), _plan(squat)]
    repo.save(first)
    assert [(r.name, [p.exercise_id for p in r.exercises]) for r in repo.all()] == [
        ("A renamed", [calf, squat]),
        ("B", [curl]),
    ]
    assert repo.get(second.id or 0) == second
    assert repo.get(12345) is None


def test_delete_then_restore_puts_it_back_in_its_place(db: Database, exercise_ids: list[int]) -> None:
    squat, curl, calf = exercise_ids
    repo = RoutineRepository(db.engine)
    routines = [
        repo.save(Routine(name=n, exercises=[_plan(e)])) for n, e in (("A", squat), ("B", curl), ("C", calf))
    ]
    middle = routines[1]
    assert middle.id is not None
    position = repo.delete(middle.id)
    assert [r.name for r in repo.all()] == ["A", "C"]
    assert position == 1
    assert repo.delete(middle.id) is None  # already gone
    repo.restore(middle, position)
    assert repo.all() == routines


def test_out_of_range_rest_is_refused_by_the_database(db: Database, exercise_ids: list[int]) -> None:
    repo = RoutineRepository(db.engine)
    with pytest.raises(IntegrityError):
        repo.save(Routine(name="Bad", exercises=[_plan(exercise_ids[0], rest_s=901)]))
    assert repo.all() == []


def test_superset_groups_survive_a_reopen(db: Database, exercise_ids: list[int]) -> None:
    squat, curl, calf = exercise_ids
    RoutineRepository(db.engine).save(
        Routine(
            name="Legs circuit",
            exercises=[_plan(squat), _plan(curl, superset_group=1), _plan(calf, superset_group=1)],
        )
    )
    db.close()
    reopened = open_database(db.path)
    try:
        [loaded] = RoutineRepository(reopened.engine).all()
    finally:
        reopened.close()
    assert [p.superset_group for p in loaded.exercises] == [None, 1, 1]
