"""The exercise catalog's custom exercises on a real database: create, change, delete, with the name checked
against the whole library the way search matches names; muscles round-trip and drive the recovery numbers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gym_companion.domain.custom_exercise import CustomExerciseSpec, ExerciseInUseError, InvalidExerciseError
from gym_companion.domain.model import Equipment, FailureSafety, Mechanics, Muscle
from gym_companion.services.context import AppContext
from gym_companion.services.session_factory import open_context

NOW = datetime(2026, 3, 4, 18, 0, tzinfo=UTC)  # a Wednesday
VIKING = CustomExerciseSpec(
    name="Viking Press",
    primary_muscles=(Muscle.FRONT_DELTS,),
    secondary_muscles=(Muscle.TRICEPS, Muscle.CHEST),
    equipment=Equipment.BARBELL,
    mechanics=Mechanics.COMPOUND,
    failure_safety=FailureSafety.SPOTTER,
)


@pytest.fixture
def context(db_path: Path) -> Iterator[AppContext]:
    opened = open_context(db_path, now=lambda: NOW)
    yield opened
    opened.close()


def hard_sets(context: AppContext) -> dict[Muscle, float]:
    return {
        row.recovery.muscle: row.recovery.hard_sets_this_week
        for row in context.recovery.report().rows
        if row.recovery.hard_sets_this_week
    }


def log_working_sets(context: AppContext, exercise_id: int, count: int) -> None:
    log = context.workout_log
    exercise = context.catalog.get(exercise_id)
    assert exercise is not None
    log.start()
    log.add_exercise(exercise)
    for _ in range(count):
        log.log_set(weight_kg=40.0, reps=10)
    log.finish()


def test_a_custom_exercise_keeps_its_muscles_across_a_restart(db_path: Path, context: AppContext) -> None:
    made = context.catalog.create(VIKING)
    assert made.id is not None and made.is_custom
    assert made.default_rest_s == 150  # compound
    context.close()
    reopened = open_context(db_path, now=lambda: NOW)
    try:
        stored = reopened.catalog.get(made.id)
        assert stored is not None
        assert stored.primary_muscles == (Muscle.FRONT_DELTS,)
        assert set(stored.secondary_muscles) == {Muscle.TRICEPS, Muscle.CHEST}
        assert (stored.equipment, stored.failure_safety) == (Equipment.BARBELL, FailureSafety.SPOTTER)
        assert reopened.catalog.search("viking", 1)[0].id == made.id
    finally:
        reopened.close()


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("bench press", "“bench press” is already in the library: choose another name."),
        ("Press Bench", "“Press Bench” is already in the library as “Bench Press”"),  # same words
        ("Squat (Barbell)", "as “Squat”"),  # an alias of the library's Squat
    ],
)
def test_a_name_another_exercise_answers_to_is_refused(context: AppContext, name: str, says: str) -> None:
    before = len(context.catalog.by_id())
    spec = CustomExerciseSpec(name=name, primary_muscles=(Muscle.CHEST,))
    assert says in context.catalog.problems(spec)["name"]
    with pytest.raises(InvalidExerciseError) as refused:
        context.catalog.create(spec)
    assert says in refused.value.problems["name"]
    assert len(context.catalog.by_id()) == before


def test_a_clash_with_ones_own_exercise_says_so_and_renaming_oneself_is_fine(context: AppContext) -> None:
    made = context.catalog.create(VIKING)
    clash = CustomExerciseSpec(name="viking press", primary_muscles=(Muscle.CHEST,))
    assert "already in your own exercises" in context.catalog.problems(clash)["name"]
    assert context.catalog.problems(VIKING, made.id) == {}  # its own name is not a clash


def test_changing_the_muscles_moves_its_sets_in_recovery(context: AppContext) -> None:
    made = context.catalog.create(VIKING)
    assert made.id is not None
    log_working_sets(context, made.id, 4)
    assert hard_sets(context) == {Muscle.FRONT_DELTS: 4.0, Muscle.TRICEPS: 2.0, Muscle.CHEST: 2.0}

    changed = CustomExerciseSpec(
        name="Viking Press (half kneeling)",
        primary_muscles=(Muscle.CHEST, Muscle.FRONT_DELTS),
        secondary_muscles=(Muscle.ABS,),
        mechanics=Mechanics.ISOLATION,
    )
    updated = context.catalog.update_custom(made.id, changed)
    assert (updated.name, updated.default_rest_s) == ("Viking Press (half kneeling)", 90)
    # the same 4 sets now count fully for chest and front delts, half for abs; triceps no longer
    assert hard_sets(context) == {Muscle.CHEST: 4.0, Muscle.FRONT_DELTS: 4.0, Muscle.ABS: 2.0}
    weekly = context.history_series.weekly_volume()
    assert Muscle.TRICEPS not in weekly and weekly[Muscle.ABS].hard_sets[-1] == 2.0


def test_library_exercises_are_read_only(context: AppContext) -> None:
    bench = context.catalog.find("Bench Press")
    assert bench is not None and bench.id is not None
    with pytest.raises(ValueError, match="library exercise: duplicate it"):
        context.catalog.update_custom(bench.id, CustomExerciseSpec("Bench Press", (Muscle.TRICEPS,)))
    with pytest.raises(ValueError, match="library exercise"):
        context.catalog.delete_custom(bench.id)
    assert context.catalog.find("Bench Press") is not None


def test_deleting_a_used_exercise_is_refused_with_its_count(context: AppContext) -> None:
    made = context.catalog.create(VIKING)
    assert made.id is not None
    log_working_sets(context, made.id, 3)
    with pytest.raises(ExerciseInUseError) as refused:
        context.catalog.delete_custom(made.id)
    assert str(refused.value).startswith("“Viking Press” stays: used by 3 sets in 1 workout.")
    assert context.catalog.get(made.id) is not None


def test_deleting_an_unused_exercise_removes_it_from_search(context: AppContext) -> None:
    made = context.catalog.create(VIKING)
    assert made.id is not None
    deleted = context.catalog.delete_custom(made.id)
    assert deleted.name == "Viking Press"
    assert context.catalog.get(made.id) is None
    assert context.catalog.find("Viking Press") is None
    again = context.catalog.create(VIKING)  # the name is free again
    assert again.name == "Viking Press"


def test_add_custom_still_makes_a_one_muscle_exercise(context: AppContext) -> None:
    made = context.catalog.add_custom("Sled Push", (Muscle.QUADS,), mechanics=Mechanics.COMPOUND)
    assert (made.primary_muscles, made.default_rest_s, made.is_custom) == ((Muscle.QUADS,), 150, True)
    with pytest.raises(ValueError, match="Give the exercise a name"):
        context.catalog.add_custom("   ", (Muscle.QUADS,))
