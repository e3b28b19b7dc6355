"""The advice list under the sets table: long advice wraps and every row stays readable, never sideways."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.domain.guidance import Advice, AdviceLevel
from gym_companion.ui.widgets.advice_list import fill_advice_list

ADVICE = [
    Advice("F6", AdviceLevel.CAUTION, "Bench Press: go to failure only with a spotter or safety pins.", "a"),
    Advice("F9", AdviceLevel.CAUTION, "10K race in 2 days: leave failure sets for after it.", "b"),
    Advice("F11", AdviceLevel.CAUTION, "Failure set 5 this week, past your cap of 4: keep it short.", "c"),
    Advice("F14", AdviceLevel.INFO, "Baseline for Leg Press: 120 kg × 11 to failure. Retest soon.", "d"),
]


def _list_in(qtbot: QtBot, width: int) -> tuple[QWidget, QListWidget]:
    holder = QWidget()
    qtbot.addWidget(holder)
    view = QListWidget()
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    QVBoxLayout(holder).addWidget(view)
    holder.resize(width, 400)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, view  # the caller keeps the holder alive


def test_a_narrow_list_grows_so_wrapped_advice_is_not_cut_off(qtbot: QtBot) -> None:
    (_a, wide), (_b, narrow) = _list_in(qtbot, 900), _list_in(qtbot, 300)
    fill_advice_list(wide, ADVICE)
    fill_advice_list(narrow, ADVICE)
    assert [narrow.item(i).data(Qt.ItemDataRole.UserRole) for i in range(4)] == ["F6", "F9", "F11", "F14"]
    assert narrow.height() > wide.height() * 1.5  # each message takes two lines or more at 300 px
    line = narrow.fontMetrics().height()
    assert narrow.height() >= 8 * line  # four rows of at least two lines each fit without scrolling
