"""Kilograms and pounds: conversion, display, parsing what the user typed, and loadable increments.

Storage is always kg; the user sees their chosen unit. Parsing rejects anything that is not a plain
decimal number (text, NaN, infinity, exponents) with a message fit to show on screen.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from gym_companion.domain.model import Equipment, WeightUnit

KG_PER_LB = 0.45359237  # exact, by the international yard and pound agreement (1959)
DISPLAY_DECIMALS = 2  # weights show at most 2 decimals: 1.25 kg plates are the finest common step
# Pounds show at most one decimal (nearest 0.1 lb): the finest common lb plate is 1.25 lb, kg loads and
# bodyweights converted to lb carry meaningless hundredths ("183.87 lb"), and one rule reads the same on
# every screen. Stored values stay exact kg; only the display rounds.
LB_DISPLAY_DECIMALS = 1
# Product decision: no gym load comes near 1000 kg (the deadlift world record is ~501 kg); above it the
# input is a typo. Negative loads are only meaningful for assisted machines and must be asked for.
MAX_LOAD_KG = 1000.0

# Smallest practical load step in the user's unit (product decisions, documented for users in help):
# barbells take the lightest common plate pair (2 × 1.25 kg, 2 × 2.5 lb); dumbbells come in 2 kg / 5 lb
# steps; machine and cable stacks in 5 kg / 10 lb plates; anything else moves in 1 kg / 2.5 lb steps.
# Dumbbell and stack steps are the defaults of the lifter's own (Preferences, `LoadSteps`): gyms differ.
BARBELL_INCREMENT = {WeightUnit.KG: 2.5, WeightUnit.LB: 5.0}
DUMBBELL_INCREMENT = {WeightUnit.KG: 2.0, WeightUnit.LB: 5.0}
STACK_INCREMENT = {WeightUnit.KG: 5.0, WeightUnit.LB: 10.0}
OTHER_INCREMENT = {WeightUnit.KG: 1.0, WeightUnit.LB: 2.5}
_INCREMENTS: dict[Equipment, dict[WeightUnit, float]] = {
    Equipment.BARBELL: BARBELL_INCREMENT,
    Equipment.EZ_BAR: BARBELL_INCREMENT,
    Equipment.TRAP_BAR: BARBELL_INCREMENT,
    Equipment.SMITH: BARBELL_INCREMENT,
    Equipment.DUMBBELL: DUMBBELL_INCREMENT,
    Equipment.KETTLEBELL: DUMBBELL_INCREMENT,  # competition bells step by 2 kg like dumbbells
    Equipment.MACHINE: STACK_INCREMENT,
    Equipment.CABLE: STACK_INCREMENT,
}

_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_SUFFIXES = {"kg": WeightUnit.KG, "kgs": WeightUnit.KG, "lb": WeightUnit.LB, "lbs": WeightUnit.LB}


def kg_to_lb(kg: float) -> float:
    """Kilograms to pounds."""
    return kg / KG_PER_LB


def lb_to_kg(lb: float) -> float:
    """Pounds to kilograms."""
    return lb * KG_PER_LB


def to_unit(kg: float, unit: WeightUnit) -> float:
    """A stored kg value in the user's unit."""
    return kg if unit is WeightUnit.KG else kg_to_lb(kg)


def from_unit(value: float, unit: WeightUnit) -> float:
    """A value in the user's unit back to kg for storage."""
    return value if unit is WeightUnit.KG else lb_to_kg(value)


def format_number(value: float, decimals: int = DISPLAY_DECIMALS) -> str:
    """At most `decimals` (two) decimals, no trailing zeros: 62.5, 60, 137.79."""
    if not math.isfinite(value):
        raise ValueError(f"cannot show a weight of {value}")
    text = f"{value:.{decimals}f}"
    if "." in text:  # trailing zeros of the decimals only: 20 stays 20
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_in_unit(value: float, unit: WeightUnit) -> str:
    """A number already in `unit`, at that unit's display precision (LB_DISPLAY_DECIMALS for pounds)."""
    return format_number(value, LB_DISPLAY_DECIMALS if unit is WeightUnit.LB else DISPLAY_DECIMALS)


def format_weight(kg: float, unit: WeightUnit) -> str:
    """A stored kg value as the user reads it: '62.5 kg', '137.5 lb', '183.9 lb' (stored value untouched)."""
    return f"{format_in_unit(to_unit(kg, unit), unit)} {unit.value}"


def parse_weight(
    text: str, unit: WeightUnit, allow_negative: bool = False, max_kg: float = MAX_LOAD_KG
) -> float:
    """What the user typed, in kg. A trailing 'kg'/'lb' overrides `unit`; a decimal comma is accepted.
    `max_kg` (math.inf: no limit, the caller checks the range itself) caps what a gym load may be.

    Raises ValueError with a message fit to show the user for anything but a plain, plausible number.
    """
    cleaned = text.strip().lower()
    for suffix, suffix_unit in sorted(_SUFFIXES.items(), key=lambda item: -len(item[0])):
        if cleaned.endswith(suffix):
            cleaned, unit = cleaned[: -len(suffix)].strip(), suffix_unit
            break
    if not cleaned:
        raise ValueError("Enter a weight, e.g. 62.5.")
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(f"'{text.strip()}' is not a weight: enter a number, e.g. 62.5.")
    kg = from_unit(float(cleaned.replace(",", ".")), unit)
    if kg < 0 and not allow_negative:
        raise ValueError("The weight cannot be negative (use an assisted exercise for assistance).")
    if abs(kg) > max_kg:
        raise ValueError(f"{format_weight(abs(kg), unit)} is more than any gym load: check the number.")
    return kg


def round_to_increment(value: float, increment: float) -> float:
    """The nearest multiple of `increment` (halves round up); works in whatever unit both are in."""
    if not (increment > 0 and math.isfinite(increment)):
        raise ValueError(f"increment must be a positive number, got {increment}")
    if not math.isfinite(value):
        raise ValueError(f"cannot round {value}")
    steps = math.floor(value / increment + 0.5 + 1e-9)  # 1e-9: 2.5 / 2.5 may come out just under 1.0
    return round(steps * increment, 9)


DUMBBELL_EQUIPMENT = frozenset({Equipment.DUMBBELL, Equipment.KETTLEBELL})
STACK_EQUIPMENT = frozenset({Equipment.MACHINE, Equipment.CABLE})


@dataclass(frozen=True, slots=True)
class LoadSteps:
    """The lifter's own load steps, per unit, for the equipment whose spacing differs between gyms:
    dumbbells (and kettlebells) and machine or cable stacks. Barbells follow the plates; the rest is fixed."""

    dumbbell_kg: float = DUMBBELL_INCREMENT[WeightUnit.KG]
    dumbbell_lb: float = DUMBBELL_INCREMENT[WeightUnit.LB]
    machine_kg: float = STACK_INCREMENT[WeightUnit.KG]
    machine_lb: float = STACK_INCREMENT[WeightUnit.LB]

    def step(self, equipment: Equipment, unit: WeightUnit) -> float | None:
        """The lifter's step for this equipment in `unit`, or None when it is not theirs to set."""
        if equipment in DUMBBELL_EQUIPMENT:
            return self.dumbbell_kg if unit is WeightUnit.KG else self.dumbbell_lb
        if equipment in STACK_EQUIPMENT:
            return self.machine_kg if unit is WeightUnit.KG else self.machine_lb
        return None


DEFAULT_LOAD_STEPS = LoadSteps()


def loadable_increment(
    equipment: Equipment, unit: WeightUnit, steps: LoadSteps = DEFAULT_LOAD_STEPS
) -> float:
    """The smallest practical load step for the equipment, in the user's unit (the lifter's own `steps`
    for dumbbells and machines)."""
    own = steps.step(equipment, unit)
    return own if own is not None else _INCREMENTS.get(equipment, OTHER_INCREMENT)[unit]


def round_to_loadable(
    kg: float, equipment: Equipment, unit: WeightUnit, steps: LoadSteps = DEFAULT_LOAD_STEPS
) -> float:
    """A kg load rounded to a loadable step in the user's unit (5 lb steps on a lb barbell), back in kg."""
    shown = round_to_increment(to_unit(kg, unit), loadable_increment(equipment, unit, steps))
    return from_unit(shown, unit)
