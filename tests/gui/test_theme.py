"""The dark theme's check boxes and radio buttons can be seen: their outline stands out from the window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyleFactory, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.ui.theme import DARK, IndicatorStyle


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, DARK.background),
        (QPalette.ColorRole.Base, DARK.surface),
        (QPalette.ColorRole.Text, DARK.text),
        (QPalette.ColorRole.WindowText, DARK.text),
        (QPalette.ColorRole.Button, DARK.surface),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def indicator_contrast(qtbot: QtBot, widget: QWidget) -> int:
    """The largest difference in lightness between the window and any pixel of the indicator (left 20 px)."""
    widget.setPalette(dark_palette())
    widget.setAutoFillBackground(True)
    qtbot.addWidget(widget)
    widget.resize(160, 30)
    image = widget.grab().toImage()
    window = QColor(DARK.background).lightness()
    return max(
        abs(image.pixelColor(x, y).lightness() - window)
        for x in range(min(20, image.width()))
        for y in range(image.height())
    )


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_indicators_stand_out_on_the_dark_window(qtbot: QtBot, kind: type[QWidget]) -> None:
    plain, fixed = kind("Failure features"), kind("Failure features")
    fusion = QStyleFactory.create("Fusion")
    ours = IndicatorStyle(DARK.muted)
    plain.setStyle(fusion)
    fixed.setStyle(ours)
    before, after = indicator_contrast(qtbot, plain), indicator_contrast(qtbot, fixed)
    assert before < 40  # Fusion: a black ring on a near-black window
    assert after > 100  # ours: a light grey ring, as visible as the muted text
