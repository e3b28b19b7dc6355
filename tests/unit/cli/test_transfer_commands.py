"""`gym-companion import` / `export`: one line on success, a clear message and exit 1 on bad input,
no traceback, and the database left as it was."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from helpers.csv_files import FIXTURES, snapshot

from gym_companion.cli import main
from gym_companion.services.session_factory import open_context


def count_sets(db: Path) -> int:
    with closing(sqlite3.connect(db)) as con:
        return int(con.execute("SELECT count(*) FROM set_entry").fetchone()[0])


def test_import_prints_one_line_and_exports_read_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "gym.sqlite3"
    assert main(["import", str(FIXTURES / "hevy_kg.csv"), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out.startswith("Imported 2 workouts with 8 sets from Hevy (kg), loads read as kg")
    assert count_sets(db) == 8

    target = tmp_path / "mine.csv"
    assert main(["export", str(target), "--db", str(db), "--format", "hevy", "--unit", "lb"]) == 0
    assert capsys.readouterr().out.startswith("Exported 2 workouts with 8 sets to")
    assert '"weight_lbs"' in target.read_text(encoding="utf-8").splitlines()[0]
    assert main(["export", str(tmp_path / "all.csv"), "--db", str(db)]) == 0
    with (tmp_path / "all.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.reader(handle))) == 1 + 8  # header and every set


def test_a_bad_line_is_named_and_nothing_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "gym.sqlite3"
    assert main(["import", str(FIXTURES / "strong_v1.csv"), "--db", str(db)]) == 0
    capsys.readouterr()
    before = snapshot(db)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        (FIXTURES / "strong_v3.csv").read_text(encoding="utf-8").replace("135;lbs;8", "135;stone;8"),
        encoding="utf-8",
    )
    assert main(["import", str(bad), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err == "gym-companion: bad.csv: line 3: Weight Unit “stone” is not kg or lbs.\n"
    assert snapshot(db) == before


def test_a_unitless_file_asks_for_unit_with_the_guess(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "gym.sqlite3"
    assert main(["import", str(FIXTURES / "strong_v2.csv"), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "strong_v2.csv does not say whether loads are kg or lb. Pass --unit kg or --unit lb." in err
    assert "Best guess: 100 % of the loads are multiples of 5" in err and "looks like lb" in err
    assert count_sets(db) == 0
    assert main(["import", str(FIXTURES / "strong_v2.csv"), "--db", str(db), "--unit", "lb"]) == 0
    assert count_sets(db) == 8


def test_missing_file_missing_database_and_forced_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "gym.sqlite3"
    assert main(["import", str(tmp_path / "nope.csv"), "--db", str(db)]) == 1
    assert capsys.readouterr().err == f"gym-companion: there is no file at {tmp_path / 'nope.csv'}.\n"
    assert main(["export", str(tmp_path / "out.csv"), "--db", str(tmp_path / "none.sqlite3")]) == 1
    assert "there is no database at" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()
    assert main(["import", str(FIXTURES / "strong_v4.csv"), "--db", str(db), "--format", "fitnotes"]) == 1
    assert "this is not a FitNotes file: the header lacks Exercise, Category" in capsys.readouterr().err


def test_a_database_open_in_the_app_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "gym.sqlite3"
    context = open_context(db)  # as if the window had it open
    try:
        assert main(["import", str(FIXTURES / "hevy_kg.csv"), "--db", str(db)]) == 1
        assert "already open in another Gym Companion window" in capsys.readouterr().err
        assert main(["export", str(tmp_path / "x.csv"), "--db", str(db)]) == 1
        assert "already open" in capsys.readouterr().err
    finally:
        context.close()
    assert count_sets(db) == 0


def test_no_traceback_from_the_console_script(tmp_path: Path) -> None:
    bad = tmp_path / "photo.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = subprocess.run(
        [sys.executable, "-m", "gym_companion", "import", str(bad), "--db", str(tmp_path / "gym.sqlite3")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == "gym-companion: photo.csv is not a text file (it contains binary data).\n"
    assert "Traceback" not in result.stderr
