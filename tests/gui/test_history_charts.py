"""The History page's other charts and chart export: weekly failure sets and tonnage, bodyweight, pounds,
PNG and SVG files — through the tabs, combos, buttons, right-click menu and shortcut a lifter uses."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pyqtgraph as pg
import pytest
from helpers.history_seed import D1, WEIGH_INS, seeded_context, weighed_at
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.domain.model import Muscle, WeightUnit
from gym_companion.services.context import AppContext
from gym_companion.ui.history.page import HistoryPage


@pytest.fixture
def context(db_path: Path) -> Iterator[AppContext]:
    with seeded_context(db_path) as ctx:
        yield ctx


@pytest.fixture
def asked() -> list[Path]:
    """The file names the page suggested when it asked where to save."""
    return []


@pytest.fixture
def answer() -> dict[str, str]:
    """What the file chooser answers: a file with this suffix (tests switch it to .svg)."""
    return {"suffix": ".png"}


@pytest.fixture
def page(
    qtbot: QtBot, context: AppContext, tmp_path: Path, asked: list[Path], answer: dict[str, str]
) -> HistoryPage:
    """The page on screen; its file chooser answers at once with chart-N.png (or .svg) in tmp_path."""

    def choose(_parent: QWidget, suggested: Path, done: Callable[[Path], None]) -> None:
        asked.append(suggested)
        done(tmp_path / f"chart-{len(asked)}{answer['suffix']}")

    widget = HistoryPage(context, choose_file=choose)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click_tab(qtbot: QtBot, page: HistoryPage, index: int) -> None:
    bar = page.chart_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def weekly_values(page: HistoryPage) -> list[float]:
    plot = page.findChild(pg.PlotWidget, "weeklyVolumePlot")
    _edges, values = plot.getPlotItem().listDataItems()[0].getOriginalDataset()
    return list(values)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an entry by keyboard, as a lifter would: focus, then Down/Up until it shows."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, text
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def test_failure_sets_per_week_for_all_training_with_the_weekly_cap(page: HistoryPage, qtbot: QtBot) -> None:
    click_tab(qtbot, page, 1)
    choose(qtbot, page.findChild(QComboBox, "weeklyMetric"), "Failure sets")
    choose(qtbot, page.findChild(QComboBox, "weeklyMuscle"), "All training")
    values = weekly_values(page)
    assert values[-2:] == [1.0, 0.0] and sum(values) == 1.0  # the technical failure on D1
    assert "your weekly cap: 10" in page.findChild(QLabel, "weeklyNote").text()  # split default (F11)
    chart = page.muscles.chart
    assert chart.axis_label() == "Failure sets / week"
    middle = D1.timestamp()
    assert chart.hover_near(middle, 0.5)
    assert "1 failure set" in chart.hover_text() and "Your weekly cap: 10" in chart.hover_text()


def test_tonnage_per_week_counts_secondary_muscles_half(page: HistoryPage, qtbot: QtBot) -> None:
    click_tab(qtbot, page, 1)
    choose(qtbot, page.findChild(QComboBox, "weeklyMetric"), "Tonnage")
    choose(qtbot, page.findChild(QComboBox, "weeklyMuscle"), Muscle.TRICEPS.label)
    # Bench press works triceps secondarily: week of D1 100x5 + 100x6 = 1100 kg, half is 550 (the warm-up
    # is left out); week of D2 102.5x5 twice = 1025, half is 512.5.
    assert weekly_values(page)[-2:] == [550.0, 512.5]
    assert page.muscles.chart.axis_label() == "Tonnage / week (kg)"
    assert "secondary muscles count ½" in page.findChild(QLabel, "weeklyNote").text()


def test_bodyweight_chart_holds_every_weigh_in_and_its_trend(page: HistoryPage, qtbot: QtBot) -> None:
    click_tab(qtbot, page, 2)
    plot = page.findChild(pg.PlotWidget, "bodyweightPlot")
    assert plot.isVisible()
    weigh_ins, trend = plot.getPlotItem().listDataItems()
    x, kg = weigh_ins.getOriginalDataset()
    assert list(x) == [weighed_at(days).timestamp() for days, _kg in WEIGH_INS]
    assert list(kg) == [80.0, 81.0, 79.0, 78.0]
    # 80 -> 80.1 -> 79.99 -> a week later 1 - 0.9^7 of the way to 78
    assert list(trend.getOriginalDataset()[1]) == pytest.approx(
        [80.0, 80.1, 79.99, 79.99 - (1 - 0.9**7) * 1.99]
    )
    assert page.findChild(QLabel, "bodyweightNote").text() == "Latest 78 kg · trend 79 kg"
    assert page.bodyweight_chart.hover_near(x[1], kg[1])
    assert "Weighed 81 kg" in page.bodyweight_chart.hover_text()


def test_pound_lifters_read_pounds_on_the_axes_and_cards(page: HistoryPage, context: AppContext) -> None:
    context.profile.save_settings(replace(context.profile.settings, unit=WeightUnit.LB))
    page.refresh()
    chart = page.e1rm_chart
    x, y = chart.getPlotItem().listDataItems()[0].getOriginalDataset()
    assert y[1] == pytest.approx(100 / 0.811)  # the contract: item 0 stays in kg
    assert chart.axis_label() == "e1RM (lb)"
    axis = chart.getPlotItem().getAxis("left")
    levels = axis.tickValues(100.0, 130.0, 400)  # a kg range; ticks are round pounds
    major = levels[0][1]
    assert [round(v / 0.45359237, 6) for v in major] == [round(v / 0.45359237) for v in major]
    assert axis.tickStrings(major, 1, levels[0][0])[0] == f"{major[0] / 0.45359237:,.0f}"
    assert chart.hover_index(x[1], y[1]) == 1
    assert "220.5 lb × 5 @ RIR 2" in chart.hover_text() and "e1RM 271.8 lb" in chart.hover_text()
    assert page.bodyweight_chart.axis_label() == "Bodyweight (lb)"
    assert page.findChild(QLabel, "bodyweightNote").text() == "Latest 172 lb · trend 174.1 lb"  # 78, 78.95 kg


def read_png(path: Path) -> bytes:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    return data


def test_export_button_writes_the_chart_on_screen_as_png(
    page: HistoryPage, qtbot: QtBot, tmp_path: Path, asked: list[Path]
) -> None:
    qtbot.mouseClick(page.findChild(QPushButton, "exportChartButton"), Qt.MouseButton.LeftButton)
    read_png(tmp_path / "chart-1.png")
    assert asked[0].name == "e1rm-bench-press-2025-06-20.png"
    assert page.findChild(QLabel, "historyStatus").text() == f"Chart saved to {tmp_path / 'chart-1.png'}"


def test_the_shortcut_exports_the_chart_of_the_open_tab_as_svg(
    page: HistoryPage, qtbot: QtBot, tmp_path: Path, asked: list[Path], answer: dict[str, str]
) -> None:
    click_tab(qtbot, page, 1)
    answer["suffix"] = ".svg"
    qtbot.keyClick(
        page.muscles.muscle_combo,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert asked[0].name == "weekly-chest-2025-06-20.png"
    root = ET.parse(tmp_path / "chart-1.svg").getroot()
    assert root.tag.endswith("svg")
    texts = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
    assert "MRV 22" in texts and "Hard sets / week" in texts  # chest's landmarks and the axis title
    assert "Chest — Hard sets / week · 3 Jun 2024 – 20 Jun 2025" in texts  # the title says what and when


def test_right_click_menu_exports_that_chart(page: HistoryPage, qtbot: QtBot, tmp_path: Path) -> None:
    click_tab(qtbot, page, 2)
    chart = page.bodyweight_chart
    menu = chart.context_menu()
    assert isinstance(menu, QMenu)
    (action,) = menu.actions()
    assert action.text() == "Export chart as PNG or SVG…"
    action.trigger()
    read_png(tmp_path / "chart-1.png")


def test_a_failed_export_says_so(page: HistoryPage, qtbot: QtBot, tmp_path: Path) -> None:
    page._choose_file = lambda _p, _s, done: done(tmp_path / "missing" / "chart.png")  # type: ignore[method-assign]
    qtbot.mouseClick(page.findChild(QPushButton, "exportChartButton"), Qt.MouseButton.LeftButton)
    status = page.findChild(QLabel, "historyStatus")
    assert status.isVisible() and status.text().startswith("The chart was not saved")
