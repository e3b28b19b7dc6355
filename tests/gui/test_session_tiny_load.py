"""QA: Bench Press 0.001 × 5 was saved as "0 kg × 5"; now refused inline like 2000 kg; 0 stays allowed."""

from __future__ import annotations

import sqlite3

from helpers.session_driver import add_exercise, enter_set
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot


def type_set(qtbot: QtBot, window: QWidget, exercise: str, weight: str, reps: str) -> None:
    add_exercise(qtbot, window, exercise)
    enter_set(qtbot, window, weight, reps)


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
