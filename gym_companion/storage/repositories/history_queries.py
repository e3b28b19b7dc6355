"""Read-only queries for the history charts and lists, tuned for decades of history.

The general repository reads whole rows through SQLAlchemy's type layer; here only the columns a chart
needs are selected and timestamps are parsed from their stored text directly, which is several times
faster on tens of thousands of sets (switching the e1RM chart must stay well under 50 ms).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Integer, String, and_, case, cast, func, select, type_coerce
from sqlalchemy.engine import Engine

from gym_companion.domain.model import FailureKind, SessionSummary, SetEntry, SetType, WeightUnit
from gym_companion.storage.tables import EXERCISE_TABLE, SESSION_TABLE, SET_TABLE

_S = SESSION_TABLE.c
_T = SET_TABLE.c
_E = EXERCISE_TABLE.c

_SECONDS_PER_DAY = 86_400
SECONDS_PER_WEEK = 7 * _SECONDS_PER_DAY
# 1970-01-01 was a Thursday: shifting by three days makes week number 0 start on Monday 1969-12-29.
MONDAY_SHIFT_S = 3 * _SECONDS_PER_DAY

# Enum lookups by stored value; a dict is several times faster than calling the Enum per row.
_SET_TYPES = {t.value: t for t in SetType}
_FAILURES = {f.value: f for f in FailureKind}
_UNITS = {u.value: u for u in WeightUnit}


def parse_stored_time(text: str) -> datetime:
    """A stored timestamp (naive UTC text such as '2024-03-01 18:05:00.000000') as an aware UTC datetime."""
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def week_start_s(week: int, utc_offset_s: int) -> int:
    """POSIX seconds of Monday 00:00 (at the given UTC offset) starting week number `week`."""
    return week * SECONDS_PER_WEEK - MONDAY_SHIFT_S - utc_offset_s


@dataclass(frozen=True, slots=True)
class WeeklyEffortCount:
    """How many non-warm-up sets of one exercise, with one effort rating, fell in one week.

    `week` numbers Monday-to-Sunday weeks at a fixed UTC offset since Monday 1969-12-29 (week_start_s).
    """

    exercise_id: int
    week: int
    set_type: SetType
    rir: int | None
    failure: FailureKind
    count: int


class HistoryQueries:
    """Column-lean selects for the history page: rated sets per exercise, session pages, weekly effort."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def rated_sets(self, exercise_id: int) -> list[SetEntry]:
        """The exercise's non-warm-up sets that carry an effort rating (RIR or failure), oldest first.

        Exactly the sets an e1RM estimate can come from; warm-ups and unrated sets are left in the database.
        """
        query = (
            select(
                _T.id,
                _T.uuid,
                _T.session_id,
                _T.exercise_order,
                _T.set_order,
                _T.set_type,
                _T.weight_kg,
                _T.reps,
                _T.rir,
                _T.failure,
                _T.rest_before_s,
                type_coerce(
                    _T.logged_at, String
                ),  # the stored text, parsed below: faster than the type layer
                _T.unit_shown,
                _T.notes,
                _T.superset_group,
            )
            .where(_T.exercise_id == exercise_id, _T.set_type != SetType.WARMUP.value, _T.rir.is_not(None))
            .order_by(_T.logged_at, _T.id)
        )
        with self._engine.connect() as con:
            rows = con.execute(query).all()
        return [
            SetEntry(
                id=r[0],
                uuid=r[1],
                session_id=r[2],
                exercise_id=exercise_id,
                exercise_order=r[3],
                set_order=r[4],
                set_type=_SET_TYPES[r[5]],
                weight_kg=r[6],
                reps=r[7],
                rir=r[8],
                failure=_FAILURES[r[9]],
                rest_before_s=r[10],
                logged_at=parse_stored_time(r[11]),
                unit_shown=_UNITS[r[12]],
                notes=r[13],
                superset_group=r[14],
            )
            for r in rows
        ]

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

    def weekly_effort_counts(self, utc_offset_s: int = 0) -> list[WeeklyEffortCount]:
        """Non-warm-up sets counted per exercise, week and effort rating, over the whole history.

        Weeks run Monday to Sunday at the fixed `utc_offset_s` (the lifter's local offset; a daylight-saving
        hour is not worth a per-row time zone lookup). The rows are few (effort ratings repeat), so callers
        can apply the domain's hard-set rules in Python.
        """
        seconds = cast(func.strftime("%s", _T.logged_at), Integer)
        week = ((seconds + (utc_offset_s + MONDAY_SHIFT_S)) // SECONDS_PER_WEEK).label("week")
        query = (
            select(_T.exercise_id, week, _T.set_type, _T.rir, _T.failure, func.count())
            .where(_T.set_type != SetType.WARMUP.value)
            .group_by(_T.exercise_id, week, _T.set_type, _T.rir, _T.failure)
        )
        with self._engine.connect() as con:
            rows = con.execute(query).all()
        return [
            WeeklyEffortCount(
                exercise_id=r[0],
                week=int(r[1]),
                set_type=_SET_TYPES[r[2]],
                rir=r[3],
                failure=_FAILURES[r[4]],
                count=int(r[5]),
            )
            for r in rows
        ]
