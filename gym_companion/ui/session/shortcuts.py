"""The keyboard shortcuts overlay (F1): everything on the session page works without a mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+1 / 2 / 3", "Session / History / Recovery"),
    ("Ctrl+E", "Find and add an exercise (↑/↓ choose, Enter add)"),
    ("Ctrl+N", "Start a workout (from the chosen routine)"),
    ("weight, Tab, reps, Enter", "Log a set"),
    ("Alt+K / Alt+W / Alt+D", "Set type: working / warm-up / drop"),
    ("0–5, T, F, Esc", "After a set: reps left, technical or absolute failure, skip"),
    ("Ctrl+T", "Go to the sets table; then R re-rate, E edit, Delete delete"),
    ("Ctrl+Z", "Undo the last delete"),
    ("Ctrl+↑ / Ctrl+↓", "Previous / next exercise in the workout"),
    ("Ctrl++ / Ctrl+− / Ctrl+Shift+S", "Rest timer: +15 s / −15 s / skip"),
    ("Ctrl+Shift+F", "Finish the workout"),
    ("F1", "Show or hide this list"),
)


class ShortcutsOverlay(QWidget):
    """A panel over the page listing the shortcuts; Esc or F1 closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#shortcutsOverlay { background: palette(base); border: 2px solid palette(highlight); }"
        )
        rows = "".join(
            f"<tr><td style='padding:4px 18px 4px 0'><b>{keys}</b></td><td>{what}</td></tr>"
            for keys, what in SHORTCUTS
        )
        label = QLabel(f"<h2>Keyboard shortcuts</h2><table>{rows}</table><p>Esc closes.</p>")
        label.setStyleSheet("font-size: 13pt;")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.hide()

    def toggle(self) -> None:
        """Show (centred over the page) or hide."""
        if self.isVisible():
            self.hide()
            return
        parent = self.parentWidget()
        assert parent is not None
        self.adjustSize()
        self.move((parent.width() - self.width()) // 2, max(10, (parent.height() - self.height()) // 3))
        self.show()
        self.raise_()
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc or F1 closes."""
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1):
            self.hide()
            return
        super().keyPressEvent(event)
