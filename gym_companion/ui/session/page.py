"""The Session page: the workout in progress, logged from the keyboard.

Flow: type an exercise (Enter adds it), weight, Tab, reps, Enter logs the set; a working set opens the
RIR / failure prompt (one key); the rest timer starts by itself. Everything is committed before it is
shown. The page only displays and forwards: the rules live in services and domain.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
from gym_companion.ui.session.alarm import RestAlarm
from gym_companion.ui.session.exercise_picker import ExercisePicker
from gym_companion.ui.session.rest_timer import RestTimerPanel
from gym_companion.ui.session.rir_prompt import RirPrompt
from gym_companion.ui.session.sets_table import SetsTable
from gym_companion.ui.session.shortcuts import ShortcutsOverlay
from gym_companion.ui.session.summary_panel import SummaryPanel
from gym_companion.ui.widgets.clock import Clocks

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
        # header: workout title, start-from-routine, finish
        self.workout_title = QLabel("No workout in progress")
        self.workout_title.setObjectName("workoutTitle")
        self.workout_title.setProperty("role", "title")
        self.routine_combo = QComboBox()
        self.routine_combo.setObjectName("routineCombo")
        self.routine_combo.setToolTip("Start empty or from a routine")
        self.start_button = QPushButton("Start workout (Ctrl+N)")
        self.start_button.setObjectName("startWorkoutButton")
        self.start_button.clicked.connect(self.start_workout)
        self.finish_button = QPushButton("Finish workout")
        self.finish_button.setObjectName("finishWorkoutButton")
        self.finish_button.setToolTip("End the workout and see its summary (Ctrl+Shift+F)")
        self.finish_button.clicked.connect(self.finish_workout)
        header = QHBoxLayout()
        header.addWidget(self.workout_title, 1)
        header.addWidget(self.routine_combo)
        header.addWidget(self.start_button)
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
        self.create_form = _CreateExerciseForm()
        self.create_form.created.connect(self._create_exercise)
        self.workout_list = QListWidget()
        self.workout_list.setObjectName("workoutExercises")
        self.workout_list.setToolTip("Exercises in this workout (Ctrl+↑ / Ctrl+↓ to switch)")
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
        self.note_input.setPlaceholderText("note (optional)")
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
        self.advice_list.setMaximumHeight(110)
        self.advice_list.setToolTip("Guidance for this exercise and its latest set; hover an item for why")
        self.summary_panel = SummaryPanel()
        self.summary_panel.closed.connect(self._summary_closed)

        centre = QVBoxLayout()
        centre.addWidget(self.exercise_title)
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
        centre_stack.addWidget(self.logging_area, 1)
        centre_stack.addWidget(self.summary_panel, 1)

        # right: rest timer and quick facts
        self.rest_panel = RestTimerPanel(self.clocks, self.alarm)
        self.rest_panel.state_changed.connect(self.context.profile.save_rest_timer_state)
        self.undo_button = QPushButton("Undo delete (Ctrl+Z)")
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        self.shortcuts_hint = QLabel("Press F1 for all keyboard shortcuts")
        self.shortcuts_hint.setProperty("role", "muted")
        right = QVBoxLayout()
        right.addWidget(self.rest_panel)
        right.addWidget(self.undo_button)
        right.addStretch(1)
        right.addWidget(self.shortcuts_hint)

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
        outer.addWidget(self.resume_banner)
        outer.addLayout(body, 1)
        self.shortcuts_overlay = ShortcutsOverlay(self)

    def _wire_shortcuts(self) -> None:
        def bind(keys: str, slot: object) -> None:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        bind("Ctrl+E", self._focus_search)
        bind("Ctrl+L", self._focus_search)
        bind("Ctrl+N", self.start_workout)
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
        bind("F1", self.show_shortcuts)

    # --- workout lifecycle ----------------------------------------------------------------------
    def _resume_if_unfinished(self) -> None:
        session = self.log.unfinished()
        if session is None:
            return
        self.log.resume(session)
        count = len(self.log.all_sets())
        started = session.started_at.astimezone().strftime("%a %d %b %H:%M")
        self.resume_banner.setText(
            f"Resumed your unfinished workout from {started} with {count} sets. "
            "Carry on, or finish it with Ctrl+Shift+F."
        )
        self.resume_banner.show()
        state = self.context.profile.rest_timer_state()
        if state:
            self.rest_panel.restore(state)

    def start_workout(self) -> None:
        """Start a workout (from the routine chosen in the header, if any)."""
        if self.log.active:
            self._focus_search()
            return
        routine_id = self.routine_combo.currentData()
        routine = next((r for r in self._routines if r.id == routine_id), None)
        self.log.start(routine=routine)
        self.summary_panel.hide()
        self.logging_area.show()
        self._refresh_all()
        self._focus_search() if not self.log.slots else self.weight_input.setFocus()

    def finish_workout(self) -> None:
        """Finish the workout and show its summary (non-modal)."""
        if not self.log.active or self.rir_prompt.isVisible():
            return
        if not self.log.all_sets():
            self.log.discard()
            self._refresh_all()
            return
        session, summary = self.log.finish()
        self.rest_panel.skip()
        self.resume_banner.hide()
        self.logging_area.hide()
        self.summary_panel.show_summary(session, summary, self.context.profile.settings.unit)
        self._refresh_all()
        self.data_changed.emit()

    def _summary_closed(self) -> None:
        self.logging_area.show()
        self._focus_search()

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
        self.create_form.open_for(name)

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
        slot = self.log.current
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
        self._show_advice(self.context.advice.on_exercise_added() + about_set)
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
        slot = self.log.current
        default = slot.exercise.default_rest_s if slot else 90
        seconds = rest_duration_for(default, entry.failure, entry.set_type)
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
        self._refresh_workout_list()  # also refreshes the header
        self._refresh_current()

    def _refresh_header(self) -> None:
        session = self.log.session
        if session is None:
            self.workout_title.setText("No workout in progress — type an exercise to start")
        else:
            started = session.started_at.astimezone().strftime("%H:%M")
            self.workout_title.setText(f"{session.name} · started {started}")
        self.finish_button.setEnabled(session is not None)
        self.start_button.setEnabled(session is None)
        self.routine_combo.setEnabled(session is None)
        current = self.routine_combo.currentData()
        self.routine_combo.blockSignals(True)
        self.routine_combo.clear()
        self.routine_combo.addItem("Empty workout", None)
        for routine in self._routines:
            self.routine_combo.addItem(f"Routine: {routine.name}", routine.id)
        index = self.routine_combo.findData(current)
        self.routine_combo.setCurrentIndex(max(0, index))
        self.routine_combo.blockSignals(False)

    def _refresh_workout_list(self) -> None:
        self.workout_list.blockSignals(True)
        self.workout_list.clear()
        for slot in self.log.slots:
            work = len(slot.working_sets)
            planned = f"/{slot.planned_sets}" if slot.planned_sets else ""
            noun = "set" if work == 1 and not planned else "sets"
            item = QListWidgetItem(f"{slot.exercise.name}   {work}{planned} {noun}")
            item.setData(Qt.ItemDataRole.UserRole, slot.exercise.id)
            self.workout_list.addItem(item)
        if self.log.current_index is not None:
            self.workout_list.setCurrentRow(self.log.current_index)
        self.workout_list.blockSignals(False)
        self._refresh_header()

    def _refresh_current(self) -> None:
        slot = self.log.current
        settings = self.context.profile.settings
        unit = settings.unit
        if slot is None or self.log.session is None:
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
        self.advice_list.clear()
        seen: set[tuple[str, str]] = set()
        for item in sorted(advice, key=lambda a: -int(a.level)):
            if (item.rule, item.message) in seen:
                continue
            seen.add((item.rule, item.message))
            level = {0: "ⓘ", 1: "⚠", 2: "⛔"}.get(int(item.level), "ⓘ")
            row = QListWidgetItem(f"{level} {item.message}")
            row.setData(Qt.ItemDataRole.UserRole, item.rule)
            row.setToolTip(f"Why ({item.rule}): {item.why}")
            self.advice_list.addItem(row)
        self.advice_list.setVisible(self.advice_list.count() > 0)

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
        """Save what must survive: the running rest timer."""
        self.context.profile.save_rest_timer_state(self.rest_panel.state())


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


class _CreateExerciseForm(QFrame):
    """Inline form to make a custom exercise: name, main muscle, compound or isolation."""

    created = Signal(str, object, object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("createExerciseForm")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLineEdit()
        self.muscle = QComboBox()
        for muscle in Muscle:
            self.muscle.addItem(muscle.label, muscle.value)
        self.mechanics = QComboBox()
        self.mechanics.addItem("Isolation", Mechanics.ISOLATION.value)
        self.mechanics.addItem("Compound", Mechanics.COMPOUND.value)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        create = QPushButton("Create")
        create.clicked.connect(self._create)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.hide)
        self.name.returnPressed.connect(self._create)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("New exercise"))
        layout.addWidget(self.name)
        layout.addWidget(QLabel("Main muscle"))
        layout.addWidget(self.muscle)
        layout.addWidget(self.mechanics)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(create)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.hide()

    def open_for(self, name: str) -> None:
        self.name.setText(name)
        self.error.clear()
        self.show()
        self.muscle.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _create(self) -> None:
        self.created.emit(
            self.name.text(), Muscle(self.muscle.currentData()), Mechanics(self.mechanics.currentData())
        )
