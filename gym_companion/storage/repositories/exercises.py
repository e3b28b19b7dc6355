"""The exercise library in the database: seeding from the bundled file, reading, custom exercises.

Custom exercises can be changed and deleted; library ones cannot. A deletion happens only when no set,
workout note or routine refers to the exercise, checked inside the deleting transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, insert, select, union, update
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from gym_companion.domain.custom_exercise import ExerciseInUseError, ExerciseUsage
from gym_companion.domain.model import Equipment, Exercise, FailureSafety, Mechanics, Muscle
from gym_companion.storage.tables import (
    APP_STATE_TABLE,
    EXERCISE_MUSCLE_TABLE,
    EXERCISE_NOTE_TABLE,
    EXERCISE_TABLE,
    ROUTINE_EXERCISE_TABLE,
    SET_TABLE,
    ExerciseMuscleRecord,
    ExerciseRecord,
)

_EX = EXERCISE_TABLE.c
_EM = EXERCISE_MUSCLE_TABLE.c
# app_state key of the import's remembered name -> exercise id mapping (services.transfer): a deleted
# exercise leaves it, so that a later exercise reusing the id does not inherit the name.
IMPORT_MAPPING_STATE_KEY = "import_exercise_mapping"


def _record_for(exercise: Exercise) -> ExerciseRecord:
    return ExerciseRecord(
        name=exercise.name,
        aliases=json.dumps(list(exercise.aliases)),
        equipment=exercise.equipment.value,
        mechanics=exercise.mechanics.value,
        failure_safety=exercise.failure_safety.value,
        default_rest_s=exercise.default_rest_s,
        fatigue_factor=exercise.fatigue_factor,
        assisted=exercise.assisted,
        is_custom=exercise.is_custom,
    )


def _muscle_records(exercise_id: int, exercise: Exercise) -> list[ExerciseMuscleRecord]:
    rows = [
        ExerciseMuscleRecord(exercise_id=exercise_id, muscle=m.value, role="primary")
        for m in exercise.primary_muscles
    ]
    rows += [
        ExerciseMuscleRecord(exercise_id=exercise_id, muscle=m.value, role="secondary")
        for m in exercise.secondary_muscles
        if m not in exercise.primary_muscles
    ]
    return rows


class ExerciseRepository:
    """Reads and writes exercises with their muscles."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def count(self) -> int:
        """How many exercises exist."""
        with self._engine.connect() as con:
            return int(con.execute(select(func.count()).select_from(EXERCISE_TABLE)).scalar_one())

    def seed(self, exercises: Sequence[Exercise]) -> int:
        """Insert library exercises whose names are not present yet (one transaction). Returns how many."""
        with Session(self._engine) as session:
            existing = {row[0].casefold() for row in session.execute(select(_EX.name))}
            added = 0
            for exercise in exercises:
                if exercise.name.casefold() in existing:
                    continue
                record = _record_for(exercise)
                session.add(record)
                session.flush()
                assert record.id is not None
                session.add_all(_muscle_records(record.id, exercise))
                existing.add(exercise.name.casefold())
                added += 1
            session.commit()
        return added

    def add(self, exercise: Exercise) -> Exercise:
        """Add one (custom) exercise; its name must be new. Returns it with its id."""
        if not exercise.primary_muscles:
            raise ValueError("An exercise needs at least one primary muscle.")
        with Session(self._engine) as session:
            clash = session.execute(
                select(_EX.id).where(func.lower(_EX.name) == exercise.name.lower())
            ).first()
            if clash is not None:
                raise ValueError(f"An exercise called “{exercise.name}” already exists.")
            record = _record_for(exercise)
            session.add(record)
            session.flush()
            assert record.id is not None
            session.add_all(_muscle_records(record.id, exercise))
            session.commit()
            new_id = record.id
        return _replace_id(exercise, new_id)

    def update(self, exercise: Exercise) -> Exercise:
        """Change a custom exercise (name, muscles, equipment, mechanics, safety, rest, assisted) in one
        transaction. Raises ValueError for a library exercise, an unknown id, no primary muscle or a
        name another exercise has."""
        if exercise.id is None:
            raise ValueError("Only a stored exercise can be changed.")
        if not exercise.primary_muscles:
            raise ValueError("An exercise needs at least one primary muscle.")
        with self._engine.begin() as con:
            self._require_custom(con, exercise.id)
            clash = con.execute(
                select(_EX.id).where(func.lower(_EX.name) == exercise.name.lower(), _EX.id != exercise.id)
            ).first()
            if clash is not None:
                raise ValueError(f"An exercise called “{exercise.name}” already exists.")
            values = _record_for(exercise).model_dump(exclude={"id", "is_custom"})
            con.execute(update(EXERCISE_TABLE).where(_EX.id == exercise.id).values(**values))
            con.execute(delete(EXERCISE_MUSCLE_TABLE).where(_EM.exercise_id == exercise.id))
            rows = [record.model_dump() for record in _muscle_records(exercise.id, exercise)]
            con.execute(insert(EXERCISE_MUSCLE_TABLE), rows)
        return exercise

    def usage(self, exercise_id: int) -> ExerciseUsage:
        """How many sets (in how many workouts) and routines refer to an exercise."""
        with self._engine.connect() as con:
            return _usage(con, exercise_id)

    def delete(self, exercise_id: int) -> None:
        """Delete an unused custom exercise with its muscles, in one transaction; the import's remembered
        mapping forgets it. Raises ExerciseInUseError when anything refers to it, ValueError for a library
        exercise or an unknown id."""
        with self._engine.begin() as con:
            name = self._require_custom(con, exercise_id)
            usage = _usage(con, exercise_id)
            if usage.in_use:
                raise ExerciseInUseError(name, usage)
            con.execute(delete(EXERCISE_MUSCLE_TABLE).where(_EM.exercise_id == exercise_id))
            con.execute(delete(EXERCISE_TABLE).where(_EX.id == exercise_id))
            _forget_in_mapping(con, exercise_id)

    @staticmethod
    def _require_custom(con: Connection, exercise_id: int) -> str:
        row = con.execute(select(_EX.name, _EX.is_custom).where(_EX.id == exercise_id)).first()
        if row is None:
            raise ValueError("That exercise does not exist (any more).")
        if not row.is_custom:
            raise ValueError(f"“{row.name}” is a library exercise: duplicate it to make your own version.")
        return str(row.name)

    def all(self) -> list[Exercise]:
        """Every exercise, sorted by name."""
        with self._engine.connect() as con:
            muscles: dict[int, tuple[list[Muscle], list[Muscle]]] = {}
            for exercise_id, muscle, role in con.execute(select(_EM.exercise_id, _EM.muscle, _EM.role)):
                primary, secondary = muscles.setdefault(exercise_id, ([], []))
                (primary if role == "primary" else secondary).append(Muscle(muscle))
            rows = con.execute(select(EXERCISE_TABLE).order_by(_EX.name)).mappings().all()
        result = []
        for row in rows:
            primary, secondary = muscles.get(row["id"], ([], []))
            result.append(
                Exercise(
                    id=row["id"],
                    name=row["name"],
                    aliases=tuple(json.loads(row["aliases"] or "[]")),
                    primary_muscles=tuple(primary),
                    secondary_muscles=tuple(secondary),
                    equipment=Equipment(row["equipment"]),
                    mechanics=Mechanics(row["mechanics"]),
                    failure_safety=FailureSafety(row["failure_safety"]),
                    default_rest_s=row["default_rest_s"],
                    fatigue_factor=row["fatigue_factor"],
                    assisted=bool(row["assisted"]),
                    is_custom=bool(row["is_custom"]),
                )
            )
        return result


def _usage(con: Connection, exercise_id: int) -> ExerciseUsage:
    sets_c, notes_c, planned_c = SET_TABLE.c, EXERCISE_NOTE_TABLE.c, ROUTINE_EXERCISE_TABLE.c
    sets = con.execute(select(func.count()).where(sets_c.exercise_id == exercise_id)).scalar_one()
    sessions = union(
        select(sets_c.session_id).where(sets_c.exercise_id == exercise_id),
        select(notes_c.session_id).where(notes_c.exercise_id == exercise_id),
    ).subquery()
    workouts = con.execute(select(func.count()).select_from(sessions)).scalar_one()
    routines = con.execute(
        select(func.count(func.distinct(planned_c.routine_id))).where(planned_c.exercise_id == exercise_id)
    ).scalar_one()
    return ExerciseUsage(sets=int(sets), sessions=int(workouts), routines=int(routines))


def _forget_in_mapping(con: Connection, exercise_id: int) -> None:
    """Drop names mapped to `exercise_id` from the import's remembered mapping."""
    state = APP_STATE_TABLE.c
    text = con.execute(select(state.value).where(state.key == IMPORT_MAPPING_STATE_KEY)).scalar()
    if text is None:
        return
    try:
        mapping: Any = json.loads(text)
    except ValueError:
        return
    if not isinstance(mapping, dict):
        return
    kept = {name: value for name, value in mapping.items() if value != exercise_id}
    if len(kept) != len(mapping):
        con.execute(
            update(APP_STATE_TABLE)
            .where(state.key == IMPORT_MAPPING_STATE_KEY)
            .values(value=json.dumps(kept, sort_keys=True))
        )


def _replace_id(exercise: Exercise, new_id: int) -> Exercise:
    from dataclasses import replace

    return replace(exercise, id=new_id)
