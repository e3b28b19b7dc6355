"""A fake clock for tests: wall time and monotonic time that only move when told to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from gym_companion.ui.widgets.clock import Clocks


class FakeClock:
    """Starts at a fixed moment; `advance(seconds)` moves wall and monotonic time together."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)) -> None:
        self.current = start
        self.mono = 1000.0

    def now(self) -> datetime:
        return self.current

    def monotonic(self) -> float:
        return self.mono

    def wall(self) -> float:
        return self.current.timestamp()

    def advance(self, seconds: float) -> None:
        self.current += timedelta(seconds=seconds)
        self.mono += seconds

    def clocks(self) -> Clocks:
        return Clocks(now=self.now, monotonic=self.monotonic, wall=self.wall)
