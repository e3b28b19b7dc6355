"""A small hand-made history for the History page tests: three workouts, a few weigh-ins, known numbers.

Hand-computed facts the tests rely on (RTS %1RM by effective reps n = reps + RIR):
- Bench Press: OLD 80 x 5 @ 2 (n 7 -> 81.1 % -> 98.64 kg); D1 100 x 5 @ 2 (123.30 kg) and 100 x 6 to
  technical failure (n 6 -> 83.7 % -> 119.47 kg); D2 102.5 x 5 @ 2 (126.39 kg) and an unrated 102.5 x 5.
- Squat: D1 140 x 3 @ 2 (n 5 -> 86.3 % -> 162.22 kg); D2 150 x 2 @ 3 (173.81 kg).
- Records: D1 beats OLD's bench (heaviest 100, e1RM 123.30); D2 beats D1 (bench 102.5 and 126.39;
  squat 150 and 173.81). First workouts and first times at a load are baselines.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from gym_companion.domain.library import library_path, load_library_file
from gym_companion.domain.model import BodyweightEntry, FailureKind, SetEntry, SetType, WorkoutSession
from gym_companion.services.context import AppContext
from gym_companion.services.session_factory import open_context
from gym_companion.storage.database import open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.profile import ProfileRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository

NOW = datetime(2025, 6, 20, 12, 0, tzinfo=UTC)
OLD = datetime(2024, 6, 3, 18, 0, tzinfo=UTC)  # a year back: outside the "3 months" range
D1 = datetime(2025, 6, 2, 18, 0, tzinfo=UTC)
D2 = datetime(2025, 6, 9, 18, 0, tzinfo=UTC)
W, WU = SetType.WORKING, SetType.WARMUP
NONE, TECH = FailureKind.NONE, FailureKind.TECHNICAL

# (session start, name, [(exercise, set type, kg, reps, rir, failure)]); sets are logged 3 minutes apart.
HISTORY = [
    (OLD, "Old push", [("Bench Press", W, 80, 5, 2, NONE)]),
    (
        D1,
        "Push",
        [
            ("Bench Press", WU, 60, 5, None, NONE),
            ("Bench Press", W, 100, 5, 2, NONE),  # n = 7 -> 81.1 % -> 123.3 kg
            ("Bench Press", W, 100, 6, 0, TECH),  # failure counts RIR 0: n = 6 -> 83.7 % -> 119.5 kg
            ("Squat", W, 140, 3, 2, NONE),  # n = 5 -> 86.3 % -> 162.2 kg
        ],
    ),
    (
        D2,
        "Legs",
        [
            ("Squat", W, 150, 2, 3, NONE),  # n = 5 -> 173.8 kg
            ("Bench Press", W, 102.5, 5, 2, NONE),  # 126.4 kg
            ("Bench Press", W, 102.5, 5, None, NONE),  # unrated: no e1RM point
        ],
    ),
]
# (days before NOW, kg), oldest first: daily weigh-ins, then a week's gap.
WEIGH_INS = [(20, 80.0), (19, 81.0), (18, 79.0), (11, 78.0)]


def logged_at(start: datetime, index: int) -> datetime:
    """When the index-th set of a session was logged."""
    return start + timedelta(minutes=3 * (index + 1))


def weighed_at(days_before: int) -> datetime:
    """When a weigh-in of WEIGH_INS was taken."""
    return NOW - timedelta(days=days_before)


def seed(db_path: Path, weigh_ins: bool = True) -> None:
    """Write the library, HISTORY and (optionally) WEIGH_INS through the repositories."""
    database = open_database(db_path, lambda: NOW)
    try:
        exercises = ExerciseRepository(database.engine)
        exercises.seed(load_library_file(library_path()))
        ids = {e.name: e.id for e in exercises.all()}
        workouts = []
        for start, name, lifts in HISTORY:
            session = WorkoutSession(str(uuid.uuid4()), start, start + timedelta(minutes=50), name=name)
            order: dict[str, int] = {}
            sets = []
            for i, (exercise, set_type, kg, reps, rir, failure) in enumerate(lifts):
                position = order.setdefault(exercise, len(order))
                sets.append(
                    SetEntry(
                        uuid=str(uuid.uuid4()),
                        session_id=0,
                        exercise_id=ids[exercise] or 0,
                        exercise_order=position,
                        set_order=i,
                        set_type=set_type,
                        weight_kg=kg,
                        reps=reps,
                        logged_at=logged_at(start, i),
                        rir=rir,
                        failure=failure,
                    )
                )
            workouts.append((session, sets))
        WorkoutRepository(database.engine).add_history(workouts)
        if weigh_ins:
            ProfileRepository(database.engine).add_bodyweights(
                [BodyweightEntry(weighed_at(days), kg) for days, kg in WEIGH_INS]
            )
    finally:
        database.close()


@contextmanager
def seeded_context(db_path: Path) -> Iterator[AppContext]:
    """An open context on the seeded database (clock fixed at NOW); closed afterwards."""
    QStandardPaths.setTestModeEnabled(True)
    seed(db_path)
    context = open_context(db_path, lambda: NOW)
    try:
        yield context
    finally:
        context.close()
