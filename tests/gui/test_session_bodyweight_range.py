"""QA: a negative weigh-in was refused with the assisted-exercise message; it now names the weigh-in range."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.clock import FakeClock
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.app import create_main_window
from gym_companion.domain.model import WeightUnit
from gym_companion.ui.session.bodyweight_entry import BodyweightPanel

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[QWidget]:
    monkeypatch.setattr(BodyweightPanel, "IDLE_MS", 0)
    win = create_main_window(db_path, FakeClock().clocks())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def weigh_in(qtbot: QtBot, window: QWidget, text: str) -> QLabel:
    qtbot.keyClick(window.session_page, Qt.Key.Key_B, CTRL)  # type: ignore[attr-defined]
    field = window.findChild(QLineEdit, "bodyweightInput")
    assert field.hasFocus()
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    error = window.findChild(QLabel, "bodyweightError")
    assert error.isVisible()
    return error


def stored(window: QWidget) -> int:
    with sqlite3.connect(window.context.db_path) as con:  # type: ignore[attr-defined]
        return int(con.execute("SELECT count(*) FROM bodyweight").fetchone()[0])


@pytest.mark.parametrize("typed", ["-80", "2000", "0"])
def test_an_impossible_weigh_in_names_the_bodyweight_range(qtbot: QtBot, window: QWidget, typed: str) -> None:
    error = weigh_in(qtbot, window, typed)
    assert error.text() == "Bodyweight must be between 20 and 400 kg."
    assert stored(window) == 0


def test_in_pounds_the_range_reads_in_pounds(qtbot: QtBot, window: QWidget) -> None:
    context = window.context  # type: ignore[attr-defined]
    context.profile.save_settings(replace(context.profile.settings, unit=WeightUnit.LB))
    window.session_page.apply_settings()  # type: ignore[attr-defined]
    error = weigh_in(qtbot, window, "-80")
    assert error.text() == "Bodyweight must be between 45 and 881 lb."
    assert stored(window) == 0
