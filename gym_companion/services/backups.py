"""Backups on demand (File → Back up now)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from gym_companion.storage.backup import backup_dir_for, copy_database


def backup_now(db_path: Path, now: datetime) -> Path:
    """Write a manual backup copy beside the database; returns its path."""
    target = backup_dir_for(db_path) / f"{db_path.stem}-manual-{now:%Y-%m-%dT%H%M%S}.sqlite3"
    return copy_database(db_path, target)
