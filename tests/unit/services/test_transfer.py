"""The transfer service against a real SQLite file: what lands in the tables, idempotence, all-or-nothing,
remembered mappings, cancelling, the lossless native round trip and atomic exports."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers.csv_files import FIXTURES, snapshot, transfer_service

from gym_companion.domain.model import WeightUnit
from gym_companion.services.transfer import (
    ImportCancelled,
    ImportFileError,
    TransferError,
    TransferService,
    UnitNeededError,
)

BERLIN = ZoneInfo("Europe/Berlin")
LB = 0.45359237


@pytest.fixture
def service(db_path: Path) -> Iterator[TransferService]:
    opened, close = transfer_service(db_path, BERLIN)
    yield opened
    close()


def rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db_path)) as con:
        return con.execute(sql).fetchall()


SETS_SQL = """
SELECT s.name, e.name, t.exercise_order, t.set_order, t.set_type, round(t.weight_kg, 6), t.reps, t.rir,
       t.failure, t.unit_shown, t.logged_at
FROM set_entry t JOIN workout_session s ON s.id = t.session_id JOIN exercise e ON e.id = t.exercise_id
ORDER BY s.started_at, t.exercise_order, t.set_order
"""


def test_strong_import_stores_sets_the_way_the_app_logs_them(service: TransferService, db_path: Path) -> None:
    summary = service.import_file(FIXTURES / "strong_v2.csv", unit=WeightUnit.LB)
    assert (summary.sessions_added, summary.sets_added, summary.sessions_already_present) == (2, 8, 0)
    assert summary.skipped == {"rest-timer rows": 1, "cardio and timed rows": 1}
    assert summary.unit is WeightUnit.LB
    assert summary.sentence() == (
        "Imported 2 workouts with 8 sets from Strong (V2, comma), loads read as lb; "
        "skipped cardio and timed rows (1), rest-timer rows (1)."
    )
    push, pull = "2019-03-04 17:00:0", "2019-03-06 06:30:0"  # + the second, ".000000"
    work, ok, assisted = "working", "none", round(-20 * LB, 6)
    assert rows(db_path, SETS_SQL) == [
        ("Push Day", "Bench Press", 0, 0, "warmup", round(40 * LB, 6), 10, None, ok, "lb", f"{push}0.000000"),
        ("Push Day", "Bench Press", 0, 1, work, round(60 * LB, 6), 8, 2, ok, "lb", f"{push}1.000000"),
        ("Push Day", "Bench Press", 0, 2, work, round(60 * LB, 6), 7, 1, ok, "lb", f"{push}2.000000"),
        ("Push Day", "Bench Press", 0, 3, work, round(60 * LB, 6), 6, 0, "absolute", "lb", f"{push}3.000000"),
        ("Push Day", "Bench Press", 0, 4, "drop", round(40 * LB, 6), 10, None, ok, "lb", f"{push}4.000000"),
        ("Push Day", "Triceps Pushdown", 1, 0, work, round(25 * LB, 6), 12, 0, ok, "lb", f"{push}5.000000"),
        ("Pull Day", "Assisted Pull-Up", 0, 0, work, assisted, 8, None, ok, "lb", f"{pull}0.000000"),
        ("Pull Day", "Deadlift", 1, 0, work, round(100 * LB, 6), 5, 3, ok, "lb", f"{pull}1.000000"),
    ]  # fmt: skip
    # No duration in V2: the workout ends at its last set, so it is not mistaken for one in progress.
    assert rows(
        db_path, "SELECT name, started_at, ended_at, notes FROM workout_session ORDER BY started_at"
    ) == [
        ("Push Day", "2019-03-04 17:00:00.000000", "2019-03-04 17:00:05.000000", "Felt strong"),
        ("Pull Day", "2019-03-06 06:30:00.000000", "2019-03-06 06:30:01.000000", ""),
    ]


def test_a_known_duration_spreads_the_sets_over_the_workout(service: TransferService, db_path: Path) -> None:
    service.import_file(FIXTURES / "strong_v4.csv", unit=WeightUnit.KG)
    logged = [r[0] for r in rows(db_path, "SELECT logged_at FROM set_entry ORDER BY logged_at")]
    # 3 sets over 1 h 40 m from 15:46:13 UTC: one every 33 m 20 s, the last at the end.
    assert logged[:3] == [
        "2021-02-10 16:19:33.000000",
        "2021-02-10 16:52:53.000000",
        "2021-02-10 17:26:13.000000",
    ]
    ended = rows(db_path, "SELECT ended_at FROM workout_session ORDER BY started_at")
    assert ended[0] == ("2021-02-10 17:26:13.000000",)


def test_importing_the_same_file_twice_adds_nothing(
    service: TransferService, db_path: Path, tmp_path: Path
) -> None:
    first = service.import_file(FIXTURES / "hevy_kg.csv")
    before = snapshot(db_path)
    again = service.import_file(FIXTURES / "hevy_kg.csv")
    assert (again.sessions_added, again.sets_added, again.sessions_already_present) == (0, 0, 2)
    assert snapshot(db_path) == before
    # A later export from the app holds the old workouts and a new one: only the new one is added.
    later = tmp_path / "later.csv"
    text = (FIXTURES / "hevy_kg.csv").read_text(encoding="utf-8")
    later.write_text(
        text + '"Arms","9 Apr 2024, 18:00","9 Apr 2024, 18:40","","Hammer Curl (Dumbbell)",,"",0,'
        '"normal",16,12,,,\n',
        encoding="utf-8",
    )
    newer = service.import_file(later)
    assert (newer.sessions_added, newer.sets_added, newer.sessions_already_present) == (1, 1, 2)
    assert first.sets_added + 1 == rows(db_path, "SELECT count(*) FROM set_entry")[0][0]


def test_a_bad_row_anywhere_leaves_the_database_unchanged(
    service: TransferService, db_path: Path, tmp_path: Path
) -> None:
    service.import_file(FIXTURES / "strong_v1.csv")
    before = snapshot(db_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes\n"
        '2020-01-06 18:00:00,"A","Brand New Lift",0,50,5,0,0,""\n'  # would become a custom exercise
        '2020-01-06 18:00:00,"A","Squat",0,100,5,0,0,""\n'
        '2020-01-08 18:00:00,"B","Squat",1,100,five,0,0,""\n',
        encoding="utf-8",
    )
    with pytest.raises(ImportFileError) as error:
        service.import_file(bad)
    assert (error.value.line, error.value.problem) == (4, "Reps “five” is not a number.")
    assert snapshot(db_path) == before


def test_rows_the_app_would_not_accept_are_skipped_and_counted(
    service: TransferService, db_path: Path, tmp_path: Path
) -> None:
    odd = tmp_path / "odd.csv"
    odd.write_text(
        "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes\n"
        '2020-01-06 18:00:00,"A","Bench Press",0,-20,5,0,0,""\n'  # negative, not an assisted exercise
        '2020-01-06 18:00:00,"A","Bench Press",1,60,877777,0,0,""\n'  # a typo in reps
        '2020-01-06 18:00:00,"A","Bench Press",2,1200,1,0,0,""\n'  # more than any gym load
        '2020-01-06 18:00:00,"A","Bench Press",3,60,8,0,0,""\n',
        encoding="utf-8",
    )
    summary = service.import_file(odd)
    assert summary.sets_added == 1
    assert summary.skipped == {
        "negative loads on exercises that are not assisted": 1,
        "rows with implausible reps or load": 2,
    }


def test_a_unitless_file_needs_a_unit_and_the_preview_guesses_it(
    service: TransferService, db_path: Path
) -> None:
    preview = service.preview(FIXTURES / "strong_v2.csv")
    assert preview.unit_needed
    assert preview.unit_guess is WeightUnit.LB
    assert preview.unit_guess_reason.startswith("100 % of the loads are multiples of 5")
    assert preview.sample_loads == (40, 60, 25, 20, 100)
    with pytest.raises(UnitNeededError) as error:
        service.import_file(FIXTURES / "strong_v2.csv")
    assert error.value.guess == "lb"
    assert "choose the unit" in str(error.value)
    assert rows(db_path, "SELECT count(*) FROM set_entry") == [(0,)]


def test_preview_lists_what_would_happen(service: TransferService) -> None:
    preview = service.preview(FIXTURES / "fitnotes.csv")
    assert (preview.format, preview.format_label) == ("fitnotes", "FitNotes")
    assert (preview.sessions, preview.sets, preview.sessions_already_present) == (2, 6, 0)
    assert preview.first_sessions[0].started == datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
    assert preview.first_sessions[0].exercises == ("Barbell Row", "Cable Curl", "Zottman Wrist Thing")
    assert preview.first_sessions[0].sets == 5
    assert preview.exercise_names == (
        "Barbell Row",
        "Cable Curl",
        "Zottman Wrist Thing",
        "Flat Barbell Bench Press",
    )
    assert preview.unknown == ("Zottman Wrist Thing",)
    assert set(preview.matched) == {"Barbell Row", "Cable Curl", "Flat Barbell Bench Press"}
    assert preview.skipped == {"cardio and timed rows": 1}
    service.import_file(FIXTURES / "fitnotes.csv")
    assert service.preview(FIXTURES / "fitnotes.csv").sessions_already_present == 2


def test_unknown_names_become_custom_exercises_with_guessed_muscles(
    service: TransferService, db_path: Path
) -> None:
    summary = service.import_file(FIXTURES / "fitnotes.csv")
    assert summary.exercises_created == ("Zottman Wrist Thing",)
    assert summary.exercises_guessed == ("Zottman Wrist Thing",)  # so the summary asks to check them
    assert "new custom exercises (check their muscles): Zottman Wrist Thing" in summary.sentence()
    assert rows(
        db_path,
        "SELECT e.name, e.is_custom, m.muscle, m.role FROM exercise e "
        "JOIN exercise_muscle m ON m.exercise_id = e.id WHERE e.name = 'Zottman Wrist Thing'",
    ) == [("Zottman Wrist Thing", 1, "forearms", "primary")]  # from FitNotes' category
    # 10 lbs on that row, the rest kg
    assert rows(
        db_path, "SELECT round(weight_kg, 6), unit_shown FROM set_entry WHERE reps = 12 AND unit_shown = 'lb'"
    ) == [(round(10 * LB, 6), "lb")]


def test_a_chosen_mapping_is_used_and_remembered(service: TransferService, db_path: Path) -> None:
    catalog = {name: i for (i, name) in rows(db_path, "SELECT id, name FROM exercise")}
    summary = service.import_file(
        FIXTURES / "hevy_kg.csv",
        mapping={"EZ Bar Biceps Curl": catalog["Preacher Curl"], "Triceps Rope Pushdown": None},
    )
    assert "Triceps Rope Pushdown (2)" not in summary.exercises_created
    created = summary.exercises_created
    assert created == ("Triceps Rope Pushdown",)  # the user asked for their own exercise
    remembered = service.remembered_mapping()
    assert remembered["EZ Bar Biceps Curl"] == catalog["Preacher Curl"]
    custom_id = rows(db_path, "SELECT id FROM exercise WHERE name = 'Triceps Rope Pushdown'")[0][0]
    assert remembered["Triceps Rope Pushdown"] == custom_id
    assert rows(
        db_path,
        "SELECT count(*) FROM set_entry WHERE exercise_id = ?".replace("?", str(catalog["Preacher Curl"])),
    ) == [(1,)]
    # Next time, any spelling of the name maps the same way without asking.
    preview = service.preview(FIXTURES / "hevy_kg.csv")
    assert preview.matched["EZ Bar Biceps Curl"] == catalog["Preacher Curl"]
    assert preview.matched["Triceps Rope Pushdown"] == custom_id


def test_cancelling_while_reading_or_writing_leaves_the_database_unchanged(
    service: TransferService, db_path: Path, tmp_path: Path
) -> None:
    big = tmp_path / "big.csv"
    lines = ["Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes"]
    for day in range(300):
        for order in range(8):
            date = f"2020-{1 + day // 28:02d}-{1 + day % 28:02d} 18:00:00"
            lines.append(f"{date},Day,New Lift {day % 3},{order},50,5,0,0,")
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = snapshot(db_path)
    calls: list[tuple[int, int]] = []

    def stop_reading(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 1000

    with pytest.raises(ImportCancelled):
        service.import_file(big, progress=stop_reading)
    assert calls[0] == (500, 2400) and calls[-1][0] >= 1000
    assert snapshot(db_path) == before

    def stop_writing(done: int, total: int) -> bool:
        return done < total  # reading finishes, the first write check cancels

    with pytest.raises(ImportCancelled):
        service.import_file(big, progress=stop_writing, mapping={"New Lift 0": None})
    assert snapshot(db_path) == before
    done = service.import_file(big, progress=lambda done, total: True)
    assert done.sets_added == 2400 and len(done.exercises_created) == 3


def test_native_round_trip_is_byte_identical(service: TransferService, db_path: Path, tmp_path: Path) -> None:
    summary = service.import_file(FIXTURES / "native.csv")
    assert (summary.sessions_added, summary.sets_added) == (2, 6)
    assert summary.exercises_created == ("My Odd Lift",)
    assert rows(db_path, "SELECT count(*) FROM workout_session WHERE ended_at IS NULL") == [(1,)]
    assert rows(db_path, "SELECT weight_kg, failure FROM set_entry WHERE rest_before_s = 120") == [
        (-20.0, "technical")
    ]
    exported = service.export_file(tmp_path / "out.csv")
    assert (exported.sessions, exported.sets, exported.format) == (2, 6, "native")
    assert exported.path.read_bytes() == (FIXTURES / "native.csv").read_bytes()
    other, close = transfer_service(tmp_path / "second.sqlite3", BERLIN)
    try:
        other.import_file(exported.path)
        assert other.export_file(tmp_path / "again.csv").path.read_bytes() == exported.path.read_bytes()
    finally:
        close()


def test_hevy_and_strong_exports_read_back(service: TransferService, db_path: Path, tmp_path: Path) -> None:
    service.import_file(FIXTURES / "hevy_kg.csv")
    original = rows(
        db_path, "SELECT round(weight_kg, 2), reps, rir, failure, set_type FROM set_entry ORDER BY logged_at"
    )
    for fmt in ("hevy", "strong"):
        path = service.export_file(tmp_path / f"{fmt}.csv", fmt, WeightUnit.KG).path
        other, close = transfer_service(tmp_path / f"{fmt}.sqlite3", BERLIN)
        try:
            summary = other.import_file(path, unit=WeightUnit.KG)
            assert summary.sets_added == len(original)
        finally:
            close()
        back = rows(
            tmp_path / f"{fmt}.sqlite3",
            "SELECT round(weight_kg, 2), reps, rir, failure, set_type FROM set_entry ORDER BY logged_at",
        )
        assert sorted(back, key=repr) == sorted(original, key=repr), fmt
    hevy_text = (tmp_path / "hevy.csv").read_text(encoding="utf-8")
    assert '"Assisted Pull-Up",,"",0,"normal",25,6' in hevy_text  # assistance written positive


def test_export_filters_by_start_and_includes_unfinished_workouts(
    service: TransferService, tmp_path: Path
) -> None:
    service.import_file(FIXTURES / "native.csv")
    summary = service.export_file(
        tmp_path / "march4.csv",
        start=datetime(2026, 3, 3, tzinfo=UTC),
        end=datetime(2026, 3, 4, 7, tzinfo=UTC),
    )
    assert (summary.sessions, summary.sets) == (1, 2)  # the workout still in progress
    assert "Exported 1 workout with 2 sets to" in summary.sentence()


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(
    service: TransferService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.import_file(FIXTURES / "native.csv")
    target = tmp_path / "history.csv"
    target.write_text("yesterday's export", encoding="utf-8")

    def broken(*_args: object) -> tuple[int, int]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("gym_companion.services.transfer.write_rows", broken)
    with pytest.raises(TransferError, match=r"Cannot write .*history\.csv: No space left on device"):
        service.export_file(target)
    assert target.read_text(encoding="utf-8") == "yesterday's export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".history")) == []
    with pytest.raises(TransferError, match="is a folder"):
        service.export_file(tmp_path)
    with pytest.raises(TransferError, match="not a format this app writes"):
        service.export_file(target, "fitnotes")


def test_missing_and_binary_files(service: TransferService, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="There is no file"):
        service.preview(tmp_path / "nothing.csv")
    shutil.copy(Path(__file__), tmp_path / "code.csv")
    with pytest.raises(ImportFileError, match="matches none of the formats"):
        service.preview(tmp_path / "code.csv")


def test_an_import_runs_on_a_worker_thread(service: TransferService, db_path: Path) -> None:
    import threading

    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(service.import_file(FIXTURES / "hevy_lbs.csv")))
    worker.start()
    worker.join(timeout=30)
    [summary] = outcome
    assert getattr(summary, "sets_added", None) == 2
    assert rows(db_path, "SELECT round(weight_kg, 4), unit_shown FROM set_entry") == [(61.235, "lb")] * 2


def test_two_fitnotes_logbooks_with_the_same_dates_are_both_kept(
    service: TransferService, tmp_path: Path
) -> None:
    """FitNotes gives a date and no time: the date alone must not make different training one workout."""
    header = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(header + "2024-05-06,Flat Barbell Bench Press,Chest,80.0,kgs,5,,,,\n", encoding="utf-8")
    second.write_text(header + "2024-05-06,Barbell Squat,Legs,100.0,kgs,5,,,,\n", encoding="utf-8")
    assert service.import_file(first).sessions_added == 1
    again = service.import_file(second)
    assert (again.sessions_added, again.sessions_already_present) == (1, 0)
    assert service.import_file(second).sessions_already_present == 1
