"""Property tests: whatever a file holds, an import either writes all of it or nothing, and never crashes.

Files are the project's fixtures with random cells replaced, characters inserted or deleted, and rows
made up from random text. Each import must end in a summary whose counts match what the tables gained,
or in ImportFileError with the tables exactly as before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from zoneinfo import ZoneInfo

from helpers.csv_files import FIXTURES, snapshot, transfer_service
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gym_companion.domain.model import WeightUnit
from gym_companion.services.transfer import ImportFileError, TransferService

BERLIN = ZoneInfo("Europe/Berlin")
CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["", "0", "-5", "1e400", "nan", "8.0", "W", "D", "F", "Rest Timer", "=1+1", '"', ";", ",", "\n"]
    ),
    st.integers(-(10**6), 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
FILES = ["strong_v2.csv", "strong_v3.csv", "strong_v4.csv", "hevy_kg.csv", "fitnotes.csv", "native.csv"]


def counts(db_path: Path) -> tuple[int, int]:
    with closing(sqlite3.connect(db_path)) as con:
        return (
            con.execute("SELECT count(*) FROM workout_session").fetchone()[0],
            con.execute("SELECT count(*) FROM set_entry").fetchone()[0],
        )


def check_all_or_nothing(service: TransferService, db_path: Path, path: Path) -> None:
    before, (sessions, sets) = snapshot(db_path), counts(db_path)
    try:
        summary = service.import_file(path, unit=WeightUnit.KG)
    except ImportFileError as error:
        assert str(error)  # a sentence for the user
        assert snapshot(db_path) == before
        return
    assert counts(db_path) == (sessions + summary.sessions_added, sets + summary.sets_added)


def run_with_database(tmp_path: Path, body: Callable[[TransferService, Path], None]) -> None:
    db_path = tmp_path / "gym.sqlite3"
    service, close = transfer_service(db_path, BERLIN)
    try:
        body(service, db_path)
    finally:
        close()


def test_mutated_fixtures_import_whole_or_not_at_all(tmp_path: Path) -> None:
    def body(service: TransferService, db_path: Path) -> None:
        @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(
            name=st.sampled_from(FILES),
            edits=st.lists(
                st.tuples(st.sampled_from(["cell", "insert", "delete"]), st.integers(0, 10**6), CELLS),
                min_size=1,
                max_size=4,
            ),
        )
        def check(name: str, edits: list[tuple[str, int, str]]) -> None:
            text = (FIXTURES / name).read_bytes().decode("utf-8")
            for kind, where, value in edits:
                if kind == "insert":
                    at = where % (len(text) + 1)
                    text = text[:at] + value + text[at:]
                elif kind == "delete" and text:
                    at = where % len(text)
                    text = text[:at] + text[at + 1 :]
                else:
                    lines = text.split("\n")
                    row = 1 + where % max(len(lines) - 1, 1)
                    if row < len(lines):
                        cells = lines[row].split(",")
                        cells[where % len(cells)] = value
                        lines[row] = ",".join(cells)
                    text = "\n".join(lines)
            path = tmp_path / "mutated.csv"
            path.write_text(text, encoding="utf-8")
            check_all_or_nothing(service, db_path, path)

        check()

    run_with_database(tmp_path, body)


def test_made_up_rows_import_whole_or_not_at_all(tmp_path: Path) -> None:
    header = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes"
    )
    header += ",RPE"

    def body(service: TransferService, db_path: Path) -> None:
        @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(
            rows=st.lists(
                st.tuples(
                    st.sampled_from([f"2024-01-0{d} 18:00:00" for d in range(1, 10)] + ["2024-13-01", ""]),
                    CELLS,  # workout name
                    st.sampled_from(["1h", "", "45min", "x"]),
                    st.sampled_from(["Squat", "Pull Up (Assisted)", "New Lift", ""]),
                    CELLS,  # set order
                    CELLS,  # weight
                    CELLS,  # reps
                    CELLS,  # RPE
                ),
                min_size=1,
                max_size=6,
            )
        )
        def check(rows: list[tuple[str, ...]]) -> None:
            import csv
            import io

            out = io.StringIO()
            writer = csv.writer(out)
            writer.writerow(header.split(","))
            for date, name, duration, exercise, order, weight, reps, rpe in rows:
                writer.writerow([date, name, duration, exercise, order, weight, reps, "0", "0", "", "", rpe])
            path = tmp_path / "made_up.csv"
            path.write_text(out.getvalue(), encoding="utf-8")
            check_all_or_nothing(service, db_path, path)

        check()

    run_with_database(tmp_path, body)
