"""The workout's name and notes: shown under the header, edited inline (Ctrl+Shift+N; Esc cancels)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gym_companion.domain.model import WorkoutSession


class WorkoutDetails(QFrame):
    """Emits `saved(name, notes)` when Enter is pressed; `show_error` says inline why it was not saved.

    The frame is the editor row, visible while editing; `notes_label` (the notes, muted) is placed by the
    page in its header, beside the workout's name.
    """

    saved = Signal(str, str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workoutDetails")
        self.notes_label = QLabel()
        self.notes_label.setObjectName("workoutNotesLabel")
        self.notes_label.setProperty("role", "muted")
        self.notes_label.setMinimumWidth(0)
        self.notes_label.setToolTip("The workout's notes (Ctrl+Shift+N to edit)")
        self.name_input = QLineEdit()
        self.name_input.setObjectName("workoutNameInput")
        self.name_input.setPlaceholderText("Workout name")
        self.notes_input = QLineEdit()
        self.notes_input.setObjectName("workoutNotesInput")
        self.notes_input.setPlaceholderText("Notes on the whole workout — sleep, energy, gym, anything")
        for field in (self.name_input, self.notes_input):
            field.setStyleSheet("font-size: 13pt; padding: 3px;")
            field.returnPressed.connect(self._save)
        save = QPushButton("Save (Enter)")
        save.clicked.connect(self._save)
        cancel = QPushButton("Cancel (Esc)")
        cancel.clicked.connect(self.close_editor)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(QLabel("Name"))
        row.addWidget(self.name_input, 1)
        row.addWidget(QLabel("Notes"))
        row.addWidget(self.notes_input, 2)
        row.addWidget(save)
        row.addWidget(cancel)
        self.editor = QWidget()
        self.editor.setLayout(row)
        self.editor.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        layout.addWidget(self.error)
        self._session: WorkoutSession | None = None

    @property
    def editing(self) -> bool:
        """Whether the inline editor is open."""
        return self.editor.isVisible()

    def show_session(self, session: WorkoutSession | None) -> None:
        """Show the workout's notes (or nothing); closes the editor when there is no workout."""
        self._session = session
        if session is None:
            self.close_editor()
        self.show_session_label()

    def open_editor(self) -> None:
        """Open the inline editor with the current name and notes (Ctrl+Shift+N)."""
        if self._session is None:
            return
        self.name_input.setText(self._session.name)
        self.notes_input.setText(self._session.notes)
        self.error.hide()
        self.editor.show()
        self.show()
        self.notes_input.setFocus()
        self.notes_input.selectAll()

    def close_editor(self) -> None:
        """Close the editor without saving."""
        was_open = self.editing
        self.editor.hide()
        self.error.hide()
        self.show_session_label()
        if was_open:
            self.closed.emit()

    def show_session_label(self) -> None:
        """Show the notes beside the name (if there are any); the frame only while editing."""
        notes = self._session.notes if self._session else ""
        metrics = self.notes_label.fontMetrics()
        shown = metrics.elidedText(f"Notes: {notes}", Qt.TextElideMode.ElideRight, 520) if notes else ""
        self.notes_label.setText(shown)
        self.notes_label.setToolTip(f"{notes}\n(Ctrl+Shift+N to edit)" if notes else "")
        self.setVisible(self.editing)  # the label stays in the header (empty without notes) to hold its place

    def show_error(self, message: str) -> None:
        """Say why the change was not saved; the editor stays open."""
        self.error.setText(message)
        self.error.show()
        self.name_input.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc cancels."""
        if event.key() == Qt.Key.Key_Escape and self.editing:
            self.close_editor()
            return
        super().keyPressEvent(event)

    def _save(self) -> None:
        self.saved.emit(self.name_input.text(), self.notes_input.text())
