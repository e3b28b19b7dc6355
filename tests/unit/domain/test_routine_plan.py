"""A routine's plan for one exercise: how it reads, where the lifter stands in it, and what is refused."""

from __future__ import annotations

import pytest

from gym_companion.domain.model import PlannedExercise
from gym_companion.domain.routine_plan import PlanTarget, check_planned


def test_plan_reads_as_sets_reps_and_effort() -> None:
    assert PlanTarget(3, 8, 12, 2).text() == "3 × 8–12 @ RIR 2"
    assert PlanTarget(5, 5, 5, 1, failure_last_set=True).text() == "5 × 5 @ RIR 1 · last set to failure"


def test_progress_counts_working_sets_and_names_the_failure_set() -> None:
    plan = PlanTarget(3, 8, 12, 2, failure_last_set=True)
    assert plan.progress_text(0) == "Set 1 of 3"
    assert plan.progress_text(1) == "Set 2 of 3"
    assert plan.progress_text(2) == "Set 3 of 3 — the planned failure set"
    assert plan.progress_text(3) == "All 3 planned sets done"
    assert plan.progress_text(5) == "All 3 planned sets done (+2 extra)"


@pytest.mark.parametrize(
    ("failure_last_set", "done", "expected"),
    [(True, 2, True), (True, 1, False), (True, 3, False), (False, 2, False)],
)
def test_only_the_last_planned_set_is_the_failure_set(
    failure_last_set: bool, done: int, expected: bool
) -> None:
    plan = PlanTarget(3, 8, 12, 2, failure_last_set=failure_last_set)
    assert plan.is_failure_set(done) is expected
    assert plan.next_rir_text(done) == ("to failure" if expected else "RIR 2")


def test_a_one_set_plan_with_failure_is_the_failure_set_from_the_start() -> None:
    assert PlanTarget(1, 10, 15, 0, failure_last_set=True).is_failure_set(0)


def test_plan_of_a_planned_exercise_keeps_every_field() -> None:
    planned = PlannedExercise(
        exercise_id=7,
        position=0,
        sets=4,
        rep_min=6,
        rep_max=8,
        target_rir=1,
        failure_last_set=True,
        rest_s=150,
    )
    assert PlanTarget.of(planned) == PlanTarget(4, 6, 8, 1, True, 150)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sets": 0}, "Sets must be 1–20"),
        ({"sets": 21}, "Sets must be 1–20"),
        ({"rep_min": 0}, "rep range"),
        ({"rep_min": 12, "rep_max": 8}, "rep range"),
        ({"rep_max": 101}, "rep range"),
        ({"target_rir": -1}, "Target RIR"),
        ({"target_rir": 6}, "Target RIR"),
        ({"rest_s": -1}, "Rest"),
        ({"rest_s": 901}, "Rest"),
    ],
)
def test_nonsense_plans_are_refused_with_a_reason(changes: dict[str, int], message: str) -> None:
    planned = PlannedExercise(exercise_id=1, position=0, **changes)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        check_planned(planned)


def test_edges_of_the_ranges_are_accepted() -> None:
    for planned in (
        PlannedExercise(exercise_id=1, position=0, sets=1, rep_min=1, rep_max=1, target_rir=0, rest_s=0),
        PlannedExercise(
            exercise_id=1, position=0, sets=20, rep_min=100, rep_max=100, target_rir=5, rest_s=900
        ),
    ):
        check_planned(planned)
