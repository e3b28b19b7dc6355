"""Real exports from other apps (../shared/interop) import with the sets and volume they hold.

The expectation for each file is counted here with a few lines of csv.reader, independently of the
importers: a row is a set when it has reps (1–100) and is not a rest timer, its load is at most
1000 kg, and volume is Σ |load in kg| × reps. Skipped when the folder is absent.
"""

from __future__ import annotations

import csv
import math
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from helpers.csv_files import INTEROP, transfer_service

from gym_companion.domain.model import WeightUnit

LB = 0.45359237
# file -> (reps column, load column, unit column or fixed unit, delimiter)
LAYOUTS = {
    "strong_v1_mlahoz.csv": ("Reps", "kg", "kg", ","),
    "strong_v3_dstanek.csv": ("Reps", "Weight", "Weight Unit", ";"),
    "strong_v4_breinsp.csv": ("Reps", "Weight", "kg", ","),  # unitless: imported with --unit kg
    "hevy_felipe.csv": ("reps", "weight_kg", "kg", ","),
    "hevy_si2.csv": ("reps", "weight_kg", "kg", ","),
    "fitnotes_frefdt.csv": ("Reps", "Weight", "Weight Unit", ","),
    "fitnotes_lukasz.csv": ("Reps", "Weight", "Weight Unit", ","),
}


def expected(path: Path) -> tuple[int, float]:
    """(sets, volume in kg) counted straight from the file."""
    reps_column, load_column, unit_column, delimiter = LAYOUTS[path.name]
    sets, volume = 0, 0.0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=delimiter):
            if row.get("Set Order", "").strip().lower() == "rest timer":
                continue
            reps = float(row[reps_column] or 0)
            unit = row.get(unit_column, unit_column)
            load = abs(float(row[load_column] or 0)) * (LB if unit.startswith("lb") else 1.0)
            if 1 <= reps <= 100 and load <= 1000:
                sets += 1
                volume += load * reps
    return sets, volume


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_real_export_imports_every_set_and_its_volume(name: str, tmp_path: Path) -> None:
    path = INTEROP / name
    if not path.is_file():
        pytest.skip(f"no interop export at {path}")
    sets, volume = expected(path)
    assert sets > 300  # the export was read, not an empty stand-in
    db = tmp_path / "gym.sqlite3"
    service, close = transfer_service(db)
    try:
        summary = service.import_file(path, unit=WeightUnit.KG)
        again = service.import_file(path, unit=WeightUnit.KG)
    finally:
        close()
    assert summary.sets_added == sets
    assert (again.sets_added, again.sessions_already_present) == (0, summary.sessions_added)
    with closing(sqlite3.connect(db)) as con:
        stored_sets, stored_volume = con.execute(
            "SELECT count(*), sum(abs(weight_kg) * reps) FROM set_entry"
        ).fetchone()
    assert stored_sets == sets
    assert math.isclose(stored_volume, volume, rel_tol=1e-9)


def test_every_real_export_is_covered() -> None:
    if not INTEROP.is_dir():
        pytest.skip(f"no interop exports at {INTEROP}")
    assert {path.name for path in INTEROP.glob("*.csv")} <= set(LAYOUTS)
