"""The command line: version, help, demo history written deterministically, clear errors."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gym_companion import __version__
from gym_companion.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"gym-companion {__version__}"


def test_demo_writes_realistic_history(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db), "--years", "1", "--seed", "3"]) == 0
    assert "workouts" in capsys.readouterr().out
    with sqlite3.connect(db) as con:
        sessions = con.execute("SELECT count(*) FROM workout_session").fetchone()[0]
        failure_sets = con.execute("SELECT count(*) FROM set_entry WHERE failure != 'none'").fetchone()[0]
        warmups = con.execute("SELECT count(*) FROM set_entry WHERE set_type = 'warmup'").fetchone()[0]
        weigh_ins = con.execute("SELECT count(*) FROM bodyweight").fetchone()[0]
        exercises = con.execute("SELECT count(*) FROM exercise").fetchone()[0]
    assert 150 <= sessions <= 260  # about four a week
    assert failure_sets > 0 and warmups > 0 and weigh_ins > 50
    assert exercises >= 150


def test_demo_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    def dump(path: Path) -> list[tuple[object, ...]]:
        with sqlite3.connect(path) as con:
            return con.execute(
                "SELECT s.uuid, s.weight_kg, s.reps, s.rir, s.failure FROM set_entry s ORDER BY s.uuid"
            ).fetchall()

    from datetime import UTC, datetime

    from gym_companion.services.demo import write_demo_history

    end = datetime(2026, 6, 1, 12, tzinfo=UTC)
    write_demo_history(tmp_path / "a.sqlite3", years=0.5, seed=7, end=end)
    write_demo_history(tmp_path / "b.sqlite3", years=0.5, seed=7, end=end)
    assert dump(tmp_path / "a.sqlite3") == dump(tmp_path / "b.sqlite3") != []


def test_demo_refuses_a_locked_or_bad_database_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("hello, not a database")
    assert main(["demo", "--db", str(bad), "--years", "1"]) == 1
    assert "not a Gym Companion database" in capsys.readouterr().err
    assert bad.read_text() == "hello, not a database"
    assert main(["demo", "--db", str(tmp_path / "x.sqlite3"), "--years", "0"]) == 2


def test_module_entry_point_prints_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gym_companion", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert "--demo" in result.stdout and "demo" in result.stdout
