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


def test_long_overtime_fits_without_resizing_the_label(qtbot: QtBot) -> None:
    """QA: "+11:1" lost its last digit. Every overtime up to hours fits the pinned label in full."""
    clock = FakeClock()
    column = QWidget()
    column.setFixedWidth(300)
    panel = RestTimerPanel(clock.clocks(), RestAlarm(sound_enabled=False))
    QVBoxLayout(column).addWidget(panel)
    qtbot.addWidget(column)
    column.show()
    qtbot.waitExposed(column)
    label = panel.findChild(QLabel, "restRemainingLabel")
    pinned = label.size()

    panel.start(90)
    shown = []
    sizes = []
    for seconds in (90 + 675, 3599 - 675, 1, 3723 - 3600, 9 * 3600):  # +11:15, +59:59, +1:00:00 …
        clock.advance(seconds)
        panel.tick()
        label.ensurePolished()
        shown.append(label.text())
        sizes.append(panel.point_size)
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
        assert label.size() == pinned  # no relayout: the same size throughout
    assert shown == ["+11:15", "+59:59", "+1:00:00", "+1:02:03", "+10:02:03"][: len(shown)]
    assert sizes[0] == sizes[1]  # the font does not jump within the minutes
    assert sizes[2] <= sizes[1]  # and shrinks at most once, at the hour
    assert len(set(sizes[2:])) == 1
