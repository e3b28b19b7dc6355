"""Live guidance for the session page: gathers the facts the F1–F16 rules need and asks the domain.

Advice is asked for after every rated set, so the facts from before the open workout — the fortnight of
sets the recovery check reads, each exercise's e1RM history, the previous workout's start — are read
once per workout and kept (WorkoutFacts); only the workout's own sets are read fresh each time. `forget`
drops them when history outside the workout changes (an import).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from gym_companion.domain.guidance import (
    Advice,
    GuidanceContext,
    advice_before_planned_failure,
    advice_on_exercise_added,
    advice_on_set_rated,
)
from gym_companion.domain.model import Exercise, SetEntry
from gym_companion.domain.recovery import RELEVANT_HISTORY, FatigueInput
from gym_companion.domain.settings import Settings
from gym_companion.services.history_series import E1rmSeries
from gym_companion.services.recovery_board import week_start_for
from gym_companion.services.workout_log import WorkoutLog
from gym_companion.storage.repositories.profile import ProfileRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository


@dataclass
class WorkoutFacts:
    """What the rules read from before one open workout; it does not change while the workout runs."""

    session_id: int
    started_at: datetime
    since: datetime
    last_session_before: datetime | None
    # From the sets of other workouts logged at or after `since`:
    recent: list[FatigueInput] = field(default_factory=list)  # the fortnight before the start, for recovery
    failures: list[tuple[datetime, str]] = field(default_factory=list)  # (logged_at, uuid) of failure sets
    e1rm_history: dict[int, list[tuple[datetime, float]]] = field(default_factory=dict)


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
        e1rm_history: Callable[[int], E1rmSeries],
    ) -> None:
        self._workouts = workouts
        self._profile = profile
        self._log = log
        self._exercises = exercises
        self._settings = settings
        self._now = now
        self._e1rm_history = e1rm_history  # HistorySeries.e1rm: the one e1RM series builder
        self._facts: WorkoutFacts | None = None

    def forget(self) -> None:
        """Read the history before the workout again next time (call after it changed, e.g. an import)."""
        self._facts = None

    def on_exercise_added(self) -> list[Advice]:
        """Advice before the next set of the current exercise.

        When the routine plans failure on the exercise's last set and that set is next, the advice before
        a planned failure (F4 placement in the plan, safety, warm-up, events, recovery, cap) is included.
        """
        context = self._context(rated=None)
        if context is None:
            return []
        return advice_on_exercise_added(context) + self.before_planned_failure()

    def before_planned_failure(self) -> list[Advice]:
        """Advice when the next working set of the current exercise is the routine's planned failure set."""
        slot = self._log.current
        plan = slot.plan if slot is not None else None
        if slot is None or plan is None or not plan.is_failure_set(slot.planned_working_sets):
            return []
        context = self._context(rated=None)
        return [] if context is None else advice_before_planned_failure(context)

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
        assert session.id is not None  # a started workout is stored
        facts = self._facts_for(session.id, session.started_at, since, catalog)
        # Same rule as the recovery page's failure budget (FatigueInput.is_failure), so the two agree.
        failures_this_week = sum(
            1
            for logged_at, uuid in facts.failures
            if logged_at >= week_start and (rated is None or uuid != rated.uuid)
        ) + sum(
            1
            for s in self._log.all_sets()
            if s.logged_at >= week_start
            and s.exercise_id in catalog
            and (rated is None or s.uuid != rated.uuid)
            and FatigueInput.from_set(s, catalog[s.exercise_id]).is_failure
        )
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
            recent_history=facts.recent,
            e1rm_history=self._e1rm_before(facts, slot.exercise.id, session.started_at),
            last_session_before=facts.last_session_before,
            events=self._profile.events(since=now),
            failure_sets_this_week=failures_this_week,
        )

    def _facts_for(
        self, session_id: int, started_at: datetime, since: datetime, catalog: dict[int, Exercise]
    ) -> WorkoutFacts:
        """The kept facts of this workout, read now if the workout (or the week it reaches into) is new."""
        facts = self._facts
        key = (session_id, started_at, since)
        if facts is None or (facts.session_id, facts.started_at, facts.since) != key:
            before = [s for s in self._workouts.sets_since(since) if s.session_id != session_id]
            inputs = [
                (s, FatigueInput.from_set(s, catalog[s.exercise_id]))
                for s in before
                if s.exercise_id in catalog
            ]
            facts = WorkoutFacts(
                session_id=session_id,
                started_at=started_at,
                since=since,
                last_session_before=self._workouts.last_session_start(before=started_at),
                recent=[item for s, item in inputs if s.logged_at >= started_at - RELEVANT_HISTORY],
                failures=[(s.logged_at, s.uuid) for s, item in inputs if item.is_failure],
            )
            self._facts = facts
        return facts

    def _e1rm_before(
        self, facts: WorkoutFacts, exercise_id: int, started_at: datetime
    ) -> list[tuple[datetime, float]]:
        """The exercise's session-best e1RMs before this workout, oldest first (built once per workout)."""
        history = facts.e1rm_history.get(exercise_id)
        if history is None:
            series = self._e1rm_history(exercise_id)
            start = started_at.timestamp()
            history = [
                (datetime.fromtimestamp(x, tz=started_at.tzinfo), y)
                for x, y in zip(series.session_x, series.session_best, strict=True)
                if x < start
            ]
            facts.e1rm_history[exercise_id] = history
        return history
