"""The lifter's settings as a typed, versioned model (stored as JSON in the database)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gym_companion.domain.e1rm import E1rmFormula
from gym_companion.domain.model import Exercise, Goal, Mechanics, TrainingStyle, WeightUnit
from gym_companion.domain.rest_countdown import (
    EXTRA_REST_AFTER_ABSOLUTE_FAILURE_S,
    EXTRA_REST_AFTER_TECHNICAL_FAILURE_S,
)
from gym_companion.domain.settings_check import cross_field_problems, field_problem
from gym_companion.domain.units import DEFAULT_LOAD_STEPS, LoadSteps

# Version of the stored JSON. Bump it when keys are added or change meaning or shape, and add a step to
# _MIGRATIONS that turns the previous version's JSON into the new one. See migrate_settings_json.
SETTINGS_SCHEMA_VERSION = 4

# F11: default weekly failure-set caps per training style. A split lifter fails each muscle once
# a week on 3-5 days; a full-body lifter usually cannot fail Monday and again Wednesday.
DEFAULT_WEEKLY_FAILURE_CAP = {
    TrainingStyle.SPLIT: 10,
    TrainingStyle.FULL_BODY: 4,
    TrainingStyle.OTHER: 6,
}
# Time to walk from one station of a superset to the next and set up: the timer's ±15 s step.
DEFAULT_SUPERSET_TRANSITION_S = 15


@dataclass(slots=True)
class Settings:
    """Everything the user can set. Unknown keys from newer versions are kept, not lost."""

    unit: WeightUnit = WeightUnit.KG
    goal: Goal = Goal.HYPERTROPHY
    training_style: TrainingStyle = TrainingStyle.SPLIT
    target_rir: int = 2  # F3: default 2 (range 2-3)
    failure_features: bool = True  # F15: can be turned off entirely
    weekly_failure_cap: int | None = None  # None: the default for the training style
    layoff_weeks: int = 8  # F14
    bar_weight_kg: float = 20.0
    plates_kg: tuple[float, ...] = (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25)
    plates_lb: tuple[float, ...] = (45.0, 35.0, 25.0, 10.0, 5.0, 2.5)
    bar_weight_lb: float = 45.0
    recovery_speed: float = 1.0  # >1 recovers faster, <1 slower; scales the time constants
    sound: bool = True
    # Correct RIR ratings by the bias learned from the lifter's failure sets (rir_calibration.py) in e1RM
    # and suggestions. Added without a schema step: JSON without the key reads as on, the default.
    calibrate_rir: bool = True
    # Schema 2: the lifter's rep range and rest-timer defaults.
    rep_min: int = 8  # F2/F3: a typical hypertrophy range of 8-12 reps at 2-3 RIR
    rep_max: int = 12
    rest_compound_s: int | None = None  # None: each exercise's own rest from the library
    rest_isolation_s: int | None = None
    rest_after_technical_s: int = EXTRA_REST_AFTER_TECHNICAL_FAILURE_S  # F8: rest longer after failure
    rest_after_absolute_s: int = EXTRA_REST_AFTER_ABSOLUTE_FAILURE_S
    # Spoken rest cues (domain.spoken_cues): off until asked for, since a laptop that talks in a gym
    # should be the lifter's choice. Added without a schema step: JSON without the keys reads as defaults.
    spoken_cues: bool = False
    spoken_ten_seconds: bool = True  # "ten seconds" as well as "thirty seconds"
    spoken_volume: int = 80  # percent of the voice engine's full volume
    # Schema 3: how sets become e1RMs (issue #4: the RTS chart with n = reps + RIR, Epley as the
    # alternative), and the load steps suggestions and warm-ups round to for dumbbells and machines.
    e1rm_formula: E1rmFormula = E1rmFormula.RTS
    dumbbell_step_kg: float = DEFAULT_LOAD_STEPS.dumbbell_kg
    dumbbell_step_lb: float = DEFAULT_LOAD_STEPS.dumbbell_lb
    machine_step_kg: float = DEFAULT_LOAD_STEPS.machine_kg
    machine_step_lb: float = DEFAULT_LOAD_STEPS.machine_lb
    # Schema 4: in a superset or circuit, the change-over from one exercise to the next of the round (the
    # full rest comes after the round). 0: no timer between them.
    superset_transition_s: int = DEFAULT_SUPERSET_TRANSITION_S
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def effective_failure_cap(self) -> int:
        """The weekly failure cap in force: the user's own, else the style's default (F11)."""
        if self.weekly_failure_cap is not None:
            return self.weekly_failure_cap
        return DEFAULT_WEEKLY_FAILURE_CAP[self.training_style]

    @property
    def load_steps(self) -> LoadSteps:
        """The lifter's dumbbell and machine load steps, for rounding suggestions and warm-ups."""
        return LoadSteps(
            dumbbell_kg=self.dumbbell_step_kg,
            dumbbell_lb=self.dumbbell_step_lb,
            machine_kg=self.machine_step_kg,
            machine_lb=self.machine_step_lb,
        )

    def default_rest_s(self, exercise: Exercise) -> int:
        """Rest after a working set of `exercise`: the lifter's default for its kind, else its own."""
        own = self.rest_compound_s if exercise.mechanics is Mechanics.COMPOUND else self.rest_isolation_s
        return exercise.default_rest_s if own is None else own

    def to_json_dict(self) -> dict[str, Any]:
        """A JSON-ready dict including the schema version."""
        data: dict[str, Any] = {"schema_version": SETTINGS_SCHEMA_VERSION}
        for f in dataclasses.fields(self):
            if f.name == "extra":
                continue
            value = getattr(self, f.name)
            data[f.name] = list(value) if isinstance(value, tuple) else value
        data.update(self.extra)
        return data

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> Settings:
        """Parse stored settings (any schema version); bad or missing values fall back to defaults."""
        data = migrate_settings_json(data)
        defaults = cls()
        known = {f.name for f in dataclasses.fields(cls)} - {"extra"}
        kwargs: dict[str, Any] = {}
        for name in known:
            if name not in data:
                continue
            try:
                value = _coerce(name, data[name], getattr(defaults, name))
            except (TypeError, ValueError, OverflowError):
                continue
            if field_problem(name, value) is None:  # out of range (edited by hand?): the default instead
                kwargs[name] = value
        for name in cross_field_problems(kwargs):  # e.g. a rep range upside down: both ends default
            kwargs.pop(name, None)
        extra = {k: v for k, v in data.items() if k not in known and k != "schema_version"}
        return cls(**kwargs, extra=extra)


def stored_schema_version(data: dict[str, Any]) -> int:
    """The schema version stored JSON says it has; JSON from before versioning counts as 1."""
    version = data.get("schema_version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return 1
    return version


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 added the rep range and the rest-timer defaults; version-1 users get the defaults."""
    added = {
        "rep_min": 8,
        "rep_max": 12,
        "rest_compound_s": None,
        "rest_isolation_s": None,
        "rest_after_technical_s": EXTRA_REST_AFTER_TECHNICAL_FAILURE_S,
        "rest_after_absolute_s": EXTRA_REST_AFTER_ABSOLUTE_FAILURE_S,
    }
    return {**added, **data, "schema_version": 2}


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 3 added the e1RM formula and the dumbbell and machine load steps; version-2 users keep
    what they had: the RTS chart and the steps that were fixed until then."""
    added = {
        "e1rm_formula": E1rmFormula.RTS.value,
        "dumbbell_step_kg": DEFAULT_LOAD_STEPS.dumbbell_kg,
        "dumbbell_step_lb": DEFAULT_LOAD_STEPS.dumbbell_lb,
        "machine_step_kg": DEFAULT_LOAD_STEPS.machine_kg,
        "machine_step_lb": DEFAULT_LOAD_STEPS.machine_lb,
    }
    return {**added, **data, "schema_version": 3}


def _v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 4 added the change-over between the exercises of a superset; version-3 users get the
    default (nobody had supersets before, so no earlier behaviour to keep)."""
    return {"superset_transition_s": DEFAULT_SUPERSET_TRANSITION_S, **data, "schema_version": 4}


# One step per version: _MIGRATIONS[n] turns version-n JSON into version n + 1.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}


def migrate_settings_json(data: dict[str, Any]) -> dict[str, Any]:
    """Stored settings JSON brought up to SETTINGS_SCHEMA_VERSION, step by step (the input is not changed).

    JSON from a newer version is returned as it is: the keys this version knows are read, the others
    are kept in `Settings.extra` and written back, so opening a database with an older app loses nothing.
    """
    version = stored_schema_version(data)
    migrated = dict(data)
    while version < SETTINGS_SCHEMA_VERSION:
        migrated = _MIGRATIONS[version](migrated)
        version += 1
    return migrated


def _coerce(name: str, value: Any, default: Any) -> Any:
    if name == "unit":
        return WeightUnit(value)
    if name == "goal":
        return Goal(value)
    if name == "training_style":
        return TrainingStyle(value)
    if name == "e1rm_formula":
        return E1rmFormula(value)
    if name in _OPTIONAL_INTS:
        return None if value is None else _whole(value)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise TypeError(name)
        return value
    if isinstance(default, int):
        return _whole(value)
    if isinstance(default, float):
        if isinstance(value, bool):
            raise TypeError(name)
        return float(value)
    if isinstance(default, tuple):
        return tuple(float(v) for v in value)
    return value


_OPTIONAL_INTS = frozenset({"weekly_failure_cap", "rest_compound_s", "rest_isolation_s"})


def _whole(value: Any) -> int:
    """A stored whole number (7 or 7.0); booleans and fractions are not numbers of reps or seconds."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    number = float(value)
    if not number.is_integer():
        raise ValueError(f"{value!r} is not a whole number")
    return int(number)
