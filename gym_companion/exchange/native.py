"""Gym Companion's own CSV format: every stored detail of every set, lossless both ways.

One row per set, a header row, UTF-8, comma-delimited, RFC 4180 quoting, ISO 8601 timestamps with their
UTC offset. Session columns repeat on each of its rows; the workout's note on an exercise rides on that
exercise's first row, and a custom exercise's description (muscles, equipment…) on its first row in the
file. Text that a spreadsheet would run as a formula gets a leading apostrophe on export, removed again
on import. Version 1 files (without the columns version 2 added) still read. The full description is
docs/csv-format.md.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, TextIO, TypeVar

from gym_companion.domain.model import Exercise, FailureKind, SetType, WeightUnit
from gym_companion.exchange.cells import inert, number, restore, whole_number
from gym_companion.exchange.columns import Columns
from gym_companion.exchange.csv_source import CsvTable
from gym_companion.exchange.errors import ImportFileError
from gym_companion.exchange.native_exercises import CUSTOM_COLUMNS, NO_DESCRIPTION, describe, read_description
from gym_companion.exchange.records import (
    FORMAT_NATIVE,
    FileSession,
    FileSet,
    ParsedFile,
    Progress,
    reporting,
)
from gym_companion.exchange.times import LocalTimes

HEADER_V1 = (
    "session_uuid", "session_started_at", "session_ended_at", "session_name", "session_notes",
    "exercise", "exercise_order", "set_order", "set_type", "weight_kg", "unit_shown", "reps", "rir",
    "failure", "rest_before_s", "logged_at", "set_notes", "superset_group", "set_uuid",
)  # fmt: skip
# Version 2 appends the workout's exercise notes and custom exercises' descriptions (older readers
# ignore extra columns, so they still read a version 2 file, without those).
HEADER = (*HEADER_V1, "exercise_notes", *CUSTOM_COLUMNS)
# What the writer needs from storage, in this order (names the transfer repository knows).
FIELDS = (
    "session_uuid", "started_at", "ended_at", "session_name", "session_notes",
    "exercise_name", "exercise_order", "set_order", "set_type", "weight_kg", "unit_shown", "reps", "rir",
    "failure", "rest_before_s", "logged_at", "set_notes", "superset_group", "set_uuid", "exercise_note",
)  # fmt: skip
MAX_UUID_LENGTH = 64
# Bounds far beyond anything the app writes, so a mangled number is an error, not an overflow in storage.
MAX_POSITION = 10_000  # exercise_order, set_order
MAX_REST_S = 10_000_000  # rest_before_s: a workout left open for months
MAX_GROUP = 1_000_000  # superset_group, either sign
_Choice = TypeVar("_Choice", SetType, FailureKind, WeightUnit)


def looks_native(header: tuple[str, ...]) -> bool:
    """Whether a header is this app's own format (it names session and set identities)."""
    return Columns(header).has("session_uuid", "set_uuid", "weight_kg")


def write_native(
    handle: TextIO,
    rows: Iterable[Sequence[Any]],
    times: LocalTimes,
    custom: Mapping[str, Exercise] | None = None,
) -> tuple[int, int]:
    """Write rows with FIELDS to `handle` (opened with newline=''); returns (sessions, sets).

    `custom` (custom exercises by name) are described on their first row; other names are library ones.
    """
    writer = csv.writer(handle)
    writer.writerow(HEADER)
    session_cells: dict[str, tuple[Any, ...]] = {}
    names: dict[str, str] = {}
    undescribed = dict(custom or {})
    iso = times.iso
    block: tuple[str, int] | None = None
    sets = 0
    out = []
    for row in rows:
        (uuid, started, ended, name, notes, exercise, ex_order, set_order, set_type, weight, unit, reps,
         rir, failure, rest, logged, set_notes, superset, set_uuid, ex_note) = row  # fmt: skip
        cells = session_cells.get(uuid)
        if cells is None:
            cells = session_cells[uuid] = (
                uuid,
                iso(started),
                "" if ended is None else iso(ended),
                inert(name),
                inert(notes),
            )
        shown = names.get(exercise)
        if shown is None:
            shown = names[exercise] = inert(exercise)
        note = ""
        if (uuid, ex_order) != block:
            block = (uuid, ex_order)
            note = inert(ex_note) if ex_note else ""
        described = undescribed.pop(exercise, None) if undescribed else None
        out.append(
            (*cells, shown, ex_order, set_order, set_type, weight, unit, reps, rir, failure, rest,
             iso(logged), inert(set_notes) if set_notes else "", superset, set_uuid, note,
             *(NO_DESCRIPTION if described is None else describe(described)))
        )  # fmt: skip
        sets += 1
        if len(out) >= 2000:
            writer.writerows(out)
            out.clear()
    writer.writerows(out)
    return len(session_cells), sets


def read_native(table: CsvTable, progress: Progress) -> ParsedFile:
    """Parse a native export (version 1 or 2) strictly: any bad cell is an error naming its line and
    column."""
    columns = Columns(table.header)
    columns.require(HEADER_V1, "Gym Companion")
    if any(columns.has(name) for name in CUSTOM_COLUMNS):
        columns.require(CUSTOM_COLUMNS, "complete Gym Companion")
    at = {name: columns.index(name) for name in HEADER_V1}
    note_at = columns.optional("exercise_notes")
    custom_at = [columns.index(name) for name in CUSTOM_COLUMNS] if columns.has(*CUSTOM_COLUMNS) else []
    sessions: dict[str, FileSession] = {}
    seen_sets: set[str] = set()
    seen_positions: set[tuple[str, int, int]] = set()
    blocks: dict[tuple[str, int], tuple[str, int]] = {}  # (workout, exercise_order) -> (exercise, line)
    notes_at_line: dict[tuple[str, int], int] = {}
    described: dict[str, tuple[Exercise, int]] = {}
    rows = 0
    for line, fields in reporting(table.rows(), progress):
        rows += 1

        def cell(name: str, fields: list[str] = fields) -> str:
            return fields[at[name]]

        session_uuid = _identity(cell("session_uuid"), line, "session_uuid")
        started = _timestamp(cell("session_started_at"), line, "session_started_at")
        ended_text = cell("session_ended_at").strip()
        ended = _timestamp(ended_text, line, "session_ended_at") if ended_text else None
        name, notes = restore(cell("session_name")), restore(cell("session_notes"))
        session = sessions.get(session_uuid)
        if session is None:
            session = sessions[session_uuid] = FileSession(session_uuid, line, started, ended, name, notes)
        elif (session.started_at, session.ended_at, session.name, session.notes) != (
            started,
            ended,
            name,
            notes,
        ):
            raise ImportFileError(
                f"the workout {session_uuid} has another start, end, name or notes than on "
                f"line {session.line}.",
                line,
            )
        exercise = restore(cell("exercise")).strip()
        if not exercise:
            raise ImportFileError("the exercise name is empty.", line)
        exercise_order = _count(cell("exercise_order"), line, "exercise_order")
        block = (session_uuid, exercise_order)
        first = blocks.setdefault(block, (exercise, line))
        if first[0] != exercise:
            raise ImportFileError(
                f"exercise_order {exercise_order} of this workout is {first[0]} on line {first[1]}, "
                f"not {exercise}.",
                line,
            )
        exercise_note = restore(fields[note_at]) if note_at is not None else ""
        if exercise_note.strip():
            if block in notes_at_line:
                raise ImportFileError(
                    f"a second note on exercise_order {exercise_order} of this workout (the first is on "
                    f"line {notes_at_line[block]}).",
                    line,
                )
            notes_at_line[block] = line
        if custom_at:
            description = read_description(exercise, [fields[i] for i in custom_at], line)
            if description is not None:
                earlier = described.setdefault(exercise, (description, line))
                if earlier[0] != description:
                    raise ImportFileError(
                        f"“{exercise}” is described differently than on line {earlier[1]}.", line
                    )
        set_order = _count(cell("set_order"), line, "set_order")
        position = (session_uuid, exercise_order, set_order)
        if position in seen_positions:
            raise ImportFileError(
                f"a second set at exercise_order {exercise_order}, set_order {set_order} in one workout.",
                line,
            )
        seen_positions.add(position)
        set_uuid = _identity(cell("set_uuid"), line, "set_uuid")
        if set_uuid in seen_sets:
            raise ImportFileError(f"the set {set_uuid} appears twice.", line)
        seen_sets.add(set_uuid)
        failure = _choice(cell("failure"), line, "failure", FailureKind)
        rir = whole_number(cell("rir"), line, "rir")
        if rir is not None and rir > 5:
            raise ImportFileError(f"rir {rir} is more than 5.", line)
        if failure is not FailureKind.NONE and rir != 0:
            raise ImportFileError("a failure set must have rir 0.", line)
        weight = number(cell("weight_kg"), line, "weight_kg", default=None)
        if weight is None:
            raise ImportFileError("weight_kg is empty (write 0 for no load).", line)
        reps = whole_number(cell("reps"), line, "reps")
        if reps is None:
            raise ImportFileError("reps is empty.", line)
        superset_text = cell("superset_group").strip()
        session.sets.append(
            FileSet(
                line=line,
                exercise=exercise,
                set_type=_choice(cell("set_type"), line, "set_type", SetType),
                weight=weight,
                unit=WeightUnit.KG,
                reps=reps,
                rir=rir,
                failure=failure,
                notes=restore(cell("set_notes")),
                superset_group=_signed(superset_text, line) if superset_text else None,
                exercise_order=exercise_order,
                set_order=set_order,
                rest_before_s=_rest(cell("rest_before_s"), line),
                logged_at=_timestamp(cell("logged_at"), line, "logged_at"),
                uuid=set_uuid,
                unit_shown=_choice(cell("unit_shown"), line, "unit_shown", WeightUnit),
                exercise_notes=exercise_note if exercise_note.strip() else "",
            )
        )
    ordered = sorted(sessions.values(), key=lambda s: (s.started_at, s.key))
    label = "Gym Companion" if note_at is not None or custom_at else "Gym Companion (version 1)"
    exercises = {name: exercise for name, (exercise, _line) in described.items()}
    return ParsedFile(FORMAT_NATIVE, label, ordered, {}, rows, signed_weights=True, exercises=exercises)


def _identity(text: str, line: int, column: str) -> str:
    cleaned = text.strip()
    if not cleaned or len(cleaned) > MAX_UUID_LENGTH:
        raise ImportFileError(f"{column} must be an identity of 1–{MAX_UUID_LENGTH} characters.", line)
    return cleaned


def _timestamp(text: str, line: int, column: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ImportFileError(
            f"{column} “{text.strip()[:40]}” is not an ISO 8601 date and time.", line
        ) from None
    if moment.tzinfo is None:
        raise ImportFileError(f"{column} “{text.strip()}” lacks its UTC offset (e.g. +02:00).", line)
    return moment.astimezone(UTC)


def _count(text: str, line: int, column: str) -> int:
    value = whole_number(text, line, column)
    if value is None:
        raise ImportFileError(f"{column} is empty.", line)
    if value > MAX_POSITION:
        raise ImportFileError(f"{column} {text.strip()[:24]} is more than {MAX_POSITION:,}.", line)
    return value


def _rest(text: str, line: int) -> int | None:
    value = whole_number(text, line, "rest_before_s")
    if value is not None and value > MAX_REST_S:
        raise ImportFileError(f"rest_before_s {text.strip()[:24]} is more than {MAX_REST_S:,} seconds.", line)
    return value


def _signed(text: str, line: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise ImportFileError(f"superset_group “{text[:40]}” is not a whole number.", line) from None
    if abs(value) > MAX_GROUP:
        raise ImportFileError(f"superset_group {text[:24]} is beyond ±{MAX_GROUP:,}.", line)
    return value


def _choice(text: str, line: int, column: str, kind: type[_Choice]) -> _Choice:
    try:
        return kind(text.strip())
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise ImportFileError(f"{column} “{text.strip()[:40]}” is not one of {allowed}.", line) from None
