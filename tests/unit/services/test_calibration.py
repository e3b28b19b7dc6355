"""The calibration service on a real database: what it learns, how it keeps current, where it corrects."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers.rir_lifter import Lifter, Workout, calibration_sets, store, workouts

from gym_companion.domain.effort import Rating
from gym_companion.domain.model import FailureKind, SetType
from gym_companion.domain.rir_bias import calibrate
from gym_companion.domain.settings import Settings
from gym_companion.services.calibration import CalibrationService
from gym_companion.services.context import AppContext
from gym_companion.services.demo import write_demo_history
from gym_companion.services.session_factory import open_context

NOW = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
START = NOW - timedelta(days=200)


class Clock:
    """Wall time that moves only when told."""

    def __init__(self) -> None:
        self.current = NOW

    def __call__(self) -> datetime:
        return self.current


def _ids(db_path: Path, *names: str) -> list[int]:
    """Create the database (with the library) and return the ids of these exercises."""
    context = open_context(db_path, lambda: NOW)
    try:
        found = [context.catalog.find(name) for name in names]
        return [e.id for e in found if e is not None and e.id is not None]
    finally:
        context.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@dataclass
class Lifted:
    """The open context on the lifter's database, and the workouts written into it."""

    context: AppContext
    history: list[Workout]
    db_path: Path


@pytest.fixture
def lifted(db_path: Path, clock: Clock) -> Iterator[Lifted]:
    """Seventy workouts of a lifter who under-rates by 1.5 reps, on squat and dumbbell curls."""
    ids = _ids(db_path, "Squat", "Dumbbell Curl")
    history = workouts(Lifter(bias=1.5, seed=7), ids, START, count=70, loads=[100.0, 16.0])
    store(db_path, history, NOW)
    context = open_context(db_path, clock)
    yield Lifted(context, history, db_path)
    context.close()


@pytest.fixture
def under_rater(lifted: Lifted) -> AppContext:
    return lifted.context


def _service(context: AppContext) -> CalibrationService:
    assert context.calibration is not None
    return context.calibration


def test_the_report_learns_the_lifters_bias_from_the_database(under_rater: AppContext) -> None:
    report = _service(under_rater).current()
    assert report.overall is not None
    assert report.overall.mean == pytest.approx(1.5, abs=0.3)
    assert report.failure_sets == report.overall.failure_sets >= 50
    assert report.sentence.startswith("You under-rate your reserve by about")
    assert f"(from {report.failure_sets} failure sets)" in report.sentence
    squat, curl = (under_rater.catalog.find(n) for n in ("Squat", "Dumbbell Curl"))
    assert squat is not None and curl is not None
    assert set(report.per_exercise) == {squat.id, curl.id}
    assert sum(p.failure_sets for p in report.accuracy) == report.failure_sets
    assert all(p.month_start.day == 1 for p in report.accuracy)


def test_reading_only_failure_sessions_gives_the_same_answer_as_reading_everything(lifted: Lifted) -> None:
    expected = calibrate(calibration_sets(lifted.history), lifted.context.catalog.by_id())
    report = _service(lifted.context).current()
    assert (report.overall, report.per_exercise) == (expected.overall, expected.per_exercise)


def test_logging_and_rerating_in_a_workout_updates_the_bias_like_a_fresh_read(
    under_rater: AppContext, clock: Clock
) -> None:
    service = _service(under_rater)
    before = service.current()
    log = under_rater.workout_log
    curl = under_rater.catalog.find("Dumbbell Curl")
    assert curl is not None and curl.id is not None
    log.start()
    log.add_exercise(curl)
    for reps, rating in ((8, Rating.RIR_1), (9, Rating.RIR_1), (13, Rating.ABSOLUTE)):
        clock.current += timedelta(minutes=3)
        log.rate(log.log_set(16, reps), rating)
    after = service.current()
    assert after.failure_sets == before.failure_sets + 1
    assert after.overall != before.overall
    # A re-rating changes neither the count of sets nor the newest id: the probe still sees it.
    slot = log.current
    assert slot is not None
    log.rate(slot.sets[0], Rating.RIR_3)
    rerated = service.current()
    assert rerated.overall != after.overall
    service.invalidate()  # the next read starts from scratch: it must agree with the kept-current one
    fresh = service.current()
    assert (fresh.overall, fresh.per_exercise) == (rerated.overall, rerated.per_exercise)


def test_a_session_deleted_by_another_program_is_seen(lifted: Lifted) -> None:
    service = _service(lifted.context)
    before = service.current()
    oldest = lifted.context.history.sessions(limit=1000)[-1]
    assert oldest.failure_sets > 0
    with sqlite3.connect(lifted.db_path) as con:  # as an external tool or an import would
        con.execute("DELETE FROM set_entry WHERE session_id = ?", (oldest.id,))
    after = service.current()
    assert after.failure_sets == before.failure_sets - oldest.failure_sets


def test_the_e1rm_chart_is_corrected_and_the_setting_turns_it_off(under_rater: AppContext) -> None:
    series_of = under_rater.history_series
    assert series_of is not None
    squat = under_rater.catalog.find("Squat")
    assert squat is not None and squat.id is not None
    bias = _service(under_rater).bias_for(squat.id)
    assert bias == pytest.approx(1.5, abs=0.4)
    corrected = series_of.e1rm(squat.id)
    i = next(i for i, kind in enumerate(corrected.failure_kind) if kind is FailureKind.NONE)
    # 100 kg × reps @ RIR r, read as r + bias in reserve (RTS chart, interpolated)
    from gym_companion.domain.e1rm import rts_percent

    n = corrected.reps[i] + corrected.rir[i] + bias
    assert corrected.y[i] == pytest.approx(100 / (rts_percent(n) / 100))
    under_rater.profile.save_settings(replace(under_rater.profile.settings, calibrate_rir=False))
    plain = series_of.e1rm(squat.id)
    assert plain.y[i] == pytest.approx(100 / (rts_percent(corrected.reps[i] + corrected.rir[i]) / 100))
    assert plain.y[i] < corrected.y[i]
    failure = next(i for i, kind in enumerate(corrected.failure_kind) if kind is not FailureKind.NONE)
    assert plain.y[failure] == corrected.y[failure]  # failure sets are exact either way
    assert _service(under_rater).bias_for(squat.id) == 0.0


def test_todays_suggestion_is_progression_with_the_bias_and_says_why(
    under_rater: AppContext, clock: Clock
) -> None:
    squat = under_rater.catalog.find("Squat")
    assert squat is not None and squat.id is not None
    log = under_rater.workout_log
    log.start()
    slot = log.add_exercise(squat)
    settings = under_rater.profile.settings
    brief = log.brief(slot, settings, first_compound_today=True)
    assert brief.suggestion is not None
    bias = _service(under_rater).bias_for(squat.id)
    shown = f"{bias:+.1f}"
    reason = brief.suggestion.reason
    assert reason.startswith("e1RM ") and " kg from " in reason
    assert f"target 8–12 reps @ RIR 2 (your settings); your RIR bias {shown} applied." in reason
    assert "\nLast time 100 kg × " in reason
    assert brief.suggestion.target_rir == 2 and 8 <= brief.suggestion.reps <= 12
    # Without the correction the same history suggests no more (ratings read as given: less reserve).
    under_rater.profile.save_settings(replace(settings, calibrate_rir=False))
    plain = log.brief(slot, under_rater.profile.settings, first_compound_today=True)
    assert plain.suggestion is not None and "bias" not in plain.suggestion.reason
    assert plain.suggestion.weight_kg <= brief.suggestion.weight_kg


def test_the_setting_survives_a_save_and_old_settings_read_as_on(db_path: Path) -> None:
    assert Settings().calibrate_rir is True
    assert Settings.from_json_dict({"schema_version": 2, "unit": "kg"}).calibrate_rir is True
    assert Settings.from_json_dict({"calibrate_rir": "no"}).calibrate_rir is True  # not a boolean: default
    context = open_context(db_path, lambda: NOW)
    try:
        context.profile.save_settings(replace(context.profile.settings, calibrate_rir=False))
    finally:
        context.close()
    reopened = open_context(db_path, lambda: NOW)
    try:
        assert reopened.profile.settings.calibrate_rir is False
    finally:
        reopened.close()


def test_a_new_lifter_hears_how_many_failure_sets_are_still_needed(db_path: Path, clock: Clock) -> None:
    context = open_context(db_path, clock)
    try:
        report = _service(context).current()
        assert report.overall is None and report.accuracy == []
        assert report.sentence == "Not enough failure sets yet to learn your RIR bias — 0 of 5."
        curl = context.catalog.find("Dumbbell Curl")
        assert curl is not None and curl.id is not None
        log = context.workout_log
        log.start()
        log.add_exercise(curl)
        log.rate(log.log_set(16, 8), Rating.RIR_2)
        log.rate(log.log_set(16, 10), Rating.ABSOLUTE)
        report = _service(context).current()
        assert report.sentence == "Not enough failure sets yet to learn your RIR bias — 1 of 5."
        assert _service(context).bias_for(curl.id) == 0.0  # nothing applied until five
    finally:
        context.close()


def test_the_demo_lifter_under_rates_by_about_a_rep(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    write_demo_history(db, years=2, seed=3, end=NOW)
    context = open_context(db, lambda: NOW)
    try:
        report = _service(context).current()
        assert report.overall is not None
        assert 0.6 <= report.overall.mean <= 1.3  # the generator's lifter reports about a rep too low
        assert report.failure_sets >= 100
        assert "under-rate" in report.sentence
    finally:
        context.close()


def test_warm_ups_and_drop_sets_never_enter_calibration(db_path: Path, clock: Clock) -> None:
    context = open_context(db_path, clock)
    try:
        curl = context.catalog.find("Dumbbell Curl")
        assert curl is not None
        log = context.workout_log
        log.start()
        log.add_exercise(curl)
        log.log_set(8, 12, SetType.WARMUP)
        log.rate(log.log_set(16, 10), Rating.ABSOLUTE)
        log.rate(log.log_set(12, 12, SetType.DROP), Rating.RIR_1)
        assert _service(context).current().failure_sets == 0  # the failure set has nothing rated before it
    finally:
        context.close()
