"""The sets of the current exercise: number, type, weight × reps, effort, rest before it.

Keys on a selected set: R re-rate, E edit, Delete delete (Ctrl+Z brings it back).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from gym_companion.domain.effort import describe_effort
from gym_companion.domain.model import SetEntry, SetType, WeightUnit
from gym_companion.domain.units import format_weight

_TYPE_LABEL = {SetType.WARMUP: "Warm-up", SetType.WORKING: "Working", SetType.DROP: "Drop"}
COLUMNS = ("#", "Type", "Weight × reps", "Effort", "Rest before", "Note")


class SetsTable(QTableWidget):
    """Read-only table of sets; emits which set to re-rate, edit or delete."""

    rerate_requested = Signal(object)
    edit_requested = Signal(object)
    delete_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("setsTable")
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setStyleSheet("font-size: 13pt;")
        self.setToolTip("Select a set: R re-rate · E edit · Delete delete (Ctrl+Z undo)")
        self._sets: list[SetEntry] = []

    def show_sets(self, sets: list[SetEntry], unit: WeightUnit) -> None:
        """Display `sets` in order.

        Only cells whose text changed are touched: with columns sized to their contents, every changed
        cell makes the header measure its column again, and this runs after each logged and rated set.
        """
        self._sets = list(sets)
        self.setRowCount(len(sets))
        working_number = 0
        for row, entry in enumerate(sets):
            if entry.set_type is SetType.WARMUP:
                number = "W"
            else:
                working_number += 1
                number = str(working_number)
            effort = describe_effort(entry.rir, entry.failure)
            if not effort and entry.set_type is not SetType.WARMUP:
                effort = "not rated"
            rest = (
                ""
                if entry.rest_before_s is None
                else f"{entry.rest_before_s // 60}:{entry.rest_before_s % 60:02d}"
            )
            values = (
                number,
                _TYPE_LABEL[entry.set_type],
                f"{format_weight(entry.weight_kg, unit)} × {entry.reps}",
                effort,
                rest,
                entry.notes,
            )
            for column, value in enumerate(values):
                item = self.item(row, column)
                if item is not None:
                    if item.text() != value:
                        item.setText(value)
                    continue
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setToolTip(
                        "Reps in reserve, or the kind of failure. Select the set and press R to change."
                    )
                self.setItem(row, column, item)
        if sets:
            self.scrollToBottom()

    def selected_set(self) -> SetEntry | None:
        """The set on the selected row."""
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        index = rows[0].row()
        return self._sets[index] if 0 <= index < len(self._sets) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """R, E and Delete act on the selected set."""
        entry = self.selected_set()
        if entry is not None:
            if event.key() == Qt.Key.Key_R:
                self.rerate_requested.emit(entry)
                return
            if event.key() == Qt.Key.Key_E:
                self.edit_requested.emit(entry)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.delete_requested.emit(entry)
                return
        super().keyPressEvent(event)
