"""Read-only queries for the history charts and lists, tuned for decades of history.

The general repository reads whole rows through SQLAlchemy's type layer; here only the columns a chart
needs are selected and timestamps are parsed from their stored text directly, which is several times
faster on tens of thousands of sets (switching the e1RM chart must stay well under 50 ms).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, String, and_, case, cast, func, select, type_coerce
from sqlalchemy.engine import Engine

from gym_companion.domain.model import FailureKind, SessionSummary, SetType
from gym_companion.storage.tables import BODYWEIGHT_TABLE, EXERCISE_TABLE, SESSION_TABLE, SET_TABLE

_S = SESSION_TABLE.c
_T = SET_TABLE.c
_E = EXERCISE_TABLE.c
_B = BODYWEIGHT_TABLE.c

_SECONDS_PER_DAY = 86_400
SECONDS_PER_WEEK = 7 * _SECONDS_PER_DAY
# 1970-01-01 was a Thursday: shifting by three days makes week number 0 start on Monday 1969-12-29.
MONDAY_SHIFT_S = 3 * _SECONDS_PER_DAY

# Enum lookups by stored value; a dict is several times faster than calling the Enum per row.
_SET_TYPES = {t.value: t for t in SetType}
_FAILURES = {f.value: f for f in FailureKind}


def parse_stored_time(text: str) -> datetime:
    """A stored timestamp (naive UTC text such as '2024-03-01 18:05:00.000000') as an aware UTC datetime."""
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def epoch_seconds(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """POSIX seconds of a stored timestamp, computed by SQLite (exactly what Python's timestamp() gives).

    Whole seconds come from strftime('%s') on the first 19 characters (strftime would round the fraction),
    microseconds from the digits after the dot; the sum is divided once, so the float is correctly rounded.
    """
    whole = cast(func.strftime("%s", func.substr(column, 1, 19)), Integer)
    micro = cast(func.substr(column, 21), Integer)
    return (whole * 1_000_000 + micro) / 1_000_000.0


def week_start_s(week: int, utc_offset_s: int) -> int:
    """POSIX seconds of Monday 00:00 (at the given UTC offset) starting week number `week`."""
    return week * SECONDS_PER_WEEK - MONDAY_SHIFT_S - utc_offset_s


@dataclass(frozen=True, slots=True)
class RatedSets:
    """An exercise's rated, non-warm-up sets as columns, oldest first (times POSIX seconds, loads kg)."""

    session_id: list[int]
    logged_at_s: list[float]
    set_type: list[SetType]
    weight_kg: list[float]
    reps: list[int]
    rir: list[int]
    failure: list[FailureKind]


@dataclass(frozen=True, slots=True)
class WorkSets:
    """An exercise's non-warm-up sets, rated or not, as columns, oldest first (rir None: not rated)."""

    session_id: list[int]
    logged_at_s: list[float]
    set_type: list[SetType]
    weight_kg: list[float]
    reps: list[int]
    rir: list[int | None]
    failure: list[FailureKind]

    def rated(self) -> RatedSets:
        """Only the sets with an effort rating (what an e1RM can come from)."""
        keep = [i for i, rir in enumerate(self.rir) if rir is not None]
        if len(keep) == len(self.rir):
            return RatedSets(
                self.session_id,
                self.logged_at_s,
                self.set_type,
                self.weight_kg,
                self.reps,
                [r for r in self.rir if r is not None],
                self.failure,
            )
        return RatedSets(
            [self.session_id[i] for i in keep],
            [self.logged_at_s[i] for i in keep],
            [self.set_type[i] for i in keep],
            [self.weight_kg[i] for i in keep],
            [self.reps[i] for i in keep],
            [r for r in self.rir if r is not None],
            [self.failure[i] for i in keep],
        )


# A set's effort as the weekly rules read it: (set type, RIR or None when unrated, failure kind).
EffortKey = tuple[SetType, int | None, FailureKind]


@dataclass(frozen=True, slots=True)
class WeeklyTotals:
    """One exercise's non-warm-up sets in one week: how many had a "hard" and a "failure" effort (as the
    caller classed them), and their tonnage (load x reps summed over sets with a positive load).

    `week` numbers Monday-to-Sunday weeks at a fixed UTC offset since Monday 1969-12-29 (week_start_s).
    """

    exercise_id: int
    week: int
    hard: int
    failure: int
    tonnage_kg: float


def _effort_text(set_type: SetType, rir: int | None, failure: FailureKind) -> str:
    """An effort key as the SQL below spells it per row: 'working/2/none', 'drop//none' when unrated."""
    return f"{set_type.value}/{'' if rir is None else rir}/{failure.value}"


class HistoryQueries:
    """Column-lean selects for the history page: rated sets, weigh-ins, session pages, weekly effort."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def rated_sets(self, exercise_id: int) -> RatedSets:
        """The exercise's non-warm-up sets that carry an effort rating (RIR or failure), oldest first.

        Exactly the sets an e1RM estimate can come from; warm-ups and unrated sets stay in the database.
        """
        return self._work_sets(exercise_id, rated_only=True).rated()

    def work_sets(self, exercise_id: int) -> WorkSets:
        """The exercise's non-warm-up sets, rated or not, oldest first: the e1RM chart's rated sets and
        the per-session top set and volume come from this one read."""
        return self._work_sets(exercise_id, rated_only=False)

    def _work_sets(self, exercise_id: int, rated_only: bool) -> WorkSets:
        """Only the columns the charts need are read, times come as POSIX seconds computed by SQLite, and
        the rows are handed over as columns: a decade of one lift is a few lists, not thousands of objects.
        """
        conditions = [_T.exercise_id == exercise_id, _T.set_type != SetType.WARMUP.value]
        if rated_only:
            conditions.append(_T.rir.is_not(None))
        query = (
            select(
                _T.session_id,
                epoch_seconds(_T.logged_at),
                _T.set_type,
                _T.weight_kg,
                _T.reps,
                _T.rir,
                _T.failure,
            )
            .where(*conditions)
            .order_by(_T.logged_at, _T.id)
        )
        with self._engine.connect() as con:
            rows = con.execute(query).all()
        if not rows:
            return WorkSets([], [], [], [], [], [], [])
        session, at, set_type, weight, reps, rir, failure = (
            list(column) for column in zip(*rows, strict=True)
        )
        return WorkSets(
            session_id=session,
            logged_at_s=at,
            set_type=[_SET_TYPES[v] for v in set_type],
            weight_kg=weight,
            reps=reps,
            rir=rir,
            failure=[_FAILURES[v] for v in failure],
        )

    def first_workout_start(self) -> datetime | None:
        """When the first workout started (None without any)."""
        with self._engine.connect() as con:
            value = con.execute(select(type_coerce(func.min(_S.started_at), String))).scalar()
        return None if value is None else parse_stored_time(value)

    def bodyweights(self) -> list[tuple[float, float]]:
        """Every weigh-in as (POSIX seconds, kg), oldest first."""
        query = select(type_coerce(_B.measured_at, String), _B.weight_kg).order_by(_B.measured_at, _B.id)
        with self._engine.connect() as con:
            return [(parse_stored_time(r[0]).timestamp(), r[1]) for r in con.execute(query)]

    def session_page(self, limit: int, offset: int = 0) -> list[SessionSummary]:
        """One page of past sessions, newest first, with their totals.

        The page's sessions are picked first (by the started_at index), then only their sets are summed,
        so a page costs the same on the first and the twentieth year of history.
        """
        page = (
            select(_S.id).order_by(_S.started_at.desc(), _S.id.desc()).limit(limit).offset(offset).subquery()
        )
        is_work = _T.set_type != SetType.WARMUP.value
        query = (
            select(
                _S.id,
                type_coerce(_S.started_at, String),
                type_coerce(_S.ended_at, String),
                _S.name,
                func.count(_T.id),
                func.coalesce(func.sum(case((is_work, 1), else_=0)), 0),
                func.coalesce(func.sum(case((_T.failure != FailureKind.NONE.value, 1), else_=0)), 0),
                func.coalesce(
                    func.sum(case((and_(is_work, _T.weight_kg > 0), _T.weight_kg * _T.reps), else_=0.0)), 0.0
                ),
                func.group_concat(_E.name.distinct()),
            )
            .select_from(
                SESSION_TABLE.join(page, page.c.id == _S.id)
                .outerjoin(SET_TABLE, _T.session_id == _S.id)
                .outerjoin(EXERCISE_TABLE, _E.id == _T.exercise_id)
            )
            .group_by(_S.id)
            .order_by(_S.started_at.desc(), _S.id.desc())
        )
        with self._engine.connect() as con:
            rows = con.execute(query).all()
        return [
            SessionSummary(
                id=r[0],
                started_at=parse_stored_time(r[1]),
                ended_at=None if r[2] is None else parse_stored_time(r[2]),
                name=r[3],
                set_count=int(r[4]),
                working_sets=int(r[5]),
                failure_sets=int(r[6]),
                volume_kg=float(r[7]),
                exercise_names=tuple(r[8].split(",")) if r[8] else (),
            )
            for r in rows
        ]

    def effort_keys(self) -> list[EffortKey]:
        """Every distinct effort among non-warm-up sets (a few dozen at most: ratings repeat)."""
        query = select(_T.set_type, _T.rir, _T.failure).where(_T.set_type != SetType.WARMUP.value).distinct()
        with self._engine.connect() as con:
            rows = con.execute(query).all()
        return [(_SET_TYPES[r[0]], r[1], _FAILURES[r[2]]) for r in rows]

    def weekly_totals(
        self, hard: Collection[EffortKey], failure: Collection[EffortKey], utc_offset_s: int = 0
    ) -> list[WeeklyTotals]:
        """Non-warm-up sets per exercise and week: counted when their effort is in `hard` / in `failure`,
        and their tonnage summed, all in SQL (a row per exercise-week, not per rating).

        Which efforts are hard or failure is the caller's rule (the domain's); here they are only matched.
        Weeks run Monday to Sunday at the fixed `utc_offset_s` (the lifter's local offset; a daylight-saving
        hour is not worth a per-row time zone lookup).
        """
        seconds = cast(func.strftime("%s", _T.logged_at), Integer)
        week = ((seconds + (utc_offset_s + MONDAY_SHIFT_S)) // SECONDS_PER_WEEK).label("week")
        rir_text = func.coalesce(cast(_T.rir, String), "")
        effort = _T.set_type.concat("/").concat(rir_text).concat("/").concat(_T.failure)
        hard_texts = sorted({_effort_text(*key) for key in hard})
        failure_texts = sorted({_effort_text(*key) for key in failure})
        query = (
            select(
                _T.exercise_id,
                week,
                func.sum(case((effort.in_(hard_texts), 1), else_=0)),
                func.sum(case((effort.in_(failure_texts), 1), else_=0)),
                func.coalesce(func.sum(case((_T.weight_kg > 0, _T.weight_kg * _T.reps), else_=0.0)), 0.0),
            )
            .where(_T.set_type != SetType.WARMUP.value)
            .group_by(_T.exercise_id, week)
        )
        with self._engine.connect() as con:
            rows = con.execute(query).all()
        return [WeeklyTotals(r[0], int(r[1]), int(r[2] or 0), int(r[3] or 0), float(r[4])) for r in rows]
