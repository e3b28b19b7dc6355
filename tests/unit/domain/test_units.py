"""kg/lb conversion, display, parsing and loadable increments."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gym_companion.domain.model import Equipment, WeightUnit
from gym_companion.domain.units import (
    DEFAULT_LOAD_STEPS,
    KG_PER_LB,
    LoadSteps,
    format_weight,
    kg_to_lb,
    lb_to_kg,
    loadable_increment,
    parse_weight,
    round_to_increment,
    round_to_loadable,
)

KG, LB = WeightUnit.KG, WeightUnit.LB


def test_pound_is_exactly_defined() -> None:
    assert KG_PER_LB == 0.45359237
    assert lb_to_kg(45) == pytest.approx(20.41165665)
    assert kg_to_lb(100) == pytest.approx(220.462262185)


@pytest.mark.parametrize(
    ("kg", "unit", "text"),
    [
        (62.5, KG, "62.5 kg"),
        (60.0, KG, "60 kg"),
        (1.25, KG, "1.25 kg"),
        (0.0, KG, "0 kg"),
        (-0.001, KG, "0 kg"),
        (-20.0, KG, "-20 kg"),  # assisted machines
        (102.123, KG, "102.12 kg"),
        (137.5 * 0.45359237, LB, "137.5 lb"),
        (lb_to_kg(45), LB, "45 lb"),
        (100.0, LB, "220.5 lb"),  # 220.462…: pounds show at most one decimal
        (83.4, LB, "183.9 lb"),  # 183.865… (QA: read "183.87 lb" beside "trend 184.8")
        (130.0, LB, "286.6 lb"),  # 286.60…
        (lb_to_kg(183.96), LB, "184 lb"),  # rounds up across the decimal, trailing zero dropped
        (lb_to_kg(-25.04), LB, "-25 lb"),
    ],
)
def test_format_weight(kg: float, unit: WeightUnit, text: str) -> None:
    assert format_weight(kg, unit) == text


def test_format_weight_rejects_nan() -> None:
    with pytest.raises(ValueError):
        format_weight(float("nan"), KG)


@pytest.mark.parametrize(
    ("text", "unit", "kg"),
    [
        ("62.5", KG, 62.5),
        ("  80 ", KG, 80.0),
        ("62,5", KG, 62.5),
        (".5", KG, 0.5),
        ("100", LB, 45.359237),
        ("100 lb", KG, 45.359237),  # an explicit unit wins
        ("100lbs", KG, 45.359237),
        ("60 KG", LB, 60.0),
        ("0", KG, 0.0),
    ],
)
def test_parse_weight(text: str, unit: WeightUnit, kg: float) -> None:
    assert parse_weight(text, unit) == pytest.approx(kg)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter a weight"),
        ("   ", "Enter a weight"),
        ("kg", "Enter a weight"),
        ("abc", "not a weight"),
        ("nan", "not a weight"),
        ("inf", "not a weight"),
        ("-inf", "not a weight"),
        ("1e3", "not a weight"),
        ("1_000", "not a weight"),
        ("6 2", "not a weight"),
        ("1.2.3", "not a weight"),
        ("-5", "negative"),
        ("1001", "more than any gym load"),
    ],
)
def test_parse_weight_rejects_bad_input_with_a_readable_message(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_weight(text, KG)


def test_parse_weight_allows_negative_when_asked() -> None:
    assert parse_weight("-25", KG, allow_negative=True) == -25.0


@pytest.mark.parametrize(
    ("value", "increment", "expected"),
    [
        (61.0, 2.5, 60.0),
        (61.25, 2.5, 62.5),  # halves round up
        (63.7, 2.5, 62.5),
        (7.0, 2.0, 8.0),
        (0.4, 1.0, 0.0),
        (137.4, 5.0, 135.0),
    ],
)
def test_round_to_increment(value: float, increment: float, expected: float) -> None:
    assert round_to_increment(value, increment) == expected


def test_round_to_increment_rejects_nonpositive_increment() -> None:
    with pytest.raises(ValueError):
        round_to_increment(10, 0)


@pytest.mark.parametrize(
    ("equipment", "unit", "increment"),
    [
        (Equipment.BARBELL, KG, 2.5),
        (Equipment.BARBELL, LB, 5.0),
        (Equipment.EZ_BAR, KG, 2.5),
        (Equipment.DUMBBELL, KG, 2.0),
        (Equipment.DUMBBELL, LB, 5.0),
        (Equipment.MACHINE, KG, 5.0),
        (Equipment.CABLE, LB, 10.0),
        (Equipment.OTHER, KG, 1.0),
        (Equipment.BODYWEIGHT, LB, 2.5),
    ],
)
def test_loadable_increment(equipment: Equipment, unit: WeightUnit, increment: float) -> None:
    assert loadable_increment(equipment, unit) == increment


def test_round_to_loadable_rounds_in_the_users_unit() -> None:
    # 100 kg = 220.46 lb → 220 lb on a barbell in 5 lb steps.
    assert round_to_loadable(100.0, Equipment.BARBELL, LB) == pytest.approx(220 * KG_PER_LB)
    assert round_to_loadable(101.0, Equipment.BARBELL, KG) == 100.0


@given(st.floats(min_value=-500, max_value=1000, allow_nan=False))
def test_kg_lb_round_trip(kg: float) -> None:
    assert lb_to_kg(kg_to_lb(kg)) == pytest.approx(kg, abs=1e-9)


@given(st.integers(min_value=0, max_value=100_000), st.sampled_from([KG, LB]))
def test_format_then_parse_round_trips_values_at_display_precision(hundredths: int, unit: WeightUnit) -> None:
    shown = hundredths / 100 if unit is KG else hundredths // 10 / 10  # kg: 0.01, lb: 0.1
    kg = shown if unit is KG else lb_to_kg(shown)
    if kg > 1000:
        return
    assert parse_weight(format_weight(kg, unit), unit) == pytest.approx(kg, abs=1e-9)


@given(st.floats(min_value=-1000, max_value=1000), st.sampled_from([0.5, 1.0, 1.25, 2.0, 2.5, 5.0]))
def test_rounding_lands_on_a_multiple_within_half_a_step(value: float, increment: float) -> None:
    rounded = round_to_increment(value, increment)
    assert abs(rounded - value) <= increment / 2 + 1e-9
    assert rounded / increment == pytest.approx(round(rounded / increment), abs=1e-9)


def test_the_lifters_own_dumbbell_and_machine_steps_replace_the_defaults() -> None:
    own = LoadSteps(dumbbell_kg=2.5, dumbbell_lb=2.5, machine_kg=2.5, machine_lb=5.0)
    assert loadable_increment(Equipment.DUMBBELL, KG) == DEFAULT_LOAD_STEPS.dumbbell_kg == 2.0
    assert loadable_increment(Equipment.DUMBBELL, KG, own) == 2.5
    assert loadable_increment(Equipment.KETTLEBELL, LB, own) == 2.5  # kettlebells follow dumbbells
    assert loadable_increment(Equipment.CABLE, LB, own) == 5.0  # cables follow machine stacks
    assert loadable_increment(Equipment.BARBELL, KG, own) == 2.5  # plates, not the lifter's steps
    assert loadable_increment(Equipment.BAND, KG, own) == 1.0
    # 23 kg on 2 kg dumbbells: 11.5 steps rounds up to 24; on 2.5 kg ones 9.2 steps is 22.5
    assert round_to_loadable(23.0, Equipment.DUMBBELL, KG) == 24.0
    assert round_to_loadable(23.0, Equipment.DUMBBELL, KG, own) == 22.5


def test_format_number_keeps_the_zeros_of_whole_numbers() -> None:
    from gym_companion.domain.units import format_number

    assert [
        format_number(20, 0),
        format_number(100, 1),
        format_number(62.50, 2),
        format_number(-0.001, 1),
    ] == [
        "20",
        "100",
        "62.5",
        "0",
    ]
