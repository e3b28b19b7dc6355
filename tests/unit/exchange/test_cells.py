"""Single cells: RPE to RIR, inert text, durations, Hevy dates without the locale, local times."""

from __future__ import annotations

import contextlib
import locale
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from gym_companion.exchange.cells import (
    format_duration,
    format_hevy_time,
    inert,
    local_to_utc,
    number,
    parse_duration,
    parse_hevy_time,
    restore,
    rir_from_rpe,
    whole_number,
)
from gym_companion.exchange.errors import ImportFileError

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("rpe", "rir"),
    [
        ("10", 0),  # no rep left: RIR 0 (but not failure: see the docstring)
        ("9.5", 1),  # "maybe one more": halves round up
        ("9", 1),
        ("8,5", 2),  # decimal comma
        ("8", 2),
        ("7.5", 3),
        ("6", 4),
        ("5", 5),
        ("3", 5),  # beyond 5 is recorded as 5+
        ("", None),
    ],
)
def test_rpe_becomes_rir(rpe: str, rir: int | None) -> None:
    assert rir_from_rpe(rpe, 7) == rir


@pytest.mark.parametrize("bad", ["11", "-1", "hard", "nan"])
def test_rpe_outside_the_scale_names_the_line(bad: str) -> None:
    with pytest.raises(ImportFileError) as error:
        rir_from_rpe(bad, 12)
    assert error.value.line == 12
    assert "RPE" in error.value.problem


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-felt easy", "'-felt easy"),
        ("@me", "'@me"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'quoted", "''quoted"),
        ("Bench", "Bench"),
        ("", ""),
    ],
)
def test_formula_starts_are_made_inert_and_restored(text: str, shown: str) -> None:
    assert inert(text) == shown
    assert restore(inert(text)) == text


def test_numbers_and_counts() -> None:
    assert number("62,5", 1, "Weight") == 62.5
    assert number("", 1, "Weight") == 0.0
    assert whole_number("8.0", 1, "Reps") == 8
    assert whole_number(" ", 1, "Reps") is None
    for bad in ("8.5", "-3", "eight"):
        with pytest.raises(ImportFileError, match="Reps"):
            whole_number(bad, 4, "Reps")
    with pytest.raises(ImportFileError, match="not a number"):
        number("inf", 2, "Weight")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("1h 38m", 5880), ("55s", 55), ("38min", 2280), ("2h", 7200), ("1h 5m 3s", 3903), ("600", 600)],
)
def test_strong_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "soon", "1h and a bit", "m"])
def test_unreadable_durations_are_unknown(text: str) -> None:
    assert parse_duration(text) is None


def test_durations_are_written_like_strong() -> None:
    assert [format_duration(timedelta(seconds=s)) for s in (5880, 7200, 2280, 45)] == [
        "1h 38m",
        "2h",
        "38m",
        "45s",
    ]


def test_hevy_times_do_not_depend_on_the_locale() -> None:
    previous = locale.setlocale(locale.LC_TIME)
    try:
        with contextlib.suppress(locale.Error):  # the parse below must not use the locale either way
            locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
        assert parse_hevy_time("8 Apr 2026, 16:50", 2, "start_time") == datetime(2026, 4, 8, 16, 50)
        assert parse_hevy_time("31 December 2025, 23:59", 2, "start_time") == datetime(2025, 12, 31, 23, 59)
        assert format_hevy_time(datetime(2026, 3, 2, 7, 5)) == "2 Mar 2026, 07:05"
    finally:
        locale.setlocale(locale.LC_TIME, previous)
    with pytest.raises(ImportFileError, match="not a real date"):
        parse_hevy_time("31 Feb 2026, 10:00", 3, "start_time")
    with pytest.raises(ImportFileError, match="like “8 Apr 2026, 16:50”"):
        parse_hevy_time("yesterday", 3, "start_time")


def test_local_times_follow_daylight_saving_of_their_own_date() -> None:
    winter = local_to_utc(datetime(2021, 2, 10, 16, 46, 13), BERLIN)
    summer = local_to_utc(datetime(2021, 7, 1, 18, 0), BERLIN)
    assert winter == datetime(2021, 2, 10, 15, 46, 13, tzinfo=UTC)
    assert summer == datetime(2021, 7, 1, 16, 0, tzinfo=UTC)
