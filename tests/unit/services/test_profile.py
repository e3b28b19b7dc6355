"""ProfileService refuses bad settings and events at its boundary, and keeps nothing of them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gym_companion.domain.model import TrainingEvent, WeightUnit
from gym_companion.domain.settings import Settings
from gym_companion.domain.settings_check import InvalidSettingsError
from gym_companion.services.session_factory import open_context

NOW = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


def test_bad_settings_are_refused_and_the_old_ones_stay(db_path: Path) -> None:
    context = open_context(db_path, lambda: NOW)
    try:
        context.profile.save_settings(Settings(unit=WeightUnit.LB))
        with pytest.raises(InvalidSettingsError) as caught:
            context.profile.save_settings(Settings(unit=WeightUnit.KG, rep_min=12, rep_max=6))
        assert set(caught.value.problems) == {"rep_min", "rep_max"}
        assert context.profile.settings.unit is WeightUnit.LB
    finally:
        context.close()
    reopened = open_context(db_path, lambda: NOW)
    try:
        assert reopened.profile.settings == Settings(unit=WeightUnit.LB)
    finally:
        reopened.close()


def test_events_are_checked_trimmed_and_changed_in_place(db_path: Path) -> None:
    context = open_context(db_path, lambda: NOW)
    try:
        profile = context.profile
        with pytest.raises(ValueError, match="That moment has passed"):
            profile.save_event(TrainingEvent("Yesterday's match", NOW - timedelta(days=1)))
        with pytest.raises(ValueError, match="between 0 and 336 hours"):
            profile.save_event(TrainingEvent("Match", NOW + timedelta(days=1), 400))
        assert profile.upcoming_events() == []
        event = profile.save_event(TrainingEvent("  10K race ", NOW + timedelta(days=5), 48))
        assert event.title == "10K race"
        profile.save_event(TrainingEvent("Half marathon", NOW + timedelta(days=6), 72, id=event.id))
        assert [(e.title, e.no_failure_window_h) for e in profile.upcoming_events()] == [
            ("Half marathon", 72)
        ]
    finally:
        context.close()
