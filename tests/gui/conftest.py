"""Fixtures shared by GUI tests: a fake clock and the main window on a fresh database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.clock import FakeClock
from helpers.session_driver import open_main_window
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


@pytest.fixture
def clock() -> FakeClock:
    """A clock that moves only when a test advances it."""
    return FakeClock()


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, clock: FakeClock) -> Iterator[QWidget]:
    """The main window on a fresh database and the fake clock, shown; closed after the test."""
    win = open_main_window(qtbot, db_path, clock)
    yield win
    win.close()
