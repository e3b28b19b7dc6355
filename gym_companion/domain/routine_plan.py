"""What a routine plans for one exercise, and how far a workout has got through that plan.

A routine (model.Routine) lists PlannedExercise rows; when a workout starts from it, each exercise carries a
PlanTarget: the working sets, the rep range, the target RIR, whether the last set goes to failure, and
(optionally) the rest between sets. The session page reads it to show "Set 2 of 3 · 8–12 reps @ RIR 2".
"""

from __future__ import annotations

from dataclasses import dataclass

from gym_companion.domain.model import PlannedExercise

MAX_PLANNED_SETS = 20
MAX_PLANNED_REPS = 100
MAX_TARGET_RIR = 5
MAX_REST_S = 900  # the same ceiling as an exercise's default rest


@dataclass(frozen=True, slots=True)
class PlanTarget:
    """One exercise's plan: `sets` working sets of rep_min–rep_max reps at target_rir reps in reserve."""

    sets: int
    rep_min: int
    rep_max: int
    target_rir: int
    failure_last_set: bool = False
    rest_s: int | None = None

    @classmethod
    def of(cls, planned: PlannedExercise) -> PlanTarget:
        """The target of a routine's planned exercise."""
        return cls(
            sets=planned.sets,
            rep_min=planned.rep_min,
            rep_max=planned.rep_max,
            target_rir=planned.target_rir,
            failure_last_set=planned.failure_last_set,
            rest_s=planned.rest_s,
        )

    @property
    def reps_text(self) -> str:
        """'8–12', or '5' when the range is a single number."""
        if self.rep_min == self.rep_max:
            return str(self.rep_min)
        return f"{self.rep_min}–{self.rep_max}"

    def text(self) -> str:
        """The plan in one line: '3 × 8–12 @ RIR 2 · last set to failure'."""
        line = f"{self.sets} × {self.reps_text} @ RIR {self.target_rir}"
        if self.failure_last_set:
            line += " · last set to failure"
        return line

    def is_failure_set(self, working_done: int) -> bool:
        """Whether the next working set (after `working_done` of them) is the planned failure set."""
        return self.failure_last_set and working_done == self.sets - 1

    def progress_text(self, working_done: int) -> str:
        """Where the lifter stands: 'Set 2 of 3', 'Last set — to failure', 'All 3 sets done'."""
        if working_done >= self.sets:
            extra = working_done - self.sets
            done = f"All {self.sets} planned sets done"
            return done if extra == 0 else f"{done} (+{extra} extra)"
        number = working_done + 1
        if self.is_failure_set(working_done):
            return f"Set {number} of {self.sets} — the planned failure set"
        return f"Set {number} of {self.sets}"

    def next_rir_text(self, working_done: int) -> str:
        """The effort to aim for on the next working set: 'RIR 2' or 'to failure'."""
        return "to failure" if self.is_failure_set(working_done) else f"RIR {self.target_rir}"


def check_planned(planned: PlannedExercise) -> None:
    """Raise ValueError with a message for the lifter when a planned exercise makes no sense."""
    if not 1 <= planned.sets <= MAX_PLANNED_SETS:
        raise ValueError(f"Sets must be 1–{MAX_PLANNED_SETS}.")
    if not 1 <= planned.rep_min <= planned.rep_max <= MAX_PLANNED_REPS:
        raise ValueError(f"Each rep range must run from low to high, within 1–{MAX_PLANNED_REPS}.")
    if not 0 <= planned.target_rir <= MAX_TARGET_RIR:
        raise ValueError(f"Target RIR must be 0–{MAX_TARGET_RIR}.")
    if planned.rest_s is not None and not 0 <= planned.rest_s <= MAX_REST_S:
        raise ValueError(f"Rest must be 0–{MAX_REST_S} seconds.")
