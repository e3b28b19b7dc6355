"""Edit › Exercises…: every exercise, searchable, yours marked; open, create, duplicate or delete your own.

A non-modal window. Type to search (any word order, aliases, as on the Session page); ↓ moves into the
list; Enter opens the exercise (editable when it is yours, read-only from the library); Ctrl+N new,
Ctrl+D duplicate, Delete deletes one of yours that nothing uses (Ctrl+Z brings it back), Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.custom_exercise import CustomExerciseSpec, ExerciseInUseError
from gym_companion.domain.model import Exercise
from gym_companion.services.catalog import ExerciseCatalog
from gym_companion.ui.exercises.editor import (
    ExerciseEditor,
    duplicate_exercise,
    edit_exercise,
    new_exercise,
)
from gym_companion.ui.exercises.labels import EQUIPMENT_LABELS, SAFETY_SHORT, describe, muscles_text

ID_ROLE = Qt.ItemDataRole.UserRole
YOURS = "Yours"
HEADERS = ("Name", "Muscles", "Equipment", "Failure", "")


class ExerciseLibrary(QWidget):
    """The list of exercises and what can be done with them; `exercises_changed` after any change."""

    exercises_changed = Signal()

    def __init__(
        self,
        catalog: ExerciseCatalog,
        parent: QWidget | None = None,
        in_workout: Callable[[int], bool] = lambda _exercise_id: False,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._in_workout = in_workout  # whether the workout in progress has the exercise (no sets needed)
        self.setObjectName("exerciseLibrary")
        self.setWindowTitle("Exercises — Gym Companion")
        self.resize(1040, 660)
        self._catalog = catalog
        self._editors: dict[int | None, ExerciseEditor] = {}  # open editors by exercise id (None: new)
        self._deleted: list[Exercise] = []
        self._build()
        self.reload()

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("exerciseLibrarySearch")
        self.search.setPlaceholderText("Find an exercise… (any word order, aliases)")
        self.search.setClearButtonEnabled(True)
        self.search.setStyleSheet("font-size: 13pt; padding: 4px;")
        self.search.textChanged.connect(lambda _text: self._searched())
        self.search.returnPressed.connect(self.open_current)
        self.search.installEventFilter(self)
        self.only_mine = QCheckBox("Only &mine")
        self.only_mine.setObjectName("exerciseLibraryOnlyMine")
        self.only_mine.setToolTip("Show only the exercises you made (or an import made for you)")
        self.only_mine.toggled.connect(lambda _on: self.reload())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.only_mine)

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("exerciseLibraryTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)  # sized after each fill
        self.table.horizontalHeaderItem(4).setToolTip("“Yours”: an exercise you made, or an import made")
        self.table.itemActivated.connect(lambda _item: self.open_current())
        self.table.currentCellChanged.connect(lambda *_cells: self._update_buttons())
        self.table.installEventFilter(self)
        self.count = QLabel()
        self.count.setObjectName("exerciseLibraryCount")
        self.count.setProperty("role", "muted")
        self.count.setToolTip("Exercises shown, and how many of all are your own")

        self.new_button = QPushButton("&New (Ctrl+N)")
        self.new_button.setObjectName("exerciseLibraryNew")
        self.new_button.clicked.connect(self.new)
        self.open_button = QPushButton("&Open (Enter)")
        self.open_button.setObjectName("exerciseLibraryOpen")
        self.open_button.clicked.connect(self.open_current)
        self.duplicate_button = QPushButton("&Duplicate (Ctrl+D)")
        self.duplicate_button.setObjectName("exerciseLibraryDuplicate")
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.delete_button = QPushButton("De&lete (Del)")
        self.delete_button.setObjectName("exerciseLibraryDelete")
        self.delete_button.setToolTip("Delete one of your exercises that no set or routine uses")
        self.delete_button.clicked.connect(self.delete_current)
        self.undo_button = QPushButton("&Undo (Ctrl+Z)")
        self.undo_button.setObjectName("exerciseLibraryUndo")
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        self.status = QLabel()
        self.status.setObjectName("exerciseLibraryStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.duplicate_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.undo_button)
        hint = QLabel(
            "Esc closes · type to search · Enter opens · yours can be changed, the library's copied"
        )
        hint.setProperty("role", "muted")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        for keys, slot in (
            ("Ctrl+N", self.new),
            ("Ctrl+D", self.duplicate_current),
            ("Ctrl+Z", self.undo),
            ("Ctrl+F", self.focus_search),
            ("Ctrl+E", self.focus_search),
            ("Esc", self.close),
        ):
            QShortcut(QKeySequence(keys), self, slot)

    # --- the list -------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        """List the exercises matching the search (yours first when nothing is typed)."""
        keep = select_id if select_id is not None else self.current_id()
        exercises = self._shown()
        self.table.setUpdatesEnabled(False)
        self.table.setRowCount(len(exercises))
        for row, exercise in enumerate(exercises):
            cells = (
                exercise.name,
                muscles_text(exercise.primary_muscles, exercise.secondary_muscles),
                EQUIPMENT_LABELS[exercise.equipment],
                SAFETY_SHORT[exercise.failure_safety],
                YOURS if exercise.is_custom else "",
            )
            tip = describe(exercise)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, exercise.id)
                item.setToolTip(tip)
                if exercise.is_custom and column in (0, 4):
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        for column in (2, 3, 4):  # once per fill: sizing to contents on every item made this quadratic
            self.table.resizeColumnToContents(column)
        self.table.setUpdatesEnabled(True)
        mine = sum(1 for e in self._catalog.by_id().values() if e.is_custom)
        self.count.setText(
            f"{len(exercises):,} shown · {len(self._catalog.by_id()):,} exercises, {mine:,} of them yours"
        )
        ids = [e.id for e in exercises]
        if exercises:
            self.table.setCurrentCell(ids.index(keep) if keep in ids else 0, 0)
        self._update_buttons()

    def _searched(self) -> None:
        """Typed text: list the matches with the best one highlighted."""
        self.reload()
        if self.table.rowCount():
            self.table.setCurrentCell(0, 0)

    def _shown(self) -> list[Exercise]:
        everything = self._catalog.by_id()
        query = self.search.text().strip()
        if query:
            exercises = self._catalog.search(query, len(everything))
        else:
            exercises = sorted(everything.values(), key=lambda e: (not e.is_custom, e.name.casefold()))
        if self.only_mine.isChecked():
            exercises = [e for e in exercises if e.is_custom]
        return exercises

    def current_id(self) -> int | None:
        """The highlighted exercise's id."""
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        value = item.data(ID_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def current(self) -> Exercise | None:
        """The highlighted exercise."""
        exercise_id = self.current_id()
        return self._catalog.get(exercise_id) if exercise_id is not None else None

    def select(self, exercise_id: int) -> None:
        """Highlight an exercise (clearing a search that hides it)."""
        if exercise_id not in {e.id for e in self._shown()}:
            self.only_mine.setChecked(False)
            self.search.clear()
        self.reload(exercise_id)

    def _update_buttons(self) -> None:
        exercise = self.current()
        self.open_button.setEnabled(exercise is not None)
        self.duplicate_button.setEnabled(exercise is not None)
        self.delete_button.setEnabled(exercise is not None and exercise.is_custom)

    # --- actions --------------------------------------------------------------------------------
    def new(self) -> ExerciseEditor:
        """A new exercise of one's own, named after the search text when it names none."""
        query = self.search.text().strip()
        name = query if query and self._catalog.find(query) is None else ""
        return self._editor(None, lambda: new_exercise(self, self._catalog, _named(name)))

    def open_current(self) -> ExerciseEditor | None:
        """Open the highlighted exercise: to edit when it is yours, to look at (and copy) otherwise."""
        exercise = self.current()
        if exercise is None:
            return None
        return self._editor(exercise.id, lambda: edit_exercise(self, self._catalog, exercise))

    def duplicate_current(self) -> ExerciseEditor | None:
        """A new exercise of one's own, copied from the highlighted one."""
        exercise = self.current()
        if exercise is None:
            return None
        return self._editor(None, lambda: duplicate_exercise(self, self._catalog, exercise))

    def _editor(self, key: int | None, make: Callable[[], ExerciseEditor]) -> ExerciseEditor:
        """The open editor for `key` (None: a new exercise) brought to the front, else a new one."""
        editor = self._editors.get(key)
        if editor is not None and editor.isVisible():
            editor.raise_()
            editor.activateWindow()
            return editor
        editor = make()
        self._editors[key] = editor
        editor.saved.connect(self._saved)
        editor.destroyed.connect(lambda _obj=None, k=key: self._editors.pop(k, None))
        return editor

    def _saved(self, exercise: Exercise) -> None:
        self._say(f"Saved “{exercise.name}”.")
        if exercise.id is not None:
            self.select(exercise.id)
        self.exercises_changed.emit()

    def delete_current(self) -> None:
        """Delete the highlighted exercise when it is yours and nothing uses it; else say why not."""
        exercise = self.current()
        if exercise is None or exercise.id is None:
            return
        if not exercise.is_custom:
            self._say(f"“{exercise.name}” is a library exercise: it cannot be deleted.", error=True)
            return
        if self._in_workout(exercise.id) and not self._catalog.usage(exercise.id).in_use:
            self._say(f"“{exercise.name}” is in the workout in progress: it stays.", error=True)
            return
        try:
            self._catalog.delete_custom(exercise.id)
        except ExerciseInUseError as error:
            self._say(str(error), error=True)
            return
        except ValueError as error:
            self._say(str(error), error=True)
            return
        self._deleted.append(exercise)
        self.undo_button.show()
        row = self.table.currentRow()
        self.reload()
        self.table.setCurrentCell(min(row, self.table.rowCount() - 1), 0)
        self._say(f"Deleted “{exercise.name}”. Ctrl+Z brings it back.")
        self.exercises_changed.emit()

    def undo(self) -> None:
        """Bring back the exercise deleted last."""
        if not self._deleted:
            return
        exercise = self._deleted.pop()
        try:
            restored = self._catalog.create(CustomExerciseSpec.of(exercise))
        except ValueError as error:  # its name was taken meanwhile
            self._say(f"“{exercise.name}” cannot come back: {error}", error=True)
            return
        self.undo_button.setVisible(bool(self._deleted))
        if restored.id is not None:
            self.select(restored.id)
        self._say(f"“{restored.name}” is back.")
        self.exercises_changed.emit()

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected."""
        self.search.setFocus()
        self.search.selectAll()

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setProperty("role", "error" if error else "muted")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)

    # --- keys -----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓/↑ in the search move through the list; Delete in the list deletes."""
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.table.rowCount():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.table.rowCount() - 1, self.table.currentRow() + step))
                self.table.setCurrentCell(row, 0)
                if key == Qt.Key.Key_Down:
                    self.table.setFocus()
                return True
            if watched is self.table and key == Qt.Key.Key_Delete:
                self.delete_current()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        """Back in front: list the exercises again (the Session page or an import may have added some)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.reload()

    def present(self) -> None:
        """Show in front with the cursor in the search."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.focus_search()


def _named(name: str) -> CustomExerciseSpec | None:
    return CustomExerciseSpec(name=name, primary_muscles=()) if name else None
