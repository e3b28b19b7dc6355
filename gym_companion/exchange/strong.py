"""Strong's CSV export: the reader for all five header variants (comma or semicolon) and the V4 writer.

Reading: `Date` is the workout start on every row (local time). `Set Order` is a number or W (warm-up),
D (drop set), F (failure: absolute failure, RIR 0) or "Rest Timer" (not a set: skipped and counted).
V1 names the unit in its header (`kg`/`lbs`), V3 per row (`Weight Unit`); V2, V4 and V5 carry no unit,
so the rows are left unitless for the service to ask about. RPE becomes RIR = 10 − RPE.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from typing import Any, TextIO

from gym_companion.domain.model import FailureKind, SetType, WeightUnit
from gym_companion.domain.units import format_number, to_unit
from gym_companion.exchange.cells import (
    format_duration,
    inert,
    local_to_utc,
    number,
    parse_duration,
    parse_local,
    rir_from_rpe,
    rpe_for_rir,
    whole_number,
)
from gym_companion.exchange.columns import Columns, header_key
from gym_companion.exchange.csv_source import CsvTable
from gym_companion.exchange.errors import ImportFileError
from gym_companion.exchange.records import (
    FORMAT_STRONG,
    SKIP_CARDIO,
    SKIP_NO_REPS,
    SKIP_REST_TIMER,
    FileSession,
    FileSet,
    ParsedFile,
    Progress,
    count_skip,
    reporting,
)
from gym_companion.exchange.times import LocalTimes

VARIANTS: dict[str, tuple[str, ...]] = {
    "V1": ("Date", "Workout Name", "Exercise Name", "Set Order", "kg", "Reps", "km", "Seconds", "Notes"),
    "V2": (
        "Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Reps", "Distance", "Seconds",
        "Notes", "Workout Notes", "RPE",
    ),
    "V3": (
        "Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Weight Unit", "Reps", "RPE",
        "Distance", "Distance Unit", "Seconds", "Notes", "Workout Notes",
    ),
    "V4": (
        "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps", "Distance",
        "Seconds", "Notes", "Workout Notes", "RPE",
    ),
    "V5": (
        "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps", "Distance",
        "Seconds", "RPE",
    ),
}  # fmt: skip
REQUIRED = ("Date", "Workout Name", "Exercise Name", "Set Order", "Reps")
WEIGHT_COLUMNS = {
    "Weight": None,
    "kg": WeightUnit.KG,
    "kgs": WeightUnit.KG,
    "lbs": WeightUnit.LB,
    "lb": WeightUnit.LB,
}
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M")
ROW_UNITS = {"kg": WeightUnit.KG, "kgs": WeightUnit.KG, "lb": WeightUnit.LB, "lbs": WeightUnit.LB}
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


def looks_like_strong(header: tuple[str, ...]) -> bool:
    """Whether a header has the columns every Strong variant has, and a weight column."""
    columns = Columns(header)
    return columns.has(*REQUIRED) and columns.first(WEIGHT_COLUMNS) is not None


def variant_of(header: tuple[str, ...]) -> str | None:
    """'V1'…'V5' when the header is exactly one of Strong's variants (V1 also with lbs/mi), else None."""
    keys = tuple(header_key(name) for name in header)
    for name, columns in VARIANTS.items():
        expected = tuple(header_key(c) for c in columns)
        if keys == expected:
            return name
        if name == "V1" and keys == tuple({"kg": "lbs", "km": "mi"}.get(k, k) for k in expected):
            return name
        if name == "V3" and keys == (*expected, "workout duration"):
            return name
    return None


def read_strong(table: CsvTable, zone: tzinfo | None, progress: Progress) -> ParsedFile:
    """Parse a Strong export into sessions (oldest first); raise ImportFileError naming a bad line."""
    columns = Columns(table.header)
    columns.require(REQUIRED, "Strong")
    weight_name = columns.first(WEIGHT_COLUMNS)
    if weight_name is None:
        raise ImportFileError("this is not a Strong file: the header has no Weight column.", line=1)
    header_unit = WEIGHT_COLUMNS[weight_name]
    at = {
        "date": columns.index("Date"),
        "workout": columns.index("Workout Name"),
        "exercise": columns.index("Exercise Name"),
        "order": columns.index("Set Order"),
        "reps": columns.index("Reps"),
        "weight": columns.index(weight_name),
    }
    unit_at = columns.optional("Weight Unit")
    rpe_at = columns.optional("RPE")
    notes_at = columns.optional("Notes")
    workout_notes_at = columns.optional("Workout Notes")
    duration_at = columns.optional("Duration")
    if duration_at is None:
        duration_at = columns.optional("Workout Duration")
    distance_at = columns.optional("Distance")
    if distance_at is None:
        distance_at = columns.optional("km") if columns.has("km") else columns.optional("mi")
    seconds_at = columns.optional("Seconds")

    sessions: dict[str, FileSession] = {}
    starts: dict[str, datetime] = {}
    skipped: dict[str, int] = {}
    rows = 0
    unit_needed = False
    for line, fields in reporting(table.rows(), progress):
        rows += 1
        date_text = fields[at["date"]].strip()
        workout = fields[at["workout"]].strip()
        key = f"{FORMAT_STRONG}|{date_text}|{workout}"
        session = sessions.get(key)
        if session is None:
            started = starts.get(date_text)
            if started is None:
                local = parse_local(date_text, line, "Date", DATE_FORMATS)
                started = starts[date_text] = local_to_utc(local, zone)
            duration = parse_duration(fields[duration_at]) if duration_at is not None else None
            session = sessions[key] = FileSession(
                key=key,
                line=line,
                started_at=started,
                ended_at=None if duration is None else started + duration,
                name=workout,
                end_known=duration is not None,
            )
        if workout_notes_at is not None and not session.notes:
            session.notes = fields[workout_notes_at].strip()

        order = fields[at["order"]].strip().lower()
        if order == "rest timer":
            count_skip(skipped, SKIP_REST_TIMER)
            continue
        reps = whole_number(fields[at["reps"]], line, "Reps")
        weight = number(fields[at["weight"]], line, "Weight") or 0.0
        if not reps:
            distance = number(fields[distance_at], line, "Distance") if distance_at is not None else 0.0
            seconds = number(fields[seconds_at], line, "Seconds") if seconds_at is not None else 0.0
            count_skip(skipped, SKIP_CARDIO if (distance or seconds) else SKIP_NO_REPS)
            continue
        set_type, failure = _set_kind(order, line)
        rir = rir_from_rpe(fields[rpe_at], line) if rpe_at is not None else None
        if failure is not FailureKind.NONE:
            rir = 0
        unit = header_unit
        if unit_at is not None:
            unit = _row_unit(fields[unit_at], line)
        if unit is None and weight == 0:
            unit = WeightUnit.KG  # no load: the unit does not matter
        unit_needed = unit_needed or unit is None
        session.sets.append(
            FileSet(
                line=line,
                exercise=fields[at["exercise"]].strip(),
                set_type=set_type,
                weight=weight,
                unit=unit,
                reps=reps,
                rir=rir,
                failure=failure,
                notes=fields[notes_at].strip() if notes_at is not None else "",
            )
        )
    variant = variant_of(table.header)
    label = f"Strong ({variant + ', ' if variant else ''}{_DELIMITER_NAMES[table.delimiter]})"
    ordered = sorted(sessions.values(), key=lambda s: (s.started_at, s.line))
    return ParsedFile(FORMAT_STRONG, label, ordered, skipped, rows, unit_needed=unit_needed)


def _set_kind(order: str, line: int) -> tuple[SetType, FailureKind]:
    if order == "w":
        return SetType.WARMUP, FailureKind.NONE
    if order == "d":
        return SetType.DROP, FailureKind.NONE
    if order == "f":
        return SetType.WORKING, FailureKind.ABSOLUTE
    try:
        float(order)
    except ValueError:
        raise ImportFileError(f"Set Order “{order}” is not a number, W, D, F or Rest Timer.", line) from None
    return SetType.WORKING, FailureKind.NONE


def _row_unit(text: str, line: int) -> WeightUnit | None:
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    unit = ROW_UNITS.get(cleaned)
    if unit is None:
        raise ImportFileError(f"Weight Unit “{text.strip()}” is not kg or lbs.", line)
    return unit


# --- writing (V4) -----------------------------------------------------------------------------------
# What the writer needs from storage, in this order (names the transfer repository knows).
FIELDS = (
    "session_uuid", "started_at", "ended_at", "session_name", "session_notes", "exercise_name",
    "exercise_assisted", "exercise_order", "set_type", "weight_kg", "reps", "rir", "failure", "set_notes",
    "exercise_note",
)  # fmt: skip


def write_strong(
    handle: TextIO, rows: Iterable[Sequence[Any]], unit: WeightUnit, times: LocalTimes
) -> tuple[int, int]:
    """Write rows with FIELDS as Strong V4 (unitless: loads in `unit`); returns (sessions, sets).

    Set Order is W, D or F for warm-up, drop and failure sets and counts the other sets from 1;
    RPE = 10 − RIR (10 for failure); assisted loads are written positive, as Strong shows them.
    Notes is the set's note and Workout Notes the workout's (on its first row); Strong has no column for
    the workout's note on an exercise, so it leads the Notes of that exercise's first set (" / " between).
    """
    writer = csv.writer(handle, lineterminator="\n")  # Strong writes Unix line ends
    writer.writerow(VARIANTS["V4"])
    sessions: dict[str, tuple[str, str, str, str]] = {}
    weights: dict[float, str] = {}
    sets = 0
    current_block: tuple[str, int] | None = None
    counter = 0
    for row in rows:
        (uuid, started, ended, name, notes, exercise, assisted, exercise_order, set_type, weight_kg, reps,
         rir, failure, set_notes, exercise_note) = row  # fmt: skip
        cells = sessions.get(uuid)
        workout_notes = ""
        if cells is None:
            local_start = times.local(started)
            duration = "" if ended is None else format_duration(times.local(ended) - local_start)
            cells = sessions[uuid] = (
                local_start.isoformat(sep=" ", timespec="seconds"),
                inert(name),
                duration,
                "",
            )
            workout_notes = inert(notes)
        if (uuid, exercise_order) != current_block:
            current_block, counter = (uuid, exercise_order), 0
            if exercise_note:
                set_notes = f"{exercise_note} / {set_notes}" if set_notes else exercise_note
        if failure != FailureKind.NONE:
            order, rpe = "F", "10"
        elif set_type == SetType.WARMUP:
            order, rpe = "W", ""
        elif set_type == SetType.DROP:
            order, rpe = "D", ""
        else:
            counter += 1
            order, rpe = str(counter), ""
        if not rpe and rir is not None:
            rpe = rpe_for_rir(rir)
        load = abs(weight_kg) if assisted else weight_kg
        shown = weights.get(load)
        if shown is None:
            shown = weights[load] = format_number(to_unit(load, unit))
        writer.writerow(
            (cells[0], cells[1], cells[2], inert(exercise), order, shown, reps, 0, 0,
             inert(set_notes) if set_notes else "", workout_notes, rpe)
        )  # fmt: skip
        sets += 1
    return len(sessions), sets
