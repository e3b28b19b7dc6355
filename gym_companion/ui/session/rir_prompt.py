"""The one question after every working set: reps left (0–5+) or technical / absolute failure (F1).

Non-modal: a panel inside the session page that takes the keyboard focus while it is open.
Keys: 0–5 (5 = 5+), T technical failure, F absolute failure, Esc = not rated.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gym_companion.domain.effort import Rating, rating_from_key
from gym_companion.domain.guidance import FAILURE_SCIENCE_NOTE
from gym_companion.domain.model import FailureKind

_ORDER = (
    Rating.RIR_5,
    Rating.RIR_4,
    Rating.RIR_3,
    Rating.RIR_2,
    Rating.RIR_1,
    Rating.RIR_0,
    Rating.TECHNICAL,
    Rating.ABSOLUTE,
)


class RirPrompt(QFrame):
    """Asks how close to failure the set was; emits `rated(Rating)` or `dismissed()`."""

    rated = Signal(object)  # Rating
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rirPrompt")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        self.question = QLabel("How many more reps could you have done?")
        self.question.setProperty("role", "title")
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        grid = QGridLayout()
        self.buttons: dict[Rating, QPushButton] = {}
        for column, rating in enumerate(_ORDER):
            button = QPushButton(rating.label)
            button.setObjectName(f"rir_{rating.name.lower()}")
            button.setMinimumSize(56, 48)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the prompt itself
            tip = f"{rating.explanation}  (key {rating.key})"
            if rating.failure is not FailureKind.NONE:  # what failure buys and what it does not (F16)
                tip += f"\n\n{FAILURE_SCIENCE_NOTE}"
            button.setToolTip(tip)
            button.setStyleSheet("font-size: 16pt; font-weight: 600;")
            button.clicked.connect(lambda _c=False, r=rating: self._choose(r))
            grid.addWidget(button, 0, column)
            self.buttons[rating] = button
        layout.addLayout(grid)
        self.explanation = QLabel(
            "0–5: reps left (5 = 5 or more) · T: technical failure (form broke) · "
            "F: absolute failure (no rep possible) · Esc: skip"
        )
        self.explanation.setProperty("role", "muted")
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.hide()

    def ask(self, question: str) -> None:
        """Show the prompt with a question naming the set, and take the keyboard."""
        self.question.setText(question)
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """One key answers; Esc leaves the set unrated."""
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.dismissed.emit()
            return
        rating = rating_from_key(event.text()) if event.text() else None
        if rating is not None and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self._choose(rating)
            return
        super().keyPressEvent(event)

    def _choose(self, rating: Rating) -> None:
        self.hide()
        self.rated.emit(rating)
