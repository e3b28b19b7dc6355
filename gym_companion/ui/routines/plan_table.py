"""The exercises of a routine in order, one row each with its plan; Delete removes the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from gym_companion.domain.model import Exercise, PlannedExercise
from gym_companion.domain.routine_plan import PlanTarget
from gym_companion.domain.supersets import group_places
from gym_companion.ui.session.superset_controls import group_tint

COLUMNS = ("#", "Exercise", "Plan", "Rest")


class PlanTable(QTableWidget):
    """Read-only rows; the form below edits the selected one. Emits `remove_requested(row)`."""

    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("planTable")
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setStyleSheet("font-size: 13pt;")
        self.setToolTip(
            "Alt+↑ / Alt+↓ move the selected exercise · Delete removes it (Ctrl+Z undo) · "
            "Ctrl+G makes a superset with the one above, Ctrl+Shift+G takes it out"
        )

    def show_plan(
        self, planned: list[PlannedExercise], exercises: dict[int, Exercise], row: int | None
    ) -> None:
        """Display the planned exercises and select `row`."""
        self.blockSignals(True)
        self.setRowCount(len(planned))
        places = group_places([item.superset_group for item in planned])
        names = [exercises[p.exercise_id].name if p.exercise_id in exercises else "?" for p in planned]
        for index, item in enumerate(planned):
            exercise = exercises.get(item.exercise_id)
            name = exercise.name if exercise else "Unknown exercise"
            default_rest = exercise.default_rest_s if exercise else None
            rest = item.rest_s if item.rest_s is not None else default_rest
            rest_text = "" if rest is None else f"{rest // 60}:{rest % 60:02d}"
            if item.rest_s is None and rest is not None:
                rest_text += " (default)"
            place = places[index]
            number = f"{index + 1}  {place.label}" if place else str(index + 1)
            values = (number, name, PlanTarget.of(item).text(), rest_text)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 0 and place:
                    together = " → ".join(names[i] for i in place.members)
                    cell.setToolTip(
                        f"{place.kind} {place.letter}: {together}, one set of each in turn; the rest follows "
                        "the round. Ctrl+Shift+G takes this one out."
                    )
                if column == 2:
                    cell.setToolTip("Working sets × rep range @ target reps in reserve")
                if place is not None:
                    cell.setBackground(group_tint(place.letter))
                self.setItem(index, column, cell)
        self.blockSignals(False)
        if row is not None and 0 <= row < len(planned):
            self.selectRow(row)
        else:
            self.clearSelection()

    def selected_row(self) -> int | None:
        """The selected row, if any."""
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete (or Backspace) removes the selected exercise."""
        row = self.selected_row()
        if row is not None and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit(row)
            return
        super().keyPressEvent(event)
