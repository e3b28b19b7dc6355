"""Live guidance on failure training (TRAINING_RULES.md, rules F2–F16), as short calm advice with a "why".

Three moments ask for advice: an exercise is added to the workout, a set has been rated, and a routine slot
flagged "failure on the last set" is about to reach that set; `advice_on_routine` checks a plan while it is
written. Each is a pure function of a GuidanceContext (what is known at that moment); time comes in as
`ctx.now`, nothing here reads the clock.

Every Advice carries the rule ID it comes from, so a message can be traced from the screen to the spec.
Messages stay short, calm and specific; they never diagnose and never alarm. With failure features off
(F15) there is no advice at all.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from gym_companion.domain.model import (
    Exercise,
    FailureKind,
    FailureSafety,
    Goal,
    SetEntry,
    SetType,
    TrainingEvent,
    TrainingStyle,
)
from gym_companion.domain.recovery import READY_PERCENT, FatigueInput, ReadinessBand, summarize_recovery
from gym_companion.domain.routine_plan import PlanTarget
from gym_companion.domain.settings import Settings
from gym_companion.domain.units import format_weight

# F2: a failure set is aimed at 8–15 reps; advise when one lands far outside about 6–15.
FAILURE_REPS_MIN = 6
FAILURE_REPS_MAX = 15
# F4: failure belongs on the last set of the last 1–3 exercises of a workout.
FAILURE_LAST_EXERCISES = 3
# F12: "no e1RM progress on an exercise for ~4+ weeks" is a plateau. Product decisions: the last 4 weeks are
# compared with the 4 weeks before them; a gain under 1 % is noise, not progress; at least 3 sessions in the
# recent window show the lifter is still training the lift (fewer is a break, not a plateau).
PLATEAU_WINDOW = timedelta(weeks=4)
PLATEAU_MIN_GAIN = 0.01
PLATEAU_MIN_SESSIONS = 3
# F12: the suggested cycle, "a two-week block of three failure days a week".
FAILURE_BLOCK_WEEKS = 2
FAILURE_BLOCK_DAYS_PER_WEEK = 3

# F16, in our own words, for tooltips and help. Claims no more than the spec does.
FAILURE_SCIENCE_NOTE = (
    "Taking sets closer to failure tends to bring a little more muscle growth: a 2024 review in Sports "
    "Medicine found growth rising as sets end nearer failure. Strength gains do not need failure, and an "
    "earlier 2021 review found no clear difference between failure and non-failure training. So failure is "
    "a tool to use now and then, on the last sets, not a requirement. Stopping with about 2–3 reps in "
    "reserve works well for most lifters."
)


class AdviceLevel(enum.IntEnum):
    """How much attention a piece of advice deserves; higher sorts first."""

    INFO = 0
    CAUTION = 1
    WARNING = 2


@dataclass(frozen=True, slots=True)
class Advice:
    """One piece of guidance: the rule behind it, a short message, and the facts that justify it."""

    rule: str  # "F6"
    level: AdviceLevel
    message: str
    why: str


@dataclass(frozen=True, slots=True)
class GuidanceContext:
    """What is known when advice is asked for.

    `workout_sets` are this workout's sets so far, in order (the set being rated may or may not be among
    them); `workout_exercises` maps their exercise IDs to exercises. `exercise_index` is the exercise's
    0-based position in the workout and `exercise_count` the number of exercises so far; when a routine is
    followed, `planned_exercise_count` is its length. `recent_history` holds the sets of the last 14 days
    before this workout (the recovery check), `e1rm_history` the exercise's session-best e1RM over time
    (oldest first, the plateau check), `last_session_before` the start of the previous workout (the layoff
    check), and `failure_sets_this_week` the week's failure sets before the one being rated.
    """

    now: datetime
    settings: Settings
    exercise: Exercise
    exercise_index: int = 0
    exercise_count: int = 1
    planned_exercise_count: int | None = None
    workout_sets: list[SetEntry] = field(default_factory=list)
    workout_exercises: dict[int, Exercise] = field(default_factory=dict)
    recent_history: list[FatigueInput] = field(default_factory=list)
    e1rm_history: list[tuple[datetime, float]] = field(default_factory=list)
    last_session_before: datetime | None = None
    events: list[TrainingEvent] = field(default_factory=list)
    failure_sets_this_week: int = 0

    def __post_init__(self) -> None:
        if self.now.tzinfo is None:
            raise ValueError("guidance needs an aware datetime for 'now'")
        if self.exercise_index < 0:
            raise ValueError(f"exercise index cannot be negative, got {self.exercise_index}")


def advice_on_exercise_added(ctx: GuidanceContext) -> list[Advice]:
    """What to know before starting the exercise: safety, events, recovery, cap, plateau, goal, layoff."""
    if not ctx.settings.failure_features:  # F15
        return []
    found = [
        _safety_before(ctx),
        _event_window(ctx),
        _recovery(ctx, logged=False),
        _weekly_cap_reached(ctx),
        _plateau(ctx),
        _other_sport(ctx),
        _layoff(ctx),
    ]
    return _sorted(found)


def advice_on_set_rated(ctx: GuidanceContext, set_entry: SetEntry) -> list[Advice]:
    """Advice after a set is rated; only failure sets (either kind, or RIR 0) get any."""
    if not ctx.settings.failure_features or not _is_failure(set_entry):  # F15
        return []
    earlier = _sets_before(ctx.workout_sets, set_entry)
    same_slot = [
        s
        for s in earlier
        if s.exercise_order == set_entry.exercise_order and s.exercise_id == set_entry.exercise_id
    ]
    first_working = all(s.set_type is SetType.WARMUP for s in same_slot)
    found = [
        _placement(ctx, first_working_set=first_working),
        _absolute_failure_done(ctx, set_entry),
        _safety_after(ctx, set_entry),
        _warm_up(ctx, any_earlier_set=bool(earlier)),
        _failure_reps(set_entry),
        _event_window(ctx),
        _recovery(ctx, logged=True),
        _weekly_cap_passed(ctx),
        _other_sport(ctx),
    ]
    if not any(_is_failure(s) for s in same_slot):
        found.append(_baseline(ctx, set_entry))
    return _sorted(found)


def advice_before_planned_failure(ctx: GuidanceContext) -> list[Advice]:
    """Before the last set of a routine slot flagged failure_last_set: is failure a good idea right now?"""
    if not ctx.settings.failure_features:  # F15
        return []
    found = [
        _placement(ctx, first_working_set=False),
        _safety_before(ctx),
        _warm_up(ctx, any_earlier_set=bool(ctx.workout_sets)),
        _event_window(ctx),
        _recovery(ctx, logged=False),
        _weekly_cap_reached(ctx),
        _other_sport(ctx),
        _layoff(ctx),
    ]
    return _sorted(found)


def advice_on_routine(
    now: datetime, settings: Settings, exercises: list[tuple[Exercise, PlanTarget]]
) -> list[tuple[int, Advice]]:
    """While a routine is planned: F2 rep range, F4 placement and F6 safety of each planned failure set.

    `exercises` are the routine's exercises in order with their plans; each piece of advice comes with the
    index of the exercise it is about, in the order the exercises come.
    """
    if not settings.failure_features:  # F15
        return []
    found: list[tuple[int, Advice]] = []
    for index, (exercise, plan) in enumerate(exercises):
        if not plan.failure_last_set:
            continue
        ctx = GuidanceContext(
            now=now,
            settings=settings,
            exercise=exercise,
            exercise_index=index,
            exercise_count=len(exercises),
            planned_exercise_count=len(exercises),
        )
        advice = [_placement(ctx, first_working_set=False), _safety_before(ctx), _planned_failure_reps(plan)]
        found.extend((index, a) for a in _sorted(advice))
    return found


# --- one function per rule ---------------------------------------------------------------------------


def _failure_reps(entry: SetEntry) -> Advice | None:
    """F2: failure sets belong at about 6–15 reps."""
    why = (
        f"Failure tends to arrive around rep 8–12 with a challenging load. Very heavy failure sets carry "
        f"more risk for little extra gain; very light ones mostly add fatigue. This set: {entry.reps} reps."
    )
    if entry.reps < FAILURE_REPS_MIN:
        message = f"Failure at {entry.reps} reps is very heavy: aim failure sets at about 8–15 reps."
        return Advice("F2", AdviceLevel.CAUTION, message, why)
    if entry.reps > FAILURE_REPS_MAX:
        message = f"Failure at {entry.reps} reps is mostly fatigue: a load for 8–15 reps does more."
        return Advice("F2", AdviceLevel.INFO, message, why)
    return None


def _planned_failure_reps(plan: PlanTarget) -> Advice | None:
    """F2 for a plan: a failure set aimed far outside about 6–15 reps."""
    why = (
        "Failure tends to arrive around rep 8–12 with a challenging load. Very heavy failure sets carry "
        f"more risk for little extra gain; very light ones mostly add fatigue. The plan: {plan.reps_text}."
    )
    if plan.rep_max < FAILURE_REPS_MIN:
        message = f"Failure at {plan.reps_text} reps is very heavy: aim failure sets at about 8–15 reps."
        return Advice("F2", AdviceLevel.CAUTION, message, why)
    if plan.rep_min > FAILURE_REPS_MAX:
        message = f"Failure at {plan.reps_text} reps is mostly fatigue: a load for 8–15 reps does more."
        return Advice("F2", AdviceLevel.INFO, message, why)
    return None


def _placement(ctx: GuidanceContext, *, first_working_set: bool) -> Advice | None:
    """F4: failure on the last set of the last 1–3 exercises, never on a first set."""
    planned = ctx.planned_exercise_count
    early_in_plan = planned is not None and ctx.exercise_index < planned - FAILURE_LAST_EXERCISES
    facts = []
    if first_working_set:
        facts.append(f"This was the first working set of {ctx.exercise.name}.")
    if early_in_plan:
        facts.append(f"{ctx.exercise.name} is exercise {ctx.exercise_index + 1} of {planned} in the plan.")
    if not facts:
        return None
    late_in_workout = ctx.exercise_index >= FAILURE_LAST_EXERCISES - 1 and not early_in_plan
    if first_working_set and late_in_workout:
        # A one-set finisher late in a warmed-up workout is the end of the workout, not a first set to
        # regret: say it calmly instead of cautioning (the "no false alarms").
        message = (
            f"Failure on the first set of {ctx.exercise.name}: fine as a one-set finisher; "
            "if more sets follow, expect fewer reps."
        )
        return Advice("F4", AdviceLevel.INFO, message, " ".join(facts))
    if first_working_set:
        message = "Failure on a first set leaves little for the rest: keep early sets 1–3 reps short."
    else:
        message = (
            f"Failure fits the last exercises best; this is exercise {ctx.exercise_index + 1} of {planned}."
        )
    why = " ".join([*facts, "A failure set takes a lot out of the sets and exercises after it."])
    return Advice("F4", AdviceLevel.CAUTION, message, why)


def _absolute_failure_done(ctx: GuidanceContext, entry: SetEntry) -> Advice | None:
    """F5: after an absolute-failure set, the exercise is done and the workout is near its end."""
    if entry.failure is not FailureKind.ABSOLUTE:
        return None
    planned = ctx.planned_exercise_count
    if planned is not None and ctx.exercise_index >= planned - 1:
        ending = "a good point to finish the workout"
    else:
        ending = "the workout is near its end"
    message = f"That's {ctx.exercise.name} done: {ending}."
    why = (
        "After a set to absolute failure there is little left to come back to: another set adds "
        "fatigue more than results."
    )
    return Advice("F5", AdviceLevel.INFO, message, why)


def _safety_before(ctx: GuidanceContext) -> Advice | None:
    """F6 before a set: how far failure is safe on this exercise (nothing to say for `safe` ones)."""
    found = _SAFETY_ADVICE.get(ctx.exercise.failure_safety)
    if found is None:
        return None
    level, message, why = found
    name = ctx.exercise.name
    return Advice("F6", level, message.format(name=name), why.format(name=name))


def _safety_after(ctx: GuidanceContext, entry: SetEntry) -> Advice | None:
    """F6 after a failure set: technical failure is the right stop on a technical-only lift."""
    safety = ctx.exercise.failure_safety
    if safety is FailureSafety.TECHNICAL_ONLY and entry.failure is not FailureKind.ABSOLUTE:
        return None
    return _safety_before(ctx)


# F6, per failure-safety class: (level, message, why); {name} is the exercise.
_SAFETY_ADVICE: dict[FailureSafety, tuple[AdviceLevel, str, str]] = {
    FailureSafety.NEVER: (
        AdviceLevel.WARNING,
        "{name}: never to failure; end every set with reps in reserve.",
        "{name} is a 'never' exercise: a missed rep at speed with a loaded bar cannot be saved safely.",
    ),
    FailureSafety.TECHNICAL_ONLY: (
        AdviceLevel.CAUTION,
        "{name}: stop at technical failure, when form starts to slip.",
        "{name} is a 'technical failure only' exercise: grinding on once form breaks loads the spine and "
        "joints rather than the target muscles.",
    ),
    FailureSafety.SPOTTER: (
        AdviceLevel.CAUTION,
        "{name}: go to failure only with a spotter or safety pins.",
        "{name} is a 'spotter' exercise; failing under a bar with no way to rack it is dangerous.",
    ),
}


def _warm_up(ctx: GuidanceContext, *, any_earlier_set: bool) -> Advice | None:
    """F7: be warmed up before a failure set (checked on the workout's first exercise)."""
    if ctx.exercise_index != 0 or any_earlier_set:
        return None
    return Advice(
        "F7",
        AdviceLevel.CAUTION,
        "No warm-up yet: do a lighter set or two before going to failure.",
        f"Nothing was logged before this {ctx.exercise.name} set. Muscles and joints handle a failure set "
        "better once warmed up.",
    )


def _event_window(ctx: GuidanceContext) -> Advice | None:
    """F9: no failure inside an event's no-failure window (from window start up to the event itself)."""
    inside = [
        e for e in ctx.events if e.starts_at - timedelta(hours=e.no_failure_window_h) <= ctx.now < e.starts_at
    ]
    if not inside:
        return None
    event = min(inside, key=lambda e: e.starts_at)
    until = _span(event.starts_at - ctx.now)
    return Advice(
        "F9",
        AdviceLevel.CAUTION,
        f"{event.title} in {until}: leave failure sets for after it.",
        f"{event.title} starts in {until}, inside its {event.no_failure_window_h} h no-failure window. "
        "Failure sets can leave you sore for a couple of days.",
    )


def _recovery(ctx: GuidanceContext, *, logged: bool) -> Advice | None:
    """F10: a primary muscle below 90 % recovered (from sets before this workout) should not be failed."""
    summary = summarize_recovery(ctx.recent_history, ctx.now, ctx.now, ctx.settings.recovery_speed)
    short = [
        summary[m] for m in dict.fromkeys(ctx.exercise.primary_muscles) if summary[m].percent < READY_PERCENT
    ]
    if not short:
        return None
    shown = ", ".join(f"{r.muscle.label.lower()} {math.floor(r.percent)} %" for r in short)
    shown = shown[0].upper() + shown[1:]
    facts = []
    for r in short:
        if r.last_failure is not None:
            when = f"last failed {_span(ctx.now - r.last_failure)} ago"
        elif r.last_trained is not None:
            when = f"last trained {_span(ctx.now - r.last_trained)} ago"
        else:
            when = "recent training"
        facts.append(f"{r.muscle.label} {when}; recovery {math.floor(r.percent)} %.")
    if logged:
        message = f"{shown} recovered: give it time before the next failure set."
    elif any(r.band is ReadinessBand.REST for r in short):
        message = f"{shown} recovered: go light today and skip failure."
    else:
        message = f"{shown} recovered: train, but skip failure today."
    why = " ".join(
        [*facts, "Below 90 % a muscle is still recovering; failing it again before then piles up fatigue."]
    )
    return Advice("F10", AdviceLevel.CAUTION, message, why)


def _weekly_cap_reached(ctx: GuidanceContext) -> Advice | None:
    """F11 before a set: the week's failure sets have reached the cap, so the next one would pass it."""
    cap = ctx.settings.effective_failure_cap
    done = ctx.failure_sets_this_week
    if done < cap:
        return None
    message = f"This week's failure cap is reached ({done} of {cap}): keep sets 1–3 reps short today."
    return Advice("F11", AdviceLevel.CAUTION, message, _cap_why(ctx.settings, done))


def _weekly_cap_passed(ctx: GuidanceContext) -> Advice | None:
    """F11 after a failure set: this set took the week past the cap."""
    cap = ctx.settings.effective_failure_cap
    count = ctx.failure_sets_this_week + 1
    if count <= cap:
        return None
    message = f"Failure set {count} this week, past your cap of {cap}: keep the rest short of failure."
    return Advice("F11", AdviceLevel.CAUTION, message, _cap_why(ctx.settings, count))


_STYLE_REASON = {
    TrainingStyle.SPLIT: "a split gives each muscle time to recover before its next turn",
    TrainingStyle.FULL_BODY: "full-body training hits each muscle several times a week, so there is less "
    "time to recover between failure days",
    TrainingStyle.OTHER: "failing often without recovery between sessions wears you down",
}


def _cap_why(settings: Settings, count: int) -> str:
    style = settings.training_style.value.replace("_", "-")
    source = (
        "your own cap" if settings.weekly_failure_cap is not None else f"the default for {style} training"
    )
    return (
        f"{count} failure sets this week; the cap is {settings.effective_failure_cap} ({source}): "
        f"{_STYLE_REASON[settings.training_style]}."
    )


def _plateau(ctx: GuidanceContext) -> Advice | None:
    """F12: no e1RM progress for 4+ weeks on a lift still being trained: suggest a short failure block."""
    if ctx.settings.goal is Goal.OTHER_SPORT_PRIORITY:  # F13: no invitation to more failure
        return None
    recent_start = ctx.now - PLATEAU_WINDOW
    earlier_start = recent_start - PLATEAU_WINDOW
    recent = [(t, kg) for t, kg in ctx.e1rm_history if recent_start < t <= ctx.now]
    earlier = [(t, kg) for t, kg in ctx.e1rm_history if earlier_start <= t <= recent_start]
    if len(recent) < PLATEAU_MIN_SESSIONS or not earlier:
        return None
    best_recent = max(kg for _, kg in recent)
    best_at, best_earlier = max(earlier, key=lambda item: item[1])
    if best_recent >= best_earlier * (1.0 + PLATEAU_MIN_GAIN):
        return None
    weeks = (ctx.now - best_at) // timedelta(weeks=1)
    where = "" if ctx.exercise.failure_safety is FailureSafety.SAFE else ", on safe lifts for these muscles"
    unit = ctx.settings.unit
    return Advice(
        "F12",
        AdviceLevel.INFO,
        f"{ctx.exercise.name}: no e1RM gain in {weeks} weeks. "
        f"Try a {FAILURE_BLOCK_WEEKS}-week failure block, {FAILURE_BLOCK_DAYS_PER_WEEK} days a week{where}.",
        f"Best e1RM in the last 4 weeks: {format_weight(best_recent, unit)}; in the 4 weeks before: "
        f"{format_weight(best_earlier, unit)}. Used in short cycles, failure training can break a plateau.",
    )


def _other_sport(ctx: GuidanceContext) -> Advice | None:
    """F13: when another sport has priority, hold off failure training."""
    if ctx.settings.goal is not Goal.OTHER_SPORT_PRIORITY:
        return None
    return Advice(
        "F13",
        AdviceLevel.CAUTION,
        "Your other sport comes first right now: hold off failure sets.",
        "Your goal is set to put another sport first. Failure sets cost recovery that sport needs; sets "
        "ending 1–3 reps short keep strength coming.",
    )


def _layoff(ctx: GuidanceContext) -> Advice | None:
    """F14: first session after a layoff: a failure set makes a baseline, and failure comes sooner."""
    gap = _layoff_gap(ctx)
    if gap is None:
        return None
    weeks = gap // timedelta(weeks=1)
    return Advice(
        "F14",
        AdviceLevel.INFO,
        f"First workout in {weeks} weeks: expect failure sooner than before. Once warmed up, a failure set "
        "makes a good baseline.",
        f"The last workout was {weeks} weeks ago. After time off a failure set is fine if you are healthy "
        "and warmed up; it shows where you stand now, and a retest later shows the progress.",
    )


def _baseline(ctx: GuidanceContext, entry: SetEntry) -> Advice | None:
    """F14 after the first failure set of an exercise in a comeback workout: it is the baseline."""
    gap = _layoff_gap(ctx)
    if gap is None:
        return None
    weeks = gap // timedelta(weeks=1)
    done = f"{format_weight(entry.weight_kg, ctx.settings.unit)} × {entry.reps}"
    return Advice(
        "F14",
        AdviceLevel.INFO,
        f"Baseline for {ctx.exercise.name}: {done} to failure. Retest in a few weeks to see the progress.",
        f"First workout after {weeks} weeks off: the first failure set per exercise measures where you "
        "stand now.",
    )


def _layoff_gap(ctx: GuidanceContext) -> timedelta | None:
    if ctx.last_session_before is None:
        return None
    gap = ctx.now - ctx.last_session_before
    return gap if gap >= timedelta(weeks=ctx.settings.layoff_weeks) else None


# --- helpers --------------------------------------------------------------------------------------


def _is_failure(entry: SetEntry) -> bool:
    """A non-warm-up set taken to failure: either kind, or RIR 0 (nothing left with good form)."""
    if entry.set_type is SetType.WARMUP:
        return False
    return entry.failure is not FailureKind.NONE or entry.rir == 0


def _sets_before(sets: list[SetEntry], entry: SetEntry) -> list[SetEntry]:
    """The workout's sets logged before `entry`, whether or not `entry` is in the list."""
    for i, s in enumerate(sets):
        if s.uuid == entry.uuid:
            return sets[:i]
    return list(sets)


def _span(delta: timedelta) -> str:
    """A time span as a lifter says it: '26 h' up to a day and a half, then '3 days'."""
    hours = delta / timedelta(hours=1)
    if hours < 36:
        return f"{max(0, math.floor(hours))} h"
    return f"{round(hours / 24)} days"


def _sorted(found: list[Advice | None]) -> list[Advice]:
    """Warnings first, then cautions, then information; rule order within a level."""
    advice = [a for a in found if a is not None]
    return sorted(advice, key=lambda a: (-a.level, int(a.rule.removeprefix("F"))))
