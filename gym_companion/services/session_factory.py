"""Open a database and wire every service to it (used by the app and by the command line)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from gym_companion.services.advice import AdviceDesk
from gym_companion.services.catalog import ExerciseCatalog
from gym_companion.services.context import AppContext
from gym_companion.services.history import HistoryService
from gym_companion.services.history_series import HistorySeries
from gym_companion.services.profile import ProfileService
from gym_companion.services.recovery_board import RecoveryBoard
from gym_companion.services.routine_book import RoutineBook
from gym_companion.services.workout_log import WorkoutLog
from gym_companion.storage.backup import daily_backup
from gym_companion.storage.database import open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.history_queries import HistoryQueries
from gym_companion.storage.repositories.profile import ProfileRepository
from gym_companion.storage.repositories.routines import RoutineRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository


def _utc_now() -> datetime:
    return datetime.now(UTC)


def open_context(db_path: Path, now: Callable[[], datetime] = _utc_now) -> AppContext:
    """Open (creating or migrating) the database and build the services. Raises storage DatabaseError."""
    database = open_database(db_path, now)
    try:
        workouts = WorkoutRepository(database.engine)
        profile_repo = ProfileRepository(database.engine)
        catalog = ExerciseCatalog(ExerciseRepository(database.engine))
        catalog.ensure_library()
        profile = ProfileService(profile_repo, now)
        log = WorkoutLog(workouts, profile_repo, catalog.by_id, now)
        return AppContext(
            db_path=database.path,
            catalog=catalog,
            workout_log=log,
            advice=AdviceDesk(workouts, profile_repo, log, catalog.by_id, lambda: profile.settings, now),
            history=HistoryService(workouts, catalog.by_id),
            recovery=RecoveryBoard(workouts, profile_repo, catalog.by_id, lambda: profile.settings, now),
            profile=profile,
            routines=RoutineBook(RoutineRepository(database.engine)),
            now=now,
            close=database.close,
            backup_daily=lambda: daily_backup(database.path, now()),
            history_series=HistorySeries(HistoryQueries(database.engine), catalog.by_id),
        )
    except BaseException:
        database.close()
        raise
