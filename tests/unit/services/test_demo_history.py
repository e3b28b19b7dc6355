"""The demo history reads like a real lifter's log: charts, recovery page and RIR calibration depend on it."""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from datetime import UTC, datetime, timedelta

import pytest

from gym_companion.domain.e1rm import estimate_e1rm
from gym_companion.domain.model import (
    Equipment,
    Exercise,
    FailureKind,
    FailureSafety,
    Mechanics,
    Muscle,
    SetEntry,
    SetType,
)
from gym_companion.services.demo_history import DemoHistory, generate_demo_history

END = datetime(2025, 11, 26, 12, 0, tzinfo=UTC)
_B, _D, _M, _C, _BW = (
    Equipment.BARBELL,
    Equipment.DUMBBELL,
    Equipment.MACHINE,
    Equipment.CABLE,
    Equipment.BODYWEIGHT,
)
_CO, _IS = Mechanics.COMPOUND, Mechanics.ISOLATION
_SAFE, _SPOT, _TECH = FailureSafety.SAFE, FailureSafety.SPOTTER, FailureSafety.TECHNICAL_ONLY
_LIBRARY = (
    ("Bench Press", Muscle.CHEST, _B, _CO, _SPOT),
    ("Squat", Muscle.QUADS, _B, _CO, _SPOT),
    ("Deadlift", Muscle.HAMSTRINGS, _B, _CO, _TECH),
    ("Overhead Press", Muscle.FRONT_DELTS, _B, _CO, _SPOT),
    ("Barbell Row", Muscle.BACK, _B, _CO, _TECH),
    ("Pull-Up", Muscle.BACK, _BW, _CO, _SAFE),
    ("Chin-Up", Muscle.BACK, _BW, _CO, _SAFE),
    ("Romanian Deadlift", Muscle.HAMSTRINGS, _B, _CO, _TECH),
    ("Incline Dumbbell Press", Muscle.CHEST, _D, _CO, _SPOT),
    ("Dumbbell Bench Press", Muscle.CHEST, _D, _CO, _SPOT),
    ("Lat Pulldown", Muscle.BACK, _C, _CO, _SAFE),
    ("Seated Cable Row", Muscle.BACK, _C, _CO, _SAFE),
    ("Leg Press", Muscle.QUADS, _M, _CO, _SAFE),
    ("Lying Leg Curl", Muscle.HAMSTRINGS, _M, _IS, _SAFE),
    ("Seated Leg Curl", Muscle.HAMSTRINGS, _M, _IS, _SAFE),
    ("Leg Extension", Muscle.QUADS, _M, _IS, _SAFE),
    ("Dumbbell Lateral Raise", Muscle.SIDE_REAR_DELTS, _D, _IS, _SAFE),
    ("Barbell Curl", Muscle.BICEPS, _B, _IS, _SAFE),
    ("Dumbbell Curl", Muscle.BICEPS, _D, _IS, _SAFE),
    ("Hammer Curl", Muscle.BICEPS, _D, _IS, _SAFE),
    ("Triceps Pushdown", Muscle.TRICEPS, _C, _IS, _SAFE),
    ("Skull Crusher", Muscle.TRICEPS, Equipment.EZ_BAR, _IS, _SPOT),
    ("Overhead Triceps Extension", Muscle.TRICEPS, _D, _IS, _SAFE),
    ("Standing Calf Raise", Muscle.CALVES, _M, _IS, _SAFE),
    ("Seated Calf Raise", Muscle.CALVES, _M, _IS, _SAFE),
    ("Cable Crunch", Muscle.ABS, _C, _IS, _SAFE),
    ("Face Pull", Muscle.SIDE_REAR_DELTS, _C, _IS, _SAFE),
    ("Dip", Muscle.CHEST, _BW, _CO, _SAFE),
    ("Hip Thrust", Muscle.GLUTES, _B, _CO, _TECH),
    ("Bulgarian Split Squat", Muscle.QUADS, _D, _CO, _SAFE),
    ("Machine Chest Press", Muscle.CHEST, _M, _CO, _SAFE),
    ("Cable Fly", Muscle.CHEST, _C, _IS, _SAFE),
    ("Front Squat", Muscle.QUADS, _B, _CO, _SPOT),
    ("Incline Bench Press", Muscle.CHEST, _B, _CO, _SPOT),
    ("Rear Delt Fly", Muscle.SIDE_REAR_DELTS, _D, _IS, _SAFE),
    ("Shrug", Muscle.TRAPS, _B, _IS, _SAFE),
    ("Hanging Leg Raise", Muscle.ABS, _BW, _IS, _SAFE),
    ("Push-Up", Muscle.CHEST, _BW, _CO, _SAFE),
    ("Assisted Pull-Up", Muscle.BACK, _M, _CO, _SAFE),
)


def library() -> list[Exercise]:
    """A small stand-in for the real exercise library, ids 1..N."""
    return [
        Exercise(
            name=name,
            primary_muscles=(muscle,),
            equipment=equipment,
            mechanics=mechanics,
            failure_safety=safety,
            default_rest_s=180 if mechanics is Mechanics.COMPOUND else 90,
            assisted=name == "Assisted Pull-Up",
            id=i,
        )
        for i, (name, muscle, equipment, mechanics, safety) in enumerate(_LIBRARY, start=1)
    ]


@pytest.fixture(scope="module")
def three_years() -> DemoHistory:
    return generate_demo_history(library(), years=3, seed=7, end=END)


def _by_session(history: DemoHistory) -> list[list[SetEntry]]:
    return [workout.sets for workout in history.workouts]


def test_same_arguments_give_the_same_history() -> None:
    first = generate_demo_history(library(), years=0.5, seed=3, end=END)
    second = generate_demo_history(library(), years=0.5, seed=3, end=END)
    assert first == second


def test_another_seed_gives_another_history() -> None:
    first = generate_demo_history(library(), years=0.5, seed=3, end=END)
    other = generate_demo_history(library(), years=0.5, seed=4, end=END)
    assert first.workouts[0].session.uuid != other.workouts[0].session.uuid
    assert [s.reps for w in first.workouts for s in w.sets] != [
        s.reps for w in other.workouts for s in w.sets
    ]


def test_about_four_thousand_sets_and_four_sessions_a_week_per_year() -> None:
    history = generate_demo_history(library(), years=1, seed=11, end=END)
    sets = sum(len(w.sets) for w in history.workouts)
    assert 3300 <= sets <= 4800
    assert 3.0 <= len(history.workouts) / 52 <= 5.0


def test_last_workout_is_a_day_or_two_before_end_and_the_last_week_is_busy(three_years: DemoHistory) -> None:
    last = three_years.workouts[-1].session
    assert last.ended_at is not None
    assert END - timedelta(days=2) <= last.started_at < last.ended_at < END
    recent = [w for w in three_years.workouts if w.session.started_at >= END - timedelta(days=7)]
    assert len(recent) >= 3
    assert all(event.starts_at > END for event in three_years.events)
    assert 1 <= len(three_years.events) <= 2


def _monthly_best_e1rm(history: DemoHistory, exercise_id: int, months: range) -> float:
    start = history.workouts[0].session.started_at
    best = 0.0
    for workout in history.workouts:
        month = (workout.session.started_at - start).days // 30
        if month not in months:
            continue
        for s in workout.sets:
            if s.exercise_id == exercise_id and s.set_type is SetType.WORKING:
                estimate = estimate_e1rm(s.weight_kg, s.reps, s.rir)
                if estimate is not None:
                    best = max(best, estimate.kg)
    return best


@pytest.mark.parametrize("name", ["Bench Press", "Squat"])
def test_e1rm_rises_over_the_first_year(three_years: DemoHistory, name: str) -> None:
    exercise_id = next(e.id for e in library() if e.name == name)
    assert exercise_id is not None
    early = _monthly_best_e1rm(three_years, exercise_id, range(0, 2))
    late = _monthly_best_e1rm(three_years, exercise_id, range(10, 12))
    assert early > 0
    assert late > early * 1.15


def test_failure_sets_sit_at_the_end_of_workouts(three_years: DemoHistory) -> None:
    at_end = total = 0
    for workout in three_years.workouts:
        last_order = max(s.exercise_order for s in workout.sets)
        assert workout.sets[0].failure is FailureKind.NONE
        for s in workout.sets:
            if s.failure is not FailureKind.NONE:
                total += 1
                at_end += s.exercise_order >= last_order - 1
    assert 0.8 <= total / len(three_years.workouts) <= 3.0
    assert at_end / total >= 0.8


def test_a_layoff_of_eight_weeks_or_more_exists() -> None:
    history = generate_demo_history(library(), years=2, seed=5, end=END)
    starts = [w.session.started_at for w in history.workouts]
    assert max(b - a for a, b in itertools.pairwise(starts)) >= timedelta(weeks=8)


def test_warm_ups_come_first_and_only_before_the_first_exercise(three_years: DemoHistory) -> None:
    sessions_with_warm_ups = 0
    for sets in _by_session(three_years):
        warm_ups = [s for s in sets if s.set_type is SetType.WARMUP]
        sessions_with_warm_ups += bool(warm_ups)
        assert all(s.exercise_order == 0 for s in warm_ups)
        first = [s for s in sets if s.exercise_order == 0]
        kinds = [s.set_type for s in first]
        assert kinds == sorted(kinds, key=lambda t: t is not SetType.WARMUP)
        assert all(s.rir is None and s.failure is FailureKind.NONE for s in warm_ups)
        loads = [s.weight_kg for s in warm_ups]
        assert loads == sorted(loads)
    assert sessions_with_warm_ups / len(three_years.workouts) > 0.9


def test_every_set_is_plausible(three_years: DemoHistory) -> None:
    for sets in _by_session(three_years):
        for s in sets:
            assert s.reps > 0
            assert -100 <= s.weight_kg <= 500
            assert s.session_id == 0
            if s.failure is not FailureKind.NONE:
                assert s.rir == 0
            elif s.set_type is not SetType.WARMUP and s.rir is not None:
                assert 1 <= s.rir <= 5


def test_ratings_mostly_one_to_three_with_a_few_unrated(three_years: DemoHistory) -> None:
    rated = [s for sets in _by_session(three_years) for s in sets if s.set_type is SetType.WORKING]
    unrated = sum(s.rir is None for s in rated) / len(rated)
    assert unrated == pytest.approx(0.05, abs=0.02)
    assert sum(s.rir in (1, 2, 3) for s in rated) / len(rated) > 0.7
    assert all(s.failure is FailureKind.NONE for s in rated if s.rir is None)


def test_drop_sets_follow_failure_on_the_same_exercise(three_years: DemoHistory) -> None:
    drops = 0
    for sets in _by_session(three_years):
        for before, s in itertools.pairwise(sets):
            if s.set_type is SetType.DROP:
                drops += 1
                assert before.failure is not FailureKind.NONE
                assert before.exercise_id == s.exercise_id
                assert s.weight_kg < before.weight_kg
    assert drops > 20


def test_orders_times_and_rests_are_consistent(three_years: DemoHistory) -> None:
    previous_end = None
    for workout in three_years.workouts:
        session, sets = workout.session, workout.sets
        assert session.id is None
        assert session.ended_at is not None and session.started_at < sets[0].logged_at
        assert sets[-1].logged_at < session.ended_at
        if previous_end is not None:
            assert previous_end < session.started_at
        previous_end = session.ended_at
        times = [s.logged_at for s in sets]
        assert times == sorted(times) and len(set(times)) == len(times)
        orders = sorted({s.exercise_order for s in sets})
        assert orders == list(range(len(orders)))
        assert 4 <= len(orders) <= 7
        per_exercise: dict[int, list[SetEntry]] = defaultdict(list)
        for s in sets:
            per_exercise[s.exercise_order].append(s)
        for group in per_exercise.values():
            assert [s.set_order for s in group] == list(range(len(group)))
            assert len({s.exercise_id for s in group}) == 1
            assert group[0].rest_before_s is None
            assert all(s.rest_before_s is not None and 0 < s.rest_before_s <= 240 for s in group[1:])
            working = [s for s in group if s.set_type is SetType.WORKING]
            assert 3 <= len(working) <= 5


def test_bodyweight_is_logged_twice_or_thrice_a_week_and_trends_up(three_years: DemoHistory) -> None:
    weights = three_years.bodyweights
    per_week = len(weights) / (3 * 52)
    assert 1.8 <= per_week <= 3.2
    first = statistics.mean(w.weight_kg for w in weights[:20])
    last = statistics.mean(w.weight_kg for w in weights[-20:])
    assert 60 < first < last < 100


def test_bodyweight_lifts_log_added_load(three_years: DemoHistory) -> None:
    ids = {e.name: e.id for e in library()}
    loads: dict[str, list[float]] = defaultdict(list)
    for sets in _by_session(three_years):
        for s in sets:
            for name in ("Pull-Up", "Assisted Pull-Up", "Push-Up", "Dip", "Chin-Up"):
                if s.exercise_id == ids[name]:
                    loads[name].append(s.weight_kg)
    assert all(kg <= 0 for kg in loads["Assisted Pull-Up"]) and min(loads["Assisted Pull-Up"]) < 0
    assert all(0 <= kg <= 60 for kg in loads["Pull-Up"] + loads["Chin-Up"] + loads["Dip"])
    assert set(loads["Push-Up"]) <= {0.0}


def test_routines_are_the_current_program(three_years: DemoHistory) -> None:
    assert three_years.routines
    last_names = {w.session.name for w in three_years.workouts[-8:]}
    assert last_names <= {r.name for r in three_years.routines}
    known = {e.id for e in library()}
    for routine in three_years.routines:
        assert [p.position for p in routine.exercises] == list(range(len(routine.exercises)))
        assert all(p.exercise_id in known for p in routine.exercises)
