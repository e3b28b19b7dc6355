"""How a logged set becomes an e1RM (set_e1rm): the one place every chart, record and advice uses."""

from __future__ import annotations

import pytest

from gym_companion.domain.e1rm import E1rmBasis, E1rmFormula, set_e1rm
from gym_companion.domain.model import FailureKind, SetType

W = SetType.WORKING
NONE, TECH = FailureKind.NONE, FailureKind.TECHNICAL


def test_a_rated_set_uses_reps_plus_rir_on_the_rts_chart() -> None:
    assert set_e1rm(W, 100, 5, 2, NONE) == pytest.approx(100 / 0.811)  # n = 7 -> 81.1 %
    assert set_e1rm(SetType.DROP, 80, 8, 0, FailureKind.ABSOLUTE) == pytest.approx(80 / 0.786)


def test_failure_sets_count_rir_zero_and_warmups_or_unrated_sets_have_none() -> None:
    assert set_e1rm(W, 100, 6, 0, TECH) == pytest.approx(100 / 0.837)
    assert set_e1rm(SetType.WARMUP, 60, 5, 2, NONE) is None
    assert set_e1rm(W, 100, 5, None, NONE) is None
    assert set_e1rm(W, 0, 10, 2, NONE) is None  # bodyweight: no load to scale
    assert set_e1rm(W, 50, 14, 2, NONE) is None  # n = 16: beyond the chart


def test_the_basis_carries_the_formula_and_the_lifters_rir_bias() -> None:
    assert set_e1rm(W, 100, 5, 2, NONE, E1rmBasis(E1rmFormula.EPLEY)) == pytest.approx(100 * (1 + 7 / 30))
    # a lifter who under-rates by one rep: RIR 2 was really 3, n = 8 -> 78.6 %
    assert set_e1rm(W, 100, 5, 2, NONE, E1rmBasis(rir_bias=1.0)) == pytest.approx(100 / 0.786)
