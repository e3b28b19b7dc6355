"""Muscles of the custom exercises an import creates for names the library does not know."""

from __future__ import annotations

import pytest

from gym_companion.domain.exercise_search import ExerciseIndex
from gym_companion.domain.library import load_bundled_library
from gym_companion.domain.model import Muscle
from gym_companion.services.import_plan import custom_exercise


@pytest.fixture(scope="module")
def index() -> ExerciseIndex:
    return ExerciseIndex(load_bundled_library())


def guess(index: ExerciseIndex, name: str, category: str = "") -> tuple[set[Muscle], set[Muscle]]:
    made = custom_exercise(name, -1, category, index, assisted=False, taken_names=set())
    return set(made.primary_muscles), set(made.secondary_muscles)


def test_back_deltoids_train_the_rear_delts_not_the_hips(index: ExerciseIndex) -> None:
    assert guess(index, "Back Deltoids") == ({Muscle.SIDE_REAR_DELTS}, set())


def test_lower_back_trains_the_lower_back(index: ExerciseIndex) -> None:
    assert guess(index, "Lower Back") == ({Muscle.LOWER_BACK}, set())


def test_a_gym_specific_leg_press_takes_the_leg_press_muscles(index: ExerciseIndex) -> None:
    primary, _secondary = guess(index, "Leg Press Keller")
    assert primary == {Muscle.QUADS, Muscle.GLUTES}


def test_a_name_without_clues_falls_back_to_the_category(index: ExerciseIndex) -> None:
    assert guess(index, "V-bar gym group", "Triceps") == ({Muscle.TRICEPS}, set())


def test_muscle_words_beat_the_category(index: ExerciseIndex) -> None:
    assert guess(index, "Rear delt machine", "Back")[0] == {Muscle.SIDE_REAR_DELTS}


def test_no_clue_at_all_leaves_the_muscles_for_the_lifter(index: ExerciseIndex) -> None:
    assert guess(index, "Double raise") == (set(), set())
