"""Plate calculator and warm-up ladder: what to put on the bar, and how to work up to the first heavy set."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from gym_companion.domain.model import Equipment, WeightUnit
from gym_companion.domain.units import (
    DEFAULT_LOAD_STEPS,
    LoadSteps,
    loadable_increment,
    round_to_loadable,
    to_unit,
)

# Plates are counted in thousandths of the unit (grams for kg) so sums of 1.25 and 2.5 stay exact.
_SCALE = 1000

# Warm-up ladder before the first compound exercise (common coaching practice): the empty bar for 10,
# then ~40 % × 5, ~60 % × 3 and ~80 % × 2 of the working weight.
BAR_WARMUP_REPS = 10
WARMUP_STEPS: tuple[tuple[float, int], ...] = ((0.40, 5), (0.60, 3), (0.80, 2))
# Equipment loaded onto a bar that is lifted empty in the first warm-up step.
BAR_EQUIPMENT = frozenset({Equipment.BARBELL, Equipment.EZ_BAR, Equipment.TRAP_BAR, Equipment.SMITH})
# No warm-up ladder for these: the load is the body or a band, not a weight that scales by percentages.
NO_LADDER_EQUIPMENT = frozenset({Equipment.BODYWEIGHT, Equipment.BAND})
_EPS = 1e-6


@dataclass(frozen=True, slots=True)
class PlateLoad:
    """Plates for one side of the bar (heaviest first), the total they make, and what could not be loaded.

    remainder = target − achieved_total: 0 when the target is loadable; negative when the target is
    lighter than the empty bar (then nothing is loaded).
    """

    per_side: tuple[float, ...]
    achieved_total: float
    remainder: float


@dataclass(frozen=True, slots=True)
class WarmupStep:
    """One warm-up set: load in kg and reps."""

    weight_kg: float
    reps: int


def _units(value: float) -> int:
    return round(value * _SCALE)


def plates_per_side(total: float, bar: float, plates: Sequence[float]) -> PlateLoad:
    """Plates per side for `total` on a `bar` (all in one unit), greedily from the heaviest.

    Greedy is exact for standard plate sets (each plate a sum of lighter ones, or halving series); any
    plate may be used as often as needed. The achieved total never exceeds the target.
    """
    if not (math.isfinite(total) and math.isfinite(bar)) or bar < 0:
        raise ValueError("the target and the bar must be finite, and the bar not negative")
    if any(not (p > 0 and math.isfinite(p)) for p in plates):
        raise ValueError("plates must weigh more than nothing")
    if total < bar:
        return PlateLoad(per_side=(), achieved_total=bar, remainder=total - bar)
    left = math.floor((total - bar) * _SCALE + _EPS) // 2  # floor: never load more than asked
    per_side: list[float] = []
    for plate in sorted(set(plates), reverse=True):
        plate_units = _units(plate)
        if plate_units <= 0:
            continue
        count, left = divmod(left, plate_units)
        per_side.extend([plate] * count)
    achieved = min(bar + 2 * sum(per_side), total)  # min: float summation noise must not exceed the target
    return PlateLoad(per_side=tuple(per_side), achieved_total=achieved, remainder=total - achieved)


def warmup_ladder(
    working_kg: float,
    bar_kg: float,
    unit: WeightUnit,
    equipment: Equipment,
    load_steps: LoadSteps = DEFAULT_LOAD_STEPS,
) -> list[WarmupStep]:
    """Warm-up sets before the first compound exercise, rounded to loads the user can set up.

    Bar × 10 (bar equipment only), ~40 % × 5, ~60 % × 3, ~80 % × 2. A step is dropped when it is lighter
    than the bar, not lighter than the working weight, or within one increment of the step before it.
    No ladder when the working weight is at or below the bar (or zero), or for bodyweight and bands.
    """
    if equipment in NO_LADDER_EQUIPMENT or not math.isfinite(working_kg):
        return []
    has_bar = equipment in BAR_EQUIPMENT
    floor_kg = bar_kg if has_bar else 0.0
    if working_kg <= 0 or working_kg <= floor_kg:
        return []
    increment = loadable_increment(equipment, unit, load_steps)
    steps: list[WarmupStep] = []
    previous_shown: float | None = None
    if has_bar:
        steps.append(WarmupStep(bar_kg, BAR_WARMUP_REPS))
        previous_shown = to_unit(bar_kg, unit)
    for fraction, reps in WARMUP_STEPS:
        kg = round_to_loadable(working_kg * fraction, equipment, unit, load_steps)
        shown = to_unit(kg, unit)
        if kg <= 0 or kg < floor_kg - _EPS or kg >= working_kg - _EPS:
            continue
        if previous_shown is not None and shown - previous_shown <= increment + _EPS:
            continue
        steps.append(WarmupStep(kg, reps))
        previous_shown = shown
    return steps
