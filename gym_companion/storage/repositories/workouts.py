"""Workouts and their sets: every write is one short transaction, committed before it returns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import String, and_, case, delete, func, insert, select, type_coerce, update
from sqlalchemy.engine import Engine, RowMapping

from gym_companion.domain.model import (
    FailureKind,
    SessionSummary,
    SetEntry,
    SetType,
    WeightUnit,
    WorkoutSession,
)
from gym_companion.storage.repositories._time import from_db, from_db_opt, new_id, to_db
from gym_companion.storage.repositories.history_queries import parse_stored_time
from gym_companion.storage.tables import EXERCISE_TABLE, SESSION_TABLE, SET_TABLE

SESSIONS = SESSION_TABLE
SETS = SET_TABLE
EXERCISES = EXERCISE_TABLE
_S = SESSIONS.c
_T = SETS.c
_SET_TYPES = {t.value: t for t in SetType}  # a dict lookup is several times faster than calling the Enum
_FAILURES = {f.value: f for f in FailureKind}

# (exercise id, logged at, set type, RIR or None, failure kind): one set as the recovery model reads it.
SetEffort = tuple[int, datetime, SetType, int | None, FailureKind]


def session_values(session: WorkoutSession) -> dict[str, Any]:
    """Column values for a session row."""
    return {
        "uuid": session.uuid,
        "started_at": to_db(session.started_at),
        "ended_at": None if session.ended_at is None else to_db(session.ended_at),
        "name": session.name,
        "notes": session.notes,
        "routine_id": session.routine_id,
    }


def set_values(entry: SetEntry) -> dict[str, Any]:
    """Column values for a set row."""
    return {
        "uuid": entry.uuid,
        "session_id": entry.session_id,
        "exercise_id": entry.exercise_id,
        "exercise_order": entry.exercise_order,
        "set_order": entry.set_order,
        "set_type": entry.set_type.value,
        "weight_kg": entry.weight_kg,
        "reps": entry.reps,
        "rir": entry.rir,
        "failure": entry.failure.value,
        "rest_before_s": entry.rest_before_s,
        "logged_at": to_db(entry.logged_at),
        "unit_shown": entry.unit_shown.value,
        "notes": entry.notes,
        "superset_group": entry.superset_group,
    }


def session_from_row(row: RowMapping) -> WorkoutSession:
    """A WorkoutSession from a row of workout_session."""
    return WorkoutSession(
        id=row["id"],
        uuid=row["uuid"],
        started_at=from_db(row["started_at"]),
        ended_at=from_db_opt(row["ended_at"]),
        name=row["name"],
        notes=row["notes"],
        routine_id=row["routine_id"],
    )


def set_from_row(row: RowMapping) -> SetEntry:
    """A SetEntry from a row of set_entry."""
    return SetEntry(
        id=row["id"],
        uuid=row["uuid"],
        session_id=row["session_id"],
        exercise_id=row["exercise_id"],
        exercise_order=row["exercise_order"],
        set_order=row["set_order"],
        set_type=SetType(row["set_type"]),
        weight_kg=row["weight_kg"],
        reps=row["reps"],
        rir=row["rir"],
        failure=FailureKind(row["failure"]),
        rest_before_s=row["rest_before_s"],
        logged_at=from_db(row["logged_at"]),
        unit_shown=WeightUnit(row["unit_shown"]),
        notes=row["notes"],
        superset_group=row["superset_group"],
    )


class WorkoutRepository:
    """Sessions and sets."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # --- sessions -------------------------------------------------------------------------------
    def start_session(self, session: WorkoutSession) -> WorkoutSession:
        """Insert a new session; returns it with its id."""
        with self._engine.begin() as con:
            session.id = new_id(con.execute(insert(SESSIONS).values(session_values(session))))
        return session

    def save_session(self, session: WorkoutSession) -> None:
        """Update name, notes, times and routine of an existing session."""
        assert session.id is not None
        with self._engine.begin() as con:
            con.execute(update(SESSIONS).where(_S.id == session.id).values(session_values(session)))

    def get_session(self, session_id: int) -> WorkoutSession | None:
        """One session by id."""
        with self._engine.connect() as con:
            row = con.execute(select(SESSIONS).where(_S.id == session_id)).mappings().first()
        return None if row is None else session_from_row(row)

    def open_session(self) -> WorkoutSession | None:
        """The newest unfinished workout, if any (to resume after a crash or a restart)."""
        with self._engine.connect() as con:
            row = (
                con.execute(
                    select(SESSIONS).where(_S.ended_at.is_(None)).order_by(_S.started_at.desc()).limit(1)
                )
                .mappings()
                .first()
            )
        return None if row is None else session_from_row(row)

    def delete_session(self, session_id: int) -> None:
        """Delete a session and (by cascade) its sets."""
        with self._engine.begin() as con:
            con.execute(delete(SETS).where(_T.session_id == session_id))
            con.execute(delete(SESSIONS).where(_S.id == session_id))

    def session_count(self) -> int:
        """How many sessions exist."""
        with self._engine.connect() as con:
            return int(con.execute(select(func.count()).select_from(SESSIONS)).scalar_one())

    def sessions_with_sets_since(self, since: datetime) -> int:
        """How many workouts have a set logged at or after `since` (an unfinished one included)."""
        query = select(func.count(func.distinct(_T.session_id))).where(_T.logged_at >= to_db(since))
        with self._engine.connect() as con:
            return int(con.execute(query).scalar_one())

    def list_sessions(self, limit: int = 200, offset: int = 0) -> list[SessionSummary]:
        """Newest sessions first with their totals, computed in SQL."""
        is_work = _T.set_type != "warmup"
        query = (
            select(
                _S.id,
                _S.started_at,
                _S.ended_at,
                _S.name,
                func.count(_T.id).label("set_count"),
                func.coalesce(func.sum(case((is_work, 1), else_=0)), 0).label("working"),
                func.coalesce(func.sum(case((_T.failure != "none", 1), else_=0)), 0).label("failures"),
                func.coalesce(
                    func.sum(case((and_(is_work, _T.weight_kg > 0), _T.weight_kg * _T.reps), else_=0.0)), 0.0
                ).label("volume"),
                func.group_concat(EXERCISES.c.name.distinct()).label("names"),
            )
            .select_from(
                SESSIONS.outerjoin(SETS, _T.session_id == _S.id).outerjoin(
                    EXERCISES, EXERCISES.c.id == _T.exercise_id
                )
            )
            .group_by(_S.id)
            .order_by(_S.started_at.desc())
            .limit(limit)
            .offset(offset)
        )
        with self._engine.connect() as con:
            rows = con.execute(query).all()
        return [
            SessionSummary(
                id=r.id,
                started_at=from_db(r.started_at),
                ended_at=from_db_opt(r.ended_at),
                name=r.name,
                set_count=r.set_count,
                working_sets=int(r.working),
                failure_sets=int(r.failures),
                volume_kg=float(r.volume),
                exercise_names=tuple(r.names.split(",")) if r.names else (),
            )
            for r in rows
        ]

    # --- sets -----------------------------------------------------------------------------------
    def add_set(self, entry: SetEntry) -> SetEntry:
        """Insert and commit one set (durable when this returns); returns it with its id."""
        with self._engine.begin() as con:
            entry.id = new_id(con.execute(insert(SETS).values(set_values(entry))))
        return entry

    def save_set(self, entry: SetEntry) -> None:
        """Update an existing set (re-rating, editing weight/reps/type/notes)."""
        assert entry.id is not None
        with self._engine.begin() as con:
            con.execute(update(SETS).where(_T.id == entry.id).values(set_values(entry)))

    def delete_set(self, set_id: int) -> SetEntry | None:
        """Delete one set and return it (so it can be restored by undo)."""
        with self._engine.begin() as con:
            row = con.execute(select(SETS).where(_T.id == set_id)).mappings().first()
            if row is None:
                return None
            con.execute(delete(SETS).where(_T.id == set_id))
        return set_from_row(row)

    def restore_set(self, entry: SetEntry) -> SetEntry:
        """Put a deleted set back, with its original id, identity and position."""
        values = set_values(entry)
        if entry.id is not None:
            values["id"] = entry.id
        with self._engine.begin() as con:
            entry.id = new_id(con.execute(insert(SETS).values(values)))
        return entry

    def set_superset_groups(self, session_id: int, groups: Mapping[int, int | None]) -> None:
        """Give the sets of each exercise of a session (by exercise_order) its superset group, in one
        transaction (grouping is a property of the exercise in the workout, so all its sets follow)."""
        with self._engine.begin() as con:
            for order, group in groups.items():
                con.execute(
                    update(SETS)
                    .where(_T.session_id == session_id, _T.exercise_order == order)
                    .values(superset_group=group)
                )

    def sets_in_session(self, session_id: int) -> list[SetEntry]:
        """All sets of one session in workout order."""
        query = select(SETS).where(_T.session_id == session_id).order_by(_T.exercise_order, _T.set_order)
        with self._engine.connect() as con:
            return [set_from_row(r) for r in con.execute(query).mappings()]

    def previous_sets(
        self, exercise_id: int, before: datetime, exclude_session: int | None = None
    ) -> list[SetEntry]:
        """The sets of the most recent earlier session that had this exercise ("last time")."""
        last_session = (
            select(_T.session_id)
            .where(_T.exercise_id == exercise_id, _T.logged_at < to_db(before))
            .order_by(_T.logged_at.desc())
            .limit(1)
        )
        if exclude_session is not None:
            last_session = last_session.where(_T.session_id != exclude_session)
        with self._engine.connect() as con:
            session_id = con.execute(last_session).scalar()
            if session_id is None:
                return []
            query = (
                select(SETS)
                .where(_T.session_id == session_id, _T.exercise_id == exercise_id)
                .order_by(_T.set_order)
            )
            return [set_from_row(r) for r in con.execute(query).mappings()]

    def sets_since(self, since: datetime) -> list[SetEntry]:
        """Every set logged at or after `since` (for recovery: only the last ~2 weeks matter)."""
        query = select(SETS).where(_T.logged_at >= to_db(since)).order_by(_T.logged_at)
        with self._engine.connect() as con:
            return [set_from_row(r) for r in con.execute(query).mappings()]

    def efforts_since(self, since: datetime) -> list[SetEffort]:
        """(exercise id, logged at, set type, RIR, failure kind) of every set logged at or after `since`,
        oldest first: the five columns the recovery model reads, without building whole SetEntry rows."""
        query = (
            select(_T.exercise_id, type_coerce(_T.logged_at, String), _T.set_type, _T.rir, _T.failure)
            .where(_T.logged_at >= to_db(since))
            .order_by(_T.logged_at)
        )
        with self._engine.connect() as con:
            rows = con.execute(query).all()
        return [(r[0], parse_stored_time(r[1]), _SET_TYPES[r[2]], r[3], _FAILURES[r[4]]) for r in rows]

    def sets_for_exercise(self, exercise_id: int) -> list[SetEntry]:
        """Every set of one exercise, oldest first (history charts)."""
        query = select(SETS).where(_T.exercise_id == exercise_id).order_by(_T.logged_at)
        with self._engine.connect() as con:
            return [set_from_row(r) for r in con.execute(query).mappings()]

    def exercises_with_history(self) -> list[tuple[int, int]]:
        """(exercise id, number of working sets) for every exercise that has working sets."""
        query = (
            select(_T.exercise_id, func.count())
            .where(_T.set_type != "warmup")
            .group_by(_T.exercise_id)
            .order_by(func.count().desc())
        )
        with self._engine.connect() as con:
            return [(r[0], r[1]) for r in con.execute(query)]

    def set_count(self) -> int:
        """How many sets exist."""
        with self._engine.connect() as con:
            return int(con.execute(select(func.count()).select_from(SETS)).scalar_one())

    def last_session_start(self, before: datetime | None = None) -> datetime | None:
        """When the most recent session started (before a moment, if given)."""
        query = select(func.max(_S.started_at))
        if before is not None:
            query = query.where(_S.started_at < to_db(before))
        with self._engine.connect() as con:
            value = con.execute(query).scalar()
        return None if value is None else from_db(value)

    # --- bulk -----------------------------------------------------------------------------------
    def add_history(self, workouts: Iterable[tuple[WorkoutSession, Sequence[SetEntry]]]) -> tuple[int, int]:
        """Insert many sessions with their sets in ONE transaction (demo data, imports).

        Sessions whose uuid already exists are skipped with their sets, so adding the same
        history twice adds nothing. Returns (sessions added, sets added).
        """
        added_sessions = added_sets = 0
        with self._engine.begin() as con:
            known = {row[0] for row in con.execute(select(_S.uuid))}
            for session, sets in workouts:
                if session.uuid in known:
                    continue
                session.id = new_id(con.execute(insert(SESSIONS).values(session_values(session))))
                known.add(session.uuid)
                rows = []
                for entry in sets:
                    entry.session_id = session.id
                    rows.append(set_values(entry))
                if rows:
                    con.execute(insert(SETS), rows)
                added_sessions += 1
                added_sets += len(rows)
        return added_sessions, added_sets
