"""The finish summary by keyboard: a failure set followed only by drop sets is still "at the end" (F4); one
followed by another working set is not."""

from __future__ import annotations

from helpers.clock import FakeClock
from helpers.session_driver import add_exercise, child, enter_set, rate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot


def log(qtbot: QtBot, window: QWidget, clock: FakeClock, weight: str, reps: str, rating: str) -> None:
    """Type weight, Tab, reps, Enter, then answer the effort prompt with one key (or Esc)."""
    enter_set(qtbot, window, weight, reps)
    assert child(window, QWidget, "rirPrompt").isVisible()
    rate(qtbot, window, rating)
    clock.advance(90)


def set_type(qtbot: QtBot, window: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(window.session_page, key, Qt.KeyboardModifier.AltModifier)  # type: ignore[attr-defined]


def finish(qtbot: QtBot, window: QWidget) -> QLabel:
    qtbot.mouseClick(child(window, QPushButton, "finishWorkoutButton"), Qt.MouseButton.LeftButton)
    assert child(window, QWidget, "workoutSummary").isVisible()
    body = child(window, QLabel, "summaryBody")
    assert isinstance(body, QLabel)
    return body


def test_failure_then_drop_sets_is_at_the_end(qtbot: QtBot, window: QWidget, clock: FakeClock) -> None:
    add_exercise(qtbot, window, "dumbbell curl")
    log(qtbot, window, clock, "14", "10", "2")
    log(qtbot, window, clock, "14", "8", "f")  # absolute failure…
    set_type(qtbot, window, Qt.Key.Key_D)  # …then two drop sets straight after it
    log(qtbot, window, clock, "10", "8", "Esc")
    log(qtbot, window, clock, "6", "8", "t")
    body = finish(qtbot, window)
    assert (
        "Dumbbell Curl, set 2 of 4 (exercise 1 of 1): absolute failure, then 2 drop sets, at the end ✓"
        in body.text()
    )
    assert "set 4 of 4 (exercise 1 of 1): technical failure, at the end ✓" in body.text()  # the last drop
    assert "not at the end" not in body.text()
    assert "Drop sets straight after a failure set" in body.toolTip()


def test_failure_then_another_working_set_is_not_at_the_end(
    qtbot: QtBot, window: QWidget, clock: FakeClock
) -> None:
    add_exercise(qtbot, window, "dumbbell curl")
    log(qtbot, window, clock, "14", "8", "f")
    set_type(qtbot, window, Qt.Key.Key_D)
    log(qtbot, window, clock, "10", "8", "Esc")
    set_type(qtbot, window, Qt.Key.Key_K)
    log(qtbot, window, clock, "14", "6", "1")
    body = finish(qtbot, window).text()
    assert (
        "Dumbbell Curl, set 1 of 3 (exercise 1 of 1): absolute failure, not at the end of the workout" in body
    )
