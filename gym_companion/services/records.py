"""Personal records as a use case: an exercise's PR list and the recent PRs across all exercises.

Reads grouped rows (storage.repositories.record_queries), turns them into each workout's bests — e1RMs
through domain.e1rm.set_e1rm with the lifter's basis — and lets domain.records judge them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

from gym_companion.domain.e1rm import AS_RATED, E1rmBasis, set_e1rm
from gym_companion.domain.records import (
    Lift,
    Record,
    Standing,
    WorkoutBests,
    record_timeline,
)
from gym_companion.storage.repositories.record_queries import EffortRow, LoadRow, RecordQueries

_Key = tuple[int, int | None]  # (exercise, workout)


@dataclass(frozen=True, slots=True)
class ExerciseRecords:
    """One exercise's bests today (with the dates they were first reached) and every record on the way."""

    exercise_id: int
    standing: Standing
    records: list[Record]  # oldest first


class RecordBook:
    """Judges personal records from grouped reads; one rule (domain.records) for every view of them."""

    def __init__(
        self,
        queries: RecordQueries,
        e1rm_basis: Callable[[int], E1rmBasis] = lambda _exercise_id: AS_RATED,
    ) -> None:
        self._queries = queries
        self._basis = e1rm_basis

    def for_exercise(self, exercise_id: int) -> ExerciseRecords:
        """The exercise's PR list: heaviest weight, best e1RM, most reps at each load, and all its records."""
        workouts = self._workouts(
            self._queries.load_rows(exercise_id), self._queries.effort_rows(exercise_id)
        )
        standing, records = record_timeline(sorted(workouts.values(), key=lambda w: w.when))
        return ExerciseRecords(exercise_id, standing, records)

    def recent(self, since: datetime) -> list[Record]:
        """Every record set at or after `since`, across exercises, newest first.

        The bests before `since` are read as one aggregate per exercise, so looking back 30 days costs
        the same after one year of history or twenty.
        """
        standings = self._standings(since)
        recent = self._workouts(self._queries.load_rows(since=since), self._queries.effort_rows(since=since))
        by_exercise: dict[int, list[WorkoutBests]] = {}
        for (exercise_id, _), bests in recent.items():
            by_exercise.setdefault(exercise_id, []).append(bests)
        found: list[Record] = []
        for exercise_id, workouts in by_exercise.items():
            workouts.sort(key=lambda w: w.when)
            found.extend(record_timeline(workouts, standings.get(exercise_id))[1])
        found.sort(key=lambda r: r.when, reverse=True)
        return found

    def standings_before(self, exercise_ids: Collection[int], before: datetime) -> dict[int, Standing]:
        """Each exercise's all-time bests from its sets logged before `before` (missing: none yet).

        Two grouped queries whatever the number of exercises or years: what a workout's records are
        judged against (the finish summary judges exactly as this page's PR list does).
        """
        return self._standings(before, exercise_ids) if exercise_ids else {}

    def _standings(
        self, before: datetime, exercise_ids: Collection[int] | None = None
    ) -> dict[int, Standing]:
        """The bests before `before`, one aggregate per exercise (optionally only `exercise_ids`)."""
        queries = self._queries
        earlier = self._workouts(
            queries.load_rows(before=before, per_workout=False, exercise_ids=exercise_ids),
            queries.effort_rows(before=before, per_workout=False, exercise_ids=exercise_ids),
        )
        return {exercise_id: Standing().after(bests) for (exercise_id, _), bests in earlier.items()}

    def _workouts(self, loads: Iterable[LoadRow], efforts: Iterable[EffortRow]) -> dict[_Key, WorkoutBests]:
        """Each workout's bests (per exercise) from its grouped rows."""
        firsts: dict[_Key, datetime] = {}
        reps_at: dict[_Key, dict[float, int]] = {}
        for row in loads:
            key = (row.exercise_id, row.session_id)
            firsts[key] = min(firsts.get(key, row.first_at), row.first_at)
            at = reps_at.setdefault(key, {})
            at[row.weight_kg] = max(at.get(row.weight_kg, 0), row.reps)
        best_e1rm: dict[_Key, tuple[float, Lift]] = {}
        bases: dict[int, E1rmBasis] = {}
        for effort in efforts:
            basis = bases.get(effort.exercise_id)
            if basis is None:
                basis = bases[effort.exercise_id] = self._basis(effort.exercise_id)
            kg = set_e1rm(effort.set_type, effort.weight_kg, effort.reps, effort.rir, effort.failure, basis)
            if kg is None:
                continue
            key = (effort.exercise_id, effort.session_id)
            known = best_e1rm.get(key)
            if known is None or kg > known[0]:
                best_e1rm[key] = (kg, Lift(effort.weight_kg, effort.reps, effort.rir, effort.failure))
        workouts: dict[_Key, WorkoutBests] = {}
        for key, most_reps in reps_at.items():
            loaded = [load for load in most_reps if load > 0]
            top = max(loaded) if loaded else None
            e1rm = best_e1rm.get(key)
            workouts[key] = WorkoutBests(
                exercise_id=key[0],
                when=firsts[key],
                heaviest=None if top is None else Lift(top, most_reps[top]),
                best_e1rm_kg=None if e1rm is None else e1rm[0],
                best_e1rm_lift=None if e1rm is None else e1rm[1],
                most_reps=most_reps,
            )
        return workouts
