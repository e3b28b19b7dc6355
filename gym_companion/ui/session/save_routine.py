"""Save the current (or just finished) workout as a routine: a name, Enter (Ctrl+Shift+T opens it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class SaveRoutineForm(QFrame):
    """An inline row: 'Save as routine [name] Save'. Emits `save_requested(name)`."""

    save_requested = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveRoutineForm")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name_input = QLineEdit()
        self.name_input.setObjectName("saveRoutineName")
        self.name_input.setPlaceholderText("Routine name")
        self.name_input.setStyleSheet("font-size: 13pt; padding: 3px;")
        self.name_input.returnPressed.connect(self._save)
        self.save_button = QPushButton("Save as routine (Enter)")
        self.save_button.setObjectName("saveRoutineButton")
        self.save_button.clicked.connect(self._save)
        cancel = QPushButton("Cancel (Esc)")
        cancel.clicked.connect(self.close_form)
        self.message = QLabel()
        self.message.setObjectName("saveRoutineMessage")
        self.message.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.addWidget(QLabel("Save this workout as a routine:"))
        layout.addWidget(self.name_input, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(cancel)
        layout.addWidget(self.message, 1)
        self.hide()

    def open_for(self, name: str) -> None:
        """Show the form with a suggested name, ready to type."""
        self.name_input.setText(name)
        self.name_input.setEnabled(True)
        self.save_button.setEnabled(True)
        self.message.clear()
        self.show()
        self.name_input.setFocus()
        self.name_input.selectAll()

    def show_result(self, text: str, done: bool) -> None:
        """Say what happened; after a save the form stays visible with the message until closed."""
        self.message.setText(text)
        self.message.setProperty("role", "muted" if done else "error")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        if done:
            self.name_input.setEnabled(False)
            self.save_button.setEnabled(False)

    def close_form(self) -> None:
        """Hide the form."""
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_form()
            return
        super().keyPressEvent(event)

    def _save(self) -> None:
        self.save_requested.emit(self.name_input.text())
