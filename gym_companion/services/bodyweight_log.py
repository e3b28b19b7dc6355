"""Bodyweight as a use case: weigh-ins logged from the session page, deleted with undo, their trend, and
the latest weigh-in added to the load of bodyweight exercises (domain.bodyweight_load) in every e1RM.

The latest weigh-in is cached: every e1RM basis asks for it (once per exercise in a records pass) and it
only changes through this service. Call `invalidate()` after weigh-ins were written some other way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from gym_companion.domain.bodyweight import bodyweight_trend
from gym_companion.domain.bodyweight_load import bodyweight_share, moved_bodyweight_kg
from gym_companion.domain.e1rm import E1rmBasis
from gym_companion.domain.model import BodyweightEntry, Exercise
from gym_companion.services.profile import ProfileService
from gym_companion.storage.repositories.profile import ProfileRepository

RECENT_ENTRIES = 3  # weigh-ins listed on the session page (the History page charts them all)
TREND_WINDOW = timedelta(days=120)  # the smoothed trend has forgotten anything older (0.9^120 ≈ 0)
CHANGE_WINDOW = timedelta(days=28)  # "trend −0.6 kg in 4 weeks"


@dataclass(frozen=True, slots=True)
class BodyweightStatus:
    """What the session page shows: the latest weigh-in, the trend, its change, the recent entries."""

    latest: BodyweightEntry | None
    trend_kg: float | None
    change_kg: float | None  # trend now minus trend CHANGE_WINDOW ago (None: no weigh-in that old)
    recent: list[BodyweightEntry]  # newest first
    entries_in_trend: int = 0


class BodyweightLog:
    """Log, list, delete and restore weigh-ins; hand out the bodyweight part of e1RM loads."""

    def __init__(
        self,
        profile: ProfileService,
        repository: ProfileRepository,
        exercises: Callable[[], dict[int, Exercise]],
        now: Callable[[], datetime],
    ) -> None:
        self._profile = profile
        self._repository = repository
        self._exercises = exercises
        self._now = now
        self._latest: BodyweightEntry | None = None
        self._latest_known = False

    # --- weigh-ins ------------------------------------------------------------------------------
    def log(self, weight_kg: float) -> BodyweightEntry:
        """Record a weigh-in now. Raises ValueError (nothing saved) outside 20..400 kg."""
        entry = self._profile.log_bodyweight(weight_kg)
        self.invalidate()
        return entry

    def delete(self, entry: BodyweightEntry) -> None:
        """Remove a weigh-in (restore() brings it back)."""
        if entry.id is None:
            raise ValueError("this weigh-in was never saved")
        self._repository.delete_bodyweight(entry.id)
        self.invalidate()

    def restore(self, entry: BodyweightEntry) -> BodyweightEntry:
        """Put a deleted weigh-in back (undo)."""
        restored = self._repository.restore_bodyweight(entry)
        self.invalidate()
        return restored

    def latest(self) -> BodyweightEntry | None:
        """The most recent weigh-in (cached)."""
        if not self._latest_known:
            self._latest = self._repository.latest_bodyweight()
            self._latest_known = True
        return self._latest

    def invalidate(self) -> None:
        """Read the latest weigh-in again on the next request."""
        self._latest_known = False

    def status(self) -> BodyweightStatus:
        """The latest weigh-in, the smoothed trend (domain.bodyweight) and its change over four weeks."""
        now = self._now()
        entries = self._repository.bodyweights(since=now - TREND_WINDOW)
        if not entries:
            latest = self.latest()  # older than the window: still the latest, without a trend
            return BodyweightStatus(latest, None, None, [latest] if latest else [])
        trend = bodyweight_trend([e.measured_at.timestamp() for e in entries], [e.weight_kg for e in entries])
        before = [i for i, e in enumerate(entries) if e.measured_at <= now - CHANGE_WINDOW]
        change = trend[-1] - trend[before[-1]] if before else None
        recent = list(reversed(entries[-RECENT_ENTRIES:]))
        return BodyweightStatus(entries[-1], trend[-1], change, recent, len(entries))

    # --- bodyweight in loads --------------------------------------------------------------------
    def moved_kg(self, exercise: Exercise) -> float:
        """The part of the latest bodyweight this exercise moves (0 when none, or no weigh-in yet)."""
        if bodyweight_share(exercise) == 0:
            return 0.0
        latest = self.latest()
        return moved_bodyweight_kg(exercise, latest.weight_kg if latest else None)

    def e1rm_basis(self, base: Callable[[int], E1rmBasis]) -> Callable[[int], E1rmBasis]:
        """`base` (formula, RIR bias) with the moved bodyweight added for bodyweight exercises."""

        def basis(exercise_id: int) -> E1rmBasis:
            found = base(exercise_id)
            exercise = self._exercises().get(exercise_id)
            moved = self.moved_kg(exercise) if exercise is not None else 0.0
            return replace(found, bodyweight_kg=moved) if moved else found

        return basis
