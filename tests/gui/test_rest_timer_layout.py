"""The rest countdown keeps one size while it runs: its text changes repaint the label alone (idle CPU),
and every text it shows still fits."""

from __future__ import annotations

from helpers.clock import FakeClock
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.ui.session.alarm import RestAlarm
from gym_companion.ui.session.rest_timer import RestTimerPanel


def test_the_countdown_label_is_pinned_to_the_panel_and_fits_overtime(qtbot: QtBot) -> None:
    clock = FakeClock()
    column = QWidget()  # as on the Session page: a fixed-width column
    column.setFixedWidth(300)
    panel = RestTimerPanel(clock.clocks(), RestAlarm(sound_enabled=False))
    QVBoxLayout(column).addWidget(panel)
    qtbot.addWidget(column)
    column.show()
    qtbot.waitExposed(column)
    label = panel.findChild(QLabel, "restRemainingLabel")
    assert label.minimumSize() == label.maximumSize() == label.size()  # fixed: no relayout per second
    assert label.width() > 0.8 * panel.width()

    panel.start(90)
    shown = []
    for seconds in (0, 1, 31, 95):  # 90, 89, 58 and −37 s left
        clock.advance(seconds)
        panel.tick()
        shown.append(label.text())
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
    assert shown == ["1:30", "1:29", "0:58", "+0:37"]
    assert label.size() == label.minimumSize()  # the same size throughout
