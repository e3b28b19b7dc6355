"""Checks at the boundary for what the lifter sets in Preferences: settings ranges, plate lists, events.

Field checks work on plain values (not on `Settings`), so `settings.py` can use them to drop out-of-range
values read from storage, and the settings dialog can use them before anything is saved.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from gym_companion.domain.model import TrainingEvent, WeightUnit

if TYPE_CHECKING:
    from gym_companion.domain.settings import Settings


@dataclass(frozen=True, slots=True)
class Limit:
    """The allowed range of a numeric setting, with the words used to name it in a message."""

    low: float
    high: float
    label: str
    unit: str = ""


# Product decisions, chosen so that every value inside is plausible for some lifter:
# - RIR 0-5: the prompt offers 0-5+ (F1); a target above 5 is not a hard set (TRAINING_RULES "Hard set").
# - a weekly cap of 0 means no failure sets; 40 is far beyond any split's useful count (F10, F11).
# - a layoff shorter than 2 weeks is a holiday; 52 weeks is the longest break worth detecting (F14).
# - recovery speed 0.5-2: the model's time constants halved or doubled (τ 20-31 h becomes 10-62 h).
# - rests 10 s-15 min, the library's own range; failure extensions up to 10 min (F8).
LIMITS: dict[str, Limit] = {
    "target_rir": Limit(0, 5, "Target RIR"),
    "weekly_failure_cap": Limit(0, 40, "The weekly failure cap", " sets"),
    "layoff_weeks": Limit(2, 52, "The layoff threshold", " weeks"),
    "rep_min": Limit(1, 50, "The lowest reps of the range"),
    "rep_max": Limit(1, 50, "The highest reps of the range"),
    "bar_weight_kg": Limit(0, 50, "The kg bar", " kg"),
    "bar_weight_lb": Limit(0, 110, "The lb bar", " lb"),
    "recovery_speed": Limit(0.5, 2.0, "Recovery speed", "×"),
    "rest_compound_s": Limit(10, 900, "Rest after compound sets", " s"),
    "rest_isolation_s": Limit(10, 900, "Rest after isolation sets", " s"),
    "rest_after_technical_s": Limit(0, 600, "Extra rest after technical failure", " s"),
    "rest_after_absolute_s": Limit(0, 600, "Extra rest after absolute failure", " s"),
    # Load steps: from the finest adjustable dumbbells and add-on stack weights (0.5 kg / 1 lb) to the
    # coarsest common spacing (10 kg / 20 lb dumbbells, 20 kg / 40 lb stack plates).
    "dumbbell_step_kg": Limit(0.5, 10, "The dumbbell step in kg", " kg"),
    "dumbbell_step_lb": Limit(1, 20, "The dumbbell step in lb", " lb"),
    "machine_step_kg": Limit(0.5, 20, "The machine step in kg", " kg"),
    "machine_step_lb": Limit(1, 40, "The machine step in lb", " lb"),
    "spoken_volume": Limit(0, 100, "The voice volume", " %"),
    # Between the exercises of a superset: none at all up to two minutes (longer is a rest, not a walk).
    "superset_transition_s": Limit(0, 120, "The change-over in a superset", " s"),
}
PLATE_LIMITS = {WeightUnit.KG: 60.0, WeightUnit.LB: 130.0}  # the heaviest plates sold are 50 kg / 100 lb
MAX_PLATE_KINDS = 20
MAX_EVENT_WINDOW_H = 14 * 24  # F9: two weeks before an event is the longest no-failure window offered
MAX_EVENT_TITLE = 80

_PLATE_FIELDS = {"plates_kg": WeightUnit.KG, "plates_lb": WeightUnit.LB}
_PLAIN_NUMBER = re.compile(r"\d+(\.\d*)?|\.\d+")
_SEPARATORS = re.compile(r"[,;\s]+")


class InvalidSettingsError(ValueError):
    """Settings that cannot be saved; `problems` maps each bad field to a message fit for the screen."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = dict(problems)


def _number_text(value: float) -> str:
    return f"{value:g}"


def field_problem(name: str, value: Any) -> str | None:
    """What is wrong with one setting's value, or None when it is fine (or the field has no limits)."""
    if name in _PLATE_FIELDS:
        return _plates_problem(value, _PLATE_FIELDS[name])
    limit = LIMITS.get(name)
    if limit is None or value is None:  # None: "use the default" for the optional numbers
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return f"{limit.label} must be a number."
    if not limit.low <= value <= limit.high:
        low, high = _number_text(limit.low), _number_text(limit.high)
        return f"{limit.label} must be between {low} and {high}{limit.unit}."
    return None


def cross_field_problems(values: Mapping[str, Any]) -> dict[str, str]:
    """Problems that involve two settings at once (only checked when both are present)."""
    low, high = values.get("rep_min"), values.get("rep_max")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        message = f"The rep range {low}–{high} is upside down: the lowest reps come first."
        return {"rep_min": message, "rep_max": message}
    return {}


def settings_problems(settings: Settings) -> dict[str, str]:
    """Every problem with `settings`, by field name; empty when they can be saved."""
    values = {name: getattr(settings, name) for name in (*LIMITS, *_PLATE_FIELDS)}
    problems = {name: p for name, value in values.items() if (p := field_problem(name, value)) is not None}
    for name, message in cross_field_problems(values).items():
        problems.setdefault(name, message)
    return problems


def check_settings(settings: Settings) -> None:
    """Raise InvalidSettingsError when any setting is out of range."""
    problems = settings_problems(settings)
    if problems:
        raise InvalidSettingsError(problems)


def parse_plates(text: str, unit: WeightUnit) -> tuple[float, ...]:
    """Plates from typed text such as '25, 20, 15, 10, 5, 2.5, 1.25': heaviest first, each kind once.

    Raises ValueError with a message fit for the screen. Commas, semicolons and spaces separate plates,
    so the decimal mark is the point.
    """
    words = [w for w in _SEPARATORS.split(text.strip()) if w]
    if not words:
        raise ValueError(f"List at least one {unit.value} plate, e.g. {_example(unit)}.")
    plates: set[float] = set()
    for word in words:
        cleaned = word.removesuffix(unit.value)
        if not _PLAIN_NUMBER.fullmatch(cleaned):
            raise ValueError(f"“{word}” is not a plate weight. Use numbers such as {_example(unit)}.")
        plates.add(float(cleaned))
    result = tuple(sorted(plates, reverse=True))
    problem = _plates_problem(result, unit)
    if problem is not None:
        raise ValueError(problem)
    return result


def plates_text(plates: tuple[float, ...]) -> str:
    """Plates as the lifter types them: '25, 20, 2.5'."""
    return ", ".join(_number_text(p) for p in plates)


def _example(unit: WeightUnit) -> str:
    return "25, 20, 10, 5, 2.5" if unit is WeightUnit.KG else "45, 35, 25, 10, 5, 2.5"


def _plates_problem(plates: Any, unit: WeightUnit) -> str | None:
    if not isinstance(plates, tuple) or not plates:
        return f"List at least one {unit.value} plate."
    if len(plates) > MAX_PLATE_KINDS:
        return f"At most {MAX_PLATE_KINDS} kinds of {unit.value} plates."
    heaviest = PLATE_LIMITS[unit]
    for plate in plates:
        if isinstance(plate, bool) or not isinstance(plate, int | float) or not math.isfinite(plate):
            return f"Every {unit.value} plate must be a number."
        if not 0 < plate <= heaviest:
            most = f"{_number_text(heaviest)} {unit.value}"
            return f"A {unit.value} plate must weigh more than 0 and at most {most}."
    return None


def event_problem(event: TrainingEvent, now: datetime) -> str | None:
    """What is wrong with an event before it is saved (F9), or None."""
    title = event.title.strip()
    if not title:
        return "Give the event a name."
    if len(title) > MAX_EVENT_TITLE:
        return f"Keep the name under {MAX_EVENT_TITLE} characters."
    if event.starts_at <= now:
        return "That moment has passed: pick a time in the future."
    if not 0 <= event.no_failure_window_h <= MAX_EVENT_WINDOW_H:
        return f"The no-failure window must be between 0 and {MAX_EVENT_WINDOW_H} hours."
    return None
