"""The current exercise's plan (under its name) and the lifter's note on it (the page places the field).

The plan line says where the lifter stands ("Set 2 of 3 · 8–12 reps @ RIR 2"); the note field (Ctrl+N)
saves as it is typed (one short write per change, like a set), so switching exercises never loses it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidgetItem, QVBoxLayout, QWidget

from gym_companion.domain.routine_plan import PlanTarget
from gym_companion.domain.supersets import GroupPlace
from gym_companion.services.workout_log import WorkoutSlot
from gym_companion.ui.session.superset_controls import group_tint
from gym_companion.ui.theme import colors


class ExercisePlanView(QWidget):
    """Shows a slot's plan and note; emits `note_edited(str)` when the note is changed.

    Only the plan line is in this widget's layout: `note_input` is placed by the page, beside the set note.
    """

    note_edited = Signal(str)
    note_done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan_label = QLabel()
        self.plan_label.setObjectName("planLabel")
        self.plan_label.setWordWrap(True)
        self.note_input = QLineEdit()
        self.note_input.setObjectName("exerciseNoteInput")
        self.note_input.setPlaceholderText("exercise note (Ctrl+N)")
        self.note_input.setToolTip(
            "A note on this exercise today (seat 4, grip, how it felt): saved as you type, shown in History. "
            "Enter goes back to the weight"
        )
        self.note_input.textEdited.connect(self.note_edited)
        self.note_input.returnPressed.connect(self.note_done)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plan_label)

    def show_slot(self, plan: PlanTarget | None, working_done: int, note: str, default_rest_s: int) -> None:
        """Show the plan (hidden without one) and the note of the current exercise."""
        self.setVisible(plan is not None)  # no empty row for exercises added by hand
        if plan is None:
            self.plan_label.clear()
        else:
            progress = plan.progress_text(working_done)
            effort = plan.next_rir_text(working_done)
            rest = plan.rest_s if plan.rest_s is not None else default_rest_s
            done = working_done >= plan.sets
            failure = plan.is_failure_set(working_done)
            target = "" if done else f" · {plan.reps_text} reps {'to failure' if failure else '@ ' + effort}"
            color = colors().failure if failure else colors().accent
            self.plan_label.setText(
                f"<span style='color:{color}'><b>Plan</b>: {progress}{target}</span>"
                f" · rest {rest // 60}:{rest % 60:02d}"
            )
            self.plan_label.setStyleSheet("font-size: 14pt;")
            self.plan_label.setToolTip(
                f"From the routine: {plan.text()}.\n"
                "Working sets count towards the plan; warm-ups and drop sets do not. "
                f"Rest {'from the routine' if plan.rest_s is not None else 'is the exercise default'}."
            )
        # While the lifter types, the field already holds the note (saved as typed): leave the cursor be.
        if not (self.note_input.hasFocus() and self.note_input.text().strip() == note):
            self.note_input.setText(note)

    def focus_note(self) -> None:
        """Put the cursor in the note (Ctrl+N)."""
        self.note_input.setFocus()
        self.note_input.selectAll()


def workout_list_item(
    slot: WorkoutSlot, group: GroupPlace | None = None, group_tip: str = ""
) -> QListWidgetItem:
    """A row of the workout's exercise list: 'Squat   2/4 sets  ⚑  ✎' (⚑ failure planned, ✎ a note);
    an exercise of a superset leads with its label ('A1  Bench Press …') on its group's tint."""
    plan = slot.plan  # from a routine: working sets done of those planned
    work = slot.planned_working_sets if plan else len(slot.working_sets)
    planned = f"/{plan.sets}" if plan else ""
    noun = "set" if work == 1 and not planned else "sets"
    marks = ("  ⚑" if plan and plan.failure_last_set else "") + ("  ✎" if slot.note else "")
    lead = f"{group.label}  " if group else ""
    item = QListWidgetItem(f"{lead}{slot.exercise.name}   {work}{planned} {noun}{marks}")
    item.setData(Qt.ItemDataRole.UserRole, slot.exercise.id)
    if group is not None:
        item.setBackground(group_tint(group.letter))
    tips = [group_tip, f"Plan: {plan.text()}" if plan else "", f"Note: {slot.note}" if slot.note else ""]
    item.setToolTip("\n".join(t for t in tips if t))
    return item
