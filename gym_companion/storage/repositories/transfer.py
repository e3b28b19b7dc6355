"""Bulk reads and writes for CSV import and export: one join query out, one transaction in.

Exports stream plain tuples with timestamps left as their stored text (naive UTC), so a writer can
format 100k sets without SQLAlchemy's per-value type conversion. Imports insert new custom exercises,
sessions and sets with executemany in a single transaction that takes the write lock first, so an
import running beside a live workout waits its turn instead of failing half-way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, false, func, insert, select, type_coerce, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement

from gym_companion.domain.model import Exercise, SetEntry, WorkoutSession
from gym_companion.storage.repositories._time import to_db
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.workouts import session_values
from gym_companion.storage.tables import (
    APP_STATE_TABLE,
    EXERCISE_MUSCLE_TABLE,
    EXERCISE_NOTE_TABLE,
    EXERCISE_TABLE,
    SESSION_TABLE,
    SET_TABLE,
)

_S = SESSION_TABLE.c
_T = SET_TABLE.c
_E = EXERCISE_TABLE.c
_A = APP_STATE_TABLE.c
_N = EXERCISE_NOTE_TABLE.c

# The fields a writer may ask for, by name. Timestamps come as stored text; booleans as 0/1.
EXPORT_FIELDS: dict[str, ColumnElement[Any]] = {
    "session_id": _S.id,
    "session_uuid": _S.uuid,
    "started_at": type_coerce(_S.started_at, String),
    "ended_at": type_coerce(_S.ended_at, String),
    "session_name": _S.name,
    "session_notes": _S.notes,
    "exercise_name": _E.name,
    "exercise_assisted": type_coerce(_E.assisted, Integer),
    "exercise_order": _T.exercise_order,
    "set_order": _T.set_order,
    "set_type": _T.set_type,
    "weight_kg": _T.weight_kg,
    "unit_shown": _T.unit_shown,
    "reps": _T.reps,
    "rir": _T.rir,
    "failure": _T.failure,
    "rest_before_s": _T.rest_before_s,
    "logged_at": type_coerce(_T.logged_at, String),
    "set_notes": _T.notes,
    "superset_group": _T.superset_group,
    "set_uuid": _T.uuid,
    "exercise_note": _N.notes,  # the workout's note on the set's exercise; None when it has none
}
_CHUNK = 2000  # sets per executemany between progress checks
# Sets go in as plain tuples through the driver: the type layer's per-value conversion would cost more
# than the insert itself on 25k rows. Timestamps are written in the exact text SQLAlchemy stores.
_SET_COLUMNS = (
    "uuid", "session_id", "exercise_id", "exercise_order", "set_order", "set_type", "weight_kg", "reps",
    "rir", "failure", "rest_before_s", "logged_at", "unit_shown", "notes", "superset_group",
)  # fmt: skip
_INSERT_SET = (
    f"INSERT INTO set_entry ({', '.join(_SET_COLUMNS)}) VALUES ({', '.join('?' for _ in _SET_COLUMNS)})"
)


class ImportConflictError(Exception):
    """The rows clash with stored ones in a way the import could not foresee (nothing was written)."""


@dataclass(frozen=True)
class ImportWrite:
    """What one import transaction wrote."""

    sessions_added: int
    sets_added: int
    sessions_present: int
    exercise_ids: dict[int, int]  # placeholder id (negative) -> id of the created exercise


class TransferRepository:
    """Bulk export reads and the one-transaction import write."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def export_rows(
        self,
        fields: Sequence[str],
        start: datetime | None = None,
        end: datetime | None = None,
        newest_first: bool = False,
    ) -> Iterator[tuple[Any, ...]]:
        """Every set (of sessions started in start..end, both inclusive) as a tuple of `fields`, in
        workout order: sessions by start (oldest or newest first), then exercise and set order."""
        unknown = [name for name in fields if name not in EXPORT_FIELDS]
        if unknown:
            raise ValueError(f"unknown export field(s): {', '.join(unknown)}")
        start_order = _S.started_at.desc() if newest_first else _S.started_at
        uuid_order = _S.uuid.desc() if newest_first else _S.uuid
        joined = SET_TABLE.join(SESSION_TABLE, _S.id == _T.session_id).join(
            EXERCISE_TABLE, _E.id == _T.exercise_id
        )
        if "exercise_note" in fields:
            joined = joined.outerjoin(
                EXERCISE_NOTE_TABLE,
                (_N.session_id == _T.session_id) & (_N.exercise_order == _T.exercise_order),
            )
        query = (
            select(*(EXPORT_FIELDS[name] for name in fields))
            .select_from(joined)
            .order_by(start_order, uuid_order, _T.exercise_order, _T.set_order)
        )
        if start is not None:
            query = query.where(_S.started_at >= to_db(start))
        if end is not None:
            query = query.where(_S.started_at <= to_db(end))
        with self._engine.connect() as con:
            result = con.execution_options(yield_per=5000).execute(query)
            for partition in result.partitions():
                yield from partition

    def custom_exercises(self) -> list[Exercise]:
        """Every custom exercise with its muscles, sorted by name (what a native export describes)."""
        return [exercise for exercise in ExerciseRepository(self._engine).all() if exercise.is_custom]

    def existing_set_uuids(self, uuids: Sequence[str]) -> set[str]:
        """Which of `uuids` are already the identity of a stored set."""
        found: set[str] = set()
        with self._engine.connect() as con:
            for start in range(0, len(uuids), 500):
                chunk = uuids[start : start + 500]
                found.update(row[0] for row in con.execute(select(_T.uuid).where(_T.uuid.in_(chunk))))
        return found

    def session_uuids(self) -> set[str]:
        """The identity of every stored session."""
        with self._engine.connect() as con:
            return {row[0] for row in con.execute(select(_S.uuid))}

    def import_history(
        self,
        exercises: Sequence[Exercise],
        workouts: Sequence[tuple[WorkoutSession, Sequence[SetEntry]]],
        state: Callable[[Mapping[int, int]], Mapping[str, Any]],
        check: Callable[[], None],
        notes: Mapping[str, Mapping[int, str]] | None = None,
    ) -> ImportWrite:
        """Write everything in ONE transaction, or nothing.

        `exercises` are new custom exercises whose `id` is a negative placeholder; sets may use those
        placeholders as exercise_id. Sessions whose uuid already exists are skipped with their sets.
        `notes` (workout uuid -> {exercise_order: text}) are the workouts' notes on their exercises; a note
        lands on the exercise of the sets at its order (one without sets there is dropped).
        `state(created ids)` gives app-state values (JSON-able) to store in the same transaction.
        `check()` runs between chunks and may raise to abandon the transaction (then nothing is written).
        """
        try:
            return self._write(exercises, workouts, state, check, notes or {})
        except IntegrityError as error:
            raise ImportConflictError(str(error.orig)) from None

    def _write(
        self,
        exercises: Sequence[Exercise],
        workouts: Sequence[tuple[WorkoutSession, Sequence[SetEntry]]],
        state: Callable[[Mapping[int, int]], Mapping[str, Any]],
        check: Callable[[], None],
        notes: Mapping[str, Mapping[int, str]],
    ) -> ImportWrite:
        with self._engine.begin() as con:
            # Take the write lock now (a no-op write), so a busy database makes us wait here, not fail
            # after reading.
            con.execute(update(APP_STATE_TABLE).where(false()).values(value=""))
            created = self._add_exercises(con, exercises)
            known = {row[0] for row in con.execute(select(_S.uuid))}
            next_id = int(con.execute(select(func.coalesce(func.max(_S.id), 0))).scalar_one()) + 1
            session_rows: list[dict[str, Any]] = []
            set_rows: list[tuple[Any, ...]] = []
            note_rows: list[dict[str, Any]] = []
            present = 0
            for session, sets in workouts:
                if session.uuid in known:
                    present += 1
                    continue
                known.add(session.uuid)
                session.id = next_id
                next_id += 1
                row = session_values(session)
                row["id"] = session.id
                session_rows.append(row)
                exercise_at: dict[int, int] = {}
                for entry in sets:
                    entry.session_id = session.id
                    if entry.exercise_id < 0:
                        entry.exercise_id = created[entry.exercise_id]
                    exercise_at.setdefault(entry.exercise_order, entry.exercise_id)
                    set_rows.append(_set_row(entry))
                note_rows += [
                    {"session_id": session.id, "exercise_order": order, "exercise_id": exercise_at[order],
                     "notes": text}
                    for order, text in sorted(notes.get(session.uuid, {}).items())
                    if order in exercise_at and text.strip()
                ]  # fmt: skip
            check()
            for chunk_start in range(0, len(session_rows), _CHUNK):
                con.execute(insert(SESSION_TABLE), session_rows[chunk_start : chunk_start + _CHUNK])
            for chunk_start in range(0, len(set_rows), _CHUNK):
                check()
                con.exec_driver_sql(_INSERT_SET, set_rows[chunk_start : chunk_start + _CHUNK])
            if note_rows:
                con.execute(insert(EXERCISE_NOTE_TABLE), note_rows)
            for key, value in state(created).items():
                text = json.dumps(value, sort_keys=True)
                statement = sqlite_insert(APP_STATE_TABLE).values(key=key, value=text)
                con.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": text}))
            check()
        return ImportWrite(len(session_rows), len(set_rows), present, created)

    @staticmethod
    def _add_exercises(con: Connection, exercises: Sequence[Exercise]) -> dict[int, int]:
        created: dict[int, int] = {}
        for exercise in exercises:
            assert exercise.id is not None and exercise.id < 0
            result = con.execute(
                insert(EXERCISE_TABLE).values(
                    name=exercise.name,
                    aliases=json.dumps(list(exercise.aliases)),
                    equipment=exercise.equipment.value,
                    mechanics=exercise.mechanics.value,
                    failure_safety=exercise.failure_safety.value,
                    default_rest_s=exercise.default_rest_s,
                    fatigue_factor=exercise.fatigue_factor,
                    assisted=exercise.assisted,
                    is_custom=True,
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            new_id = int(key[0])
            created[exercise.id] = new_id
            muscles = [
                {"exercise_id": new_id, "muscle": m.value, "role": "primary"}
                for m in exercise.primary_muscles
            ]
            muscles += [
                {"exercise_id": new_id, "muscle": m.value, "role": "secondary"}
                for m in exercise.secondary_muscles
                if m not in exercise.primary_muscles
            ]
            if muscles:
                con.execute(insert(EXERCISE_MUSCLE_TABLE), muscles)
        return created


def _set_row(entry: SetEntry) -> tuple[Any, ...]:
    """A set as a tuple in _SET_COLUMNS order, timestamps as stored text (naive UTC, microseconds)."""
    return (
        entry.uuid,
        entry.session_id,
        entry.exercise_id,
        entry.exercise_order,
        entry.set_order,
        entry.set_type.value,
        entry.weight_kg,
        entry.reps,
        entry.rir,
        entry.failure.value,
        entry.rest_before_s,
        to_db(entry.logged_at).isoformat(sep=" ", timespec="microseconds"),
        entry.unit_shown.value,
        entry.notes,
        entry.superset_group,
    )
