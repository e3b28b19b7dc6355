"""Guessing what an unknown exercise trains from its name: muscle words first, then a confident match."""

from __future__ import annotations

import pytest

from gym_companion.domain.exercise_guess import confident_match, muscles_named
from gym_companion.domain.exercise_search import ExerciseIndex
from gym_companion.domain.library import load_bundled_library
from gym_companion.domain.model import Muscle


@pytest.fixture(scope="module")
def index() -> ExerciseIndex:
    return ExerciseIndex(load_bundled_library())


@pytest.mark.parametrize(
    ("name", "muscles"),
    [
        ("Back Deltoids", (Muscle.SIDE_REAR_DELTS,)),
        ("Rear Delt Fly (Cable)", (Muscle.SIDE_REAR_DELTS,)),
        ("Lower Back", (Muscle.LOWER_BACK,)),
        ("Front delts machine", (Muscle.FRONT_DELTS,)),
        ("Shoulders", (Muscle.FRONT_DELTS, Muscle.SIDE_REAR_DELTS)),
        ("Seated Triceps", (Muscle.TRICEPS,)),
        ("Chest and Biceps finisher", (Muscle.CHEST, Muscle.BICEPS)),
        ("Calves on the stairs", (Muscle.CALVES,)),
        ("Abs circuit", (Muscle.ABS,)),
        ("Seated leg curl (Keller)", (Muscle.HAMSTRINGS,)),
        ("Spider Curl", (Muscle.BICEPS,)),
        ("Wrist Curls", (Muscle.FOREARMS,)),
    ],
)
def test_muscle_words_in_the_name_name_the_muscles(name: str, muscles: tuple[Muscle, ...]) -> None:
    assert muscles_named(name) == muscles


@pytest.mark.parametrize(
    "name", ["Chest Supported Row", "Back Squat Keller", "Close Grip Bench", "Lateral Lunge", "Double raise"]
)
def test_words_that_only_look_like_muscles_name_none(name: str) -> None:
    assert muscles_named(name) == ()


def test_a_library_name_inside_the_name_is_a_confident_match(index: ExerciseIndex) -> None:
    found = confident_match("Leg Press Technogym (Gelb)", index)
    assert found is not None and found.name == "Leg Press"


def test_a_loose_fuzzy_match_is_not_confident(index: ExerciseIndex) -> None:
    assert index.search("Lower Back", 1)  # the type-ahead still offers something ...
    assert confident_match("Lower Back", index) is None  # ... but it must not decide the muscles
    assert confident_match("Double raise", index) is None
