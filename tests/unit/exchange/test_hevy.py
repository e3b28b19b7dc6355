"""Hevy: kg and lb headers, its dates, set types, supersets, RPE, notes per exercise; the writer."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers.csv_files import FIXTURES, no_progress

from gym_companion.domain.model import FailureKind, SetType, WeightUnit
from gym_companion.exchange.csv_source import open_csv
from gym_companion.exchange.errors import ImportFileError
from gym_companion.exchange.hevy import FIELDS, read_hevy, write_hevy
from gym_companion.exchange.records import SKIP_CARDIO
from gym_companion.exchange.times import LocalTimes

BERLIN = ZoneInfo("Europe/Berlin")


def test_kg_export_oldest_first_with_types_supersets_and_rpe() -> None:
    parsed = read_hevy(open_csv(FIXTURES / "hevy_kg.csv"), BERLIN, no_progress)
    assert parsed.label == "Hevy (kg)"
    legs, upper = parsed.sessions  # the file lists the newest first
    assert legs.name == "Legs" and upper.name == "Upper"
    assert upper.started_at == datetime(2024, 4, 7, 14, 34, tzinfo=UTC)  # 16:34 CEST
    assert upper.ended_at == datetime(2024, 4, 7, 15, 34, tzinfo=UTC)
    assert upper.notes == "Good one"
    assert [(s.exercise, s.set_type, s.failure, s.rir, s.weight, s.superset_group) for s in upper.sets] == [
        ("Bench Press (Barbell)", SetType.WARMUP, FailureKind.NONE, None, 40, None),
        ("Bench Press (Barbell)", SetType.WORKING, FailureKind.NONE, 2, 80, None),
        ("Bench Press (Barbell)", SetType.WORKING, FailureKind.ABSOLUTE, 0, 80, None),
        ("EZ Bar Biceps Curl", SetType.WORKING, FailureKind.NONE, 1, 30, 0),
        ("Triceps Rope Pushdown", SetType.DROP, FailureKind.NONE, None, 20, 0),
        ("Pull Up (Assisted)", SetType.WORKING, FailureKind.NONE, None, 25, None),
        ("Pull Up", SetType.WORKING, FailureKind.NONE, None, 0.0, None),  # empty weight: body weight
    ]
    # exercise_notes is the workout's note on the exercise, carried by the exercise's first set
    assert [s.exercise_notes for s in upper.sets[:4]] == ["Paused reps", "", "", ""]
    assert all(s.notes == "" for s in upper.sets)  # Hevy has no set notes
    assert legs.sets[0].exercise_notes == "line one\nline two"
    assert legs.sets[0].rir == 3
    assert all(s.unit is WeightUnit.KG for s in upper.sets)
    assert parsed.skipped == {SKIP_CARDIO: 1}


def test_imperial_export_is_in_pounds() -> None:
    parsed = read_hevy(open_csv(FIXTURES / "hevy_lbs.csv"), BERLIN, no_progress)
    assert parsed.label == "Hevy (lb)"
    assert [(s.weight, s.unit, s.rir) for s in parsed.sessions[0].sets] == [
        (135, WeightUnit.LB, None),
        (135, WeightUnit.LB, 1),
    ]


def test_writer_newest_first_rpe_set_types_and_positive_assistance() -> None:
    started, ended = "2026-03-02 17:00:00.000000", "2026-03-02 18:00:00.000000"
    rows = [
        # session_uuid, started, ended, name, notes, exercise, assisted, exercise_order, set_type, kg,
        # reps, rir, failure, set_notes, superset_group, exercise_note
        (
            "s2",
            started,
            ended,
            "Upper",
            "=notes",
            "Bench Press",
            0,
            0,
            "warmup",
            40.0,
            10,
            None,
            "none",
            "",
            None,
            "=elbows in",
        ),
        (
            "s2",
            started,
            ended,
            "Upper",
            "=notes",
            "Bench Press",
            0,
            0,
            "working",
            80.0,
            8,
            2,
            "none",
            "slow",
            None,
            "=elbows in",
        ),
        (
            "s2",
            started,
            ended,
            "Upper",
            "=notes",
            "Bench Press",
            0,
            0,
            "working",
            80.0,
            6,
            0,
            "absolute",
            "",
            None,
            "=elbows in",
        ),
        (
            "s2",
            started,
            ended,
            "Upper",
            "=notes",
            "Assisted Dip",
            1,
            1,
            "drop",
            -15.0,
            8,
            5,
            "none",
            "ok",
            0,
            None,
        ),
        (
            "s2",
            started,
            ended,
            "Upper",
            "=notes",
            "Pull-Up",
            0,
            2,
            "working",
            0.0,
            8,
            0,
            "technical",
            "",
            0,
            None,
        ),
        (
            "s1",
            "2026-02-01 08:00:00.000000",
            None,
            "Legs",
            "",
            "Squat",
            0,
            0,
            "working",
            100.0,
            5,
            4,
            "none",
            "",
            None,
            None,
        ),
    ]
    assert len(rows[0]) == len(FIELDS)
    out = io.StringIO()
    assert write_hevy(out, rows, WeightUnit.KG, LocalTimes(BERLIN)) == (2, 6)
    lines = out.getvalue().split("\n")
    assert lines[0].startswith('"title","start_time","end_time","description","exercise_title"')
    upper = '"Upper","2 Mar 2026, 18:00","2 Mar 2026, 19:00","\'=notes",'
    # The exercise's note, then its set notes (Hevy has no set notes), made inert for spreadsheets.
    assert lines[1] == upper + '"Bench Press",,"\'=elbows in / slow",0,"warmup",40,10,,,'
    assert lines[3] == upper + '"Bench Press",,"\'=elbows in / slow",2,"failure",80,6,,,10'
    assert lines[4] == upper + '"Assisted Dip",0,"ok",0,"dropset",15,8,,,5'
    assert lines[5] == upper + '"Pull-Up",0,"",0,"failure",,8,,,10'
    assert lines[6] == '"Legs","1 Feb 2026, 09:00","","","Squat",,"",0,"normal",100,5,,,6'
    parsed = list(csv.reader(io.StringIO(out.getvalue())))
    assert [row[13] for row in parsed[1:]] == ["", "8", "10", "5", "10", "6"]


def test_writer_in_pounds_names_the_imperial_columns() -> None:
    rows = [
        (
            "s",
            "2026-02-01 08:00:00.000000",
            None,
            "Legs",
            "",
            "Squat",
            0,
            0,
            "working",
            100.0,
            5,
            None,
            "none",
            "",
            None,
            None,
        )
    ]
    out = io.StringIO()
    write_hevy(out, rows, WeightUnit.LB, LocalTimes(BERLIN))
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    assert header[9] == "weight_lbs" and header[11] == "distance_miles"
    assert row[9] == "220.46"


def test_a_mangled_superset_number_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "hevy.csv"
    text = (FIXTURES / "hevy_kg.csv").read_text(encoding="utf-8")
    path.write_text(text.replace('"EZ Bar Biceps Curl",0,', '"EZ Bar Biceps Curl",4e175,'), encoding="utf-8")
    with pytest.raises(ImportFileError) as error:
        read_hevy(open_csv(path), BERLIN, no_progress)
    assert (error.value.line, error.value.problem) == (5, "superset_id 4e175 is not a superset number.")
