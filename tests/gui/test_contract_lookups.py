"""The History and Recovery pages are built lazily for a fast start, yet every widget CONTRACT.md names can be
looked up on a window that was never shown, and reads current data without switching pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.clock import FakeClock
from helpers.session_driver import add_exercise, enter_set, rate
from PySide6.QtWidgets import QComboBox, QMainWindow, QTableView, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.app import create_main_window


@pytest.fixture
def window(qtbot: QtBot, db_path: Path) -> Iterator[QMainWindow]:
    win = create_main_window(db_path, FakeClock().clocks())
    qtbot.addWidget(win)
    yield win
    win.close()


def log_bench(qtbot: QtBot, window: QMainWindow, weight: str, reps: str, rating: str) -> None:
    enter_set(qtbot, window, weight, reps)
    rate(qtbot, window, rating)


def start_bench(qtbot: QtBot, window: QMainWindow) -> None:
    add_exercise(qtbot, window, "bench press")


def test_every_named_widget_is_found_on_a_window_never_shown(window: QMainWindow) -> None:
    for cls, name in (
        (QWidget, "sessionPage"),
        (QWidget, "historyPage"),
        (QWidget, "recoveryPage"),
        (QComboBox, "historyExercise"),
        (QWidget, "e1rmPlot"),
        (QTableView, "recoveryTable"),
    ):
        assert window.findChild(cls, name) is not None, name
    table = window.findChild(QTableView, "recoveryTable")
    assert table.model().rowCount() == 14  # one row per muscle, before anything is logged


def test_looking_a_page_widget_up_reads_what_was_just_logged(qtbot: QtBot, window: QMainWindow) -> None:
    window.show()
    start_bench(qtbot, window)
    log_bench(qtbot, window, "80", "8", "2")
    log_bench(qtbot, window, "80", "7", "f")
    combo = window.findChild(QComboBox, "historyExercise")
    assert [combo.itemText(i) for i in range(combo.count())] == ["Bench Press"]
    plot = window.findChild(QWidget, "e1rmPlot")
    _x, y = plot.getPlotItem().listDataItems()[0].getOriginalDataset()
    assert [round(v, 1) for v in y] == [round(80 / 0.739, 1), round(80 / 0.811, 1)]  # RTS, n = 10 and 7
    assert window.tabs.currentWidget().objectName() == "sessionPage"  # nothing switched pages


def test_a_hidden_page_held_since_start_catches_up_in_the_next_pause(
    qtbot: QtBot, window: QMainWindow
) -> None:
    window.show()
    combo = window.findChild(QComboBox, "historyExercise")  # held from the start
    assert combo.count() == 0
    start_bench(qtbot, window)
    log_bench(qtbot, window, "80", "8", "2")
    qtbot.waitUntil(lambda: combo.count() == 1, timeout=5000)
    assert combo.itemText(0) == "Bench Press"
