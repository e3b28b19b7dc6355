"""The finish summary's PRs are History's PRs: same rule, same e1RM basis (RIR correction included), same
bests to beat — heaviest weight, best e1RM and rep PRs — on a database opened like the app opens it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers.clock import FakeClock

from gym_companion.domain.effort import Rating
from gym_companion.domain.library import library_path, load_library_file
from gym_companion.domain.model import FailureKind, SetEntry, SetType, WeightUnit, WorkoutSession
from gym_companion.domain.records import RecordKind
from gym_companion.services.context import AppContext
from gym_companion.services.session_factory import open_context
from gym_companion.storage.database import open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository

START = datetime(2025, 3, 3, 18, 0, tzinfo=UTC)
W = SetType.WORKING
NONE, ABS = FailureKind.NONE, FailureKind.ABSOLUTE
Set = tuple[float, int, int | None, FailureKind]


def write_history(db_path: Path, sessions: list[tuple[int, dict[str, list[Set]]]]) -> None:
    """Finished workouts `day` days after START, sets two minutes apart, written before the app opens."""
    database = open_database(db_path, lambda: START)
    try:
        exercises = ExerciseRepository(database.engine)
        exercises.seed(load_library_file(library_path()))
        ids = {e.name: e.id or 0 for e in exercises.all()}
        workouts = []
        for day, blocks in sessions:
            started = START + timedelta(days=day)
            session = WorkoutSession(str(uuid.uuid4()), started, started + timedelta(hours=1))
            sets, when = [], started
            for order, (name, lifts) in enumerate(blocks.items()):
                for position, (kg, reps, rir, failure) in enumerate(lifts):
                    when += timedelta(minutes=2)
                    sets.append(
                        SetEntry(
                            str(uuid.uuid4()),
                            0,
                            ids[name],
                            order,
                            position,
                            W,
                            kg,
                            reps,
                            when,
                            rir=rir,
                            failure=failure,
                        )
                    )
            workouts.append((session, sets))
        WorkoutRepository(database.engine).add_history(workouts)
    finally:
        database.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START + timedelta(days=60))


@contextmanager
def opened(db_path: Path, clock: FakeClock) -> Iterator[AppContext]:
    context = open_context(db_path, clock.now)
    try:
        yield context
    finally:
        context.close()


def finish_workout(context: AppContext, clock: FakeClock, blocks: dict[str, list[Set]]) -> list[tuple]:
    """Log a workout through the workout log as the Session page does; its summary's records."""
    log = context.workout_log
    log.start()
    catalog = {e.name: e for e in context.catalog.by_id().values()}
    for name, lifts in blocks.items():
        log.add_exercise(catalog[name])
        for kg, reps, rir, failure in lifts:
            clock.advance(120)
            entry = log.log_set(kg, reps)
            rating = Rating.ABSOLUTE if failure is ABS else Rating.__members__.get(f"RIR_{rir}")
            if rating is not None:
                log.rate(entry, rating)
    clock.advance(300)
    _session, summary = log.finish()
    return [(r.exercise_name, r.kind, pytest.approx(r.value), r.previous) for r in summary.records]


def history_records(context: AppContext, since: datetime) -> list[tuple]:
    """The records History's PR list shows for workouts since `since`, in the summary's order."""
    names = {i: e.name for i, e in context.catalog.by_id().items()}
    found = [r for r in context.records.recent(since) if r.when >= since]
    found.sort(key=lambda r: list(RecordKind).index(r.kind))
    return [(names[r.exercise_id], r.kind.value, pytest.approx(r.value), r.previous) for r in found]


def test_heaviest_e1rm_and_rep_prs_match_the_history_page(db_path: Path, clock: FakeClock) -> None:
    write_history(
        db_path,
        [
            (0, {"Squat": [(100, 5, 2, NONE), (100, 6, 1, NONE), (90, 8, 2, NONE)]}),
            (7, {"Squat": [(105, 3, 2, NONE), (100, 5, 2, NONE)]}),
        ],
    )
    # Before: heaviest 105; best e1RM 100 x 6 @ 1 (n 7 -> 81.1 % -> 123.30); most reps 6 at 100, 8 at 90.
    # Today: 107.5 x 3 @ 2 (heaviest; n 5 -> 86.3 % -> 124.57: an e1RM PR), 100 x 7 @ 2 (7 reps at 100:
    # a rep PR; n 9 -> 76.2 % -> 131.23: the best e1RM), 90 x 8 (a tie: no record).
    with opened(db_path, clock) as context:
        since = clock.now()
        summary = finish_workout(
            context, clock, {"Squat": [(107.5, 3, 2, NONE), (100, 7, 2, NONE), (90, 8, 2, NONE)]}
        )
        assert summary == [
            ("Squat", "heaviest weight", pytest.approx(107.5), 105.0),
            ("Squat", "best e1RM", pytest.approx(100 / 0.762), pytest.approx(100 / 0.811)),
            ("Squat", "most reps", pytest.approx(7), 6.0),
        ]
        assert summary == history_records(context, since)


def test_a_first_time_is_a_baseline_and_bodyweight_reps_are_rep_prs(db_path: Path, clock: FakeClock) -> None:
    write_history(db_path, [(0, {"Pull-Up": [(0, 8, 1, NONE), (0, 6, 2, NONE)]})])
    with opened(db_path, clock) as context:
        since = clock.now()
        summary = finish_workout(
            context, clock, {"Pull-Up": [(0, 10, 1, NONE)], "Bench Press": [(80, 5, 2, NONE)]}
        )
        assert summary == [("Pull-Up", "most reps", pytest.approx(10), 8.0)]  # bench: a baseline
        assert summary == history_records(context, since)


def test_the_rir_correction_moves_both_alike(db_path: Path, clock: FakeClock) -> None:
    # Every week 100 x 5 rated RIR 3, then 100 x 6 to failure: the lifter had about one rep left, not three.
    weeks = [(7 * week, {"Squat": [(100, 5, 3, NONE), (100, 6, 0, ABS)]}) for week in range(7)]
    write_history(db_path, weeks)
    with opened(db_path, clock) as context:
        squat = next(e.id for e in context.catalog.by_id().values() if e.name == "Squat")
        assert context.calibration is not None and context.calibration.bias_for(squat or 0) != 0
        since = clock.now()
        summary = finish_workout(context, clock, {"Squat": [(100, 6, 3, NONE)]})
        assert summary == history_records(context, since)
        assert [kind for _name, kind, _value, _previous in summary] == ["best e1RM"]


def test_the_summary_says_rep_prs_with_their_load(db_path: Path, clock: FakeClock) -> None:
    write_history(db_path, [(0, {"Bench Press": [(102.5, 5, 2, NONE)]})])
    with opened(db_path, clock) as context:
        log = context.workout_log
        log.start()
        log.add_exercise(next(e for e in context.catalog.by_id().values() if e.name == "Bench Press"))
        clock.advance(120)
        log.rate(log.log_set(102.5, 6), Rating.RIR_2)
        _session, summary = log.finish()
        texts = [r.describe(WeightUnit.KG) for r in summary.records]
        assert texts == [
            "Bench Press — best e1RM 130.4 kg (was 126.4 kg)",  # n 8: 102.5 / 0.786; n 7: 102.5 / 0.811
            "Bench Press — most reps at 102.5 kg: 6 (was 5)",
        ]
        assert [r.describe(WeightUnit.LB) for r in summary.records][1] == (
            "Bench Press — most reps at 226 lb: 6 (was 5)"
        )
