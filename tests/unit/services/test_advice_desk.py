"""The advice desk feeds the guidance rules the right facts from the database and the open workout."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from gym_companion.domain.effort import Rating
from gym_companion.domain.settings import Settings
from gym_companion.services.session_factory import open_context


def test_weekly_failure_cap_warns_only_once_the_cap_is_passed(db_path: Path) -> None:
    now = [datetime(2026, 3, 4, 17, 0, tzinfo=UTC)]  # a Wednesday
    context = open_context(db_path, lambda: now[0])
    try:
        context.profile.save_settings(Settings(weekly_failure_cap=2))
        curl = context.catalog.find("Cable Curl")
        assert curl is not None
        context.workout_log.add_exercise(curl)
        rules_after = []
        for _ in range(3):
            entry = context.workout_log.log_set(20.0, 10)
            rated = context.workout_log.rate(entry, Rating.ABSOLUTE)
            rules_after.append({a.rule for a in context.advice.on_set_rated(rated)})
            now[0] += timedelta(minutes=2)
        # failure sets 1 and 2 are within the cap of 2; the third passes it
        assert ["F11" in rules for rules in rules_after] == [False, False, True]
    finally:
        context.close()


def test_planned_failure_on_an_early_exercise_is_flagged_before_its_last_set(db_path: Path) -> None:
    from gym_companion.domain.model import PlannedExercise, Routine

    now = [datetime(2026, 3, 4, 17, 0, tzinfo=UTC)]
    context = open_context(db_path, lambda: now[0])
    try:
        names = ("Dumbbell Curl", "Lat Pulldown", "Seated Cable Row", "Face Pull", "Hammer Curl")
        planned = []
        for index, name in enumerate(names):
            exercise = context.catalog.find(name)
            assert exercise is not None and exercise.id is not None, name
            planned.append(
                PlannedExercise(
                    exercise_id=exercise.id, position=index, sets=2, failure_last_set=index in (0, 4)
                )
            )
        log = context.workout_log
        log.start(routine=context.routines.save(Routine(name="Pull", exercises=planned)))
        assert "F4" not in {a.rule for a in context.advice.on_exercise_added()}  # set 1 of 2: not yet
        log.rate(log.log_set(12.0, 10), Rating.RIR_2)
        now[0] += timedelta(minutes=2)
        f4 = [a for a in context.advice.on_exercise_added() if a.rule == "F4"]
        assert len(f4) == 1 and "exercise 1 of 5" in f4[0].message
        log.select(4)  # the last exercise: failure is where it belongs
        log.rate(log.log_set(12.0, 10), Rating.RIR_2)
        # a safe, warmed-up curl at the end of the plan: nothing to say before its failure set
        assert context.advice.before_planned_failure() == []
    finally:
        context.close()
