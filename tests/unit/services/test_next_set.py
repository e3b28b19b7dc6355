"""The set after this rest (what the rest timer shows as "Next" and the voice says at zero)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from helpers.manual_clock import ManualClock
from helpers.workout_arrange import add_to_workout

from gym_companion.domain.effort import Rating
from gym_companion.domain.model import PlannedExercise, Routine
from gym_companion.domain.spoken_cues import NextSet
from gym_companion.services.context import AppContext
from gym_companion.services.next_set import plan_next_set

START = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


def _next(context: AppContext) -> NextSet:
    plan = plan_next_set(context.workout_log, context.profile.settings)
    assert plan is not None
    return plan.next_set


def test_without_a_workout_there_is_no_next_set(context: AppContext) -> None:
    assert plan_next_set(context.workout_log, context.profile.settings) is None


def test_a_first_time_exercise_is_named_without_numbers(context: AppContext) -> None:
    add_to_workout(context, "Bench Press")
    assert _next(context) == NextSet("Bench Press")


def test_before_the_first_set_it_is_todays_suggestion_from_last_time(
    context: AppContext, clock: ManualClock
) -> None:
    add_to_workout(context, "Bench Press")
    log = context.workout_log
    for _ in range(3):
        log.rate(log.log_set(60.0, 10), Rating.RIR_2)  # 8–12 @ RIR 2 on target: one more rep next time
    log.finish()
    clock.current += timedelta(days=3)
    add_to_workout(context, "Bench Press")
    plan = plan_next_set(log, context.profile.settings)
    assert plan is not None
    assert plan.next_set == NextSet("Bench Press", 60.0, 11)
    assert plan.reason.startswith("Today's suggestion:")


def test_after_a_rated_set_the_load_follows_its_rir(context: AppContext) -> None:
    add_to_workout(context, "Bench Press")
    log = context.workout_log
    log.rate(log.log_set(60.0, 8), Rating.RIR_4)  # 2 RIR above the target 2: +6 % → 63.6 → 62.5 kg
    plan = plan_next_set(log, context.profile.settings)
    assert plan is not None
    assert plan.next_set == NextSet("Bench Press", 62.5, 8)
    assert "2 RIR points above the target 2" in plan.reason
    log.rate(log.log_set(62.5, 8), Rating.TECHNICAL)  # 2 below: −6 % → 58.75 → 60 kg (2.5 kg steps)
    assert _next(context) == NextSet("Bench Press", 60.0, 8)


def test_after_an_unrated_set_it_is_the_same_again(context: AppContext) -> None:
    add_to_workout(context, "Bench Press")
    context.workout_log.log_set(60.0, 8)
    plan = plan_next_set(context.workout_log, context.profile.settings)
    assert plan is not None
    assert plan.next_set == NextSet("Bench Press", 60.0, 8)
    assert plan.reason == "The same as your last set."


def test_bodyweight_exercises_repeat_the_added_load_and_say_so(context: AppContext) -> None:
    add_to_workout(context, "Assisted Pull-Up")
    log = context.workout_log
    log.rate(log.log_set(-20.0, 8), Rating.RIR_2)
    assert _next(context) == NextSet("Assisted Pull-Up", -20.0, 8, moves_bodyweight=True)


def test_when_the_routines_sets_are_done_the_next_exercise_comes(context: AppContext) -> None:
    def planned(name: str, position: int) -> PlannedExercise:
        exercise = context.catalog.find(name)
        assert exercise is not None and exercise.id is not None
        return PlannedExercise(exercise_id=exercise.id, position=position, sets=2)

    routine = context.routines.save(Routine("Push", [planned("Bench Press", 0), planned("Dip", 1)]))
    log = context.workout_log
    log.start(routine=routine)
    log.rate(log.log_set(60.0, 10), Rating.RIR_2)
    assert _next(context).exercise_name == "Bench Press"
    log.rate(log.log_set(60.0, 10), Rating.RIR_2)
    plan = plan_next_set(log, context.profile.settings)
    assert plan is not None
    assert plan.next_set == NextSet("Dip")  # no earlier dips: no load to suggest
    assert plan.reason.startswith("Dip is the next exercise of your routine.")
