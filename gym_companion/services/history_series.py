"""Chart series for the history page: fast e1RM per exercise, its trend, past sessions, weekly hard sets.

No Qt here: the page asks for plain lists (x in POSIX seconds, y in kg or sets) and only draws them.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from gym_companion.domain.e1rm import E1rmFormula
from gym_companion.domain.landmarks import Landmarks, landmarks_for
from gym_companion.domain.model import Exercise, FailureKind, Muscle, SessionSummary, SetType
from gym_companion.domain.recovery import FatigueInput
from gym_companion.services.history import E1rmSeries, e1rm_series
from gym_companion.storage.repositories.history_queries import HistoryQueries, week_start_s

# Product decision: the trend is the rolling median of the last five session bests. A median shrugs off
# one bad (or one lucky) day, and five sessions are about two to five weeks of training on one lift.
TREND_SESSIONS = 5

# Any moment will do: the hard-set credit of a set does not depend on when it was lifted.
_EPOCH = datetime.fromtimestamp(0, UTC)
_EffortKey = tuple[int, SetType, int | None, FailureKind]


def rolling_median(values: Sequence[float], window: int = TREND_SESSIONS) -> list[float]:
    """The median of each value and the up to `window - 1` values before it (same length as `values`)."""
    if window < 1:
        raise ValueError(f"the window must hold at least one value, got {window}")
    return [statistics.median(values[max(0, i - window + 1) : i + 1]) for i in range(len(values))]


@dataclass(frozen=True, slots=True)
class WeeklyHardSets:
    """Hard sets per week for one muscle, every week from the first trained week to the last (zeros kept).

    week_starts are POSIX seconds of each week's Monday 00:00 local time; secondary muscles count 0.5 set.
    """

    muscle: Muscle
    week_starts: list[float]
    hard_sets: list[float]
    landmarks: Landmarks | None

    @property
    def is_empty(self) -> bool:
        """Whether no week has a hard set for this muscle."""
        return not any(self.hard_sets)


class HistorySeries:
    """Builds what the history charts and lists draw, from lean queries (decades of history stay quick)."""

    def __init__(self, queries: HistoryQueries, exercises: Callable[[], dict[int, Exercise]]) -> None:
        self._queries = queries
        self._exercises = exercises

    def e1rm(self, exercise_id: int, formula: E1rmFormula = E1rmFormula.RTS) -> E1rmSeries:
        """The exercise's e1RM series: the same points as HistoryService.e1rm, read several times faster."""
        return e1rm_series(self._queries.rated_sets(exercise_id), formula)

    def sessions(self, limit: int, offset: int = 0) -> list[SessionSummary]:
        """A page of past sessions with their totals, newest first."""
        return self._queries.session_page(limit, offset)

    def weekly_hard_sets(self, utc_offset_s: int = 0) -> dict[Muscle, WeeklyHardSets]:
        """Hard sets per week for every muscle that has any, on one shared calendar of weeks.

        The hard-set rule and the 0.5 credit for secondary muscles are the domain's (FatigueInput), applied
        once per distinct effort rating rather than once per set.
        """
        catalog = self._exercises()
        credits: dict[_EffortKey, dict[Muscle, float]] = {}
        totals: dict[Muscle, dict[int, float]] = {}
        first_week = last_week = None
        for row in self._queries.weekly_effort_counts(utc_offset_s):
            exercise = catalog.get(row.exercise_id)
            if exercise is None:
                continue
            key = (row.exercise_id, row.set_type, row.rir, row.failure)
            credit = credits.get(key)
            if credit is None:
                credit = _credit_for(exercise, row.set_type, row.rir, row.failure)
                credits[key] = credit
            for muscle, amount in credit.items():
                weeks = totals.setdefault(muscle, {})
                weeks[row.week] = weeks.get(row.week, 0.0) + amount * row.count
            first_week = row.week if first_week is None else min(first_week, row.week)
            last_week = row.week if last_week is None else max(last_week, row.week)
        if first_week is None or last_week is None:
            return {}
        week_numbers = range(first_week, last_week + 1)
        starts = [float(week_start_s(week, utc_offset_s)) for week in week_numbers]
        return {
            muscle: WeeklyHardSets(
                muscle=muscle,
                week_starts=starts,
                hard_sets=[weeks.get(week, 0.0) for week in week_numbers],
                landmarks=landmarks_for(muscle),
            )
            for muscle in Muscle
            if (weeks := totals.get(muscle, {}))
        }


def _credit_for(
    exercise: Exercise, set_type: SetType, rir: int | None, failure: FailureKind
) -> dict[Muscle, float]:
    """What one set with this effort adds to each muscle's weekly hard sets (empty unless it is hard)."""
    probe = FatigueInput(
        logged_at=_EPOCH,
        set_type=set_type,
        rir=rir,
        failure=failure,
        primary=exercise.primary_muscles,
        secondary=exercise.secondary_muscles,
    )
    return probe.hard_set_credit()
