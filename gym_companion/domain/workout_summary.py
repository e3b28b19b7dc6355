"""What a finished workout amounted to: duration, volume, hard sets per muscle, PRs, failure placement."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from gym_companion.domain.e1rm import estimate_e1rm
from gym_companion.domain.landmarks import hard_sets_by_muscle
from gym_companion.domain.model import Exercise, FailureKind, Muscle, SetEntry, SetType
from gym_companion.domain.recovery import FatigueInput


@dataclass(frozen=True, slots=True)
class PersonalBests:
    """An exercise's bests before this workout (None when never done)."""

    heaviest_kg: float | None = None
    best_e1rm_kg: float | None = None


@dataclass(frozen=True, slots=True)
class PersonalRecord:
    """A record hit in this workout."""

    exercise_name: str
    kind: str  # "heaviest weight" or "best e1RM"
    value_kg: float
    previous_kg: float
    set_entry: SetEntry


@dataclass(frozen=True, slots=True)
class FailurePlacement:
    """Where a failure set sat in the workout (F4: it belongs at the end)."""

    exercise_name: str
    failure: FailureKind
    set_number: int  # 1-based within the exercise
    sets_of_exercise: int
    exercise_number: int  # 1-based within the workout
    exercises_in_workout: int

    @property
    def at_the_end(self) -> bool:
        """Last set of one of the last three exercises (F4)."""
        return (
            self.set_number == self.sets_of_exercise and self.exercise_number > self.exercises_in_workout - 3
        )


@dataclass(frozen=True, slots=True)
class WorkoutSummary:
    """The finish screen's numbers."""

    duration: timedelta
    sets: int
    working_sets: int
    volume_kg: float
    hard_sets: dict[Muscle, float]
    records: list[PersonalRecord]
    failures: list[FailurePlacement]


def summarize_workout(
    sets: Sequence[SetEntry],
    exercises: Mapping[int, Exercise],
    previous_bests: Mapping[int, PersonalBests],
    started_at: datetime,
    ended_at: datetime,
) -> WorkoutSummary:
    """Summarize one workout's sets (in workout order).

    Volume counts working and drop sets with a positive load (weight × reps). A record needs an earlier
    best to beat: the first time an exercise is done sets a baseline, not a PR.
    """
    work = [s for s in sets if s.set_type is not SetType.WARMUP]
    volume = sum(s.weight_kg * s.reps for s in work if s.weight_kg > 0)
    fatigue_inputs = [
        FatigueInput.from_set(s, exercises[s.exercise_id]) for s in sets if s.exercise_id in exercises
    ]
    records = _records(work, exercises, previous_bests)
    orders = sorted({s.exercise_order for s in sets})
    failures = []
    for s in work:
        if s.failure is FailureKind.NONE:
            continue
        siblings = [x for x in work if x.exercise_order == s.exercise_order]
        exercise = exercises.get(s.exercise_id)
        failures.append(
            FailurePlacement(
                exercise_name=exercise.name if exercise else "?",
                failure=s.failure,
                set_number=siblings.index(s) + 1,
                sets_of_exercise=len(siblings),
                exercise_number=orders.index(s.exercise_order) + 1,
                exercises_in_workout=len(orders),
            )
        )
    return WorkoutSummary(
        duration=max(ended_at - started_at, timedelta(0)),
        sets=len(sets),
        working_sets=len(work),
        volume_kg=volume,
        hard_sets={m: v for m, v in hard_sets_by_muscle(fatigue_inputs).items() if v > 0},
        records=records,
        failures=failures,
    )


def _records(
    work: Sequence[SetEntry], exercises: Mapping[int, Exercise], previous: Mapping[int, PersonalBests]
) -> list[PersonalRecord]:
    records: list[PersonalRecord] = []
    by_exercise: dict[int, list[SetEntry]] = {}
    for s in work:
        by_exercise.setdefault(s.exercise_id, []).append(s)
    for exercise_id, entries in by_exercise.items():
        bests = previous.get(exercise_id, PersonalBests())
        name = exercises[exercise_id].name if exercise_id in exercises else "?"
        heaviest = max(entries, key=lambda s: s.weight_kg)
        if (
            bests.heaviest_kg is not None
            and heaviest.weight_kg > bests.heaviest_kg
            and heaviest.weight_kg > 0
        ):
            records.append(
                PersonalRecord(name, "heaviest weight", heaviest.weight_kg, bests.heaviest_kg, heaviest)
            )
        estimates = []
        for s in entries:
            rir = 0 if s.failure is not FailureKind.NONE else s.rir
            e = estimate_e1rm(s.weight_kg, s.reps, rir)
            if e is not None:
                estimates.append((e.kg, s))
        if estimates and bests.best_e1rm_kg is not None:
            best_kg, best_set = max(estimates, key=lambda item: item[0])
            if best_kg > bests.best_e1rm_kg:
                records.append(PersonalRecord(name, "best e1RM", best_kg, bests.best_e1rm_kg, best_set))
    return records
