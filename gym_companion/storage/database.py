"""Opening the lifter's database safely: lock, inspect, back up, migrate, then hand out an engine.

Durability settings: WAL journal, synchronous=FULL (a committed set survives power loss), foreign keys
on. Every write is its own short transaction, committed before the UI acknowledges it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from gym_companion.storage.backup import pre_migration_backup
from gym_companion.storage.errors import DatabaseCorruptError, DatabaseError
from gym_companion.storage.lock import DatabaseLock
from gym_companion.storage.schema import SchemaStatus, inspect_database

BUSY_TIMEOUT_MS = 5000


def _apply_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so that DDL in a
    # migration is transactional too (the pysqlite recipe from the SQLAlchemy docs).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(path: Path) -> Engine:
    """An engine with the durability pragmas applied to every connection."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _apply_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


class Database:
    """An open, locked, up-to-date database. Close it to release the file for other processes."""

    def __init__(
        self, path: Path, engine: Engine, lock: DatabaseLock, created: bool, migrated_from: str | None
    ):
        self.path = path
        self.engine = engine
        self.created = created
        self.migrated_from = migrated_from
        self._lock = lock

    def close(self) -> None:
        """Checkpoint the WAL into the main file, drop all connections and release the lock."""
        if not self._lock.held:
            return
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception:
            pass
        finally:
            self.engine.dispose()
            self._lock.release()

    @property
    def is_open(self) -> bool:
        """Whether the database is still open (and locked by us)."""
        return self._lock.held


def open_database(path: Path, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> Database:
    """Open `path` for this process: refuse locked, corrupt or newer files untouched; migrate older ones.

    Raises a DatabaseError subclass with a message for the user; in that case nothing was written.
    """
    path = path.expanduser().resolve()
    if path.exists() and path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"Cannot create the folder for {path}: {exc.strerror}.") from None
    lock = DatabaseLock(path)
    try:
        lock.acquire()
    except OSError as exc:
        raise DatabaseError(f"Cannot open {path}: {exc.strerror}.") from None
    try:
        state = inspect_database(path)
        engine = make_engine(path)
        migrated_from = None
        if state.status is not SchemaStatus.CURRENT:
            if state.status is SchemaStatus.OLDER:
                assert state.revision is not None
                pre_migration_backup(path, state.revision, now())
                migrated_from = state.revision
            from gym_companion.storage import migrate  # Alembic only when needed: start-up speed

            try:
                migrate.upgrade(engine)
            except Exception as exc:
                engine.dispose()
                raise DatabaseError(
                    f"Updating {path} to this version failed ({exc}). Nothing was changed; "
                    "a copy made before the update is in the 'backups' folder."
                ) from exc
        return Database(path, engine, lock, state.status is SchemaStatus.MISSING, migrated_from)
    except sqlite3.DatabaseError as exc:
        lock.release()
        raise DatabaseCorruptError(f"{path} cannot be read ({exc}). It was left untouched.") from None
    except BaseException:
        lock.release()
        raise
