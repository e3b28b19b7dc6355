"""F4 in the finish summary: a failure set belongs on the last set of one of the workout's last three
exercises; drop sets straight after it take it further and do not move it away from the end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from gym_companion.domain.model import Exercise, FailureKind, Muscle, SetEntry, SetType
from gym_companion.domain.workout_summary import FailurePlacement, summarize_workout

START = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
W, WU, DROP = SetType.WORKING, SetType.WARMUP, SetType.DROP
NONE, TECH, ABS = FailureKind.NONE, FailureKind.TECHNICAL, FailureKind.ABSOLUTE
EXERCISES = {
    n: Exercise(name=name, primary_muscles=(Muscle.CHEST,), id=n)
    for n, name in enumerate(("Bench Press", "Fly", "Curl", "Pushdown", "Raise"), start=1)
}


def placements(plan: list[tuple[int, SetType, FailureKind]]) -> list[FailurePlacement]:
    """The failure placements of a workout given as (exercise id = its order + 1, set type, failure)."""
    sets = [
        SetEntry(
            uuid=f"s{n}",
            session_id=1,
            exercise_id=exercise_id,
            exercise_order=exercise_id - 1,
            set_order=n,
            set_type=kind,
            weight_kg=50.0,
            reps=8,
            rir=0 if failure is not NONE else 2,
            failure=failure,
            logged_at=START + timedelta(minutes=3 * n),
        )
        for n, (exercise_id, kind, failure) in enumerate(plan)
    ]
    return summarize_workout(sets, EXERCISES, {}, START, START + timedelta(hours=1)).failures


def test_a_failure_set_followed_only_by_drop_sets_is_still_at_the_end() -> None:
    [curl] = placements(
        [(1, W, NONE), (1, W, NONE), (2, W, NONE), (3, WU, NONE), (3, W, NONE), (3, W, ABS), (3, DROP, NONE),
         (3, DROP, NONE)]
    )  # fmt: skip
    # set 2 of 4 counts the drop sets (warm-ups are left out); both drops come straight after it
    assert (curl.exercise_name, curl.set_number, curl.sets_of_exercise, curl.drop_sets_after) == (
        "Curl",
        2,
        4,
        2,
    )
    assert curl.at_the_end


def test_a_drop_set_taken_to_failure_ends_the_exercise_too() -> None:
    failure, drop = placements([(1, W, NONE), (2, W, TECH), (2, DROP, ABS)])
    assert (failure.set_number, failure.drop_sets_after, failure.at_the_end) == (1, 1, True)
    assert (drop.set_number, drop.sets_of_exercise, drop.drop_sets_after, drop.at_the_end) == (2, 2, 0, True)


def test_a_working_set_after_the_failure_set_means_it_was_not_the_end() -> None:
    [early] = placements([(1, W, ABS), (1, DROP, NONE), (1, W, NONE)])
    assert (early.set_number, early.sets_of_exercise, early.drop_sets_after) == (1, 3, 0)
    assert not early.at_the_end
    [first] = placements([(1, W, ABS), (1, W, NONE)])
    assert not first.at_the_end  # failing on a first set leaves little for the rest (F4)


def test_only_the_last_three_exercises_count_as_the_end() -> None:
    plan = [(1, W, NONE), (2, W, NONE), (3, W, NONE), (4, W, NONE), (5, W, NONE)]
    early = placements([(1, W, ABS), (1, DROP, NONE), *plan[1:]])
    assert [(f.exercise_number, f.exercises_in_workout, f.at_the_end) for f in early] == [(1, 5, False)]
    # exercise 3 of 5 is among the last three; exercise 2 of 5 is not
    third = placements([*plan[:2], (3, W, ABS), (3, DROP, NONE), *plan[3:]])
    assert [(f.exercise_number, f.at_the_end) for f in third] == [(3, True)]
    second = placements([plan[0], (2, W, ABS), (2, DROP, NONE), *plan[2:]])
    assert [(f.exercise_number, f.at_the_end) for f in second] == [(2, False)]


def test_with_three_exercises_or_fewer_every_exercises_last_set_is_the_end() -> None:
    found = placements([(1, W, NONE), (1, W, TECH), (2, W, ABS), (2, DROP, NONE)])
    assert [(f.exercise_name, f.at_the_end) for f in found] == [("Bench Press", True), ("Fly", True)]


def test_placements_made_elsewhere_default_to_no_drop_sets() -> None:
    placement = FailurePlacement("Curl", ABS, set_number=3, sets_of_exercise=3, exercise_number=1,
                                 exercises_in_workout=1)  # fmt: skip
    assert placement.drop_sets_after == 0 and placement.at_the_end
