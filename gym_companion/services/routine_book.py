"""Routines (workout templates): list, save, delete, and save the current workout as a routine."""

from __future__ import annotations

from gym_companion.domain.model import PlannedExercise, Routine, SetType
from gym_companion.services.workout_log import WorkoutSlot
from gym_companion.storage.repositories.routines import RoutineRepository


class RoutineBook:
    """The lifter's routines."""

    def __init__(self, repository: RoutineRepository) -> None:
        self._repository = repository

    def all(self) -> list[Routine]:
        """Every routine, in order."""
        return self._repository.all()

    def save(self, routine: Routine) -> Routine:
        """Add or replace a routine. Raises ValueError for an empty name or no exercises."""
        if not routine.name.strip():
            raise ValueError("Give the routine a name.")
        if not routine.exercises:
            raise ValueError("A routine needs at least one exercise.")
        for planned in routine.exercises:
            if not 1 <= planned.rep_min <= planned.rep_max <= 100:
                raise ValueError("Each rep range must run from low to high, within 1–100.")
            if not 0 <= planned.target_rir <= 5:
                raise ValueError("Target RIR must be 0–5.")
            if not 1 <= planned.sets <= 20:
                raise ValueError("Sets must be 1–20.")
        return self._repository.save(routine)

    def delete(self, routine_id: int) -> None:
        """Remove a routine."""
        self._repository.delete(routine_id)

    def from_workout(self, name: str, slots: list[WorkoutSlot], target_rir: int) -> Routine:
        """A routine from a workout: its exercises, working-set counts and the rep ranges that were done."""
        exercises: list[PlannedExercise] = []
        for slot in slots:
            if slot.exercise.id is None:
                continue
            work = [s for s in slot.sets if s.set_type is SetType.WORKING]
            reps = [s.reps for s in work] or [8, 12]
            exercises.append(
                PlannedExercise(
                    exercise_id=slot.exercise.id,
                    position=len(exercises),
                    sets=max(1, min(20, len(work) or 3)),
                    rep_min=max(1, min(reps)),
                    rep_max=min(100, max(reps)),
                    target_rir=target_rir,
                )
            )
        return self.save(Routine(name=name, exercises=exercises))
