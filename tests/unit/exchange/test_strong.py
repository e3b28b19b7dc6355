"""Strong: every header variant, set orders, units, skipped rows, bad lines; the V4 writer."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers.csv_files import FIXTURES, no_progress

from gym_companion.domain.model import FailureKind, SetType, WeightUnit
from gym_companion.exchange.csv_source import open_csv
from gym_companion.exchange.errors import ImportFileError
from gym_companion.exchange.records import SKIP_CARDIO, SKIP_REST_TIMER, ParsedFile
from gym_companion.exchange.strong import FIELDS, read_strong, variant_of, write_strong
from gym_companion.exchange.times import LocalTimes

BERLIN = ZoneInfo("Europe/Berlin")


def read(name: str) -> ParsedFile:
    return read_strong(open_csv(FIXTURES / name), BERLIN, no_progress)


def test_v1_has_its_unit_in_the_header_and_counts_sets_from_zero() -> None:
    parsed = read("strong_v1.csv")
    assert parsed.label == "Strong (V1, comma)"
    assert not parsed.unit_needed
    assert [s.name for s in parsed.sessions] == ["W1D1", "W1D2"]
    first = parsed.sessions[0]
    assert first.started_at == datetime(2016, 10, 3, 17, 30, 55, tzinfo=UTC)  # 19:30:55 CEST
    assert first.ended_at is None and not first.end_known
    assert [(s.exercise, s.weight, s.reps, s.unit) for s in first.sets] == [
        ("Squat", 70.0, 5, WeightUnit.KG),
        ("Squat", 72.5, 5, WeightUnit.KG),
        ("Pull Up (Neutral Grip)", 10.0, 5, WeightUnit.KG),
    ]
    assert first.sets[2].notes == "belt"
    assert parsed.sessions[1].sets[0].reps == 8  # written "8.0"
    assert parsed.skipped == {SKIP_CARDIO: 1}  # the timed plank
    assert parsed.rows == 5


def test_v2_set_orders_rpe_and_rest_timers() -> None:
    parsed = read("strong_v2.csv")
    assert parsed.label == "Strong (V2, comma)"
    assert parsed.unit_needed
    push = parsed.sessions[0]
    assert push.notes == "Felt strong"
    kinds = [(s.set_type, s.failure, s.rir, s.weight) for s in push.sets]
    assert kinds == [
        (SetType.WARMUP, FailureKind.NONE, None, 40),
        (SetType.WORKING, FailureKind.NONE, 2, 60),  # RPE 8
        (SetType.WORKING, FailureKind.NONE, 1, 60),  # RPE 9.5
        (SetType.WORKING, FailureKind.ABSOLUTE, 0, 60),  # F
        (SetType.DROP, FailureKind.NONE, None, 40),  # D
        (SetType.WORKING, FailureKind.NONE, 0, 25),  # RPE 10: no rep left, not failure
    ]
    assert all(s.unit is None for s in push.sets)
    assert parsed.skipped == {SKIP_REST_TIMER: 1, SKIP_CARDIO: 1}
    assert parsed.sessions[1].sets[1].rir == 3  # RPE 7.5: 2.5 reps left rounds up


def test_v3_semicolons_with_a_unit_per_row() -> None:
    parsed = read("strong_v3.csv")
    assert parsed.label == "Strong (V3, semicolon)"
    assert not parsed.unit_needed  # the bodyweight row has no unit but no load either
    [session] = parsed.sessions
    assert session.notes == "Morning"
    assert [(s.weight, s.unit) for s in session.sets] == [
        (135, WeightUnit.LB),
        (135, WeightUnit.LB),
        (0, WeightUnit.KG),
        (30, WeightUnit.KG),
    ]
    assert parsed.skipped == {SKIP_CARDIO: 1}  # the run


def test_v4_duration_gives_the_end_and_local_times_follow_dst() -> None:
    parsed = read("strong_v4.csv")
    assert parsed.label == "Strong (V4, comma)"
    winter, summer = parsed.sessions
    assert winter.started_at == datetime(2021, 2, 10, 15, 46, 13, tzinfo=UTC)  # CET, +1
    assert winter.ended_at == winter.started_at + timedelta(hours=1, minutes=40)
    assert summer.started_at == datetime(2021, 7, 1, 16, 0, tzinfo=UTC)  # CEST, +2
    assert summer.ended_at == summer.started_at + timedelta(seconds=55)
    assert winter.notes == "Gym 2"
    assert winter.sets[2].notes == "Rückenschmerzen"
    assert parsed.skipped == {SKIP_REST_TIMER: 1, SKIP_CARDIO: 1}


def test_v4_with_semicolons_and_decimal_commas() -> None:
    parsed = read("strong_v4_semicolon.csv")
    assert parsed.label == "Strong (V4, semicolon)"
    assert [(s.weight, s.rir) for s in parsed.sessions[0].sets] == [(77.5, 2), (77.5, None)]


def test_v5() -> None:
    parsed = read("strong_v5.csv")
    assert parsed.label == "Strong (V5, comma)"
    assert parsed.unit_needed
    assert [(s.exercise, s.set_type, s.rir) for s in parsed.sessions[0].sets] == [
        ("Leg Press", SetType.WORKING, None),
        ("Leg Press", SetType.WORKING, 1),
        ("Lat Pulldown (Cable)", SetType.WARMUP, None),
    ]
    assert parsed.sessions[0].ended_at == parsed.sessions[0].started_at + timedelta(minutes=45)


def test_variants_are_recognised_exactly() -> None:
    for name, variant in [("strong_v1.csv", "V1"), ("strong_v3.csv", "V3"), ("strong_v5.csv", "V5")]:
        assert variant_of(open_csv(FIXTURES / name).header) == variant
    assert (
        variant_of(
            ("Date", "Workout Name", "Exercise Name", "Set Order", "lbs", "Reps", "mi", "Seconds", "Notes")
        )
        == "V1"
    )
    assert variant_of(("Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Reps")) is None


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (
            "2019-03-04 18:00:00,A,Squat,X,60,5,0,0,,,",
            "Set Order “x” is not a number, W, D, F or Rest Timer.",
        ),
        ("2019-03-04 18:00:00,A,Squat,1,sixty,5,0,0,,,", "Weight “sixty” is not a number."),
        ("2019-03-04 18:00:00,A,Squat,1,60,5.5,0,0,,,", "Reps “5.5” is not a whole number."),
        ("yesterday,A,Squat,1,60,5,0,0,,,", "Date “yesterday” is not a date and time this app reads."),
        ("2019-03-04 18:00:00,A,Squat,1,60,5,0,0,,,12", "RPE 12 is outside 0–10."),
    ],
)
def test_a_bad_row_names_its_line_and_problem(tmp_path: Path, row: str, problem: str) -> None:
    path = tmp_path / "bad.csv"
    good = "2019-03-04 18:00:00,A,Squat,1,60,5,0,0,,,"
    path.write_text(
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
        f"{good}\n{good}\n{row}\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFileError) as error:
        read_strong(open_csv(path), BERLIN, no_progress)
    assert (error.value.line, error.value.problem) == (4, problem)


def test_v4_writer_letters_rpe_assisted_and_inert_text() -> None:
    raw = "2026-03-02 17:00:00.000000"
    end = "2026-03-02 18:38:20.000000"
    s1 = ("s1", raw, end, "=Push", "gym 2")
    rows = [
        # session_uuid, started, ended, name, notes, exercise, assisted, exercise_order, set_type, kg, reps,
        # rir, failure, set_notes, exercise_note
        (*s1, "Bench Press", 0, 0, "warmup", 40.0, 10, None, "none", "", "shoulders warm"),
        (*s1, "Bench Press", 0, 0, "working", 60.0, 8, 2, "none", "-easy", "shoulders warm"),
        (*s1, "Bench Press", 0, 0, "working", 60.0, 6, 0, "technical", "", "shoulders warm"),
        (*s1, "Bench Press", 0, 0, "drop", 40.0, 10, None, "none", "", "shoulders warm"),
        (*s1, "Assisted Pull-Up", 1, 1, "working", -20.0, 8, 3, "none", "grip", "=band"),
        ("s2", "2026-07-01 16:00:00.000000", None, "Legs", "", "Squat", 0, 0, "working", 100.0, 5, None,
         "none", "", None),
    ]  # fmt: skip
    assert len(rows[0]) == len(FIELDS)
    out = io.StringIO()
    assert write_strong(out, rows, WeightUnit.LB, LocalTimes(BERLIN)) == (2, 6)
    # Notes: the set's note; the workout's note on an exercise leads its first set's Notes (Strong has no
    # column for it). Workout Notes: on the workout's first row.
    assert out.getvalue().splitlines() == [
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE",
        "2026-03-02 18:00:00,'=Push,1h 38m,Bench Press,W,88.18,10,0,0,shoulders warm,gym 2,",
        "2026-03-02 18:00:00,'=Push,1h 38m,Bench Press,1,132.28,8,0,0,'-easy,,8",
        "2026-03-02 18:00:00,'=Push,1h 38m,Bench Press,F,132.28,6,0,0,,,10",
        "2026-03-02 18:00:00,'=Push,1h 38m,Bench Press,D,88.18,10,0,0,,,",
        "2026-03-02 18:00:00,'=Push,1h 38m,Assisted Pull-Up,1,44.09,8,0,0,'=band / grip,,7",
        "2026-07-01 18:00:00,Legs,,Squat,1,220.46,5,0,0,,,",
    ]
