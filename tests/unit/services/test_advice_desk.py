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
