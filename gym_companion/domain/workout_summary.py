"""What a finished workout amounted to: duration, volume, hard sets per muscle, PRs, failure placement."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from gym_companion.domain.e1rm import AS_RATED, E1rmBasis, set_e1rm
from gym_companion.domain.landmarks import hard_sets_by_muscle
from gym_companion.domain.model import Exercise, FailureKind, Muscle, SetEntry, SetType, WeightUnit
from gym_companion.domain.records import Record, RecordKind, Standing, load_key, records_in, workout_bests
from gym_companion.domain.recovery import FatigueInput
from gym_companion.domain.supersets import SupersetLine, describe_groups
from gym_companion.domain.units import format_number, format_weight, to_unit


@dataclass(frozen=True, slots=True)
class PersonalRecord:
    """A record hit in this workout, as domain.records judged it (the History page's PR list agrees)."""

    exercise_name: str
    kind: str  # domain.records.RecordKind's value: "heaviest weight", "best e1RM" or "most reps"
    value: float  # kg (heaviest weight, e1RM) or reps (most reps at `load_kg`)
    previous: float  # the best it beat, in the same terms
    set_entry: SetEntry
    load_kg: float | None = None  # most reps: the load they were done at

    def describe(self, unit: WeightUnit) -> str:
        """How the finish summary says it: 'Bench Press — most reps at 100 kg: 7 (was 6)'."""
        if self.load_kg is not None:
            load = format_weight(self.load_kg, unit)
            return f"{self.exercise_name} — {self.kind} at {load}: {self.value:g} (was {self.previous:g})"
        digits = 1 if self.kind == RecordKind.E1RM.value else 2  # e1RM reads as on the History page
        now = f"{format_number(round(to_unit(self.value, unit), digits))} {unit.value}"
        was = f"{format_number(round(to_unit(self.previous, unit), digits))} {unit.value}"
        return f"{self.exercise_name} — {self.kind} {now} (was {was})"


@dataclass(frozen=True, slots=True)
class FailurePlacement:
    """Where a failure set sat in the workout (F4: it belongs at the end)."""

    exercise_name: str
    failure: FailureKind
    set_number: int  # 1-based within the exercise
    sets_of_exercise: int
    exercise_number: int  # 1-based within the workout
    exercises_in_workout: int
    drop_sets_after: int = 0  # the exercise's sets after this one when all of them are drop sets

    @property
    def at_the_end(self) -> bool:
        """Last set of one of the last three exercises (F4). Drop sets straight after a failure set are the
        classic way to take it further, so a failure set followed only by drop sets still ends its exercise.
        """
        last = self.set_number + self.drop_sets_after == self.sets_of_exercise
        return last and self.exercise_number > self.exercises_in_workout - 3


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
    supersets: list[SupersetLine] = field(default_factory=list)  # groups done in rounds, in order


def summarize_workout(
    sets: Sequence[SetEntry],
    exercises: Mapping[int, Exercise],
    previous_bests: Mapping[int, Standing],
    started_at: datetime,
    ended_at: datetime,
    e1rm_basis: Mapping[int, E1rmBasis] | None = None,
) -> WorkoutSummary:
    """Summarize one workout's sets (in workout order).

    Volume counts working and drop sets with a positive load (weight × reps; for bodyweight exercises the
    moved bodyweight in their e1RM basis plus the logged load). Records follow
    domain.records: a record needs an earlier best to beat; the first time sets a baseline, not a PR.
    `e1rm_basis` (per exercise id; AS_RATED when missing) is how its sets become e1RMs, as in History.
    """
    work = [s for s in sets if s.set_type is not SetType.WARMUP]
    bases = e1rm_basis or {}
    volume = sum(  # bodyweight exercises move their share of bodyweight too (domain.bodyweight_load)
        load * s.reps
        for s in work
        if (load := s.weight_kg + (bases[s.exercise_id].bodyweight_kg if s.exercise_id in bases else 0.0)) > 0
    )
    fatigue_inputs = [
        FatigueInput.from_set(s, exercises[s.exercise_id]) for s in sets if s.exercise_id in exercises
    ]
    records = _records(work, exercises, previous_bests, e1rm_basis or {})
    orders = sorted({s.exercise_order for s in sets})
    failures = []
    for s in work:
        if s.failure is FailureKind.NONE:
            continue
        siblings = [x for x in work if x.exercise_order == s.exercise_order]
        later = siblings[siblings.index(s) + 1 :]
        exercise = exercises.get(s.exercise_id)
        failures.append(
            FailurePlacement(
                exercise_name=exercise.name if exercise else "?",
                failure=s.failure,
                set_number=siblings.index(s) + 1,
                sets_of_exercise=len(siblings),
                exercise_number=orders.index(s.exercise_order) + 1,
                exercises_in_workout=len(orders),
                drop_sets_after=len(later) if all(x.set_type is SetType.DROP for x in later) else 0,
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
        supersets=describe_groups(sets, {i: e.name for i, e in exercises.items()}),
    )


def _records(
    work: Sequence[SetEntry],
    exercises: Mapping[int, Exercise],
    previous: Mapping[int, Standing],
    bases: Mapping[int, E1rmBasis],
) -> list[PersonalRecord]:
    """Heaviest-weight, e1RM and rep records of this workout against each exercise's standing before it,
    judged by domain.records (one rule app-wide; no standing: a first time, a baseline)."""
    found: list[PersonalRecord] = []
    by_exercise: dict[int, list[SetEntry]] = {}
    for s in work:
        by_exercise.setdefault(s.exercise_id, []).append(s)
    for exercise_id, entries in by_exercise.items():
        standing = previous.get(exercise_id, Standing())
        name = exercises[exercise_id].name if exercise_id in exercises else "?"
        basis = bases.get(exercise_id, AS_RATED)

        def e1rm_of(entry: SetEntry, basis: E1rmBasis = basis) -> float | None:
            return set_e1rm(entry.set_type, entry.weight_kg, entry.reps, entry.rir, entry.failure, basis)

        today = workout_bests(exercise_id, entries, e1rm_of)
        if today is None:
            continue
        for record in records_in(today, standing):
            load = record.lift.weight_kg if record.kind is RecordKind.REPS and record.lift else None
            found.append(
                PersonalRecord(
                    name,
                    record.kind.value,
                    record.value,
                    record.previous,
                    _set_of(record, entries, e1rm_of),
                    load,
                )
            )
    return found


def _set_of(
    record: Record, entries: Sequence[SetEntry], e1rm_of: Callable[[SetEntry], float | None]
) -> SetEntry:
    """The set that made the record (the first one, when several did)."""
    if record.kind is RecordKind.E1RM:
        return max(entries, key=lambda s: e1rm_of(s) or 0.0)
    if record.kind is RecordKind.REPS and record.lift is not None:
        load = record.lift.weight_kg
        return max(entries, key=lambda s: (load_key(s.weight_kg) == load, s.reps))
    return max(entries, key=lambda s: (s.weight_kg, s.reps))
