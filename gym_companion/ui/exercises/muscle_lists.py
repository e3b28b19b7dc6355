"""Primary and secondary muscles as two lists of check boxes: type to jump to a muscle, Space to tick.

A muscle is either primary or secondary: ticking it in one list unticks it in the other.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from gym_companion.domain.model import Muscle

MUSCLE_ROLE = Qt.ItemDataRole.UserRole


class MuscleList(QListWidget):
    """The 14 muscles, each with a check box; `toggled(Muscle, bool)` when one is ticked or unticked."""

    toggled = Signal(object, bool)

    def __init__(self, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # No selection colour (it looked like a tick): the current muscle shows by a focus frame instead.
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setToolTip(f"{tooltip}\nType a muscle's name to jump to it; Space ticks or unticks.")
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._quiet = False
        for muscle in Muscle:
            item = QListWidgetItem(muscle.label)
            item.setData(MUSCLE_ROLE, muscle.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(tooltip)
            self.addItem(item)
        self.setCurrentRow(0)
        self.itemChanged.connect(self._item_changed)

    def sizeHint(self) -> QSize:
        """Tall enough for every muscle without scrolling."""
        rows = self.count() * max(self.sizeHintForRow(0), 1)
        return QSize(max(self.sizeHintForColumn(0) + 40, 180), rows + 2 * self.frameWidth() + 4)

    def minimumSizeHint(self) -> QSize:
        """As tall as the size hint: a hidden muscle would be a silent mistake."""
        return self.sizeHint()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space ticks; the letters typed after it start a new search ("quads", Space, "glutes")."""
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select):
            self.keyboardSearch("")

    def muscles(self) -> tuple[Muscle, ...]:
        """The ticked muscles, in the list's order."""
        return tuple(
            Muscle(self.item(row).data(MUSCLE_ROLE))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_muscles(self, muscles: tuple[Muscle, ...]) -> None:
        """Tick exactly these muscles (no `toggled` signals)."""
        self._quiet = True
        try:
            for row in range(self.count()):
                item = self.item(row)
                ticked = Muscle(item.data(MUSCLE_ROLE)) in muscles
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        finally:
            self._quiet = False

    def untick(self, muscle: Muscle) -> None:
        """Untick one muscle (no `toggled` signal)."""
        self.set_muscles(tuple(m for m in self.muscles() if m is not muscle))

    def _item_changed(self, item: QListWidgetItem) -> None:
        if not self._quiet:
            self.toggled.emit(Muscle(item.data(MUSCLE_ROLE)), item.checkState() == Qt.CheckState.Checked)


class MusclePicker(QObject):
    """Keeps a primary and a secondary MuscleList apart; `changed` after any tick."""

    changed = Signal()

    def __init__(self, primary: MuscleList, secondary: MuscleList, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.primary = primary
        self.secondary = secondary
        primary.toggled.connect(lambda muscle, on: self._toggled(secondary, muscle, on))
        secondary.toggled.connect(lambda muscle, on: self._toggled(primary, muscle, on))

    def set(self, primary: tuple[Muscle, ...], secondary: tuple[Muscle, ...]) -> None:
        """Show these muscles (a muscle in both counts as primary)."""
        self.primary.set_muscles(primary)
        self.secondary.set_muscles(tuple(m for m in secondary if m not in primary))

    def _toggled(self, other: MuscleList, muscle: Muscle, on: bool) -> None:
        if on:
            other.untick(muscle)
        self.changed.emit()
