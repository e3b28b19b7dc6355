"""What is in a database file before we touch it: empty, ours and current, ours and older, newer, or foreign.

Read with the plain sqlite3 module in read-only mode so that checking a file never changes it, and so
that start-up does not pay for importing Alembic unless a migration is really needed.
"""

from __future__ import annotations

import enum
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from gym_companion.storage.errors import DatabaseCorruptError, DatabaseTooNewError

# Every Alembic revision this version knows, oldest first. A test checks it against the scripts.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
HEAD_REVISION = KNOWN_REVISIONS[-1]
SQLITE_HEADER = b"SQLite format 3\x00"


class SchemaStatus(enum.Enum):
    """Where a file stands relative to this version's schema."""

    MISSING = "missing"  # no file, or an empty one: create it
    CURRENT = "current"
    OLDER = "older"  # migrate, after a backup


@dataclass(frozen=True)
class SchemaState:
    """The result of inspecting a database file."""

    status: SchemaStatus
    revision: str | None


def inspect_database(path: Path) -> SchemaState:
    """Classify a database file; raise a DatabaseError subclass for files we must not open."""
    if not path.exists() or path.stat().st_size == 0:
        return SchemaState(SchemaStatus.MISSING, None)
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseCorruptError(
            f"{path} is not a Gym Companion database (it is not an SQLite file, or it is damaged). "
            "It was left untouched. Restore a copy from the 'backups' folder beside it, "
            "or choose another file."
        )
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(
            f"{path} is damaged and cannot be read ({exc}). It was left untouched. "
            "Restore a copy from the 'backups' folder beside it."
        ) from None
    if revision is None:
        if tables - {"sqlite_sequence"}:
            raise DatabaseCorruptError(
                f"{path} is an SQLite database of another program, not Gym Companion's. "
                "It was left untouched."
            )
        return SchemaState(SchemaStatus.MISSING, None)
    if revision not in KNOWN_REVISIONS:
        raise DatabaseTooNewError(
            f"{path} was written by a newer version of Gym Companion (schema {revision}). "
            "Update the app to open it; it was left untouched."
        )
    status = SchemaStatus.CURRENT if revision == HEAD_REVISION else SchemaStatus.OLDER
    return SchemaState(status, revision)
