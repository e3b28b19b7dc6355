"""The bodyweight trend on hand-computed weigh-ins: daily smoothing, gaps, same-day readings."""

from __future__ import annotations

import pytest

from gym_companion.domain.bodyweight import bodyweight_trend

DAY = 86_400.0


def test_daily_weigh_ins_move_the_trend_a_tenth_of_the_way() -> None:
    trend = bodyweight_trend([0, DAY, 2 * DAY], [80.0, 81.0, 79.0])
    # 80 -> 80 + 0.1 * (81 - 80) = 80.1 -> 80.1 + 0.1 * (79 - 80.1) = 79.99
    assert trend == pytest.approx([80.0, 80.1, 79.99])


def test_a_week_without_weighing_lets_the_next_reading_count_about_half() -> None:
    trend = bodyweight_trend([0, 7 * DAY], [80.0, 78.0])
    # 1 - 0.9^7 = 0.5217 of the way: 80 - 0.5217 * 2 = 78.957
    assert trend[1] == pytest.approx(80 - (1 - 0.9**7) * 2, abs=1e-9)
    assert trend[1] == pytest.approx(78.957, abs=0.001)


def test_after_a_long_gap_the_trend_starts_again_near_the_new_weight() -> None:
    trend = bodyweight_trend([0, DAY, 120 * DAY], [90.0, 90.0, 82.0])
    assert trend[1] == 90.0
    assert trend[2] == pytest.approx(82.0, abs=0.001)  # 0.9^119 of the old weight is left: nothing


def test_readings_within_one_day_each_count_as_a_day() -> None:
    trend = bodyweight_trend([0, 3600, 7200], [80.0, 81.0, 81.0])
    assert trend == pytest.approx([80.0, 80.1, 80.19])


def test_no_weigh_ins_no_trend_and_mismatched_input_is_refused() -> None:
    assert bodyweight_trend([], []) == []
    assert bodyweight_trend([5.0], [70.0]) == [70.0]
    with pytest.raises(ValueError):
        bodyweight_trend([0.0, 1.0], [70.0])
