"""The Session page: the workout in progress, logged from the keyboard.

Flow: type an exercise (Enter adds it), weight, Tab, reps, Enter logs the set; a working set opens the
RIR / failure prompt (one key); the rest timer starts by itself. Everything is committed before it is
shown. The page only displays and forwards: the rules live in services and domain.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.effort import Rating
from gym_companion.domain.guidance import Advice
from gym_companion.domain.model import Exercise, FailureKind, Mechanics, Muscle, SetEntry, SetType
from gym_companion.domain.rest_countdown import ADJUST_STEP_S, rest_duration_for
from gym_companion.domain.units import format_number, format_weight, parse_weight, to_unit
from gym_companion.domain.validation import InvalidSetError, parse_reps
from gym_companion.services.context import AppContext
from gym_companion.services.exercise_brief import BARBELL_EQUIPMENT, plate_load
from gym_companion.services.resume_rating import rating_to_offer
from gym_companion.ui.session.alarm import RestAlarm
from gym_companion.ui.session.bodyweight_entry import BodyweightPanel
from gym_companion.ui.session.create_exercise_form import CreateExerciseForm
from gym_companion.ui.session.exercise_picker import ExercisePicker
from gym_companion.ui.session.exercise_plan import ExercisePlanView, workout_list_item
from gym_companion.ui.session.rest_timer import RestTimerPanel
from gym_companion.ui.session.rir_prompt import RirPrompt
from gym_companion.ui.session.routine_actions import RoutineActions
from gym_companion.ui.session.routine_chooser import RoutineChooser
from gym_companion.ui.session.save_routine import SaveRoutineForm
from gym_companion.ui.session.sets_table import SetsTable
from gym_companion.ui.session.shortcuts import ShortcutsOverlay
from gym_companion.ui.session.speech import RestCuePlayer
from gym_companion.ui.session.summary_panel import SummaryPanel
from gym_companion.ui.session.superset_controls import SupersetControls
from gym_companion.ui.session.week_glance import WeekGlance
from gym_companion.ui.session.workout_details import WorkoutDetails
from gym_companion.ui.widgets.advice_list import fill_advice_list
from gym_companion.ui.widgets.clock import Clocks
from gym_companion.ui.widgets.side_column import scrolling_column

SET_TYPES = (
    (SetType.WORKING, "Working (Alt+K)"),
    (SetType.WARMUP, "Warm-up (Alt+W)"),
    (SetType.DROP, "Drop (Alt+D)"),
)
MAX_REST_RECORDED_S = 3600


class SessionPage(QWidget):
    """The workout in progress. Emits `data_changed` whenever sets are written."""

    data_changed = Signal()

    def __init__(self, context: AppContext, clocks: Clocks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPage")
        self.context = context
        self.log = context.workout_log
        self.clocks = clocks
        self.alarm = RestAlarm(context.profile.settings.sound)
        self._rating_target: SetEntry | None = None
        self._editing: SetEntry | None = None
        self._build()
        self._wire_shortcuts()
        self._resume_if_unfinished()
        self._refresh_all()

    # --- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        # header: workout title, routines, finish; the workout's notes and "save as routine" below it
        self.workout_title = QLabel("No workout in progress")
        self.workout_title.setObjectName("workoutTitle")
        self.workout_title.setProperty("role", "title")
        self.workout_title.setToolTip("Ctrl+Shift+N: the workout's name and notes")
        self.routines_button = QPushButton("Routines… (Ctrl+Shift+R)")
        self.routines_button.setObjectName("routinesButton")
        self.workout_details = WorkoutDetails()
        self.save_routine_form = SaveRoutineForm()
        self.routine_actions = RoutineActions(
            self.context, self.workout_details, self.save_routine_form, self
        )
        self.routine_actions.start_requested.connect(self.start_workout)
        self.routine_actions.routines_changed.connect(self._refresh_all)
        self.routine_actions.workout_changed.connect(self._refresh_workout_list)
        self.routines_button.clicked.connect(self.routine_actions.edit_routines)
        for form in (self.workout_details, self.save_routine_form):
            form.closed.connect(self._focus_weight)
        self.finish_button = QPushButton("Finish workout")
        self.finish_button.setObjectName("finishWorkoutButton")
        self.finish_button.setToolTip("End the workout and see its summary (Ctrl+Shift+F)")
        self.finish_button.clicked.connect(self.finish_workout)
        header = QHBoxLayout()
        header.addWidget(self.workout_title)
        header.addWidget(self.workout_details.notes_label, 1)
        header.addWidget(self.routines_button)
        header.addWidget(self.finish_button)

        self.resume_banner = QLabel()
        self.resume_banner.setObjectName("resumeBanner")
        self.resume_banner.setWordWrap(True)
        self.resume_banner.setStyleSheet(
            "padding: 6px; border-radius: 6px; background: palette(alternate-base);"
        )
        self.resume_banner.hide()

        # left: picker and the workout's exercises
        self.picker = ExercisePicker(self.context.catalog)
        self.picker.chosen.connect(self.add_exercise)
        self.picker.create_requested.connect(self._show_create_form)
        self.create_form = CreateExerciseForm()
        self.create_form.created.connect(self._create_exercise)
        self.create_form.details_requested.connect(self._create_exercise_in_editor)
        self.workout_list = QListWidget()
        self.workout_list.setObjectName("workoutExercises")
        self.workout_list.setToolTip("Exercises in this workout (Ctrl+↑ / Ctrl+↓ to switch)")
        self.workout_list.setStyleSheet("QListWidget { font-size: 13pt; } QListWidget::item { padding: 3px }")
        self.workout_list.setWordWrap(True)  # long names wrap instead of scrolling sideways
        self.workout_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.workout_list.currentRowChanged.connect(self._select_slot)
        left = QVBoxLayout()
        left.addWidget(self.picker)
        left.addWidget(self.create_form)
        caption = QLabel("This workout")
        caption.setProperty("role", "muted")
        left.addWidget(caption)
        left.addWidget(self.workout_list, 1)

        # centre: the current exercise
        self.exercise_title = QLabel("Add an exercise to begin")
        self.exercise_title.setObjectName("currentExercise")
        self.exercise_title.setStyleSheet("font-size: 24pt; font-weight: 700;")
        self.last_time_label = QLabel()
        self.last_time_label.setObjectName("lastTimeLabel")
        self.last_time_label.setWordWrap(True)
        self.suggestion_label = QLabel()
        self.suggestion_label.setObjectName("suggestionLabel")
        self.suggestion_label.setWordWrap(True)
        self.warmup_label = QLabel()
        self.warmup_label.setObjectName("warmupLabel")
        self.warmup_label.setWordWrap(True)
        self.plates_label = QLabel()
        self.plates_label.setObjectName("platesLabel")
        self.plates_label.setProperty("role", "muted")
        for label in (self.last_time_label, self.suggestion_label, self.warmup_label):
            label.setStyleSheet("font-size: 13pt;")

        unit = self.context.profile.settings.unit.value
        self.weight_input = QLineEdit()
        self.weight_input.setObjectName("weightInput")
        self.weight_input.setPlaceholderText(unit)
        self.weight_input.setToolTip(
            f"Weight in {unit} (added load for bodyweight exercises). Tab or Enter: reps"
        )
        self.reps_input = QLineEdit()
        self.reps_input.setObjectName("repsInput")
        self.reps_input.setPlaceholderText("reps")
        self.reps_input.setToolTip("Reps done. Enter logs the set")
        for field_ in (self.weight_input, self.reps_input):
            field_.setStyleSheet("font-size: 22pt; padding: 4px;")
            field_.setMaximumWidth(170)
        self.unit_label = QLabel(unit)
        self.unit_label.setStyleSheet("font-size: 18pt;")
        times = QLabel("×")
        times.setStyleSheet("font-size: 18pt;")
        self.set_type_combo = QComboBox()
        self.set_type_combo.setObjectName("setTypeCombo")
        for set_type, label in SET_TYPES:
            self.set_type_combo.addItem(label, set_type.value)
        self.set_type_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.note_input = QLineEdit()
        self.note_input.setObjectName("setNoteInput")
        self.note_input.setPlaceholderText("set note (optional)")
        self.log_button = QPushButton("Log set")
        self.log_button.setObjectName("logSetButton")
        self.log_button.setToolTip("Save the set (Enter in reps)")
        self.log_button.setStyleSheet("font-size: 15pt; font-weight: 600; padding: 8px 20px;")
        self.log_button.clicked.connect(self.log_set)
        self.weight_input.returnPressed.connect(self._weight_entered)
        self.reps_input.returnPressed.connect(self.log_set)
        self.weight_input.textChanged.connect(self._update_plates)
        inputs = QHBoxLayout()
        inputs.addWidget(self.weight_input)
        inputs.addWidget(self.unit_label)
        inputs.addWidget(times)
        inputs.addWidget(self.reps_input)
        inputs.addWidget(self.log_button)
        inputs.addStretch(1)
        extras = QHBoxLayout()
        extras.addWidget(self.set_type_combo)
        extras.addWidget(self.note_input, 1)
        self.error_label = QLabel()
        self.error_label.setObjectName("inputError")
        self.error_label.setProperty("role", "error")
        self.error_label.hide()

        self.rir_prompt = RirPrompt()
        self.rir_prompt.rated.connect(self._rated)
        self.rir_prompt.dismissed.connect(self._rating_dismissed)
        self.sets_table = SetsTable()
        self.sets_table.rerate_requested.connect(self.rerate)
        self.sets_table.edit_requested.connect(self.begin_edit)
        self.sets_table.delete_requested.connect(self.delete_set)
        self.advice_list = QListWidget()
        self.advice_list.setObjectName("adviceList")
        self.advice_list.setWordWrap(True)  # a long message wraps rather than scrolling sideways
        self.advice_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.advice_list.setMaximumHeight(110)
        self.advice_list.setToolTip("Guidance for this exercise and its latest set; hover an item for why")
        self.summary_panel = SummaryPanel()
        self.summary_panel.closed.connect(self._summary_closed)
        self.summary_panel.save_as_routine.connect(self._open_save_routine)

        centre = QVBoxLayout()
        centre.addWidget(self.exercise_title)
        self.plan_view = ExercisePlanView()
        self.plan_view.note_edited.connect(self.routine_actions.save_exercise_note)
        self.plan_view.note_done.connect(self._focus_weight)
        centre.addWidget(self.plan_view)
        extras.addWidget(self.plan_view.note_input, 1)  # the exercise's note beside the set's
        centre.addWidget(self.last_time_label)
        centre.addWidget(self.suggestion_label)
        centre.addWidget(self.warmup_label)
        centre.addLayout(inputs)
        centre.addLayout(extras)
        centre.addWidget(self.plates_label)
        centre.addWidget(self.error_label)
        centre.addWidget(self.rir_prompt)
        centre.addWidget(self.sets_table, 1)
        centre.addWidget(self.advice_list)
        self.logging_area = QWidget()
        self.logging_area.setLayout(centre)
        centre_stack = QVBoxLayout()
        # the banner sits over the centre only: across the page it pushed the side column into a scrollbar
        centre_stack.addWidget(self.resume_banner)
        centre_stack.addWidget(self.logging_area, 1)
        centre_stack.addWidget(self.summary_panel, 1)
        self.routine_chooser = RoutineChooser()
        self.routine_chooser.start_requested.connect(self.start_workout)
        self.routine_chooser.edit_requested.connect(self.routine_actions.edit_routines)
        centre_stack.addWidget(self.routine_chooser, 1)

        # right: rest timer and quick facts
        self.rest_panel = RestTimerPanel(self.clocks, self.alarm)
        self.rest_panel.state_changed.connect(self.context.profile.save_rest_timer_state)
        self.rest_cues = RestCuePlayer.for_workout(self.rest_panel, self.context, self)  # next set, voice
        self.superset_controls = SupersetControls(self.context, self.rest_panel)  # Ctrl+G, rounds
        self.superset_controls.grouping_changed.connect(self._refresh_workout_list)
        self.superset_controls.moved.connect(self._superset_moved)
        self.superset_controls.problem.connect(self._show_error)
        left.addWidget(self.superset_controls)  # under the workout list
        self.bodyweight_panel = BodyweightPanel(self.context)
        self.bodyweight_panel.changed.connect(self.data_changed)
        self.bodyweight_panel.done.connect(
            lambda: self._focus_weight() if self.log.current else self._focus_search()
        )
        self.week_glance = WeekGlance(self.context)
        self.data_changed.connect(self.week_glance.mark_stale)
        self.undo_button = QPushButton("Undo delete (Ctrl+Z)")
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        self.shortcuts_hint = QLabel("Press F1 for all keyboard shortcuts")
        self.shortcuts_hint.setProperty("role", "muted")
        left.addWidget(self.shortcuts_hint)  # with the other key hints; the side column needs the height
        right = QVBoxLayout()
        right.addWidget(self.rest_panel)
        right.addWidget(self.undo_button)
        right.addWidget(scrolling_column(self.bodyweight_panel, self.week_glance), 1)

        body = QHBoxLayout()
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setFixedWidth(300)
        right_widget = QWidget()
        right_widget.setLayout(right)
        right_widget.setFixedWidth(300)
        body.addWidget(left_widget)
        body.addLayout(centre_stack, 1)
        body.addWidget(right_widget)
        outer = QVBoxLayout(self)
        outer.addLayout(header)
        outer.addWidget(self.workout_details)
        outer.addWidget(self.save_routine_form)
        outer.addLayout(body, 1)
        self.shortcuts_overlay = ShortcutsOverlay(self)

    def _wire_shortcuts(self) -> None:
        def bind(keys: str, slot: object) -> None:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        bind("Ctrl+E", self._focus_search)
        bind("Ctrl+L", self._focus_search)
        bind("Ctrl+N", self._focus_exercise_note)
        bind("Ctrl+Shift+N", self.workout_details.open_editor)
        bind("Ctrl+R", self._focus_routines)
        bind("Ctrl+Shift+R", self.routine_actions.edit_routines)
        bind("Ctrl+Shift+T", self._open_save_routine)
        bind("Ctrl+Shift+F", self.finish_workout)
        bind("Ctrl+Z", self.undo_delete)
        bind("Ctrl+Up", lambda: self._step_exercise(-1))
        bind("Ctrl+Down", lambda: self._step_exercise(1))
        bind("Alt+W", lambda: self._set_type(SetType.WARMUP))
        bind("Alt+K", lambda: self._set_type(SetType.WORKING))
        bind("Alt+D", lambda: self._set_type(SetType.DROP))
        bind("Ctrl+=", lambda: self.rest_panel.adjust(ADJUST_STEP_S))
        bind("Ctrl++", lambda: self.rest_panel.adjust(ADJUST_STEP_S))
        bind("Ctrl+-", lambda: self.rest_panel.adjust(-ADJUST_STEP_S))
        bind("Ctrl+Shift+S", self.rest_panel.skip)
        bind("Ctrl+T", self._focus_sets)
        bind("Ctrl+B", self.bodyweight_panel.focus_entry)
        bind("Ctrl+G", self.superset_controls.group_with_previous)
        bind("Ctrl+Shift+G", self.superset_controls.ungroup)
        # F1 is the Help menu's "Keyboard shortcuts" (window-wide); a second F1 here made both ambiguous.

    # --- workout lifecycle ----------------------------------------------------------------------
    def _resume_if_unfinished(self) -> None:
        session = self.log.unfinished()
        if session is None:
            return
        self.log.resume(session)
        count = len(self.log.all_sets())
        started = session.started_at.astimezone().strftime("%a %d %b %H:%M")
        self.resume_banner.setText(
            f"Resumed your unfinished workout from {started} with {count} set{'' if count == 1 else 's'}. "
            "Carry on, or finish it with Ctrl+Shift+F."
        )
        self.resume_banner.show()
        state = self.context.profile.rest_timer_state()
        if state:
            self.rest_panel.restore(state)
        if not self.weight_input.text() and not self.reps_input.text():  # the next set shown under the timer
            weight, reps = self.superset_controls.next_numbers()
            self.weight_input.setText(weight)
            self.reps_input.setText(reps)
        cut_short = rating_to_offer(self.log.all_sets(), self.clocks.now())
        if cut_short is not None:  # the app died while this set's prompt was open: ask again
            self._ask_rating(cut_short)

    def start_workout(self, routine_id: int | None = None) -> None:
        """Start a workout, empty or from a routine (its exercises in order, each with its plan)."""
        if self.log.active:
            self._focus_search()
            return
        routine = self.context.routines.get(routine_id) if routine_id is not None else None
        self.log.start(routine=routine)
        self.summary_panel.hide()
        self.save_routine_form.close_form()
        self._refresh_all()
        self._show_advice(self.context.advice.on_exercise_added())
        self._focus_search() if not self.log.slots else self._focus_weight()

    def finish_workout(self) -> None:
        """Finish the workout and show its summary (non-modal)."""
        if not self.log.active or self.rir_prompt.isVisible():
            return
        if not self.log.all_sets():
            self.log.discard()
            self._refresh_all()
            return
        finished_name = self.log.session.name if self.log.session else ""
        self.routine_actions.remember_finished(self.log.slots, finished_name)
        session, summary = self.log.finish()
        self.rest_panel.skip()
        self.resume_banner.hide()
        self.logging_area.hide()
        self.summary_panel.show_summary(session, summary, self.context.profile.settings.unit)
        self._refresh_all()
        self.data_changed.emit()

    def _summary_closed(self) -> None:
        self._show_centre()
        self.save_routine_form.close_form()
        self._focus_search()

    def _show_centre(self) -> None:
        """The summary after Finish; else the logging area in a workout, the routine chooser without one."""
        summary = not self.summary_panel.isHidden()
        self.routine_chooser.setVisible(not summary and not self.log.active)
        self.logging_area.setVisible(not summary and self.log.active)

    def _focus_routines(self) -> None:
        if self.log.active:
            self._show_error("A workout is open: finish it (Ctrl+Shift+F) before starting another.")
            return
        self.summary_panel.hide()
        self._show_centre()
        self.routine_chooser.focus_choices()

    def _focus_exercise_note(self) -> None:
        self._report(None if self.log.current else "Add an exercise first (Ctrl+E).")
        if self.log.current is not None:
            self.plan_view.focus_note()

    def _open_save_routine(self) -> None:
        self._report(self.routine_actions.open_save_form())

    def _report(self, problem: str | None) -> None:
        if problem:
            self._show_error(problem)

    # --- exercises ------------------------------------------------------------------------------
    def add_exercise(self, exercise: Exercise) -> None:
        """Add an exercise to the workout (starting one if needed) and make it current."""
        if not self.log.active:
            self.summary_panel.hide()
            self.logging_area.show()
        self.log.add_exercise(exercise)
        self._refresh_all()
        self._show_advice(self.context.advice.on_exercise_added())
        self.weight_input.setFocus()
        self.weight_input.selectAll()

    def _show_create_form(self, name: str) -> None:
        closest = next(iter(self.context.catalog.search(name, 1)), None)
        self.create_form.open_for(
            name,
            closest.primary_muscles[0] if closest and closest.primary_muscles else None,
            closest.name if closest else "",
        )

    def _create_exercise_in_editor(self, name: str, muscle: Muscle, mechanics: Mechanics) -> None:
        """The full exercise editor (every muscle, equipment, failure safety); Save adds it to the workout."""
        from gym_companion.domain.custom_exercise import CustomExerciseSpec
        from gym_companion.ui.exercises.editor import new_exercise

        spec = CustomExerciseSpec(name=name, primary_muscles=(muscle,), mechanics=mechanics)
        new_exercise(self, self.context.catalog, spec).saved.connect(self._custom_exercise_saved)

    def _custom_exercise_saved(self, exercise: Exercise) -> None:
        self.create_form.hide()
        self.picker.search.clear()
        self.add_exercise(exercise)

    def exercises_changed(self) -> None:
        """Custom exercises were changed elsewhere: the workout shows their new names, muscles and advice."""
        self.log.exercises_changed()
        self._refresh_all()

    def _create_exercise(self, name: str, muscle: Muscle, mechanics: Mechanics) -> None:
        try:
            exercise = self.context.catalog.add_custom(name, (muscle,), mechanics=mechanics)
        except ValueError as exc:
            self.create_form.show_error(str(exc))
            return
        self.create_form.hide()
        self.picker.search.clear()
        self.add_exercise(exercise)

    def _select_slot(self, row: int) -> None:
        if row < 0 or row == self.log.current_index or row >= len(self.log.slots):
            return
        self.log.select(row)
        self._refresh_current()
        self._show_advice(self.context.advice.on_exercise_added())

    def _step_exercise(self, delta: int) -> None:
        if not self.log.slots or self.log.current_index is None:
            return
        row = max(0, min(len(self.log.slots) - 1, self.log.current_index + delta))
        self.workout_list.setCurrentRow(row)

    # --- logging --------------------------------------------------------------------------------
    def _weight_entered(self) -> None:
        self.reps_input.setFocus()
        self.reps_input.selectAll()

    def log_set(self) -> None:
        """Validate the inputs and log (or, while editing, save) the set."""
        slot = self.log.current
        if slot is None:
            self._show_error("Add an exercise first (Ctrl+E).")
            return
        if self.rir_prompt.isVisible():
            return
        settings = self.context.profile.settings
        try:
            weight_kg = parse_weight(
                self.weight_input.text(), settings.unit, allow_negative=slot.exercise.assisted
            )
        except ValueError as exc:
            self._show_error(str(exc), self.weight_input)
            return
        try:
            reps = parse_reps(self.reps_input.text())
        except InvalidSetError as exc:
            self._show_error(str(exc), self.reps_input)
            return
        set_type = SetType(self.set_type_combo.currentData())
        try:
            if self._editing is not None:
                self.log.edit(
                    self._editing,
                    weight_kg=weight_kg,
                    reps=reps,
                    set_type=set_type,
                    notes=self.note_input.text(),
                )
                self._end_edit()
                self._after_change()
                return
            entry = self.log.log_set(
                weight_kg,
                reps,
                set_type,
                settings.unit,
                rest_before_s=self._rest_before(),
                notes=self.note_input.text().strip(),
            )
        except InvalidSetError as exc:
            self._show_error(str(exc), self.weight_input)
            return
        self.error_label.hide()
        self.note_input.clear()
        self._after_change()
        if set_type is SetType.WARMUP:
            self._start_rest(entry)
            self.weight_input.setFocus()
            self.weight_input.selectAll()
        else:
            self._ask_rating(entry)

    def _rest_before(self) -> int | None:
        sets = self.log.all_sets()
        if not sets:
            return None
        seconds = int((self.clocks.now() - max(s.logged_at for s in sets)).total_seconds())
        return seconds if 0 <= seconds <= MAX_REST_RECORDED_S else None

    def _ask_rating(self, entry: SetEntry) -> None:
        self._rating_target = entry
        slot = next((s for s in self.log.slots if entry in s.sets), self.log.current)
        name = slot.exercise.name if slot else "Set"
        weight = format_weight(entry.weight_kg, self.context.profile.settings.unit)
        self.rir_prompt.ask(f"{name} · {weight} × {entry.reps} — how many more reps could you have done?")

    def _rated(self, rating: Rating) -> None:
        entry = self._rating_target
        self._rating_target = None
        if entry is None:
            return
        was_new = entry.rir is None and entry.failure is FailureKind.NONE
        updated = self.log.rate(entry, rating)
        self._after_change()
        about_set = self.context.advice.on_set_rated(updated)
        newer = {a.rule for a in about_set}  # a rule said again about this set replaces its earlier word
        self._show_advice(
            [a for a in self.context.advice.on_exercise_added() if a.rule not in newer] + about_set
        )
        if was_new:
            self._start_rest(updated)
        self.weight_input.setFocus()
        self.weight_input.selectAll()

    def _rating_dismissed(self) -> None:
        entry = self._rating_target
        self._rating_target = None
        if entry is not None and entry.rir is None:
            self._start_rest(entry)
        self.weight_input.setFocus()
        self.weight_input.selectAll()

    def _start_rest(self, entry: SetEntry) -> None:
        if self.superset_controls.rest_after(entry):  # a superset: the next exercise, then its timer
            return
        slot = self.log.current
        settings = self.context.profile.settings  # rest defaults and failure extensions (Preferences)
        default = settings.default_rest_s(slot.exercise) if slot else 90
        if slot is not None and slot.rest_s is not None:  # the routine's rest for this exercise
            default = slot.rest_s
        extras = (settings.rest_after_technical_s, settings.rest_after_absolute_s)
        # A drop set ends its working set, so the full rest follows it (the 0 s is the rest before a drop).
        set_type = SetType.WORKING if entry.set_type is SetType.DROP else entry.set_type
        seconds = rest_duration_for(default, entry.failure, set_type, *extras)
        caption = "Rest — longer after failure" if entry.failure is not FailureKind.NONE else "Rest"
        self.rest_panel.start(seconds, caption)

    def rerate(self, entry: SetEntry) -> None:
        """Open the prompt again for an already logged set."""
        if entry.set_type is SetType.WARMUP:
            self._show_error("Warm-ups are not rated.")
            return
        self._rating_target = entry
        weight = format_weight(entry.weight_kg, self.context.profile.settings.unit)
        self.rir_prompt.ask(f"Re-rate {weight} × {entry.reps}: how many more reps were left?")

    def begin_edit(self, entry: SetEntry) -> None:
        """Load a logged set into the inputs; Enter saves it, Esc cancels."""
        self._editing = entry
        unit = self.context.profile.settings.unit
        self.weight_input.setText(format_number(to_unit(entry.weight_kg, unit)))
        self.reps_input.setText(str(entry.reps))
        self.note_input.setText(entry.notes)
        self._set_type(entry.set_type)
        self.log_button.setText("Save set")
        self.weight_input.setFocus()
        self.weight_input.selectAll()

    def _end_edit(self) -> None:
        self._editing = None
        self.log_button.setText("Log set")
        self.note_input.clear()

    def delete_set(self, entry: SetEntry) -> None:
        """Delete a set (Ctrl+Z undoes)."""
        self.log.delete(entry)
        self.undo_button.show()
        self._after_change()

    def undo_delete(self) -> None:
        """Bring back the last deleted set."""
        if self.log.undo_delete() is not None:
            self._after_change()
        self.undo_button.setVisible(self.log.can_undo)

    def showEvent(self, event: QShowEvent) -> None:
        """On coming into view (start-up, Ctrl+1) the keyboard goes to the next step, so shortcuts work."""
        super().showEvent(event)
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            return
        if not self.rir_prompt.isHidden():  # a prompt offered again on resume takes the keys
            self.rir_prompt.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.log.active and self.summary_panel.isHidden():
            self.routine_chooser.focus_choices()
        elif self.log.active:
            self._focus_weight() if self.log.current is not None else self._focus_search()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Esc cancels an edit."""
        if event.key() == Qt.Key.Key_Escape and self._editing is not None:
            self._end_edit()
            return
        super().keyPressEvent(event)

    # --- display --------------------------------------------------------------------------------
    def _after_change(self) -> None:
        self._refresh_workout_list()
        self._refresh_current()
        self.data_changed.emit()

    def _refresh_all(self) -> None:
        self._routines = self.context.routines.all()
        self.routine_chooser.show_routines(self._routines, self.context.catalog.by_id())
        self._refresh_workout_list()  # also refreshes the header
        self._refresh_current()

    def apply_settings(self) -> None:
        """Preferences were saved: weights in the unit now chosen, the alarm as chosen, the brief rebuilt."""
        settings = self.context.profile.settings
        self.alarm.sound_enabled = settings.sound
        unit, shown = settings.unit.value, self.unit_label.text()
        typed = self.weight_input.text().strip()
        if typed and shown != unit:
            try:  # a typed weight keeps its meaning: the old unit as a suffix overrides the new one
                kg: float | None = parse_weight(f"{typed} {shown}", settings.unit, allow_negative=True)
            except ValueError:
                kg = None
            if kg is not None:
                self.weight_input.setText(format_number(to_unit(kg, settings.unit)))
        self.unit_label.setText(unit)
        self.weight_input.setPlaceholderText(unit)
        self.weight_input.setToolTip(
            f"Weight in {unit} (added load for bodyweight exercises). Tab or Enter: reps"
        )
        self.bodyweight_panel.mark_stale()  # kg / lb
        self.week_glance.mark_stale()  # the failure cap, failure features on or off
        self._refresh_all()

    def _refresh_header(self) -> None:
        session = self.log.session
        if session is None:
            self.workout_title.setText("No workout in progress — type an exercise to start")
        else:
            started = session.started_at.astimezone().strftime("%H:%M")
            self.workout_title.setText(f"{session.name} · started {started}")
        self.finish_button.setEnabled(session is not None)
        self.workout_details.show_session(session)

    def _refresh_workout_list(self) -> None:
        self.workout_list.blockSignals(True)
        self.workout_list.clear()
        for slot, (group, why) in zip(self.log.slots, self.superset_controls.row_groups(), strict=True):
            self.workout_list.addItem(workout_list_item(slot, group, why))
        if self.log.current_index is not None:
            self.workout_list.setCurrentRow(self.log.current_index)
        self.workout_list.blockSignals(False)
        self.superset_controls.refresh()
        self._refresh_header()

    def _superset_moved(self, weight: str, reps: str, advice: list[Advice]) -> None:
        """Logging moved round a superset: the next exercise with its next set's numbers and its advice."""
        self.weight_input.setText(weight)
        self.reps_input.setText(reps)
        self._refresh_workout_list()
        self._refresh_current()
        self._show_advice(advice)

    def _refresh_current(self) -> None:
        self.superset_controls.refresh()  # what the current exercise's next set leads to
        slot = self.log.current
        settings = self.context.profile.settings
        unit = settings.unit
        self._show_centre()
        if slot is None or self.log.session is None:
            self.plan_view.show_slot(None, 0, "", 0)
            self.plan_view.note_input.setEnabled(False)
            self.advice_list.clear()
            self.exercise_title.setText("Add an exercise to begin")
            for label in (self.last_time_label, self.suggestion_label, self.warmup_label, self.plates_label):
                label.clear()
            self.sets_table.show_sets([], unit)
            self._set_inputs_enabled(False)
            self._hide_empty_labels()
            return
        self._set_inputs_enabled(True)
        self.exercise_title.setText(slot.exercise.name)
        self.plan_view.note_input.setEnabled(True)
        rest = settings.default_rest_s(slot.exercise)
        self.plan_view.show_slot(slot.plan, slot.planned_working_sets, slot.note, rest)
        first_compound = (
            next((s for s in self.log.slots if s.exercise.mechanics is Mechanics.COMPOUND), None) is slot
        )
        brief = self.log.brief(slot, settings, first_compound)
        if brief.last_sets:
            when = _days_ago(brief.last_date, self.clocks.now()) if brief.last_date else ""
            sets_text = ", ".join(
                f"{format_weight(s.weight_kg, unit)} × {s.reps}"
                + (f" @ {_effort_short(s)}" if _effort_short(s) else "")
                for s in brief.last_sets
                if s.set_type is not SetType.WARMUP
            )
            self.last_time_label.setText(f"<b>Last time</b> ({when}): {sets_text}")
        else:
            self.last_time_label.setText(
                "<b>Last time</b>: first time — pick a weight you can do for 8–12 with 2–3 in reserve."
            )
        if brief.suggestion is not None:
            s = brief.suggestion
            rir = f" @ RIR {s.target_rir}" if s.target_rir is not None else ""
            self.suggestion_label.setText(f"<b>Today</b>: {format_weight(s.weight_kg, unit)} × {s.reps}{rir}")
            self.suggestion_label.setToolTip(f"Why: {s.reason}")
            if not slot.sets and not self.weight_input.text():
                self.weight_input.setText(format_number(to_unit(s.weight_kg, unit)))
                self.reps_input.setText(str(s.reps))
        else:
            self.suggestion_label.clear()
        if brief.warmups:
            steps = " · ".join(f"{format_weight(w.weight_kg, unit)} × {w.reps}" for w in brief.warmups)
            self.warmup_label.setText(f"<b>Warm-up</b>: {steps}")
            self.warmup_label.setToolTip("A ramp to the working weight: bar, then about 40 %, 60 % and 80 %")
        else:
            self.warmup_label.clear()
        self.sets_table.show_sets(slot.sets, unit)
        self._update_plates()
        self._hide_empty_labels()

    def _hide_empty_labels(self) -> None:
        for label in (self.last_time_label, self.suggestion_label, self.warmup_label, self.plates_label):
            label.setVisible(bool(label.text()))
        self.advice_list.setVisible(self.advice_list.count() > 0)

    def _show_advice(self, advice: list[Advice]) -> None:
        """Fill the advice list (rule ID in Qt.UserRole; the facts behind it as the tooltip)."""
        fill_advice_list(self.advice_list, advice)

    def _update_plates(self) -> None:
        slot = self.log.current
        settings = self.context.profile.settings
        if slot is None or slot.exercise.equipment not in BARBELL_EQUIPMENT:
            self.plates_label.clear()
            self.plates_label.hide()
            return
        try:
            weight_kg = parse_weight(self.weight_input.text(), settings.unit)
        except ValueError:
            self.plates_label.clear()
            self.plates_label.hide()
            return
        load = plate_load(weight_kg, settings)
        if not load.per_side:
            self.plates_label.setText("Plates: just the bar")
            self.plates_label.show()
            return
        per_side = " + ".join(format_number(p) for p in load.per_side)
        extra = f" (closest: {format_number(load.achieved_total)})" if abs(load.remainder) > 1e-6 else ""
        self.plates_label.setText(f"Plates per side: {per_side} {settings.unit.value}{extra}")
        self.plates_label.setVisible(True)

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.weight_input, self.reps_input, self.log_button, self.note_input):
            widget.setEnabled(enabled)

    def _show_error(self, message: str, field_: QLineEdit | None = None) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        if field_ is not None:
            field_.setFocus()
            field_.selectAll()

    def _set_type(self, set_type: SetType) -> None:
        index = self.set_type_combo.findData(set_type.value)
        if index >= 0:
            self.set_type_combo.setCurrentIndex(index)

    def _focus_search(self) -> None:
        self.picker.search.setFocus()
        self.picker.search.selectAll()

    def _focus_sets(self) -> None:
        self.sets_table.setFocus()
        if self.sets_table.rowCount():
            self.sets_table.selectRow(self.sets_table.rowCount() - 1)

    def show_shortcuts(self) -> None:
        """Show the keyboard shortcuts overlay (F1; Esc closes)."""
        self.shortcuts_overlay.toggle()

    def shutdown(self) -> None:
        """Save what must survive: the running rest timer; close the routine editor window."""
        self.context.profile.save_rest_timer_state(self.rest_panel.state())
        self.routine_actions.close()

    def _focus_weight(self) -> None:
        self.weight_input.setFocus()
        self.weight_input.selectAll()


def _effort_short(entry: SetEntry) -> str:
    if entry.failure is FailureKind.TECHNICAL:
        return "T"
    if entry.failure is FailureKind.ABSOLUTE:
        return "F"
    if entry.rir is None:
        return ""
    return "5+" if entry.rir >= 5 else str(entry.rir)


def _days_ago(then: datetime, now: datetime) -> str:
    days = (now.date() - then.astimezone(now.tzinfo).date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"
