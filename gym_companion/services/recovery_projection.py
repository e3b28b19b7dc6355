"""What the recovery report means for the days ahead: each muscle's curve and the upcoming events (F9).

The model only lets fatigue decay once no more sets are logged, so a muscle's future follows from its
current fatigue alone: F(now + h) = F(now) · exp(−h/τ). The report carries the percentage and the hours
until 90 %, which pin that fatigue down exactly (the hours still do when the percentage is clamped at 0).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from gym_companion.domain.model import FailureKind, Muscle, SetType, TrainingEvent
from gym_companion.domain.recovery import (
    CAPACITY_SETS,
    READY_PERCENT,
    FatigueInput,
    MuscleRecovery,
    recovery_curve,
    tau_hours,
)
from gym_companion.services.recovery_board import RecoveryReport

PROJECTION_HOURS = 72.0


def current_fatigue(recovery: MuscleRecovery, recovery_speed: float = 1.0) -> float:
    """The muscle's fatigue now, in set-equivalents, recovered from its percentage (or hours to 90 %)."""
    capacity = CAPACITY_SETS[recovery.muscle]
    if recovery.percent > 0.0:
        return max(0.0, capacity * (1.0 - recovery.percent / 100.0))
    # Clamped at 0 %: invert hours_to_ready = τ · ln(F / F_ready) instead.
    ready_fatigue = capacity * (1.0 - READY_PERCENT / 100.0)
    return ready_fatigue * math.exp(recovery.hours_to_ready / tau_hours(recovery.muscle, recovery_speed))


def projection(
    recovery: MuscleRecovery,
    now: datetime,
    hours: float = PROJECTION_HOURS,
    step_h: float = 1.0,
    recovery_speed: float = 1.0,
) -> list[tuple[float, float]]:
    """(hours ahead, recovery %) for the next `hours`, assuming the muscle is not trained again.

    The model is linear in the set doses, so today's fatigue decays exactly like one set of that dose
    logged now; the domain's recovery_curve then draws it with the model's own constants.
    """
    fatigue = current_fatigue(recovery, recovery_speed)
    equivalent = FatigueInput(
        logged_at=now,
        set_type=SetType.WORKING,
        rir=2,  # effort weight 1.0, so the dose is exactly the fatigue factor
        failure=FailureKind.NONE,
        primary=(recovery.muscle,),
        fatigue_factor=fatigue,
    )
    return recovery_curve([equivalent], recovery.muscle, now, hours, step_h, recovery_speed=recovery_speed)


@dataclass(frozen=True, slots=True)
class EventOutlook:
    """One upcoming event with its no-failure window and the muscles that will not be ready for it."""

    event: TrainingEvent
    window_starts: datetime
    window_open: bool  # the no-failure window has begun: no failure sets until the event
    not_ready: tuple[Muscle, ...]  # below 90 % at the start of the event if trained no more


def event_outlooks(report: RecoveryReport) -> list[EventOutlook]:
    """The report's upcoming events, soonest first, each with its window and the muscles not ready by then."""
    now = report.computed_at
    outlooks = []
    for event in sorted(report.upcoming_events, key=lambda e: e.starts_at):
        window_starts = event.starts_at - timedelta(hours=event.no_failure_window_h)
        hours_left = (event.starts_at - now).total_seconds() / 3600.0
        not_ready = tuple(
            row.recovery.muscle
            for row in sorted(report.rows, key=lambda r: r.recovery.percent)
            if row.recovery.hours_to_ready > hours_left
        )
        outlooks.append(EventOutlook(event, window_starts, window_starts <= now, not_ready))
    return outlooks
