"""QA: Bench Press 0.001 × 5 was saved as "0 kg × 5"; now refused inline like 2000 kg; 0 stays allowed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.clock import FakeClock
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.app import create_main_window


@pytest.fixture
def window(qtbot: QtBot, db_path: Path) -> Iterator[QWidget]:
    win = create_main_window(db_path, FakeClock().clocks())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def type_set(qtbot: QtBot, window: QWidget, exercise: str, weight: str, reps: str) -> None:
    search = window.findChild(QLineEdit, "exerciseSearch")
    search.setFocus()
    qtbot.keyClicks(search, exercise)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    weight_input = window.findChild(QLineEdit, "weightInput")
    weight_input.setFocus()
    weight_input.selectAll()
    qtbot.keyClicks(weight_input, weight)
    qtbot.keyClick(weight_input, Qt.Key.Key_Tab)
    reps_input = window.findChild(QLineEdit, "repsInput")
    reps_input.selectAll()
    qtbot.keyClicks(reps_input, reps)
    qtbot.keyClick(reps_input, Qt.Key.Key_Return)


def stored(window: QWidget) -> list[tuple[str, float, int]]:
    with sqlite3.connect(window.context.db_path) as con:  # type: ignore[attr-defined]
        return con.execute(
            "SELECT e.name, s.weight_kg, s.reps FROM set_entry s JOIN exercise e ON e.id = s.exercise_id"
        ).fetchall()


def test_a_load_no_gym_can_load_is_refused_inline(qtbot: QtBot, window: QWidget) -> None:
    type_set(qtbot, window, "bench press", "0.001", "5")
    error = window.findChild(QLabel, "inputError")
    assert error.isVisible()
    assert error.text() == "No gym can load that little. Check the weight (0 for no added weight)."
    assert not window.findChild(QWidget, "rirPrompt").isVisible()
    assert stored(window) == []


def test_zero_added_load_is_still_a_set(qtbot: QtBot, window: QWidget) -> None:
    type_set(qtbot, window, "push-up", "0", "12")
    assert not window.findChild(QLabel, "inputError").isVisible()
    assert stored(window) == [("Push-Up", 0.0, 12)]
