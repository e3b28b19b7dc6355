"""Test-wide setup: Qt offscreen before any QApplication exists, isolated Qt settings, temp databases."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session", autouse=True)
def _isolated_qt_settings() -> None:
    """QSettings and standard paths point at test locations, never the user's real ones."""
    try:
        from PySide6.QtCore import QCoreApplication, QStandardPaths
    except ImportError:  # pragma: no cover - unit tests without Qt
        return
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("gym-companion-tests")
    QCoreApplication.setApplicationName("Gym Companion Tests")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh database in a temporary folder."""
    return tmp_path / "gym.sqlite3"
