"""Chart series for the history page: e1RM per exercise, its trend, past sessions, weekly volume, bodyweight.

No Qt here: the page asks for plain lists (x in POSIX seconds, y in kg or sets) and only draws them.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from gym_companion.domain.bodyweight import bodyweight_trend
from gym_companion.domain.e1rm import AS_RATED, E1rmBasis, set_e1rm
from gym_companion.domain.landmarks import Landmarks, landmarks_for
from gym_companion.domain.model import Exercise, FailureKind, Muscle, SessionSummary, SetType
from gym_companion.domain.records import Lift, WorkoutBests, record_timeline
from gym_companion.domain.recovery import HARD_SET_CREDIT, FatigueInput
from gym_companion.services.session_progress import SessionProgress, build_session_progress
from gym_companion.storage.repositories.history_queries import HistoryQueries, RatedSets, week_start_s

# Product decision: the trend is the rolling median of the last five session bests. A median shrugs off
# one bad (or one lucky) day, and five sessions are about two to five weeks of training on one lift.
TREND_SESSIONS = 5

# Any moment will do: the hard-set credit of a set does not depend on when it was lifted.
_EPOCH = datetime.fromtimestamp(0, UTC)


def rolling_median(values: Sequence[float], window: int = TREND_SESSIONS) -> list[float]:
    """The median of each value and the up to `window - 1` values before it (same length as `values`)."""
    if window < 1:
        raise ValueError(f"the window must hold at least one value, got {window}")
    return [statistics.median(values[max(0, i - window + 1) : i + 1]) for i in range(len(values))]


@dataclass(frozen=True, slots=True)
class WeeklyVolume:
    """Per week, for one muscle (or all training when `muscle` is None), every week from the first trained
    week to the last (zeros kept). week_starts are POSIX seconds of each week's Monday 00:00 local time.

    hard_sets and failure_sets: sets, secondary muscles counting 0.5 (for all training, each set once).
    tonnage_kg: load × reps of non-warm-up sets with a positive load; secondary muscles get half.
    """

    muscle: Muscle | None
    week_starts: list[float]
    hard_sets: list[float]
    failure_sets: list[float]
    tonnage_kg: list[float]
    landmarks: Landmarks | None

    @property
    def is_empty(self) -> bool:
        """Whether no week has a hard set."""
        return not any(self.hard_sets)


@dataclass(frozen=True, slots=True)
class BodyweightSeries:
    """Weigh-ins (x POSIX seconds, kg) and the smoothed trend at each of them."""

    x: list[float]
    kg: list[float]
    trend_kg: list[float]


@dataclass(slots=True)
class E1rmSeries:
    """One exercise's e1RM history for the chart: a point per rated set, the best per session, records.

    x in POSIX seconds, y in kg. Per set it also keeps what the hover card tells (load, reps, RIR, failure
    kind, drop set), as plain columns: decades of history stay a few lists, not thousands of objects.
    """

    exercise_id: int
    x: list[float] = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    failure: list[bool] = field(default_factory=list)
    weight_kg: list[float] = field(default_factory=list)
    reps: list[int] = field(default_factory=list)
    rir: list[int] = field(default_factory=list)
    failure_kind: list[FailureKind] = field(default_factory=list)
    drop: list[bool] = field(default_factory=list)
    session_x: list[float] = field(default_factory=list)  # each session's first rated set
    session_best: list[float] = field(default_factory=list)
    session_best_index: list[int] = field(default_factory=list)  # index (into x) of each session's best
    record_index: list[int] = field(default_factory=list)  # sets that set an e1RM record (domain.records)
    record_gain: list[float] = field(default_factory=list)  # kg beyond the previous best, per record

    def describe(self, index: int) -> Lift:
        """The set at `index` as a lift (load × reps at its effort)."""
        return Lift(self.weight_kg[index], self.reps[index], self.rir[index], self.failure_kind[index])


def build_e1rm_series(exercise_id: int, sets: RatedSets, basis: E1rmBasis = AS_RATED) -> E1rmSeries:
    """The e1RM series from one exercise's rated sets (oldest first); each set's e1RM comes from set_e1rm.

    Sets beyond 15 effective reps have no estimate and are left out. e1RM records are judged by the
    domain's record rule, session by session (the first session is a baseline). Ratings repeat, so each
    distinct (set type, load, reps, RIR, failure) is estimated once.
    """
    estimates: dict[tuple[SetType, float, int, int, FailureKind], float | None] = {}
    e1rm: list[float | None] = []
    for key in zip(sets.set_type, sets.weight_kg, sets.reps, sets.rir, sets.failure, strict=True):
        if key not in estimates:
            estimates[key] = set_e1rm(*key, basis)
        e1rm.append(estimates[key])
    kept = [(i, kg) for i, kg in enumerate(e1rm) if kg is not None]
    keep = [i for i, _kg in kept]
    series = E1rmSeries(
        exercise_id=exercise_id,
        x=[sets.logged_at_s[i] for i in keep],
        y=[kg for _i, kg in kept],
        failure=[sets.failure[i] is not FailureKind.NONE for i in keep],
        weight_kg=[sets.weight_kg[i] for i in keep],
        reps=[sets.reps[i] for i in keep],
        rir=[sets.rir[i] for i in keep],
        failure_kind=[sets.failure[i] for i in keep],
        drop=[sets.set_type[i] is SetType.DROP for i in keep],
    )
    best_by_session: dict[int, int] = {}  # session -> index (into series.x) of its best set
    first_by_session: dict[int, float] = {}
    y = series.y
    for index, session in enumerate(sets.session_id[i] for i in keep):
        best = best_by_session.get(session)
        if best is None:
            first_by_session[session] = series.x[index]
            best_by_session[session] = index
        elif y[index] > y[best]:
            best_by_session[session] = index
    workouts = []
    for session in sorted(best_by_session, key=first_by_session.__getitem__):
        best = best_by_session[session]
        series.session_x.append(first_by_session[session])
        series.session_best.append(y[best])
        series.session_best_index.append(best)
        workouts.append(
            WorkoutBests(
                exercise_id,
                datetime.fromtimestamp(first_by_session[session], UTC),
                best_e1rm_kg=y[best],
                best_e1rm_lift=series.describe(best),
            )
        )
    _standing, records = record_timeline(workouts)
    index_by_time = dict(zip(series.session_x, series.session_best_index, strict=True))
    for record in records:
        series.record_index.append(index_by_time[record.when.timestamp()])
        series.record_gain.append(record.gain)
    return series


class HistorySeries:
    """Builds what the history charts and lists draw, from lean queries (decades of history stay quick).

    `e1rm_basis(exercise_id)` says how that exercise's sets become e1RMs (formula, RIR correction): every
    e1RM this service hands out goes through domain.e1rm.set_e1rm with it.
    """

    def __init__(
        self,
        queries: HistoryQueries,
        exercises: Callable[[], dict[int, Exercise]],
        e1rm_basis: Callable[[int], E1rmBasis] = lambda _exercise_id: AS_RATED,
    ) -> None:
        self._queries = queries
        self._exercises = exercises
        self.e1rm_basis = e1rm_basis

    def e1rm(self, exercise_id: int) -> E1rmSeries:
        """The exercise's e1RM series (the chart's points, session bests and records; advice's history)."""
        return build_e1rm_series(
            exercise_id, self._queries.rated_sets(exercise_id), self.e1rm_basis(exercise_id)
        )

    def exercise(self, exercise_id: int) -> tuple[E1rmSeries, SessionProgress]:
        """The exercise's e1RM series and its top set and volume per workout, from one read of its sets."""
        sets = self._queries.work_sets(exercise_id)
        basis = self.e1rm_basis(exercise_id)
        return build_e1rm_series(exercise_id, sets.rated(), basis), build_session_progress(exercise_id, sets)

    def sessions(self, limit: int, offset: int = 0) -> list[SessionSummary]:
        """A page of past sessions with their totals, newest first."""
        return self._queries.session_page(limit, offset)

    def weekly_volume(self, utc_offset_s: int = 0) -> dict[Muscle | None, WeeklyVolume]:
        """Hard sets, failure sets and tonnage per week: for all training (key None) and for every muscle
        that has any, on one shared calendar of weeks (Monday to Sunday at `utc_offset_s`).

        The hard-set and failure rules and the 0.5 credit for secondary muscles are the domain's
        (FatigueInput): applied to the few distinct efforts on record, whose classes SQL then counts per
        exercise and week (a row per exercise-week rather than per rating: decades stay quick).
        """
        catalog = self._exercises()
        keys = self._queries.effort_keys()
        efforts = {key: _effort_probe(*key) for key in keys}
        hard = [key for key, probe in efforts.items() if probe.is_hard]
        failed = [key for key, probe in efforts.items() if probe.is_failure]
        shares: dict[int, dict[Muscle | None, float]] = {}  # exercise -> its share of each set per muscle
        totals: dict[Muscle | None, dict[int, list[float]]] = {}  # week -> [hard, failure, tonnage]
        first_week = last_week = None
        for row in self._queries.weekly_totals(hard, failed, utc_offset_s):
            share = shares.get(row.exercise_id)
            if share is None:
                exercise = catalog.get(row.exercise_id)
                if exercise is None:
                    continue
                share = shares[row.exercise_id] = _shares(exercise)
            for muscle, part in share.items():
                week = totals.setdefault(muscle, {}).setdefault(row.week, [0.0, 0.0, 0.0])
                week[0] += part * row.hard
                week[1] += part * row.failure
                week[2] += part * row.tonnage_kg
            first_week = row.week if first_week is None else min(first_week, row.week)
            last_week = row.week if last_week is None else max(last_week, row.week)
        if first_week is None or last_week is None:
            return {}
        week_numbers = range(first_week, last_week + 1)
        starts = [float(week_start_s(week, utc_offset_s)) for week in week_numbers]
        empty = [0.0, 0.0, 0.0]
        result: dict[Muscle | None, WeeklyVolume] = {}
        for muscle in (None, *Muscle):
            weeks = totals.get(muscle)
            if not weeks:
                continue
            rows = [weeks.get(week, empty) for week in week_numbers]
            result[muscle] = WeeklyVolume(
                muscle=muscle,
                week_starts=starts,
                hard_sets=[r[0] for r in rows],
                failure_sets=[r[1] for r in rows],
                tonnage_kg=[r[2] for r in rows],
                landmarks=None if muscle is None else landmarks_for(muscle),
            )
        return result

    def first_workout_start(self) -> datetime | None:
        """When the history begins (None: no workouts yet)."""
        return self._queries.first_workout_start()

    def bodyweight(self) -> BodyweightSeries:
        """Every weigh-in with its smoothed trend (domain.bodyweight)."""
        points = self._queries.bodyweights()
        x = [p[0] for p in points]
        kg = [p[1] for p in points]
        return BodyweightSeries(x=x, kg=kg, trend_kg=bodyweight_trend(x, kg))


def _effort_probe(set_type: SetType, rir: int | None, failure: FailureKind) -> FatigueInput:
    """A set with this effort, for asking the domain whether it is hard and whether it is a failure set
    (neither depends on the exercise or the moment)."""
    return FatigueInput(logged_at=_EPOCH, set_type=set_type, rir=rir, failure=failure, primary=())


def _shares(exercise: Exercise) -> dict[Muscle | None, float]:
    """How much of each of its sets an exercise adds to all training (None) and to each muscle it works:
    the whole set, and per muscle the domain's credit for its role (secondary muscles count half)."""
    roles = FatigueInput(
        logged_at=_EPOCH,
        set_type=SetType.WORKING,
        rir=None,
        failure=FailureKind.NONE,
        primary=exercise.primary_muscles,
        secondary=exercise.secondary_muscles,
    ).roles()
    return {None: 1.0, **{muscle: HARD_SET_CREDIT[role] for muscle, role in roles.items()}}
