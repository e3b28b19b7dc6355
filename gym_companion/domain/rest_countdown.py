"""The rest timer as a pure state machine: every method takes the current monotonic time in seconds.

The UI ticks it with its clock and rings the alarm when `just_finished` says so; after the end it keeps
counting the overtime. For a restart it saves a wall-clock (epoch seconds) deadline, since monotonic
time does not survive one.
"""

from __future__ import annotations

import math
from typing import Any

from gym_companion.domain.model import FailureKind, SetType

ADJUST_STEP_S = 15  # the +15 / −15 buttons
# F8 "failure training needs more recovery" turned into product decisions: rest longer after failure.
EXTRA_REST_AFTER_TECHNICAL_FAILURE_S = 60
EXTRA_REST_AFTER_ABSOLUTE_FAILURE_S = 90
MAX_WARMUP_REST_S = 60  # warm-ups are light: a minute is enough before the next one
STATE_VERSION = 1
_EPS = 1e-6  # float noise in deadline − now must not add a displayed second


class RestCountdown:
    """Counts a rest down to zero, then the overtime up; reports the zero crossing once for the alarm."""

    def __init__(self) -> None:
        self._deadline: float | None = None  # monotonic seconds; None when idle
        self._duration_s = 0.0
        self._alarm_due = False

    @property
    def is_running(self) -> bool:
        """True from start until skip, including the overtime after the end."""
        return self._deadline is not None

    @property
    def duration_s(self) -> float:
        """The planned rest of the current countdown (after adjustments), e.g. for a progress bar."""
        return self._duration_s

    def start(self, now: float, duration_s: float) -> None:
        """Start (or restart) a rest of `duration_s` seconds; a 0 s rest (drop sets) rings no alarm."""
        if not (duration_s >= 0 and math.isfinite(duration_s)):
            raise ValueError(f"rest must be a non-negative number of seconds, got {duration_s}")
        self._deadline = now + duration_s
        self._duration_s = duration_s
        self._alarm_due = duration_s > 0

    def adjust(self, now: float, delta_s: float) -> None:
        """Add (or with a negative delta take) time off a running countdown; it never goes below 0 left.

        In overtime only adding time does something: it starts a fresh countdown of `delta_s`, alarm included.
        """
        if self._deadline is None:
            return
        left = self._deadline - now
        if left <= 0 and delta_s <= 0:
            return
        new_left = max(0.0, max(left, 0.0) + delta_s)
        self._deadline = now + new_left
        self._duration_s = max(0.0, self._duration_s + (new_left - left))
        if new_left > 0:
            self._alarm_due = True

    def skip(self, now: float) -> None:
        """End the rest now, without an alarm."""
        del now  # same signature as the other transitions; nothing depends on the time of a skip
        self._deadline = None
        self._alarm_due = False

    def remaining(self, now: float) -> float:
        """Seconds left; negative in overtime; 0 when idle."""
        return 0.0 if self._deadline is None else self._deadline - now

    def finished(self, now: float) -> bool:
        """True once a running countdown has reached zero (and through its overtime)."""
        return self._deadline is not None and now >= self._deadline

    def just_finished(self, now: float) -> bool:
        """True exactly once per countdown: the first call at or after the zero crossing (ring the alarm)."""
        if self._alarm_due and self.finished(now):
            self._alarm_due = False
            return True
        return False

    def to_state(self, now_mono: float, now_wall: float) -> dict[str, Any]:
        """A small JSON-ready dict with the deadline in epoch seconds, so a restart can resume."""
        if self._deadline is None:
            return {"version": STATE_VERSION, "running": False}
        return {
            "version": STATE_VERSION,
            "running": True,
            "deadline_wall": now_wall + (self._deadline - now_mono),
            "duration_s": self._duration_s,
            "alarm_due": self._alarm_due,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], now_mono: float, now_wall: float) -> RestCountdown:
        """Resume a saved countdown; a deadline that passed while the app was closed resumes in overtime.

        The alarm for a crossing that happened while closed is not rung late. Raises ValueError for a
        malformed state.
        """
        countdown = cls()
        try:
            if not state.get("running", False):
                return countdown
            deadline_wall = float(state["deadline_wall"])
            duration_s = float(state.get("duration_s", 0.0))
            alarm_due = bool(state.get("alarm_due", True))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"unreadable rest timer state: {state!r}") from exc
        if not (math.isfinite(deadline_wall) and math.isfinite(duration_s)):
            raise ValueError(f"unreadable rest timer state: {state!r}")
        left = deadline_wall - now_wall
        countdown._deadline = now_mono + left
        countdown._duration_s = max(0.0, duration_s)
        countdown._alarm_due = alarm_due and left > 0
        return countdown


def format_remaining(seconds: float) -> str:
    """'m:ss' while counting down (rounded up, so 0:00 shows only at the end), '+m:ss' in overtime.

    From an hour on it reads 'h:mm:ss' ('+1:02:03'): a forgotten timer still tells the truth.
    """
    if math.isnan(seconds) or math.isinf(seconds):
        raise ValueError(f"cannot show {seconds} seconds")
    if seconds > -1.0 + _EPS:
        whole = max(0, math.ceil(seconds - _EPS))
        sign = ""
    else:
        whole = math.floor(-seconds + _EPS)
        sign = "+"
    minutes, secs = divmod(whole, 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def rest_duration_for(
    default_rest_s: int,
    failure: FailureKind,
    set_type: SetType,
    extra_after_technical_s: int = EXTRA_REST_AFTER_TECHNICAL_FAILURE_S,
    extra_after_absolute_s: int = EXTRA_REST_AFTER_ABSOLUTE_FAILURE_S,
) -> int:
    """How long to rest after a set: the exercise's default, longer after failure (F8).

    Drop sets follow without rest (0); warm-ups rest at most a minute. The extensions after failure
    are the lifter's settings (defaults: the constants above).
    """
    if min(default_rest_s, extra_after_technical_s, extra_after_absolute_s) < 0:
        extras = f"+{extra_after_technical_s}/+{extra_after_absolute_s}"
        raise ValueError(f"rest cannot be negative, got {default_rest_s} ({extras})")
    if set_type is SetType.DROP:
        return 0
    if set_type is SetType.WARMUP:
        return min(default_rest_s, MAX_WARMUP_REST_S)
    if failure is FailureKind.ABSOLUTE:
        return default_rest_s + extra_after_absolute_s
    if failure is FailureKind.TECHNICAL:
        return default_rest_s + extra_after_technical_s
    return default_rest_s
