"""The routine book: validation, rename, copies, delete with undo, plan advice, a workout saved as one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gym_companion.domain.effort import Rating
from gym_companion.domain.model import PlannedExercise, Routine, SetType
from gym_companion.services.context import AppContext
from gym_companion.services.session_factory import open_context

NOW = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


@pytest.fixture
def context(db_path: Path) -> Iterator[AppContext]:
    now = [NOW]
    ctx = open_context(db_path, lambda: now[0])
    yield ctx
    ctx.close()


def _id(context: AppContext, name: str) -> int:
    exercise = context.catalog.find(name)
    assert exercise is not None and exercise.id is not None, name
    return exercise.id


def _planned(exercise_id: int, **fields: object) -> PlannedExercise:
    return PlannedExercise(exercise_id=exercise_id, position=0, **fields)  # type: ignore[arg-type]


def test_save_refuses_a_blank_name_no_exercises_or_a_bad_plan(context: AppContext) -> None:
    book = context.routines
    squat = _id(context, "Squat")
    with pytest.raises(ValueError, match="name"):
        book.save(Routine(name="   ", exercises=[_planned(squat)]))
    with pytest.raises(ValueError, match="at least one exercise"):
        book.save(Routine(name="Legs"))
    with pytest.raises(ValueError, match="rep range"):
        book.save(Routine(name="Legs", exercises=[_planned(squat, rep_min=12, rep_max=8)]))
    assert book.all() == []
    saved = book.save(Routine(name="  Legs  ", exercises=[_planned(squat)]))
    assert saved.name == "Legs"
    assert [r.name for r in book.all()] == ["Legs"]


def test_rename_and_duplicate_number_their_copies(context: AppContext) -> None:
    book = context.routines
    legs = book.save(Routine(name="Legs", exercises=[_planned(_id(context, "Squat"), sets=5, rest_s=200)]))
    assert legs.id is not None
    first = book.duplicate(legs.id)
    second = book.duplicate(legs.id)
    assert (first.name, second.name) == ("Legs (copy)", "Legs (copy 2)")
    assert [(p.sets, p.rest_s) for p in second.exercises] == [(5, 200)]
    assert second.exercises[0].id != legs.exercises[0].id
    assert first.id is not None
    book.rename(first.id, "Legs B")
    assert [r.name for r in book.all()] == ["Legs", "Legs B", "Legs (copy 2)"]
    with pytest.raises(ValueError, match="name"):
        book.rename(first.id, "")


def test_delete_can_be_undone_in_place(context: AppContext) -> None:
    book = context.routines
    squat = _id(context, "Squat")
    routines = [book.save(Routine(name=n, exercises=[_planned(squat)])) for n in ("A", "B", "C")]
    assert routines[1].id is not None
    deleted = book.delete(routines[1].id)
    assert deleted is not None
    assert [r.name for r in book.all()] == ["A", "C"]
    book.restore(deleted)
    assert book.all() == routines
    assert book.delete(98765) is None


def test_advice_flags_failure_planned_on_an_early_exercise(context: AppContext) -> None:
    names = ("Squat", "Leg Press", "Leg Curl", "Leg Extension", "Standing Calf Raise")
    plan = [_planned(_id(context, n), failure_last_set=(i in (0, 4))) for i, n in enumerate(names)]
    found = context.routines.advice(plan)
    assert (0, "F4") in [(i, a.rule) for i, a in found]
    assert all(i == 0 for i, a in found if a.rule == "F4")
    assert (0, "F6") in [(i, a.rule) for i, a in found]  # a squat needs a spotter or safety pins


def test_a_finished_workout_becomes_a_routine(context: AppContext) -> None:
    log = context.workout_log
    squat = context.catalog.find("Squat")
    curl = context.catalog.find("Dumbbell Curl")
    assert squat is not None and curl is not None
    log.add_exercise(squat)
    log.log_set(60, 5, SetType.WARMUP)
    for reps in (6, 5, 5):
        log.rate(log.log_set(100, reps), Rating.RIR_2)
    log.add_exercise(curl)
    log.rate(log.log_set(14, 12), Rating.RIR_2)
    log.rate(log.log_set(14, 10), Rating.ABSOLUTE)
    slots = list(log.slots)
    log.finish()
    routine = context.routines.from_workout("Monday", slots, target_rir=2)
    assert [(p.sets, p.rep_min, p.rep_max, p.target_rir, p.failure_last_set) for p in routine.exercises] == [
        (3, 5, 6, 2, False),
        (2, 10, 12, 2, True),
    ]
    assert context.routines.all() == [routine]


def test_a_workout_from_a_routine_is_saved_with_its_plan(context: AppContext) -> None:
    squat = _id(context, "Squat")
    plan = _planned(squat, sets=4, rep_min=3, rep_max=5, target_rir=1, failure_last_set=True, rest_s=240)
    source = context.routines.save(Routine(name="Heavy", exercises=[plan]))
    context.workout_log.start(routine=source)
    context.workout_log.rate(context.workout_log.log_set(120, 8), Rating.RIR_2)  # off-plan reps
    copy = context.routines.from_workout("Heavy again", list(context.workout_log.slots), target_rir=2)
    assert [
        (p.sets, p.rep_min, p.rep_max, p.target_rir, p.failure_last_set, p.rest_s) for p in copy.exercises
    ] == [(4, 3, 5, 1, True, 240)]
