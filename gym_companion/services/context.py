"""The services one open database offers the UI, built by the composition root (app.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from gym_companion.services.advice import AdviceDesk
from gym_companion.services.bodyweight_log import BodyweightLog
from gym_companion.services.calibration import CalibrationService
from gym_companion.services.catalog import ExerciseCatalog
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


@dataclass
class AppContext:
    """Everything the window needs; `close` releases the database (connections and lock)."""

    db_path: Path
    catalog: ExerciseCatalog
    workout_log: WorkoutLog
    history: HistoryService
    recovery: RecoveryBoard
    profile: ProfileService
    routines: RoutineBook
    advice: AdviceDesk
    now: Callable[[], datetime]
    close: Callable[[], None]
    backup_daily: Callable[[], Path | None]
    history_series: HistorySeries
    records: RecordBook
    workout_notes: WorkoutNotes | None = None
    calibration: CalibrationService | None = None
    transfer: TransferService | None = None
    bodyweight: BodyweightLog | None = None
    supersets: SupersetRounds | None = None
