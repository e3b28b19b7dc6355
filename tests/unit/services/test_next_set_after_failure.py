"""F5 and the "Next" line: after a set to absolute failure the exercise is done, so the next set is the
next exercise's first (or nothing, on the last exercise), never the same exercise again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gym_companion.domain.effort import Rating
from gym_companion.services.context import AppContext
from gym_companion.services.next_set import plan_next_set
from gym_companion.services.session_factory import open_context

START = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


@pytest.fixture
def context(db_path: Path) -> Iterator[AppContext]:
    ctx = open_context(db_path, lambda: START)
    yield ctx
    ctx.close()


def _add(context: AppContext, name: str) -> None:
    exercise = context.catalog.find(name)
    assert exercise is not None
    if not context.workout_log.active:
        context.workout_log.start()
    context.workout_log.add_exercise(exercise)


def test_after_absolute_failure_the_next_set_is_the_next_exercise(context: AppContext) -> None:
    _add(context, "Dumbbell Curl")
    _add(context, "Triceps Pushdown")
    log = context.workout_log
    log.select(0)
    log.rate(log.log_set(14.0, 10), Rating.RIR_2)
    log.rate(log.log_set(14.0, 8), Rating.ABSOLUTE)
    plan = plan_next_set(log, context.profile.settings)
    assert plan is not None and plan.next_set.exercise_name == "Triceps Pushdown"
    assert plan.reason.startswith("Triceps Pushdown is the next exercise")


def test_after_absolute_failure_on_the_last_exercise_nothing_is_suggested(context: AppContext) -> None:
    _add(context, "Dumbbell Curl")
    log = context.workout_log
    log.rate(log.log_set(14.0, 8), Rating.ABSOLUTE)
    assert plan_next_set(log, context.profile.settings) is None


def test_technical_failure_still_suggests_the_same_exercise(context: AppContext) -> None:
    _add(context, "Dumbbell Curl")
    log = context.workout_log
    log.rate(log.log_set(14.0, 8), Rating.TECHNICAL)
    plan = plan_next_set(log, context.profile.settings)
    assert plan is not None and plan.next_set.exercise_name == "Dumbbell Curl"
