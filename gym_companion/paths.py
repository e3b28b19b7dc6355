"""Where the app keeps the lifter's database by default (the platform's user data folder)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "gym-companion"
DB_FILENAME = "gym.sqlite3"


def default_db_path() -> Path:
    """e.g. ~/.local/share/gym-companion/gym.sqlite3 on Linux."""
    return user_data_path(APP_NAME, appauthor=False) / DB_FILENAME
