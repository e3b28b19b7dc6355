"""Rotating copies of the database: one before every migration, one per day (the last 7 kept).

Copies use SQLite's online backup API, so they are consistent even while the app writes.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

DAILY_BACKUPS_KEPT = 7
MIGRATION_BACKUPS_KEPT = 5


def backup_dir_for(db_path: Path) -> Path:
    """Backups live in a `backups` folder beside the database."""
    return db_path.parent / "backups"


def copy_database(source: Path, target: Path) -> Path:
    """Write a consistent copy of `source` to `target` (via a temporary file, then an atomic rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
    return target


def _rotate(folder: Path, pattern: str, keep: int) -> None:
    copies = sorted(folder.glob(pattern))
    for old in copies[:-keep] if keep else copies:
        old.unlink(missing_ok=True)


def daily_backup(db_path: Path, now: datetime) -> Path | None:
    """Make today's backup unless it exists; keep the newest 7. Returns the new copy, if any."""
    folder = backup_dir_for(db_path)
    target = folder / f"{db_path.stem}-daily-{now:%Y-%m-%d}.sqlite3"
    if target.exists():
        return None
    copy_database(db_path, target)
    _rotate(folder, f"{db_path.stem}-daily-*.sqlite3", DAILY_BACKUPS_KEPT)
    return target


def pre_migration_backup(db_path: Path, from_revision: str, now: datetime) -> Path:
    """Copy the database before a schema migration; keep the newest few."""
    folder = backup_dir_for(db_path)
    target = folder / f"{db_path.stem}-premigration-{now:%Y-%m-%dT%H%M%S}-from-{from_revision}.sqlite3"
    copy_database(db_path, target)
    _rotate(folder, f"{db_path.stem}-premigration-*.sqlite3", MIGRATION_BACKUPS_KEPT)
    return target
