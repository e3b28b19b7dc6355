"""CSV export of ~100k sets vs a bare sqlite3 + csv.writer dump of the same rows; a 25k-row Strong import.

Runs against the transfer service (gym_companion/services/transfer.py, TransferService.export_file and
import_file, reached as AppContext.transfer). The export database is a demo history long enough to hold
100,000 sets; the import goes into a new, empty database, as when a lifter moves over from Strong.
"""

from __future__ import annotations

import csv
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.databases import demo_database, fresh_copy
from benchmarks.rows import TransferResult

EXPORT_SETS = 100_000
EXPORT_YEARS = 22.5  # the demo generator writes about 4,460 sets a year
IMPORT_ROWS = 25_000

BARE_HEADER = (
    "session_uuid", "started", "ended", "name", "notes", "exercise", "exercise_order", "set_order",
    "set_type", "weight_kg", "unit_shown", "reps", "rir", "failure", "rest_before_s", "logged_at",
    "set_notes", "superset_group", "set_uuid",
)  # fmt: skip
# The same rows and columns the native export writes, as stored (no conversion at all).
BARE_QUERY = """
SELECT s.uuid, s.started_at, s.ended_at, s.name, s.notes, e.name, t.exercise_order, t.set_order,
       t.set_type, t.weight_kg, t.unit_shown, t.reps, t.rir, t.failure, t.rest_before_s, t.logged_at,
       t.notes, t.superset_group, t.uuid
FROM set_entry t JOIN workout_session s ON s.id = t.session_id JOIN exercise e ON e.id = t.exercise_id
ORDER BY s.started_at, s.id, t.exercise_order, t.set_order
"""


def bare_dump(db_path: Path, out: Path) -> int:
    """The floor: every set with its session and exercise name straight from sqlite3 into csv.writer."""
    con = sqlite3.connect(db_path)
    try:
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(BARE_HEADER)
            cursor = con.execute(BARE_QUERY)
            count = 0
            while rows := cursor.fetchmany(5000):
                writer.writerows(rows)
                count += len(rows)
    finally:
        con.close()
    return count


def transfer_available() -> str | None:
    """None when the transfer service can be used, else why not (a sentence for the table)."""
    try:
        from gym_companion.services import transfer
    except ImportError as exc:
        return f"not measured — the transfer service is not importable yet ({exc})"
    if not hasattr(transfer, "TransferService"):
        return "not measured — services/transfer.py has no TransferService yet"
    return None


def measure_transfer(runs: int, export: bool, import_: bool) -> TransferResult:
    """Export and import timings, `runs` each (export alternating with the bare dump)."""
    missing = transfer_available()
    if missing is not None:
        return TransferResult(note=missing)
    from gym_companion.domain.model import WeightUnit
    from gym_companion.services.session_factory import open_context

    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="gym-bench-csv-") as folder:
        home = Path(folder)
        if export:
            db = demo_database(EXPORT_YEARS)
            database = fresh_copy(db.path, home / "export")
            context = open_context(database)
            ours, bare = [], []
            try:
                if context.transfer is None:
                    return TransferResult(note="not measured — AppContext.transfer is not wired yet")
                for index in range(runs):
                    started = time.perf_counter()
                    summary = context.transfer.export_file(home / f"ours{index}.csv", "native", WeightUnit.KG)
                    ours.append(time.perf_counter() - started)
                    started = time.perf_counter()
                    dumped = bare_dump(database, home / f"bare{index}.csv")
                    bare.append(time.perf_counter() - started)
                    if summary.sets != dumped:
                        raise RuntimeError(f"export wrote {summary.sets} sets, the database holds {dumped}")
            finally:
                context.close()
            result.update(export_sets=dumped, export_ours=tuple(ours), export_bare=tuple(bare))
        if import_:
            from benchmarks.strong_csv import write_strong_export

            source = home / "strong.csv"
            rows = write_strong_export(source, IMPORT_ROWS)
            times = []
            for index in range(runs):
                context = open_context(home / f"import{index}" / "gym.sqlite3")
                try:
                    if context.transfer is None:
                        return TransferResult(note="not measured — AppContext.transfer is not wired yet")
                    started = time.perf_counter()
                    summary = context.transfer.import_file(source, "strong", WeightUnit.KG)
                    times.append(time.perf_counter() - started)
                    if summary.sets_added < rows * 0.8:
                        raise RuntimeError(f"the import added only {summary.sets_added} of {rows} rows")
                finally:
                    context.close()
            result.update(import_rows=rows, import_ours=tuple(times))
    return TransferResult(**result)  # type: ignore[arg-type]
