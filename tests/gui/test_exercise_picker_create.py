"""QA: the create row showed a missing-glyph box and ran off to the right behind a sideways scroll bar."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.ui.session.exercise_picker import CREATE_ROLE


def create_row(qtbot: QtBot, window: QWidget, typed: str) -> tuple[QListWidget, str]:
    search = window.findChild(QLineEdit, "exerciseSearch")
    search.setFocus()
    qtbot.keyClicks(search, typed)
    matches = window.findChild(QListWidget, "exerciseMatches")
    assert matches.isVisible()
    last = matches.item(matches.count() - 1)
    assert last.data(CREATE_ROLE) == typed
    assert last.toolTip() == f"Create “{typed}” as your own exercise (Enter)"  # the whole sentence on hover
    return matches, last.text()


@pytest.mark.parametrize(
    "typed", ["zzqx nonsense", "my extraordinarily long machine from the gym downstairs"]
)
def test_the_create_row_fits_the_list_in_glyphs_the_font_has(
    qtbot: QtBot, window: QWidget, typed: str
) -> None:
    matches, text = create_row(qtbot, window, typed)
    assert text.startswith("+ Create “")
    metrics = matches.fontMetrics()
    assert all(metrics.inFontUcs4(ord(ch)) for ch in text), text  # no missing-glyph box
    assert metrics.horizontalAdvance(text) <= matches.viewport().width()
    assert not matches.horizontalScrollBar().isVisible()


def test_a_short_name_keeps_the_whole_sentence_and_a_long_one_is_shortened(
    qtbot: QtBot, window: QWidget
) -> None:
    window.resize(1366, 768)
    _matches, text = create_row(qtbot, window, "zq")
    assert text == "+ Create “zq” as your own exercise"
    window.findChild(QLineEdit, "exerciseSearch").clear()
    _matches, text = create_row(qtbot, window, "zq" * 60)
    assert text.startswith("+ Create “zqzq") and text.endswith("…”")
