"""Open a database and wire every service to it (used by the app and by the command line)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from gym_companion.services.advice import AdviceDesk
from gym_companion.services.bodyweight_log import BodyweightLog
from gym_companion.services.calibration import CalibrationService
from gym_companion.services.catalog import ExerciseCatalog
from gym_companion.services.context import AppContext
from gym_companion.services.history import HistoryService
from gym_companion.services.history_series import HistorySeries
from gym_companion.services.profile import ProfileService
from gym_companion.services.records import RecordBook
from gym_companion.services.recovery_board import RecoveryBoard
from gym_companion.services.routine_book import RoutineBook
from gym_companion.services.superset_rounds import SupersetRounds
from gym_companion.services.transfer import TransferService
from gym_companion.services.workout_log import WorkoutLog
from gym_companion.services.workout_notes import WorkoutNotes
from gym_companion.storage.backup import daily_backup
from gym_companion.storage.database import open_database
from gym_companion.storage.repositories.calibration_queries import CalibrationQueries
from gym_companion.storage.repositories.exercise_notes import ExerciseNoteRepository
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.history_queries import HistoryQueries
from gym_companion.storage.repositories.profile import ProfileRepository
from gym_companion.storage.repositories.record_queries import RecordQueries
from gym_companion.storage.repositories.routines import RoutineRepository
from gym_companion.storage.repositories.transfer import TransferRepository
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
        exercise_notes = ExerciseNoteRepository(database.engine)
        calibration = CalibrationService(
            CalibrationQueries(database.engine), catalog.by_id, lambda: profile.settings, now
        )
        log = WorkoutLog(
            workouts,
            profile_repo,
            catalog.by_id,
            now,
            exercise_notes=exercise_notes,
            rir_bias=calibration.bias_for,
            # the finish summary's PRs read e1RMs as History does (formula, RIR bias, bodyweight)
            e1rm_basis=lambda exercise_id: history_series.e1rm_basis(exercise_id),  # noqa: PLW0108 - built below
            # ...and judges them against the bests History's PR list has (RecordBook, built below)
            standings=lambda ids, before: records.standings_before(ids, before),  # noqa: PLW0108
        )
        bodyweight = BodyweightLog(profile, profile_repo, catalog.by_id, now)
        history_series = HistorySeries(  # e1RMs: ratings corrected by the RIR bias, bodyweight added
            HistoryQueries(database.engine),
            catalog.by_id,
            e1rm_basis=bodyweight.e1rm_basis(calibration.e1rm_basis),
        )
        records = RecordBook(RecordQueries(database.engine), history_series.e1rm_basis)
        return AppContext(
            db_path=database.path,
            catalog=catalog,
            workout_log=log,
            advice=AdviceDesk(
                workouts, profile_repo, log, catalog.by_id, lambda: profile.settings, now, history_series.e1rm
            ),
            history=HistoryService(workouts, catalog.by_id),
            recovery=RecoveryBoard(workouts, profile_repo, catalog.by_id, lambda: profile.settings, now),
            profile=profile,
            routines=RoutineBook(
                RoutineRepository(database.engine), catalog.by_id, lambda: profile.settings, now
            ),
            now=now,
            close=database.close,
            backup_daily=lambda: daily_backup(database.path, now()),
            history_series=history_series,
            records=records,
            workout_notes=WorkoutNotes(workouts, exercise_notes),
            calibration=calibration,
            transfer=TransferService(TransferRepository(database.engine), catalog, profile_repo),
            bodyweight=bodyweight,
            supersets=SupersetRounds(log, lambda: profile.settings),
        )
    except BaseException:
        database.close()
        raise
