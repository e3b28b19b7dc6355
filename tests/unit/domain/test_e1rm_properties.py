"""Properties of the e1RM estimate over random sets: monotone in load, reps, reserve and RIR bias, and the
inverse functions (load_for, reps_at) really invert it; and the RIR correction by hand. Other hand-computed
cases live in test_e1rm.py."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gym_companion.domain.e1rm import (
    MAX_APPLIED_BIAS,
    RTS_PERCENT,
    E1rmBasis,
    E1rmFormula,
    corrected_rir,
    estimate_e1rm,
    load_for,
    reps_at,
    rts_percent,
    set_e1rm,
)
from gym_companion.domain.model import FailureKind, SetType

loads = st.floats(min_value=1.0, max_value=500.0, allow_nan=False)
reps = st.integers(min_value=1, max_value=15)
rirs = st.integers(min_value=0, max_value=5)
biases = st.floats(min_value=-3.0, max_value=3.0, allow_nan=False)
formulas = st.sampled_from(list(E1rmFormula))


def _kg(weight: float, n_reps: int, rir: float, formula: E1rmFormula, bias: float = 0.0) -> float | None:
    estimate = estimate_e1rm(weight, n_reps, rir, formula, bias)
    return None if estimate is None else estimate.kg


@given(loads, loads, reps, rirs, formulas)
def test_a_heavier_load_for_the_same_reps_and_reserve_is_a_higher_e1rm(
    a: float, b: float, n_reps: int, rir: int, formula: E1rmFormula
) -> None:
    assume(n_reps + rir <= 15 and abs(a - b) > 1e-6)
    light, heavy = sorted((a, b))
    low, high = _kg(light, n_reps, rir, formula), _kg(heavy, n_reps, rir, formula)
    assert low is not None and high is not None and high > low


@given(loads, reps, st.integers(1, 5), rirs, formulas)
def test_more_reps_at_the_same_load_and_reserve_never_lower_the_e1rm(
    weight: float, n_reps: int, more: int, rir: int, formula: E1rmFormula
) -> None:
    assume(n_reps + more + rir <= 15)
    before, after = _kg(weight, n_reps, rir, formula), _kg(weight, n_reps + more, rir, formula)
    assert before is not None and after is not None and after > before


@given(loads, reps, rirs, st.integers(1, 5), formulas)
def test_more_reserve_at_the_same_load_and_reps_never_lowers_the_e1rm(
    weight: float, n_reps: int, rir: int, more: int, formula: E1rmFormula
) -> None:
    assume(n_reps + rir + more <= 15)
    before, after = _kg(weight, n_reps, rir, formula), _kg(weight, n_reps, rir + more, formula)
    assert before is not None and after is not None and after > before


@given(loads, reps, st.integers(1, 5), biases, biases)
def test_a_larger_rir_bias_never_lowers_the_e1rm_of_a_rated_set_and_never_moves_a_failure_set(
    weight: float, n_reps: int, rir: int, a: float, b: float
) -> None:
    small, large = sorted((a, b))
    for formula in E1rmFormula:
        low = set_e1rm(SetType.WORKING, weight, n_reps, rir, FailureKind.NONE, E1rmBasis(formula, small))
        high = set_e1rm(SetType.WORKING, weight, n_reps, rir, FailureKind.NONE, E1rmBasis(formula, large))
        if low is not None and high is not None:
            assert high >= low - 1e-9
        elif low is None:  # beyond 15 effective reps with the smaller bias: beyond with the larger too
            assert high is None
        for kind in (FailureKind.TECHNICAL, FailureKind.ABSOLUTE):
            exact = set_e1rm(SetType.WORKING, weight, n_reps, 0, kind, E1rmBasis(formula))
            assert set_e1rm(SetType.WORKING, weight, n_reps, 0, kind, E1rmBasis(formula, large)) == exact


@given(st.integers(0, 5), st.integers(0, 5), biases)
def test_corrected_reserve_keeps_the_order_of_ratings_and_stays_within_the_cap(
    a: int, b: int, bias: float
) -> None:
    low, high = sorted((a, b))
    corrected_low = corrected_rir(low, FailureKind.NONE, bias)
    corrected_high = corrected_rir(high, FailureKind.NONE, bias)
    assert corrected_low is not None and corrected_high is not None
    assert 0.0 <= corrected_low <= corrected_high
    assert abs(corrected_high - high) <= MAX_APPLIED_BIAS + 1e-9


@given(loads, reps, rirs, formulas)
def test_load_for_inverts_the_estimate(weight: float, n_reps: int, rir: int, formula: E1rmFormula) -> None:
    assume(n_reps + rir <= 15)
    e1rm = _kg(weight, n_reps, rir, formula)
    assert e1rm is not None
    assert load_for(e1rm, n_reps, rir, formula) == pytest.approx(weight, rel=1e-9)


@given(loads, reps, rirs)
def test_reps_at_inverts_the_rts_estimate(weight: float, n_reps: int, rir: int) -> None:
    assume(n_reps + rir <= 15)
    e1rm = _kg(weight, n_reps, rir, E1rmFormula.RTS)
    assert e1rm is not None
    assert reps_at(e1rm, weight) == pytest.approx(n_reps + rir, abs=1e-6)


@given(st.floats(min_value=1.0, max_value=14.0, allow_nan=False), st.floats(min_value=0.01, max_value=1.0))
def test_the_rts_chart_falls_with_every_extra_effective_rep(n: float, step: float) -> None:
    assert rts_percent(min(15.0, n + step)) < rts_percent(n)


def test_half_steps_are_the_mean_of_their_neighbours() -> None:
    for n in range(1, 15):
        assert rts_percent(n + 0.5) == pytest.approx((RTS_PERCENT[n - 1] + RTS_PERCENT[n]) / 2)


def test_corrections_add_the_bias_to_ratings_but_never_to_failure_or_rir_zero() -> None:
    none, tech, absolute = FailureKind.NONE, FailureKind.TECHNICAL, FailureKind.ABSOLUTE
    assert corrected_rir(2, none, 1.3) == pytest.approx(3.3)
    assert corrected_rir(1, none, -1.5) == 0.0  # never below zero
    assert corrected_rir(0, none, 1.3) == 0.0  # "nothing left with good form" is a claim of failure
    assert corrected_rir(0, absolute, 1.3) == 0.0
    assert corrected_rir(0, tech, -1.0) == 0.0
    assert corrected_rir(None, none, 1.3) is None
    assert corrected_rir(2, none, 7.0) == 2 + MAX_APPLIED_BIAS  # at most ±3 reps
