"""Supersets on the session page: Ctrl+G / Ctrl+Shift+G, the bracket in the workout list, and what follows
a set of a grouped exercise — the next member becomes current with a short change-over, and the full rest
runs after the last exercise of a round. The rules are services.superset_rounds and domain.supersets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from gym_companion.domain.guidance import Advice
from gym_companion.domain.model import FailureKind, SetEntry, SetType
from gym_companion.domain.supersets import GroupPlace, group_places
from gym_companion.domain.units import format_number, to_unit
from gym_companion.services.context import AppContext
from gym_companion.services.next_set import plan_next_set
from gym_companion.services.superset_rounds import SupersetRounds
from gym_companion.ui.session.rest_timer import RestTimerPanel
from gym_companion.ui.theme import colors

UNGROUPED_HINT = "Ctrl+G: a superset with the exercise above"
TINT_ALPHA = 46  # of 255: a group's rows read as one block, the text keeps its contrast


def group_tint(letter: str) -> QColor:
    """The background of a group's rows: groups take turns between two colours (A, C … and B, D …)."""
    palette = colors()
    number = sum(ord(c) - ord("A") for c in letter)
    colour = QColor(palette.accent if number % 2 == 0 else palette.ready)
    colour.setAlpha(TINT_ALPHA)
    return colour


class SupersetControls(QLabel):
    """A line under the workout list on how the current exercise is grouped; groups and ungroups.

    `grouping_changed` asks the page to redraw the list; `moved(weight, reps, advice)` says logging moved
    on to another exercise of the group (its next set's numbers, the advice to show); `problem(text)`.
    """

    grouping_changed = Signal()
    moved = Signal(str, str, list)
    problem = Signal(str)

    def __init__(
        self, context: AppContext, rest_panel: RestTimerPanel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supersetHint")
        self.setWordWrap(True)
        self.setProperty("role", "muted")
        self.setToolTip(
            "Supersets and circuits: logging moves to the next exercise of the group after each set, "
            "with a short change-over (Preferences › Rest timer); the rest runs after the round.\n"
            "Ctrl+G groups the current exercise with the one above it; Ctrl+Shift+G takes it out."
        )
        self._context = context
        self._rest_panel = rest_panel
        self._caption = (
            ""  # the rest timer caption this set, so its explanation goes when another rest starts
        )
        rest_panel.state_changed.connect(self._rest_changed)

    # --- grouping -------------------------------------------------------------------------------
    def group_with_previous(self) -> None:
        """Ctrl+G: the current exercise joins the one above it (a superset, or a circuit from three)."""
        self._change(lambda rounds: rounds.group_with_previous())

    def ungroup(self) -> None:
        """Ctrl+Shift+G: the current exercise leaves its superset."""
        self._change(lambda rounds: rounds.ungroup())

    def _change(self, action: Callable[[SupersetRounds], str]) -> None:
        rounds = self._context.supersets
        if rounds is None or not self._context.workout_log.active:
            self.problem.emit("Start a workout and add exercises first (Ctrl+E).")
            return
        try:
            action(rounds)  # its words are what the list and this line now show
        except ValueError as exc:
            self.problem.emit(str(exc))
            return
        self.grouping_changed.emit()

    def row_groups(self) -> list[tuple[GroupPlace | None, str]]:
        """Per exercise of the workout: its place in a group (None when not grouped) and a tooltip."""
        slots = self._context.workout_log.slots
        rows: list[tuple[GroupPlace | None, str]] = []
        for place in group_places([slot.group for slot in slots]):
            if place is None:
                rows.append((None, ""))
                continue
            names = " → ".join(slots[i].exercise.name for i in place.members)
            rows.append((place, f"{place.kind} {place.letter}: {names}, one set of each in turn"))
        return rows

    def refresh(self) -> None:
        """Say how the current exercise is grouped and what its next set leads to."""
        rounds = self._context.supersets
        log = self._context.workout_log
        self.setVisible(log.current is not None)
        preview = rounds.preview() if rounds is not None else None
        self.setText(UNGROUPED_HINT if preview is None else preview.text())

    # --- after a set ----------------------------------------------------------------------------
    def rest_after(self, entry: SetEntry) -> bool:
        """After a set of a grouped exercise: move to the next member and run its timer (True); False for
        warm-ups and ungrouped exercises, which rest as usual."""
        rounds = self._context.supersets
        if rounds is None:
            return False
        log = self._context.workout_log
        slot = next((s for s in log.slots if s.order == entry.exercise_order), None)
        if entry.set_type is SetType.WARMUP or slot is None or slot.group is None:
            return False  # the usual rest; no advice asked for here (the rating already has it)
        advice = self._context.advice
        about_set: list[Advice] = []
        if entry.rir is not None or entry.failure is not FailureKind.NONE:
            about_set = advice.on_set_rated(entry)  # while the set's exercise is still the current one
        step = rounds.after_set(entry)
        if step is None:
            return False
        if step.moved:
            weight, reps = self._next_numbers()
            self.moved.emit(weight, reps, advice.on_exercise_added() + about_set)
        self._caption = step.caption
        self._rest_panel.start(step.seconds, step.caption)
        self._rest_panel.caption.setToolTip(step.why)
        self.refresh()
        return True

    def next_numbers(self) -> tuple[str, str]:
        """The current exercise's next set as typed text: the numbers of "Next: …" (empty when unknown)."""
        return self._next_numbers()

    def _next_numbers(self) -> tuple[str, str]:
        """The next set of the exercise logging moved to, as typed text (empty when nothing is known)."""
        context = self._context
        settings = context.profile.settings
        calibration = context.calibration
        plan = plan_next_set(
            context.workout_log, settings, calibration.bias_for if calibration is not None else lambda _i: 0.0
        )
        if plan is None or plan.next_set.weight_kg is None:
            return "", ""
        weight = format_number(to_unit(plan.next_set.weight_kg, settings.unit))
        reps = "" if plan.next_set.reps is None else str(plan.next_set.reps)
        return weight, reps

    def _rest_changed(self, _state: object) -> None:
        """Another rest started (or the rest ended): the superset's explanation no longer applies."""
        if self._rest_panel.caption.text() != self._caption:
            self._caption = ""
            self._rest_panel.caption.setToolTip("")
