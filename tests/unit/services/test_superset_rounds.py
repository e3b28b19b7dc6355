"""Supersets in the workout log: grouping, the rotation after each set, the timers, storage and resume."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers.manual_clock import ManualClock

from gym_companion.domain.effort import Rating
from gym_companion.domain.model import FailureKind, PlannedExercise, Routine, SetType
from gym_companion.services.context import AppContext
from gym_companion.services.session_factory import open_context
from gym_companion.services.superset_rounds import SupersetRounds

START = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


def rounds(context: AppContext) -> SupersetRounds:
    assert context.supersets is not None
    return context.supersets


def add(context: AppContext, *names: str) -> None:
    for name in names:
        exercise = context.catalog.find(name)
        assert exercise is not None, name
        context.workout_log.add_exercise(exercise)


def current_name(context: AppContext) -> str:
    slot = context.workout_log.current
    assert slot is not None
    return slot.exercise.name


def stored_groups(context: AppContext) -> list[tuple[str, int | None]]:
    log = context.workout_log
    assert log.session is not None and log.session.id is not None
    names = context.catalog.by_id()
    return [
        (names[s.exercise_id].name, s.superset_group) for s in context.history.session_sets(log.session.id)
    ]


def test_grouping_labels_and_words(context: AppContext) -> None:
    add(context, "Bench Press", "Barbell Row", "Dumbbell Curl")
    supersets = rounds(context)
    context.workout_log.select(0)
    with pytest.raises(ValueError, match="one before it"):
        supersets.group_with_previous()
    assert supersets.group_with_previous(1) == (
        "Superset A: Bench Press → Barbell Row. Ctrl+Shift+G takes an exercise out."
    )
    assert supersets.group_with_previous(2).startswith(
        "Circuit A: Bench Press → Barbell Row → Dumbbell Curl."
    )
    assert supersets.labels() == ["A1", "A2", "A3"]
    assert supersets.ungroup(0) == "Bench Press is on its own again."
    assert supersets.labels() == ["", "A1", "A2"]
    supersets.ungroup(2)
    assert supersets.labels() == ["", "", ""]
    with pytest.raises(ValueError, match="not in a superset"):
        supersets.ungroup(1)


def test_a_superset_rotates_with_a_change_over_and_rests_after_the_round(
    context: AppContext, clock: ManualClock
) -> None:
    add(context, "Bench Press", "Barbell Row")
    supersets = rounds(context)
    supersets.group_with_previous(1)
    log = context.workout_log
    log.select(0)
    order = []
    timers = []
    for _ in range(4):
        order.append(current_name(context))
        entry = log.rate(log.log_set(60, 8), Rating.RIR_2)
        step = supersets.after_set(entry)
        assert step is not None
        timers.append((step.round_done, step.seconds, step.caption))
        clock.advance(60)
    assert order == ["Bench Press", "Barbell Row", "Bench Press", "Barbell Row"]
    # change-over: 15 s (the default); after the round: the longest rest of the two (bench 3:00)
    assert timers == [
        (False, 15, "Change-over → Barbell Row"),
        (True, 180, "Rest after the round"),
        (False, 15, "Change-over → Barbell Row"),
        (True, 180, "Rest after the round"),
    ]
    assert current_name(context) == "Bench Press"
    # every set carries the group, stored
    assert stored_groups(context) == [("Bench Press", 1)] * 2 + [("Barbell Row", 1)] * 2


def test_failure_anywhere_in_the_round_extends_the_rest(context: AppContext, clock: ManualClock) -> None:
    add(context, "Dumbbell Curl", "Triceps Pushdown")
    supersets = rounds(context)
    supersets.group_with_previous(1)
    log = context.workout_log
    log.select(0)
    curl = log.rate(log.log_set(14, 10), Rating.TECHNICAL)  # technical failure on A1
    assert supersets.after_set(curl) is not None
    clock.advance(30)
    pushdown = log.rate(log.log_set(30, 12), Rating.RIR_1)
    step = supersets.after_set(pushdown)
    assert step is not None and step.round_done
    assert step.failure is FailureKind.TECHNICAL
    assert step.seconds == 60 + 60  # both rest 1:00; + 1:00 after technical failure (the default)
    assert step.caption == "Rest after the round (longer after failure)"
    assert "plus 1:00 after technical failure" in step.why


def test_warm_ups_and_ungrouped_exercises_keep_the_usual_rest(context: AppContext) -> None:
    add(context, "Bench Press", "Barbell Row", "Squat")
    supersets = rounds(context)
    supersets.group_with_previous(1)
    log = context.workout_log
    log.select(0)
    assert supersets.after_set(log.log_set(20, 10, SetType.WARMUP)) is None
    assert current_name(context) == "Bench Press"  # a warm-up does not move on
    log.select(2)
    assert supersets.after_set(log.rate(log.log_set(100, 5), Rating.RIR_2)) is None
    assert current_name(context) == "Squat"


def test_a_routine_superset_drops_finished_exercises_and_ends_with_the_rest(
    context: AppContext, clock: ManualClock
) -> None:
    names = ("Bench Press", "Barbell Row", "Lat Pulldown")
    ids = {}
    for name in names:
        exercise = context.catalog.find(name)
        assert exercise is not None and exercise.id is not None
        ids[name] = exercise.id
    routine = context.routines.save(
        Routine(
            name="Upper",
            exercises=[
                PlannedExercise(ids["Bench Press"], 0, sets=3, rest_s=120, superset_group=7),
                PlannedExercise(ids["Barbell Row"], 1, sets=2, rest_s=90, superset_group=7),
                PlannedExercise(ids["Lat Pulldown"], 2, sets=2),
            ],
        )
    )
    assert [p.superset_group for p in routine.exercises] == [1, 1, None]  # numbered from 1
    log = context.workout_log
    log.start(routine=routine)
    supersets = rounds(context)
    assert supersets.labels() == ["A1", "A2", ""]
    seen = []
    while True:
        seen.append(current_name(context))
        step = supersets.after_set(log.rate(log.log_set(60, 8), Rating.RIR_2))
        assert step is not None
        clock.advance(45)
        if step.next_index is None:
            break
        seen[-1] += " (rest)" if step.round_done else ""
    # 3 bench, 2 rows: the third round is bench alone, then the superset is done
    assert seen == ["Bench Press", "Barbell Row (rest)", "Bench Press", "Barbell Row (rest)", "Bench Press"]
    assert step.caption == "Rest — superset done" and step.seconds == 120  # bench's rest from the routine
    assert current_name(context) == "Bench Press"


def test_the_rotation_and_grouping_survive_a_restart(db_path: Path, clock: ManualClock) -> None:
    context = open_context(db_path, clock)
    add(context, "Bench Press", "Barbell Row", "Dumbbell Curl")
    rounds(context).group_with_previous(1)
    rounds(context).group_with_previous(2)
    log = context.workout_log
    log.select(0)
    for _ in range(2):  # A1, A2: A3 is next
        rounds(context).after_set(log.rate(log.log_set(50, 10), Rating.RIR_2))
        clock.advance(30)
    context.close()  # as after a crash

    reopened = open_context(db_path, clock)
    try:
        log = reopened.workout_log
        unfinished = log.unfinished()
        assert unfinished is not None
        log.resume(unfinished)
        assert rounds(reopened).labels() == ["A1", "A2", "A3"]
        assert current_name(reopened) == "Dumbbell Curl"
        step = rounds(reopened).after_set(log.rate(log.log_set(12, 12), Rating.RIR_1))
        assert step is not None and step.round_done and current_name(reopened) == "Bench Press"
    finally:
        reopened.close()


def test_groups_come_back_from_the_sets_when_the_saved_state_is_gone(
    db_path: Path, clock: ManualClock
) -> None:
    context = open_context(db_path, clock)
    add(context, "Bench Press", "Barbell Row")
    rounds(context).group_with_previous(1)
    log = context.workout_log
    log.select(0)
    rounds(context).after_set(log.rate(log.log_set(60, 8), Rating.RIR_2))
    clock.advance(30)
    log.rate(log.log_set(60, 8), Rating.RIR_2)
    context.close()
    with sqlite3.connect(db_path) as con:  # the open-workout state lost: only the sets are left
        con.execute("DELETE FROM app_state WHERE key = 'open_workout'")
    con.close()

    reopened = open_context(db_path, clock)
    try:
        log = reopened.workout_log
        unfinished = log.unfinished()
        assert unfinished is not None
        log.resume(unfinished)
        assert rounds(reopened).labels() == ["A1", "A2"]
        assert [len(slot.sets) for slot in log.slots] == [1, 1]
    finally:
        reopened.close()


def test_ungrouping_after_sets_clears_them_and_regrouping_renumbers(context: AppContext) -> None:
    add(context, "Bench Press", "Barbell Row", "Lat Pulldown", "Dumbbell Curl")
    supersets = rounds(context)
    supersets.group_with_previous(1)
    supersets.group_with_previous(3)  # A = bench + row, B = pulldown + curl
    log = context.workout_log
    log.select(2)
    log.rate(log.log_set(50, 10), Rating.RIR_2)
    assert stored_groups(context) == [("Lat Pulldown", 2)]
    supersets.ungroup(0)  # A dissolves: B becomes A, its stored set follows
    assert supersets.labels() == ["", "", "A1", "A2"]
    assert stored_groups(context) == [("Lat Pulldown", 1)]
    supersets.ungroup(3)
    assert stored_groups(context) == [("Lat Pulldown", None)]


def test_saving_a_workout_as_a_routine_keeps_its_supersets(context: AppContext) -> None:
    add(context, "Bench Press", "Barbell Row", "Squat")
    rounds(context).group_with_previous(1)
    made = context.routines.from_workout("Upper A", context.workout_log.slots, 2)
    again = context.routines.get(made.id) if made.id is not None else None
    assert again is not None
    assert [p.superset_group for p in again.exercises] == [1, 1, None]
    copy = context.routines.duplicate(made.id)  # type: ignore[arg-type]
    assert [p.superset_group for p in copy.exercises] == [1, 1, None]
