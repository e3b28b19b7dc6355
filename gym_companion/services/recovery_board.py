"""The recovery dashboard as a use case: per-muscle readiness, weekly volume, the failure budget, events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from gym_companion.domain.landmarks import Landmarks, VolumeZone, landmarks_for, volume_zone
from gym_companion.domain.model import Exercise, Muscle, TrainingEvent
from gym_companion.domain.recovery import (
    RELEVANT_HISTORY,
    FatigueInput,
    MuscleRecovery,
    ReadinessBand,
    summarize_recovery,
)
from gym_companion.domain.settings import Settings
from gym_companion.storage.repositories.profile import ProfileRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository


@dataclass(frozen=True, slots=True)
class MuscleRow:
    """One dashboard row: readiness plus this week's volume against the landmarks."""

    recovery: MuscleRecovery
    landmarks: Landmarks | None
    zone: VolumeZone | None
    failure_sets_this_week: float


@dataclass(frozen=True, slots=True)
class RecoveryReport:
    """Everything the recovery page shows, computed at one moment."""

    computed_at: datetime
    week_start: datetime
    rows: list[MuscleRow]
    failure_sets_this_week: int
    failure_cap: int
    upcoming_events: list[TrainingEvent]
    sessions_this_week: int = 0  # workouts with a set logged since Monday (an unfinished one included)

    @property
    def ready_today(self) -> list[Muscle]:
        """Muscles at 90 % or more, the most rested first."""
        ready = [r.recovery for r in self.rows if r.recovery.band is ReadinessBand.READY]
        return [r.muscle for r in sorted(ready, key=lambda r: -r.percent)]


def week_start_for(moment: datetime) -> datetime:
    """Monday 00:00 in the lifter's local time of the week containing `moment` (as an aware datetime)."""
    local = moment.astimezone()
    monday = (local - timedelta(days=local.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    return monday


class RecoveryBoard:
    """Builds the recovery report from the last two weeks of sets (the rest has decayed away)."""

    def __init__(
        self,
        workouts: WorkoutRepository,
        profile: ProfileRepository,
        exercises: Callable[[], dict[int, Exercise]],
        settings: Callable[[], Settings],
        now: Callable[[], datetime],
    ) -> None:
        self._workouts = workouts
        self._profile = profile
        self._exercises = exercises
        self._settings = settings
        self._now = now

    def report(self) -> RecoveryReport:
        """Compute the dashboard now."""
        now = self._now()
        week_start = week_start_for(now)
        since = min(now - RELEVANT_HISTORY, week_start)
        catalog = self._exercises()
        inputs = [
            FatigueInput.of(exercise, logged_at, set_type, rir, failure)
            for exercise_id, logged_at, set_type, rir, failure in self._workouts.efforts_since(since)
            if (exercise := catalog.get(exercise_id)) is not None
        ]
        settings = self._settings()
        summary = summarize_recovery(inputs, now, week_start, settings.recovery_speed)
        failures: dict[Muscle, float] = dict.fromkeys(Muscle, 0.0)
        failure_sets = 0
        for item in inputs:
            if item.logged_at < week_start or item.logged_at > now or not item.is_failure:
                continue
            failure_sets += 1
            for muscle, role in item.roles().items():
                failures[muscle] += 1.0 if role.value == "primary" else 0.5
        rows = []
        for muscle in Muscle:
            recovery = summary[muscle]
            marks = landmarks_for(muscle)
            zone = volume_zone(recovery.hard_sets_this_week, marks) if marks else None
            rows.append(MuscleRow(recovery, marks, zone, failures[muscle]))
        return RecoveryReport(
            computed_at=now,
            week_start=week_start,
            rows=rows,
            failure_sets_this_week=failure_sets,
            failure_cap=settings.effective_failure_cap,
            upcoming_events=self._profile.events(since=now),
            sessions_this_week=self._workouts.sessions_with_sets_since(week_start),
        )
