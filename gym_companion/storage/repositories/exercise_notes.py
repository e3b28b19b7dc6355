"""Notes on the exercises of a workout ("knees caved on the last reps"), one per exercise and workout.

An exercise's place in a workout is its `exercise_order`, the same number its sets carry, so a note stays
with the right exercise even when the same exercise appears twice in one workout.
"""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine

from gym_companion.storage.tables import EXERCISE_NOTE_TABLE

NOTES = EXERCISE_NOTE_TABLE


class ExerciseNoteRepository:
    """Reads and writes exercise notes; every write is committed before it returns."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def set_note(self, session_id: int, exercise_order: int, exercise_id: int, text: str) -> None:
        """Store (or, for blank text, remove) the note of one exercise of a workout."""
        where = (NOTES.c.session_id == session_id) & (NOTES.c.exercise_order == exercise_order)
        with self._engine.begin() as con:
            con.execute(delete(NOTES).where(where))
            if text.strip():
                con.execute(
                    insert(NOTES).values(
                        session_id=session_id,
                        exercise_order=exercise_order,
                        exercise_id=exercise_id,
                        notes=text.strip(),
                    )
                )

    def for_session(self, session_id: int) -> dict[int, str]:
        """The notes of one workout by exercise order."""
        return {order: text for order, _exercise_id, text in self.with_exercises(session_id)}

    def with_exercises(self, session_id: int) -> list[tuple[int, int, str]]:
        """The notes of one workout as (exercise order, exercise id, note), in workout order."""
        query = (
            select(NOTES.c.exercise_order, NOTES.c.exercise_id, NOTES.c.notes)
            .where(NOTES.c.session_id == session_id)
            .order_by(NOTES.c.exercise_order)
        )
        with self._engine.connect() as con:
            return [
                (int(order), int(exercise_id), str(text)) for order, exercise_id, text in con.execute(query)
            ]
