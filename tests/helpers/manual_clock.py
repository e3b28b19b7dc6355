"""Wall time for service tests: a `now` callable that moves only when a test moves it."""

from __future__ import annotations

from datetime import datetime, timedelta


class ManualClock:
    """Wall time that moves only when told: calling it returns `current`, which tests set or advance."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        """The current wall time."""
        return self.current

    def advance(self, seconds: float) -> None:
        """Move the clock `seconds` forward."""
        self.current += timedelta(seconds=seconds)
