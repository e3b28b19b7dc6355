"""Checks at the boundary: what a lifter typed must make sense before anything is saved."""

from __future__ import annotations

import math

MAX_REPS = 100
MAX_LOAD_KG = 1000.0
MIN_ASSISTED_LOAD_KG = -300.0


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
    """A load in kg within 0..1000 (negative only for assisted exercises)."""
    if not math.isfinite(weight_kg):
        raise InvalidSetError("The weight must be a number.", "weight")
    if weight_kg > MAX_LOAD_KG:
        raise InvalidSetError("More than 1000 kg? Check the weight.", "weight")
    if weight_kg < 0 and not assisted:
        raise InvalidSetError("Negative weight is only for assisted exercises.", "weight")
    if weight_kg < MIN_ASSISTED_LOAD_KG:
        raise InvalidSetError("That much assistance is not plausible. Check the weight.", "weight")
    return weight_kg
