"""Weigh-ins from the session page: logged, listed with their trend, deleted with undo, and added to the load
of bodyweight exercises wherever an e1RM is formed (history chart, records)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from helpers.manual_clock import ManualClock

from gym_companion.domain.effort import Rating
from gym_companion.domain.model import BodyweightEntry
from gym_companion.services.context import AppContext

START = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
P10 = 0.739  # RTS: 10 effective reps = 73.9 % of 1RM


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


def test_weigh_ins_are_listed_newest_first_with_their_trend(context: AppContext, clock: ManualClock) -> None:
    log = context.bodyweight
    assert log is not None
    assert log.status().latest is None
    for day, kg in enumerate((82.0, 81.0, 80.0, 79.0)):
        clock.current = START + timedelta(days=day)
        log.log(kg)
    status = log.status()
    assert status.latest is not None and status.latest.weight_kg == 79.0
    assert [e.weight_kg for e in status.recent] == [79.0, 80.0, 81.0]  # the last three
    # Hacker's Diet trend, a day apart each: 82 → 81.9 → 81.71 → 81.439
    assert status.trend_kg == pytest.approx(81.439)
    assert status.change_kg is None  # no weigh-in four weeks back yet
    clock.current = START + timedelta(days=31)
    log.log(78.0)
    later = log.status()
    assert later.change_kg is not None and later.change_kg < 0  # the trend went down since day 3


def test_bad_weights_are_refused_and_nothing_is_saved(context: AppContext) -> None:
    log = context.bodyweight
    assert log is not None
    for kg in (0.0, 19.9, 400.1):
        with pytest.raises(ValueError, match="between 20 and 400 kg"):
            log.log(kg)
    assert log.status().latest is None


def test_delete_and_undo_bring_the_same_weigh_in_back(context: AppContext, clock: ManualClock) -> None:
    log = context.bodyweight
    assert log is not None
    first = log.log(80.0)
    clock.current += timedelta(days=1)
    second = log.log(81.0)
    log.delete(second)
    latest = log.latest()
    assert latest is not None and latest.id == first.id
    log.restore(second)
    back = log.latest()
    assert back == BodyweightEntry(second.measured_at, 81.0, second.id)
    assert [e.id for e in context.profile.bodyweights()] == [first.id, second.id]


def _log_sets(context: AppContext, name: str, sets: list[tuple[float, int, Rating]]) -> int:
    exercise = context.catalog.find(name)
    assert exercise is not None and exercise.id is not None
    workout = context.workout_log
    if not workout.active:
        workout.start()
    workout.add_exercise(exercise)
    for kg, reps, rating in sets:
        workout.rate(workout.log_set(kg, reps), rating)
    return exercise.id


def test_bodyweight_exercises_count_the_latest_weigh_in_in_their_e1rm(context: AppContext) -> None:
    assert context.bodyweight is not None
    pull_up = _log_sets(context, "Pull-Up", [(0.0, 8, Rating.RIR_2)])
    assisted = _log_sets(context, "Assisted Pull-Up", [(-20.0, 8, Rating.RIR_2)])
    dip = _log_sets(context, "Dip", [(10.0, 8, Rating.RIR_2)])
    bench = _log_sets(context, "Bench Press", [(60.0, 8, Rating.RIR_2)])
    series = context.history_series
    assert series.e1rm(pull_up).y == []  # no weigh-in yet: a pull-up at 0 kg has nothing to scale
    context.bodyweight.log(80.0)
    assert series.e1rm(pull_up).y == [pytest.approx(80 / P10)]
    assert series.e1rm(assisted).y == [pytest.approx(60 / P10)]
    assert series.e1rm(dip).y == [pytest.approx(90 / P10)]
    assert series.e1rm(bench).y == [pytest.approx(60 / P10)]  # an external load stays as it was
    records = context.records.for_exercise(assisted).standing.best_e1rm  # the PR list reads the same
    assert records is not None and records.value == pytest.approx(60 / P10)


def test_the_workout_volume_counts_the_moved_bodyweight(context: AppContext) -> None:
    assert context.bodyweight is not None
    context.bodyweight.log(80.0)
    _log_sets(context, "Pull-Up", [(0.0, 8, Rating.RIR_2)])  # 80 kg × 8 = 640
    _log_sets(context, "Assisted Pull-Up", [(-20.0, 8, Rating.RIR_2)])  # 60 kg × 8 = 480
    _log_sets(context, "Bench Press", [(60.0, 10, Rating.RIR_2)])  # 600
    _log_sets(context, "Plank", [(0.0, 1, Rating.RIR_2)])  # no moved load: nothing
    assert context.workout_log.summary().volume_kg == pytest.approx(640 + 480 + 600)
