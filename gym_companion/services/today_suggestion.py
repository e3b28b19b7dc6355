"""Today's first working set for an exercise: progression from last time's rated sets, explained.

The load and reps come from domain.progression.suggest_next (RIR-adjusted, corrected by the lifter's
measured RIR bias, rounded to loadable steps); the rep range and target RIR come from the routine when the
exercise is planned, else from Settings. This module only picks those inputs and words the reason shown
as the suggestion's tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from gym_companion.domain.model import Exercise, SetEntry, WeightUnit
from gym_companion.domain.progression import Suggestion, suggest_next
from gym_companion.domain.rir_bias import signed_reps
from gym_companion.domain.routine_plan import PlanTarget
from gym_companion.domain.settings import Settings
from gym_companion.domain.units import format_number, to_unit


def suggest_today(
    last_sets: Sequence[SetEntry],
    exercise: Exercise,
    settings: Settings,
    plan: PlanTarget | None = None,
    rir_bias: float = 0.0,
) -> Suggestion | None:
    """The progression suggestion from last time's sets, with its reason in full; None without ratings."""
    if plan is not None:
        rep_min, rep_max, target_rir, source = plan.rep_min, plan.rep_max, plan.target_rir, "your routine"
    else:
        rep_min, rep_max, target_rir = settings.rep_min, settings.rep_max, settings.target_rir
        source = "your settings"
    suggestion = suggest_next(
        last_sets,
        exercise,
        rep_min,
        rep_max,
        target_rir,
        settings.unit,
        rir_bias,
        note_bias=False,
        formula=settings.e1rm_formula,
        steps=settings.load_steps,
    )
    if suggestion is None:
        return None
    reps = f"{rep_min}–{rep_max}" if rep_min != rep_max else str(rep_min)
    basis = _evidence(suggestion, settings.unit)
    line = f"{basis}; target {reps} reps @ RIR {target_rir} ({source})"
    if signed_reps(rir_bias) != "0":
        line += f"; your RIR bias {signed_reps(rir_bias)} applied"
    progression = suggestion.reason[:1].upper() + suggestion.reason[1:]
    return replace(suggestion, reason=f"{line}.\n{progression}.")


def _evidence(suggestion: Suggestion, unit: WeightUnit) -> str:
    """'e1RM 102 kg from 3 recent sets' (or just the sets, when they were too long for an e1RM)."""
    sets = f"{suggestion.evidence_sets} recent set" + ("" if suggestion.evidence_sets == 1 else "s")
    if suggestion.e1rm_kg is None:
        return f"From {sets}"
    return f"e1RM {format_number(round(to_unit(suggestion.e1rm_kg, unit)))} {unit.value} from {sets}"
