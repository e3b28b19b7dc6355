"""RIR calibration: how far a lifter's reps-in-reserve ratings are off, learned from their own failure sets.

Lifters under-predict their reserve by about one rep on average (Halperin 2022, Sports Med 52:377). A
failure set (technical or absolute) shows how many reps a load really allowed; a working set rated earlier
at (nearly) the same load then truly had (reps at failure − reps done) in reserve. The error of that rating
is true − rated: positive when the lifter under-rated the reserve (the usual case), negative when they
thought they had more left than they did.

Pairing, in the order the rules apply (each exercise on its own, sets in time order, working sets only):

1. Reference: the *first* failure set of an exercise in a session. After one failure set, fatigue is
   larger than the small per-set allowance below can describe, so later failure sets teach nothing here.
2. Rated sets: RIR 1–4 with failure kind none, not after a failure set of the exercise in the session.
   RIR 0 ("nothing left with good form") is a claim of failure, not an estimate of distance, and is taken
   at face value (never corrected either); "5+" is open-ended, so its true error is unknown.
3. Same session first: rated sets before the reference at a matching load pair with it. A reference
   without any ("failure on the first set") borrows the rated sets of the nearest other session within
   MAX_DAYS_APART days at a matching load, at half weight: day-to-day readiness moves reps too.
4. Matching load: within LOAD_TOLERANCE or one loadable step (the larger). A slightly different load is
   bridged with the RTS chart (e1rm.py): the failure set's reps give an e1RM, which gives the reps to
   failure at the rated set's load. Bodyweight exercises store only the added load, which the chart
   cannot scale, so they need the same load.
5. Fatigue: a failure set late in a session is itself tired. Each working set done before it costs about
   FATIGUE_PER_EARLIER_SET of its reps, so the rated set, done that many sets earlier, had that much more
   in hand: reps at failure = failure reps × (1 + FATIGUE_PER_EARLIER_SET × sets between). Across
   sessions the same rule uses each set's place in its own session (it can be negative).

Every failure set with pairs is one observation: the weighted mean error of its pairs, weighted by its best
pair (its pairs share one failure count, so they are not independent). Pairs weigh less when the set was
long (over HIGH_REPS reps to failure) or rated far from failure (RIR 4), where ratings are known to be
noisier (Halperin 2022).

The bias, its standard error and the wording are in rir_bias.py.

The correction itself (logged RIR + bias) is e1rm.corrected_rir, where sets become e1RM inputs.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from gym_companion.domain.e1rm import MAX_EFFECTIVE_REPS, percent_for, reps_at
from gym_companion.domain.model import Equipment, Exercise, FailureKind, SetEntry, SetType, WeightUnit
from gym_companion.domain.units import loadable_increment

LOAD_TOLERANCE = 0.025  # ±2.5 % counts as the same load (or one loadable step, if larger)
MAX_DAYS_APART = 14  # across sessions only this close in time: strength barely moves in two weeks
# Reps to failure fall from set to set at one load, more with shorter rests (Willardson & Burkett, squat and
# bench press at 8RM-15RM loads, 1-5 min rests); sets stopped 2-3 reps short tire less than sets to
# failure. 10 % of the failure set's reps per earlier set (about one rep for a set of 10) is a judgement,
# not a measured constant: too small an allowance hides under-rating, too large invents it.
FATIGUE_PER_EARLIER_SET = 0.10
HIGH_REPS = 12  # long sets: rating errors grow above 12 reps (Halperin 2022)
HIGH_REPS_WEIGHT = 0.5
FAR_FROM_FAILURE_RIR = 4  # ratings far from failure are noisier (Halperin 2022)
FAR_FROM_FAILURE_WEIGHT = 0.5
OTHER_SESSION_WEIGHT = 0.5  # a pair across sessions carries day-to-day readiness noise
RATED_RIR_RANGE = (1, 4)

_EPS = 1e-9


@dataclass(slots=True)
class CalibrationSet:
    """The facts of one logged set that calibration needs (a lean view of SetEntry).

    Not frozen: a long history builds tens of thousands of these, and frozen instances cost twice as much.
    """

    exercise_id: int
    session_id: int
    logged_at: datetime
    set_type: SetType
    weight_kg: float
    reps: int
    rir: int | None
    failure: FailureKind
    id: int = 0

    @classmethod
    def of(cls, entry: SetEntry) -> CalibrationSet:
        """The calibration view of a logged set."""
        return cls(
            exercise_id=entry.exercise_id,
            session_id=entry.session_id,
            logged_at=entry.logged_at,
            set_type=entry.set_type,
            weight_kg=entry.weight_kg,
            reps=entry.reps,
            rir=entry.rir,
            failure=entry.failure,
            id=entry.id or 0,
        )


@dataclass(frozen=True, slots=True)
class CalibrationPair:
    """A rated set and the failure set that reveals its true reserve."""

    rated: CalibrationSet
    failure: CalibrationSet
    reps_at_failure: float  # at the rated set's load and freshness (transferred and fatigue-adjusted)
    true_reserve: float
    error: float  # true − rated: positive = the reserve was under-rated
    weight: float
    same_session: bool


@dataclass(frozen=True, slots=True)
class FailureObservation:
    """One failure set with its pairs: the weighted mean error, counted once."""

    failure: CalibrationSet
    pairs: tuple[CalibrationPair, ...]
    error: float
    weight: float


# --- pairing --------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Placed:
    """A working set with its place among the exercise's working sets in its session."""

    entry: CalibrationSet
    position: int
    after_failure: bool


def find_pairs(
    sets: Iterable[CalibrationSet], exercises: Mapping[int, Exercise] | None = None
) -> list[FailureObservation]:
    """Pair rated sets with failure sets (rules in the module docstring); one observation per failure set.

    `exercises` gives each exercise's equipment (its loadable step, and whether it is a bodyweight lift);
    without it loads must match within LOAD_TOLERANCE. Observations come out in time order.
    """
    by_exercise: dict[int, list[CalibrationSet]] = {}
    for entry in sorted(sets, key=lambda s: (s.logged_at, s.id)):
        if entry.set_type is SetType.WORKING and entry.reps > 0:
            by_exercise.setdefault(entry.exercise_id, []).append(entry)
    found: list[FailureObservation] = []
    for exercise_id, rows in by_exercise.items():
        exercise = exercises.get(exercise_id) if exercises is not None else None
        found.extend(_observations(rows, exercise))
    found.sort(key=lambda o: (o.failure.logged_at, o.failure.id))
    return found


def _observations(rows: list[CalibrationSet], exercise: Exercise | None) -> list[FailureObservation]:
    """The observations of one exercise from its working sets in time order."""
    placed: list[_Placed] = []
    counters: dict[int, tuple[int, bool]] = {}  # session -> (working sets so far, failed yet)
    for entry in rows:
        count, failed = counters.get(entry.session_id, (0, False))
        placed.append(_Placed(entry, count, failed))
        counters[entry.session_id] = (count + 1, failed or entry.failure is not FailureKind.NONE)
    references = [p for p in placed if p.entry.failure is not FailureKind.NONE and not p.after_failure]
    rated_by_session: dict[int, list[_Placed]] = {}
    for p in placed:
        if _usable_rating(p):
            rated_by_session.setdefault(p.entry.session_id, []).append(p)
    step = loadable_increment(exercise.equipment, WeightUnit.KG) if exercise is not None else 0.0
    exact = exercise is not None and exercise.equipment is Equipment.BODYWEIGHT

    observations: list[FailureObservation] = []
    orphans: list[_Placed] = []
    paired_sessions: set[int] = set()
    for ref in references:
        same = [
            r
            for r in rated_by_session.get(ref.entry.session_id, [])
            if r.position < ref.position and _same_load(r.entry.weight_kg, ref.entry.weight_kg, step, exact)
        ]
        pairs = [pair for r in same if (pair := _pair(r, ref, same_session=True)) is not None]
        if pairs:
            observations.append(_observe(ref.entry, pairs))
            paired_sessions.add(ref.entry.session_id)
        else:
            orphans.append(ref)

    # Failure sets with nothing rated before them in their session borrow the nearest other session's sets.
    lenders = sorted(
        (sets_[0].entry.logged_at, session_id)
        for session_id, sets_ in rated_by_session.items()
        if session_id not in paired_sessions
    )
    times = [t for t, _ in lenders]
    window = timedelta(days=MAX_DAYS_APART)
    for ref in orphans:
        when = ref.entry.logged_at
        lo, hi = bisect.bisect_left(times, when - window), bisect.bisect_right(times, when + window)
        best: list[CalibrationPair] = []
        best_gap: timedelta | None = None
        for t, session_id in lenders[lo:hi]:
            if session_id == ref.entry.session_id:
                continue
            candidates = [
                r
                for r in rated_by_session[session_id]
                if _same_load(r.entry.weight_kg, ref.entry.weight_kg, step, exact)
                and abs(r.entry.logged_at - when) <= window
            ]
            if not candidates:
                continue
            gap = abs(t - when)
            if best_gap is None or gap < best_gap:
                pairs = [pair for r in candidates if (pair := _pair(r, ref, same_session=False)) is not None]
                if pairs:
                    best, best_gap = pairs, gap
        if best:
            observations.append(_observe(ref.entry, best))
    return observations


def unpaired_failures(
    sets: Iterable[CalibrationSet], observations: Iterable[FailureObservation]
) -> list[CalibrationSet]:
    """Reference failure sets (the first failure of an exercise in a session) that found no rated partner.

    Those are the ones that look for rated sets in other sessions: a caller that read only the sessions
    holding failure sets reads these failure sets' neighbourhoods too (MAX_DAYS_APART either side).
    """
    paired = {(o.failure.exercise_id, o.failure.session_id, o.failure.logged_at) for o in observations}
    seen: set[tuple[int, int]] = set()
    found = []
    for entry in sorted(sets, key=lambda s: (s.logged_at, s.id)):
        if entry.set_type is not SetType.WORKING or entry.failure is FailureKind.NONE or entry.reps <= 0:
            continue
        group = (entry.exercise_id, entry.session_id)
        if group in seen:
            continue
        seen.add(group)
        if (entry.exercise_id, entry.session_id, entry.logged_at) not in paired:
            found.append(entry)
    return found


def _usable_rating(p: _Placed) -> bool:
    """A rated working set whose rating can be checked (RIR 1–4, no failure, not after a failure set)."""
    e = p.entry
    return (
        e.failure is FailureKind.NONE
        and e.rir is not None
        and RATED_RIR_RANGE[0] <= e.rir <= RATED_RIR_RANGE[1]
        and not p.after_failure
    )


def _same_load(rated_kg: float, failure_kg: float, step_kg: float, exact: bool) -> bool:
    """Whether two loads count as the same (within 2.5 % or one loadable step); exact for bodyweight."""
    if exact or rated_kg <= 0 or failure_kg <= 0:
        return abs(rated_kg - failure_kg) < _EPS
    tolerance = max(LOAD_TOLERANCE * max(rated_kg, failure_kg), step_kg)
    return abs(rated_kg - failure_kg) <= tolerance + _EPS


def reps_at_load(failure_reps: int, failure_kg: float, load_kg: float) -> float | None:
    """Reps to failure at `load_kg`, from a failure set of `failure_reps` at `failure_kg` (RTS chart).

    The same load needs no chart. None when the chart cannot bridge (over 15 reps, or no positive load).
    """
    if abs(load_kg - failure_kg) < _EPS:
        return float(failure_reps)
    if failure_reps > MAX_EFFECTIVE_REPS or failure_kg <= 0 or load_kg <= 0:
        return None
    e1rm = failure_kg / percent_for(float(failure_reps))
    return reps_at(e1rm, load_kg)


def _pair(rated: _Placed, ref: _Placed, *, same_session: bool) -> CalibrationPair | None:
    """The pair of a rated set and a failure reference, or None when the loads cannot be bridged."""
    r, f = rated.entry, ref.entry
    at_load = reps_at_load(f.reps, f.weight_kg, r.weight_kg)
    if at_load is None:
        return None
    fresher_by = ref.position - rated.position
    reps_at_failure = at_load * (1.0 + FATIGUE_PER_EARLIER_SET * fresher_by)
    true_reserve = reps_at_failure - r.reps
    assert r.rir is not None
    weight = 1.0
    if reps_at_failure > HIGH_REPS:
        weight *= HIGH_REPS_WEIGHT
    if r.rir >= FAR_FROM_FAILURE_RIR:
        weight *= FAR_FROM_FAILURE_WEIGHT
    if not same_session:
        weight *= OTHER_SESSION_WEIGHT
    return CalibrationPair(
        rated=r,
        failure=f,
        reps_at_failure=reps_at_failure,
        true_reserve=true_reserve,
        error=true_reserve - r.rir,
        weight=weight,
        same_session=same_session,
    )


def _observe(failure: CalibrationSet, pairs: Sequence[CalibrationPair]) -> FailureObservation:
    total = sum(p.weight for p in pairs)
    error = sum(p.weight * p.error for p in pairs) / total
    return FailureObservation(failure, tuple(pairs), error, max(p.weight for p in pairs))
