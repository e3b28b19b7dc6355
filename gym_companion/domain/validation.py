"""Checks at the boundary: what a lifter typed must make sense before anything is saved."""

from __future__ import annotations

import math

from gym_companion.domain.model import WeightUnit
from gym_companion.domain.units import to_unit

MAX_REPS = 100
MAX_LOAD_KG = 1000.0
MIN_ASSISTED_LOAD_KG = -300.0
# The smallest load (or assistance) other than none: fractional plates go down to 0.25 lb (0.113 kg), so a
# typed 0.001 is a slip, not a set. 0 stays allowed: a bodyweight set with no added load.
MIN_LOAD_KG = 0.1
MIN_BODYWEIGHT_KG = 20.0
MAX_BODYWEIGHT_KG = 400.0


class InvalidSetError(ValueError):
    """A set that cannot be saved; the message is shown to the lifter as it is."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def parse_reps(text: str) -> int:
    """Reps from typed text: a whole number 1..100 ('8' or '8.0')."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidSetError("Enter the reps you did.", "reps")
    try:
        value = float(cleaned.replace(",", "."))
    except ValueError:
        raise InvalidSetError(f"“{cleaned}” is not a number of reps.", "reps") from None
    if not math.isfinite(value) or value != int(value):
        raise InvalidSetError("Reps must be a whole number.", "reps")
    reps = int(value)
    if reps <= 0:
        raise InvalidSetError("Reps must be at least 1.", "reps")
    if reps > MAX_REPS:
        raise InvalidSetError(f"More than {MAX_REPS} reps? Check the number.", "reps")
    return reps


def check_load(weight_kg: float, assisted: bool) -> float:
    """A load in kg: 0 (no added load) or 0.1..1000; negative (assistance) only for assisted exercises."""
    if not math.isfinite(weight_kg):
        raise InvalidSetError("The weight must be a number.", "weight")
    if weight_kg > MAX_LOAD_KG:
        raise InvalidSetError("More than 1000 kg? Check the weight.", "weight")
    if weight_kg < 0 and not assisted:
        raise InvalidSetError("Negative weight is only for assisted exercises.", "weight")
    if weight_kg < MIN_ASSISTED_LOAD_KG:
        raise InvalidSetError("That much assistance is not plausible. Check the weight.", "weight")
    if 0 < abs(weight_kg) < MIN_LOAD_KG:
        raise InvalidSetError(
            "No gym can load that little. Check the weight (0 for no added weight).", "weight"
        )
    return weight_kg


def check_bodyweight(weight_kg: float, unit: WeightUnit) -> float:
    """A weigh-in in kg within 20..400 kg; InvalidSetError says the range in the lifter's `unit` (whole
    numbers inside the range: "between 45 and 881 lb")."""
    if math.isfinite(weight_kg) and MIN_BODYWEIGHT_KG <= weight_kg <= MAX_BODYWEIGHT_KG:
        return weight_kg
    low = math.ceil(to_unit(MIN_BODYWEIGHT_KG, unit) - 1e-9)
    high = math.floor(to_unit(MAX_BODYWEIGHT_KG, unit) + 1e-9)
    raise InvalidSetError(f"Bodyweight must be between {low} and {high} {unit.value}.", "weight")
