"""Aggregates for personal records: per workout (or per stretch of time), the most reps at each load and the
heaviest load at each effort — a few hundred rows for an exercise's whole history instead of every set.

The heaviest load at one effort (set type, reps, RIR, failure kind) is that effort's best e1RM, whatever
the formula, so records can be judged in the domain without reading every set.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, String, func, literal, select, type_coerce
from sqlalchemy.engine import Engine

from gym_companion.domain.model import FailureKind, SetType
from gym_companion.domain.records import LOAD_DECIMALS
from gym_companion.storage.repositories._time import to_db
from gym_companion.storage.repositories.history_queries import parse_stored_time
from gym_companion.storage.tables import SET_TABLE

_T = SET_TABLE.c
_SET_TYPES = {t.value: t for t in SetType}
_FAILURES = {f.value: f for f in FailureKind}


@dataclass(frozen=True, slots=True)
class LoadRow:
    """The most reps done at one load: in one workout, or (session_id None) over a stretch of time."""

    exercise_id: int
    session_id: int | None
    first_at: datetime  # the group's first set
    weight_kg: float  # rounded to domain.records.LOAD_DECIMALS
    reps: int


@dataclass(frozen=True, slots=True)
class EffortRow:
    """The heaviest load lifted with one rated effort: in one workout, or (session_id None) over a stretch."""

    exercise_id: int
    session_id: int | None
    first_at: datetime
    set_type: SetType
    reps: int
    rir: int
    failure: FailureKind
    weight_kg: float


class RecordQueries:
    """Grouped reads of non-warm-up sets, optionally for one exercise and a time span [since, before)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def load_rows(
        self,
        exercise_id: int | None = None,
        since: datetime | None = None,
        before: datetime | None = None,
        per_workout: bool = True,
        exercise_ids: Collection[int] | None = None,
    ) -> list[LoadRow]:
        """Most reps per load, grouped per exercise and (if per_workout) per workout.

        `exercise_id` or `exercise_ids` narrow it to those exercises (both None: every exercise).
        """
        load = func.round(_T.weight_kg, LOAD_DECIMALS)
        session = _T.session_id if per_workout else literal(None)
        query = (
            select(
                _T.exercise_id, session, type_coerce(func.min(_T.logged_at), String), load, func.max(_T.reps)
            )
            .where(*_filters(exercise_id, since, before, exercise_ids))
            .group_by(_T.exercise_id, *((_T.session_id,) if per_workout else ()), load)
        )
        with self._engine.connect() as con:
            rows = con.execute(query).all()
        return [LoadRow(r[0], r[1], parse_stored_time(r[2]), float(r[3]), int(r[4])) for r in rows]

    def effort_rows(
        self,
        exercise_id: int | None = None,
        since: datetime | None = None,
        before: datetime | None = None,
        per_workout: bool = True,
        exercise_ids: Collection[int] | None = None,
    ) -> list[EffortRow]:
        """Heaviest load per rated effort, grouped per exercise and (if per_workout) per workout.

        Loads of 0 or less are kept: with the lifter's bodyweight added (pull-ups, assisted machines) they
        have an e1RM too; for other exercises set_e1rm gives them none.
        """
        session = _T.session_id if per_workout else literal(None)
        effort = (_T.set_type, _T.reps, _T.rir, _T.failure)
        query = (
            select(
                _T.exercise_id,
                session,
                type_coerce(func.min(_T.logged_at), String),
                *effort,
                func.max(_T.weight_kg),
            )
            .where(*_filters(exercise_id, since, before, exercise_ids), _T.rir.is_not(None))
            .group_by(_T.exercise_id, *((_T.session_id,) if per_workout else ()), *effort)
        )
        with self._engine.connect() as con:
            rows = con.execute(query).all()
        return [
            EffortRow(
                r[0],
                r[1],
                parse_stored_time(r[2]),
                _SET_TYPES[r[3]],
                r[4],
                r[5],
                _FAILURES[r[6]],
                float(r[7]),
            )
            for r in rows
        ]


def _filters(
    exercise_id: int | None,
    since: datetime | None,
    before: datetime | None,
    exercise_ids: Collection[int] | None = None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [_T.set_type != SetType.WARMUP.value]
    if exercise_id is not None:
        conditions.append(_T.exercise_id == exercise_id)
    if exercise_ids is not None:
        conditions.append(_T.exercise_id.in_(sorted(exercise_ids)))
    if since is not None:
        conditions.append(_T.logged_at >= to_db(since))
    if before is not None:
        conditions.append(_T.logged_at < to_db(before))
    return conditions
