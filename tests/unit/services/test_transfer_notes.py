"""Notes of every kind through Hevy and Strong, both ways: Hevy's exercise_notes is the workout's note on an
exercise; Strong's Notes is a set's note and Workout Notes the workout's."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers.csv_files import FIXTURES, INTEROP, transfer_service

from gym_companion.domain.model import WeightUnit
from gym_companion.services.transfer import TransferService

BERLIN = ZoneInfo("Europe/Berlin")
NOTES_SQL = """
SELECT s.name, n.exercise_order, e.name, n.notes
FROM session_exercise_note n JOIN workout_session s ON s.id = n.session_id
JOIN exercise e ON e.id = n.exercise_id
ORDER BY s.started_at, n.exercise_order
"""
SET_NOTES_SQL = """
SELECT s.name, e.name, t.set_order, t.notes
FROM set_entry t JOIN workout_session s ON s.id = t.session_id JOIN exercise e ON e.id = t.exercise_id
WHERE t.notes != '' ORDER BY s.started_at, t.exercise_order, t.set_order
"""
HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
    '"set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"\n'
)


def rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db_path)) as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def service(db_path: Path) -> Iterator[TransferService]:
    opened, close = transfer_service(db_path, BERLIN)
    yield opened
    close()


def test_hevy_exercise_notes_become_the_workouts_notes_on_its_exercises(
    service: TransferService, db_path: Path
) -> None:
    service.import_file(FIXTURES / "hevy_kg.csv")
    assert rows(db_path, NOTES_SQL) == [
        ("Legs", 0, "Squat", "line one\nline two"),  # Hevy's \n is a line break
        ("Upper", 0, "Bench Press", "Paused reps"),
    ]
    assert rows(db_path, SET_NOTES_SQL) == []  # Hevy has no set notes
    assert rows(db_path, "SELECT name, notes FROM workout_session ORDER BY started_at") == [
        ("Legs", ""),
        ("Upper", "Good one"),  # description: the workout's notes
    ]


def test_each_hevy_block_keeps_its_note_even_when_an_exercise_comes_twice(
    service: TransferService, db_path: Path, tmp_path: Path
) -> None:
    """As in a real export: Push Up as a warm-up without a note, and again later with one."""
    path = tmp_path / "twice.csv"
    workout = '"Push","10 Feb 2024, 15:56","10 Feb 2024, 16:51","Quick"'
    path.write_text(
        HEVY_HEADER
        + f'{workout},"Push Up",,"",0,"warmup",,10,,,\n'
        + f'{workout},"Treadmill",,"easy pace",0,"normal",,,1.2,600,\n'  # cardio: skipped
        + f'{workout},"Chest Dip",,"Slower",0,"normal",,8,,,\n'
        + f'{workout},"Chest Dip",,"Slower",1,"normal",,8,,,\n'
        + f'{workout},"Push Up",0,"Could not go deep",0,"failure",,5,,,\n'
        + f'{workout},"Push Up",0,"Could not go deep",1,"failure",,2,,,\n',
        encoding="utf-8",
    )
    summary = service.import_file(path)
    assert summary.sets_added == 5
    assert rows(db_path, NOTES_SQL) == [
        ("Push", 0, "Push-Up", "Could not go deep"),  # both Push Up blocks are the workout's Push-Up
        ("Push", 1, "Dip", "Slower"),  # Chest Dip is the library's Dip
    ]


def test_real_hevy_export_keeps_every_exercise_note(service: TransferService, db_path: Path) -> None:
    path = INTEROP / "hevy_si2.csv"
    if not path.is_file():
        pytest.skip(f"no interop export at {path}")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        # one note per exercise block; a timed exercise (a dead hang: no reps) brings no sets, so no note
        expected = {
            (r["start_time"], r["exercise_notes"])
            for r in csv.DictReader(handle)
            if r["exercise_notes"] and r["reps"] not in ("", "0")
        }
    service.import_file(path)
    stored = rows(db_path, "SELECT notes FROM session_exercise_note")
    assert len(expected) > 30
    # two blocks of one exercise in a workout (Inverted Row overhand, then underhand) keep both, a line each
    assert ("Overhand\nOberhand",) in stored
    lines = sorted(line for (text,) in stored for line in str(text).split("\n"))
    assert lines == sorted(text for _start, text in expected)


def test_hevy_export_writes_the_note_and_reads_it_back(
    service: TransferService, db_path: Path, tmp_path: Path
) -> None:
    service.import_file(FIXTURES / "hevy_kg.csv")
    path = service.export_file(tmp_path / "hevy.csv", "hevy").path
    with path.open(encoding="utf-8", newline="") as handle:
        exported = {(r["title"], r["exercise_title"], r["exercise_notes"]) for r in csv.DictReader(handle)}
    assert ("Upper", "Bench Press", "Paused reps") in exported
    assert ("Legs", "Squat", "line one\\nline two") in exported
    other, close = transfer_service(tmp_path / "other.sqlite3", BERLIN)
    try:
        other.import_file(path)
    finally:
        close()
    assert rows(tmp_path / "other.sqlite3", NOTES_SQL) == rows(db_path, NOTES_SQL)


def test_strong_notes_are_set_notes_and_workout_notes_both_ways(
    service: TransferService, db_path: Path, tmp_path: Path
) -> None:
    service.import_file(FIXTURES / "strong_v2.csv", unit=WeightUnit.LB)
    assert rows(db_path, SET_NOTES_SQL) == [("Push Day", "Bench Press", 3, "last one")]
    assert rows(db_path, "SELECT name, notes FROM workout_session ORDER BY started_at") == [
        ("Push Day", "Felt strong"),
        ("Pull Day", ""),
    ]
    assert rows(db_path, NOTES_SQL) == []  # Strong has no exercise notes
    path = service.export_file(tmp_path / "strong.csv", "strong", WeightUnit.LB).path
    with path.open(encoding="utf-8", newline="") as handle:
        exported = list(csv.DictReader(handle))
    assert [(r["Set Order"], r["Notes"]) for r in exported if r["Notes"]] == [("F", "last one")]
    assert [r["Workout Notes"] for r in exported] == ["Felt strong"] + [""] * 7  # on the first row only
    other_db = tmp_path / "other.sqlite3"
    other, close = transfer_service(other_db, BERLIN)
    try:
        other.import_file(path, unit=WeightUnit.LB)
    finally:
        close()
    assert rows(other_db, SET_NOTES_SQL) == rows(db_path, SET_NOTES_SQL)
    assert rows(other_db, "SELECT notes FROM workout_session ORDER BY started_at") == [
        ("Felt strong",),
        ("",),
    ]


def test_strong_export_keeps_an_exercise_note_in_its_first_sets_notes(
    service: TransferService, db_path: Path, tmp_path: Path
) -> None:
    service.import_file(FIXTURES / "hevy_kg.csv")  # Bench Press carries "Paused reps"
    path = service.export_file(tmp_path / "strong.csv", "strong").path
    with path.open(encoding="utf-8", newline="") as handle:
        bench = [r for r in csv.DictReader(handle) if r["Exercise Name"] == "Bench Press"]
    assert [r["Notes"] for r in bench] == ["Paused reps", "", ""]
