"""The History range bar: the range in force stands out from the other buttons, in light and in dark."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from gym_companion.ui import theme
from gym_companion.ui.history.range_bar import RangeBar


def fill(button: QPushButton) -> QColor:
    """The button's background: a pixel inside its border, left of the text."""
    image = button.grab().toImage()
    return image.pixelColor(4, image.height() // 2)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_the_checked_range_is_filled_in_the_accent_colour(qtbot: QtBot, dark: bool) -> None:
    """QA: "All" looked like the other buttons in dark mode and only faintly different in light."""
    c = theme.DARK if dark else theme.LIGHT
    bar = RangeBar(lambda: datetime(2026, 3, 2, 12, tzinfo=UTC))
    palette = bar.palette()  # the theme's palette and style sheet, on this widget alone
    for role, colour in ((QPalette.ColorRole.Window, c.background), (QPalette.ColorRole.Button, c.surface)):
        palette.setColor(role, QColor(colour))
    bar.setPalette(palette)
    bar.setStyleSheet(theme.style_sheet(c, dark))
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    checked = bar.findChild(QPushButton, "historyRangeAll")
    other = bar.findChild(QPushButton, "historyRange3m")
    assert checked.isChecked() and not other.isChecked()
    assert fill(checked).name() == c.accent
    assert fill(other).name() != c.accent
    assert contrast(fill(checked), fill(other)) > 2.0  # tells apart at a glance, not a faint shade
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    assert fill(other).name() == c.accent and fill(checked).name() != c.accent
