"""The History page's Records tab: the chosen exercise's PR list and the recent PRs, driven by mouse."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from helpers.history_seed import D1, D2, OLD, logged_at, seeded_context
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from gym_companion.domain.model import WeightUnit
from gym_companion.services.context import AppContext
from gym_companion.ui.history.page import HistoryPage


@pytest.fixture
def context(db_path: Path) -> Iterator[AppContext]:
    with seeded_context(db_path) as ctx:
        yield ctx


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> HistoryPage:
    """The page on screen with the Records tab chosen by a click on its tab."""
    widget = HistoryPage(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    bar = widget.side_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert widget.side_tabs.currentWidget() is widget.records
    return widget


def rows(page: HistoryPage, name: str) -> list[list[str]]:
    table = page.findChild(QTableWidget, name)
    assert table is not None and table.isVisible()
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def day(moment) -> str:  # type: ignore[no-untyped-def]
    return f"{moment.astimezone():%d %b %Y}"


def test_the_pr_list_shows_heaviest_best_e1rm_and_most_reps_at_each_load(page: HistoryPage) -> None:
    assert page.findChild(QLabel, "recordsTitle").text() == "Records — Bench Press"
    assert rows(page, "exerciseRecords") == [
        ["Heaviest weight", "102.5 kg × 5", day(logged_at(D2, 1))],
        ["Best e1RM", "126.4 kg  (102.5 kg × 5 @ RIR 2)", day(logged_at(D2, 1))],
        ["Most reps at 102.5 kg", "5 reps", day(logged_at(D2, 1))],
        ["Most reps at 100 kg", "6 reps", day(logged_at(D1, 1))],  # the technical-failure set
        ["Most reps at 80 kg", "5 reps", day(logged_at(OLD, 0))],
    ]


def test_the_pr_list_follows_the_exercise_combo(page: HistoryPage, qtbot: QtBot) -> None:
    combo = page.findChild(QComboBox, "historyExercise")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Squat"
    assert page.findChild(QLabel, "recordsTitle").text() == "Records — Squat"
    table = rows(page, "exerciseRecords")
    assert table[:2] == [
        ["Heaviest weight", "150 kg × 2", day(logged_at(D2, 0))],
        ["Best e1RM", "173.8 kg  (150 kg × 2 @ RIR 3)", day(logged_at(D2, 0))],
    ]
    assert [r[0] for r in table[2:]] == ["Most reps at 150 kg", "Most reps at 140 kg"]


def test_recent_prs_list_every_exercise_newest_first_with_what_they_beat(
    page: HistoryPage, qtbot: QtBot
) -> None:
    # The last 30 days before 20 June 2025: D1 (2 June) and D2 (9 June). OLD (June 2024) is the bench
    # baseline, D1 is the squat's. In D2 the bench sets come after the squat's, so they are listed first.
    assert rows(page, "recentRecords") == [
        [day(D2), "Bench Press", "Heaviest weight 102.5 kg", "+2.5 kg"],
        [day(D2), "Bench Press", "Best e1RM 126.4 kg", "+3.1 kg"],  # 126.39 - 123.30
        [day(D2), "Squat", "Heaviest weight 150 kg", "+10 kg"],
        [day(D2), "Squat", "Best e1RM 173.8 kg", "+11.6 kg"],  # 173.81 - 162.22
        [day(D1), "Bench Press", "Heaviest weight 100 kg", "+20 kg"],
        [day(D1), "Bench Press", "Best e1RM 123.3 kg", "+24.7 kg"],  # 123.30 - 98.64
    ]
    table = page.findChild(QTableWidget, "recentRecords")
    assert table.item(0, 3).toolTip() == "Previous best 100 kg"
    assert not page.findChild(QLabel, "recentRecordsEmpty").isVisible()


def test_ninety_days_reach_back_no_further_than_asked(
    page: HistoryPage, qtbot: QtBot, context: AppContext
) -> None:
    qtbot.mouseClick(page.findChild(QPushButton, "recentRecords90"), Qt.MouseButton.LeftButton)
    assert len(rows(page, "recentRecords")) == 6  # nothing between 30 and 90 days ago
    context.now = lambda: D2 + timedelta(days=40)  # type: ignore[method-assign]
    qtbot.mouseClick(page.findChild(QPushButton, "recentRecords30"), Qt.MouseButton.LeftButton)
    assert rows(page, "recentRecords") == []
    empty = page.findChild(QLabel, "recentRecordsEmpty")
    assert empty.isVisible() and empty.text().startswith("No new records in the last 30 days")


def test_records_read_in_pounds_for_a_pound_lifter(page: HistoryPage, context: AppContext) -> None:
    context.profile.save_settings(replace(context.profile.settings, unit=WeightUnit.LB))
    page.refresh()
    table = rows(page, "exerciseRecords")
    assert table[0][:2] == ["Heaviest weight", "226 lb × 5"]  # 102.5 kg
    assert table[1][1] == "278.6 lb  (226 lb × 5 @ RIR 2)"
    assert table[3][0] == "Most reps at 220.5 lb"  # 100 kg
    assert rows(page, "recentRecords")[0][2:] == ["Heaviest weight 226 lb", "+5.5 lb"]
