"""Hevy's CSV export: reader and writer.

Every field is quoted; times look like '8 Apr 2026, 16:50' (local time, English month names); the newest
workout comes first. `set_type` is normal, warmup, failure (absolute failure, RIR 0) or dropset;
`superset_id` numbers the supersets of a workout; `weight_kg` (or `weight_lbs` in imperial exports) is
empty for bodyweight sets; `rpe` becomes RIR = 10 − RPE. Hevy keeps notes per exercise of a workout, as
the app does: `exercise_notes` is the workout's note on that exercise both ways. Hevy has no set notes, so
on export the exercise's set notes follow its note in the same cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from typing import Any, TextIO

from gym_companion.domain.model import FailureKind, SetType, WeightUnit
from gym_companion.domain.units import format_number, to_unit
from gym_companion.exchange.cells import (
    format_hevy_time,
    inert,
    local_to_utc,
    number,
    parse_hevy_time,
    rir_from_rpe,
    rpe_for_rir,
    whole_number,
)
from gym_companion.exchange.columns import Columns
from gym_companion.exchange.csv_source import CsvTable
from gym_companion.exchange.errors import ImportFileError
from gym_companion.exchange.records import (
    FORMAT_HEVY,
    SKIP_CARDIO,
    SKIP_NO_REPS,
    FileSession,
    FileSet,
    ParsedFile,
    Progress,
    count_skip,
    reporting,
)
from gym_companion.exchange.times import LocalTimes

MAX_SUPERSET_ID = 1_000_000
REQUIRED = ("title", "start_time", "exercise_title", "set_index", "set_type", "reps")
WEIGHT_COLUMNS = {"weight_kg": WeightUnit.KG, "weight_lbs": WeightUnit.LB}
SET_TYPES = {
    "normal": (SetType.WORKING, FailureKind.NONE),
    "warmup": (SetType.WARMUP, FailureKind.NONE),
    "dropset": (SetType.DROP, FailureKind.NONE),
    "failure": (SetType.WORKING, FailureKind.ABSOLUTE),
}
# What the writer needs from storage, in this order (names the transfer repository knows).
FIELDS = (
    "session_uuid", "started_at", "ended_at", "session_name", "session_notes", "exercise_name",
    "exercise_assisted", "exercise_order", "set_type", "weight_kg", "reps", "rir", "failure",
    "set_notes", "superset_group", "exercise_note",
)  # fmt: skip


def header_for(unit: WeightUnit) -> tuple[str, ...]:
    """Hevy's header in kg or lb."""
    weight, distance = (
        ("weight_kg", "distance_km") if unit is WeightUnit.KG else ("weight_lbs", "distance_miles")
    )
    return (
        "title", "start_time", "end_time", "description", "exercise_title", "superset_id",
        "exercise_notes", "set_index", "set_type", weight, "reps", distance, "duration_seconds", "rpe",
    )  # fmt: skip


def looks_like_hevy(header: tuple[str, ...]) -> bool:
    """Whether a header has Hevy's columns."""
    columns = Columns(header)
    return columns.has(*REQUIRED) and columns.first(WEIGHT_COLUMNS) is not None


def read_hevy(table: CsvTable, zone: tzinfo | None, progress: Progress) -> ParsedFile:
    """Parse a Hevy export into sessions (oldest first); raise ImportFileError naming a bad line."""
    columns = Columns(table.header)
    columns.require(REQUIRED, "Hevy")
    weight_name = columns.first(WEIGHT_COLUMNS)
    if weight_name is None:
        raise ImportFileError("this is not a Hevy file: the header has no weight_kg or weight_lbs.", line=1)
    unit = WEIGHT_COLUMNS[weight_name]
    at = {name: columns.index(name) for name in REQUIRED}
    weight_at = columns.index(weight_name)
    end_at = columns.optional("end_time")
    description_at = columns.optional("description")
    superset_at = columns.optional("superset_id")
    notes_at = columns.optional("exercise_notes")
    rpe_at = columns.optional("rpe")
    distance_at = columns.optional("distance_km")
    if distance_at is None:
        distance_at = columns.optional("distance_miles")
    duration_at = columns.optional("duration_seconds")

    sessions: dict[str, FileSession] = {}
    times: dict[str, datetime] = {}
    block: tuple[str, str] | None = None  # (workout, exercise) of the previous row
    pending_note = ""  # the current exercise block's note, until one of its sets carries it
    skipped: dict[str, int] = {}
    rows = 0

    def moment(text: str, line: int, column: str) -> datetime:
        found = times.get(text)
        if found is None:
            found = times[text] = local_to_utc(parse_hevy_time(text, line, column), zone)
        return found

    for line, fields in reporting(table.rows(), progress):
        rows += 1
        start_text = fields[at["start_time"]].strip()
        title = fields[at["title"]].strip()
        key = f"{FORMAT_HEVY}|{start_text}|{title}"
        session = sessions.get(key)
        if session is None:
            started = moment(start_text, line, "start_time")
            end_text = fields[end_at].strip() if end_at is not None else ""
            ended = moment(end_text, line, "end_time") if end_text else None
            if ended is not None and ended < started:
                ended = started
            session = sessions[key] = FileSession(
                key=key,
                line=line,
                started_at=started,
                ended_at=ended,
                name=title,
                notes=fields[description_at].strip() if description_at is not None else "",
                end_known=ended is not None,
            )
        exercise = fields[at["exercise_title"]].strip()
        if (key, exercise) != block or fields[at["set_index"]].strip() in ("0", "0.0"):
            block = (key, exercise)  # a new exercise block: its rows repeat its note
            pending_note = fields[notes_at].strip().replace("\\n", "\n") if notes_at is not None else ""
        reps = whole_number(fields[at["reps"]], line, "reps")
        if not reps:
            distance = number(fields[distance_at], line, "distance") if distance_at is not None else 0.0
            seconds = (
                number(fields[duration_at], line, "duration_seconds") if duration_at is not None else 0.0
            )
            count_skip(skipped, SKIP_CARDIO if (distance or seconds) else SKIP_NO_REPS)
            continue
        kind = SET_TYPES.get(fields[at["set_type"]].strip().lower())
        if kind is None:
            raise ImportFileError(
                f"set_type “{fields[at['set_type']].strip()[:40]}” is not normal, warmup, failure "
                "or dropset.",
                line,
            )
        set_type, failure = kind
        rir = rir_from_rpe(fields[rpe_at], line, "rpe") if rpe_at is not None else None
        if failure is not FailureKind.NONE:
            rir = 0
        exercise_note, pending_note = pending_note, ""
        superset_text = fields[superset_at].strip() if superset_at is not None else ""
        session.sets.append(
            FileSet(
                line=line,
                exercise=exercise,
                set_type=set_type,
                weight=number(fields[weight_at], line, weight_name) or 0.0,
                unit=unit,
                reps=reps,
                rir=rir,
                failure=failure,
                superset_group=_superset(superset_text, line) if superset_text else None,
                exercise_notes=exercise_note,
            )
        )
    ordered = sorted(sessions.values(), key=lambda s: (s.started_at, s.line))
    label = f"Hevy ({'kg' if unit is WeightUnit.KG else 'lb'})"
    return ParsedFile(FORMAT_HEVY, label, ordered, skipped, rows)


def write_hevy(
    handle: TextIO, rows: Iterable[Sequence[Any]], unit: WeightUnit, times: LocalTimes
) -> tuple[int, int]:
    """Write rows with FIELDS (newest workout first) as a Hevy CSV in `unit`; returns (sessions, sets).

    rpe = 10 − RIR (both failure kinds → 10, empty when unrated); set_type failure for failure sets;
    assisted loads are written positive, as Hevy shows them; exercise_notes is the workout's note on the
    exercise followed by its distinct set notes, joined by " / ".
    """
    handle.write(",".join(_quoted(name) for name in header_for(unit)) + "\n")
    blocks = _exercise_blocks(rows)
    sessions: set[str] = set()
    sets = 0
    weights: dict[float, str] = {}
    session_cells: dict[str, tuple[str, str, str, str]] = {}
    for block in blocks:
        first = block[0]
        uuid, started, ended, name, notes, exercise = (first[i] for i in range(6))
        cells = session_cells.get(uuid)
        if cells is None:
            cells = session_cells[uuid] = (
                _quoted(inert(name)),
                _quoted(format_hevy_time(times.local(started))),
                _quoted("" if ended is None else format_hevy_time(times.local(ended))),
                _quoted(inert(notes)),
            )
        sessions.add(uuid)
        joined = " / ".join(dict.fromkeys(text for text in (first[15], *(r[13] for r in block)) if text))
        notes_cell = _quoted(inert(joined.replace("\n", "\\n")))
        exercise_cell = _quoted(inert(exercise))
        for index, row in enumerate(block):
            assisted, set_type, weight_kg, reps, rir, failure, superset = (
                row[6], row[8], row[9], row[10], row[11], row[12], row[14]
            )  # fmt: skip
            load = abs(weight_kg) if assisted else weight_kg
            shown = weights.get(load)
            if shown is None:
                shown = weights[load] = "" if load == 0 else format_number(to_unit(load, unit))
            if failure != FailureKind.NONE:
                kind, rpe = "failure", "10"
            else:
                kind = {"warmup": "warmup", "drop": "dropset"}.get(set_type, "normal")
                rpe = "" if rir is None else rpe_for_rir(rir)
            group = "" if superset is None else superset
            handle.write(
                f"{cells[0]},{cells[1]},{cells[2]},{cells[3]},{exercise_cell},{group},{notes_cell},"
                f'{index},"{kind}",{shown},{reps},,,{rpe}\n'
            )
            sets += 1
    return len(sessions), sets


def _superset(text: str, line: int) -> int:
    """Hevy's superset_id: a small whole number (a mangled huge one is an error, not a storage overflow)."""
    value = whole_number(text, line, "superset_id")
    if value is None or value > MAX_SUPERSET_ID:
        raise ImportFileError(f"superset_id {text.strip()[:24]} is not a superset number.", line)
    return value


def _quoted(text: str) -> str:
    """A text cell the way Hevy writes every text cell: always in double quotes."""
    return '"' + text.replace('"', '""') + '"'


def _exercise_blocks(rows: Iterable[Sequence[Any]]) -> list[list[Sequence[Any]]]:
    """Rows grouped by (workout, exercise position), keeping the order they came in."""
    blocks: list[list[Sequence[Any]]] = []
    current: tuple[Any, Any] | None = None
    for row in rows:
        key = (row[0], row[7])
        if key != current:
            blocks.append([])
            current = key
        blocks[-1].append(row)
    return blocks
