"""Recovery model: the spec's reference cases, each formula by hand, and properties over random histories."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gym_companion.domain.model import Exercise, FailureKind, Muscle, SetEntry, SetType
from gym_companion.domain.recovery import (
    RELEVANT_HISTORY,
    FatigueInput,
    ReadinessBand,
    band_for,
    effort_weight,
    fatigue_by_muscle,
    hours_until_ready,
    recovery_curve,
    recovery_percent,
    summarize_recovery,
)

T0 = datetime(2024, 5, 6, 18, 0, tzinfo=UTC)


def _sets(
    n: int,
    rir: int | None,
    failure: FailureKind = FailureKind.NONE,
    primary: tuple[Muscle, ...] = (Muscle.CHEST,),
    secondary: tuple[Muscle, ...] = (),
    at: datetime = T0,
    set_type: SetType = SetType.WORKING,
    factor: float = 1.0,
) -> list[FatigueInput]:
    return [FatigueInput(at, set_type, rir, failure, primary, secondary, factor) for _ in range(n)]


def _percent(sets: list[FatigueInput], muscle: Muscle, hours: float) -> float:
    now = T0 + timedelta(hours=hours)
    return recovery_percent(fatigue_by_muscle(sets, now)[muscle], muscle)


# --- Reference cases from the brief (± 3 points) -------------------------------------------------


@pytest.mark.parametrize(("hours", "expected"), [(0, 0), (24, 57), (48, 83), (72, 93)])
def test_six_sets_to_absolute_failure_on_chest_press(hours: float, expected: float) -> None:
    sets = _sets(6, 0, FailureKind.ABSOLUTE)
    assert _percent(sets, Muscle.CHEST, hours) == pytest.approx(expected, abs=3)


@pytest.mark.parametrize(("hours", "expected"), [(0, 32), (24, 73), (48, 89), (72, 96)])
def test_six_sets_at_one_rir_on_chest_press(hours: float, expected: float) -> None:
    sets = _sets(6, 1)
    assert _percent(sets, Muscle.CHEST, hours) == pytest.approx(expected, abs=3)


def test_failure_curls_leave_biceps_far_less_recovered_than_rir_3_curls() -> None:
    failed = _percent(_sets(5, 0, FailureKind.ABSOLUTE, (Muscle.BICEPS,)), Muscle.BICEPS, 0)
    easy = _percent(_sets(5, 3, primary=(Muscle.BICEPS,)), Muscle.BICEPS, 0)
    assert failed == pytest.approx(100 * (1 - 10 / 13))  # 23.1 %
    assert failed < 70
    assert easy == pytest.approx(100 * (1 - 4 / 13))  # 69.2 %
    assert easy - failed > 40


# --- Effort ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rir", "failure", "expected"),
    [
        (9, FailureKind.NONE, 0.5),
        (5, FailureKind.NONE, 0.5),
        (4, FailureKind.NONE, 0.65),
        (3, FailureKind.NONE, 0.8),
        (2, FailureKind.NONE, 1.0),
        (1, FailureKind.NONE, 1.25),
        (0, FailureKind.TECHNICAL, 1.6),
        (0, FailureKind.ABSOLUTE, 2.0),
        (None, FailureKind.NONE, 1.0),  # unrated: assumed RIR 2
        (0, FailureKind.NONE, 1.6),  # RIR 0 without a kind (imported RPE 10) is technical failure
        (None, FailureKind.ABSOLUTE, 2.0),  # the failure kind wins over a missing rating
    ],
)
def test_effort_weight(rir: int | None, failure: FailureKind, expected: float) -> None:
    assert effort_weight(rir, failure) == expected


def test_negative_rir_is_rejected() -> None:
    with pytest.raises(ValueError, match="negative"):
        effort_weight(-1, FailureKind.NONE)


# --- Fatigue ------------------------------------------------------------------------------------


def test_roles_and_fatigue_factor_multiply_and_decay_by_muscle_tau() -> None:
    # Heavy barbell bench (C = 1.2): chest primary, triceps and front delts secondary, one set at RIR 2.
    bench = _sets(1, 2, primary=(Muscle.CHEST,), secondary=(Muscle.TRICEPS, Muscle.FRONT_DELTS), factor=1.2)
    fatigue = fatigue_by_muscle(bench, T0 + timedelta(hours=10))
    assert fatigue[Muscle.CHEST] == pytest.approx(1.2 * math.exp(-10 / 26))
    assert fatigue[Muscle.TRICEPS] == pytest.approx(0.5 * 1.2 * math.exp(-10 / 20))
    assert fatigue[Muscle.FRONT_DELTS] == pytest.approx(0.5 * 1.2 * math.exp(-10 / 26))
    assert fatigue[Muscle.QUADS] == 0.0
    assert set(fatigue) == set(Muscle)


def test_large_muscles_decay_slowest() -> None:
    squat = _sets(1, 2, primary=(Muscle.QUADS,))
    assert fatigue_by_muscle(squat, T0 + timedelta(hours=31))[Muscle.QUADS] == pytest.approx(math.exp(-1))


def test_warmups_add_no_fatigue_and_drop_sets_do() -> None:
    warmups = _sets(5, 5, set_type=SetType.WARMUP)
    drop = _sets(1, 0, FailureKind.ABSOLUTE, set_type=SetType.DROP)
    assert fatigue_by_muscle(warmups, T0)[Muscle.CHEST] == 0.0
    assert fatigue_by_muscle(drop, T0)[Muscle.CHEST] == pytest.approx(2.0)


def test_muscle_listed_as_primary_and_secondary_counts_once_as_primary() -> None:
    odd = _sets(1, 2, primary=(Muscle.CHEST,), secondary=(Muscle.CHEST,))
    assert fatigue_by_muscle(odd, T0)[Muscle.CHEST] == pytest.approx(1.0)


def test_future_and_too_old_sets_are_ignored() -> None:
    future = _sets(3, 0, FailureKind.ABSOLUTE, at=T0 + timedelta(minutes=1))
    old = _sets(3, 0, FailureKind.ABSOLUTE, at=T0 - RELEVANT_HISTORY - timedelta(seconds=1))
    assert fatigue_by_muscle(future + old, T0)[Muscle.CHEST] == 0.0


def test_a_week_old_dose_has_all_but_vanished() -> None:
    # "full recovery within ~7 days is the outer bound": below 0.5 % of the dose even for large muscles.
    squat = _sets(1, 2, primary=(Muscle.QUADS,))
    assert fatigue_by_muscle(squat, T0 + timedelta(days=7))[Muscle.QUADS] < 0.005


def test_recovery_speed_scales_tau() -> None:
    sets = _sets(1, 2)
    now = T0 + timedelta(hours=26)
    assert fatigue_by_muscle(sets, now, recovery_speed=2.0)[Muscle.CHEST] == pytest.approx(math.exp(-2))
    assert fatigue_by_muscle(sets, now, recovery_speed=0.5)[Muscle.CHEST] == pytest.approx(math.exp(-0.5))
    with pytest.raises(ValueError, match="recovery speed"):
        fatigue_by_muscle(sets, now, recovery_speed=0)


# --- Percent, bands, time to ready ---------------------------------------------------------------


def test_recovery_percent_clamps() -> None:
    assert recovery_percent(0.0, Muscle.CHEST) == 100.0
    assert recovery_percent(5.5, Muscle.CHEST) == pytest.approx(50.0)
    assert recovery_percent(11.0, Muscle.CHEST) == 0.0
    assert recovery_percent(50.0, Muscle.FRONT_DELTS) == 0.0


@pytest.mark.parametrize(
    ("percent", "band"),
    [
        (100, ReadinessBand.READY),
        (90, ReadinessBand.READY),
        (89.9, ReadinessBand.NO_FAILURE),
        (70, ReadinessBand.NO_FAILURE),
        (69.9, ReadinessBand.REST),
        (0, ReadinessBand.REST),
    ],
)
def test_band_for(percent: float, band: ReadinessBand) -> None:
    assert band_for(percent) is band


def test_hours_until_ready_closed_form() -> None:
    sets = _sets(6, 0, FailureKind.ABSOLUTE)
    # 12 · exp(−h/26) = 11 · 0.1  →  h = 26 · ln(12 / 1.1) = 62.1 h
    hours = hours_until_ready(sets, Muscle.CHEST, T0)
    assert hours == pytest.approx(26 * math.log(12 / 1.1))
    assert _percent(sets, Muscle.CHEST, hours) == pytest.approx(90.0)
    later = T0 + timedelta(hours=20)
    assert hours_until_ready(sets, Muscle.CHEST, later) == pytest.approx(hours - 20)


def test_hours_until_ready_is_zero_when_ready_or_untrained() -> None:
    sets = _sets(1, 2)
    assert hours_until_ready(sets, Muscle.CHEST, T0) == 0.0  # 1 set: 91 %
    assert hours_until_ready(sets, Muscle.QUADS, T0) == 0.0
    assert hours_until_ready(sets, Muscle.CHEST, T0, threshold=95) == pytest.approx(26 * math.log(1 / 0.55))


def test_exactly_90_percent_is_ready_now() -> None:
    # Forearms: K = 10, one unrated set = 1.0 → 90 %; float noise in K · (1 − 0.9) must not add hours.
    sets = _sets(1, None, primary=(Muscle.FOREARMS,))
    summary = summarize_recovery(sets, T0, T0)[Muscle.FOREARMS]
    assert (summary.percent, summary.band, summary.hours_to_ready) == (90.0, ReadinessBand.READY, 0.0)


def test_hours_until_full_recovery_is_infinite_and_bad_thresholds_fail() -> None:
    sets = _sets(1, 2)
    assert hours_until_ready(sets, Muscle.CHEST, T0, threshold=100) == math.inf
    with pytest.raises(ValueError, match="threshold"):
        hours_until_ready(sets, Muscle.CHEST, T0, threshold=101)


def test_recovery_curve_matches_point_values() -> None:
    sets = _sets(6, 0, FailureKind.ABSOLUTE)
    curve = recovery_curve(sets, Muscle.CHEST, T0)
    assert len(curve) == 73
    assert curve[0] == (0.0, 0.0)
    assert curve[24][0] == 24.0
    assert curve[24][1] == pytest.approx(_percent(sets, Muscle.CHEST, 24))
    assert curve[72][1] == pytest.approx(_percent(sets, Muscle.CHEST, 72))
    coarse = recovery_curve(sets, Muscle.CHEST, T0, hours=10, step_h=2.5)
    assert [h for h, _ in coarse] == [0.0, 2.5, 5.0, 7.5, 10.0]
    with pytest.raises(ValueError):
        recovery_curve(sets, Muscle.CHEST, T0, step_h=0)


# --- Dashboard summary ---------------------------------------------------------------------------


def test_summarize_recovery_shows_inputs_for_every_muscle() -> None:
    week_start = T0 - timedelta(days=1)
    monday_bench = _sets(
        3, 2, primary=(Muscle.CHEST,), secondary=(Muscle.TRICEPS,), at=week_start + timedelta(hours=2)
    )
    last_week_fail = _sets(
        1, 0, FailureKind.ABSOLUTE, primary=(Muscle.TRICEPS,), at=week_start - timedelta(days=2)
    )
    warmup = _sets(2, None, primary=(Muscle.QUADS,), set_type=SetType.WARMUP, at=T0)
    easy = _sets(1, 6, primary=(Muscle.CHEST,), at=T0)  # not a hard set, but trained
    now = T0 + timedelta(hours=1)

    summary = summarize_recovery(monday_bench + last_week_fail + warmup + easy, now, week_start)

    assert set(summary) == set(Muscle)
    chest = summary[Muscle.CHEST]
    assert chest.hard_sets_this_week == 3.0
    assert chest.last_trained == T0
    assert chest.last_failure is None
    # 3 · exp(−23/26) from Monday's bench + 0.5 · exp(−1/26) from the easy set = 1.72 of K = 11 → 84 %.
    expected = 100 * (1 - (3 * math.exp(-23 / 26) + 0.5 * math.exp(-1 / 26)) / 11)
    assert chest.percent == pytest.approx(expected)
    assert chest.band is ReadinessBand.NO_FAILURE
    triceps = summary[Muscle.TRICEPS]
    assert triceps.hard_sets_this_week == 1.5
    assert triceps.last_trained == week_start + timedelta(hours=2)
    assert triceps.last_failure == week_start - timedelta(days=2)
    quads = summary[Muscle.QUADS]
    assert (quads.percent, quads.last_trained, quads.hard_sets_this_week) == (100.0, None, 0.0)


def test_summarize_recovery_agrees_with_the_single_functions() -> None:
    sets = _sets(6, 0, FailureKind.ABSOLUTE)
    now = T0 + timedelta(hours=24)
    chest = summarize_recovery(sets, now, T0 - timedelta(days=1))[Muscle.CHEST]
    assert chest.percent == pytest.approx(_percent(sets, Muscle.CHEST, 24))
    assert chest.band is ReadinessBand.REST
    assert chest.hours_to_ready == pytest.approx(hours_until_ready(sets, Muscle.CHEST, now))
    assert chest.last_failure == T0
    assert chest.hard_sets_this_week == 6.0


def test_unrated_working_sets_count_as_hard() -> None:
    summary = summarize_recovery(_sets(2, None), T0, T0)
    assert summary[Muscle.CHEST].hard_sets_this_week == 2.0


def test_from_set_takes_muscles_and_factor_from_the_exercise() -> None:
    squat = Exercise("Barbell back squat", (Muscle.QUADS,), (Muscle.GLUTES,), fatigue_factor=1.2)
    entry = SetEntry("u1", 1, 1, 0, 0, SetType.WORKING, 100.0, 5, T0, rir=1)
    fi = FatigueInput.from_set(entry, squat)
    assert (fi.primary, fi.secondary, fi.fatigue_factor, fi.rir) == (
        (Muscle.QUADS,),
        (Muscle.GLUTES,),
        1.2,
        1,
    )
    assert fi.dose() == pytest.approx(1.25 * 1.2)


# --- Properties ----------------------------------------------------------------------------------

_efforts = st.sampled_from(
    [(r, FailureKind.NONE) for r in (None, 1, 2, 3, 4, 5, 8)]
    + [(0, FailureKind.TECHNICAL), (0, FailureKind.ABSOLUTE)]
)
_set_strategy = st.builds(
    lambda hours_ago, effort, muscle, kind: FatigueInput(
        T0 - timedelta(hours=hours_ago), kind, effort[0], effort[1], (muscle,), (Muscle.BACK,)
    ),
    st.floats(min_value=0, max_value=400),
    _efforts,
    st.sampled_from(list(Muscle)),
    st.sampled_from(list(SetType)),
)


@given(st.lists(_set_strategy, max_size=40), st.sampled_from(list(Muscle)), st.floats(0.25, 4))
def test_recovery_stays_in_range_and_never_drops_without_training(
    sets: list[FatigueInput], muscle: Muscle, speed: float
) -> None:
    previous = -1.0
    for hours in (0, 1, 6, 24, 48, 96, 200):
        fatigue = fatigue_by_muscle(sets, T0 + timedelta(hours=hours), recovery_speed=speed)[muscle]
        percent = recovery_percent(fatigue, muscle)
        assert 0.0 <= percent <= 100.0
        assert percent >= previous - 1e-9
        previous = percent


@given(st.lists(_set_strategy, max_size=40), st.sampled_from(list(Muscle)))
def test_at_hours_until_ready_the_muscle_is_ready(sets: list[FatigueInput], muscle: Muscle) -> None:
    hours = hours_until_ready(sets, muscle, T0)
    now_percent = recovery_percent(fatigue_by_muscle(sets, T0)[muscle], muscle)
    if hours == 0:
        assert now_percent >= 90.0
    else:
        assert now_percent < 90.0
        curve = recovery_curve(sets, muscle, T0, hours=hours, step_h=hours)
        assert curve[-1][0] == hours
        assert curve[-1][1] == pytest.approx(90.0)
