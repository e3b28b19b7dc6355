"""Guessing whether a unitless file's loads are kilograms or pounds, and saying why.

Pound plates (45, 35, 25, 10, 5 lb) and pound dumbbells (5 lb steps) make almost every load a multiple
of 5; kilogram plates (1.25, 2.5) and dumbbells (2 kg steps) give many loads like 62.5 or 14. In the
public exports we checked, pound logs had ≥ 94 % multiples of 5 and kilogram logs ≤ 80 %.
"""

from __future__ import annotations

from collections.abc import Iterable

from gym_companion.domain.model import WeightUnit

LB_SHARE = 0.88  # share of loads that are multiples of 5 above which a log looks like pounds
MIN_LOADS = 5


def guess_unit(loads: Iterable[float]) -> tuple[WeightUnit | None, str]:
    """The likelier unit of `loads` (as written in the file) and a plain sentence with the reason."""
    positive = [abs(load) for load in loads if load]
    if len(positive) < MIN_LOADS:
        return None, "There are too few loads in the file to tell kg from lb."
    fives = sum(1 for load in positive if abs(load / 5 - round(load / 5)) < 1e-6)
    share = fives / len(positive)
    percent = round(100 * share)
    if share >= LB_SHARE:
        return (
            WeightUnit.LB,
            f"{percent} % of the loads are multiples of 5, as pound plates give — looks like lb.",
        )
    examples = [
        _shown(load) for load in sorted({x for x in positive if abs(x / 5 - round(x / 5)) >= 1e-6})[:3]
    ]
    return (
        WeightUnit.KG,
        f"{100 - percent} % of the loads are not multiples of 5 (e.g. {', '.join(examples)}), "
        "as kilogram plates and dumbbells give — looks like kg.",
    )


def _shown(load: float) -> str:
    return f"{load:g}"
