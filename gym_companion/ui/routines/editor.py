"""The routine editor: a separate, non-modal window for writing routines with the keyboard.

Left, the routines: Ctrl+N new, F2 rename, Ctrl+D duplicate, Delete delete (Ctrl+Z brings it back).
Right, the chosen routine: its name, an "add exercise" search (type, Enter), its exercises in order
(Alt+↑ / Alt+↓ move, Delete remove, Ctrl+G superset with the one above, Ctrl+Shift+G out of it) and the
plan of the selected one. A routine saves itself after every
change once it is complete (a name and at least one exercise); Ctrl+Enter starts a workout from it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.model import Exercise, PlannedExercise, Routine
from gym_companion.domain.supersets import group_places, join_previous, leave_group
from gym_companion.services.catalog import ExerciseCatalog
from gym_companion.services.routine_book import DEFAULT_REP_RANGE, DEFAULT_SETS, DeletedRoutine, RoutineBook
from gym_companion.ui.routines.plan_form import PlanForm
from gym_companion.ui.routines.plan_table import PlanTable
from gym_companion.ui.routines.routine_list import RoutineList
from gym_companion.ui.session.exercise_picker import ExercisePicker
from gym_companion.ui.widgets.advice_list import fill_advice_list


@dataclass(frozen=True, slots=True)
class _RemovedExercise:
    """An exercise taken out of a routine, kept for Ctrl+Z."""

    routine_id: int | None
    index: int
    planned: PlannedExercise


class RoutineEditor(QWidget):
    """Create, edit, reorder, copy and delete routines. Emits `routines_changed` after every save."""

    routines_changed = Signal()
    start_requested = Signal(int)  # a routine id

    def __init__(
        self,
        book: RoutineBook,
        catalog: ExerciseCatalog,
        default_rir: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("routineEditor")
        self.setWindowTitle("Routines — Gym Companion")
        self.resize(1120, 660)
        self._book = book
        self._catalog = catalog
        self._default_rir = default_rir
        self._routines: list[Routine] = []
        self._draft: Routine | None = None
        self._undo: list[DeletedRoutine | _RemovedExercise] = []
        self._keep_form = False
        self._build()
        self._wire_shortcuts()
        self.reload()

    # --- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.routine_list = RoutineList()
        self.routine_list.currentRowChanged.connect(self._routine_selected)
        self.routine_list.delete_pressed.connect(self.delete_routine)
        self.routine_list.enter_pressed.connect(self._focus_plan)
        new_button = QPushButton("New routine (Ctrl+N)")
        new_button.clicked.connect(self.new_routine)
        self.duplicate_button = QPushButton("Duplicate (Ctrl+D)")
        self.duplicate_button.clicked.connect(self.duplicate_routine)
        self.delete_button = QPushButton("Delete (Del, Ctrl+Z undoes)")
        self.delete_button.setObjectName("deleteRoutineButton")
        self.delete_button.clicked.connect(self.delete_routine)
        list_buttons = QVBoxLayout()
        for button in (new_button, self.duplicate_button, self.delete_button):
            list_buttons.addWidget(button)
        left = QVBoxLayout()
        caption = QLabel("Routines")
        caption.setProperty("role", "title")
        left.addWidget(caption)
        left.addWidget(self.routine_list, 1)
        left.addLayout(list_buttons)

        self.name_input = QLineEdit()
        self.name_input.setObjectName("routineName")
        self.name_input.setPlaceholderText("Routine name (F2)")
        self.name_input.setStyleSheet("font-size: 16pt; font-weight: 600; padding: 4px;")
        self.name_input.textEdited.connect(self._name_edited)
        self.name_input.returnPressed.connect(self._focus_search)
        self.picker = ExercisePicker(self._catalog)
        self.picker.search.setObjectName("routineExerciseSearch")
        self.picker.matches.setObjectName("routineExerciseMatches")
        self.picker.search.setPlaceholderText("Add exercise… (Ctrl+E)")
        self.picker.chosen.connect(self._exercise_chosen)
        self.picker.create_requested.connect(self._create_requested)
        self.plan_table = PlanTable()
        self.plan_table.itemSelectionChanged.connect(self._row_selected)
        self.plan_table.remove_requested.connect(self.remove_exercise)
        self.plan_form = PlanForm()
        self.plan_form.changed.connect(self._plan_changed)
        self.advice_list = QListWidget()
        self.advice_list.setObjectName("routineAdvice")
        self.advice_list.setMaximumHeight(90)
        self.advice_list.setStyleSheet("font-size: 12pt;")
        self.advice_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.advice_list.setToolTip("Guidance on this plan; hover an item for why")
        self.status = QLabel()
        self.status.setObjectName("routineStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 12pt;")
        self.undo_button = QPushButton("Undo (Ctrl+Z)")
        self.undo_button.setObjectName("routineUndoButton")
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        self.start_button = QPushButton("Start this routine (Ctrl+Enter)")
        self.start_button.setObjectName("startRoutineButton")
        self.start_button.clicked.connect(self._start)
        close_hint = QLabel("Esc closes · changes save by themselves · Ctrl+G: a superset with the one above")
        close_hint.setProperty("role", "muted")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.start_button)
        right = QVBoxLayout()
        right.addWidget(self.name_input)
        right.addWidget(self.picker)
        right.addWidget(self.plan_table, 1)
        right.addWidget(self.plan_form)
        right.addWidget(self.advice_list)
        right.addLayout(bottom)
        right.addWidget(close_hint)

        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setFixedWidth(300)
        outer = QHBoxLayout(self)
        outer.addWidget(left_widget)
        outer.addLayout(right, 1)

    def _wire_shortcuts(self) -> None:
        def bind(keys: str, slot: Callable[[], object]) -> None:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        bind("Ctrl+N", self.new_routine)
        bind("F2", self._focus_name)
        bind("Ctrl+D", self.duplicate_routine)
        bind("Ctrl+E", self._focus_search)
        bind("Ctrl+L", self._focus_search)
        bind("Ctrl+Z", self.undo)
        bind("Alt+Up", lambda: self.move_exercise(-1))
        bind("Alt+Down", lambda: self.move_exercise(1))
        bind("Ctrl+G", lambda: self.group_exercise(join=True))
        bind("Ctrl+Shift+G", lambda: self.group_exercise(join=False))
        bind("Ctrl+Return", self._start)
        bind("Ctrl+Enter", self._start)
        bind("Esc", self.close)

    # --- opening --------------------------------------------------------------------------------
    def open_editor(self, routine_id: int | None = None) -> None:
        """Show the window (raised), on `routine_id` or the first routine; focus the list."""
        self.reload(routine_id)
        self.show()
        self.raise_()
        self.activateWindow()
        if self._routines:
            self.routine_list.setFocus()
        else:
            self.new_routine()

    def reload(self, select_id: int | None = None) -> None:
        """Read the routines again and select `select_id` (else keep the current one, else the first)."""
        if select_id is None and self._draft is not None:
            select_id = self._draft.id
        self._routines = self._book.all()
        self.routine_list.show_routines(self._routines, self._catalog.by_id())
        row = next(
            (i for i, r in enumerate(self._routines) if r.id == select_id), 0 if self._routines else -1
        )
        if row >= 0:
            self.routine_list.setCurrentRow(row)
            self._routine_selected(row)
        elif self._draft is not None and self._draft.id is not None:
            self._draft = None
            self._show_draft(None)

    # --- routines -------------------------------------------------------------------------------
    def new_routine(self) -> None:
        """Start writing a new routine: name it, then add exercises; it is saved once it has both."""
        self._draft = Routine(name="")
        self.routine_list.blockSignals(True)
        self.routine_list.clearSelection()
        self.routine_list.setCurrentRow(-1)
        self.routine_list.blockSignals(False)
        self._show_draft(None)
        self._say("New routine: type its name, Enter, then add exercises. It saves by itself.")
        self._focus_name()

    def duplicate_routine(self) -> None:
        """Copy the selected routine (saved at once as '… (copy)')."""
        if self._draft is None or self._draft.id is None:
            return
        made = self._book.duplicate(self._draft.id)
        self.reload(made.id)
        self._say(f"Copied as “{made.name}”. F2 renames it.")
        self.routines_changed.emit()

    def delete_routine(self) -> None:
        """Delete the selected routine; Ctrl+Z brings it back."""
        draft = self._draft
        if draft is None:
            return
        if draft.id is None:  # a new routine never saved: just drop it
            self._draft = None
            self.reload()
            self._say("New routine discarded.")
            return
        deleted = self._book.delete(draft.id)
        self._draft = None
        if deleted is not None:
            self._undo.append(deleted)
            self._say(f"Deleted “{deleted.routine.name}”. Ctrl+Z brings it back.")
        self.reload()
        self.undo_button.setVisible(bool(self._undo))
        self.routines_changed.emit()
        self.routine_list.setFocus()

    def undo(self) -> None:
        """Bring back the last deleted routine or exercise."""
        if not self._undo:
            return
        last = self._undo.pop()
        if isinstance(last, DeletedRoutine):
            restored = self._book.restore(last)
            self.reload(restored.id)
            self._say(f"“{restored.name}” is back.")
            self.routines_changed.emit()
        else:
            self._restore_exercise(last)
        self.undo_button.setVisible(bool(self._undo))

    def _restore_exercise(self, removed: _RemovedExercise) -> None:
        if self._draft is None or self._draft.id != removed.routine_id:
            target = self._book.get(removed.routine_id) if removed.routine_id is not None else None
            if target is None:
                self._say("That routine no longer exists.")
                return
            self.reload(target.id)
        assert self._draft is not None
        index = min(removed.index, len(self._draft.exercises))
        self._draft.exercises.insert(index, replace(removed.planned, id=None))
        self._commit(select_row=index)

    # --- exercises of the routine ---------------------------------------------------------------
    def _exercise_chosen(self, exercise: Exercise) -> None:
        if exercise.id is None:
            return
        if self._draft is None:
            self._draft = Routine(name="")
        rep_min, rep_max = DEFAULT_REP_RANGE
        self._draft.exercises.append(
            PlannedExercise(
                exercise_id=exercise.id,
                position=len(self._draft.exercises),
                sets=DEFAULT_SETS,
                rep_min=rep_min,
                rep_max=rep_max,
                target_rir=self._default_rir(),
            )
        )
        self._commit(select_row=len(self._draft.exercises) - 1)
        self._focus_search()

    def move_exercise(self, delta: int) -> None:
        """Move the selected exercise up (-1) or down (+1)."""
        row = self.plan_table.selected_row()
        if self._draft is None or row is None:
            return
        target = row + delta
        if not 0 <= target < len(self._draft.exercises):
            return
        items = self._draft.exercises
        items[row], items[target] = items[target], items[row]
        self._commit(select_row=target)
        self.plan_table.setFocus()

    def group_exercise(self, join: bool) -> None:
        """Ctrl+G: the selected exercise joins the one above it in a superset (a circuit from three);
        Ctrl+Shift+G: it leaves its superset."""
        row = self.plan_table.selected_row()
        if self._draft is None or row is None:
            self._say("Select an exercise of the routine first.")
            return
        exercises = self._draft.exercises
        groups = [p.superset_group for p in exercises]
        name = self._catalog.by_id().get(exercises[row].exercise_id)
        label = name.name if name else "This exercise"
        if not join and groups[row] is None:
            self._say(f"{label} is not in a superset.")
            return
        try:
            changed = join_previous(groups, row) if join else leave_group(groups, row)
        except ValueError as exc:
            self._say(str(exc))
            return
        self._draft.exercises = [
            replace(p, superset_group=g) for p, g in zip(exercises, changed, strict=True)
        ]
        self._commit(select_row=row)
        place = group_places(changed)[row]
        if place is not None and self._draft.id is not None:
            self._say(
                f"{place.kind} {place.letter}: done in rounds, the rest after each. Ctrl+Shift+G undoes."
            )
        elif self._draft.id is not None:
            self._say(f"{label} is on its own again.")
        self.plan_table.setFocus()

    def remove_exercise(self, row: int) -> None:
        """Take an exercise out of the routine; Ctrl+Z puts it back."""
        if self._draft is None or not 0 <= row < len(self._draft.exercises):
            return
        planned = self._draft.exercises.pop(row)
        self._undo.append(_RemovedExercise(self._draft.id, row, planned))
        self.undo_button.show()
        self._commit(select_row=min(row, len(self._draft.exercises) - 1))
        self.plan_table.setFocus()

    def _plan_changed(
        self, sets: int, rep_min: int, rep_max: int, rir: int, failure: bool, rest: int | None
    ) -> None:
        row = self.plan_table.selected_row()
        if self._draft is None or row is None or row >= len(self._draft.exercises):
            return
        planned = self._draft.exercises[row]
        self._draft.exercises[row] = replace(
            planned,
            sets=sets,
            rep_min=rep_min,
            rep_max=rep_max,
            target_rir=rir,
            failure_last_set=failure,
            rest_s=rest,
        )
        self._commit(select_row=row, refresh_form=False)

    def _name_edited(self, text: str) -> None:
        if self._draft is None:
            self._draft = Routine(name="")
        self._draft.name = text
        self._commit(select_row=self.plan_table.selected_row(), refresh_form=False)

    def _create_requested(self, name: str) -> None:
        self._say(f"“{name}” is not in the library: create it from the Session page's search first.")

    # --- saving and showing ---------------------------------------------------------------------
    def _commit(self, select_row: int | None, refresh_form: bool = True) -> None:
        """Save the draft if it is complete; always show it as it is now."""
        draft = self._draft
        assert draft is not None
        was_new = draft.id is None
        typed_name = draft.name
        try:
            self._book.save(draft)
        except ValueError as exc:
            self._say(f"Not saved yet: {exc}")
        else:
            draft.name = typed_name  # keep what is being typed (the stored name is trimmed)
            self._say("Saved.")
            self.routines_changed.emit()
            if was_new:
                self._routines = self._book.all()
                self.reload(draft.id)
            else:
                self._update_list_item(draft)
        self._show_draft(select_row, refresh_form)

    def _routine_selected(self, row: int) -> None:
        if not 0 <= row < len(self._routines):
            return
        self._draft = copy.deepcopy(self._routines[row])
        self._show_draft(0 if self._draft.exercises else None)

    def _row_selected(self) -> None:
        if self._keep_form:
            return
        row = self.plan_table.selected_row()
        draft = self._draft
        planned = draft.exercises[row] if draft is not None and row is not None else None
        self.plan_form.show_planned(planned)

    def _show_draft(self, select_row: int | None, refresh_form: bool = True) -> None:
        draft = self._draft
        if self.name_input.text() != (draft.name if draft else ""):
            self.name_input.setText(draft.name if draft else "")
        exercises = draft.exercises if draft else []
        # While a plan field is being typed in, the form keeps its own values (no round trip).
        self._keep_form = not refresh_form
        self.plan_table.show_plan(exercises, self._catalog.by_id(), select_row)
        self._keep_form = False
        if refresh_form:
            self._row_selected()
        saved = draft is not None and draft.id is not None
        self.start_button.setEnabled(saved)
        self.duplicate_button.setEnabled(saved)
        self.delete_button.setEnabled(draft is not None)
        self._show_advice(exercises)

    def _show_advice(self, exercises: list[PlannedExercise]) -> None:
        names = self._catalog.by_id()
        shown = []
        for index, advice in self._book.advice(exercises):
            exercise = names.get(exercises[index].exercise_id)
            if exercise is None:
                shown.append(advice)
                continue
            message = advice.message.removeprefix(f"{exercise.name}: ")  # "2. Squat: …", in routine order
            shown.append(replace(advice, message=f"{index + 1}. {exercise.name}: {message}"))
        fill_advice_list(self.advice_list, shown, by_level=False)

    def _update_list_item(self, routine: Routine) -> None:
        row = next((i for i, r in enumerate(self._routines) if r.id == routine.id), None)
        if row is not None:
            self._routines[row] = copy.deepcopy(routine)
            self.routine_list.update_routine(row, routine, self._catalog.by_id())

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _focus_name(self) -> None:
        self.name_input.setFocus()
        self.name_input.selectAll()

    def _focus_search(self) -> None:
        self.picker.search.setFocus()
        self.picker.search.selectAll()

    def _start(self) -> None:
        if self._draft is not None and self._draft.id is not None:
            self.start_requested.emit(self._draft.id)

    def _focus_plan(self) -> None:
        self.plan_table.setFocus()
        if self.plan_table.rowCount():
            self.plan_table.selectRow(self.plan_table.selected_row() or 0)
