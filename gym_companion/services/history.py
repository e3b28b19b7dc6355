"""History as a use case: past sessions, their sets, and which exercises have history.

Chart series (e1RM, weekly volume, bodyweight) come from services.history_series.
"""

from __future__ import annotations

from collections.abc import Callable

from gym_companion.domain.model import Exercise, SessionSummary, SetEntry
from gym_companion.storage.repositories.workouts import WorkoutRepository


class HistoryService:
    """Reads for the history page."""

    def __init__(self, workouts: WorkoutRepository, exercises: Callable[[], dict[int, Exercise]]) -> None:
        self._workouts = workouts
        self._exercises = exercises

    def sessions(self, limit: int = 500, offset: int = 0) -> list[SessionSummary]:
        """Past sessions, newest first."""
        return self._workouts.list_sessions(limit, offset)

    def session_sets(self, session_id: int) -> list[SetEntry]:
        """Every set of one session, in order."""
        return self._workouts.sets_in_session(session_id)

    def exercises_with_history(self) -> list[Exercise]:
        """Exercises that have working sets, most trained first."""
        catalog = self._exercises()
        return [catalog[i] for i, _ in self._workouts.exercises_with_history() if i in catalog]
