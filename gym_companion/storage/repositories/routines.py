"""Routines (workout templates) with their planned exercises."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine

from gym_companion.domain.model import PlannedExercise, Routine
from gym_companion.storage.repositories._time import new_id
from gym_companion.storage.tables import ROUTINE_EXERCISE_TABLE, ROUTINE_TABLE

ROUTINES = ROUTINE_TABLE
PLANNED = ROUTINE_EXERCISE_TABLE


class RoutineRepository:
    """Reads and writes routines as a whole (a routine and its exercises change together)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def save(self, routine: Routine) -> Routine:
        """Insert or replace a routine with its planned exercises, in one transaction."""
        with self._engine.begin() as con:
            if routine.id is None:
                routine.id = new_id(
                    con.execute(insert(ROUTINES).values(name=routine.name, notes=routine.notes, position=0))
                )
            else:
                con.execute(
                    ROUTINES.update()
                    .where(ROUTINES.c.id == routine.id)
                    .values(name=routine.name, notes=routine.notes)
                )
                con.execute(delete(PLANNED).where(PLANNED.c.routine_id == routine.id))
            for position, planned in enumerate(routine.exercises):
                planned.position = position
                planned.id = new_id(
                    con.execute(
                        insert(PLANNED).values(
                            routine_id=routine.id,
                            exercise_id=planned.exercise_id,
                            position=position,
                            sets=planned.sets,
                            rep_min=planned.rep_min,
                            rep_max=planned.rep_max,
                            target_rir=planned.target_rir,
                            failure_last_set=planned.failure_last_set,
                        )
                    )
                )
        return routine

    def delete(self, routine_id: int) -> None:
        """Remove a routine (past workouts keep their sets)."""
        with self._engine.begin() as con:
            con.execute(delete(PLANNED).where(PLANNED.c.routine_id == routine_id))
            con.execute(delete(ROUTINES).where(ROUTINES.c.id == routine_id))

    def all(self) -> list[Routine]:
        """Every routine with its exercises in order."""
        with self._engine.connect() as con:
            routines = {
                r["id"]: Routine(id=r["id"], name=r["name"], notes=r["notes"])
                for r in con.execute(select(ROUTINES).order_by(ROUTINES.c.position, ROUTINES.c.id)).mappings()
            }
            for r in con.execute(
                select(PLANNED).order_by(PLANNED.c.routine_id, PLANNED.c.position)
            ).mappings():
                routine = routines.get(r["routine_id"])
                if routine is not None:
                    routine.exercises.append(
                        PlannedExercise(
                            id=r["id"],
                            exercise_id=r["exercise_id"],
                            position=r["position"],
                            sets=r["sets"],
                            rep_min=r["rep_min"],
                            rep_max=r["rep_max"],
                            target_rir=r["target_rir"],
                            failure_last_set=bool(r["failure_last_set"]),
                        )
                    )
        return list(routines.values())
