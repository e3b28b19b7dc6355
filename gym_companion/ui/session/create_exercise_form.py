"""Inline form to make a custom exercise from the search box: name, main muscle, compound or isolation.

"Muscles and more…" (Alt+M) opens the full exercise editor with what is filled in here, for secondary
muscles, equipment and failure safety.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from gym_companion.domain.model import Mechanics, Muscle


class CreateExerciseForm(QFrame):
    """The form's fields; emits `created(name, Muscle, Mechanics)` on Enter or Create, and
    `details_requested(name, Muscle, Mechanics)` for the full editor."""

    created = Signal(str, object, object)
    details_requested = Signal(str, object, object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("createExerciseForm")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLineEdit()
        self.muscle = QComboBox()
        for muscle in Muscle:
            self.muscle.addItem(muscle.label, muscle.value)
        self.mechanics = QComboBox()
        self.mechanics.addItem("Isolation", Mechanics.ISOLATION.value)
        self.mechanics.addItem("Compound", Mechanics.COMPOUND.value)
        self.muscle.setToolTip(
            "The muscle this exercise trains most: it decides the recovery and weekly counts"
        )
        self.muscle_hint = QLabel()
        self.muscle_hint.setProperty("role", "muted")
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        create = QPushButton("Create")
        create.clicked.connect(self._create)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.hide)
        details = QPushButton("&Muscles and more…")
        details.setObjectName("createExerciseDetails")
        details.setToolTip(
            "Open the exercise editor (Alt+M): primary and secondary muscles, equipment, failure safety"
        )
        details.clicked.connect(self._details)
        self.name.returnPressed.connect(self._create)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("New exercise"))
        layout.addWidget(self.name)
        layout.addWidget(QLabel("Main muscle"))
        layout.addWidget(self.muscle)
        layout.addWidget(self.muscle_hint)
        layout.addWidget(self.mechanics)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(create)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        layout.addWidget(details)
        self.hide()

    def open_for(self, name: str, guess: Muscle | None = None, guessed_from: str = "") -> None:
        """Show the form for a name typed in the search; the muscle is chosen next, preselected with the
        main muscle of the closest library exercise (`guessed_from`) when there is one."""
        self.name.setText(name)
        self.error.clear()
        index = self.muscle.findData(guess.value) if guess is not None else -1
        self.muscle.setCurrentIndex(max(index, 0))
        self.muscle_hint.setText(f"Guessed from {guessed_from}" if index >= 0 and guessed_from else "")
        self.muscle_hint.setVisible(bool(self.muscle_hint.text()))
        self.show()
        self.muscle.setFocus()

    def show_error(self, message: str) -> None:
        """Say why the exercise was not created."""
        self.error.setText(message)

    def _details(self) -> None:
        self.details_requested.emit(
            self.name.text(), Muscle(self.muscle.currentData()), Mechanics(self.mechanics.currentData())
        )

    def _create(self) -> None:
        self.created.emit(
            self.name.text(), Muscle(self.muscle.currentData()), Mechanics(self.mechanics.currentData())
        )
