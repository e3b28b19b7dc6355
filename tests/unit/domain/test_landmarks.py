"""Weekly hard-set landmarks: the spec's table, zone boundaries, and hard-set counting."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from gym_companion.domain.landmarks import (
    Landmarks,
    VolumeZone,
    hard_sets_by_muscle,
    landmarks_for,
    volume_zone,
)
from gym_companion.domain.model import FailureKind, Muscle, SetType
from gym_companion.domain.recovery import FatigueInput

T0 = datetime(2024, 5, 6, 18, 0, tzinfo=UTC)


def _set(
    rir: int | None,
    set_type: SetType = SetType.WORKING,
    failure: FailureKind = FailureKind.NONE,
    primary: tuple[Muscle, ...] = (Muscle.CHEST,),
    secondary: tuple[Muscle, ...] = (),
) -> FatigueInput:
    return FatigueInput(T0, set_type, rir, failure, primary, secondary)


@pytest.mark.parametrize(
    ("muscle", "expected"),
    [
        (Muscle.CHEST, Landmarks(6, 12, 20, 22)),
        (Muscle.BACK, Landmarks(10, 14, 22, 25)),
        (Muscle.BICEPS, Landmarks(8, 14, 20, 26)),
        (Muscle.TRICEPS, Landmarks(6, 10, 14, 18)),
        (Muscle.SIDE_REAR_DELTS, Landmarks(8, 16, 22, 26)),
        (Muscle.FRONT_DELTS, Landmarks(0, 6, 8, 12)),
        (Muscle.TRAPS, Landmarks(0, 12, 20, 26)),
        (Muscle.ABS, Landmarks(0, 16, 20, 25)),
        (Muscle.GLUTES, Landmarks(0, 4, 12, 16)),
        (Muscle.QUADS, Landmarks(8, 12, 18, 20)),
        (Muscle.HAMSTRINGS, Landmarks(6, 10, 16, 20)),
        (Muscle.CALVES, Landmarks(8, 12, 16, 20)),
        (Muscle.FOREARMS, None),
        (Muscle.LOWER_BACK, None),
    ],
)
def test_landmarks_table(muscle: Muscle, expected: Landmarks | None) -> None:
    assert landmarks_for(muscle) == expected


@pytest.mark.parametrize(
    ("hard_sets", "zone"),
    [
        (0, VolumeZone.BELOW_MEV),
        (5.5, VolumeZone.BELOW_MEV),
        (6, VolumeZone.MEV_TO_MAV),
        (11.5, VolumeZone.MEV_TO_MAV),
        (12, VolumeZone.IN_MAV),
        (20, VolumeZone.IN_MAV),
        (20.5, VolumeZone.ABOVE_MAV),
        (22, VolumeZone.ABOVE_MAV),
        (22.5, VolumeZone.ABOVE_MRV),
    ],
)
def test_volume_zone_boundaries_for_chest(hard_sets: float, zone: VolumeZone) -> None:
    chest = landmarks_for(Muscle.CHEST)
    assert chest is not None
    assert volume_zone(hard_sets, chest) is zone


def test_zero_sets_meet_a_zero_mev() -> None:
    glutes = landmarks_for(Muscle.GLUTES)
    assert glutes is not None
    assert volume_zone(0, glutes) is VolumeZone.MEV_TO_MAV


def test_hard_sets_count_working_sets_at_rir_4_or_less() -> None:
    sets = [
        _set(4),
        _set(0, failure=FailureKind.ABSOLUTE),
        _set(None),  # unrated: assumed RIR 2, a hard set
        _set(5),  # too easy
        _set(1, set_type=SetType.WARMUP),  # warm-ups never count
        _set(2, set_type=SetType.DROP),
    ]
    assert hard_sets_by_muscle(sets)[Muscle.CHEST] == 4.0


def test_secondary_muscles_count_half_a_set() -> None:
    rows = [_set(2, primary=(Muscle.BACK,), secondary=(Muscle.BICEPS, Muscle.SIDE_REAR_DELTS))] * 3
    totals = hard_sets_by_muscle(rows)
    assert totals[Muscle.BACK] == 3.0
    assert totals[Muscle.BICEPS] == 1.5
    assert totals[Muscle.SIDE_REAR_DELTS] == 1.5
    assert totals[Muscle.CHEST] == 0.0
    assert set(totals) == set(Muscle)
