"""The exercise editor: a non-modal, keyboard-first window to create or change a custom exercise.

Name, primary and secondary muscles, equipment, mechanics (which sets the rest), failure safety (F6) and
assisted. Library exercises open read-only, with "Duplicate as custom" to start a version of one's own.
In the import wizard the editor describes an exercise that does not exist yet: Save hands the description
back (`drafted`) and the import creates the exercise. Enter (or Ctrl+S) saves, Esc closes.
"""

from __future__ import annotations

import enum
from collections.abc import Collection

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.custom_exercise import (
    NAME,
    PRIMARY,
    SECONDARY,
    CustomExerciseSpec,
    InvalidExerciseError,
    clean_name,
)
from gym_companion.domain.model import Exercise
from gym_companion.services.catalog import ExerciseCatalog
from gym_companion.ui.exercises.exercise_form import ExerciseForm


class EditorMode(enum.Enum):
    """What the editor is doing."""

    NEW = "new"  # create a custom exercise
    EDIT = "edit"  # change a custom exercise
    VIEW = "view"  # show a library exercise (read-only)
    DRAFT = "draft"  # describe an exercise an import will create (nothing stored here)


class ExerciseEditor(QDialog):
    """Create, change or look at one exercise. `saved(Exercise)` after a create or change, `drafted(spec)`
    after Save in DRAFT mode. Deletes itself when closed."""

    saved = Signal(object)
    drafted = Signal(object)

    def __init__(self, catalog: ExerciseCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseEditor")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._catalog = catalog
        self.mode = EditorMode.NEW
        self.exercise: Exercise | None = None
        self._reserved: set[str] = set()
        self._build()
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)

    # --- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setProperty("role", "title")
        self.heading.setObjectName("exerciseEditorHeading")
        self.note = QLabel()
        self.note.setObjectName("exerciseEditorNote")
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.duplicate_button = QPushButton("&Duplicate as custom")
        self.duplicate_button.setObjectName("exerciseEditorDuplicate")
        self.duplicate_button.setToolTip("Start a new exercise of your own from this one (Alt+D)")
        self.duplicate_button.clicked.connect(self.duplicate)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.duplicate_button)

        self.form = ExerciseForm()
        form = self.form  # its fields, reachable from the editor by the same names
        self.name, self.primary, self.secondary = form.name, form.primary, form.secondary
        self.muscles, self.equipment, self.rest = form.muscles, form.equipment, form.rest
        self.compound, self.isolation = form.compound, form.isolation
        self.safety, self.assisted = form.safety, form.assisted

        self.status = QLabel()
        self.status.setObjectName("exerciseEditorStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "error")
        self.save_button = QPushButton("&Save")
        self.save_button.setObjectName("exerciseEditorSave")
        self.save_button.setToolTip("Save and close (Enter or Ctrl+S)")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("exerciseEditorCancel")
        self.cancel_button.setToolTip("Close without saving (Esc)")
        self.cancel_button.setAutoDefault(False)
        self.duplicate_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(note_row)
        layout.addSpacing(6)
        layout.addWidget(self.form, 1)
        layout.addLayout(buttons)

    # --- starting -------------------------------------------------------------------------------
    def start_new(self, spec: CustomExerciseSpec | None = None) -> None:
        """A new custom exercise, from `spec` when given (e.g. the name typed in the search)."""
        self.mode, self.exercise = EditorMode.NEW, None
        spec = spec or CustomExerciseSpec(name="", primary_muscles=())
        self._show(spec, "New exercise", "Your own exercise: its sets count for the muscles you tick.")
        self._focus_first_gap(spec)

    def start_edit(self, exercise: Exercise) -> None:
        """Change a custom exercise, or look at a library one (read-only)."""
        self.exercise = exercise
        spec = CustomExerciseSpec.of(exercise)
        if exercise.is_custom:
            self.mode = EditorMode.EDIT
            usage = self._catalog.usage(exercise.id) if exercise.id is not None else None
            used = f"{usage.sentence()}: " if usage is not None and usage.in_use else ""
            self._show(
                spec,
                f"Edit “{exercise.name}”",
                f"{used}History, records and recovery count its sets for the muscles ticked here.",
            )
            self.name.setFocus()
            self.name.selectAll()
        else:
            self.mode = EditorMode.VIEW
            self._show(
                spec,
                exercise.name,
                "A library exercise: it cannot be changed. Duplicate it to make a version of your own.",
            )
            self.duplicate_button.setFocus()

    def start_draft(
        self, spec: CustomExerciseSpec, name_in_file: str, reserved: Collection[str] = ()
    ) -> None:
        """Describe the exercise an import will create for `name_in_file`; `reserved` are the names the
        import's other new exercises take."""
        self.mode, self.exercise = EditorMode.DRAFT, None
        self._reserved = {clean_name(name).casefold() for name in reserved}
        self._show(
            spec,
            f"New exercise for “{name_in_file}”",
            "Created by the import with what you set here; the muscles were a first guess.",
        )
        self._focus_first_gap(spec)

    def duplicate(self) -> None:
        """Start a new exercise of one's own from the one shown."""
        spec = self._spec()
        self.mode, self.exercise = EditorMode.NEW, None
        copy = CustomExerciseSpec(
            name=f"{clean_name(spec.name)} (custom)",
            primary_muscles=spec.primary_muscles,
            secondary_muscles=spec.secondary_muscles,
            equipment=spec.equipment,
            mechanics=spec.mechanics,
            failure_safety=spec.failure_safety,
            assisted=spec.assisted,
            fatigue_factor=spec.fatigue_factor,
        )
        self._show(copy, "New exercise", "A copy of your own: change what differs, then save.")
        self.name.setFocus()
        self.name.selectAll()

    def _show(self, spec: CustomExerciseSpec, heading: str, note: str) -> None:
        read_only = self.mode is EditorMode.VIEW
        self.setWindowTitle(f"{heading} — Gym Companion")
        self.heading.setText(heading)
        self.note.setText(note)
        self.duplicate_button.setVisible(read_only)
        fixed_rest = self.exercise.default_rest_s if read_only and self.exercise is not None else None
        self.form.show_spec(spec, read_only, fixed_rest)
        self.save_button.setVisible(not read_only)
        self.cancel_button.setText("Close" if read_only else "Cancel")
        self.cancel_button.setDefault(read_only)  # Enter: save, or close what cannot be saved
        self.save_button.setDefault(not read_only)
        self.status.clear()

    def _focus_first_gap(self, spec: CustomExerciseSpec) -> None:
        """The cursor where the lifter has something to do: the name, else the muscles."""
        if not clean_name(spec.name):
            self.name.setFocus()
        else:
            self.primary.setFocus()

    # --- saving ---------------------------------------------------------------------------------
    def _spec(self) -> CustomExerciseSpec:
        """What the fields say."""
        return self.form.spec()

    def problems(self) -> dict[str, str]:
        """What stops the fields being saved, by field (empty when they can be)."""
        spec = self._spec()
        exercise_id = self.exercise.id if self.mode is EditorMode.EDIT and self.exercise else None
        problems = self._catalog.problems(spec, exercise_id)
        if NAME not in problems and spec.name.casefold() in self._reserved:
            problems[NAME] = f"Another new exercise of this import is called “{spec.name}”."
        return problems

    def save(self) -> None:
        """Check the fields; store (or hand back, in DRAFT mode) and close, or say what to fix."""
        if self.mode is EditorMode.VIEW:
            return
        problems = self.problems()
        if problems:
            self._report(problems)
            return
        spec = self._spec()
        if self.mode is EditorMode.DRAFT:
            self.drafted.emit(spec)
            self.accept()
            return
        try:
            if self.mode is EditorMode.EDIT and self.exercise is not None and self.exercise.id is not None:
                stored = self._catalog.update_custom(self.exercise.id, spec)
            else:
                stored = self._catalog.create(spec)
        except InvalidExerciseError as error:
            self._report(error.problems)
            return
        except ValueError as error:
            self._report({NAME: str(error)})
            return
        self.saved.emit(stored)
        self.accept()

    def _report(self, problems: dict[str, str]) -> None:
        self.status.setText(" ".join(dict.fromkeys(problems.values())))
        focus = {NAME: self.name, PRIMARY: self.primary, SECONDARY: self.secondary}
        for field, widget in focus.items():
            if field in problems:
                widget.setFocus()
                if widget is self.name:
                    self.name.selectAll()
                return

    def done(self, result: int) -> None:
        """Closed: the keyboard goes back to the window that opened the editor."""
        super().done(result)
        parent = self.parentWidget()
        if parent is not None:
            parent.activateWindow()


def _window(parent: QWidget, catalog: ExerciseCatalog) -> ExerciseEditor:
    editor = ExerciseEditor(catalog, parent)
    editor.setWindowFlag(Qt.WindowType.Window, True)
    editor.resize(880, 620)
    return editor


def _present(editor: ExerciseEditor) -> ExerciseEditor:
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor


def new_exercise(
    parent: QWidget, catalog: ExerciseCatalog, spec: CustomExerciseSpec | None = None
) -> ExerciseEditor:
    """Open the editor (non-modal) on a new custom exercise, prefilled from `spec`."""
    editor = _window(parent, catalog)
    editor.start_new(spec)
    return _present(editor)


def edit_exercise(parent: QWidget, catalog: ExerciseCatalog, exercise: Exercise) -> ExerciseEditor:
    """Open the editor (non-modal) on an exercise: editable when custom, read-only from the library."""
    editor = _window(parent, catalog)
    editor.start_edit(exercise)
    return _present(editor)


def duplicate_exercise(parent: QWidget, catalog: ExerciseCatalog, exercise: Exercise) -> ExerciseEditor:
    """Open the editor (non-modal) on a new custom exercise copied from `exercise`."""
    editor = _window(parent, catalog)
    editor.start_edit(exercise)
    editor.duplicate()
    return _present(editor)


def draft_exercise(
    parent: QWidget,
    catalog: ExerciseCatalog,
    spec: CustomExerciseSpec,
    name_in_file: str,
    reserved: Collection[str] = (),
) -> ExerciseEditor:
    """Open the editor (non-modal) on an exercise an import will create; Save emits `drafted(spec)`."""
    editor = _window(parent, catalog)
    editor.start_draft(spec, name_in_file, reserved)
    return _present(editor)
