"""The exercise library in the database: seeding from the bundled file, reading, custom exercises."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from gym_companion.domain.model import Equipment, Exercise, FailureSafety, Mechanics, Muscle
from gym_companion.storage.tables import (
    EXERCISE_MUSCLE_TABLE,
    EXERCISE_TABLE,
    ExerciseMuscleRecord,
    ExerciseRecord,
)

_EX = EXERCISE_TABLE.c
_EM = EXERCISE_MUSCLE_TABLE.c


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


def _replace_id(exercise: Exercise, new_id: int) -> Exercise:
    from dataclasses import replace

    return replace(exercise, id=new_id)
