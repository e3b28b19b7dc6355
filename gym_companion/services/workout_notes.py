"""A past workout's notes for the history's session drill-down: the workout's own and each exercise's."""

from __future__ import annotations

from dataclasses import dataclass, field

from gym_companion.storage.repositories.exercise_notes import ExerciseNoteRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository


@dataclass(frozen=True, slots=True)
class SessionNotes:
    """A workout's notes; `by_exercise_order` maps an exercise's place in the workout to its note, and
    `exercise_ids` that place to the exercise (also for exercises that have no sets)."""

    workout: str = ""
    by_exercise_order: dict[int, str] = field(default_factory=dict)
    exercise_ids: dict[int, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """Whether there is nothing to show."""
        return not self.workout and not self.by_exercise_order


class WorkoutNotes:
    """Reads the notes written during a workout."""

    def __init__(self, workouts: WorkoutRepository, notes: ExerciseNoteRepository) -> None:
        self._workouts = workouts
        self._notes = notes

    def for_session(self, session_id: int) -> SessionNotes:
        """The notes of one workout (empty when it has none or no longer exists)."""
        session = self._workouts.get_session(session_id)
        if session is None:
            return SessionNotes()
        rows = self._notes.with_exercises(session_id)
        return SessionNotes(
            session.notes.strip(),
            {order: text for order, _exercise_id, text in rows},
            {order: exercise_id for order, exercise_id, _text in rows},
        )
