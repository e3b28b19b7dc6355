"""A lifter's own exercise as they describe it, the checks it must pass, and what may stop its deletion.

`CustomExerciseSpec` is what the exercise editor and the import wizard hand to the services: everything the
lifter chooses (name, muscles, equipment, mechanics, failure safety, assisted). The rest after a working set
follows the mechanics; the recovery model's exercise factor C is carried over from a duplicated exercise.
"""

from __future__ import annotations

from dataclasses import dataclass

from gym_companion.domain.model import Equipment, Exercise, FailureSafety, Mechanics, Muscle

MAX_NAME_LENGTH = 80
# Rest after a working set by mechanics (the library's usual values): compound lifts tax more than the
# muscle itself, so they rest longer. Preferences can override both for every exercise.
COMPOUND_REST_S = 150
ISOLATION_REST_S = 90

NAME, PRIMARY, SECONDARY = "name", "primary_muscles", "secondary_muscles"


def default_rest_for(mechanics: Mechanics) -> int:
    """Seconds of rest after a working set of an exercise with these mechanics."""
    return COMPOUND_REST_S if mechanics is Mechanics.COMPOUND else ISOLATION_REST_S


def clean_name(name: str) -> str:
    """A name as stored: surrounding and repeated spaces gone."""
    return " ".join(name.split())


@dataclass(frozen=True, slots=True)
class CustomExerciseSpec:
    """What the lifter says about their own exercise. Primary muscles count 1 set, secondary 0.5."""

    name: str
    primary_muscles: tuple[Muscle, ...]
    secondary_muscles: tuple[Muscle, ...] = ()
    equipment: Equipment = Equipment.OTHER
    mechanics: Mechanics = Mechanics.ISOLATION
    failure_safety: FailureSafety = FailureSafety.SAFE
    assisted: bool = False
    fatigue_factor: float = 1.0  # C in the recovery model; kept from the exercise a spec was made from

    @classmethod
    def of(cls, exercise: Exercise, name: str | None = None) -> CustomExerciseSpec:
        """The spec describing `exercise` (under another `name` when given: a duplicate)."""
        return cls(
            name=exercise.name if name is None else name,
            primary_muscles=exercise.primary_muscles,
            secondary_muscles=tuple(
                m for m in exercise.secondary_muscles if m not in exercise.primary_muscles
            ),
            equipment=exercise.equipment,
            mechanics=exercise.mechanics,
            failure_safety=exercise.failure_safety,
            assisted=exercise.assisted,
            fatigue_factor=exercise.fatigue_factor,
        )

    @property
    def default_rest_s(self) -> int:
        """Rest after a working set: by mechanics."""
        return default_rest_for(self.mechanics)

    def to_exercise(self, exercise_id: int | None = None, aliases: tuple[str, ...] = ()) -> Exercise:
        """The custom exercise this spec describes (the name cleaned, rest by mechanics)."""
        return Exercise(
            name=clean_name(self.name),
            primary_muscles=tuple(dict.fromkeys(self.primary_muscles)),
            secondary_muscles=tuple(
                m for m in dict.fromkeys(self.secondary_muscles) if m not in self.primary_muscles
            ),
            equipment=self.equipment,
            mechanics=self.mechanics,
            failure_safety=self.failure_safety,
            default_rest_s=self.default_rest_s,
            aliases=aliases,
            fatigue_factor=self.fatigue_factor,
            assisted=self.assisted,
            is_custom=True,
            id=exercise_id,
        )


def spec_problems(spec: CustomExerciseSpec) -> dict[str, str]:
    """What is wrong with a spec on its own (the name's clash with others is the catalog's to check):
    field name -> a sentence for the screen; empty when it can be saved."""
    problems: dict[str, str] = {}
    name = clean_name(spec.name)
    if not name:
        problems[NAME] = "Give the exercise a name."
    elif len(name) > MAX_NAME_LENGTH:
        problems[NAME] = f"That name is too long ({MAX_NAME_LENGTH} characters at most)."
    if not spec.primary_muscles:
        problems[PRIMARY] = "Pick at least one primary muscle: its sets count for it in History and Recovery."
    both = [m.label for m in spec.secondary_muscles if m in spec.primary_muscles]
    if both:
        problems[SECONDARY] = f"{', '.join(both)}: a muscle is either primary or secondary, not both."
    return problems


class InvalidExerciseError(ValueError):
    """A custom exercise that cannot be saved; `problems` maps each field to a sentence for the screen."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(dict.fromkeys(problems.values())))
        self.problems = dict(problems)


@dataclass(frozen=True, slots=True)
class ExerciseUsage:
    """What refers to an exercise: logged sets (in how many workouts) and routines that plan it."""

    sets: int = 0
    sessions: int = 0
    routines: int = 0

    @property
    def in_use(self) -> bool:
        """Whether anything refers to the exercise (then it cannot be deleted)."""
        return bool(self.sets or self.sessions or self.routines)

    def sentence(self) -> str:
        """'Used by 12 sets in 3 workouts and 1 routine' or 'Not used yet'."""
        parts = []
        if self.sets or self.sessions:
            parts.append(f"{_count(self.sets, 'set')} in {_count(self.sessions, 'workout')}")
        if self.routines:
            parts.append(_count(self.routines, "routine"))
        return "Used by " + " and ".join(parts) if parts else "Not used yet"


class ExerciseInUseError(ValueError):
    """A custom exercise that history or a routine still refers to cannot be deleted."""

    def __init__(self, name: str, usage: ExerciseUsage) -> None:
        self.usage = usage
        super().__init__(
            f"“{name}” stays: {usage.sentence()[0].lower()}{usage.sentence()[1:]}. "
            "Deleting it would lose them; rename it or change its muscles instead."
        )


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
