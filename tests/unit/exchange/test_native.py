"""The native format: strict reading that names line and column, and the lossless writer; version 2's
exercise notes and custom exercise descriptions; version 1 files still read."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers.csv_files import FIXTURES, no_progress

from gym_companion.domain.model import (
    Equipment,
    Exercise,
    FailureKind,
    FailureSafety,
    Mechanics,
    Muscle,
    SetType,
    WeightUnit,
)
from gym_companion.exchange.csv_source import open_csv
from gym_companion.exchange.errors import ImportFileError
from gym_companion.exchange.native import FIELDS, HEADER, HEADER_V1, read_native, write_native
from gym_companion.exchange.times import LocalTimes

BERLIN = ZoneInfo("Europe/Berlin")


def test_reads_every_field_and_restores_inert_text() -> None:
    parsed = read_native(open_csv(FIXTURES / "native.csv"), no_progress)
    assert parsed.signed_weights and parsed.skipped == {}
    push, morning = parsed.sessions
    assert push.key == "7d8a3c1e-0b1f-4c55-9f2a-1c3e5a7b9d01"
    assert push.name == "=Push"
    assert push.started_at == datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
    assert push.ended_at == datetime(2026, 3, 2, 18, 5, 30, tzinfo=UTC)
    assert morning.ended_at is None  # still in progress when exported
    assert morning.notes == "line one\nline two"
    bench = push.sets[1]
    assert (bench.weight, bench.unit_shown, bench.rir, bench.rest_before_s, bench.notes) == (
        61.23496995, WeightUnit.LB, 2, 150, "-felt easy",
    )  # fmt: skip
    assert bench.logged_at == datetime(2026, 3, 2, 17, 5, 0, 250000, tzinfo=UTC)
    assisted = push.sets[2]
    assert (assisted.weight, assisted.failure, assisted.superset_group) == (-20.0, FailureKind.TECHNICAL, 1)
    assert push.sets[3].set_type is SetType.DROP
    assert morning.sets[0].notes == "''quoted"
    assert parsed.label == "Gym Companion"


ODD_LIFT = Exercise(
    name="My Odd Lift",
    primary_muscles=(Muscle.BACK,),
    secondary_muscles=(Muscle.BICEPS, Muscle.FOREARMS),
    equipment=Equipment.CABLE,
    mechanics=Mechanics.COMPOUND,
    failure_safety=FailureSafety.SPOTTER,
    default_rest_s=150,
    fatigue_factor=1.1,
    is_custom=True,
)


def test_version_2_carries_exercise_notes_and_describes_custom_exercises() -> None:
    parsed = read_native(open_csv(FIXTURES / "native.csv"), no_progress)
    push, morning = parsed.sessions
    # the workout's note on an exercise rides on the exercise's first row, made inert like other text
    assert [s.exercise_notes for s in push.sets] == ["=grip a finger wider", "", "", ""]
    assert morning.sets[0].exercise_notes == 'depth ok\nknees out, "brace"'
    assert parsed.exercises == {"My Odd Lift": ODD_LIFT}  # library exercises need no description


def test_version_1_files_still_read() -> None:
    old = read_native(open_csv(FIXTURES / "native_v1.csv"), no_progress)
    new = read_native(open_csv(FIXTURES / "native.csv"), no_progress)
    assert old.label == "Gym Companion (version 1)"
    assert old.exercises == {}
    assert all(not s.exercise_notes for session in old.sessions for s in session.sets)
    strip = [[(s.uuid, s.weight, s.notes, s.logged_at) for s in session.sets] for session in old.sessions]
    assert strip == [
        [(s.uuid, s.weight, s.notes, s.logged_at) for s in session.sets] for session in new.sessions
    ]


def rewrite(tmp_path: Path, line: int, column: str, value: str) -> Path:
    """The fixture with one cell of a data row replaced (line 2 is the first data row)."""
    with (FIXTURES / "native.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[line - 1][rows[0].index(column)] = value
    path = tmp_path / "native.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("set_type", "heavy", "set_type “heavy” is not one of warmup, working, drop."),
        ("failure", "absolute", "a failure set must have rir 0."),
        ("rir", "7", "rir 7 is more than 5."),
        ("weight_kg", "", "weight_kg is empty (write 0 for no load)."),
        ("logged_at", "2026-03-02 18:05",
         "logged_at “2026-03-02 18:05” lacks its UTC offset (e.g. +02:00)."),
        ("session_name", "Pull", "the workout 7d8a3c1e-0b1f-4c55-9f2a-1c3e5a7b9d01 has another start, end, "
         "name or notes than on line 2."),
        ("set_order", "0", "a second set at exercise_order 0, set_order 0 in one workout."),
        ("set_uuid", "5b1e0c2a-6f7d-4e3b-8a9c-0d1e2f3a4b01",
         "the set 5b1e0c2a-6f7d-4e3b-8a9c-0d1e2f3a4b01 appears twice."),
        ("unit_shown", "stone", "unit_shown “stone” is not one of kg, lb."),
        ("set_order", "1e9", "set_order 1e9 is more than 10,000."),
        ("rest_before_s", "20000000", "rest_before_s 20000000 is more than 10,000,000 seconds."),
        ("superset_group", "9" * 40,
         "superset_group 999999999999999999999999 is beyond ±1,000,000."),
        ("exercise", "Squat", "exercise_order 0 of this workout is Bench Press on line 2, not Squat."),
        ("exercise_notes", "again", "a second note on exercise_order 0 of this workout (the first is on "
         "line 2)."),
    ],
)  # fmt: skip
def test_a_bad_cell_names_line_and_column(tmp_path: Path, column: str, value: str, problem: str) -> None:
    path = rewrite(tmp_path, 3, column, value)
    with pytest.raises(ImportFileError) as error:
        read_native(open_csv(path), no_progress)
    assert (error.value.line, error.value.problem) == (3, problem)


ODD_ROW, ODD_LINE = 7, 9  # My Odd Lift's row, which describes it (notes with line breaks come before)


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("custom_primary_muscles", "back pecs", "custom_primary_muscles: “pecs” is not one of chest, back, "
         "traps, front_delts, side_rear_delts, biceps, triceps, forearms, abs, glutes, quads, hamstrings, "
         "calves, lower_back."),
        ("custom_secondary_muscles", "back",
         "back is both a primary and a secondary muscle of “My Odd Lift”."),
        ("custom_equipment", "rope", "custom_equipment “rope” is not one of barbell, ez_bar, trap_bar, "
         "smith, dumbbell, kettlebell, machine, cable, bodyweight, band, other."),
        ("custom_mechanics", "", "custom_mechanics “” is not one of compound, isolation."),
        ("custom_failure_safety", "risky", "custom_failure_safety “risky” is not one of safe, spotter, "
         "technical_only, never."),
        ("custom_assisted", "maybe", "custom_assisted “maybe” is not yes or no."),
        ("custom_rest_s", "901", "custom_rest_s must be a number of seconds from 0 to 900."),
        ("custom_rest_s", "", "custom_rest_s must be a number of seconds from 0 to 900."),
        ("custom_fatigue_factor", "nan", "custom_fatigue_factor “nan” is not a number."),
        ("custom_fatigue_factor", "9", "custom_fatigue_factor must be a number from 0.1 to 5.0."),
    ],
)  # fmt: skip
def test_a_bad_description_names_line_and_column(
    tmp_path: Path, column: str, value: str, problem: str
) -> None:
    path = rewrite(tmp_path, ODD_ROW, column, value)
    with pytest.raises(ImportFileError) as error:
        read_native(open_csv(path), no_progress)
    assert (error.value.line, error.value.problem) == (ODD_LINE, problem)


def test_a_custom_exercise_described_twice_must_agree(tmp_path: Path) -> None:
    with (FIXTURES / "native.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    second = list(rows[-1])
    second[rows[0].index("set_order")] = "1"
    second[rows[0].index("set_uuid")] = "another-set"
    rows.append(second)  # the same description again: fine
    path = tmp_path / "twice.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    assert read_native(open_csv(path), no_progress).exercises == {"My Odd Lift": ODD_LIFT}
    third = list(second)
    third[rows[0].index("set_order")] = "2"
    third[rows[0].index("set_uuid")] = "third-set"
    third[rows[0].index("custom_rest_s")] = "90"
    rows.append(third)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    with pytest.raises(ImportFileError) as error:
        read_native(open_csv(path), no_progress)
    assert (error.value.line, error.value.problem) == (
        13,  # the fourth row after the header's, lines 11–12 hold the third
        "“My Odd Lift” is described differently than on line 9.",
    )


def test_description_columns_come_all_together(tmp_path: Path) -> None:
    with (FIXTURES / "native.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    drop = rows[0].index("custom_rest_s")
    path = tmp_path / "partial.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([row[:drop] + row[drop + 1 :] for row in rows])
    with pytest.raises(
        ImportFileError, match="not a complete Gym Companion file: the header lacks custom_rest_s"
    ):
        read_native(open_csv(path), no_progress)


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("session_uuid,set_uuid,weight_kg\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="lacks session_started_at, session_ended_at"):
        read_native(open_csv(path), no_progress)


def test_writer_output_reads_back_as_the_fixture() -> None:
    """Writing what the reader read (as storage would hand it) gives the fixture byte for byte."""
    parsed = read_native(open_csv(FIXTURES / "native.csv"), no_progress)
    rows = []
    for session in parsed.sessions:
        notes = {s.exercise_order: s.exercise_notes for s in session.sets if s.exercise_notes}
        for s in session.sets:
            assert s.logged_at is not None and s.unit_shown is not None
            ended = None if session.ended_at is None else _stored(session.ended_at)
            rows.append(
                (session.key, _stored(session.started_at), ended, session.name, session.notes, s.exercise,
                 s.exercise_order, s.set_order, s.set_type.value, s.weight, s.unit_shown.value, s.reps, s.rir,
                 s.failure.value, s.rest_before_s, _stored(s.logged_at), s.notes, s.superset_group, s.uuid,
                 notes.get(s.exercise_order))  # storage repeats the note on each of the exercise's sets
            )  # fmt: skip
    assert len(rows[0]) == len(FIELDS) == len(HEADER) - 8 == len(HEADER_V1) + 1
    out = io.StringIO(newline="")
    assert write_native(out, rows, LocalTimes(BERLIN), {"My Odd Lift": ODD_LIFT}) == (2, 6)
    assert out.getvalue().encode() == (FIXTURES / "native.csv").read_bytes()


def _stored(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
