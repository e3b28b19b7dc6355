"""The project's own small CSV fixtures (tests/fixtures/csv) and helpers for the transfer tests."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gym_companion.services.transfer import TransferService

FIXTURES = Path(__file__).parents[1] / "fixtures" / "csv"
INTEROP = Path(__file__).parents[2].parent / "shared" / "interop"  # real exports, when present


def no_progress(_line: int) -> None:
    """A reader's progress hook that never cancels."""


def transfer_service(db_path: Path, zone: tzinfo | None = None) -> tuple[TransferService, Callable[[], None]]:
    """(TransferService, close) on the database at `db_path`, reading other apps' times in `zone`."""
    from gym_companion.services.catalog import ExerciseCatalog
    from gym_companion.services.transfer import TransferService
    from gym_companion.storage.database import open_database
    from gym_companion.storage.repositories.exercises import ExerciseRepository
    from gym_companion.storage.repositories.profile import ProfileRepository
    from gym_companion.storage.repositories.transfer import TransferRepository

    database = open_database(db_path)
    catalog = ExerciseCatalog(ExerciseRepository(database.engine))
    catalog.ensure_library()
    service = TransferService(
        TransferRepository(database.engine), catalog, ProfileRepository(database.engine), zone
    )
    return service, database.close


def snapshot(db_path: Path) -> tuple[object, ...]:
    """Everything an import may touch, to prove a failed import changed nothing."""
    with closing(sqlite3.connect(db_path)) as con:
        return tuple(
            tuple(con.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall())
            for table in (
                "workout_session",
                "set_entry",
                "session_exercise_note",
                "exercise",
                "exercise_muscle",
                "app_state",
            )
        )
