"""Suggested load and reps for today from last time's rated sets (TRAINING_RULES.md, "Progression from RIR").

The reading of the spec implemented here, in order:

1. Evidence is the last session's rated working sets with a positive load (warm-ups and drop sets never
   count). If the last session with working sets has none rated, there is no suggestion: the UI shows last
   time's top set instead, which is more current than an older rated session.
2. The anchor is that session's top load W. Each set at W has a *surplus*: effective reps done beyond what
   the target asks, i.e. (reps − reps clamped into the range) + (RIR + bias − target RIR). A failure set's
   RIR is exactly 0 (it reveals the truth), so the bias is not added to it. The surplus is averaged over the
   sets at W, which smooths the usual set-to-set drift (10 @ 3, 10 @ 2, 9 @ 1 averages on target).
3. Load = W × (1 + rate × surplus), rate 3 % per point (4.5 % when the range is 1–2 rep sets), the change
   capped at ±10 %. This is the first-order form of "e1RM × P(target reps + target RIR)": the RTS chart
   falls about 3 % per effective rep. We anchor on the last session rather than a median of e1RMs because
   a median lags: after 80 kg × 9, × 10, × 11 at RIR 2 it would suggest dropping to 77.5 kg.
4. Double progression: when every rated working set reached the top of the range at or above the target
   RIR, add the smallest loadable increment (or the surplus rule's load, if that is more) and go back to
   the bottom of the range. On target inside the range: same load, one more rep.
5. The result is rounded to the equipment's loadable step in the user's unit, kept within
   max(10 % of W, one step) of W, and never below one step.

Every rule is monotone: more reps or more reps in reserve last time never lower the suggested load.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from gym_companion.domain.e1rm import E1rmBasis, E1rmFormula, corrected_rir, set_e1rm
from gym_companion.domain.effort import describe_effort
from gym_companion.domain.model import Exercise, FailureKind, SetEntry, SetType, WeightUnit
from gym_companion.domain.rir_bias import signed_reps
from gym_companion.domain.units import (
    DEFAULT_LOAD_STEPS,
    LoadSteps,
    format_number,
    format_weight,
    from_unit,
    loadable_increment,
    round_to_increment,
    to_unit,
)

# TRAINING_RULES.md, "Progression from RIR": adjust about 3 % of load per RIR point (4.5 % for 1–2 rep
# sets), capped at ±10 %.
LOAD_CHANGE_PER_RIR = 0.03
LOAD_CHANGE_PER_RIR_LOW_REPS = 0.045
LOW_REPS_MAX = 2
MAX_LOAD_CHANGE = 0.10
_EPS = 1e-9


@dataclass(frozen=True, slots=True)
class Suggestion:
    """What to aim for: a load, a rep count, a target RIR, and in plain words why."""

    weight_kg: float
    reps: int
    target_rir: int
    reason: str
    e1rm_kg: float | None = None  # the mean (bias-corrected) e1RM of the sets it came from
    evidence_sets: int = 0  # how many of last time's sets it came from

    def text(self, unit: WeightUnit) -> str:
        """The suggestion as the lifter reads it: '62.5 kg × 8 @ 2'."""
        return f"{format_weight(self.weight_kg, unit)} × {self.reps} @ {self.target_rir}"


def suggest_next(
    history_sets: Sequence[SetEntry],
    exercise: Exercise,
    rep_min: int,
    rep_max: int,
    target_rir: int,
    unit: WeightUnit,
    rir_bias: float = 0.0,
    *,
    note_bias: bool = True,
    formula: E1rmFormula = E1rmFormula.RTS,
    steps: LoadSteps = DEFAULT_LOAD_STEPS,
) -> Suggestion | None:
    """Today's first working-set target from the exercise's history (oldest first); None without ratings.

    rir_bias is the lifter's measured bias (true RIR − reported RIR), added to ratings as
    e1rm.corrected_rir does; the reason mentions it unless note_bias is False (for callers that
    say it themselves). `formula` is the lifter's e1RM formula (for the e1RM the suggestion reports),
    `steps` their dumbbell and machine load steps.
    """
    if not 1 <= rep_min <= rep_max:
        raise ValueError(f"the rep range must satisfy 1 <= min <= max, got {rep_min}–{rep_max}")
    if target_rir < 0:
        raise ValueError(f"the target RIR cannot be negative, got {target_rir}")
    last = _last_session_sets(history_sets)
    if not last:
        return None
    step = loadable_increment(exercise.equipment, unit, steps)
    top = max(to_unit(s.weight_kg, unit) for s in last)
    at_top = [s for s in last if to_unit(s.weight_kg, unit) >= top - _EPS]
    surplus = sum(
        (s.reps - _clamp_reps(s.reps, rep_min, rep_max)) + (_true_rir(s, rir_bias) - target_rir)
        for s in at_top
    ) / len(at_top)
    rate = LOAD_CHANGE_PER_RIR_LOW_REPS if rep_max <= LOW_REPS_MAX else LOAD_CHANGE_PER_RIR
    raw = top * (1.0 + _clamp(rate * surplus, -MAX_LOAD_CHANGE, MAX_LOAD_CHANGE))
    at_top_of_range = all(s.reps >= rep_max and _true_rir(s, rir_bias) >= target_rir for s in last)
    if at_top_of_range:
        raw = max(top + step, raw)
    load = _round_within_cap(raw, top, step)
    if at_top_of_range:
        reps = rep_min
        relation = f" at the top of {rep_min}–{rep_max}"
    else:
        reps = _clamp_reps(max(s.reps for s in at_top), rep_min, rep_max)
        if surplus >= -_EPS and load <= top + _EPS:  # on target (or rounded back): same load, one more rep
            reps = min(reps + 1, rep_max)
        relation = _relation(surplus, target_rir)
    reason = f"last time {_describe(at_top, unit)}{relation} → {_change(load, top, unit)}, {reps} reps"
    if note_bias and signed_reps(rir_bias) != "0":
        reason += f" (ratings corrected by {signed_reps(rir_bias)} RIR for your bias)"
    basis = E1rmBasis(formula=formula, rir_bias=rir_bias)
    estimates = [
        kg
        for s in at_top
        if (kg := set_e1rm(s.set_type, s.weight_kg, s.reps, s.rir, s.failure, basis)) is not None
    ]
    return Suggestion(
        weight_kg=from_unit(load, unit),
        reps=reps,
        target_rir=target_rir,
        reason=reason,
        e1rm_kg=sum(estimates) / len(estimates) if estimates else None,
        evidence_sets=len(at_top),
    )


def next_set_hint(
    sets_today: Sequence[SetEntry],
    exercise: Exercise,
    target_rir: int,
    unit: WeightUnit,
    rir_bias: float = 0.0,
    steps: LoadSteps = DEFAULT_LOAD_STEPS,
) -> Suggestion | None:
    """The next set after today's last rated working set: heavier (or more reps) when it was easier than the
    target, lighter (or fewer reps) when it was harder; same rate, cap and rounding as suggest_next.

    Only sets of `exercise` count when it has an ID. None until a working set with a load is rated.
    """
    if target_rir < 0:
        raise ValueError(f"the target RIR cannot be negative, got {target_rir}")
    rated = [s for s in _rated_working(sets_today) if exercise.id is None or s.exercise_id == exercise.id]
    if not rated:
        return None
    last = rated[-1]
    step = loadable_increment(exercise.equipment, unit, steps)
    weight = to_unit(last.weight_kg, unit)
    surplus = _true_rir(last, rir_bias) - target_rir
    rate = LOAD_CHANGE_PER_RIR_LOW_REPS if last.reps <= LOW_REPS_MAX else LOAD_CHANGE_PER_RIR
    raw = weight * (1.0 + _clamp(rate * surplus, -MAX_LOAD_CHANGE, MAX_LOAD_CHANGE))
    load = _round_within_cap(raw, weight, step)
    reps = last.reps
    if abs(load - weight) < _EPS:  # the smallest step is too coarse: more or fewer reps instead
        reps = max(1, last.reps + round(surplus))
    reason = (
        f"last set {_describe([last], unit)}{_relation(surplus, target_rir)} → {_change(load, weight, unit)}"
    )
    reason += f", {reps} reps"
    return Suggestion(weight_kg=from_unit(load, unit), reps=reps, target_rir=target_rir, reason=reason)


# --- helpers --------------------------------------------------------------------------------------


def _rated_working(sets: Sequence[SetEntry]) -> list[SetEntry]:
    """Working sets (not warm-ups, not drop sets) with a rating and a positive load, in order."""
    return [
        s
        for s in sets
        if s.set_type is SetType.WORKING
        and s.weight_kg > 0
        and s.reps > 0
        and (s.rir is not None or s.failure is not FailureKind.NONE)
    ]


def _last_session_sets(history: Sequence[SetEntry]) -> list[SetEntry]:
    """The rated working sets of the last session that has working sets (empty when it has none rated)."""
    working = [s for s in history if s.set_type is SetType.WORKING and s.weight_kg > 0 and s.reps > 0]
    if not working:
        return []
    last_session = working[-1].session_id
    return _rated_working([s for s in working if s.session_id == last_session])


def _true_rir(entry: SetEntry, rir_bias: float) -> float:
    """Reps in reserve corrected by the lifter's bias; failure (and RIR 0) is exact, never corrected."""
    corrected = corrected_rir(entry.rir, entry.failure, rir_bias)
    return 0.0 if corrected is None else corrected


def _round_within_cap(raw: float, anchor: float, step: float) -> float:
    """Nearest loadable step to `raw`, kept within max(10 %, one step) of the anchor and at least one step."""
    bound = max(MAX_LOAD_CHANGE * anchor, step)
    lowest = max(step, math.ceil((anchor - bound) / step - _EPS) * step)
    highest = math.floor((anchor + bound) / step + _EPS) * step
    return round(_clamp(round_to_increment(raw, step), lowest, highest), 9)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _clamp_reps(reps: int, rep_min: int, rep_max: int) -> int:
    return max(rep_min, min(rep_max, reps))


def _describe(sets: Sequence[SetEntry], unit: WeightUnit) -> str:
    """'80 kg × 10 @ RIR 2', '80 kg × 10/10/9 @ RIR 3/2/1', '80 kg × 9 to failure' (sets at one load)."""
    reps = "/".join(str(s.reps) for s in sets)
    efforts = [describe_effort(s.rir, s.failure) for s in sets]
    if all(e.startswith("RIR ") for e in efforts):
        effort = "@ RIR " + "/".join(e.removeprefix("RIR ") for e in efforts)
    elif len(sets) == 1:
        effort = f"to {efforts[0]}"
    else:
        effort = "@ " + " / ".join(efforts)
    return f"{format_weight(sets[0].weight_kg, unit)} × {reps} {effort}"


def _relation(surplus: float, target_rir: int) -> str:
    """', on target' or ', 2 RIR points above the target 2'."""
    if abs(surplus) < _EPS:
        return ", on target"
    side = "above" if surplus > 0 else "below"
    return f", {_points(abs(surplus))} {side} the target {target_rir}"


def _change(new: float, old: float, unit: WeightUnit) -> str:
    """'+2.5 kg', '−5 lb' or 'same load' (values in the user's unit)."""
    if abs(new - old) < _EPS:
        return "same load"
    sign = "+" if new > old else "−"
    return f"{sign}{format_number(abs(new - old))} {unit.value}"


def _points(value: float) -> str:
    shown = format_number(round(value, 1))
    return f"{shown} RIR point" if shown == "1" else f"{shown} RIR points"
