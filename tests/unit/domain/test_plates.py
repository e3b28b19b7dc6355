"""Plate calculator and warm-up ladder."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gym_companion.domain.model import Equipment, WeightUnit
from gym_companion.domain.plates import PlateLoad, WarmupStep, plates_per_side, warmup_ladder
from gym_companion.domain.units import lb_to_kg

KG_PLATES = (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25)
LB_PLATES = (45.0, 35.0, 25.0, 10.0, 5.0, 2.5)


@pytest.mark.parametrize(
    ("total", "per_side"),
    [
        (20.0, ()),
        (60.0, (20.0,)),
        (100.0, (25.0, 15.0)),
        (102.5, (25.0, 15.0, 1.25)),
        (142.5, (25.0, 25.0, 10.0, 1.25)),
        (227.5, (25.0, 25.0, 25.0, 25.0, 2.5, 1.25)),
    ],
)
def test_plates_per_side_kg(total: float, per_side: tuple[float, ...]) -> None:
    assert plates_per_side(total, 20.0, KG_PLATES) == PlateLoad(per_side, total, 0.0)


def test_plates_per_side_lb() -> None:
    load = plates_per_side(225.0, 45.0, LB_PLATES)
    assert load.per_side == (45.0, 45.0)
    assert load.achieved_total == 225.0
    assert plates_per_side(185.0, 45.0, LB_PLATES).per_side == (45.0, 25.0)


def test_unloadable_rest_is_reported() -> None:
    load = plates_per_side(101.0, 20.0, KG_PLATES)
    assert load.per_side == (25.0, 15.0)
    assert load.achieved_total == 100.0
    assert load.remainder == pytest.approx(1.0)


def test_plates_are_sorted_heaviest_first_whatever_the_input_order() -> None:
    assert plates_per_side(65.0, 20.0, (2.5, 20.0, 1.25, 20.0)).per_side == (20.0, 2.5)


def test_target_below_the_bar_loads_nothing() -> None:
    load = plates_per_side(15.0, 20.0, KG_PLATES)
    assert load == PlateLoad((), 20.0, -5.0)


def test_bad_plates_are_rejected() -> None:
    with pytest.raises(ValueError):
        plates_per_side(60.0, 20.0, (20.0, 0.0))
    with pytest.raises(ValueError):
        plates_per_side(float("nan"), 20.0, KG_PLATES)


@given(
    st.floats(min_value=20, max_value=500),
    st.lists(st.sampled_from([0.5, 1.25, 2.5, 5.0, 10.0, 15.0, 20.0, 25.0]), min_size=1, max_size=6),
)
def test_plates_never_exceed_the_target(total: float, plates: list[float]) -> None:
    load = plates_per_side(total, 20.0, plates)
    loaded = 20.0 + 2 * sum(load.per_side)
    assert loaded <= total + 1e-9
    assert load.achieved_total == pytest.approx(loaded)
    assert load.remainder == pytest.approx(total - loaded)
    assert 0 <= load.remainder < 2 * min(plates) + 1e-6  # greedy with a halving-friendly set
    assert list(load.per_side) == sorted(load.per_side, reverse=True)


# --- Warm-up ladder ------------------------------------------------------------------------------


def test_barbell_ladder_for_100_kg() -> None:
    # 40 % = 40, 60 % = 60, 80 % = 80, all loadable.
    assert warmup_ladder(100.0, 20.0, WeightUnit.KG, Equipment.BARBELL) == [
        WarmupStep(20.0, 10),
        WarmupStep(40.0, 5),
        WarmupStep(60.0, 3),
        WarmupStep(80.0, 2),
    ]


def test_barbell_ladder_rounds_to_plates() -> None:
    # 40 % of 63 = 25.2 → 25; 60 % = 37.8 → 37.5; 80 % = 50.4 → 50.
    assert warmup_ladder(63.0, 20.0, WeightUnit.KG, Equipment.BARBELL) == [
        WarmupStep(20.0, 10),
        WarmupStep(25.0, 5),
        WarmupStep(37.5, 3),
        WarmupStep(50.0, 2),
    ]


def test_light_barbell_skips_steps_below_or_next_to_the_bar() -> None:
    # 40 % = 12 and 60 % = 18 are below the bar; 80 % = 24 → 25, more than one step above it.
    assert warmup_ladder(30.0, 20.0, WeightUnit.KG, Equipment.BARBELL) == [
        WarmupStep(20.0, 10),
        WarmupStep(25.0, 2),
    ]
    # 80 % of 27.5 = 22 → 22.5: only one increment above the bar, skipped.
    assert warmup_ladder(27.5, 20.0, WeightUnit.KG, Equipment.BARBELL) == [WarmupStep(20.0, 10)]


def test_lb_ladder_uses_5_lb_steps() -> None:
    ladder = warmup_ladder(lb_to_kg(225.0), lb_to_kg(45.0), WeightUnit.LB, Equipment.BARBELL)
    # 40 % = 90, 60 % = 135, 80 % = 180 lb.
    assert [round(step.weight_kg / 0.45359237, 6) for step in ladder] == [45.0, 90.0, 135.0, 180.0]
    assert [step.reps for step in ladder] == [10, 5, 3, 2]


def test_dumbbells_have_no_bar_step_and_skip_neighbouring_steps() -> None:
    assert warmup_ladder(30.0, 20.0, WeightUnit.KG, Equipment.DUMBBELL) == [
        WarmupStep(12.0, 5),
        WarmupStep(18.0, 3),
        WarmupStep(24.0, 2),
    ]
    # 4, 6, 8 kg: 6 is only one 2 kg step above 4.
    assert warmup_ladder(10.0, 20.0, WeightUnit.KG, Equipment.DUMBBELL) == [
        WarmupStep(4.0, 5),
        WarmupStep(8.0, 2),
    ]


@pytest.mark.parametrize(
    ("working", "equipment"),
    [
        (20.0, Equipment.BARBELL),
        (15.0, Equipment.BARBELL),
        (0.0, Equipment.DUMBBELL),
        (-10.0, Equipment.MACHINE),
        (40.0, Equipment.BODYWEIGHT),
    ],
)
def test_no_ladder(working: float, equipment: Equipment) -> None:
    assert warmup_ladder(working, 20.0, WeightUnit.KG, equipment) == []


@given(
    st.floats(min_value=0, max_value=400),
    st.sampled_from([Equipment.BARBELL, Equipment.DUMBBELL, Equipment.MACHINE]),
    st.sampled_from(list(WeightUnit)),
)
def test_ladder_climbs_and_stays_below_the_working_weight(
    working: float, equipment: Equipment, unit: WeightUnit
) -> None:
    ladder = warmup_ladder(working, 20.0, unit, equipment)
    weights = [step.weight_kg for step in ladder]
    assert weights == sorted(set(weights))
    assert all(0 < w < working for w in weights)
