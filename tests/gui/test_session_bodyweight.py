"""Bodyweight from the session page: Ctrl+B, validation, the recent list with Delete and undo, and the
weigh-in at work in an assisted pull-up's e1RM on the History chart."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
from helpers.clock import FakeClock
from helpers.session_driver import add_exercise, enter_set, open_main_window, rate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.ui.session.bodyweight_entry import BodyweightPanel

CTRL = Qt.KeyboardModifier.ControlModifier
P10 = 0.739  # RTS chart: 8 reps at RIR 2 = 10 effective reps = 73.9 % of 1RM


@pytest.fixture
def window(
    qtbot: QtBot, db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> Iterator[QWidget]:
    monkeypatch.setattr(BodyweightPanel, "IDLE_MS", 0)
    win = open_main_window(qtbot, db_path, clock)
    yield win
    win.close()


def weigh_ins(window: QWidget) -> list[float]:
    with sqlite3.connect(window.context.db_path) as con:  # type: ignore[attr-defined]
        return [row[0] for row in con.execute("SELECT weight_kg FROM bodyweight ORDER BY measured_at")]


def weigh_in(qtbot: QtBot, window: QWidget, text: str) -> None:
    qtbot.keyClick(window.session_page, Qt.Key.Key_B, CTRL)  # type: ignore[attr-defined]
    field = window.findChild(QLineEdit, "bodyweightInput")
    assert field.hasFocus()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def recent(window: QWidget) -> list[str]:
    items = window.findChild(QListWidget, "bodyweightRecent")
    return [items.item(i).text() for i in range(items.count())]


def test_a_weigh_in_by_keyboard_is_checked_saved_and_listed(
    qtbot: QtBot, window: QWidget, clock: FakeClock
) -> None:
    status = window.findChild(QLabel, "bodyweightStatus")
    qtbot.waitUntil(lambda: status.text() == "No weigh-ins yet.")  # read in the first pause after start
    error = window.findChild(QLabel, "bodyweightError")
    weigh_in(qtbot, window, "eighty")
    assert error.isVisible() and "not a weight" in error.text()
    assert weigh_ins(window) == []
    field = window.findChild(QLineEdit, "bodyweightInput")
    field.clear()
    weigh_in(qtbot, window, "8")
    assert error.isVisible() and error.text() == "Bodyweight must be between 20 and 400 kg."
    assert weigh_ins(window) == []
    field.clear()
    weigh_in(qtbot, window, "80.4")
    assert weigh_ins(window) == [80.4]
    assert not error.isVisible() and field.text() == ""
    assert status.text().startswith("<b>80.4 kg</b> today")
    assert len(recent(window)) == 1 and recent(window)[0].endswith("· 80.4 kg")
    assert QApplication.focusWidget() is window.findChild(QLineEdit, "exerciseSearch")  # back to the workout
    clock.advance(86_400)
    weigh_in(qtbot, window, "176 lb")  # a unit typed after the number wins
    assert weigh_ins(window)[-1] == pytest.approx(79.83, abs=0.01)


def test_delete_and_undo_in_the_recent_list(qtbot: QtBot, window: QWidget, clock: FakeClock) -> None:
    for kg in ("81", "80.5", "80"):
        weigh_in(qtbot, window, kg)
        clock.advance(86_400)
    items = window.findChild(QListWidget, "bodyweightRecent")
    assert [text.split("· ")[1] for text in recent(window)] == ["80 kg", "80.5 kg", "81 kg"]
    items.setFocus()
    items.setCurrentRow(0)
    qtbot.keyClick(items, Qt.Key.Key_Delete)
    assert weigh_ins(window) == [81.0, 80.5]
    undo = window.findChild(QPushButton, "bodyweightUndo")
    assert undo.isVisible()
    assert window.findChild(QLabel, "bodyweightStatus").text().startswith("<b>80.5 kg</b>")
    qtbot.keyClick(items, Qt.Key.Key_Z, CTRL)  # the list's own undo, not the sets'
    assert weigh_ins(window) == [81.0, 80.5, 80.0]
    assert not undo.isVisible()


def test_the_weigh_in_is_added_to_an_assisted_pull_ups_e1rm(qtbot: QtBot, window: QWidget) -> None:
    add_exercise(qtbot, window, "assisted pull-up")
    weight = window.findChild(QLineEdit, "weightInput")
    enter_set(qtbot, window, "-20", "8", focus=False)  # 20 kg of help from the machine
    rate(qtbot, window, "2")
    weigh_in(qtbot, window, "80")
    assert QApplication.focusWidget() is weight  # back to the set inputs

    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # History
    page = window.history_page  # type: ignore[attr-defined]
    exercises = page.findChild(QComboBox, "historyExercise")
    exercises.setCurrentIndex(exercises.findText("Assisted Pull-Up"))
    plot = page.findChild(pg.PlotWidget, "e1rmPlot")
    _x, y = plot.getPlotItem().listDataItems()[0].getOriginalDataset()
    assert list(y) == [pytest.approx(60 / P10)]  # (80 − 20) kg moved for 8 + 2 reps: 81.2 kg


def test_pounds_read_at_most_one_decimal_beside_the_trend(
    qtbot: QtBot, window: QWidget, clock: FakeClock
) -> None:
    """QA: in lb the latest weigh-in read "183.87 lb" beside "trend 184.8"; both now use 0.1 lb."""
    from dataclasses import replace

    from gym_companion.domain.model import WeightUnit

    context = window.context  # type: ignore[attr-defined]
    context.profile.save_settings(replace(context.profile.settings, unit=WeightUnit.LB))
    window.session_page.apply_settings()  # type: ignore[attr-defined]
    weigh_in(qtbot, window, "83.4 kg")  # 183.865… lb
    assert weigh_ins(window) == [83.4]  # stored exactly as typed
    status = window.findChild(QLabel, "bodyweightStatus")
    assert status.text().startswith("<b>183.9 lb</b> today")
    assert recent(window)[0].endswith("· 183.9 lb")
