"""Drive the main window as a lifter would: open it on a fake clock, find widgets, log sets by keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.app import create_main_window
from gym_companion.ui.settings.dialog import SettingsDialog
from helpers.clock import FakeClock

W = TypeVar("W", bound=QObject)


def open_main_window(qtbot: QtBot, db_path: Path, clock: FakeClock, *, activate: bool = False) -> QWidget:
    """The main window on `db_path` and `clock`, shown and exposed; with `activate`, also the active window.

    Offscreen windows activate asynchronously, so `activate` waits for it: focus checks are then real.
    """
    win = create_main_window(db_path, clock.clocks())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    if activate:
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
    return win


def child(window: QWidget, cls: type[W], name: str) -> W:
    """The descendant of `window` of class `cls` with object name `name`; fails the test if there is none."""
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def add_exercise(qtbot: QtBot, window: QWidget, text: str) -> None:
    """Type `text` in the exercise search and press Enter, as when picking an exercise by keyboard."""
    search = child(window, QLineEdit, "exerciseSearch")
    search.setFocus()
    qtbot.keyClicks(search, text)
    qtbot.keyClick(search, Qt.Key.Key_Return)


def enter_set(qtbot: QtBot, window: QWidget, weight: str, reps: str, *, focus: bool = True) -> None:
    """Type the weight, Tab, the reps, Enter.

    With `focus` False the weight field is not focused first: it must already have the keyboard.
    """
    weight_input = child(window, QLineEdit, "weightInput")
    reps_input = child(window, QLineEdit, "repsInput")
    if focus:
        weight_input.setFocus()
    weight_input.selectAll()
    qtbot.keyClicks(weight_input, weight)
    qtbot.keyClick(weight_input, Qt.Key.Key_Tab)
    reps_input.selectAll()
    qtbot.keyClicks(reps_input, reps)
    qtbot.keyClick(reps_input, Qt.Key.Key_Return)


def rate(qtbot: QtBot, window: QWidget, rating: str) -> None:
    """Answer the effort prompt with the keys in `rating`, or dismiss it when `rating` is "Esc"."""
    prompt = child(window, QWidget, "rirPrompt")
    if rating == "Esc":
        qtbot.keyClick(prompt, Qt.Key.Key_Escape)
    else:
        qtbot.keyClicks(prompt, rating)


def open_preferences(qtbot: QtBot, window: QWidget) -> SettingsDialog:
    """Ctrl+, as a lifter would press it; returns Preferences once it has the keyboard."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.preferences  # type: ignore[attr-defined]
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog
