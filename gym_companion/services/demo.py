"""Write generated demo history into a database (for `--demo`, `demo --db`, tests and benchmarks)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from gym_companion.services.demo_history import generate_demo_history
from gym_companion.services.session_factory import open_context
from gym_companion.storage.database import open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.profile import ProfileRepository
from gym_companion.storage.repositories.routines import RoutineRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository


@dataclass(frozen=True)
class DemoResult:
    """What was written."""

    sessions: int
    sets: int
    bodyweights: int


def write_demo_history(db_path: Path, years: float, seed: int, end: datetime | None = None) -> DemoResult:
    """Add `years` of demo training ending at `end` (default: now) to the database at `db_path`."""
    end = end or datetime.now(UTC)
    context = open_context(db_path, lambda: end)  # seeds the library on a new database
    context.close()
    database = open_database(db_path)
    try:
        exercises = ExerciseRepository(database.engine).all()
        history = generate_demo_history(exercises, years=years, seed=seed, end=end)
        workouts = WorkoutRepository(database.engine)
        sessions, sets = workouts.add_history((w.session, w.sets) for w in history.workouts)
        profile = ProfileRepository(database.engine)
        if sessions:
            profile.add_bodyweights(history.bodyweights)
            routines = RoutineRepository(database.engine)
            if not routines.all():
                for routine in history.routines:
                    routines.save(routine)
            for event in history.events:
                profile.save_event(event)
        return DemoResult(sessions, sets, len(history.bodyweights) if sessions else 0)
    finally:
        database.close()
