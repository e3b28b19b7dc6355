"""Lean reads for RIR calibration: working sets with only the columns pairing needs, and a change probe.

Calibration needs the working sets of every exercise that was ever taken to failure (unrated ones too:
they count toward how tired a later failure set was), eight columns of them. The probe lets the service
keep its result while nothing changed and, when the newest sets changed, read again only those exercises'
recent weeks: it costs about a millisecond on decades of history, because it only counts the table and
sums the sets logged since a recent moment (read through the logged_at index).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, String, func, select, tuple_, type_coerce
from sqlalchemy.engine import Engine

from gym_companion.domain.model import FailureKind, SetType
from gym_companion.domain.rir_calibration import CalibrationSet
from gym_companion.storage.repositories._time import to_db
from gym_companion.storage.repositories.history_queries import parse_stored_time
from gym_companion.storage.tables import SET_TABLE

_T = SET_TABLE.c
_FAILURES = {f.value: f for f in FailureKind}
_FAILURE_CODE = {FailureKind.NONE.value: 0, FailureKind.TECHNICAL.value: 10, FailureKind.ABSOLUTE.value: 20}
_TYPE_CODE = {SetType.WORKING.value: 0.25, SetType.WARMUP.value: 0.0, SetType.DROP.value: 0.5}

# Per exercise, over the sets logged since the probe's moment: how many, and checksums that move when a
# set is added, deleted, re-rated, edited or changes type (each value weighted by the set's id).
RecentPrint = tuple[int, int, float, float]


@dataclass(frozen=True, slots=True)
class SetsProbe:
    """The table's set count and newest id, and a print per exercise of the sets logged since `since`."""

    since: datetime
    total: int
    newest_id: int
    recent: dict[int, RecentPrint]

    @property
    def older(self) -> int:
        """How many sets were logged before `since`."""
        return self.total - sum(p[0] for p in self.recent.values())


class CalibrationQueries:
    """Column-lean selects for the calibration service."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def probe(self, since: datetime) -> SetsProbe:
        """The state of the sets, in enough detail to tell which exercises changed since `since`.

        The recent sets are summed here rather than grouped in SQL: grouping by exercise makes SQLite walk
        the (exercise, logged_at) index over the whole history instead of the logged_at range.
        """
        recent = select(_T.exercise_id, _T.id, _T.rir, _T.failure, _T.reps, _T.weight_kg, _T.set_type).where(
            _T.logged_at >= to_db(since)
        )
        with self._engine.connect() as con:
            total = con.execute(select(func.count()).select_from(SET_TABLE)).scalar_one()
            newest = con.execute(select(func.max(_T.id))).scalar()
            rows = con.execute(recent).all()
        sums: dict[int, list[float]] = {}
        for exercise_id, set_id, rir, failure, reps, weight_kg, set_type in rows:
            effort = (-1 if rir is None else rir) + _FAILURE_CODE[failure]
            shape = reps * 1000.0 + weight_kg + _TYPE_CODE[set_type]
            acc = sums.setdefault(exercise_id, [0, 0, 0.0, 0.0])
            acc[0] += 1
            acc[1] = max(acc[1], set_id)
            acc[2] += set_id * effort
            acc[3] += set_id * shape
        return SetsProbe(
            since=since,
            total=int(total),
            newest_id=int(newest or 0),
            recent={i: (int(a[0]), int(a[1]), a[2], a[3]) for i, a in sums.items()},
        )

    def failure_session_sets(self) -> list[CalibrationSet]:
        """The working sets of each exercise in each session where it has a failure set: all that pairing
        within a session needs, a fraction of the history. In no particular order (find_pairs sorts)."""
        failed = select(_T.session_id, _T.exercise_id).where(
            _T.failure != FailureKind.NONE.value, _T.set_type == SetType.WORKING.value
        )
        return self._read(
            self._columns().where(
                _T.set_type == SetType.WORKING.value, tuple_(_T.session_id, _T.exercise_id).in_(failed)
            )
        )

    def working_sets(
        self,
        exercise_ids: Collection[int],
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[CalibrationSet]:
        """Working sets (rated or not) of the given exercises, logged within [since, until] when given.
        In no particular order: find_pairs sorts them."""
        query = self._columns().where(
            _T.set_type == SetType.WORKING.value, _T.exercise_id.in_(list(exercise_ids))
        )
        if since is not None:
            query = query.where(_T.logged_at >= to_db(since))
        if until is not None:
            query = query.where(_T.logged_at <= to_db(until))
        return self._read(query)

    @staticmethod
    def _columns() -> Select[Any]:
        return select(
            _T.exercise_id,
            _T.session_id,
            type_coerce(_T.logged_at, String),  # the stored text, parsed below: faster than the type layer
            _T.weight_kg,
            _T.reps,
            _T.rir,
            _T.failure,
            _T.id,
        )

    def _read(self, query: Select[Any]) -> list[CalibrationSet]:
        with self._engine.connect() as con:
            rows = con.execute(query).all()
        working = SetType.WORKING
        return [
            CalibrationSet(r[0], r[1], _parse_utc(r[2]), working, r[3], r[4], r[5], _FAILURES[r[6]], r[7])
            for r in rows
        ]


def _parse_utc(text: str) -> datetime:
    """A stored timestamp as an aware UTC datetime; naive text (the usual) the fast way, many times quicker
    than parsing and then replacing the time zone."""
    if len(text) <= _NAIVE_TEXT_MAX:
        return datetime.fromisoformat(text + "+00:00")
    return parse_stored_time(text)


_NAIVE_TEXT_MAX = len("2024-03-01 18:05:00.000000")
