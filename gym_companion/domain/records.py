"""Personal records (PRs): heaviest weight, best e1RM and most reps at a load — one rule for the whole app.

The finish summary, the History page's PR list, the PR markers on the e1RM chart and "recent PRs" all
judge records here, the same way:
- Records are judged workout by workout: of several sets of one exercise in a workout, the best one
  counts, once per kind (once per load for rep PRs), against the bests of all earlier workouts.
- A record must beat the earlier best; an equal lift is no record, and the best keeps its first date.
- The first workout with an exercise sets a baseline, not a record; likewise the first workout at a load
  is no rep PR at that load (there was nothing to beat).
- Heaviest weight needs a positive load (bodyweight and assisted sets are 0 kg or less); rep PRs count
  at any load, so "most pull-ups at bodyweight" is a record too. Loads equal to 0.01 kg are one load.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from gym_companion.domain.model import FailureKind, SetEntry, SetType

LOAD_DECIMALS = 2  # a 225 lb bar is 102.058 kg every time it is logged; 0.01 kg tells any two loads apart


def load_key(weight_kg: float) -> float:
    """The load a set counts under for rep PRs (kg, rounded to LOAD_DECIMALS)."""
    return round(weight_kg, LOAD_DECIMALS)


class RecordKind(enum.StrEnum):
    """What was beaten; the value is how the lifter reads it."""

    HEAVIEST = "heaviest weight"
    E1RM = "best e1RM"
    REPS = "most reps"


@dataclass(frozen=True, slots=True)
class Lift:
    """The set behind a best: load × reps and, where it matters (e1RM), how hard it was."""

    weight_kg: float
    reps: int
    rir: int | None = None
    failure: FailureKind = FailureKind.NONE


@dataclass(frozen=True, slots=True)
class WorkoutBests:
    """One exercise's bests in one workout (warm-ups left out): what records are judged on."""

    exercise_id: int
    when: datetime  # the workout's first set of this exercise
    heaviest: Lift | None = None  # heaviest positive load, with the most reps done at it
    best_e1rm_kg: float | None = None
    best_e1rm_lift: Lift | None = None
    most_reps: Mapping[float, int] = field(default_factory=dict)  # load_key -> most reps at that load


@dataclass(frozen=True, slots=True)
class Best:
    """A standing best: its value (kg, or reps for most reps at a load), when first reached, and the set.

    `when` is None for bests known only as numbers.
    """

    value: float
    when: datetime | None
    lift: Lift | None = None


@dataclass(frozen=True, slots=True)
class Standing:
    """An exercise's all-time bests up to some moment (nothing yet: every field empty)."""

    heaviest: Best | None = None
    best_e1rm: Best | None = None
    most_reps: Mapping[float, Best] = field(default_factory=dict)  # load_key -> best reps at that load

    @property
    def is_empty(self) -> bool:
        """Whether nothing has been lifted yet (the next workout is a baseline)."""
        return self.heaviest is None and self.best_e1rm is None and not self.most_reps

    def after(self, workout: WorkoutBests) -> Standing:
        """The standing once `workout` is done: every best it beat replaced, ties keeping the older date."""
        heaviest = self.heaviest
        if workout.heaviest is not None and (heaviest is None or workout.heaviest.weight_kg > heaviest.value):
            heaviest = Best(workout.heaviest.weight_kg, workout.when, workout.heaviest)
        best_e1rm = self.best_e1rm
        if workout.best_e1rm_kg is not None and (best_e1rm is None or workout.best_e1rm_kg > best_e1rm.value):
            best_e1rm = Best(workout.best_e1rm_kg, workout.when, workout.best_e1rm_lift)
        most_reps = dict(self.most_reps)
        for load, reps in workout.most_reps.items():
            known = most_reps.get(load)
            if known is None or reps > known.value:
                most_reps[load] = Best(float(reps), workout.when, Lift(load, reps))
        return Standing(heaviest, best_e1rm, most_reps)


@dataclass(frozen=True, slots=True)
class Record:
    """A personal record set in one workout: what it beat, by how much, and with which set."""

    exercise_id: int
    kind: RecordKind
    when: datetime
    value: float  # kg (heaviest weight, e1RM) or reps (most reps at `lift.weight_kg`)
    previous: float
    lift: Lift | None

    @property
    def gain(self) -> float:
        """How much the old best was beaten by (kg or reps)."""
        return self.value - self.previous


def records_in(workout: WorkoutBests, standing: Standing) -> list[Record]:
    """The records `workout` sets against earlier bests: heaviest, e1RM, then rep PRs (heaviest load first).

    An empty standing means this is the exercise's first workout: a baseline, no records.
    """
    found: list[Record] = []
    top = workout.heaviest
    if top is not None and standing.heaviest is not None and top.weight_kg > standing.heaviest.value:
        found.append(
            Record(
                workout.exercise_id,
                RecordKind.HEAVIEST,
                workout.when,
                top.weight_kg,
                standing.heaviest.value,
                top,
            )
        )
    e1rm = workout.best_e1rm_kg
    if e1rm is not None and standing.best_e1rm is not None and e1rm > standing.best_e1rm.value:
        found.append(
            Record(
                workout.exercise_id,
                RecordKind.E1RM,
                workout.when,
                e1rm,
                standing.best_e1rm.value,
                workout.best_e1rm_lift,
            )
        )
    for load in sorted(workout.most_reps, reverse=True):
        reps = workout.most_reps[load]
        known = standing.most_reps.get(load)
        if known is not None and reps > known.value:
            found.append(
                Record(
                    workout.exercise_id,
                    RecordKind.REPS,
                    workout.when,
                    float(reps),
                    known.value,
                    Lift(load, reps),
                )
            )
    return found


def record_timeline(
    workouts: Iterable[WorkoutBests], start: Standing | None = None
) -> tuple[Standing, list[Record]]:
    """Walk one exercise's workouts (oldest first) from `start`: the final standing and every record set."""
    standing = start if start is not None else Standing()
    found: list[Record] = []
    for workout in workouts:
        found.extend(records_in(workout, standing))
        standing = standing.after(workout)
    return standing, found


def workout_bests(
    exercise_id: int,
    sets: Iterable[SetEntry],
    e1rm_of: Callable[[SetEntry], float | None],
) -> WorkoutBests | None:
    """One exercise's bests from its sets in one workout (warm-ups ignored); None without a counted set.

    `e1rm_of` is how a set becomes an e1RM (domain.e1rm.set_e1rm with the lifter's basis).
    """
    work = [s for s in sets if s.set_type is not SetType.WARMUP]
    if not work:
        return None
    most_reps: dict[float, int] = {}
    for s in work:
        load = load_key(s.weight_kg)
        most_reps[load] = max(most_reps.get(load, 0), s.reps)
    loaded = [s for s in work if s.weight_kg > 0]
    heaviest = None
    if loaded:
        top = load_key(max(s.weight_kg for s in loaded))  # as loads are compared: the SQL reads agree
        heaviest = Lift(top, most_reps[top])
    best_kg: float | None = None
    best_lift: Lift | None = None
    for s in work:
        kg = e1rm_of(s)
        if kg is not None and (best_kg is None or kg > best_kg):
            best_kg, best_lift = kg, Lift(s.weight_kg, s.reps, s.rir, s.failure)
    return WorkoutBests(
        exercise_id=exercise_id,
        when=min(s.logged_at for s in work),
        heaviest=heaviest,
        best_e1rm_kg=best_kg,
        best_e1rm_lift=best_lift,
        most_reps=most_reps,
    )
