"""The RIR bias from paired failure sets: shrinkage toward the prior, per exercise, monthly accuracy,
the sentence, and synthetic lifters with a known bias recovered end to end."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone

import pytest
from helpers.rir_lifter import Lifter, calibration_sets, workouts

from gym_companion.domain.model import Equipment, Exercise, FailureKind, Muscle, SetType
from gym_companion.domain.rir_bias import (
    MIN_FAILURE_SETS,
    PRIOR_BIAS_REPS,
    PRIOR_STRENGTH,
    BiasSums,
    RirBias,
    accuracy_by_month,
    calibrate,
    describe_bias,
    estimate_bias,
    summarize,
)
from gym_companion.domain.rir_calibration import CalibrationSet, FailureObservation

T0 = datetime(2025, 3, 3, 18, 0, tzinfo=UTC)
ABS = FailureKind.ABSOLUTE
SQUAT = Exercise("Squat", (Muscle.QUADS,), equipment=Equipment.BARBELL, id=1)
CURL = Exercise("Dumbbell Curl", (Muscle.BICEPS,), equipment=Equipment.DUMBBELL, id=2)
CATALOG = {1: SQUAT, 2: CURL}


def _observations(errors: list[float], exercise_id: int = 1) -> list[FailureObservation]:
    """One full-weight observation per error, a day apart, on one exercise."""
    found = []
    for i, error in enumerate(errors):
        when = T0 + timedelta(days=i)
        failure = CalibrationSet(exercise_id, 10 * exercise_id + i, when, SetType.WORKING, 100, 10, 0, ABS, i)
        found.append(FailureObservation(failure, (), error, 1.0))
    return found


def test_no_bias_below_five_failure_sets_and_the_sentence_counts_up() -> None:
    assert estimate_bias([]) is None
    assert estimate_bias(_observations([3.0] * 4)) is None
    assert describe_bias(None, 0) == "Not enough failure sets yet to learn your RIR bias — 0 of 5."
    assert describe_bias(None, 2) == "Not enough failure sets yet to learn your RIR bias — 2 of 5."


def test_five_failure_sets_are_shrunk_toward_the_literature_prior() -> None:
    bias = estimate_bias(_observations([3.0] * MIN_FAILURE_SETS))
    assert bias is not None
    # (3 × 1 + 5 × 3) / (3 + 5) = 2.25, not 3: two or five sets cannot swing the estimate wildly.
    assert (PRIOR_STRENGTH, PRIOR_BIAS_REPS) == (3.0, 1.0)
    assert bias.mean == pytest.approx(2.25)
    # spread (3 × 1² + 5 × 0.75²) / 8 = 0.7266; stderr √(0.7266 / 8) = 0.301
    assert bias.stderr == pytest.approx(math.sqrt((3 + 5 * 0.75**2) / 8 / 8))
    assert bias.failure_sets == 5


def test_many_failure_sets_outweigh_the_prior_and_narrow_the_error() -> None:
    few = estimate_bias(_observations([2.0, 3.0] * 3))
    many = estimate_bias(_observations([2.0, 3.0] * 100))
    assert few is not None and many is not None
    assert many.mean == pytest.approx((3 * 1 + 200 * 2.5) / 203)  # 2.478: the prior barely counts
    assert many.stderr < few.stderr / 3


def test_sums_add_up_per_exercise() -> None:
    a, b = _observations([1.0, 2.0]), _observations([4.0])
    assert BiasSums.of(a) + BiasSums.of(b) == BiasSums.of(a + b)
    assert BiasSums.of(a + b).weighted_square == pytest.approx(1 + 4 + 16)


def test_an_exercise_gets_its_own_bias_from_five_failure_sets_leaning_on_the_lifters() -> None:
    squat = _observations([1.0] * 6, exercise_id=1)  # six failure sets, each a rep under-rated
    curls = _observations([0.0] * 4, exercise_id=2)  # four, rated exactly
    result = summarize(squat + curls)
    assert result.overall is not None and result.failure_sets == 10
    # the lifter: (3 × 1 + 6 × 1 + 4 × 0) / 13 = 0.692
    assert result.overall.mean == pytest.approx(9 / 13)
    assert set(result.per_exercise) == {1}  # curls have only 4
    # squat: (5 × 0.692 + 6 × 1) / 11 = 0.860, between the lifter's and its own
    assert result.per_exercise[1].mean == pytest.approx((5 * 9 / 13 + 6) / 11)
    assert result.bias_for(1) == result.per_exercise[1].mean
    assert result.bias_for(2) == result.overall.mean  # no own bias: the lifter's
    assert summarize([]).bias_for(1) == 0.0  # nothing learned: nothing applied


def test_the_sentence_says_which_way_and_how_much() -> None:
    def bias(mean: float) -> RirBias:
        return RirBias(mean, 0.2, pairs=20, failure_sets=14)

    assert (
        describe_bias(bias(1.26), 14)
        == "You under-rate your reserve by about 1.3 reps (from 14 failure sets)."
    )
    assert (
        describe_bias(bias(1.02), 14) == "You under-rate your reserve by about 1 rep (from 14 failure sets)."
    )
    assert (
        describe_bias(bias(-0.64), 14)
        == "You over-rate your reserve by about 0.6 reps (from 14 failure sets)."
    )
    assert describe_bias(bias(0.3), 14) == (
        "Your RIR ratings are well calibrated: off by 0.3 reps on average (from 14 failure sets)."
    )
    # The number shown decides: -0.47 shows as 0.5, which is not "well calibrated".
    assert (
        describe_bias(bias(-0.47), 14)
        == "You over-rate your reserve by about 0.5 reps (from 14 failure sets)."
    )


def test_accuracy_is_the_mean_error_and_count_per_local_month() -> None:
    found = _observations([1.0, 2.0])  # 3 and 4 March
    late = CalibrationSet(
        1, 9, datetime(2025, 3, 31, 23, 30, tzinfo=UTC), SetType.WORKING, 100, 10, 0, ABS, 9
    )
    found.append(FailureObservation(late, (), -1.0, 0.5))
    utc = accuracy_by_month(found)
    assert [(p.month_start.month, p.failure_sets) for p in utc] == [(3, 3)]
    assert utc[0].mean_error == pytest.approx((1 + 2 - 0.5) / 2.5)
    berlin_summer = timezone(timedelta(hours=2))  # 23:30 UTC on 31 March is 1 April there
    local = accuracy_by_month(found, berlin_summer)
    assert [(p.month_start.month, p.failure_sets, p.mean_error) for p in local] == [(3, 2, 1.5), (4, 1, -1.0)]
    assert accuracy_by_month([]) == []


# --- synthetic lifters ------------------------------------------------------------------------------


@pytest.mark.parametrize(("true_bias", "seed"), [(1.5, 1), (1.5, 2), (-0.5, 3), (-0.5, 4)])
def test_a_synthetic_lifter_with_a_known_bias_is_recovered(true_bias: float, seed: int) -> None:
    history = workouts(Lifter(bias=true_bias, seed=seed), [1, 2], T0, count=60, loads=[100.0, 20.0])
    result = calibrate(calibration_sets(history), CATALOG)
    assert result.overall is not None
    assert result.failure_sets >= 40
    assert result.overall.mean == pytest.approx(true_bias, abs=0.3)
    assert abs(result.overall.mean - true_bias) < 4 * result.overall.stderr + 0.15
    for own in result.per_exercise.values():
        assert own.mean == pytest.approx(true_bias, abs=0.4)
    expected = "under-rate" if true_bias > 0 else "over-rate"
    assert expected in result.sentence
