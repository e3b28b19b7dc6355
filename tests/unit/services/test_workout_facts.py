"""What advice and the brief keep from before the open workout: read once per workout, read again after
a new workout starts or after earlier workouts changed (an import, which the window follows with forget)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers.manual_clock import ManualClock

from gym_companion.domain.effort import Rating
from gym_companion.domain.model import Exercise, WeightUnit
from gym_companion.domain.settings import Settings
from gym_companion.services.context import AppContext

MONDAY = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(MONDAY)


def exercise(context: AppContext, name: str) -> Exercise:
    found = context.catalog.find(name)
    assert found is not None
    return found


def workout(context: AppContext, clock: ManualClock, name: str, loads: list[float], rating: Rating) -> None:
    """A finished workout of `name`: one set of 5 at each load, each rated `rating`, two minutes apart."""
    log = context.workout_log
    log.add_exercise(exercise(context, name))
    for load in loads:
        log.rate(log.log_set(load, 5), rating)
        clock.current += timedelta(minutes=2)
    log.finish()


def last_time(context: AppContext) -> list[tuple[float, int]]:
    log = context.workout_log
    assert log.current is not None
    brief = log.brief(log.current, context.profile.settings, first_compound_today=True)
    return [(s.weight_kg, s.reps) for s in brief.last_sets]


def test_last_time_stays_the_previous_workout_while_logging_and_moves_on_with_the_next(
    context: AppContext, clock: ManualClock
) -> None:
    workout(context, clock, "Squat", [100.0, 105.0], Rating.RIR_2)
    clock.current = MONDAY + timedelta(days=2)
    context.workout_log.add_exercise(exercise(context, "Squat"))
    assert last_time(context) == [(100.0, 5), (105.0, 5)]
    context.workout_log.rate(context.workout_log.log_set(110.0, 5), Rating.RIR_1)
    assert last_time(context) == [(100.0, 5), (105.0, 5)]  # today's set is not "last time"
    context.workout_log.finish()

    clock.current = MONDAY + timedelta(days=4)
    context.workout_log.add_exercise(exercise(context, "Squat"))
    assert last_time(context) == [(110.0, 5)]  # a new workout reads again


def test_after_an_import_forget_brings_the_imported_workout_into_last_time_and_recovery_advice(
    context: AppContext, clock: ManualClock, tmp_path: Path
) -> None:
    clock.current = MONDAY + timedelta(days=2)  # Wednesday: a workout with nothing before it
    context.workout_log.add_exercise(exercise(context, "Squat"))
    assert last_time(context) == []
    assert "F10" not in {a.rule for a in context.advice.on_exercise_added()}

    # Meanwhile Tuesday's squats to failure arrive from a Strong export (local time = the test's zone).
    tuesday = (MONDAY + timedelta(days=1)).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    rows = [f'{tuesday},"Legs",1h,"Squat (Barbell)",F,120.0,5,0,0,,,' for _ in range(6)]
    csv_path = tmp_path / "strong.csv"
    csv_path.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    assert context.transfer is not None
    assert context.transfer.import_file(csv_path, "strong", WeightUnit.KG).sets_added == 6
    context.advice.forget()
    context.workout_log.forget_history()

    assert last_time(context) == [(120.0, 5)] * 6
    recovery = [a for a in context.advice.on_exercise_added() if a.rule == "F10"]
    assert len(recovery) == 1 and "Quads" in recovery[0].message


def test_the_weeks_failure_count_adds_this_workouts_ratings_to_the_kept_earlier_ones(
    context: AppContext, clock: ManualClock
) -> None:
    context.profile.save_settings(Settings(weekly_failure_cap=3))
    workout(context, clock, "Cable Curl", [20.0, 20.0], Rating.ABSOLUTE)  # Monday: two failure sets
    clock.current = MONDAY + timedelta(days=1)
    log = context.workout_log
    log.add_exercise(exercise(context, "Cable Curl"))
    assert "F11" not in {a.rule for a in context.advice.on_exercise_added()}  # 2 of 3 so far
    passed = []
    for rating in (Rating.RIR_2, Rating.ABSOLUTE, Rating.ABSOLUTE):
        clock.current += timedelta(minutes=2)
        rated = log.rate(log.log_set(20.0, 8), rating)
        passed.append("F11" in {a.rule for a in context.advice.on_set_rated(rated)})
    assert passed == [False, False, True]  # failure sets 3 (at the cap) and 4 (past it)
    assert "F11" in {
        a.rule for a in context.advice.on_exercise_added()
    }  # the cap is reached for the next set
