"""The lifter's settings as a typed, versioned model (stored as JSON in the database)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from gym_companion.domain.model import Goal, TrainingStyle, WeightUnit

SETTINGS_SCHEMA_VERSION = 1

# F11: default weekly failure-set caps per training style. A split lifter fails each muscle once
# a week on 3-5 days; a full-body lifter usually cannot fail Monday and again Wednesday.
DEFAULT_WEEKLY_FAILURE_CAP = {
    TrainingStyle.SPLIT: 10,
    TrainingStyle.FULL_BODY: 4,
    TrainingStyle.OTHER: 6,
}


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
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def effective_failure_cap(self) -> int:
        """The weekly failure cap in force: the user's own, else the style's default (F11)."""
        if self.weekly_failure_cap is not None:
            return self.weekly_failure_cap
        return DEFAULT_WEEKLY_FAILURE_CAP[self.training_style]

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
        """Parse stored settings; bad or missing values fall back to defaults instead of failing."""
        defaults = cls()
        known = {f.name for f in dataclasses.fields(cls)} - {"extra"}
        kwargs: dict[str, Any] = {}
        for name in known:
            if name not in data:
                continue
            try:
                kwargs[name] = _coerce(name, data[name], getattr(defaults, name))
            except (TypeError, ValueError):
                continue
        extra = {k: v for k, v in data.items() if k not in known and k != "schema_version"}
        return cls(**kwargs, extra=extra)


def _coerce(name: str, value: Any, default: Any) -> Any:
    if name == "unit":
        return WeightUnit(value)
    if name == "goal":
        return Goal(value)
    if name == "training_style":
        return TrainingStyle(value)
    if name == "weekly_failure_cap":
        return None if value is None else int(value)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise TypeError(name)
        return value
    if isinstance(default, int):
        return int(value)
    if isinstance(default, float):
        return float(value)
    if isinstance(default, tuple):
        return tuple(float(v) for v in value)
    return value
