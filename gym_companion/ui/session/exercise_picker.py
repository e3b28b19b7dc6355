"""Type to find an exercise: fuzzy, case- and word-order-insensitive over names and aliases.

Up/Down choose among the matches, Enter adds the chosen (or best) one; when nothing matches, the
last entry offers to create a custom exercise with that name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gym_companion.domain.model import Exercise
from gym_companion.services.catalog import ExerciseCatalog

CREATE_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_MATCHES = 8
ITEM_MARGIN_PX = 12  # the list's frame and the item's text padding, left and right together


class ExercisePicker(QWidget):
    """`exerciseSearch` with its list of matches. Emits `chosen(Exercise)` or `create_requested(str)`."""

    chosen = Signal(object)
    create_requested = Signal(str)

    def __init__(self, catalog: ExerciseCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.search = QLineEdit()
        self.search.setObjectName("exerciseSearch")
        self.search.setPlaceholderText("Add exercise… (Ctrl+E)")
        self.search.setToolTip(
            "Type any part of a name, in any order (e.g. 'curl db'); ↑/↓ to choose, Enter to add"
        )
        self.search.setClearButtonEnabled(True)
        self.search.setStyleSheet("font-size: 14pt; padding: 6px;")
        self.matches = QListWidget()
        self.matches.setObjectName("exerciseMatches")
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matches.setMaximumHeight(230)
        # Long rows end in "…" (the whole text in the tooltip) instead of a sideways scroll bar.
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.matches.viewport().installEventFilter(self)
        self.matches.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        self.search.textChanged.connect(self._update_matches)
        self.search.returnPressed.connect(self._accept)
        self.search.installEventFilter(self)
        self.matches.itemClicked.connect(lambda _item: self._accept())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys in the search box move through the matches; Esc clears. A resized list fits the
        create row to its new width."""
        if watched is self.matches.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_create_row()
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            count = self.matches.count()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and count:
                row = self.matches.currentRow()
                row = (row + (1 if key == Qt.Key.Key_Down else -1)) % count
                self.matches.setCurrentRow(row)
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def _update_matches(self, text: str) -> None:
        self.matches.clear()
        query = text.strip()
        if not query:
            self.matches.hide()
            return
        for exercise in self._catalog.search(query, MAX_MATCHES):
            muscles = ", ".join(m.label for m in exercise.primary_muscles)
            item = QListWidgetItem(f"{exercise.name}   ·   {muscles}")
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            item.setToolTip(_describe(exercise))
            self.matches.addItem(item)
        if self._catalog.find(query) is None:
            create = QListWidgetItem()
            create.setData(CREATE_ROLE, query)
            create.setToolTip(f"Create “{query}” as your own exercise (Enter)")
            self.matches.addItem(create)
            self._fit_create_row()
        self.matches.setCurrentRow(0)
        self.matches.show()

    def _fit_create_row(self) -> None:
        """The create row's text at the list's width: the whole sentence when it fits, else the name alone,
        shortened with "…" if need be."""
        count = self.matches.count()
        item = self.matches.item(count - 1) if count else None
        if item is None or not item.data(CREATE_ROLE):
            return
        width = self.matches.viewport().width() - ITEM_MARGIN_PX
        item.setText(create_text(str(item.data(CREATE_ROLE)), self.matches.fontMetrics(), width))

    def _accept(self) -> None:
        query = self.search.text().strip()
        if not query:
            return
        item = self.matches.currentItem()
        if item is None:
            best = self._catalog.search(query, 1)
            if not best:
                self.create_requested.emit(query)
                return
            exercise: Exercise | None = best[0]
        elif item.data(CREATE_ROLE):
            self.create_requested.emit(str(item.data(CREATE_ROLE)))
            return
        else:
            exercise = self._catalog.get(int(item.data(Qt.ItemDataRole.UserRole)))
        if exercise is None:
            return
        self.search.clear()
        self.chosen.emit(exercise)


def create_text(query: str, metrics: QFontMetrics, width: int) -> str:
    """'+ Create “query” as your own exercise' if it fits in `width` pixels, else '+ Create “query”' with
    the query shortened to fit ('+ Create “a very long na…”')."""
    full = f"+ Create “{query}” as your own exercise"
    if metrics.horizontalAdvance(full) <= width:
        return full
    room = width - metrics.horizontalAdvance("+ Create “”")
    shown = metrics.elidedText(query, Qt.TextElideMode.ElideRight, max(room, 0))
    return f"+ Create “{shown or '…'}”"


def _describe(exercise: Exercise) -> str:
    parts = [
        f"Primary: {', '.join(m.label for m in exercise.primary_muscles)}",
    ]
    if exercise.secondary_muscles:
        parts.append(f"Secondary: {', '.join(m.label for m in exercise.secondary_muscles)}")
    parts.append(f"{exercise.equipment.value.replace('_', ' ')} · {exercise.mechanics.value}")
    parts.append(f"Failure: {exercise.failure_safety.value.replace('_', ' ')}")
    return "\n".join(parts)
