"""The History page's top set and volume per session, under the e1RM chart: the data it holds, the metric
picker, exercise and range changes, the hover card and pounds — driven through the combos and buttons.

Hand-computed from helpers.history_seed (warm-ups left out, unrated sets counted):
- Bench Press: OLD 80 x 5 (400 kg, 1 set); D1 100 x 5 and 100 x 6 -> top 100 x 6, 1,100 kg, 2 sets;
  D2 102.5 x 5 twice (one unrated) -> top 102.5 x 5, 1,025 kg, 2 sets.
- Squat: D1 140 x 3 (420 kg); D2 150 x 2 (300 kg).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pyqtgraph as pg
import pytest
from helpers.history_seed import D1, D2, NOW, OLD, logged_at, seeded_context
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from gym_companion.domain.model import WeightUnit
from gym_companion.services.context import AppContext
from gym_companion.ui.history.page import HistoryPage

BENCH_X = [logged_at(OLD, 0).timestamp(), logged_at(D1, 1).timestamp(), logged_at(D2, 1).timestamp()]
SQUAT_X = [logged_at(D1, 3).timestamp(), logged_at(D2, 0).timestamp()]


@pytest.fixture
def context(db_path: Path) -> Iterator[AppContext]:
    with seeded_context(db_path) as ctx:
        yield ctx


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> HistoryPage:
    widget = HistoryPage(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an entry by keyboard, as a lifter would: focus, then Down/Up until it shows."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, text
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def shown(page: HistoryPage) -> tuple[list[float], list[float]]:
    """The visible progress curve's data (x POSIX seconds, y kg)."""
    plot = page.findChild(pg.PlotWidget, "progressPlot")
    visible = [item for item in plot.getPlotItem().listDataItems() if item.isVisible()]
    assert len(visible) == 1
    x, y = visible[0].getOriginalDataset()
    return list(x), list(y)


def test_top_set_per_session_sits_under_the_e1rm_chart_on_the_same_dates(
    page: HistoryPage, qtbot: QtBot
) -> None:
    choose(qtbot, page.exercise_combo, "Bench Press")
    assert page.findChild(pg.PlotWidget, "progressPlot").isVisible()
    assert page.findChild(QComboBox, "progressMetric").currentText() == "Top set per session"
    assert shown(page) == (BENCH_X, [80.0, 100.0, 102.5])
    chart = page.exercise_panel.progress_chart
    assert chart.axis_label() == "Top set (kg)"
    assert chart.hover_near(BENCH_X[1], 100.0)
    assert chart.hover_text().splitlines()[1:] == ["Top set 100 kg × 6", "Volume 1,100 kg · 2 sets"]
    # the contract item is untouched: e1rmPlot's first item still holds every rated set's e1RM in kg
    x, y = page.e1rm_chart.getPlotItem().listDataItems()[0].getOriginalDataset()
    assert len(x) == 4 and y[0] == pytest.approx(80 / 0.811)


def test_the_picker_switches_to_volume_and_the_exercise_combo_redraws_it(
    page: HistoryPage, qtbot: QtBot
) -> None:
    choose(qtbot, page.exercise_combo, "Bench Press")
    choose(qtbot, page.findChild(QComboBox, "progressMetric"), "Volume per session")
    assert shown(page) == (BENCH_X, [400.0, 1100.0, 1025.0])
    assert page.exercise_panel.progress_chart.axis_label() == "Volume (kg)"
    choose(qtbot, page.exercise_combo, "Squat")
    assert shown(page) == (SQUAT_X, [420.0, 300.0])
    choose(qtbot, page.findChild(QComboBox, "progressMetric"), "Top set per session")
    assert shown(page) == (SQUAT_X, [140.0, 150.0])
    chart = page.exercise_panel.progress_chart
    assert chart.hover_near(SQUAT_X[1], 150.0)
    assert "Top set 150 kg × 2" in chart.hover_text() and "Volume 300 kg · 1 set" in chart.hover_text()


def test_the_range_buttons_move_both_charts_together(page: HistoryPage, qtbot: QtBot) -> None:
    choose(qtbot, page.exercise_combo, "Bench Press")
    progress = page.exercise_panel.progress_chart.getPlotItem().vb
    e1rm = page.e1rm_chart.getPlotItem().vb
    qtbot.mouseClick(page.findChild(QPushButton, "historyRange3m"), Qt.MouseButton.LeftButton)
    low, high = progress.viewRange()[0]
    assert low > BENCH_X[0]  # the session a year ago is out of view
    assert low == pytest.approx((NOW - timedelta(days=91)).timestamp(), abs=3 * 86400)
    assert high == pytest.approx(NOW.timestamp(), abs=3 * 86400)
    assert e1rm.viewRange()[0] == pytest.approx([low, high])
    # y fits what is visible: the 80 kg top set from a year ago no longer sets the floor
    assert progress.viewRange()[1][0] > 80.0
    qtbot.mouseClick(page.findChild(QPushButton, "historyRangeAll"), Qt.MouseButton.LeftButton)
    assert progress.viewRange()[0][0] <= BENCH_X[0]
    assert e1rm.viewRange()[0] == pytest.approx(progress.viewRange()[0])


def test_pound_lifters_read_top_sets_and_volume_in_pounds(page: HistoryPage, context: AppContext) -> None:
    context.profile.save_settings(replace(context.profile.settings, unit=WeightUnit.LB))
    page.refresh()
    page.exercise_combo.setCurrentIndex(page.exercise_combo.findText("Bench Press"))
    chart = page.exercise_panel.progress_chart
    assert shown(page)[1] == [80.0, 100.0, 102.5]  # data stay in kg; the axis reads pounds
    assert chart.axis_label() == "Top set (lb)"
    assert chart.hover_near(BENCH_X[2], 102.5)
    assert chart.hover_text().splitlines()[1:] == ["Top set 226 lb × 5", "Volume 2,260 lb · 2 sets"]
