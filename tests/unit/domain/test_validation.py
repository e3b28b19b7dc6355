"""The boundary checks on typed loads and weigh-ins: tiny loads refused, weigh-ins in their own range."""

from __future__ import annotations

import pytest

from gym_companion.domain.model import WeightUnit
from gym_companion.domain.validation import InvalidSetError, check_bodyweight, check_load


@pytest.mark.parametrize("kg", [0.001, 0.05, 0.0999, -0.001])
def test_a_load_no_gym_can_load_is_refused(kg: float) -> None:
    with pytest.raises(InvalidSetError, match="No gym can load that little") as raised:
        check_load(kg, assisted=True)
    assert raised.value.field == "weight"


@pytest.mark.parametrize("kg", [0.0, 0.1, 0.11339809, 1.25, 1000.0, -0.5])
def test_nothing_added_and_the_smallest_fractional_plates_stay_allowed(kg: float) -> None:
    assert check_load(kg, assisted=True) == kg  # 0.11339809 kg = a 0.25 lb fractional plate


@pytest.mark.parametrize("kg", [20.0, 80.4, 400.0])
def test_a_weigh_in_in_range_is_kept(kg: float) -> None:
    assert check_bodyweight(kg, WeightUnit.KG) == kg


@pytest.mark.parametrize("kg", [-80.0, 0.0, 19.99, 400.01, float("nan")])
def test_a_weigh_in_out_of_range_names_the_range_in_kg(kg: float) -> None:
    with pytest.raises(InvalidSetError, match=r"^Bodyweight must be between 20 and 400 kg\.$"):
        check_bodyweight(kg, WeightUnit.KG)


def test_in_pounds_the_range_is_whole_pounds_inside_20_to_400_kg() -> None:
    # 20 kg = 44.09 lb -> 45; 400 kg = 881.85 lb -> 881: every number the message allows is accepted.
    with pytest.raises(InvalidSetError, match=r"^Bodyweight must be between 45 and 881 lb\.$"):
        check_bodyweight(-36.29, WeightUnit.LB)
