"""History chart series on a real database: e1RM points and records, session pages, weekly volume per
muscle, bodyweight."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gym_companion.domain.e1rm import E1rmBasis
from gym_companion.domain.library import library_path, load_library_file
from gym_companion.domain.model import (
    BodyweightEntry,
    Exercise,
    FailureKind,
    Muscle,
    SetEntry,
    SetType,
    WorkoutSession,
)
from gym_companion.domain.records import Lift as DomainLift
from gym_companion.services.history import HistoryService
from gym_companion.services.history_series import HistorySeries, rolling_median
from gym_companion.services.session_progress import build_session_progress
from gym_companion.storage.database import open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.history_queries import HistoryQueries, WorkSets
from gym_companion.storage.repositories.profile import ProfileRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository

# Monday 2 June 2025, 18:00 UTC: the first workout of the hand-made history.
MONDAY = datetime(2025, 6, 2, 18, 0, tzinfo=UTC)

# (set type, kg, reps, rir, failure kind)
Lift = tuple[SetType, float, int, int | None, FailureKind]
W, WU, DROP = SetType.WORKING, SetType.WARMUP, SetType.DROP
NONE, TECH, ABS = FailureKind.NONE, FailureKind.TECHNICAL, FailureKind.ABSOLUTE


@dataclass
class Seeded:
    """The open database with its services and the library by name."""

    series: HistorySeries
    history: HistoryService
    queries: HistoryQueries
    profile: ProfileRepository
    workouts: WorkoutRepository
    by_name: dict[str, Exercise]


def workout(
    started: datetime, blocks: list[tuple[Exercise, list[Lift]]], minutes: int = 60, name: str = ""
) -> tuple[WorkoutSession, list[SetEntry]]:
    """A finished session: exercises in order, sets three minutes apart."""
    session = WorkoutSession(
        uuid=str(uuid.uuid4()), started_at=started, ended_at=started + timedelta(minutes=minutes), name=name
    )
    sets, when = [], started
    for order, (exercise, lifts) in enumerate(blocks):
        assert exercise.id is not None
        for set_order, (set_type, kg, reps, rir, failure) in enumerate(lifts):
            when += timedelta(minutes=3)
            sets.append(
                SetEntry(
                    uuid=str(uuid.uuid4()),
                    session_id=0,
                    exercise_id=exercise.id,
                    exercise_order=order,
                    set_order=set_order,
                    set_type=set_type,
                    weight_kg=kg,
                    reps=reps,
                    logged_at=when,
                    rir=rir,
                    failure=failure,
                )
            )
    return session, sets


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[Seeded]:
    """A database with the library and nothing else yet; closed after the test."""
    database = open_database(tmp_path / "gym.sqlite3", lambda: MONDAY)
    exercises = ExerciseRepository(database.engine)
    exercises.seed(load_library_file(library_path()))
    catalog = {e.id: e for e in exercises.all() if e.id is not None}
    workouts = WorkoutRepository(database.engine)
    queries = HistoryQueries(database.engine)
    yield Seeded(
        series=HistorySeries(queries, lambda: catalog),
        queries=queries,
        profile=ProfileRepository(database.engine),
        history=HistoryService(workouts, lambda: catalog),
        workouts=workouts,
        by_name={e.name: e for e in catalog.values()},
    )
    database.close()


def add(seeded: Seeded, *workouts: tuple[WorkoutSession, list[SetEntry]]) -> None:
    """Store finished workouts through the repository."""
    seeded.workouts.add_history(workouts)


def test_rolling_median_smooths_one_bad_day_away() -> None:
    assert rolling_median([100, 102, 80, 104, 106], window=3) == [100, 101, 100, 102, 104]
    assert rolling_median([]) == []
    with pytest.raises(ValueError):
        rolling_median([1.0], window=0)


def test_e1rm_points_are_rir_adjusted_and_skip_warmups_and_unrated_sets(seeded: Seeded) -> None:
    bench = seeded.by_name["Bench Press"]
    first, second = MONDAY, MONDAY + timedelta(days=7)
    add(
        seeded,
        workout(first, [(bench, [(WU, 60, 5, None, NONE), (W, 100, 5, 2, NONE), (W, 100, 6, 0, TECH)])]),
        workout(
            second, [(bench, [(W, 102.5, 5, 2, NONE), (W, 102.5, 5, None, NONE), (DROP, 80, 8, 0, ABS)])]
        ),
    )
    series = seeded.series.e1rm(bench.id or 0)
    # 100 x 5 @ 2 -> n = 7 -> 81.1 %; a failure set counts as RIR 0 -> n = 6 -> 83.7 %;
    # the drop set 80 x 8 to failure -> n = 8 -> 78.6 %.
    assert series.y == pytest.approx([100 / 0.811, 100 / 0.837, 102.5 / 0.811, 80 / 0.786])
    assert series.y[0] == pytest.approx(123.3, abs=0.05)
    assert series.failure == [False, True, False, True]
    assert series.x[0] == (first + timedelta(minutes=6)).timestamp()
    assert series.session_best == pytest.approx([100 / 0.811, 102.5 / 0.811])
    assert len(series.session_x) == 2


def test_e1rm_records_are_marked_on_the_sessions_that_beat_every_earlier_best(seeded: Seeded) -> None:
    squat = seeded.by_name["Squat"]
    # Session bests (kg): 140 x 5 @ 2 -> 172.63; 140 x 5 @ 2 again (a tie: no record); 145 x 5 @ 2 -> 178.79
    # with a weaker second set; 130 x 5 @ 2 -> 160.30 (no record); 150 x 4 to failure -> n = 4 -> 168.16
    # (no record: below 178.79).
    lifts: list[list[Lift]] = [
        [(W, 140, 5, 2, NONE)],
        [(W, 140, 5, 2, NONE)],
        [(W, 145, 5, 2, NONE), (W, 140, 5, 2, NONE)],
        [(W, 130, 5, 2, NONE)],
        [(W, 150, 4, 0, ABS)],
    ]
    add(seeded, *(workout(MONDAY + timedelta(days=3 * i), [(squat, sets)]) for i, sets in enumerate(lifts)))
    series = seeded.series.e1rm(squat.id or 0)
    assert series.session_best == pytest.approx(
        [140 / 0.811, 140 / 0.811, 145 / 0.811, 130 / 0.811, 150 / 0.892]
    )
    assert series.session_best_index == [0, 1, 2, 4, 5]
    assert series.record_index == [2]  # the first session is a baseline, the tie is no record
    assert series.record_gain == pytest.approx([5 / 0.811])
    assert series.describe(5) == DomainLift(150, 4, 0, ABS)


def test_advice_and_the_chart_read_the_same_e1rm_history(seeded: Seeded) -> None:
    bench = seeded.by_name["Bench Press"]
    add(seeded, workout(MONDAY, [(bench, [(W, 100, 5, 2, NONE)])]))
    calls: list[int] = []
    series = HistorySeries(
        seeded.queries, lambda: {}, lambda exercise_id: calls.append(exercise_id) or E1rmBasis(rir_bias=1.0)
    )
    # The basis (formula and RIR correction) applies to every e1RM the service hands out: n = 5 + 2 + 1.
    assert series.e1rm(bench.id or 0).y == pytest.approx([100 / 0.786])
    assert calls == [bench.id]


def test_session_pages_are_newest_first_with_totals(seeded: Seeded) -> None:
    bench, curl = seeded.by_name["Bench Press"], seeded.by_name["Dumbbell Curl"]
    add(
        seeded,
        workout(
            MONDAY, [(bench, [(WU, 60, 5, None, NONE), (W, 100, 5, 2, NONE), (W, 100, 6, 0, TECH)])], name="A"
        ),
        workout(MONDAY + timedelta(days=2), [(curl, [(W, 15, 10, 1, NONE)])], name="B"),
        workout(MONDAY + timedelta(days=4), [(bench, [(W, 90, 8, 2, NONE)]), (curl, [(W, 16, 8, 0, ABS)])]),
    )
    page = seeded.series.sessions(limit=2)
    assert [s.name for s in page] == ["", "B"]
    newest = page[0]
    assert (newest.set_count, newest.working_sets, newest.failure_sets) == (2, 2, 1)
    assert newest.volume_kg == pytest.approx(90 * 8 + 16 * 8)
    assert set(newest.exercise_names) == {"Bench Press", "Dumbbell Curl"}
    oldest = seeded.series.sessions(limit=2, offset=2)
    assert [s.name for s in oldest] == ["A"]
    assert (oldest[0].set_count, oldest[0].working_sets, oldest[0].volume_kg) == (3, 2, 1100.0)
    assert oldest[0].ended_at == MONDAY + timedelta(minutes=60)
    assert seeded.series.sessions(limit=500) == seeded.history.sessions(limit=500)  # the same totals


def test_weekly_hard_sets_count_secondary_muscles_half_and_keep_empty_weeks(seeded: Seeded) -> None:
    bench = seeded.by_name["Bench Press"]  # chest primary; triceps and front delts secondary
    assert bench.primary_muscles == (Muscle.CHEST,)
    assert Muscle.TRICEPS in bench.secondary_muscles
    week_one = [(WU, 60, 5, None, NONE), (W, 100, 5, 2, NONE), (W, 100, 5, 4, NONE), (W, 80, 10, 5, NONE)]
    add(
        seeded,
        workout(MONDAY, [(bench, week_one)]),  # two hard sets: RIR 5+ and warm-ups do not count
        workout(MONDAY + timedelta(days=3), [(bench, [(W, 100, 5, None, NONE)])]),  # unrated counts (RIR 2)
        workout(MONDAY + timedelta(days=15), [(bench, [(W, 100, 6, 0, TECH), (DROP, 70, 8, 0, ABS)])]),
    )
    weekly = seeded.series.weekly_volume(utc_offset_s=0)
    chest = weekly[Muscle.CHEST]
    assert chest.hard_sets == [3.0, 0.0, 2.0]
    assert weekly[Muscle.TRICEPS].hard_sets == [1.5, 0.0, 1.0]
    # Failure sets: the technical and the absolute one in week 3; triceps (secondary) get half of each.
    assert chest.failure_sets == [0.0, 0.0, 2.0]
    assert weekly[Muscle.TRICEPS].failure_sets == [0.0, 0.0, 1.0]
    # Tonnage: week 1 = 100x5 + 100x5 + 80x10 (warm-up left out) + 100x5 = 2300; week 3 = 600 + 560.
    assert chest.tonnage_kg == [2300.0, 0.0, 1160.0]
    assert weekly[Muscle.TRICEPS].tonnage_kg == [1150.0, 0.0, 580.0]
    everything = weekly[None]  # all training: each set once
    assert (everything.hard_sets, everything.failure_sets) == ([3.0, 0.0, 2.0], [0.0, 0.0, 2.0])
    assert everything.tonnage_kg == chest.tonnage_kg and everything.landmarks is None
    monday_midnight = datetime(2025, 6, 2, tzinfo=UTC).timestamp()
    assert chest.week_starts == [monday_midnight + i * 7 * 86400 for i in range(3)]
    assert chest.landmarks is not None and chest.landmarks.mev == 6
    assert Muscle.BICEPS not in weekly


def test_weekly_hard_sets_follow_the_local_week(seeded: Seeded) -> None:
    curl = seeded.by_name["Dumbbell Curl"]
    sunday_late_utc = datetime(2025, 6, 8, 22, 30, tzinfo=UTC)  # already Monday 00:36 at UTC+2
    add(seeded, workout(sunday_late_utc, [(curl, [(W, 15, 10, 2, NONE)])]))
    in_utc = seeded.series.weekly_volume(utc_offset_s=0)[Muscle.BICEPS]
    in_berlin = seeded.series.weekly_volume(utc_offset_s=2 * 3600)[Muscle.BICEPS]
    assert in_utc.week_starts == [datetime(2025, 6, 2, tzinfo=UTC).timestamp()]
    assert in_berlin.week_starts == [
        datetime(2025, 6, 8, 22, tzinfo=UTC).timestamp()
    ]  # Monday 9 June, 00:00 +2
    assert in_utc.hard_sets == in_berlin.hard_sets == [1.0]


def test_an_empty_history_has_no_series(seeded: Seeded) -> None:
    assert seeded.series.weekly_volume() == {}
    assert seeded.series.bodyweight().x == []
    assert seeded.series.sessions(limit=10) == []
    assert seeded.series.e1rm(seeded.by_name["Squat"].id or 0).x == []


def test_bodyweight_series_holds_every_weigh_in_with_its_trend(seeded: Seeded) -> None:
    weigh_ins = [(0, 80.0), (1, 81.0), (2, 79.0), (9, 78.0)]  # days after MONDAY, kg
    seeded.profile.add_bodyweights(
        [BodyweightEntry(MONDAY + timedelta(days=d), kg) for d, kg in reversed(weigh_ins)]
    )
    series = seeded.series.bodyweight()
    assert series.x == [(MONDAY + timedelta(days=d)).timestamp() for d, _ in weigh_ins]  # oldest first
    assert series.kg == [80.0, 81.0, 79.0, 78.0]
    # 80 -> 80.1 -> 79.99 -> a week later 1 - 0.9^7 of the way to 78
    assert series.trend_kg == pytest.approx([80.0, 80.1, 79.99, 79.99 - (1 - 0.9**7) * 1.99])


def test_top_set_and_volume_per_session_count_unrated_and_drop_sets_but_not_warmups(seeded: Seeded) -> None:
    bench = seeded.by_name["Bench Press"]
    first, second = MONDAY, MONDAY + timedelta(days=7)
    add(
        seeded,
        workout(first, [(bench, [(WU, 60, 5, None, NONE), (W, 100, 5, 2, NONE), (W, 100, 6, 0, TECH)])]),
        workout(
            second, [(bench, [(W, 102.5, 5, 2, NONE), (W, 102.5, 5, None, NONE), (DROP, 80, 8, 0, ABS)])]
        ),
    )
    series, progress = seeded.series.exercise(bench.id or 0)
    assert series == seeded.series.e1rm(bench.id or 0)  # one read serves the e1RM chart as before
    # Workout 1: top set 100 x 6 (the most reps at the heaviest load); 500 + 600 = 1,100 kg over 2 sets.
    # Workout 2: 102.5 x 5; 512.5 + 512.5 (unrated counts) + 640 (drop set) = 1,665 kg over 3 sets.
    assert progress.x == [
        (first + timedelta(minutes=6)).timestamp(),
        (second + timedelta(minutes=3)).timestamp(),
    ]
    assert progress.top_kg == [100, 102.5]
    assert progress.top_reps == [6, 5]
    assert progress.volume_kg == pytest.approx([1100, 1665])
    assert progress.sets == [2, 3]


def test_top_sets_of_bodyweight_and_assisted_work_and_loads_a_hundredth_apart() -> None:
    pounds_225 = 225 * 0.45359237  # 102.0582... kg
    sets = WorkSets(
        session_id=[1, 1, 2, 2, 3, 3],
        logged_at_s=[10.0, 20.0, 30.0, 40.0, 50.0, 60.0],
        set_type=[W] * 6,
        weight_kg=[0.0, 0.0, -20.0, -10.0, pounds_225, 102.0582331],
        reps=[12, 9, 8, 6, 5, 6],
        rir=[1, None, 2, 2, 2, None],
        failure=[NONE] * 6,
    )
    progress = build_session_progress(5, sets)
    assert progress.x == [10.0, 30.0, 50.0]
    # Bodyweight: 0 kg x 12 (no tonnage); assisted: -10 kg is less help, so heavier; 225 lb logged twice
    # is one load (0.01 kg apart) with 6 reps its best.
    assert progress.top_kg == [0.0, -10.0, 102.06]
    assert progress.top_reps == [12, 6, 6]
    assert progress.volume_kg == pytest.approx([0.0, 0.0, pounds_225 * 5 + 102.0582331 * 6])
    assert build_session_progress(5, WorkSets([], [], [], [], [], [], [])).x == []
