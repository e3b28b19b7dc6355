"""Routines (workout templates) with their planned exercises."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection, Engine, RowMapping

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
        """Insert (last in the list) or replace a routine with its planned exercises, in one transaction."""
        with self._engine.begin() as con:
            if routine.id is None:
                routine.id = new_id(
                    con.execute(
                        insert(ROUTINES).values(
                            name=routine.name, notes=routine.notes, position=_next_position(con)
                        )
                    )
                )
            else:
                con.execute(
                    ROUTINES.update()
                    .where(ROUTINES.c.id == routine.id)
                    .values(name=routine.name, notes=routine.notes)
                )
                con.execute(delete(PLANNED).where(PLANNED.c.routine_id == routine.id))
            self._insert_exercises(con, routine)
        return routine

    def restore(self, routine: Routine, position: int) -> Routine:
        """Put a deleted routine back with its id and place in the list (undo of `delete`)."""
        assert routine.id is not None
        with self._engine.begin() as con:
            values = {"id": routine.id, "name": routine.name, "notes": routine.notes, "position": position}
            con.execute(insert(ROUTINES).values(values))
            self._insert_exercises(con, routine, keep_ids=True)
        return routine

    def delete(self, routine_id: int) -> int | None:
        """Remove a routine (past workouts keep their sets); returns its place in the list, if it existed."""
        with self._engine.begin() as con:
            position = con.execute(select(ROUTINES.c.position).where(ROUTINES.c.id == routine_id)).scalar()
            con.execute(delete(PLANNED).where(PLANNED.c.routine_id == routine_id))
            con.execute(delete(ROUTINES).where(ROUTINES.c.id == routine_id))
        return None if position is None else int(position)

    def get(self, routine_id: int) -> Routine | None:
        """One routine with its exercises in order."""
        return next((r for r in self._load(ROUTINES.c.id == routine_id)), None)

    def all(self) -> list[Routine]:
        """Every routine with its exercises in order."""
        return self._load(None)

    def _load(self, where: Any) -> list[Routine]:
        routines_query = select(ROUTINES).order_by(ROUTINES.c.position, ROUTINES.c.id)
        planned_query = select(PLANNED).order_by(PLANNED.c.routine_id, PLANNED.c.position)
        if where is not None:
            routines_query = routines_query.where(where)
            planned_query = planned_query.where(PLANNED.c.routine_id.in_(select(ROUTINES.c.id).where(where)))
        with self._engine.connect() as con:
            routines = {
                r["id"]: Routine(id=r["id"], name=r["name"], notes=r["notes"])
                for r in con.execute(routines_query).mappings()
            }
            for r in con.execute(planned_query).mappings():
                routine = routines.get(r["routine_id"])
                if routine is not None:
                    routine.exercises.append(_planned_from_row(r))
        return list(routines.values())

    @staticmethod
    def _insert_exercises(con: Connection, routine: Routine, keep_ids: bool = False) -> None:
        for position, planned in enumerate(routine.exercises):
            planned.position = position
            known_id = {"id": planned.id} if keep_ids and planned.id is not None else {}
            planned.id = new_id(
                con.execute(
                    insert(PLANNED).values(
                        **known_id,
                        routine_id=routine.id,
                        exercise_id=planned.exercise_id,
                        position=position,
                        sets=planned.sets,
                        rep_min=planned.rep_min,
                        rep_max=planned.rep_max,
                        target_rir=planned.target_rir,
                        failure_last_set=planned.failure_last_set,
                        rest_s=planned.rest_s,
                        superset_group=planned.superset_group,
                    )
                )
            )


def _next_position(con: Connection) -> int:
    highest = con.execute(select(func.max(ROUTINES.c.position))).scalar()
    return 0 if highest is None else int(highest) + 1


def _planned_from_row(r: RowMapping) -> PlannedExercise:
    return PlannedExercise(
        id=r["id"],
        exercise_id=r["exercise_id"],
        position=r["position"],
        sets=r["sets"],
        rep_min=r["rep_min"],
        rep_max=r["rep_max"],
        target_rir=r["target_rir"],
        failure_last_set=bool(r["failure_last_set"]),
        rest_s=r["rest_s"],
        superset_group=r["superset_group"],
    )
