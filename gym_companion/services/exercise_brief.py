"""What to show for the current exercise: last time's sets, today's suggestion, warm-ups, plates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from gym_companion.domain.model import Equipment, Exercise, Mechanics, SetEntry, SetType, WeightUnit
from gym_companion.domain.plates import PlateLoad, WarmupStep, plates_per_side, warmup_ladder
from gym_companion.domain.routine_plan import PlanTarget
from gym_companion.domain.settings import Settings
from gym_companion.domain.units import from_unit, to_unit
from gym_companion.services.today_suggestion import suggest_today
from gym_companion.storage.repositories.workouts import WorkoutRepository

BARBELL_EQUIPMENT = (Equipment.BARBELL, Equipment.EZ_BAR, Equipment.TRAP_BAR)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A load and reps to aim for, with the reason shown beside it."""

    weight_kg: float
    reps: int
    target_rir: int | None
    reason: str


@dataclass(slots=True)
class ExerciseBrief:
    """The facts shown above the set inputs."""

    last_sets: list[SetEntry] = field(default_factory=list)
    last_date: datetime | None = None
    suggestion: Suggestion | None = None
    warmups: list[WarmupStep] = field(default_factory=list)


def top_set(sets: list[SetEntry]) -> SetEntry | None:
    """The heaviest working set (most reps breaks ties)."""
    work = [s for s in sets if s.set_type is SetType.WORKING]
    if not work:
        return None
    return max(work, key=lambda s: (s.weight_kg, s.reps))


def bar_weight_kg(settings: Settings) -> float:
    """The bar in kg, from the setting in the user's unit."""
    if settings.unit is WeightUnit.LB:
        return from_unit(settings.bar_weight_lb, WeightUnit.LB)
    return settings.bar_weight_kg


def plate_load(total_kg: float, settings: Settings) -> PlateLoad:
    """Plates per side for a barbell load, in the user's unit."""
    unit = settings.unit
    plates = settings.plates_lb if unit is WeightUnit.LB else settings.plates_kg
    bar = settings.bar_weight_lb if unit is WeightUnit.LB else settings.bar_weight_kg
    return plates_per_side(to_unit(total_kg, unit), bar, plates)


def build_brief(
    workouts: WorkoutRepository,
    exercise: Exercise,
    session_id: int | None,
    started_at: datetime,
    settings: Settings,
    first_compound_today: bool,
    sets_today: list[SetEntry],
    plan: PlanTarget | None = None,
    rir_bias: float = 0.0,
    last_sets: list[SetEntry] | None = None,
) -> ExerciseBrief:
    """Assemble the brief for `exercise` in the workout that started at `started_at`.

    With a routine's `plan`, its rep range and target RIR replace the settings' defaults in the suggestion.
    The suggestion is progression from last time's rated sets (today_suggestion), their ratings corrected
    by `rir_bias`; when last time was not rated, it is last time's top set. `last_sets`, when given, are
    last time's sets as previously read (they do not change while the workout runs).
    """
    assert exercise.id is not None
    brief = ExerciseBrief()
    if last_sets is None:
        last_sets = workouts.previous_sets(exercise.id, started_at, exclude_session=session_id)
    brief.last_sets = last_sets
    if brief.last_sets:
        brief.last_date = brief.last_sets[0].logged_at
    best = top_set(brief.last_sets)
    progression = suggest_today(brief.last_sets, exercise, settings, plan, rir_bias)
    if progression is not None:
        brief.suggestion = Suggestion(
            progression.weight_kg, progression.reps, progression.target_rir, progression.reason
        )
    elif best is not None:
        if plan is None:
            brief.suggestion = Suggestion(
                best.weight_kg, best.reps, settings.target_rir, "last time's top set — match it or beat it"
            )
        else:
            reps = min(max(best.reps, plan.rep_min), plan.rep_max)
            brief.suggestion = Suggestion(
                best.weight_kg,
                reps,
                plan.target_rir,
                f"last time's top set, within the routine's {plan.reps_text} reps @ RIR {plan.target_rir}",
            )
    has_work_today = any(s.set_type is not SetType.WARMUP for s in sets_today)
    if (
        best is not None
        and first_compound_today
        and exercise.mechanics is Mechanics.COMPOUND
        and not has_work_today
        and best.weight_kg > 0
    ):
        brief.warmups = warmup_ladder(
            best.weight_kg, bar_weight_kg(settings), settings.unit, exercise.equipment, settings.load_steps
        )
    return brief
