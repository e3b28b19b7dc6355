"""Injected clocks: wall time for timestamps, monotonic time for the rest timer (tests pass fakes)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Clocks:
    """now(): aware datetime for logging; monotonic(): seconds for countdowns; wall(): epoch seconds."""

    now: Callable[[], datetime]
    monotonic: Callable[[], float]
    wall: Callable[[], float]

    @classmethod
    def system(cls, now: Callable[[], datetime]) -> Clocks:
        """The real clocks."""
        return cls(now=now, monotonic=time.monotonic, wall=time.time)
