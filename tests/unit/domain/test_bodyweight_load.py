"""Bodyweight exercises: the load an e1RM works from is the moved bodyweight plus the logged (added) load."""

from __future__ import annotations

import pytest

from gym_companion.domain.bodyweight_load import (
    PUSH_UP_SHARE,
    bodyweight_share,
    effective_load_kg,
    moved_bodyweight_kg,
)
from gym_companion.domain.e1rm import E1rmBasis, set_e1rm
from gym_companion.domain.library import load_bundled_library
from gym_companion.domain.model import Exercise, FailureKind, SetType

LIBRARY = {e.name: e for e in load_bundled_library()}
W, NONE = SetType.WORKING, FailureKind.NONE
P10 = 0.739  # RTS chart: 10 effective reps = 73.9 % of 1RM


def e1rm(exercise: Exercise, bodyweight: float, added: float, reps: int, rir: int) -> float | None:
    basis = E1rmBasis(bodyweight_kg=moved_bodyweight_kg(exercise, bodyweight))
    return set_e1rm(W, added, reps, rir, NONE, basis)


def test_pull_up_at_bodyweight() -> None:
    # 80 kg lifter, 8 reps with 2 in reserve: 80 kg moved for 10 effective reps.
    assert e1rm(LIBRARY["Pull-Up"], 80.0, 0.0, 8, 2) == pytest.approx(80 / P10)  # 108.25 kg


def test_assisted_pull_up_takes_the_help_off_the_bodyweight() -> None:
    # −20 kg of assistance at 80 kg bodyweight: 60 kg moved.
    assert LIBRARY["Assisted Pull-Up"].assisted
    assert e1rm(LIBRARY["Assisted Pull-Up"], 80.0, -20.0, 8, 2) == pytest.approx(60 / P10)  # 81.19 kg


def test_dips_with_a_10_kg_belt() -> None:
    assert e1rm(LIBRARY["Dip"], 80.0, 10.0, 8, 2) == pytest.approx(90 / P10)  # 121.79 kg


def test_push_ups_move_about_two_thirds_of_bodyweight() -> None:
    assert bodyweight_share(LIBRARY["Push-Up"]) == PUSH_UP_SHARE
    assert moved_bodyweight_kg(LIBRARY["Push-Up"], 80.0) == pytest.approx(51.2)
    assert e1rm(LIBRARY["Push-Up"], 80.0, 0.0, 8, 2) == pytest.approx(51.2 / P10)


def test_exercises_with_an_external_load_are_unchanged() -> None:
    curl = LIBRARY["Barbell Curl"]
    assert bodyweight_share(curl) == 0.0
    assert moved_bodyweight_kg(curl, 80.0) == 0.0
    assert e1rm(curl, 80.0, 40.0, 8, 2) == pytest.approx(40 / P10)


def test_planks_and_crunches_get_no_e1rm_from_bodyweight() -> None:
    for name in ("Plank", "Crunch", "Hanging Leg Raise", "Negative Pull-Up"):
        assert bodyweight_share(LIBRARY[name]) == 0.0, name
        assert e1rm(LIBRARY[name], 80.0, 0.0, 10, 2) is None, name


def test_no_weigh_in_yet_means_no_bodyweight_and_no_e1rm() -> None:
    assert moved_bodyweight_kg(LIBRARY["Pull-Up"], None) == 0.0
    assert e1rm(LIBRARY["Pull-Up"], 0.0, 0.0, 8, 2) is None  # nothing to scale yet
    assert e1rm(LIBRARY["Pull-Up"], 0.0, 10.0, 8, 2) == pytest.approx(10 / P10)  # only the belt is known


def test_assistance_as_heavy_as_the_lifter_leaves_nothing_to_estimate() -> None:
    assert effective_load_kg(-80.0, 80.0) == 0.0
    assert e1rm(LIBRARY["Assisted Pull-Up"], 80.0, -80.0, 8, 2) is None


def test_every_named_exercise_is_in_the_library() -> None:
    from gym_companion.domain.bodyweight_load import BODYWEIGHT_SHARE

    assert set(BODYWEIGHT_SHARE) <= set(LIBRARY)
