"""The record book on a real database: an exercise's PR list with dates, and recent PRs across exercises."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gym_companion.domain.e1rm import E1rmBasis
from gym_companion.domain.library import library_path, load_library_file
from gym_companion.domain.model import Exercise, FailureKind, SetEntry, SetType, WorkoutSession
from gym_companion.domain.records import Lift, RecordKind
from gym_companion.services.history_series import HistorySeries
from gym_companion.services.records import RecordBook
from gym_companion.storage.database import open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.history_queries import HistoryQueries
from gym_companion.storage.repositories.record_queries import RecordQueries
from gym_companion.storage.repositories.workouts import WorkoutRepository

START = datetime(2025, 1, 6, 18, 0, tzinfo=UTC)
W, WU = SetType.WORKING, SetType.WARMUP
NONE, ABS = FailureKind.NONE, FailureKind.ABSOLUTE
Set = tuple[SetType, float, int, int | None, FailureKind]


@dataclass
class Book:
    records: RecordBook
    series: HistorySeries
    workouts: WorkoutRepository
    by_name: dict[str, Exercise]
    queries: RecordQueries

    def add(self, day: int, blocks: list[tuple[str, list[Set]]]) -> None:
        """A workout `day` days after START; sets two minutes apart."""
        started = START + timedelta(days=day)
        session = WorkoutSession(str(uuid.uuid4()), started, started + timedelta(hours=1))
        sets, when = [], started
        for order, (name, lifts) in enumerate(blocks):
            for position, (set_type, kg, reps, rir, failure) in enumerate(lifts):
                when += timedelta(minutes=2)
                sets.append(
                    SetEntry(
                        str(uuid.uuid4()),
                        0,
                        self.by_name[name].id or 0,
                        order,
                        position,
                        set_type,
                        kg,
                        reps,
                        when,
                        rir=rir,
                        failure=failure,
                    )
                )
        self.workouts.add_history([(session, sets)])


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    database = open_database(tmp_path / "gym.sqlite3", lambda: START)
    exercises = ExerciseRepository(database.engine)
    exercises.seed(load_library_file(library_path()))
    catalog = {e.id: e for e in exercises.all() if e.id is not None}
    queries = RecordQueries(database.engine)
    yield Book(
        RecordBook(queries),
        HistorySeries(HistoryQueries(database.engine), lambda: catalog),
        WorkoutRepository(database.engine),
        {e.name: e for e in catalog.values()},
        queries,
    )
    database.close()


def test_the_pr_list_has_heaviest_best_e1rm_and_most_reps_per_load_with_first_dates(book: Book) -> None:
    book.add(0, [("Squat", [(WU, 60, 5, None, NONE), (W, 100, 8, 2, NONE), (W, 110, 5, 2, NONE)])])
    book.add(3, [("Squat", [(W, 110, 5, 2, NONE), (W, 100, 10, 1, NONE)])])  # 10 reps at 100: rep PR
    book.add(7, [("Squat", [(W, 120, 3, 0, ABS), (W, 100, 8, None, NONE)])])  # unrated: reps still count
    squat = book.by_name["Squat"].id or 0
    found = book.records.for_exercise(squat)
    standing = found.standing
    assert standing.heaviest is not None
    assert (standing.heaviest.value, standing.heaviest.when) == (120.0, START + timedelta(days=7, minutes=2))
    # e1RMs: day 0 best 110 x 5 @ 2 = 135.64; day 3 100 x 10 @ 1 = n 11 -> 70.7 % -> 141.44;
    # day 7 120 x 3 to failure = n 3 -> 92.2 % -> 130.15.
    assert standing.best_e1rm is not None
    assert standing.best_e1rm.value == pytest.approx(100 / 0.707)
    assert standing.best_e1rm.lift == Lift(100, 10, 1, NONE)
    assert standing.best_e1rm.when == START + timedelta(days=3, minutes=2)
    reps = {load: (best.value, best.when) for load, best in standing.most_reps.items()}
    assert reps == {
        120.0: (3, START + timedelta(days=7, minutes=2)),
        110.0: (5, START + timedelta(days=0, minutes=4)),  # tied on day 3: the first date stays
        100.0: (10, START + timedelta(days=3, minutes=2)),
    }
    assert [(r.kind, r.value) for r in found.records] == [
        (RecordKind.E1RM, pytest.approx(100 / 0.707)),
        (RecordKind.REPS, 10),
        (RecordKind.HEAVIEST, 120),
    ]


def test_the_chart_markers_and_the_pr_list_agree_on_e1rm_records(book: Book) -> None:
    for day, kg in enumerate((100, 105, 102.5, 107.5, 107.5)):
        book.add(day * 2, [("Bench Press", [(W, kg, 5, 2, NONE)])])
    bench = book.by_name["Bench Press"].id or 0
    e1rm_records = [r for r in book.records.for_exercise(bench).records if r.kind is RecordKind.E1RM]
    series = book.series.e1rm(bench)
    assert [series.x[i] for i in series.record_index] == [r.when.timestamp() for r in e1rm_records]
    assert series.record_gain == pytest.approx([r.gain for r in e1rm_records])
    assert len(e1rm_records) == 2  # 105 and 107.5 once (the repeat ties)


def test_recent_prs_look_back_across_exercises_newest_first(book: Book) -> None:
    book.add(0, [("Squat", [(W, 100, 5, 2, NONE)]), ("Bench Press", [(W, 80, 5, 2, NONE)])])
    book.add(40, [("Squat", [(W, 105, 5, 2, NONE)])])  # before the window: its records are old news
    book.add(80, [("Bench Press", [(W, 82.5, 5, 2, NONE)]), ("Squat", [(W, 100, 6, 2, NONE)])])
    book.add(85, [("Squat", [(W, 107.5, 3, 2, NONE)]), ("Dumbbell Curl", [(W, 14, 10, 2, NONE)])])
    recent = book.records.recent(since=START + timedelta(days=60))
    names = {e.id: e.name for e in book.by_name.values()}
    assert [(names[r.exercise_id], r.kind, round(r.value, 1)) for r in recent] == [
        ("Squat", RecordKind.HEAVIEST, 107.5),  # day 85: beats 105 from day 40
        ("Squat", RecordKind.REPS, 6),  # day 80, after the bench press: 6 reps at 100 kg beat day 0's 5
        ("Bench Press", RecordKind.HEAVIEST, 82.5),
        ("Bench Press", RecordKind.E1RM, 101.7),  # 82.5 / 0.811
    ]
    # 107.5 x 3 @ 2 (n = 5 -> 124.57) does not beat 105 x 5 @ 2 (129.47); the curl is a first: a baseline.
    assert book.records.recent(since=START + timedelta(days=90)) == []


def test_the_lifters_rir_correction_reaches_the_records(book: Book) -> None:
    book.add(0, [("Squat", [(W, 100, 5, 2, NONE)])])
    corrected = RecordBook(book.queries, lambda _exercise_id: E1rmBasis(rir_bias=1.0))
    best = corrected.for_exercise(book.by_name["Squat"].id or 0).standing.best_e1rm
    assert best is not None and best.value == pytest.approx(100 / 0.786)  # n = 5 + 2 + 1


def test_standings_before_a_moment_are_the_pr_lists_bests_of_earlier_workouts(book: Book) -> None:
    book.add(
        0, [("Squat", [(W, 100, 8, 2, NONE), (W, 110, 5, 2, NONE)]), ("Bench Press", [(W, 80, 5, 2, NONE)])]
    )
    book.add(3, [("Squat", [(W, 120, 3, 0, ABS)])])
    book.add(9, [("Squat", [(W, 130, 1, 0, ABS)])])  # after the moment: not counted
    squat, bench, curl = (book.by_name[n].id or 0 for n in ("Squat", "Bench Press", "Dumbbell Curl"))
    found = book.records.standings_before([squat, bench, curl], START + timedelta(days=5))
    assert set(found) == {squat, bench}  # never curled: nothing to beat (a baseline)
    assert found[squat].heaviest is not None and found[squat].heaviest.value == 120
    assert {load: best.value for load, best in found[squat].most_reps.items()} == {100: 8, 110: 5, 120: 3}
    # best e1RM so far: 110 x 5 @ 2 -> n 7 -> 135.64 (120 x 3 to failure: n 3 -> 130.15)
    assert found[squat].best_e1rm is not None and found[squat].best_e1rm.value == pytest.approx(110 / 0.811)
    assert book.records.standings_before([], START + timedelta(days=5)) == {}
