"""The workout log with routines and notes: the plan comes along, survives a restart, and feeds the brief."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers.manual_clock import ManualClock

from gym_companion.domain.effort import Rating
from gym_companion.domain.model import PlannedExercise, Routine
from gym_companion.domain.routine_plan import PlanTarget
from gym_companion.services.context import AppContext
from gym_companion.services.session_factory import open_context

START = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


def _routine(context: AppContext) -> Routine:
    def planned(name: str, **fields: object) -> PlannedExercise:
        exercise = context.catalog.find(name)
        assert exercise is not None and exercise.id is not None
        return PlannedExercise(exercise_id=exercise.id, position=0, **fields)  # type: ignore[arg-type]

    return context.routines.save(
        Routine(
            name="Pull",
            exercises=[
                planned("Barbell Row", sets=4, rep_min=6, rep_max=8, target_rir=2, rest_s=150),
                planned("Lat Pulldown", sets=3, rep_min=10, rep_max=12, target_rir=1),
                planned("Dumbbell Curl", sets=2, rep_min=10, rep_max=15, target_rir=1, failure_last_set=True),
            ],
        )
    )


def test_starting_from_a_routine_brings_its_exercises_and_plans_in_order(context: AppContext) -> None:
    routine = _routine(context)
    session = context.workout_log.start(routine=routine)
    assert session.name == "Pull" and session.routine_id == routine.id
    slots = context.workout_log.slots
    assert [s.exercise.name for s in slots] == ["Barbell Row", "Lat Pulldown", "Dumbbell Curl"]
    assert [s.plan for s in slots] == [
        PlanTarget(4, 6, 8, 2, False, 150),
        PlanTarget(3, 10, 12, 1, False, None),
        PlanTarget(2, 10, 15, 1, True, None),
    ]
    assert context.workout_log.current is slots[0]


def test_plan_notes_and_name_survive_closing_and_reopening(db_path: Path, clock: ManualClock) -> None:
    context = open_context(db_path, clock)
    log = context.workout_log
    log.start(routine=_routine(context))
    log.rate(log.log_set(70, 8), Rating.RIR_2)
    log.set_exercise_note(0, "straps on the last set")
    log.select(2)
    log.set_exercise_note(2, "supinate hard")
    log.rename("Pull — light")
    log.set_notes("slept badly")
    context.close()  # as after a crash: the workout is unfinished

    clock.advance(5 * 60)
    reopened = open_context(db_path, clock)
    try:
        log = reopened.workout_log
        unfinished = log.unfinished()
        assert unfinished is not None
        log.resume(unfinished)
        assert log.session is not None
        assert (log.session.name, log.session.notes) == ("Pull — light", "slept badly")
        assert log.current_index == 2
        assert [(s.exercise.name, s.note, len(s.sets)) for s in log.slots] == [
            ("Barbell Row", "straps on the last set", 1),
            ("Lat Pulldown", "", 0),
            ("Dumbbell Curl", "supinate hard", 0),
        ]
        assert [s.plan for s in log.slots][2] == PlanTarget(2, 10, 15, 1, True, None)
        assert log.slots[0].plan == PlanTarget(4, 6, 8, 2, False, 150)
        log.finish()
        notes = reopened.workout_notes
        assert notes is not None
        assert unfinished.id is not None
        stored = notes.for_session(unfinished.id)
        assert stored.workout == "slept badly"
        assert stored.by_exercise_order == {0: "straps on the last set", 2: "supinate hard"}
        names = reopened.catalog.by_id()
        # the curl has no sets, yet its note still knows which exercise it belongs to
        assert {o: names[i].name for o, i in stored.exercise_ids.items()} == {
            0: "Barbell Row",
            2: "Dumbbell Curl",
        }
    finally:
        reopened.close()


def test_removing_an_exercise_removes_its_note(context: AppContext) -> None:
    log = context.workout_log
    log.start(routine=_routine(context))
    log.set_exercise_note(1, "machine 3 is broken")
    log.remove_exercise(1)
    assert log.session is not None and log.session.id is not None
    notes = context.workout_notes
    assert notes is not None
    assert notes.for_session(log.session.id).by_exercise_order == {}


def test_a_blank_or_long_workout_name_is_refused(context: AppContext) -> None:
    log = context.workout_log
    log.start()
    with pytest.raises(ValueError, match="name"):
        log.rename("  ")
    with pytest.raises(ValueError, match="under 80"):
        log.rename("x" * 81)


def test_the_plan_sets_the_suggestions_target(context: AppContext, clock: ManualClock) -> None:
    log = context.workout_log
    row = context.catalog.find("Barbell Row")
    assert row is not None
    log.add_exercise(row)
    log.rate(log.log_set(80, 12), Rating.RIR_3)  # last time: 80 kg × 12, well above today's plan
    log.finish()
    clock.advance(60 * 60 * 24 * 3)
    log.start(routine=_routine(context))
    slot = log.slots[0]
    brief = log.brief(slot, context.profile.settings, first_compound_today=True)
    assert brief.suggestion is not None
    assert brief.suggestion.target_rir == 2
    assert 6 <= brief.suggestion.reps <= 8
