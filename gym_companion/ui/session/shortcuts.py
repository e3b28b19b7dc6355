"""The keyboard shortcuts overlay (F1): everything on the session page works without a mouse."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+1 / 2 / 3", "Session / History / Recovery"),
    ("Ctrl+,", "Preferences: training, units, rest timer, recovery, events"),
    ("Ctrl+Shift+L", "Exercises: your own exercises' muscles, equipment, failure safety"),
    ("Ctrl+E", "Find and add an exercise (↑/↓ choose, Enter add)"),
    ("Ctrl+R", "Start a workout: empty or from a routine (↑/↓, Enter)"),
    ("Ctrl+Shift+R", "Edit routines (a separate window; Esc closes)"),
    ("Ctrl+N / Ctrl+Shift+N", "Note on this exercise / the workout's name and notes"),
    ("Ctrl+Shift+T", "Save this workout as a routine"),
    ("weight, Tab, reps, Enter", "Log a set"),
    ("Alt+K / Alt+W / Alt+D", "Set type: working / warm-up / drop"),
    ("0–5, T, F, Esc", "After a set: reps left, technical or absolute failure, skip"),
    ("Ctrl+T", "Go to the sets table; then R re-rate, E edit, Delete delete"),
    ("Ctrl+Z", "Undo the last delete"),
    ("Ctrl+↑ / Ctrl+↓", "Previous / next exercise in the workout"),
    ("Ctrl+G / Ctrl+Shift+G", "Superset with the exercise above / take it out"),
    ("Ctrl++ / Ctrl+− / Ctrl+Shift+S", "Rest timer: +15 s / −15 s / skip"),
    ("Ctrl+B", "Weigh in (Enter saves); in its list Delete removes, Ctrl+Z undoes"),
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
        self._return_to: QWidget | None = None
        self.hide()

    def toggle(self) -> None:
        """Show (centred over the page) or hide."""
        if self.isVisible():
            self.hide()
            return
        parent = self.parentWidget()
        assert parent is not None
        self._return_to = QApplication.focusWidget()
        self.adjustSize()
        self.move((parent.width() - self.width()) // 2, max(10, (parent.height() - self.height()) // 3))
        self.show()
        self.raise_()
        self.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        """Give the keyboard back to where it was, so the page's shortcuts keep working."""
        super().hideEvent(event)
        target, self._return_to = self._return_to, None
        if target is not None and shiboken6.isValid(target) and target.isVisible():
            target.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc or F1 closes."""
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1):
            self.hide()
            return
        super().keyPressEvent(event)
