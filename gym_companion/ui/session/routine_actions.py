"""The Session page's routine and notes actions, kept out of the page itself.

Opens the routine editor (a separate, non-modal window), saves the current or just-finished workout as a
routine, and writes the workout's name and notes and the current exercise's note. Everything goes through
the services; the page only refreshes when told (`workout_changed`, `routines_changed`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from gym_companion.services.context import AppContext
from gym_companion.services.workout_log import WorkoutSlot
from gym_companion.ui.routines.editor import RoutineEditor
from gym_companion.ui.session.save_routine import SaveRoutineForm
from gym_companion.ui.session.workout_details import WorkoutDetails


class RoutineActions(QObject):
    """Routines and notes for the session page. `start_requested(routine id)` asks the page to start one."""

    routines_changed = Signal()
    workout_changed = Signal()
    start_requested = Signal(int)

    def __init__(
        self, context: AppContext, details: WorkoutDetails, save_form: SaveRoutineForm, host: QWidget
    ) -> None:
        super().__init__(host)
        self._context = context
        self._log = context.workout_log
        self._details = details
        self._save_form = save_form
        self._host = host
        self.editor: RoutineEditor | None = None
        self._finished_slots: list[WorkoutSlot] = []
        self._finished_name = ""
        details.saved.connect(self.save_details)
        save_form.save_requested.connect(self.save_as_routine)

    # --- the routine editor ---------------------------------------------------------------------
    def edit_routines(self) -> None:
        """Open the routine editor window (created on first use)."""
        if self.editor is None:
            self.editor = RoutineEditor(
                self._context.routines,
                self._context.catalog,
                lambda: self._context.profile.settings.target_rir,
                self._host,
            )
            self.editor.routines_changed.connect(self.routines_changed)
            self.editor.start_requested.connect(self._start_from_editor)
        self.editor.open_editor()

    def _start_from_editor(self, routine_id: int) -> None:
        assert self.editor is not None
        if self._log.active:
            self.editor.status.setText(
                "A workout is open: finish it first (Ctrl+Shift+F in the Session page)."
            )
            return
        self.editor.close()
        self.start_requested.emit(routine_id)
        self._host.window().activateWindow()

    def close(self) -> None:
        """Close the editor window with the main window."""
        if self.editor is not None:
            self.editor.close()

    # --- save a workout as a routine ------------------------------------------------------------
    def remember_finished(self, slots: list[WorkoutSlot], name: str) -> None:
        """Keep the workout just finished, so that it can still be saved as a routine from the summary."""
        self._finished_slots = list(slots)
        self._finished_name = name

    def open_save_form(self) -> str | None:
        """Open 'save as routine' for the open (or just finished) workout; returns why not, if it cannot."""
        slots, name = self._workout_for_routine()
        if not slots:
            return "Add exercises first: a routine is made from this workout's exercises."
        self._save_form.open_for(name)
        return None

    def save_as_routine(self, name: str) -> None:
        """Save the workout's exercises (with their plan, or what was done) as a new routine."""
        slots, _ = self._workout_for_routine()
        target_rir = self._context.profile.settings.target_rir
        try:
            routine = self._context.routines.from_workout(name, slots, target_rir)
        except ValueError as exc:
            self._save_form.show_result(str(exc), done=False)
            return
        count = len(routine.exercises)
        self._save_form.show_result(
            f"Saved as “{routine.name}” ({count} exercise{'s' if count != 1 else ''}). Esc closes.", done=True
        )
        self.routines_changed.emit()

    def _workout_for_routine(self) -> tuple[list[WorkoutSlot], str]:
        if self._log.active and self._log.session is not None:
            return list(self._log.slots), self._log.session.name
        return self._finished_slots, self._finished_name

    # --- notes ----------------------------------------------------------------------------------
    def save_details(self, name: str, notes: str) -> None:
        """Rename the workout and set its notes (the editor stays open with a message if the name is bad)."""
        if not self._log.active:
            self._details.close_editor()
            return
        try:
            self._log.rename(name)
        except ValueError as exc:
            self._details.show_error(str(exc))
            return
        self._log.set_notes(notes)
        self._details.show_session(self._log.session)
        self._details.close_editor()
        self.workout_changed.emit()

    def save_exercise_note(self, text: str) -> None:
        """Write the current exercise's note."""
        if self._log.active and self._log.current_index is not None:
            self._log.set_exercise_note(self._log.current_index, text)
            self.workout_changed.emit()
