"""A large, realistic Strong export (header variant V4, comma-delimited) for the import benchmark.

Deterministic for a seed: workouts of four exercises with a warm-up and working sets, loads in steps
of 2.5 kg that creep up, an RPE now and then, and a rest-timer row here and there (Strong writes those;
an importer skips them).
"""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

HEADER = (
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps", "Distance",
    "Seconds", "Notes", "Workout Notes", "RPE",
)  # fmt: skip
# (Strong's exercise name, starting load in kg); names as Strong spells them.
EXERCISES = (
    ("Squat (Barbell)", 80.0),
    ("Bench Press (Barbell)", 60.0),
    ("Deadlift (Barbell)", 100.0),
    ("Overhead Press (Barbell)", 40.0),
    ("Bent Over Row (Barbell)", 50.0),
    ("Lat Pulldown (Cable)", 45.0),
    ("Bicep Curl (Dumbbell)", 12.5),
    ("Leg Press", 120.0),
    ("Incline Bench Press (Dumbbell)", 22.5),
    ("Lateral Raise (Dumbbell)", 7.5),
    ("Seated Row (Cable)", 50.0),
    ("Triceps Pushdown (Cable)", 25.0),
)
WORKOUTS = ("Push", "Pull", "Legs", "Upper", "Lower")


def write_strong_export(
    path: Path, rows: int, seed: int = 1, start: datetime = datetime(2015, 1, 5, 18, 0)
) -> int:
    """Write at least `rows` data rows (whole workouts) to `path`; returns how many were written."""
    rng = random.Random(seed)
    loads = {name: load for name, load in EXERCISES}
    written = 0
    day = start
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        while written < rows:
            day += timedelta(days=rng.choice((1, 2, 2, 3)), minutes=rng.randint(-60, 60))
            name = rng.choice(WORKOUTS)
            duration = f"{rng.randint(0, 1)}h {rng.randint(5, 59)}m"
            date = day.strftime("%Y-%m-%d %H:%M:%S")
            for exercise, _ in rng.sample(EXERCISES, 4):
                load = loads[exercise]
                writer.writerow((date, name, duration, exercise, "W", _kg(load * 0.5), 8, 0, 0, "", "", ""))
                written += 1
                for order in range(1, rng.randint(3, 5) + 1):
                    reps = rng.randint(5, 10)
                    rpe = rng.choice(("", "", "", "8", "9", "10"))
                    note = "felt heavy" if rng.random() < 0.02 else ""
                    writer.writerow(
                        (date, name, duration, exercise, order, _kg(load), reps, 0, 0, note, "", rpe)
                    )
                    written += 1
                    if rng.random() < 0.1:
                        writer.writerow(
                            (date, name, duration, exercise, "Rest Timer", 0, 0, 0, 120, "", "", "")
                        )
                        written += 1
                if rng.random() < 0.3:
                    loads[exercise] = load + 2.5
    return written


def _kg(value: float) -> str:
    return f"{round(value / 2.5) * 2.5:.1f}"
