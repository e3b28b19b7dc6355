"""A lock file beside the database so that two app instances never write the same file.

The operating system releases the lock when the process dies, even on kill -9, so a crash never
leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from gym_companion.storage.errors import DatabaseLockedError


def lock_path_for(db_path: Path) -> Path:
    """Where the lock for a database lives: beside it, with `.lock` appended."""
    return db_path.with_name(db_path.name + ".lock")


class DatabaseLock:
    """An exclusive, non-blocking lock on `<database>.lock`."""

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path_for(db_path)
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise DatabaseLockedError naming the other process."""
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the app's lifetime
        try:
            _lock_file(handle)
        except OSError:
            handle.seek(0)
            other = handle.read().strip() or "unknown"
            handle.close()
            raise DatabaseLockedError(
                f"This database is already open in another Gym Companion window (process {other}). "
                "Close that window first, or open a different database."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Give the lock back (idempotent)."""
        if self._handle is None:
            return
        try:
            self._handle.seek(0)
            self._handle.truncate()
            _unlock_file(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        """Whether this object currently holds the lock."""
        return self._handle is not None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
