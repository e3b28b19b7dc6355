"""The native format's description of a custom exercise: muscles, equipment, mechanics, failure safety,
assisted, rest and recovery factor, in the `custom_*` columns of the exercise's first row in the file.

Library exercises need no description (every copy of the app has them); a custom one does, or a fresh
database would have to guess its muscles. Muscles are written as their keys separated by spaces, in the
body order the app lists them (`chest front_delts`), so the same exercise always gives the same cells.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TypeVar

from gym_companion.domain.model import Equipment, Exercise, FailureSafety, Mechanics, Muscle
from gym_companion.exchange.cells import number, whole_number
from gym_companion.exchange.errors import ImportFileError

CUSTOM_COLUMNS = (
    "custom_primary_muscles", "custom_secondary_muscles", "custom_equipment", "custom_mechanics",
    "custom_failure_safety", "custom_assisted", "custom_rest_s", "custom_fatigue_factor",
)  # fmt: skip
NO_DESCRIPTION = ("",) * len(CUSTOM_COLUMNS)
MAX_REST_S = 900  # the exercise table's CHECK
FATIGUE_RANGE = (0.1, 5.0)  # the recovery model's factor C; the library uses 1.0–1.2
_YES_NO = {"yes": True, "no": False}
_MUSCLE_ORDER = {muscle: position for position, muscle in enumerate(Muscle)}
_Choice = TypeVar("_Choice", Equipment, Mechanics, FailureSafety)


def describe(exercise: Exercise) -> tuple[str, ...]:
    """The `custom_*` cells (CUSTOM_COLUMNS order) describing a custom exercise."""
    primary = _muscles_text(exercise.primary_muscles)
    secondary = _muscles_text(m for m in exercise.secondary_muscles if m not in exercise.primary_muscles)
    return (
        primary,
        secondary,
        exercise.equipment.value,
        exercise.mechanics.value,
        exercise.failure_safety.value,
        "yes" if exercise.assisted else "no",
        str(exercise.default_rest_s),
        repr(float(exercise.fatigue_factor)),
    )


def read_description(name: str, cells: Sequence[str], line: int) -> Exercise | None:
    """The custom exercise `name` as described by its `custom_*` cells (CUSTOM_COLUMNS order); None when
    they are all empty (rows after the exercise's first, and library exercises). A partial or bad
    description is an ImportFileError naming the line and the column."""
    if not any(cell.strip() for cell in cells):
        return None
    primary_text, secondary_text, equipment, mechanics, safety, assisted, rest, fatigue = cells
    primary = _muscles(primary_text, line, CUSTOM_COLUMNS[0])
    secondary = _muscles(secondary_text, line, CUSTOM_COLUMNS[1])
    both = [m.value for m in secondary if m in primary]
    if both:
        raise ImportFileError(
            f"{', '.join(both)} is both a primary and a secondary muscle of “{name}”.", line
        )
    assisted_flag = _YES_NO.get(assisted.strip().lower())
    if assisted_flag is None:
        raise ImportFileError(f"custom_assisted “{assisted.strip()[:40]}” is not yes or no.", line)
    rest_s = whole_number(rest, line, "custom_rest_s")
    if rest_s is None or rest_s > MAX_REST_S:
        raise ImportFileError(f"custom_rest_s must be a number of seconds from 0 to {MAX_REST_S}.", line)
    factor = number(fatigue, line, "custom_fatigue_factor", default=None)
    low, high = FATIGUE_RANGE
    if factor is None or not math.isfinite(factor) or not low <= factor <= high:
        raise ImportFileError(f"custom_fatigue_factor must be a number from {low} to {high}.", line)
    return Exercise(
        name=name,
        primary_muscles=primary,
        secondary_muscles=secondary,
        equipment=_choice(equipment, line, "custom_equipment", Equipment),
        mechanics=_choice(mechanics, line, "custom_mechanics", Mechanics),
        failure_safety=_choice(safety, line, "custom_failure_safety", FailureSafety),
        default_rest_s=rest_s,
        fatigue_factor=factor,
        assisted=assisted_flag,
        is_custom=True,
    )


def _muscles_text(muscles: Iterable[Muscle]) -> str:
    ordered = sorted(set(muscles), key=_MUSCLE_ORDER.__getitem__)
    return " ".join(muscle.value for muscle in ordered)


def _muscles(text: str, line: int, column: str) -> tuple[Muscle, ...]:
    found: list[Muscle] = []
    for word in text.replace(",", " ").replace(";", " ").split():
        try:
            muscle = Muscle(word.strip().lower())
        except ValueError:
            allowed = ", ".join(m.value for m in Muscle)
            raise ImportFileError(f"{column}: “{word[:40]}” is not one of {allowed}.", line) from None
        if muscle not in found:
            found.append(muscle)
    return tuple(found)


def _choice(text: str, line: int, column: str, kind: type[_Choice]) -> _Choice:
    try:
        return kind(text.strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise ImportFileError(f"{column} “{text.strip()[:40]}” is not one of {allowed}.", line) from None
