"""At 1366 × 768 the Session page's side column (bodyweight, this week) fits without a scrollbar in the
common states: a rest running with a two-line "Next", the resume banner, a bodyweight error."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.clock import FakeClock
from helpers.session_driver import add_exercise, enter_set, rate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.app import create_main_window
from gym_companion.services.demo import write_demo_history
from gym_companion.ui.session.bodyweight_entry import BodyweightPanel
from gym_companion.ui.session.speech import RestCuePlayer
from gym_companion.ui.session.week_glance import WeekGlance


def opened(qtbot: QtBot, db_path: Path, clock: FakeClock) -> QWidget:
    window = create_main_window(db_path, clock.clocks())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    glance = window.findChild(WeekGlance, "weekGlance")
    qtbot.waitUntil(lambda: glance.report is not None)  # the bars are in
    return window


def scroll_range(window: QWidget) -> int:
    """How far the side column would scroll (0: everything fits)."""
    area = window.findChild(QScrollArea, "sideColumn")
    return area.verticalScrollBar().maximum()


def test_the_side_column_fits_a_laptop_screen(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for panel in (BodyweightPanel, WeekGlance, RestCuePlayer):
        monkeypatch.setattr(panel, "IDLE_MS", 0)
    clock = FakeClock()
    write_demo_history(db_path, years=0.2, seed=3, end=clock.now())  # weigh-ins, a full week, an event
    first = opened(qtbot, db_path, clock)
    add_exercise(qtbot, first, "incline dumbbell press")
    enter_set(qtbot, first, "30", "10")
    rate(qtbot, first, "2")
    next_line = first.findChild(QLabel, "restNextSet")
    qtbot.waitUntil(lambda: next_line.text().startswith("Next: Incline Dumbbell Press"))
    assert next_line.height() > 1.5 * next_line.fontMetrics().height()  # the long name takes two lines
    assert scroll_range(first) == 0
    first.close()

    second = opened(qtbot, db_path, clock)  # resumed: the banner shows
    assert second.findChild(QLabel, "resumeBanner").isVisible()
    assert scroll_range(second) == 0
    qtbot.keyClick(second.session_page, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    field = second.findChild(QLineEdit, "bodyweightInput")
    qtbot.keyClicks(field, "8")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    error = second.findChild(QLabel, "bodyweightError")
    assert error.isVisible() and "between" in error.text()
    assert scroll_range(second) == 0  # the message takes the recent list's place …
    recent = second.findChild(QWidget, "bodyweightRecent")
    assert not recent.isVisible()
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # … which comes back once it is dealt with
    assert recent.isVisible() and not error.isVisible()
    second.close()
