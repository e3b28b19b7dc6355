"""Importing names the library does not know as exercises the lifter described (name, muscles, equipment…)
instead of the guess: the preview shows the guess, the import creates what was set, in the same single
transaction, and refuses a description that cannot be saved without writing anything."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from helpers.csv_files import snapshot, transfer_service

from gym_companion.domain.model import Equipment, FailureSafety, Mechanics, Muscle, WeightUnit
from gym_companion.services.transfer import CustomExerciseSpec, ImportFileError, TransferService

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
)
ROWS = (
    "2026-02-02 18:00:00,Legs,1h,Zercher Carry Hold,1,40,10,0,0,,,",
    "2026-02-02 18:00:00,Legs,1h,Zercher Carry Hold,2,40,9,0,0,,,",
    "2026-02-02 18:00:00,Legs,1h,Squat (Barbell),1,100,5,0,0,,,",
    "2026-02-02 18:00:00,Legs,1h,Dip Helper Band,1,20,8,0,0,,,",
)
ZERCHER = CustomExerciseSpec(
    name="Zercher Carry",
    primary_muscles=(Muscle.QUADS, Muscle.GLUTES),
    secondary_muscles=(Muscle.ABS,),
    equipment=Equipment.BARBELL,
    mechanics=Mechanics.COMPOUND,
    failure_safety=FailureSafety.TECHNICAL_ONLY,
)


@pytest.fixture
def service(db_path: Path) -> Iterator[TransferService]:
    opened, close = transfer_service(db_path)
    yield opened
    close()


@pytest.fixture
def csv_path(tmp_path: Path) -> Path:
    path = tmp_path / "strong.csv"
    path.write_text("\n".join((HEADER, *ROWS)) + "\n", encoding="utf-8")
    return path


def rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db_path)) as con:
        return con.execute(sql).fetchall()


def muscles_of(db_path: Path, name: str) -> list[tuple[object, ...]]:
    return rows(
        db_path,
        "SELECT m.muscle, m.role FROM exercise_muscle m JOIN exercise e ON e.id = m.exercise_id "
        f"WHERE e.name = '{name}' ORDER BY m.role, m.muscle",
    )


def test_the_preview_shows_the_exercise_each_unknown_name_would_become(
    service: TransferService, csv_path: Path
) -> None:
    preview = service.preview(csv_path, unit=WeightUnit.KG)
    assert set(preview.unknown) == {"Zercher Carry Hold", "Dip Helper Band"}
    assert set(preview.new_exercises) == set(preview.unknown)
    guess = preview.new_exercises["Zercher Carry Hold"]
    assert guess.name == "Zercher Carry Hold"
    assert guess.primary_muscles == ()  # nothing in the library is close: no muscles guessed
    assert "Squat (Barbell)" in preview.matched and "Squat (Barbell)" not in preview.new_exercises


def test_the_import_creates_the_described_exercise_with_its_muscles(
    service: TransferService, csv_path: Path, db_path: Path
) -> None:
    summary = service.import_file(csv_path, unit=WeightUnit.KG, new_exercises={"Zercher Carry Hold": ZERCHER})
    assert set(summary.exercises_created) == {"Zercher Carry", "Dip Helper Band"}
    assert rows(
        db_path,
        "SELECT equipment, mechanics, failure_safety, default_rest_s, is_custom FROM exercise "
        "WHERE name = 'Zercher Carry'",
    ) == [("barbell", "compound", "technical_only", 150, 1)]
    assert muscles_of(db_path, "Zercher Carry") == [
        ("glutes", "primary"),
        ("quads", "primary"),
        ("abs", "secondary"),
    ]
    assert rows(
        db_path,
        "SELECT e.name, s.weight_kg, s.reps FROM set_entry s JOIN exercise e ON e.id = s.exercise_id "
        "WHERE e.is_custom ORDER BY s.logged_at",
    ) == [("Zercher Carry", 40.0, 10), ("Zercher Carry", 40.0, 9), ("Dip Helper Band", 20.0, 8)]
    assert muscles_of(db_path, "Dip Helper Band") == []  # not described: the guess (none) stands


def test_an_assisted_description_reads_the_loads_as_help(
    service: TransferService, csv_path: Path, db_path: Path
) -> None:
    band = CustomExerciseSpec("Band-Assisted Dip", (Muscle.TRICEPS,), (Muscle.CHEST,), assisted=True)
    service.import_file(csv_path, unit=WeightUnit.KG, new_exercises={"dip helper band": band})
    assert rows(
        db_path,
        "SELECT e.assisted, s.weight_kg FROM set_entry s JOIN exercise e ON e.id = s.exercise_id "
        "WHERE e.name = 'Band-Assisted Dip'",
    ) == [(1, -20.0)]


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        (CustomExerciseSpec("Zercher Carry", ()), "Pick at least one primary muscle"),
        (CustomExerciseSpec("squat", (Muscle.QUADS,)), "“squat” is taken"),
        (CustomExerciseSpec("  ", (Muscle.QUADS,)), "Give the exercise a name"),
    ],
)
def test_a_description_that_cannot_be_saved_writes_nothing(
    service: TransferService, csv_path: Path, db_path: Path, spec: CustomExerciseSpec, says: str
) -> None:
    before = snapshot(db_path)
    with pytest.raises(ImportFileError, match="the new exercise for “Zercher Carry Hold”") as refused:
        service.import_file(csv_path, unit=WeightUnit.KG, new_exercises={"Zercher Carry Hold": spec})
    assert says in str(refused.value)
    assert snapshot(db_path) == before


def test_two_new_exercises_may_not_share_a_name(
    service: TransferService, csv_path: Path, db_path: Path
) -> None:
    before = snapshot(db_path)
    same = CustomExerciseSpec("Carry", (Muscle.TRAPS,))
    with pytest.raises(ImportFileError, match="“Carry” is taken"):
        service.import_file(
            csv_path, unit=WeightUnit.KG, new_exercises={"Zercher Carry Hold": same, "Dip Helper Band": same}
        )
    assert snapshot(db_path) == before


def test_a_description_for_a_name_mapped_to_the_library_is_ignored(
    service: TransferService, csv_path: Path, db_path: Path
) -> None:
    front_squat = service.preview(csv_path, unit=WeightUnit.KG)
    squat_id = front_squat.matched["Squat (Barbell)"]
    summary = service.import_file(
        csv_path,
        unit=WeightUnit.KG,
        mapping={"Zercher Carry Hold": squat_id},
        new_exercises={"Zercher Carry Hold": ZERCHER, "Squat (Barbell)": ZERCHER},
    )
    assert summary.exercises_created == ("Dip Helper Band",)
    assert rows(db_path, "SELECT COUNT(*) FROM exercise WHERE name = 'Zercher Carry'") == [(0,)]
