"""The list of routines in the editor: a name and a line of totals each; Delete and Enter are reported."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from gym_companion.domain.model import Exercise, Routine


class RoutineList(QListWidget):
    """One row per routine ('Legs' / '5 exercises · 18 sets'); emits `delete_pressed` and `enter_pressed`."""

    delete_pressed = Signal()
    enter_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routineList")
        self.setStyleSheet("QListWidget { font-size: 13pt; } QListWidget::item { padding: 6px; }")
        self.setToolTip(
            "Delete deletes (Ctrl+Z undo) · F2 renames · Ctrl+D duplicates · Enter: its exercises"
        )

    def show_routines(self, routines: list[Routine], exercises: dict[int, Exercise]) -> None:
        """Replace the rows (without emitting selection changes)."""
        self.blockSignals(True)
        self.clear()
        for routine in routines:
            self.addItem(_item(routine, exercises))
        self.blockSignals(False)

    def update_routine(self, row: int, routine: Routine, exercises: dict[int, Exercise]) -> None:
        """Refresh one row after its routine changed."""
        item = self.item(row)
        if item is None:
            return
        fresh = _item(routine, exercises)
        item.setText(fresh.text())
        item.setToolTip(fresh.toolTip())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete (or Backspace) and Enter are the editor's to handle."""
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)


def _item(routine: Routine, exercises: dict[int, Exercise]) -> QListWidgetItem:
    sets = sum(p.sets for p in routine.exercises)
    count = len(routine.exercises)
    item = QListWidgetItem(
        f"{routine.name.strip()}\n{count} exercise{'s' if count != 1 else ''} · {sets} sets"
    )
    item.setData(Qt.ItemDataRole.UserRole, routine.id)
    item.setToolTip(
        "\n".join(exercises[p.exercise_id].name for p in routine.exercises if p.exercise_id in exercises)
    )
    return item
