"""The plan of one exercise in a routine: sets, rep range, target RIR, failure on the last set, rest.

Spin boxes take typed numbers (Tab moves on); every change is reported at once, the editor saves it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QSpinBox, QWidget

from gym_companion.domain.model import PlannedExercise
from gym_companion.domain.routine_plan import MAX_PLANNED_REPS, MAX_PLANNED_SETS, MAX_REST_S, MAX_TARGET_RIR

REST_STEP_S = 15
DEFAULT_REST_TEXT = "exercise default"


def _spin(name: str, low: int, high: int, tip: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setToolTip(tip)
    spin.setMinimumWidth(90)
    spin.setStyleSheet("font-size: 13pt;")
    return spin


class PlanForm(QWidget):
    """Edits the selected planned exercise; emits `changed(sets, rep_min, rep_max, rir, failure, rest)`."""

    changed = Signal(int, int, int, int, bool, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sets = _spin("planSets", 1, MAX_PLANNED_SETS, "Working sets (warm-ups are extra)")
        self.rep_min = _spin("planRepMin", 1, MAX_PLANNED_REPS, "Fewest reps to aim for")
        self.rep_max = _spin(
            "planRepMax", 1, MAX_PLANNED_REPS, "Most reps: reach it on every set, then add load"
        )
        self.rir = _spin(
            "planRir",
            0,
            MAX_TARGET_RIR,
            "Target reps in reserve: how many more reps you could still do. 2–3 suits most sets (F3).",
        )
        self.failure = QCheckBox("Last set to failure")
        self.failure.setObjectName("planFailureLast")
        self.failure.setStyleSheet(
            "QCheckBox { font-size: 13pt; } QCheckBox::indicator { width: 20px; height: 20px; }"
        )
        self.failure.setToolTip(
            "Take the last working set to failure. It fits the last 1–3 exercises of a workout best (F4), "
            "on exercises where failing is safe (F6). Space toggles."
        )
        self.rest = _spin("planRest", 0, MAX_REST_S, "Rest between sets; 0 uses the exercise's default rest")
        self.rest.setSingleStep(REST_STEP_S)
        self.rest.setSuffix(" s")
        self.rest.setSpecialValueText(DEFAULT_REST_TEXT)
        self.rest.setMinimumWidth(170)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        labels = ("Sets", "Reps from", "to", "Target RIR", "Rest")
        for column, (text, field) in enumerate(
            zip(labels, (self.sets, self.rep_min, self.rep_max, self.rir, self.rest), strict=True)
        ):
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, 0, column)
            grid.addWidget(field, 1, column)
        grid.addWidget(self.failure, 1, len(labels))
        grid.setColumnStretch(len(labels) + 1, 1)
        self._loading = False
        for spin in (self.sets, self.rep_min, self.rep_max, self.rir, self.rest):
            spin.valueChanged.connect(self._emit)
        self.failure.toggled.connect(self._emit)
        self.show_planned(None)

    def show_planned(self, planned: PlannedExercise | None) -> None:
        """Show one planned exercise's values (None: nothing selected, the fields are disabled)."""
        self._loading = True
        try:
            if planned is not None:
                self.sets.setValue(planned.sets)
                self.rep_min.setValue(planned.rep_min)
                self.rep_max.setValue(planned.rep_max)
                self.rir.setValue(planned.target_rir)
                self.failure.setChecked(planned.failure_last_set)
                self.rest.setValue(planned.rest_s or 0)
        finally:
            self._loading = False
        self.setEnabled(planned is not None)

    def _emit(self) -> None:
        if self._loading:
            return
        # A range typed digit by digit passes through values such as 12–1 on the way to 12–15: it is
        # reported as it is, and the routine book refuses to save it until it makes sense again.
        rest = self.rest.value() or None
        self.changed.emit(
            self.sets.value(),
            self.rep_min.value(),
            self.rep_max.value(),
            self.rir.value(),
            self.failure.isChecked(),
            rest,
        )
