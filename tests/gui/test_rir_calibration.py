"""RIR calibration on screen: the History tab's accuracy chart and sentence, and the session's suggestion."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pyqtgraph as pg
import pytest
from helpers.clock import FakeClock
from helpers.rir_lifter import Lifter, store, workouts
from helpers.session_driver import child
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTabBar, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.app import create_main_window
from gym_companion.services.session_factory import open_context
from gym_companion.ui.history.rir_accuracy_chart import MONTH_NAME


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, clock: FakeClock) -> Iterator[QWidget]:
    """The app on sixty workouts of a lifter who under-rates by 1.5 reps (bench press and curls)."""
    context = open_context(db_path, clock.now)
    names = ("Bench Press", "Dumbbell Curl")
    ids = [e.id for n in names if (e := context.catalog.find(n)) is not None and e.id is not None]
    context.close()
    start = clock.now() - timedelta(days=160)
    store(db_path, workouts(Lifter(bias=1.5, seed=11), ids, start, count=60, loads=[80.0, 14.0]), clock.now())
    win = create_main_window(db_path, clock.clocks())
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def click_tab(qtbot: QtBot, tabs: QTabWidget, text: str) -> None:
    bar = tabs.findChild(QTabBar)
    assert bar is not None
    index = next(i for i in range(bar.count()) if bar.tabText(i) == text)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def test_the_accuracy_tab_draws_each_months_mean_error_with_its_count(qtbot: QtBot, window: QWidget) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    click_tab(qtbot, child(window, QTabWidget, "historyCharts"), "RIR accuracy")
    report = window.context.calibration.current()  # type: ignore[attr-defined]
    assert report.overall is not None and report.overall.mean == pytest.approx(1.5, abs=0.35)

    sentence = child(window, QLabel, "rirCalibrationSentence")
    assert sentence.isVisible()
    assert sentence.text().startswith(report.sentence)
    assert "You under-rate your reserve by about" in sentence.text()
    assert "applied to your e1RM and suggestions" in sentence.text()
    assert "±" in sentence.toolTip() and "Halperin 2022" in sentence.toolTip()

    chart = child(window, pg.PlotWidget, "rirAccuracyPlot")
    item = next(i for i in chart.getPlotItem().listDataItems() if i.name() == MONTH_NAME)
    x, y = item.getOriginalDataset()
    assert list(x) == [p.month_start.timestamp() for p in report.accuracy]
    assert list(y) == pytest.approx([p.mean_error for p in report.accuracy])
    assert len(x) >= 5  # about five months of training
    assert sum(p.failure_sets for p in report.accuracy) == report.failure_sets

    # Hover the busiest month: the card says its month, which way it was off, and how many sets.
    busiest = max(range(len(report.accuracy)), key=lambda i: report.accuracy[i].failure_sets)
    point = report.accuracy[busiest]
    view = chart.getPlotItem().vb
    scene = view.mapViewToScene(pg.Point(point.month_start.timestamp(), point.mean_error))
    qtbot.mouseMove(chart.viewport(), chart.mapFromScene(scene))
    qtbot.waitUntil(lambda: chart.hover_text() != "")
    card = chart.hover_text()
    assert f"{point.month_start:%b %Y}" in card
    assert f"{point.failure_sets} failure set" in card
    assert ("under-rated" if point.mean_error > 0 else "over-rated") in card


def test_the_sessions_suggestion_comes_from_progression_with_the_bias(qtbot: QtBot, window: QWidget) -> None:
    search = child(window, QLineEdit, "exerciseSearch")
    search.setFocus()
    qtbot.keyClicks(search, "dumbbell curl")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    today = child(window, QLabel, "suggestionLabel")
    assert today.isVisible()
    tooltip = today.toolTip()
    assert tooltip.startswith("Why: e1RM ")
    assert "target 8–12 reps @ RIR 2 (your settings); your RIR bias +1." in tooltip
    assert "Last time 14 kg × " in tooltip
    weight = child(window, QLineEdit, "weightInput")
    reps = child(window, QLineEdit, "repsInput")
    assert today.text() == f"<b>Today</b>: {weight.text()} kg × {reps.text()} @ RIR 2"
    assert float(weight.text()) % 2 == 0  # dumbbells: a loadable 2 kg step
    assert 8 <= int(reps.text()) <= 12


def test_turning_the_correction_off_says_so_on_the_accuracy_tab(qtbot: QtBot, window: QWidget) -> None:
    from dataclasses import replace

    profile = window.context.profile  # type: ignore[attr-defined]
    profile.save_settings(replace(profile.settings, calibrate_rir=False))
    window.history_page.mark_stale()  # type: ignore[attr-defined]  # as Preferences' Apply does
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    tabs = child(window, QTabWidget, "historyCharts")
    click_tab(qtbot, tabs, "RIR accuracy")
    assert "not applied (off in Settings)" in child(window, QLabel, "rirCalibrationSentence").text()
