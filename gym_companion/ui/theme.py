"""Light and dark palettes that follow the system, with large, high-contrast type for the bench."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget


@dataclass(frozen=True)
class Colors:
    """Semantic colours used by widgets and charts."""

    background: str
    surface: str
    text: str
    muted: str
    accent: str
    ready: str
    caution: str
    rest: str
    failure: str


LIGHT = Colors(
    "#f7f7f5", "#ffffff", "#1b1d1f", "#5d6368", "#1f6feb", "#1a7f37", "#b35900", "#c62828", "#8e24aa"
)
DARK = Colors(
    "#17191c", "#202327", "#eceff1", "#a3abb3", "#58a6ff", "#3fb950", "#f0883e", "#f47067", "#d2a8ff"
)


def is_dark() -> bool:
    """Whether the system asks for a dark appearance."""
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def colors() -> Colors:
    """The palette in force."""
    return DARK if is_dark() else LIGHT


class IndicatorStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons outlined in `outline` (the dark theme's muted grey).

    Fusion outlines them in the window colour darkened, which on a near-black window is black on black:
    a tick box in Preferences or a muscle list could not be found. Check marks keep the text colour.
    """

    _INDICATORS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    )

    def __init__(self, outline: str | None) -> None:
        super().__init__("Fusion")
        self._outline = QColor(outline) if outline else None

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Indicators get a visible outline (Fusion derives it from the palette's window colour)."""
        if self._outline is None or element not in self._INDICATORS:
            super().drawPrimitive(element, option, painter, widget)
            return
        original = option.palette
        palette = QPalette(original)
        # Fusion draws the outline as window.darker(140–150): a light window makes a mid-grey ring.
        palette.setColor(QPalette.ColorRole.Window, self._outline.lighter(150))
        option.palette = palette
        try:
            super().drawPrimitive(element, option, painter, widget)
        finally:
            option.palette = original


def apply_theme(app: QApplication) -> None:
    """Fusion style with a palette matching the system's light/dark choice."""
    dark = is_dark()
    # The proxy costs a Python call per drawn primitive (every frame, every widget): only where it is needed.
    app.setStyle(IndicatorStyle(DARK.muted) if dark else "Fusion")
    c = DARK if dark else LIGHT
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(c.background))
    palette.setColor(QPalette.ColorRole.Base, QColor(c.surface))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor(c.background))
    palette.setColor(QPalette.ColorRole.Text, QColor(c.text))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(c.text))
    palette.setColor(QPalette.ColorRole.Button, QColor(c.surface))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(c.text))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(c.accent))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(c.muted))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor(c.surface))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(c.text))
    palette.setColor(QPalette.ColorRole.Link, QColor(c.accent))
    # Disabled widgets must look disabled (the roles above set every colour group alike).
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.muted))
    app.setPalette(palette)
    font = app.font()
    if font.pointSizeF() < 11:
        font.setPointSizeF(11)
        app.setFont(font)
    app.setStyleSheet(style_sheet(c, dark))


def style_sheet(c: Colors, dark: bool) -> str:
    """The application style sheet for palette `c`: tooltips, tabs, label roles, buttons.

    Checkable buttons with role "segment" (the History range) fill the checked one in the accent colour:
    Fusion's checked shade differs from the others by a few percent, invisible in the dark theme.
    """
    return f"""
        QToolTip {{ color: {c.text}; background: {c.surface}; border: 1px solid {c.muted}; padding: 4px; }}
        QTabBar::tab {{ padding: 8px 22px; font-size: 13pt; }}
        QLabel[role="muted"] {{ color: {c.muted}; }}
        QLabel[role="title"] {{ font-size: 16pt; font-weight: 600; }}
        QLabel[role="big"] {{ font-size: 40pt; font-weight: 700; }}
        QLabel[role="error"] {{ color: {c.rest}; font-weight: 600; }}
        QPushButton {{ padding: 6px 14px; }}
        QPushButton[role="segment"]:checked {{
            background: {c.accent}; color: {c.background if dark else "#ffffff"};
            border: 1px solid {c.accent}; border-radius: 3px;
        }}
        """
