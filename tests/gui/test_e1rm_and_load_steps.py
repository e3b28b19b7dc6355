"""Preferences that change numbers elsewhere, set by keyboard: the e1RM formula (History's e1RM chart) and
the dumbbell step (the Session page's suggested load)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyqtgraph as pg
import pytest
from helpers.clock import FakeClock
from helpers.history_seed import D1, D2, NOW, OLD, logged_at, seed
from helpers.session_driver import open_main_window, open_preferences
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.domain.library import library_path, load_library_file
from gym_companion.domain.model import SetEntry, SetType, WorkoutSession
from gym_companion.storage.database import open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture
def history_window(qtbot: QtBot, db_path: Path) -> Iterator[QWidget]:
    """The window on the hand-made history of helpers.history_seed."""
    seed(db_path)
    win = open_main_window(qtbot, db_path, FakeClock(NOW))
    yield win
    win.close()


def e1rm_points(window: QWidget) -> tuple[list[float], list[float]]:
    plot = window.findChild(pg.PlotWidget, "e1rmPlot")
    x, y = plot.getPlotItem().listDataItems()[0].getOriginalDataset()
    return list(x), list(y)


def test_epley_changes_the_e1rm_history_shows(qtbot: QtBot, history_window: QWidget) -> None:
    window = history_window
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    x, y = e1rm_points(window)
    assert x == [
        t.timestamp() for t in (logged_at(OLD, 0), logged_at(D1, 1), logged_at(D1, 2), logged_at(D2, 1))
    ]
    # the RTS chart: n = 7 -> 81.1 %; 6 reps to technical failure, n = 6 -> 83.7 %
    assert y == pytest.approx([80 / 0.811, 100 / 0.811, 100 / 0.837, 102.5 / 0.811])

    dialog = open_preferences(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_E, ALT)  # &e1RM formula
    formula = dialog.training.formula
    assert formula.hasFocus() and formula.currentText() == "RTS chart (recommended)"
    assert "Epley computes load × (1 + n/30)" in formula.toolTip()
    qtbot.keyClick(formula, Qt.Key.Key_Down)
    assert formula.currentText() == "Epley"
    qtbot.keyClick(formula, Qt.Key.Key_Return)  # Enter = OK: saved and closed
    assert not dialog.isVisible()

    # Epley, load × (1 + n/30): 80 × (1 + 7/30) = 98.67, 100 × 37/30 = 123.33, 100 × 36/30 = 120, 126.42
    _x, y = e1rm_points(window)
    assert y == pytest.approx([80 * 37 / 30, 100 * 37 / 30, 100 * 36 / 30, 102.5 * 37 / 30])
    assert y[2] == pytest.approx(120.0)
    assert "126.4 kg" in window.findChild(QLabel, "historySummary").text()


def seed_curls(db_path: Path, when: datetime, kg: float, reps: int, rir: int) -> None:
    """One finished workout with one working set of dumbbell curls."""
    database = open_database(db_path, lambda: when)
    try:
        exercises = ExerciseRepository(database.engine)
        exercises.seed(load_library_file(library_path()))
        curl = next(e for e in exercises.all() if e.name == "Dumbbell Curl")
        session = WorkoutSession(str(uuid.uuid4()), when, when + timedelta(minutes=30), name="Arms")
        entry = SetEntry(
            uuid=str(uuid.uuid4()),
            session_id=0,
            exercise_id=curl.id or 0,
            exercise_order=0,
            set_order=0,
            set_type=SetType.WORKING,
            weight_kg=kg,
            reps=reps,
            logged_at=when + timedelta(minutes=5),
            rir=rir,
        )
        WorkoutRepository(database.engine).add_history([(session, [entry])])
    finally:
        database.close()


def test_the_dumbbell_step_rounds_the_suggested_load(qtbot: QtBot, db_path: Path) -> None:
    """Last time 10 kg × 12 @ RIR 2 tops the 8–12 range: one step up. 2 kg dumbbells: 12 kg; 2.5 kg: 12.5."""
    start = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
    seed_curls(db_path, start - timedelta(days=3), 10.0, 12, 2)
    window = open_main_window(qtbot, db_path, FakeClock(start))
    try:
        search = window.findChild(QLineEdit, "exerciseSearch")
        search.setFocus()
        qtbot.keyClicks(search, "dumbbell curl")
        qtbot.keyClick(search, Qt.Key.Key_Return)
        today = window.findChild(QLabel, "suggestionLabel")
        assert today.text() == "<b>Today</b>: 12 kg × 8 @ RIR 2"

        dialog = open_preferences(qtbot, window)
        for _ in range(len(dialog.sections)):  # Ctrl+PgDown to Units & equipment
            if dialog.stack.currentWidget() is dialog.units:
                break
            qtbot.keyClick(dialog, Qt.Key.Key_PageDown, CTRL)
        qtbot.keyClick(dialog, Qt.Key.Key_U, ALT)  # D&umbbell steps
        step = dialog.units.dumbbell_kg
        assert step.hasFocus() and step.value() == 2.0
        qtbot.keyClick(step, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(step, "2.5")
        qtbot.keyClick(step, Qt.Key.Key_Return)  # OK
        assert not dialog.isVisible()
        assert window.context.profile.settings.dumbbell_step_kg == 2.5  # type: ignore[attr-defined]

        assert today.text() == "<b>Today</b>: 12.5 kg × 8 @ RIR 2"
        assert "+2.5 kg" in today.toolTip()
    finally:
        window.close()
