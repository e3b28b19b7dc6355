"""The native format is lossless on a database holding every kind of data the app stores about sets and
workouts: export → import into an empty database → export gives the same bytes, and the two databases
hold the same rows in every column that matters (compared with SQL, ignoring autoincrement ids)."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers.csv_files import snapshot, transfer_service

from gym_companion.domain.custom_exercise import CustomExerciseSpec
from gym_companion.domain.model import (
    Equipment,
    Exercise,
    FailureKind,
    FailureSafety,
    Mechanics,
    Muscle,
    SetEntry,
    SetType,
    WeightUnit,
    WorkoutSession,
)
from gym_companion.services.catalog import ExerciseCatalog
from gym_companion.services.transfer import TransferService
from gym_companion.storage.database import open_database
from gym_companion.storage.repositories.exercise_notes import ExerciseNoteRepository
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository

BERLIN = ZoneInfo("Europe/Berlin")
LB = 0.45359237
W, WU, DROP = SetType.WORKING, SetType.WARMUP, SetType.DROP
NONE, TECH, ABS = FailureKind.NONE, FailureKind.TECHNICAL, FailureKind.ABSOLUTE


def build_everything(db_path: Path) -> None:
    """Three workouts with every kind of stored detail (see the comments), written the way the app does."""
    database = open_database(db_path)
    try:
        exercises = ExerciseRepository(database.engine)
        catalog = ExerciseCatalog(exercises)
        catalog.ensure_library()
        viking = catalog.create(
            CustomExerciseSpec(
                name="Viking Press",
                primary_muscles=(Muscle.FRONT_DELTS,),
                secondary_muscles=(Muscle.TRICEPS, Muscle.CHEST),  # stored out of body order
                equipment=Equipment.BARBELL,
                mechanics=Mechanics.COMPOUND,
                failure_safety=FailureSafety.SPOTTER,
            )
        )
        band_dip = catalog.create(
            CustomExerciseSpec(
                name="=Band Dip",  # a name a spreadsheet would run as a formula
                primary_muscles=(Muscle.TRICEPS, Muscle.CHEST),
                equipment=Equipment.BAND,
                mechanics=Mechanics.COMPOUND,
                failure_safety=FailureSafety.SAFE,
                assisted=True,
            )
        )
        # An import's guess: rest and recovery factor copied from a library lift, not from its mechanics.
        odd = exercises.add(
            Exercise(
                name="Zercher Good Morning",
                primary_muscles=(Muscle.HAMSTRINGS,),
                secondary_muscles=(Muscle.LOWER_BACK, Muscle.GLUTES),
                equipment=Equipment.BARBELL,
                mechanics=Mechanics.COMPOUND,
                failure_safety=FailureSafety.TECHNICAL_ONLY,
                default_rest_s=180,
                fatigue_factor=1.2,
                is_custom=True,
            )
        )
        exercises.add(Exercise(name="Never Used", primary_muscles=(Muscle.CALVES,), is_custom=True))
        ids = {e.name: e.id for e in exercises.all()}
        workouts = WorkoutRepository(database.engine)
        notes = ExerciseNoteRepository(database.engine)

        def workout(
            uuid: str,
            started: datetime,
            ended: datetime | None,
            name: str,
            text: str,
            sets: list[tuple[object, ...]],
        ) -> int:
            session = workouts.start_session(
                WorkoutSession(uuid=uuid, started_at=started, ended_at=ended, name=name, notes=text)
            )
            assert session.id is not None
            for n, (order, set_order, exercise_id, kind, kg, reps, rir, failure, extra) in enumerate(sets):
                workouts.add_set(
                    SetEntry(
                        uuid=f"{uuid}-set-{n}",
                        session_id=session.id,
                        exercise_id=exercise_id,
                        exercise_order=order,
                        set_order=set_order,
                        set_type=kind,
                        weight_kg=kg,
                        reps=reps,
                        rir=rir,
                        failure=failure,
                        logged_at=started + timedelta(minutes=3 * n + 2, microseconds=n * 1001),
                        **extra,
                    )
                )
            return session.id

        lb = {"unit_shown": WeightUnit.LB}
        push = workout(
            "push-1", datetime(2026, 3, 2, 17, 0, tzinfo=UTC), datetime(2026, 3, 2, 18, 12, 5, tzinfo=UTC),
            "=Push & pull", "slept 6 h\n-coffee, \"strong\"",
            [
                (0, 0, ids["Bench Press"], WU, 135 * LB * 0.5, 10, None, NONE, lb),
                (0, 1, ids["Bench Press"], W, 135 * LB, 8, 2, NONE,
                 {**lb, "rest_before_s": 150, "notes": "-felt easy"}),
                (0, 2, ids["Bench Press"], W, 135 * LB, 7, 0, ABS, {**lb, "rest_before_s": 180}),
                (0, 3, ids["Bench Press"], DROP, 95 * LB, 9, None, NONE,
                 {**lb, "rest_before_s": 0, "notes": "'apostrophe"}),
                # a superset: Viking Press with the (library, assisted) Assisted Pull-Up, alternating
                (1, 0, viking.id, W, 40.0, 10, 3, NONE, {"superset_group": 1}),
                (2, 0, ids["Assisted Pull-Up"], W, -20.0, 8, 1, NONE, {"superset_group": 1}),
                (1, 1, viking.id, W, 40.0, 8, 0, TECH, {"superset_group": 1, "rest_before_s": 60}),
                (2, 1, ids["Assisted Pull-Up"], W, -22.5, 6, 5, NONE, {"superset_group": 1}),
            ],
        )  # fmt: skip
        legs = workout(
            "legs-2", datetime(2026, 3, 4, 6, 30, tzinfo=UTC), datetime(2026, 3, 4, 7, 40, tzinfo=UTC),
            "Legs", "",
            [
                (0, 0, ids["Squat"], W, 100.0, 5, None, NONE, {}),  # not rated
                (0, 1, ids["Squat"], W, 102.5, 5, 1, NONE, {"notes": "belt\nand wraps"}),
                (1, 0, odd.id, W, 60.0, 10, 2, NONE, {"superset_group": 1}),
                (2, 0, ids["Squat"], W, 80.0, 12, 0, TECH, {}),  # the same exercise again, later
                (3, 0, band_dip.id, W, -15.0, 12, 0, ABS, {"superset_group": 1}),
            ],
        )  # fmt: skip
        unfinished = workout(
            "open-3", datetime(2026, 3, 6, 17, 0, tzinfo=UTC), None, "Evening workout", "",
            [(0, 0, odd.id, WU, 20.0, 15, None, NONE, {"rest_before_s": 45})],
        )  # fmt: skip
        # The workout's notes on its exercises: every kind of text, both Squats of one workout apart.
        notes.set_note(push, 0, ids["Bench Press"], 'elbows in, "tight"\nline two')
        notes.set_note(push, 2, ids["Assisted Pull-Up"], "@band: green")
        notes.set_note(legs, 0, ids["Squat"], "heavy day")
        notes.set_note(legs, 2, ids["Squat"], "back-off set")
        notes.set_note(unfinished, 0, odd.id, "+ new cue")
    finally:
        database.close()


# Every column that matters, ids replaced by what they point at.
COMPARE = {
    "sessions": "SELECT uuid, started_at, ended_at, name, notes FROM workout_session ORDER BY uuid",
    "sets": """
        SELECT s.uuid, e.name, t.uuid, t.exercise_order, t.set_order, t.set_type, t.weight_kg, t.reps, t.rir,
               t.failure, t.rest_before_s, t.logged_at, t.unit_shown, t.notes, t.superset_group
        FROM set_entry t JOIN workout_session s ON s.id = t.session_id JOIN exercise e ON e.id = t.exercise_id
        ORDER BY t.uuid""",
    "exercise notes": """
        SELECT s.uuid, n.exercise_order, e.name, n.notes
        FROM session_exercise_note n JOIN workout_session s ON s.id = n.session_id
        JOIN exercise e ON e.id = n.exercise_id ORDER BY s.uuid, n.exercise_order""",
    "custom exercises": """
        SELECT name, aliases, equipment, mechanics, failure_safety, default_rest_s, fatigue_factor, assisted,
               is_custom FROM exercise WHERE is_custom AND id IN (SELECT exercise_id FROM set_entry)
        ORDER BY name""",
    "their muscles": """
        SELECT e.name, m.muscle, m.role FROM exercise_muscle m JOIN exercise e ON e.id = m.exercise_id
        WHERE e.is_custom AND e.id IN (SELECT exercise_id FROM set_entry) ORDER BY e.name, m.muscle""",
}


def table(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db_path)) as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def original(tmp_path: Path) -> Path:
    path = tmp_path / "original.sqlite3"
    build_everything(path)
    return path


Opener = Callable[[Path], TransferService]


@pytest.fixture
def service_on() -> Iterator[Opener]:
    """Opens a transfer service on a database file (one per file: a file opens once at a time); all are
    closed after the test."""
    opened: dict[Path, tuple[TransferService, Callable[[], None]]] = {}

    def open_service(path: Path) -> TransferService:
        if path not in opened:
            opened[path] = transfer_service(path, BERLIN)
        return opened[path][0]

    yield open_service
    for _service, close in opened.values():
        close()


def test_export_import_export_is_byte_identical_and_the_databases_agree(
    original: Path, tmp_path: Path, service_on: Opener
) -> None:
    first = service_on(original).export_file(tmp_path / "first.csv")
    assert (first.sessions, first.sets) == (3, 14)
    copy = tmp_path / "copy.sqlite3"
    imported = service_on(copy).import_file(first.path)
    assert (imported.sessions_added, imported.sets_added) == (3, 14)
    assert imported.exercises_created == ("Viking Press", "Zercher Good Morning", "=Band Dip")
    assert imported.exercises_guessed == ()  # the file said what each trains: nothing to check
    assert "check" not in imported.sentence()
    second = service_on(copy).export_file(tmp_path / "second.csv")
    assert second.path.read_bytes() == first.path.read_bytes()
    for what, sql in COMPARE.items():
        assert table(copy, sql) == table(original, sql), what
    # ... and the comparison is not empty: the details the file must carry are really there.
    assert table(copy, COMPARE["exercise notes"]) == [
        ("legs-2", 0, "Squat", "heavy day"),
        ("legs-2", 2, "Squat", "back-off set"),
        ("open-3", 0, "Zercher Good Morning", "+ new cue"),
        ("push-1", 0, "Bench Press", 'elbows in, "tight"\nline two'),
        ("push-1", 2, "Assisted Pull-Up", "@band: green"),
    ]
    assert table(copy, COMPARE["custom exercises"]) == [
        ("=Band Dip", "[]", "band", "compound", "safe", 150, 1.0, 1, 1),
        ("Viking Press", "[]", "barbell", "compound", "spotter", 150, 1.0, 0, 1),
        ("Zercher Good Morning", "[]", "barbell", "compound", "technical_only", 180, 1.2, 0, 1),
    ]
    assert table(copy, COMPARE["their muscles"]) == [
        ("=Band Dip", "chest", "primary"),
        ("=Band Dip", "triceps", "primary"),
        ("Viking Press", "chest", "secondary"),
        ("Viking Press", "front_delts", "primary"),
        ("Viking Press", "triceps", "secondary"),
        ("Zercher Good Morning", "glutes", "secondary"),
        ("Zercher Good Morning", "hamstrings", "primary"),
        ("Zercher Good Morning", "lower_back", "secondary"),
    ]
    assert table(copy, "SELECT count(*) FROM workout_session WHERE ended_at IS NULL") == [(1,)]
    assert table(copy, "SELECT DISTINCT failure FROM set_entry ORDER BY 1") == [
        ("absolute",), ("none",), ("technical",)
    ]  # fmt: skip


def test_the_file_reads_naturally_in_a_spreadsheet(
    original: Path, tmp_path: Path, service_on: Opener
) -> None:
    path = service_on(original).export_file(tmp_path / "out.csv").path
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    bench = [r for r in rows if r["exercise"] == "Bench Press"]
    # the exercise note on the exercise's first row only; formula-like text made inert
    assert [r["exercise_notes"] for r in bench] == ['elbows in, "tight"\nline two', "", "", ""]
    assert [r["exercise_notes"] for r in rows if r["exercise"] == "Assisted Pull-Up"] == ["'@band: green", ""]
    assert {r["exercise"] for r in rows} >= {"'=Band Dip", "Viking Press"}
    assert [r["unit_shown"] for r in bench] == ["lb"] * 4
    # each custom exercise described once, on its first row; library exercises never
    described = [(r["exercise"], r["custom_primary_muscles"], r["custom_secondary_muscles"]) for r in rows
                 if r["custom_equipment"]]  # fmt: skip
    assert described == [
        ("Viking Press", "front_delts", "chest triceps"),
        ("Zercher Good Morning", "hamstrings", "glutes lower_back"),
        ("'=Band Dip", "chest triceps", ""),
    ]
    dip = next(r for r in rows if r["custom_equipment"] == "band")
    assert (dip["custom_assisted"], dip["custom_rest_s"], dip["custom_fatigue_factor"]) == (
        "yes",
        "150",
        "1.0",
    )
    assert "Never Used" not in path.read_text(encoding="utf-8")  # no sets: not part of the history


def test_importing_the_export_twice_adds_nothing(original: Path, tmp_path: Path, service_on: Opener) -> None:
    path = service_on(original).export_file(tmp_path / "out.csv").path
    copy = tmp_path / "copy.sqlite3"
    service = service_on(copy)
    service.import_file(path)
    before = snapshot(copy)
    again = service.import_file(path)
    assert (again.sessions_added, again.sets_added, again.sessions_already_present) == (0, 0, 3)
    assert again.exercises_created == ()
    assert snapshot(copy) == before
    # Back into the database it came from: everything is already there.
    home = service_on(original).import_file(path)
    assert (home.sessions_added, home.exercises_created) == (0, ())


def test_an_existing_exercise_of_the_same_name_is_used_as_it_is(
    original: Path, tmp_path: Path, service_on: Opener
) -> None:
    path = service_on(original).export_file(tmp_path / "out.csv").path
    target = tmp_path / "target.sqlite3"
    database = open_database(target)
    try:
        catalog = ExerciseCatalog(ExerciseRepository(database.engine))
        catalog.ensure_library()
        catalog.create(CustomExerciseSpec(name="Viking Press", primary_muscles=(Muscle.CHEST,)))
    finally:
        database.close()
    summary = service_on(target).import_file(path)
    assert "Viking Press" not in summary.exercises_created
    assert table(target, "SELECT m.muscle FROM exercise_muscle m JOIN exercise e ON e.id = m.exercise_id "
                 "WHERE e.name = 'Viking Press'") == [("chest",)]  # fmt: skip


def test_the_import_wizards_untouched_preview_keeps_the_files_descriptions(
    original: Path, tmp_path: Path, service_on: Opener
) -> None:
    """The wizard shows the new exercises as the file describes them and hands them back; unchanged, they
    are created exactly as described (rest and recovery factor too), and a changed one as changed."""
    path = service_on(original).export_file(tmp_path / "out.csv").path
    copy = tmp_path / "copy.sqlite3"
    service = service_on(copy)
    preview = service.preview(path)
    shown = preview.new_exercises
    assert set(shown) == {"Viking Press", "Zercher Good Morning", "=Band Dip"}
    assert shown["Zercher Good Morning"].primary_muscles == (Muscle.HAMSTRINGS,)
    assert shown["=Band Dip"].assisted
    edited = dict(shown)
    edited["Viking Press"] = CustomExerciseSpec("Viking Press", (Muscle.SIDE_REAR_DELTS,))
    service.import_file(path, new_exercises=edited)
    assert table(
        copy, "SELECT name, default_rest_s, fatigue_factor FROM exercise WHERE is_custom ORDER BY name"
    ) == [
        ("=Band Dip", 150, 1.0),
        ("Viking Press", 90, 1.0),  # as the lifter changed it: an isolation exercise rests 90 s
        ("Zercher Good Morning", 180, 1.2),
    ]
    assert table(copy, "SELECT m.muscle FROM exercise_muscle m JOIN exercise e ON e.id = m.exercise_id "
                 "WHERE e.name = 'Viking Press'") == [("side_rear_delts",)]  # fmt: skip
