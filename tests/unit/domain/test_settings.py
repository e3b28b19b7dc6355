"""Settings as a typed, versioned model: JSON round trip, migration of old JSON, defaults, rest defaults."""

from __future__ import annotations

import json

import pytest

from gym_companion.domain.e1rm import E1rmFormula
from gym_companion.domain.model import Exercise, Goal, Mechanics, Muscle, TrainingStyle, WeightUnit
from gym_companion.domain.settings import (
    DEFAULT_WEEKLY_FAILURE_CAP,
    SETTINGS_SCHEMA_VERSION,
    Settings,
    migrate_settings_json,
    stored_schema_version,
)
from gym_companion.domain.units import LoadSteps

# Exactly what version 1 of the app wrote (commit e6a6bca): no rep range, no rest settings.
V1_JSON = {
    "schema_version": 1,
    "unit": "lb",
    "goal": "strength",
    "training_style": "full_body",
    "target_rir": 3,
    "failure_features": False,
    "weekly_failure_cap": 2,
    "layoff_weeks": 6,
    "bar_weight_kg": 15.0,
    "plates_kg": [20.0, 10.0, 5.0],
    "plates_lb": [45.0, 25.0, 10.0, 5.0],
    "bar_weight_lb": 35.0,
    "recovery_speed": 0.8,
    "sound": False,
}

SQUAT = Exercise("Back Squat", (Muscle.QUADS,), mechanics=Mechanics.COMPOUND, default_rest_s=180)
CURL = Exercise("Curl", (Muscle.BICEPS,), mechanics=Mechanics.ISOLATION, default_rest_s=60)


def test_version_1_json_keeps_every_value_and_gains_the_new_defaults() -> None:
    settings = Settings.from_json_dict(V1_JSON)
    assert settings.unit is WeightUnit.LB
    assert settings.goal is Goal.STRENGTH
    assert settings.training_style is TrainingStyle.FULL_BODY
    assert (settings.target_rir, settings.weekly_failure_cap, settings.layoff_weeks) == (3, 2, 6)
    assert settings.failure_features is False and settings.sound is False
    assert settings.plates_kg == (20.0, 10.0, 5.0) and settings.bar_weight_lb == 35.0
    assert settings.recovery_speed == 0.8
    # added in schema 2
    assert (settings.rep_min, settings.rep_max) == (8, 12)
    assert settings.rest_compound_s is None and settings.rest_isolation_s is None
    assert (settings.rest_after_technical_s, settings.rest_after_absolute_s) == (60, 90)
    assert settings.extra == {}


def test_saved_json_carries_the_current_version_and_round_trips() -> None:
    settings = Settings(
        unit=WeightUnit.LB, rep_min=5, rep_max=8, rest_compound_s=150, rest_after_absolute_s=120
    )
    data = json.loads(json.dumps(settings.to_json_dict()))
    assert data["schema_version"] == SETTINGS_SCHEMA_VERSION == 4
    assert Settings.from_json_dict(data) == settings


def test_migration_steps_up_without_touching_the_input() -> None:
    original = dict(V1_JSON)
    migrated = migrate_settings_json(original)
    assert original == V1_JSON
    assert migrated["schema_version"] == 4
    assert migrated["rest_after_technical_s"] == 60
    assert migrated["superset_transition_s"] == 15
    assert migrated["e1rm_formula"] == "rts"
    assert migrated["unit"] == "lb"


def test_version_2_json_gains_the_rts_formula_and_the_steps_that_were_fixed() -> None:
    settings = Settings.from_json_dict({"schema_version": 2, "unit": "lb", "rep_min": 6, "rep_max": 10})
    assert (settings.unit, settings.rep_min, settings.rep_max) == (WeightUnit.LB, 6, 10)
    assert settings.e1rm_formula is E1rmFormula.RTS
    # the steps suggestions rounded to before they could be set: 2 kg / 5 lb dumbbells, 5 kg / 10 lb stacks
    assert settings.load_steps == LoadSteps(dumbbell_kg=2.0, dumbbell_lb=5.0, machine_kg=5.0, machine_lb=10.0)
    assert migrate_settings_json({"schema_version": 2})["machine_step_lb"] == 10.0


def test_the_formula_and_steps_round_trip_and_bad_ones_fall_back() -> None:
    settings = Settings(e1rm_formula=E1rmFormula.EPLEY, dumbbell_step_kg=2.5, machine_step_lb=5.0)
    assert Settings.from_json_dict(json.loads(json.dumps(settings.to_json_dict()))) == settings
    bad = Settings.from_json_dict({"schema_version": 3, "e1rm_formula": "brzycki", "dumbbell_step_kg": 0})
    assert bad.e1rm_formula is E1rmFormula.RTS and bad.dumbbell_step_kg == 2.0


def test_version_3_json_gains_the_superset_change_over_and_keeps_its_own() -> None:
    settings = Settings.from_json_dict({"schema_version": 3, "unit": "lb", "rest_compound_s": 150})
    assert (settings.unit, settings.rest_compound_s) == (WeightUnit.LB, 150)
    assert settings.superset_transition_s == 15  # the timer's step: a walk to the next station

    def stored(value: object) -> int:
        return Settings.from_json_dict(
            {"schema_version": 4, "superset_transition_s": value}
        ).superset_transition_s

    assert (stored(30), stored(0)) == (30, 0)
    assert (stored(121), stored(7.5), stored("soon")) == (15, 15, 15)  # out of range, not whole: default


@pytest.mark.parametrize(
    ("data", "version"),
    [
        ({}, 1),
        ({"schema_version": 1}, 1),
        ({"schema_version": 2}, 2),
        ({"schema_version": "2"}, 1),
        ({"schema_version": True}, 1),
        ({"schema_version": 0}, 1),
        ({"schema_version": 7}, 7),
    ],
)
def test_stored_version_without_a_usable_number_counts_as_one(data: dict, version: int) -> None:
    assert stored_schema_version(data) == version


def test_json_before_versioning_is_read_as_version_one() -> None:
    assert Settings.from_json_dict({"unit": "lb", "target_rir": 1}) == Settings(
        unit=WeightUnit.LB, target_rir=1
    )


def test_json_from_a_newer_version_keeps_its_unknown_keys_for_the_next_save() -> None:
    data = {"schema_version": 9, "unit": "lb", "theme": "high contrast", "increments": {"dumbbell": 1}}
    settings = Settings.from_json_dict(data)
    assert settings.unit is WeightUnit.LB
    assert settings.extra == {"theme": "high contrast", "increments": {"dumbbell": 1}}
    written = settings.to_json_dict()
    assert written["theme"] == "high contrast" and written["increments"] == {"dumbbell": 1}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("target_rir", 9),  # out of range
        ("target_rir", True),  # a boolean is not a number
        ("target_rir", 2.5),  # not whole
        ("layoff_weeks", 0),
        ("recovery_speed", 0.0),  # would divide the time constants by zero
        ("recovery_speed", "fast"),
        ("rest_compound_s", 3),  # 3 s of rest: below 10 s
        ("rest_after_absolute_s", -30),
        ("plates_kg", []),
        ("plates_kg", [25, -5]),
        ("bar_weight_kg", 500),
        ("unit", "stone"),
        ("sound", "yes"),
    ],
)
def test_a_bad_stored_value_falls_back_to_its_default_only(key: str, value: object) -> None:
    settings = Settings.from_json_dict({"schema_version": 2, "unit": "lb", key: value} | {})
    expected_unit = WeightUnit.KG if key == "unit" else WeightUnit.LB
    assert settings.unit is expected_unit  # the rest of the JSON still counts
    assert getattr(settings, key) == getattr(Settings(), key)


def test_an_upside_down_stored_rep_range_falls_back_to_the_default_range() -> None:
    settings = Settings.from_json_dict({"schema_version": 2, "rep_min": 15, "rep_max": 6, "target_rir": 1})
    assert (settings.rep_min, settings.rep_max, settings.target_rir) == (8, 12, 1)


def test_whole_floats_are_accepted_for_whole_numbers() -> None:
    assert (
        Settings.from_json_dict({"rest_compound_s": 150.0, "weekly_failure_cap": 3.0}).rest_compound_s == 150
    )


@pytest.mark.parametrize("style", list(TrainingStyle))
def test_the_cap_follows_the_style_until_the_lifter_sets_one(style: TrainingStyle) -> None:
    assert Settings(training_style=style).effective_failure_cap == DEFAULT_WEEKLY_FAILURE_CAP[style]
    assert Settings(training_style=style, weekly_failure_cap=0).effective_failure_cap == 0


def test_rest_defaults_override_each_exercise_only_for_their_kind() -> None:
    own = Settings()
    assert (own.default_rest_s(SQUAT), own.default_rest_s(CURL)) == (180, 60)
    compound = Settings(rest_compound_s=120)
    assert (compound.default_rest_s(SQUAT), compound.default_rest_s(CURL)) == (120, 60)
    isolation = Settings(rest_isolation_s=45)
    assert (isolation.default_rest_s(SQUAT), isolation.default_rest_s(CURL)) == (180, 45)
