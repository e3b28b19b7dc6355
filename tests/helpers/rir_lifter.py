"""A synthetic lifter with a known RIR bias, for calibration tests.

Each workout, each exercise: a load whose fresh reps to failure are drawn between 9 and 14; every working
set costs FATIGUE of the capacity left (so the last set is tired, as in a real session); the sets before the
last stop a chosen true reserve short and are rated `true − bias + noise` (whole reps, 1–4); the last set
goes to failure now and then. The true bias is therefore known, and calibration should find it.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from gym_companion.domain.model import FailureKind, SetEntry, SetType, WorkoutSession
from gym_companion.domain.rir_calibration import CalibrationSet
from gym_companion.storage.database import open_database
from gym_companion.storage.repositories.workouts import WorkoutRepository

FATIGUE = 0.09  # capacity lost per set: 1/(1 − 0.09)^d ≈ 1 + 0.1·d, the allowance calibration assumes


@dataclass(frozen=True)
class Lifter:
    """How the lifter rates: true reserve − bias on average, with this much noise."""

    bias: float
    noise: float = 0.5
    seed: int = 1
    failure_chance: float = 0.5


Workout = tuple[WorkoutSession, list[SetEntry]]


def workouts(
    lifter: Lifter, exercise_ids: Sequence[int], start: datetime, count: int, loads: Sequence[float] = ()
) -> list[Workout]:
    """`count` workouts two or three days apart, every exercise in each, sets three minutes apart."""
    rng = random.Random(lifter.seed)
    # True reserves chosen so that the ratings land inside 1–4 without clamping.
    reserves = (3, 4, 4, 5) if lifter.bias > 0 else (1, 2, 2, 3)
    result: list[Workout] = []
    day = start
    for _ in range(count):
        session = WorkoutSession(uuid=str(uuid.uuid4()), started_at=day, ended_at=day + timedelta(hours=1))
        sets: list[SetEntry] = []
        when = day
        for order, exercise_id in enumerate(exercise_ids):
            load = loads[order] if order < len(loads) else 60.0 + 10 * order
            capacity = rng.uniform(9.0, 14.0)
            n_sets = rng.choice((3, 4))
            fail_last = rng.random() < lifter.failure_chance
            for index in range(n_sets):
                when += timedelta(minutes=3)
                entry = SetEntry(
                    uuid=str(uuid.uuid4()),
                    session_id=0,
                    exercise_id=exercise_id,
                    exercise_order=order,
                    set_order=index,
                    set_type=SetType.WORKING,
                    weight_kg=load,
                    reps=1,
                    logged_at=when,
                )
                to_failure = math.floor(capacity)
                if index == n_sets - 1 and fail_last:
                    entry.reps, entry.rir, entry.failure = max(1, to_failure), 0, FailureKind.ABSOLUTE
                else:
                    reserve = min(rng.choice(reserves), to_failure - 1)
                    entry.reps = to_failure - reserve
                    rated = round(reserve - lifter.bias + rng.gauss(0.0, lifter.noise))
                    entry.rir = min(4, max(1, rated))
                sets.append(entry)
                capacity *= 1.0 - FATIGUE
        result.append((session, sets))
        day += timedelta(days=rng.choice((2, 3)))
    return result


def calibration_sets(history: Sequence[Workout]) -> list[CalibrationSet]:
    """The workouts as calibration inputs (each workout its own session id)."""
    found = []
    for session_id, (_, sets) in enumerate(history, start=1):
        for s in sets:
            found.append(
                CalibrationSet(
                    s.exercise_id, session_id, s.logged_at, s.set_type, s.weight_kg, s.reps, s.rir, s.failure
                )
            )
    return found


def store(db_path: Path, history: Sequence[Workout], now: datetime) -> None:
    """Write the workouts into the database (created and migrated if new), then close it."""
    database = open_database(db_path, lambda: now)
    try:
        WorkoutRepository(database.engine).add_history(history)
    finally:
        database.close()
