"""RIR calibration: which failure sets pair with which rated sets, and what each pair says.

The bias estimated from the pairs is tested in test_rir_bias.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gym_companion.domain.model import Equipment, Exercise, FailureKind, Muscle, SetType
from gym_companion.domain.rir_calibration import (
    FATIGUE_PER_EARLIER_SET,
    CalibrationSet,
    FailureObservation,
    find_pairs,
    reps_at_load,
    unpaired_failures,
)

T0 = datetime(2025, 3, 3, 18, 0, tzinfo=UTC)
SQUAT = Exercise("Squat", (Muscle.QUADS,), equipment=Equipment.BARBELL, id=1)
CURL = Exercise("Dumbbell Curl", (Muscle.BICEPS,), equipment=Equipment.DUMBBELL, id=2)
PULL_UP = Exercise("Pull-Up", (Muscle.BACK,), equipment=Equipment.BODYWEIGHT, id=3)
CATALOG = {e.id: e for e in (SQUAT, CURL, PULL_UP) if e.id is not None}
NONE, TECH, ABS = FailureKind.NONE, FailureKind.TECHNICAL, FailureKind.ABSOLUTE

# (kg, reps, rir or None, failure kind[, set type])
Row = tuple


def session(session_id: int, day: float, rows: list[Row], exercise: Exercise = SQUAT) -> list[CalibrationSet]:
    """One exercise's sets in one session, three minutes apart, `day` days after T0."""
    assert exercise.id is not None
    start = T0 + timedelta(days=day)
    found = []
    for i, row in enumerate(rows):
        kg, reps, rir, failure = row[:4]
        set_type = row[4] if len(row) > 4 else SetType.WORKING
        found.append(
            CalibrationSet(
                exercise.id,
                session_id,
                start + timedelta(minutes=3 * i),
                set_type,
                kg,
                reps,
                0 if failure is not NONE else rir,
                failure,
                id=session_id * 100 + i,
            )
        )
    return found


def only(observations: list[FailureObservation]) -> FailureObservation:
    assert len(observations) == 1
    return observations[0]


# --- pairing ----------------------------------------------------------------------------------------


def test_a_failure_set_reveals_the_reserve_of_the_set_rated_just_before_it() -> None:
    # 100 kg × 8 rated "2 left", then 100 kg × 10 to failure, one set later: fresh, 10 × 1.1 = 11 reps
    # were there, so 3 were left: the rating was one rep short.
    observation = only(find_pairs(session(1, 0, [(100, 8, 2, NONE), (100, 10, 0, ABS)]), CATALOG))
    pair = observation.pairs[0]
    assert pair.reps_at_failure == pytest.approx(11.0)
    assert pair.true_reserve == pytest.approx(3.0)
    assert observation.error == pytest.approx(1.0)
    assert observation.weight == 1.0 and pair.same_session


def test_each_earlier_set_adds_the_fatigue_allowance() -> None:
    rows = [(100, 8, 3, NONE), (100, 8, 2, NONE), (100, 9, 0, TECH)]
    observation = only(find_pairs(session(1, 0, rows), CATALOG))
    first, second = observation.pairs
    assert first.reps_at_failure == pytest.approx(9 * (1 + 2 * FATIGUE_PER_EARLIER_SET))  # 10.8
    assert first.error == pytest.approx(10.8 - 8 - 3)
    assert second.reps_at_failure == pytest.approx(9 * (1 + FATIGUE_PER_EARLIER_SET))  # 9.9
    assert second.error == pytest.approx(9.9 - 8 - 2)
    assert observation.error == pytest.approx((-0.2 + -0.1) / 2)  # one observation, not two


def test_unrated_sets_still_count_as_earlier_sets() -> None:
    rows = [(100, 8, 2, NONE), (100, 8, None, NONE), (100, 10, 0, ABS)]
    pair = only(find_pairs(session(1, 0, rows), CATALOG)).pairs[0]
    assert pair.reps_at_failure == pytest.approx(10 * 1.2)


def test_only_the_first_failure_of_a_session_is_a_reference_and_later_sets_are_not_checked() -> None:
    rows = [(100, 8, 2, NONE), (100, 10, 0, ABS), (100, 5, 1, NONE), (100, 6, 0, ABS)]
    observation = only(find_pairs(session(1, 0, rows), CATALOG))
    assert observation.failure.reps == 10 and len(observation.pairs) == 1


def test_rir_zero_five_plus_warm_ups_and_drop_sets_are_not_checked() -> None:
    rows = [
        (60, 5, None, NONE, SetType.WARMUP),
        (100, 8, 5, NONE),
        (100, 9, 0, NONE),
        (100, 10, 0, ABS),
        (80, 8, 0, ABS, SetType.DROP),
    ]
    assert find_pairs(session(1, 0, rows), CATALOG) == []


@pytest.mark.parametrize(
    ("exercise", "rated_kg", "failure_kg", "pairs"),
    [
        (SQUAT, 100, 102.5, True),  # one barbell step (2.5 kg ≥ 2.5 % of 102.5)
        (SQUAT, 100, 103, False),  # 3 kg: more than a step and more than 2.5 %
        (SQUAT, 200, 205, True),  # 2.5 % of 205 is 5.1 kg
        (SQUAT, 200, 205.5, False),
        (CURL, 20, 22, True),  # one dumbbell step
        (CURL, 20, 22.5, False),
        (PULL_UP, 10, 10, True),  # bodyweight: only the same added load
        (PULL_UP, 10, 12.5, False),
    ],
)
def test_loads_just_inside_the_tolerance_pair_and_just_outside_do_not(
    exercise: Exercise, rated_kg: float, failure_kg: float, pairs: bool
) -> None:
    rows = [(rated_kg, 8, 2, NONE), (failure_kg, 9, 0, ABS)]
    assert bool(find_pairs(session(1, 0, rows, exercise), CATALOG)) is pairs


def test_a_slightly_heavier_failure_set_is_bridged_with_the_rts_chart() -> None:
    # 102.5 × 9 to failure: e1RM 102.5 / 0.762 = 134.5 kg; 100 kg is 74.3 % of it, 9.81 reps on the chart.
    assert reps_at_load(9, 102.5, 100) == pytest.approx(
        9 + (76.2 - 100 / (102.5 / 0.762) * 100) / 2.3, abs=0.01
    )
    pair = only(find_pairs(session(1, 0, [(100, 8, 2, NONE), (102.5, 9, 0, ABS)]), CATALOG)).pairs[0]
    assert pair.reps_at_failure == pytest.approx(9.81 * 1.1, abs=0.02)
    assert reps_at_load(20, 50, 50) == 20  # the same load needs no chart, however long the set
    assert reps_at_load(20, 50, 48) is None  # ... but the chart stops at 15 reps


def test_a_failure_set_first_in_its_session_borrows_the_nearest_session_within_two_weeks() -> None:
    sets = (
        session(1, 0, [(100, 8, 2, NONE), (100, 8, 2, NONE)])  # 10 days before, two rated sets
        + session(2, 7, [(100, 8, 1, NONE)])  # 3 days before: nearer, wins
        + session(3, 10, [(100, 10, 0, ABS)])  # failure on the first set
    )
    observation = only(find_pairs(sets, CATALOG))
    pair = observation.pairs[0]
    assert pair.rated.session_id == 2 and not pair.same_session
    assert pair.reps_at_failure == pytest.approx(10.0)  # both were first sets: no allowance
    assert observation.error == pytest.approx(10 - 8 - 1)
    assert observation.weight == 0.5  # another day's readiness: half weight
    assert unpaired_failures(sets, []) == [sets[-1]]
    assert unpaired_failures(sets, [observation]) == []


def test_a_failure_set_with_nothing_rated_within_two_weeks_teaches_nothing() -> None:
    sets = session(1, 0, [(100, 8, 2, NONE)]) + session(2, 15, [(100, 10, 0, ABS)])
    assert find_pairs(sets, CATALOG) == []


def test_sessions_whose_own_failure_set_used_their_ratings_do_not_lend_them() -> None:
    sets = session(1, 0, [(100, 8, 2, NONE), (100, 10, 0, ABS)]) + session(2, 3, [(100, 10, 0, ABS)])
    observation = only(find_pairs(sets, CATALOG))
    assert observation.failure.session_id == 1


def test_long_sets_and_ratings_far_from_failure_weigh_half_each() -> None:
    long_far = only(find_pairs(session(1, 0, [(50, 10, 4, NONE), (50, 14, 0, ABS)]), CATALOG))
    assert long_far.pairs[0].reps_at_failure > 12
    assert long_far.weight == pytest.approx(0.25)
    short_near = only(find_pairs(session(1, 0, [(100, 6, 2, NONE), (100, 8, 0, ABS)]), CATALOG))
    assert short_near.weight == 1.0


def test_each_exercise_is_paired_on_its_own() -> None:
    sets = session(1, 0, [(100, 8, 2, NONE)]) + session(1, 0.01, [(100, 10, 0, ABS)], CURL)
    assert find_pairs(sets, CATALOG) == []
