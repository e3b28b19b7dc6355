"""The set that comes after this rest: what the rest timer shows as "Next" and the voice says at zero.

In order of what is known:
1. after a rated working set today, the progression hint from it (domain.progression.next_set_hint:
   heavier when it was easier than the target, lighter when harder);
2. after an unrated working set, the same load and reps again;
3. before the first working set, today's suggestion from the exercise brief (last time's sets);
4. otherwise just the exercise's name.
When a routine's planned sets of the current exercise are all done, the next exercise of the workout is
the one that comes next (its first set, from its brief).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gym_companion.domain.bodyweight_load import bodyweight_share
from gym_companion.domain.model import FailureKind, Mechanics, SetType
from gym_companion.domain.progression import next_set_hint
from gym_companion.domain.settings import Settings
from gym_companion.domain.spoken_cues import NextSet
from gym_companion.services.workout_log import WorkoutLog, WorkoutSlot


@dataclass(frozen=True, slots=True)
class NextSetPlan:
    """The next set and, in plain words, where its numbers come from."""

    next_set: NextSet
    reason: str


def plan_next_set(
    log: WorkoutLog, settings: Settings, rir_bias: Callable[[int], float] = lambda _exercise_id: 0.0
) -> NextSetPlan | None:
    """The next set of the workout in progress, or None without a current exercise or when nothing is left
    to suggest (after an absolute-failure set on the last exercise: F5)."""
    slot = log.current
    if slot is None or log.session is None:
        return None
    plan = slot.plan
    if plan is not None and slot.planned_working_sets >= plan.sets:
        index = log.slots.index(slot)
        if index + 1 < len(log.slots) and not log.slots[index + 1].working_sets:
            return _first_set(log, log.slots[index + 1], settings, "the next exercise of your routine")
    exercise = slot.exercise
    moves_bodyweight = bodyweight_share(exercise) > 0
    working = [s for s in slot.sets if s.set_type is SetType.WORKING]
    if not working:
        return _first_set(log, slot, settings, "")
    last = working[-1]
    if last.failure is FailureKind.ABSOLUTE:  # F5: that exercise is done; point at what comes next
        index = log.slots.index(slot)
        following = [s for s in log.slots[index + 1 :] if not s.working_sets]
        if following:
            return _first_set(log, following[0], settings, "the next exercise")
        return None
    if last.rir is not None or last.failure is not FailureKind.NONE:
        target = plan.target_rir if plan is not None else settings.target_rir
        bias = rir_bias(exercise.id) if exercise.id is not None else 0.0
        hint = next_set_hint([last], exercise, target, settings.unit, bias)
        if hint is not None:  # None for loads of 0 or less (bodyweight): the same again, below
            reason = hint.reason[:1].upper() + hint.reason[1:]
            return NextSetPlan(
                NextSet(exercise.name, hint.weight_kg, hint.reps, moves_bodyweight), f"{reason}."
            )
    return NextSetPlan(
        NextSet(exercise.name, last.weight_kg, last.reps, moves_bodyweight), "The same as your last set."
    )


def _first_set(log: WorkoutLog, slot: WorkoutSlot, settings: Settings, which: str) -> NextSetPlan:
    """The first working set of `slot`: today's suggestion from its brief, or just its name."""
    exercise = slot.exercise
    first_compound = next((s for s in log.slots if s.exercise.mechanics is Mechanics.COMPOUND), None) is slot
    brief = log.brief(slot, settings, first_compound)
    lead = f"{exercise.name} is {which}. " if which else ""
    suggestion = brief.suggestion
    if suggestion is None:
        return NextSetPlan(NextSet(exercise.name), f"{lead}No earlier sets to suggest a load from.")
    moves_bodyweight = bodyweight_share(exercise) > 0
    return NextSetPlan(
        NextSet(exercise.name, suggestion.weight_kg, suggestion.reps, moves_bodyweight),
        f"{lead}Today's suggestion: {suggestion.reason}",
    )
