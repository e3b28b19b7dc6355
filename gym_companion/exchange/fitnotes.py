"""FitNotes' CSV export (current and older headers): reader.

`Date` is a day with no time and there is no workout name: one day is one session, which starts at noon
local time (the middle of the day is the smallest possible error), is named after the day's categories
("Chest, Triceps") and whose sets follow the row order. `Weight Unit` says kgs or lbs; older files put
the unit in the header (`Weight (kgs)`) and may lack `Comment`. `Category` is a muscle group, kept as a
hint for exercises that have to be created.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, tzinfo

from gym_companion.domain.model import SetType, WeightUnit
from gym_companion.exchange.cells import local_to_utc, number, whole_number
from gym_companion.exchange.columns import Columns
from gym_companion.exchange.csv_source import CsvTable
from gym_companion.exchange.errors import ImportFileError
from gym_companion.exchange.records import (
    FORMAT_FITNOTES,
    SKIP_CARDIO,
    SKIP_NO_REPS,
    FileSession,
    FileSet,
    ParsedFile,
    Progress,
    count_skip,
    reporting,
)

REQUIRED = ("Date", "Exercise", "Category", "Reps")
WEIGHT_COLUMNS = {"Weight": None, "Weight (kgs)": WeightUnit.KG, "Weight (lbs)": WeightUnit.LB}
ROW_UNITS = {"kgs": WeightUnit.KG, "kg": WeightUnit.KG, "lbs": WeightUnit.LB, "lb": WeightUnit.LB}
SESSION_TIME = time(12, 0)  # FitNotes has no time of day: noon is at most 12 hours off


def looks_like_fitnotes(header: tuple[str, ...]) -> bool:
    """Whether a header has FitNotes' columns."""
    columns = Columns(header)
    return columns.has(*REQUIRED) and columns.first(WEIGHT_COLUMNS) is not None


def read_fitnotes(table: CsvTable, zone: tzinfo | None, progress: Progress) -> ParsedFile:
    """Parse a FitNotes export into one session per day (oldest first)."""
    columns = Columns(table.header)
    columns.require(REQUIRED, "FitNotes")
    weight_name = columns.first(WEIGHT_COLUMNS)
    if weight_name is None:
        raise ImportFileError("this is not a FitNotes file: the header has no Weight column.", line=1)
    header_unit = WEIGHT_COLUMNS[weight_name]
    date_at, exercise_at, category_at, reps_at = (columns.index(name) for name in REQUIRED)
    weight_at = columns.index(weight_name)
    unit_at = columns.optional("Weight Unit")
    distance_at = columns.optional("Distance")
    time_at = columns.optional("Time")
    comment_at = columns.optional("Comment")

    sessions: dict[str, FileSession] = {}
    categories: dict[str, list[str]] = {}
    skipped: dict[str, int] = {}
    rows = 0
    unit_needed = False
    for line, fields in reporting(table.rows(), progress):
        rows += 1
        day_text = fields[date_at].strip()
        session = sessions.get(day_text)
        if session is None:
            try:
                day = date.fromisoformat(day_text)
            except ValueError:
                raise ImportFileError(
                    f"Date “{day_text[:40]}” is not a date like 2024-04-25.", line
                ) from None
            started = local_to_utc(datetime.combine(day, SESSION_TIME), zone)
            session = sessions[day_text] = FileSession(
                key=f"{FORMAT_FITNOTES}|{day_text}", line=line, started_at=started, ended_at=None, name="",
                end_known=False,
            )  # fmt: skip
            categories[day_text] = []
        category = fields[category_at].strip()
        reps = whole_number(fields[reps_at], line, "Reps")
        if not reps:
            distance = number(fields[distance_at], line, "Distance") if distance_at is not None else 0.0
            timed = bool(fields[time_at].strip().strip("0:")) if time_at is not None else False
            count_skip(skipped, SKIP_CARDIO if (distance or timed) else SKIP_NO_REPS)
            continue
        weight = number(fields[weight_at], line, "Weight") or 0.0
        unit = header_unit
        if unit_at is not None:
            unit_text = fields[unit_at].strip().lower()
            if unit_text:
                unit = ROW_UNITS.get(unit_text)
                if unit is None:
                    raise ImportFileError(
                        f"Weight Unit “{fields[unit_at].strip()[:40]}” is not kgs or lbs.", line
                    )
        if unit is None and weight == 0:
            unit = WeightUnit.KG
        unit_needed = unit_needed or unit is None
        if category and category not in categories[day_text]:
            categories[day_text].append(category)
        session.sets.append(
            FileSet(
                line=line,
                exercise=fields[exercise_at].strip(),
                set_type=SetType.WORKING,
                weight=weight,
                unit=unit,
                reps=reps,
                notes=fields[comment_at].strip() if comment_at is not None else "",
                category=category,
            )
        )
    for day_text, session in sessions.items():
        session.name = ", ".join(categories[day_text]) or "Workout"
        session.key = f"{session.key}|{_content_digest(session)}"
    ordered = sorted(sessions.values(), key=lambda s: s.started_at)
    label = "FitNotes" if comment_at is not None else "FitNotes (older, no Comment)"
    return ParsedFile(FORMAT_FITNOTES, label, ordered, skipped, rows, unit_needed=unit_needed)


def _content_digest(session: FileSession) -> str:
    """A short digest of a day's sets: with no time of day in the file, the date alone would make two
    different days of training on the same date (two people's files, a second logbook) one identity."""
    text = "\n".join(f"{s.exercise}|{s.weight!r}|{s.unit}|{s.reps}|{s.notes}" for s in session.sets)
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
