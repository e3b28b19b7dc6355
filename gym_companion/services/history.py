"""History as a use case: past sessions and per-exercise e1RM series for the charts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from gym_companion.domain.e1rm import E1rmFormula, estimate_e1rm
from gym_companion.domain.model import Exercise, FailureKind, SessionSummary, SetEntry, SetType
from gym_companion.storage.repositories.workouts import WorkoutRepository


@dataclass(slots=True)
class E1rmSeries:
    """e1RM per working set (points) and the best per session (line), x in POSIX seconds, y in kg."""

    exercise_id: int
    x: list[float] = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    failure: list[bool] = field(default_factory=list)
    sets: list[SetEntry] = field(default_factory=list)
    session_x: list[float] = field(default_factory=list)
    session_best: list[float] = field(default_factory=list)


def e1rm_series(
    sets: list[SetEntry], formula: E1rmFormula = E1rmFormula.RTS, rir_bias: float = 0.0
) -> E1rmSeries:
    """Build the e1RM series from one exercise's sets (oldest first).

    Warm-ups and unrated sets are left out (an unrated set says nothing about reserve); failure sets
    count with RIR 0. Sets beyond 15 effective reps have no estimate.
    """
    series = E1rmSeries(exercise_id=sets[0].exercise_id if sets else 0)
    best_by_session: dict[int, tuple[float, float]] = {}
    for entry in sets:
        if entry.set_type is SetType.WARMUP:
            continue
        rir = 0 if entry.failure is not FailureKind.NONE else entry.rir
        estimate = estimate_e1rm(entry.weight_kg, entry.reps, rir, formula, rir_bias)
        if estimate is None:
            continue
        x = entry.logged_at.timestamp()
        series.x.append(x)
        series.y.append(estimate.kg)
        series.failure.append(entry.failure is not FailureKind.NONE)
        series.sets.append(entry)
        previous = best_by_session.get(entry.session_id)
        if previous is None or estimate.kg > previous[1]:
            best_by_session[entry.session_id] = (previous[0] if previous else x, estimate.kg)
    for x, best in sorted(best_by_session.values()):
        series.session_x.append(x)
        series.session_best.append(best)
    return series


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

    def e1rm(self, exercise_id: int, formula: E1rmFormula = E1rmFormula.RTS) -> E1rmSeries:
        """The e1RM series of one exercise."""
        return e1rm_series(self._workouts.sets_for_exercise(exercise_id), formula)
