"""The rest timer state machine, driven by fake monotonic and wall-clock seconds (no sleeping)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gym_companion.domain.model import FailureKind, SetType
from gym_companion.domain.rest_countdown import RestCountdown, format_remaining, rest_duration_for

MONO = 5_000.0  # an arbitrary monotonic reading
WALL = 1_715_000_000.0  # an arbitrary epoch reading


def _started(duration: float = 90.0) -> RestCountdown:
    countdown = RestCountdown()
    countdown.start(MONO, duration)
    return countdown


def test_idle_countdown() -> None:
    countdown = RestCountdown()
    assert not countdown.is_running
    assert countdown.remaining(MONO) == 0.0
    assert not countdown.finished(MONO)
    assert not countdown.just_finished(MONO)


def test_counts_down_then_into_overtime() -> None:
    countdown = _started(90)
    assert countdown.is_running
    assert countdown.remaining(MONO + 30) == 60.0
    assert not countdown.finished(MONO + 89.9)
    assert countdown.finished(MONO + 90)
    assert countdown.remaining(MONO + 95) == -5.0
    assert countdown.is_running  # overtime keeps counting


def test_zero_crossing_is_reported_exactly_once() -> None:
    countdown = _started(60)
    ticks = [MONO + t for t in (0, 30, 59.9, 60.4, 61.4, 62.4, 200)]
    assert [countdown.just_finished(t) for t in ticks] == [False, False, False, True, False, False, False]


def test_restart_rearms_the_alarm() -> None:
    countdown = _started(10)
    assert countdown.just_finished(MONO + 10)
    countdown.start(MONO + 20, 10)
    assert countdown.remaining(MONO + 25) == 5.0
    assert countdown.just_finished(MONO + 30)


def test_adjust_adds_and_removes_time() -> None:
    countdown = _started(90)
    countdown.adjust(MONO + 10, +15)
    assert countdown.remaining(MONO + 10) == 95.0
    assert countdown.duration_s == 105.0
    countdown.adjust(MONO + 10, -15)
    assert countdown.remaining(MONO + 10) == 80.0


def test_adjust_never_goes_below_zero_and_then_it_is_finished() -> None:
    countdown = _started(10)
    countdown.adjust(MONO + 2, -15)
    assert countdown.remaining(MONO + 2) == 0.0
    assert countdown.finished(MONO + 2)
    assert countdown.just_finished(MONO + 2)
    assert not countdown.just_finished(MONO + 3)


def test_adjust_in_overtime() -> None:
    countdown = _started(10)
    assert countdown.just_finished(MONO + 12)
    countdown.adjust(MONO + 12, -15)  # nothing to take away
    assert countdown.remaining(MONO + 12) == -2.0
    countdown.adjust(MONO + 12, +15)  # a fresh 15 s, with its own alarm
    assert countdown.remaining(MONO + 12) == 15.0
    assert not countdown.just_finished(MONO + 20)
    assert countdown.just_finished(MONO + 27)


def test_adjust_on_an_idle_timer_does_nothing() -> None:
    countdown = RestCountdown()
    countdown.adjust(MONO, 15)
    assert not countdown.is_running


def test_skip_stops_without_alarm() -> None:
    countdown = _started(60)
    countdown.skip(MONO + 5)
    assert not countdown.is_running
    assert countdown.remaining(MONO + 100) == 0.0
    assert not countdown.just_finished(MONO + 100)


def test_zero_rest_rings_no_alarm_and_negative_rest_is_refused() -> None:
    countdown = _started(0)
    assert countdown.finished(MONO)
    assert not countdown.just_finished(MONO)
    with pytest.raises(ValueError):
        RestCountdown().start(MONO, -1)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (90, "1:30"),
        (89.1, "1:30"),
        (60, "1:00"),
        (59.999, "1:00"),
        (5, "0:05"),
        (0.2, "0:01"),
        (1.0, "0:01"),
        (90.0000000001, "1:30"),  # float noise from deadline − now
        (0, "0:00"),
        (-0.5, "0:00"),
        (-1, "+0:01"),
        (-5, "+0:05"),
        (-5.7, "+0:05"),
        (-125, "+2:05"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (-3599.5, "+59:59"),
        (-3723, "+1:02:03"),
        (-36000, "+10:00:00"),
    ],
)
def test_format_remaining(seconds: float, text: str) -> None:
    assert format_remaining(seconds) == text


def test_format_remaining_rejects_nan() -> None:
    with pytest.raises(ValueError):
        format_remaining(float("nan"))


def test_state_round_trip_across_a_restart() -> None:
    countdown = _started(120)
    state = countdown.to_state(MONO + 20, WALL)
    assert state["deadline_wall"] == WALL + 100
    # The app restarts 30 s (wall clock) later; the new process's monotonic clock starts near 0.
    resumed = RestCountdown.from_state(state, 3.0, WALL + 30)
    assert resumed.is_running
    assert resumed.remaining(3.0) == pytest.approx(70.0)
    assert resumed.duration_s == 120.0
    assert resumed.just_finished(73.0)


def test_state_resumes_in_overtime_without_a_late_alarm() -> None:
    state = _started(60).to_state(MONO, WALL)
    resumed = RestCountdown.from_state(state, 1.0, WALL + 100)
    assert resumed.remaining(1.0) == pytest.approx(-40.0)
    assert format_remaining(resumed.remaining(1.0)) == "+0:40"
    assert not resumed.just_finished(1.0)


def test_idle_state_round_trip() -> None:
    state = RestCountdown().to_state(MONO, WALL)
    assert state["running"] is False
    assert not RestCountdown.from_state(state, MONO, WALL).is_running


@pytest.mark.parametrize(
    "state",
    [
        {"running": True},
        {"running": True, "deadline_wall": "soon"},
        {"running": True, "deadline_wall": float("inf")},
    ],
)
def test_malformed_state_is_refused(state: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="rest timer state"):
        RestCountdown.from_state(state, MONO, WALL)


@given(
    st.floats(min_value=0, max_value=600),
    st.lists(st.floats(min_value=0, max_value=1000), min_size=2, max_size=20),
)
def test_remaining_decreases_monotonically(duration: float, offsets: list[float]) -> None:
    countdown = _started(duration)
    times = sorted(MONO + o for o in offsets)
    values = [countdown.remaining(t) for t in times]
    assert all(a >= b for a, b in itertools.pairwise(values))
    assert sum(countdown.just_finished(t) for t in times) <= 1


@given(st.floats(min_value=-10_000, max_value=10_000))
def test_display_never_jumps_more_than_a_second(seconds: float) -> None:
    def as_signed(text: str) -> int:
        sign = -1 if text.startswith("+") else 1
        parts = [int(part) for part in text.lstrip("+").split(":")]
        hours = parts[0] if len(parts) == 3 else 0
        minutes, secs = parts[-2:]
        return sign * (hours * 3600 + minutes * 60 + secs)

    assert abs(as_signed(format_remaining(seconds)) - seconds) < 1.0 + 1e-6


@pytest.mark.parametrize(
    ("default", "failure", "set_type", "expected"),
    [
        (90, FailureKind.NONE, SetType.WORKING, 90),
        (90, FailureKind.TECHNICAL, SetType.WORKING, 150),
        (180, FailureKind.ABSOLUTE, SetType.WORKING, 270),
        (90, FailureKind.ABSOLUTE, SetType.DROP, 0),
        (180, FailureKind.NONE, SetType.WARMUP, 60),
        (45, FailureKind.NONE, SetType.WARMUP, 45),
    ],
)
def test_rest_duration_for(default: int, failure: FailureKind, set_type: SetType, expected: int) -> None:
    assert rest_duration_for(default, failure, set_type) == expected


def test_negative_default_rest_is_refused() -> None:
    with pytest.raises(ValueError):
        rest_duration_for(-1, FailureKind.NONE, SetType.WORKING)


@pytest.mark.parametrize(
    ("failure", "set_type", "expected"),
    [
        (FailureKind.NONE, SetType.WORKING, 120),
        (FailureKind.TECHNICAL, SetType.WORKING, 120 + 30),
        (FailureKind.ABSOLUTE, SetType.WORKING, 120 + 150),
        (FailureKind.ABSOLUTE, SetType.DROP, 0),  # drop sets follow at once, whatever the settings
        (FailureKind.NONE, SetType.WARMUP, 60),
    ],
)
def test_the_lifters_failure_extensions_replace_the_defaults(
    failure: FailureKind, set_type: SetType, expected: int
) -> None:
    assert rest_duration_for(120, failure, set_type, 30, 150) == expected


def test_a_negative_failure_extension_is_refused() -> None:
    with pytest.raises(ValueError):
        rest_duration_for(90, FailureKind.TECHNICAL, SetType.WORKING, -15, 90)
