"""The finish screen: duration, volume, hard sets per muscle, PRs and where failure sets fell."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gym_companion.domain.model import FailureKind, WeightUnit, WorkoutSession
from gym_companion.domain.units import format_weight
from gym_companion.domain.workout_summary import WorkoutSummary

FAILURE_PLACEMENT_TIP = (
    "Failure belongs at the end (F4): on the last set of one of the workout's last three exercises. "
    "Drop sets straight after a failure set take it further and keep it at the end. Set and exercise "
    "numbers count working and drop sets in the order you logged them; warm-ups are left out."
)


class SummaryPanel(QFrame):
    """Non-modal summary shown in place of the logging area after Finish."""

    closed = Signal()
    save_as_routine = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workoutSummary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.headline = QLabel()
        self.headline.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.body = QLabel()
        self.body.setObjectName("summaryBody")
        self.body.setWordWrap(True)
        self.body.setStyleSheet("font-size: 13pt;")
        self.close_button = QPushButton("Done (Enter)")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self._close)
        self.routine_button = QPushButton("Save as routine… (Ctrl+Shift+T)")
        self.routine_button.setObjectName("summarySaveRoutineButton")
        self.routine_button.setToolTip("Make a routine of this workout's exercises, sets and rep ranges")
        self.routine_button.clicked.connect(self.save_as_routine)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.routine_button)
        buttons.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.headline)
        layout.addWidget(self.body)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.hide()

    def show_summary(self, session: WorkoutSession, summary: WorkoutSummary, unit: WeightUnit) -> None:
        """Fill in and show the summary."""
        minutes = int(summary.duration.total_seconds() // 60)
        duration = f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"
        self.title.setText(f"Workout finished — {session.name}")
        plural = "" if summary.working_sets == 1 else "s"
        volume = format_weight(summary.volume_kg, unit)
        self.headline.setText(f"{duration} · {summary.working_sets} working set{plural} · {volume} volume")
        lines: list[str] = []
        if summary.hard_sets:
            muscles = sorted(summary.hard_sets.items(), key=lambda kv: -kv[1])
            lines.append(
                "<b>Hard sets per muscle</b>: "
                + ", ".join(f"{m.label} {v:g}" for m, v in muscles)
                + " <span>(secondary muscles count half)</span>"
            )
        if summary.supersets:  # done in rounds: A1 → A2 → A1 …, rest after each round
            lines.append("<b>Supersets</b>: " + "; ".join(escape(line.text()) for line in summary.supersets))
        if summary.records:
            lines.append(
                "<b>Personal records</b>: " + "; ".join(escape(r.describe(unit)) for r in summary.records)
            )
        else:
            lines.append("<b>Personal records</b>: none today — consistency is what builds them.")
        if summary.failures:
            parts = []
            for f in summary.failures:
                kind = "absolute" if f.failure is FailureKind.ABSOLUTE else "technical"
                place = "at the end ✓" if f.at_the_end else "not at the end of the workout"
                drops = f.drop_sets_after
                then = f", then {drops} drop set{'' if drops == 1 else 's'}" if drops else ""
                parts.append(
                    f"{f.exercise_name}, set {f.set_number} of {f.sets_of_exercise} "
                    f"(exercise {f.exercise_number} of {f.exercises_in_workout}): {kind} failure{then}, "
                    f"{place}"
                )
            lines.append("<b>Failure sets</b>: " + "; ".join(parts))
            self.body.setToolTip(FAILURE_PLACEMENT_TIP)
        else:
            lines.append("<b>Failure sets</b>: none.")
        self.body.setText("<br><br>".join(lines))
        self.show()
        self.close_button.setFocus()

    def _close(self) -> None:
        self.hide()
        self.closed.emit()
