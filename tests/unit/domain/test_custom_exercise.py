"""A custom exercise as the lifter describes it: what can be saved, what it becomes, what blocks deleting."""

from __future__ import annotations

import pytest

from gym_companion.domain.custom_exercise import (
    COMPOUND_REST_S,
    ISOLATION_REST_S,
    CustomExerciseSpec,
    ExerciseInUseError,
    ExerciseUsage,
    spec_problems,
)
from gym_companion.domain.model import Equipment, Exercise, FailureSafety, Mechanics, Muscle

LANDMINE = CustomExerciseSpec(
    name="  Landmine   Press ",
    primary_muscles=(Muscle.FRONT_DELTS,),
    secondary_muscles=(Muscle.TRICEPS, Muscle.CHEST),
    equipment=Equipment.BARBELL,
    mechanics=Mechanics.COMPOUND,
    failure_safety=FailureSafety.SPOTTER,
)


def test_a_spec_becomes_a_custom_exercise_with_the_rest_of_its_mechanics() -> None:
    exercise = LANDMINE.to_exercise(7)
    assert exercise.name == "Landmine Press"  # spaces tidied as the search box shows names
    assert (exercise.primary_muscles, exercise.secondary_muscles) == (
        (Muscle.FRONT_DELTS,),
        (Muscle.TRICEPS, Muscle.CHEST),
    )
    assert (exercise.default_rest_s, exercise.is_custom, exercise.id) == (COMPOUND_REST_S, True, 7)
    isolation = CustomExerciseSpec("Cable Y Raise", (Muscle.SIDE_REAR_DELTS,), mechanics=Mechanics.ISOLATION)
    assert isolation.to_exercise().default_rest_s == ISOLATION_REST_S == 90
    assert COMPOUND_REST_S == 150


def test_a_muscle_ticked_twice_counts_once_as_primary() -> None:
    spec = CustomExerciseSpec("Dip", (Muscle.TRICEPS, Muscle.TRICEPS), (Muscle.TRICEPS, Muscle.CHEST))
    exercise = spec.to_exercise()
    assert exercise.primary_muscles == (Muscle.TRICEPS,)
    assert exercise.secondary_muscles == (Muscle.CHEST,)


def test_of_and_back_keeps_everything_the_lifter_chose() -> None:
    library = Exercise(
        "Back Squat",
        (Muscle.QUADS, Muscle.GLUTES),
        (Muscle.HAMSTRINGS, Muscle.LOWER_BACK),
        Equipment.BARBELL,
        Mechanics.COMPOUND,
        FailureSafety.SPOTTER,
        default_rest_s=180,
        fatigue_factor=1.2,
        id=1,
    )
    copy = CustomExerciseSpec.of(library, name="Pause Squat")
    made = copy.to_exercise()
    assert made.name == "Pause Squat" and made.is_custom
    assert (made.primary_muscles, made.secondary_muscles) == (
        library.primary_muscles,
        library.secondary_muscles,
    )
    assert (made.equipment, made.failure_safety, made.fatigue_factor) == (
        Equipment.BARBELL,
        FailureSafety.SPOTTER,
        1.2,
    )
    assert made.default_rest_s == 150  # a custom exercise rests by its mechanics, not the library's 180


@pytest.mark.parametrize(
    ("spec", "field", "words"),
    [
        (CustomExerciseSpec("   ", (Muscle.CHEST,)), "name", "Give the exercise a name"),
        (CustomExerciseSpec("x" * 81, (Muscle.CHEST,)), "name", "80 characters"),
        (CustomExerciseSpec("Hip Thrust", ()), "primary_muscles", "at least one primary muscle"),
        (
            CustomExerciseSpec("Hip Thrust", (Muscle.GLUTES,), (Muscle.GLUTES,)),
            "secondary_muscles",
            "Glutes: a muscle is either primary or secondary",
        ),
    ],
)
def test_what_cannot_be_saved_is_named_per_field(spec: CustomExerciseSpec, field: str, words: str) -> None:
    problems = spec_problems(spec)
    assert list(problems) == [field]
    assert words in problems[field]


def test_a_spec_with_a_name_and_a_primary_muscle_can_be_saved() -> None:
    assert spec_problems(LANDMINE) == {}
    assert spec_problems(CustomExerciseSpec("x" * 80, (Muscle.ABS,))) == {}


def test_usage_in_words_and_the_refusal_it_makes() -> None:
    assert ExerciseUsage().sentence() == "Not used yet" and not ExerciseUsage().in_use
    used = ExerciseUsage(sets=12, sessions=3, routines=1)
    assert used.in_use
    assert used.sentence() == "Used by 12 sets in 3 workouts and 1 routine"
    assert ExerciseUsage(routines=2).sentence() == "Used by 2 routines"
    error = ExerciseInUseError("Zercher Carry", ExerciseUsage(sets=1, sessions=1))
    assert str(error).startswith("“Zercher Carry” stays: used by 1 set in 1 workout.")
    assert error.usage.sets == 1
