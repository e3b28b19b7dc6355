"""Guessing kg or lb from the loads of a unitless file, with a reason a lifter can check."""

from __future__ import annotations

from gym_companion.domain.model import WeightUnit
from gym_companion.exchange.unit_guess import guess_unit


def test_pound_plates_make_multiples_of_five() -> None:
    unit, reason = guess_unit([135, 185, 225, 45, 95, 50, 25, 30, 137.5, 315])
    assert unit is WeightUnit.LB
    assert reason.startswith("90 % of the loads are multiples of 5")


def test_kilogram_plates_and_dumbbells_give_other_loads() -> None:
    unit, reason = guess_unit([60, 62.5, 67.5, 14, 16, 22, 80, 100, 0, 0])
    assert unit is WeightUnit.KG
    assert "62 % of the loads are not multiples of 5 (e.g. 14, 16, 22)" in reason


def test_too_few_loads_give_no_guess() -> None:
    assert guess_unit([0, 0, 60, 0]) == (None, "There are too few loads in the file to tell kg from lb.")
