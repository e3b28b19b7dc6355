"""Arrange steps for service tests: put exercises into the open workout the way the session page does."""

from __future__ import annotations

from gym_companion.services.context import AppContext


def add_to_workout(context: AppContext, name: str) -> None:
    """Add the library exercise called `name` to the workout, starting one first if none is open."""
    exercise = context.catalog.find(name)
    assert exercise is not None, name
    if not context.workout_log.active:
        context.workout_log.start()
    context.workout_log.add_exercise(exercise)
