"""The lifter's settings, weigh-ins, events and small crash-safe state (the running rest timer)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from gym_companion.domain.model import BodyweightEntry, TrainingEvent
from gym_companion.domain.settings import Settings
from gym_companion.domain.settings_check import check_settings, event_problem
from gym_companion.storage.repositories.profile import ProfileRepository

REST_TIMER_KEY = "rest_timer"


class ProfileService:
    """Settings (cached), bodyweight, events and app state."""

    def __init__(self, repository: ProfileRepository, now: Callable[[], datetime]) -> None:
        self._repository = repository
        self._now = now
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        """The settings in force."""
        if self._settings is None:
            self._settings = self._repository.load_settings()
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        """Store new settings and use them from now on. Raises InvalidSettingsError (nothing saved)."""
        check_settings(settings)
        self._repository.save_settings(settings)
        self._settings = settings

    def log_bodyweight(self, weight_kg: float) -> BodyweightEntry:
        """Record a weigh-in now. Raises ValueError outside 20..400 kg."""
        if not 20.0 <= weight_kg <= 400.0:
            raise ValueError("Bodyweight must be between 20 and 400 kg.")
        return self._repository.add_bodyweight(BodyweightEntry(measured_at=self._now(), weight_kg=weight_kg))

    def bodyweights(self, since: datetime | None = None) -> list[BodyweightEntry]:
        """Weigh-ins, oldest first."""
        return self._repository.bodyweights(since)

    def latest_bodyweight(self) -> BodyweightEntry | None:
        """The most recent weigh-in."""
        return self._repository.latest_bodyweight()

    def upcoming_events(self) -> list[TrainingEvent]:
        """Events from now on."""
        return self._repository.events(since=self._now())

    def save_event(self, event: TrainingEvent) -> TrainingEvent:
        """Add or change an event (F9). Raises ValueError, saving nothing, when it makes no sense."""
        problem = event_problem(event, self._now())
        if problem is not None:
            raise ValueError(problem)
        event.title = event.title.strip()
        return self._repository.save_event(event)

    def delete_event(self, event_id: int) -> None:
        """Remove an event."""
        self._repository.delete_event(event_id)

    def rest_timer_state(self) -> dict[str, Any] | None:
        """The saved rest-timer state, to resume after a restart."""
        value = self._repository.get_state(REST_TIMER_KEY)
        return value if isinstance(value, dict) else None

    def save_rest_timer_state(self, state: dict[str, Any] | None) -> None:
        """Store (or clear) the rest-timer state."""
        self._repository.set_state(REST_TIMER_KEY, state)
