"""Live guidance for the session page: gathers the facts the F1–F16 rules need and asks the domain."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from gym_companion.domain.guidance import (
    Advice,
    GuidanceContext,
    advice_on_exercise_added,
    advice_on_set_rated,
)
from gym_companion.domain.model import Exercise, SetEntry
from gym_companion.domain.recovery import RELEVANT_HISTORY, FatigueInput
from gym_companion.domain.settings import Settings
from gym_companion.services.history import e1rm_series
from gym_companion.services.recovery_board import week_start_for
from gym_companion.services.workout_log import WorkoutLog
from gym_companion.storage.repositories.profile import ProfileRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository


class AdviceDesk:
    """Builds a GuidanceContext for the current exercise of the workout and returns advice."""

    def __init__(
        self,
        workouts: WorkoutRepository,
        profile: ProfileRepository,
        log: WorkoutLog,
        exercises: Callable[[], dict[int, Exercise]],
        settings: Callable[[], Settings],
        now: Callable[[], datetime],
    ) -> None:
        self._workouts = workouts
        self._profile = profile
        self._log = log
        self._exercises = exercises
        self._settings = settings
        self._now = now

    def on_exercise_added(self) -> list[Advice]:
        """Advice before starting the current exercise."""
        context = self._context(rated=None)
        return [] if context is None else advice_on_exercise_added(context)

    def on_set_rated(self, entry: SetEntry) -> list[Advice]:
        """Advice right after a set was rated (empty unless it says something)."""
        context = self._context(rated=entry)
        return [] if context is None else advice_on_set_rated(context, entry)

    def _context(self, rated: SetEntry | None) -> GuidanceContext | None:
        """The facts for the rules; `rated` (the set just rated) is left out of the week's failure count,
        which the rules take as "before this set"."""
        session = self._log.session
        slot = self._log.current
        if session is None or slot is None or slot.exercise.id is None:
            return None
        now = self._now()
        catalog = self._exercises()
        week_start = week_start_for(now)
        since = min(session.started_at - RELEVANT_HISTORY, week_start)
        before = [s for s in self._workouts.sets_since(since) if s.session_id != session.id]
        recent = [
            FatigueInput.from_set(s, catalog[s.exercise_id])
            for s in before
            if s.exercise_id in catalog and s.logged_at >= session.started_at - RELEVANT_HISTORY
        ]
        # Same rule as the recovery page's failure budget (FatigueInput.is_failure), so the two agree.
        failures_this_week = sum(
            1
            for s in before + self._log.all_sets()
            if s.logged_at >= week_start
            and s.exercise_id in catalog
            and (rated is None or s.uuid != rated.uuid)
            and FatigueInput.from_set(s, catalog[s.exercise_id]).is_failure
        )
        series = e1rm_series(self._workouts.sets_for_exercise(slot.exercise.id))
        planned = len(self._log.slots) if any(s.planned_sets for s in self._log.slots) else None
        return GuidanceContext(
            now=now,
            settings=self._settings(),
            exercise=slot.exercise,
            exercise_index=self._log.current_index or 0,
            exercise_count=len(self._log.slots),
            planned_exercise_count=planned,
            workout_sets=self._log.all_sets(),
            workout_exercises=catalog,
            recent_history=recent,
            e1rm_history=[
                (datetime.fromtimestamp(x, tz=session.started_at.tzinfo), y)
                for x, y in zip(series.session_x, series.session_best, strict=True)
                if x < session.started_at.timestamp()
            ],
            last_session_before=self._workouts.last_session_start(before=session.started_at),
            events=self._profile.events(since=now),
            failure_sets_this_week=failures_this_week,
        )
