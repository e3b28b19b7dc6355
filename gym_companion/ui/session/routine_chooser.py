"""What the Session page offers when no workout is open: start empty, or from one of the routines.

Keyboard: Ctrl+R focuses the list, ↑/↓ choose, Enter starts; Ctrl+Shift+R opens the routine editor.
Typing an exercise in the search (Ctrl+E) also starts an empty workout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from gym_companion.domain.model import Exercise, Routine
from gym_companion.domain.routine_plan import PlanTarget
from gym_companion.domain.supersets import group_labels

EMPTY_WORKOUT = -1  # the list's first row: no routine


class RoutineChooser(QFrame):
    """The empty state: emits `start_requested(routine id or None)` and `edit_requested()`."""

    start_requested = Signal(object)
    edit_requested = Signal()

    def __init__(self, parent: QFrame | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routineChooser")
        title = QLabel("Start a workout (Ctrl+R)")
        title.setProperty("role", "title")
        self.choices = QListWidget()
        self.choices.setObjectName("routineChoices")
        self.choices.setStyleSheet("QListWidget { font-size: 14pt; } QListWidget::item { padding: 8px; }")
        self.choices.setToolTip("↑/↓ choose · Enter starts")
        self.choices.setWordWrap(True)
        self.choices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.choices.itemActivated.connect(lambda _item: self.start_selected())
        self.choices.installEventFilter(self)
        start = QPushButton("Start (Enter)")
        start.setObjectName("startWorkoutButton")
        start.clicked.connect(self.start_selected)
        edit = QPushButton("Edit routines… (Ctrl+Shift+R)")
        edit.setObjectName("editRoutinesButton")
        edit.clicked.connect(self.edit_requested)
        hint = QLabel("Or type an exercise in the search (Ctrl+E) to start right away.")
        hint.setProperty("role", "muted")
        buttons = QHBoxLayout()
        buttons.addWidget(start)
        buttons.addWidget(edit)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.choices, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)

    def show_routines(self, routines: list[Routine], exercises: dict[int, Exercise]) -> None:
        """List 'Empty workout' and every routine with its exercises; keep the chosen row."""
        keep = (
            self.choices.currentItem().data(Qt.ItemDataRole.UserRole) if self.choices.currentItem() else None
        )
        self.choices.clear()
        empty = QListWidgetItem("Empty workout\nadd exercises as you go")
        empty.setData(Qt.ItemDataRole.UserRole, EMPTY_WORKOUT)
        self.choices.addItem(empty)
        for routine in routines:
            names = [exercises[p.exercise_id].name for p in routine.exercises if p.exercise_id in exercises]
            sets = sum(p.sets for p in routine.exercises)
            shown = ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else "")
            item = QListWidgetItem(f"{routine.name}\n{shown} · {sets} sets")
            item.setData(Qt.ItemDataRole.UserRole, routine.id)
            labels = group_labels([p.superset_group for p in routine.exercises])  # A1, A2: a superset
            item.setToolTip(
                "\n".join(
                    f"{label} {exercises[p.exercise_id].name}: {PlanTarget.of(p).text()}".strip()
                    for p, label in zip(routine.exercises, labels, strict=True)
                    if p.exercise_id in exercises
                )
            )
            self.choices.addItem(item)
        row = next(
            (
                i
                for i in range(self.choices.count())
                if self.choices.item(i).data(Qt.ItemDataRole.UserRole) == keep
            ),
            0,
        )
        self.choices.setCurrentRow(row)

    def focus_choices(self) -> None:
        """Put the keyboard in the list (Ctrl+R)."""
        self.choices.setFocus()

    def start_selected(self) -> None:
        """Start the chosen entry."""
        item = self.choices.currentItem()
        if item is None:
            return
        routine_id = item.data(Qt.ItemDataRole.UserRole)
        self.start_requested.emit(None if routine_id == EMPTY_WORKOUT else int(routine_id))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the list starts the chosen entry."""
        if watched is self.choices and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.start_selected()
                return True
        return super().eventFilter(watched, event)
