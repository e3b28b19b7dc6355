"""The lifter's world as plain data: exercises, workouts, sets, routines, events, bodyweight.

Pure Python (stdlib only). Storage maps these to tables; services and the UI pass them around.
All timestamps are timezone-aware UTC datetimes; weights are kilograms.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class Muscle(enum.StrEnum):
    """The muscle groups the recovery model and the weekly landmarks know (TRAINING_RULES.md)."""

    CHEST = "chest"
    BACK = "back"  # lats and upper back
    TRAPS = "traps"
    FRONT_DELTS = "front_delts"
    SIDE_REAR_DELTS = "side_rear_delts"
    BICEPS = "biceps"
    TRICEPS = "triceps"
    FOREARMS = "forearms"
    ABS = "abs"
    GLUTES = "glutes"
    QUADS = "quads"
    HAMSTRINGS = "hamstrings"
    CALVES = "calves"
    LOWER_BACK = "lower_back"

    @property
    def label(self) -> str:
        """Human label, e.g. 'Side/rear delts'."""
        return _MUSCLE_LABELS[self]


_MUSCLE_LABELS = {
    Muscle.CHEST: "Chest",
    Muscle.BACK: "Back",
    Muscle.TRAPS: "Traps",
    Muscle.FRONT_DELTS: "Front delts",
    Muscle.SIDE_REAR_DELTS: "Side/rear delts",
    Muscle.BICEPS: "Biceps",
    Muscle.TRICEPS: "Triceps",
    Muscle.FOREARMS: "Forearms",
    Muscle.ABS: "Abs",
    Muscle.GLUTES: "Glutes",
    Muscle.QUADS: "Quads",
    Muscle.HAMSTRINGS: "Hamstrings",
    Muscle.CALVES: "Calves",
    Muscle.LOWER_BACK: "Lower back",
}


class SetType(enum.StrEnum):
    """Warm-ups never count as hard sets; drop sets follow a working set without rest."""

    WARMUP = "warmup"
    WORKING = "working"
    DROP = "drop"


class FailureKind(enum.StrEnum):
    """F1: failure has two kinds. Both are logged with RIR 0."""

    NONE = "none"
    TECHNICAL = "technical"
    ABSOLUTE = "absolute"


class FailureSafety(enum.StrEnum):
    """F6: how safe it is to fail on an exercise without help."""

    SAFE = "safe"
    SPOTTER = "spotter"
    TECHNICAL_ONLY = "technical_only"
    NEVER = "never"


class Equipment(enum.StrEnum):
    """What the load is made of; decides increments and the plate calculator."""

    BARBELL = "barbell"
    EZ_BAR = "ez_bar"
    TRAP_BAR = "trap_bar"
    SMITH = "smith"
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    MACHINE = "machine"
    CABLE = "cable"
    BODYWEIGHT = "bodyweight"
    BAND = "band"
    OTHER = "other"


class Mechanics(enum.StrEnum):
    """Compound lifts rest longer and open the workout with a warm-up ladder."""

    COMPOUND = "compound"
    ISOLATION = "isolation"


class WeightUnit(enum.StrEnum):
    """The unit the user sees; storage is always kg."""

    KG = "kg"
    LB = "lb"


class Goal(enum.StrEnum):
    """The lifter's main goal; OTHER_SPORT_PRIORITY turns failure prompts into cautions (F13)."""

    HYPERTROPHY = "hypertrophy"
    STRENGTH = "strength"
    GENERAL = "general"
    OTHER_SPORT_PRIORITY = "other_sport_priority"


class TrainingStyle(enum.StrEnum):
    """F11: the split decides how often a muscle may be failed."""

    SPLIT = "split"
    FULL_BODY = "full_body"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Exercise:
    """An exercise from the library or made by the user."""

    name: str
    primary_muscles: tuple[Muscle, ...]
    secondary_muscles: tuple[Muscle, ...] = ()
    equipment: Equipment = Equipment.OTHER
    mechanics: Mechanics = Mechanics.ISOLATION
    failure_safety: FailureSafety = FailureSafety.SAFE
    default_rest_s: int = 90
    aliases: tuple[str, ...] = ()
    fatigue_factor: float = 1.0  # C in the recovery model: 1.2 for heavy barbell squat/deadlift/bench/RDL
    assisted: bool = False  # negative added load allowed (assisted pull-up/dip machines)
    is_custom: bool = False
    id: int | None = None


@dataclass(slots=True)
class WorkoutSession:
    """One workout: from its first set to its finish (ended_at None while in progress)."""

    uuid: str
    started_at: datetime
    ended_at: datetime | None = None
    name: str = ""
    notes: str = ""
    routine_id: int | None = None
    id: int | None = None


@dataclass(slots=True)
class SetEntry:
    """One logged set. rir is None when unrated and 0 for both failure kinds."""

    uuid: str
    session_id: int
    exercise_id: int
    exercise_order: int
    set_order: int
    set_type: SetType
    weight_kg: float
    reps: int
    logged_at: datetime
    rir: int | None = None
    failure: FailureKind = FailureKind.NONE
    rest_before_s: int | None = None
    unit_shown: WeightUnit = WeightUnit.KG
    notes: str = ""
    superset_group: int | None = None
    id: int | None = None

    @property
    def is_hard(self) -> bool:
        """A hard set: a working (or drop) set ended at RIR <= 4. Warm-ups never count.

        An unrated working set counts as hard (taken as RIR 2, the default target), the same rule
        the recovery model uses, so imported history without ratings still shows its volume.
        """
        if self.set_type is SetType.WARMUP:
            return False
        return self.rir is None or self.rir <= 4


@dataclass(slots=True)
class PlannedExercise:
    """One exercise in a routine, with its planned working sets."""

    exercise_id: int
    position: int
    sets: int = 3
    rep_min: int = 8
    rep_max: int = 12
    target_rir: int = 2
    failure_last_set: bool = False
    rest_s: int | None = None  # rest between its sets; None: the exercise's default
    superset_group: int | None = None  # planned exercises sharing a number are done in rounds (supersets.py)
    id: int | None = None


@dataclass(slots=True)
class Routine:
    """A workout template: exercises in order."""

    name: str
    exercises: list[PlannedExercise] = field(default_factory=list)
    notes: str = ""
    id: int | None = None


@dataclass(slots=True)
class TrainingEvent:
    """F9: a race, match or trip the lifter cannot afford to be sore for."""

    title: str
    starts_at: datetime
    no_failure_window_h: int = 72
    id: int | None = None


@dataclass(slots=True)
class BodyweightEntry:
    """A weigh-in."""

    measured_at: datetime
    weight_kg: float
    id: int | None = None


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One line of the past-sessions list."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    name: str
    set_count: int
    working_sets: int
    failure_sets: int
    volume_kg: float  # sum of weight x reps over non-warm-up sets with positive load
    exercise_names: tuple[str, ...]
