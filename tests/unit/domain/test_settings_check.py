"""Checks at the Preferences boundary: ranges, the rep range, plate lists, events (F9)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from gym_companion.domain.model import TrainingEvent, WeightUnit
from gym_companion.domain.settings import Settings
from gym_companion.domain.settings_check import (
    InvalidSettingsError,
    check_settings,
    event_problem,
    parse_plates,
    plates_text,
    settings_problems,
)

NOW = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


def test_the_defaults_are_valid() -> None:
    assert settings_problems(Settings()) == {}
    check_settings(Settings())


@pytest.mark.parametrize(
    ("field", "bad", "good", "message"),
    [
        ("target_rir", 6, 5, "Target RIR must be between 0 and 5."),
        ("target_rir", -1, 0, "Target RIR must be between 0 and 5."),
        ("layoff_weeks", 1, 2, "The layoff threshold must be between 2 and 52 weeks."),
        ("weekly_failure_cap", 41, 40, "The weekly failure cap must be between 0 and 40 sets."),
        ("recovery_speed", 2.01, 2.0, "Recovery speed must be between 0.5 and 2×."),
        ("recovery_speed", 0.49, 0.5, "Recovery speed must be between 0.5 and 2×."),
        ("rest_compound_s", 9, 10, "Rest after compound sets must be between 10 and 900 s."),
        ("rest_isolation_s", 901, 900, "Rest after isolation sets must be between 10 and 900 s."),
        (
            "rest_after_technical_s",
            601,
            600,
            "Extra rest after technical failure must be between 0 and 600 s.",
        ),
        ("bar_weight_kg", 50.5, 50.0, "The kg bar must be between 0 and 50 kg."),
        ("bar_weight_lb", -1.0, 0.0, "The lb bar must be between 0 and 110 lb."),
    ],
)
def test_each_limit_is_inclusive_and_names_the_field(
    field: str, bad: float, good: float, message: str
) -> None:
    assert settings_problems(replace(Settings(), **{field: bad})) == {field: message}
    assert settings_problems(replace(Settings(), **{field: good})) == {}


def test_optional_numbers_may_be_left_to_their_defaults() -> None:
    settings = Settings(weekly_failure_cap=None, rest_compound_s=None, rest_isolation_s=None)
    assert settings_problems(settings) == {}


def test_not_a_number_is_refused() -> None:
    assert settings_problems(Settings(recovery_speed=float("nan"))) == {
        "recovery_speed": "Recovery speed must be a number."
    }


def test_an_upside_down_rep_range_is_one_message_on_both_ends() -> None:
    problems = settings_problems(Settings(rep_min=12, rep_max=8))
    message = "The rep range 12–8 is upside down: the lowest reps come first."
    assert problems == {"rep_min": message, "rep_max": message}
    assert settings_problems(Settings(rep_min=10, rep_max=10)) == {}


def test_check_settings_raises_with_every_problem() -> None:
    with pytest.raises(InvalidSettingsError) as caught:
        check_settings(Settings(target_rir=9, plates_lb=()))
    assert set(caught.value.problems) == {"target_rir", "plates_lb"}


@pytest.mark.parametrize(
    ("text", "unit", "plates"),
    [
        ("25, 20, 15, 10, 5, 2.5, 1.25", WeightUnit.KG, (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25)),
        ("1.25 2.5;5,,10", WeightUnit.KG, (10.0, 5.0, 2.5, 1.25)),  # any order, any separator
        ("20, 20, 10kg", WeightUnit.KG, (20.0, 10.0)),  # each kind once; a unit suffix is fine
        (" 45 35 25 10 5 2.5 ", WeightUnit.LB, (45.0, 35.0, 25.0, 10.0, 5.0, 2.5)),
        (".5, 50", WeightUnit.KG, (50.0, 0.5)),
    ],
)
def test_plates_are_read_heaviest_first(text: str, unit: WeightUnit, plates: tuple[float, ...]) -> None:
    assert parse_plates(text, unit) == plates


@pytest.mark.parametrize(
    ("text", "unit", "message"),
    [
        ("", WeightUnit.KG, "List at least one kg plate, e.g. 25, 20, 10, 5, 2.5."),
        ("25, abc", WeightUnit.KG, "“abc” is not a plate weight. Use numbers such as 25, 20, 10, 5, 2.5."),
        ("25, -5", WeightUnit.KG, "“-5” is not a plate weight. Use numbers such as 25, 20, 10, 5, 2.5."),
        ("0, 10", WeightUnit.KG, "A kg plate must weigh more than 0 and at most 60 kg."),
        ("135", WeightUnit.LB, "A lb plate must weigh more than 0 and at most 130 lb."),
        ("1e3", WeightUnit.KG, "“1e3” is not a plate weight. Use numbers such as 25, 20, 10, 5, 2.5."),
        (" ".join(str(n) for n in range(1, 22)), WeightUnit.KG, "At most 20 kinds of kg plates."),
    ],
)
def test_bad_plate_lists_say_what_is_wrong(text: str, unit: WeightUnit, message: str) -> None:
    with pytest.raises(ValueError, match=None) as caught:
        parse_plates(text, unit)
    assert str(caught.value) == message


def test_plates_text_is_what_parse_reads_back() -> None:
    plates = Settings().plates_kg
    assert plates_text(plates) == "25, 20, 15, 10, 5, 2.5, 1.25"
    assert parse_plates(plates_text(plates), WeightUnit.KG) == plates


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (TrainingEvent("10K race", NOW + timedelta(days=3), 72), None),
        (TrainingEvent("  ", NOW + timedelta(days=3)), "Give the event a name."),
        (TrainingEvent("x" * 81, NOW + timedelta(days=3)), "Keep the name under 80 characters."),
        (TrainingEvent("Match", NOW), "That moment has passed: pick a time in the future."),
        (
            TrainingEvent("Match", NOW + timedelta(days=1), -1),
            "The no-failure window must be between 0 and 336 hours.",
        ),
        (
            TrainingEvent("Match", NOW + timedelta(days=1), 337),
            "The no-failure window must be between 0 and 336 hours.",
        ),
        (TrainingEvent("Match", NOW + timedelta(minutes=1), 0), None),
    ],
)
def test_events_need_a_name_a_future_start_and_a_sane_window(
    event: TrainingEvent, message: str | None
) -> None:
    assert event_problem(event, NOW) == message
