"""The spoken-cue settings (domain.settings): defaults, JSON round trip, older JSON, and bad stored values.

Kept apart from test_settings.py, which another change is editing; same module under test.
"""

from __future__ import annotations

import json

from gym_companion.domain.settings import Settings
from gym_companion.domain.settings_check import settings_problems


def test_spoken_cues_are_off_until_asked_for() -> None:
    settings = Settings()
    assert (settings.spoken_cues, settings.spoken_ten_seconds, settings.spoken_volume) == (False, True, 80)


def test_spoken_cue_settings_survive_a_json_round_trip() -> None:
    chosen = Settings(spoken_cues=True, spoken_ten_seconds=False, spoken_volume=35)
    stored = json.loads(json.dumps(chosen.to_json_dict()))
    assert stored["spoken_cues"] is True and stored["spoken_volume"] == 35
    assert Settings.from_json_dict(stored) == chosen


def test_json_from_before_spoken_cues_reads_as_the_defaults() -> None:
    old = {"schema_version": 2, "unit": "lb", "sound": False}
    settings = Settings.from_json_dict(old)
    assert (settings.spoken_cues, settings.spoken_ten_seconds, settings.spoken_volume) == (False, True, 80)
    assert settings.sound is False


def test_a_volume_out_of_range_is_refused_on_save_and_ignored_when_read() -> None:
    assert settings_problems(Settings(spoken_volume=101)) == {
        "spoken_volume": "The voice volume must be between 0 and 100 %."
    }
    assert settings_problems(Settings(spoken_volume=0)) == {}
    assert Settings.from_json_dict({"spoken_volume": 250}).spoken_volume == 80
    assert Settings.from_json_dict({"spoken_cues": "yes"}).spoken_cues is False  # not a boolean
