"""This week at a glance on the session page: the Recovery page's numbers for a seeded week, kept current as
sets are logged, folding away, and linking to History and Recovery."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers.clock import FakeClock
from helpers.session_driver import add_exercise, enter_set, open_main_window, rate
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.domain.effort import Rating
from gym_companion.domain.model import TrainingEvent
from gym_companion.services.session_factory import open_context
from gym_companion.ui.session.week_glance import WeekGlance

MONDAY_5PM = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)  # FakeClock's start: a Monday


def seed_week(db_path: Path) -> None:
    """Sunday (last week): squats. Monday: 3 × bench at RIR 2, curls with a failure set. A race Thursday."""
    clock = {"now": MONDAY_5PM - timedelta(days=1, hours=6)}
    context = open_context(db_path, lambda: clock["now"])
    try:
        log = context.workout_log

        def workout(sets: dict[str, list[tuple[float, int, Rating]]]) -> None:
            log.start()
            for name, done in sets.items():
                exercise = context.catalog.find(name)
                assert exercise is not None
                log.add_exercise(exercise)
                for kg, reps, rating in done:
                    clock["now"] += timedelta(minutes=3)
                    log.rate(log.log_set(kg, reps), rating)
            log.finish()

        workout({"Squat": [(100.0, 5, Rating.RIR_2)] * 3})
        clock["now"] = MONDAY_5PM - timedelta(hours=3)  # Monday in any time zone from UTC−10 to +10
        workout(
            {
                "Bench Press": [(80.0, 8, Rating.RIR_2)] * 3,
                "Barbell Curl": [(30.0, 10, Rating.RIR_2), (30.0, 9, Rating.ABSOLUTE)],
            }
        )
        clock["now"] = MONDAY_5PM - timedelta(hours=1)
        context.profile.save_event(TrainingEvent("10K race", MONDAY_5PM + timedelta(days=2, hours=16), 72))
    finally:
        context.close()


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[QWidget]:
    monkeypatch.setattr(WeekGlance, "IDLE_MS", 0)
    seed_week(db_path)
    win = open_main_window(qtbot, db_path, FakeClock(MONDAY_5PM))
    yield win
    win.close()


def glance(window: QWidget) -> WeekGlance:
    return window.session_page.week_glance  # type: ignore[attr-defined,no-any-return]


def bars(window: QWidget) -> dict[str, str]:
    shown = glance(window).bars
    return {row.recovery.muscle.label: shown.text_of(row).rsplit(" ", 1)[1] for row in shown.rows}


def test_the_seeded_week_in_numbers(qtbot: QtBot, window: QWidget) -> None:
    panel = glance(window)
    qtbot.waitUntil(lambda: panel.report is not None)  # read in the first pause after start
    lines = panel.plain_text().splitlines()
    race = MONDAY_5PM + timedelta(days=2, hours=16)
    window_start = (race - timedelta(hours=72)).astimezone()
    assert lines[:3] == [
        "1 workout",
        "Failure sets 1 of 10",
        f"No failure now: 10K race, {race.astimezone():%a %H:%M}",
    ]
    week = bars(window)
    assert (week["Chest"], week["Triceps"], week["Front delts"], week["Biceps"]) == ("3", "1.5", "1.5", "2")
    assert week["Quads"] == "0"  # Sunday's squats were last week
    assert "Forearms" not in week  # no landmarks for forearms: no bar
    assert f"from {window_start:%a %H:%M} (rule F9)" in panel.event_label.toolTip()
    assert "a split lifter" in panel.failure_label.toolTip()
    assert "rules F10, F11" in panel.failure_label.toolTip()  # a rule, not a key: no "(F11)"
    assert "Change it in Edit › Preferences (Ctrl+,)." in panel.failure_label.toolTip()


def test_logging_a_set_updates_the_glance_in_the_next_pause(qtbot: QtBot, window: QWidget) -> None:
    panel = glance(window)
    qtbot.waitUntil(lambda: panel.report is not None)
    add_exercise(qtbot, window, "bench press")
    enter_set(qtbot, window, "80", "8", focus=False)
    rate(qtbot, window, "F")  # absolute failure
    qtbot.waitUntil(lambda: bars(window)["Chest"] == "4")
    assert panel.plain_text().splitlines()[:2] == ["2 workouts", "Failure sets 2 of 10"]


def test_the_parts_open_their_pages_and_the_panel_folds(qtbot: QtBot, window: QWidget) -> None:
    panel = glance(window)
    qtbot.waitUntil(lambda: panel.report is not None)
    tabs = window.tabs  # type: ignore[attr-defined]
    qtbot.mouseClick(panel.bars, Qt.MouseButton.LeftButton, pos=QPoint(60, 5))
    assert tabs.currentWidget().objectName() == "recoveryPage"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    sessions = window.findChild(QLabel, "weekSessions")
    qtbot.mouseClick(sessions, Qt.MouseButton.LeftButton, pos=QPoint(8, sessions.height() // 2))
    assert tabs.currentWidget().objectName() == "historyPage"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert not panel.body.isVisible()
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert panel.body.isVisible() and panel.bars.isVisible()
