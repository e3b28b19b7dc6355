"""Routines (workout templates): list, save, rename, copy, delete with undo, and save a workout as one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from gym_companion.domain.guidance import Advice, advice_on_routine
from gym_companion.domain.model import Exercise, FailureKind, PlannedExercise, Routine, SetType
from gym_companion.domain.routine_plan import PlanTarget, check_planned
from gym_companion.domain.settings import Settings
from gym_companion.domain.supersets import normalized
from gym_companion.services.workout_log import WorkoutSlot
from gym_companion.storage.repositories.routines import RoutineRepository

MAX_NAME_LENGTH = 80
DEFAULT_REP_RANGE = (8, 12)
DEFAULT_SETS = 3


@dataclass(frozen=True, slots=True)
class DeletedRoutine:
    """A routine just deleted and its place in the list, kept so that `restore` can undo the delete."""

    routine: Routine
    position: int


class RoutineBook:
    """The lifter's routines. Every change is validated, then committed before the method returns."""

    def __init__(
        self,
        repository: RoutineRepository,
        exercises: Callable[[], dict[int, Exercise]] | None = None,
        settings: Callable[[], Settings] | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self._repository = repository
        self._exercises = exercises
        self._settings = settings
        self._now = now

    def all(self) -> list[Routine]:
        """Every routine, in order."""
        return self._repository.all()

    def get(self, routine_id: int) -> Routine | None:
        """One routine, or None when it no longer exists."""
        return self._repository.get(routine_id)

    def save(self, routine: Routine) -> Routine:
        """Add or replace a routine; raises ValueError (a message for the lifter) when it makes no sense."""
        name = routine.name.strip()
        if not name:
            raise ValueError("Give the routine a name.")
        if len(name) > MAX_NAME_LENGTH:
            raise ValueError(f"Keep the name under {MAX_NAME_LENGTH} characters.")
        if not routine.exercises:
            raise ValueError("A routine needs at least one exercise.")
        for planned in routine.exercises:
            check_planned(planned)
        groups = normalized([planned.superset_group for planned in routine.exercises])
        for planned, group in zip(routine.exercises, groups, strict=True):
            planned.superset_group = group  # numbered 1, 2 … in order; a lone exercise is no group
        routine.name = name
        return self._repository.save(routine)

    def rename(self, routine_id: int, name: str) -> Routine:
        """Give a routine a new name."""
        routine = self._require(routine_id)
        routine.name = name
        return self.save(routine)

    def duplicate(self, routine_id: int) -> Routine:
        """A copy of a routine, last in the list, named '… (copy)' (then '… (copy 2)', …)."""
        original = self._require(routine_id)
        taken = {r.name for r in self.all()}
        name = f"{original.name} (copy)"
        number = 2
        while name in taken:
            name = f"{original.name} (copy {number})"
            number += 1
        exercises = [replace(p, id=None) for p in original.exercises]
        return self.save(Routine(name=name, exercises=exercises, notes=original.notes))

    def delete(self, routine_id: int) -> DeletedRoutine | None:
        """Remove a routine (past workouts keep their sets); the result undoes it through `restore`."""
        routine = self._repository.get(routine_id)
        if routine is None:
            return None
        position = self._repository.delete(routine_id)
        return DeletedRoutine(routine, position if position is not None else 0)

    def restore(self, deleted: DeletedRoutine) -> Routine:
        """Bring a deleted routine back, with its id and its place in the list."""
        return self._repository.restore(deleted.routine, deleted.position)

    def advice(self, exercises: list[PlannedExercise]) -> list[tuple[int, Advice]]:
        """Guidance on a plan being edited (F2, F4, F6 on each planned failure set), by exercise index."""
        if self._exercises is None or self._settings is None or self._now is None:
            return []
        catalog = self._exercises()
        known = [(catalog[p.exercise_id], PlanTarget.of(p)) for p in exercises if p.exercise_id in catalog]
        return advice_on_routine(self._now(), self._settings(), known)

    def from_workout(self, name: str, slots: list[WorkoutSlot], target_rir: int) -> Routine:
        """A routine from a workout: its exercises in order, with the plan they followed or what was done.

        An exercise that came from a routine keeps its plan; otherwise its working-set count and the rep
        range of its working sets become the plan, and a failure on its last working set sets the flag.
        Exercises without working sets get 3 × 8–12. Supersets stay supersets.
        """
        exercises: list[PlannedExercise] = []
        for slot in slots:
            if slot.exercise.id is None:
                continue
            plan = slot.plan
            if plan is not None:
                planned = PlannedExercise(
                    exercise_id=slot.exercise.id,
                    position=len(exercises),
                    sets=plan.sets,
                    rep_min=plan.rep_min,
                    rep_max=plan.rep_max,
                    target_rir=plan.target_rir,
                    failure_last_set=plan.failure_last_set,
                    rest_s=plan.rest_s,
                    superset_group=slot.group,
                )
            else:
                work = [s for s in slot.sets if s.set_type is SetType.WORKING]
                reps = [s.reps for s in work] or list(DEFAULT_REP_RANGE)
                planned = PlannedExercise(
                    exercise_id=slot.exercise.id,
                    position=len(exercises),
                    sets=max(1, min(20, len(work) or DEFAULT_SETS)),
                    rep_min=max(1, min(*reps, 100)),
                    rep_max=max(1, min(max(reps), 100)),
                    target_rir=target_rir,
                    failure_last_set=bool(work) and work[-1].failure is not FailureKind.NONE,
                    superset_group=slot.group,
                )
            exercises.append(planned)
        return self.save(Routine(name=name, exercises=exercises))

    def _require(self, routine_id: int) -> Routine:
        routine = self._repository.get(routine_id)
        if routine is None:
            raise ValueError("That routine no longer exists.")
        return routine
