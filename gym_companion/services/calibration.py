"""RIR calibration as a use case: the lifter's measured RIR bias, kept current as sets are logged.

Logging a set must stay within milliseconds on a decade of history (PRODUCT.md), and every logged set
rebuilds the brief, which asks for the bias. So the result is cached and kept current in steps:

- every read first probes the sets (CalibrationQueries.probe, about a millisecond): the table's count and
  newest id, and a print per exercise of the sets logged in the last RECENT_DAYS;
- nothing moved: the cached result stands;
- only recent sets moved (a workout being logged, re-rated, edited): the changed exercises' sets of the last
  few weeks are read and paired again. A failure set pairs with sets at most MAX_DAYS_APART away, so the
  observations of failure sets older than that before the recent window cannot have changed;
- anything older moved (an import, a deleted session): everything is read again.

Edits to sets older than RECENT_DAYS that keep the count (nothing in the app does that today) are not seen
by the probe; call `invalidate()` after such a change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from gym_companion.domain.e1rm import E1rmBasis
from gym_companion.domain.model import Exercise
from gym_companion.domain.rir_bias import (
    AccuracyPoint,
    BiasSums,
    RirBias,
    accuracy_by_month,
    choose_bias,
    describe_bias,
    estimate_biases,
)
from gym_companion.domain.rir_calibration import (
    MAX_DAYS_APART,
    CalibrationSet,
    FailureObservation,
    find_pairs,
    unpaired_failures,
)
from gym_companion.domain.settings import Settings
from gym_companion.storage.repositories.calibration_queries import CalibrationQueries, SetsProbe

# Sets logged this recently are watched one by one; a workout in progress (even one resumed days after a
# crash) lies inside, so its logging, re-rating and editing are seen.
RECENT_DAYS = 7
# How far before the recent window to read again: a failure set pairs with sets up to MAX_DAYS_APART away,
# so failure sets up to that long before the window can change, and their partners lie that much further
# back. A day more covers a session running across the boundary.
_REREAD = timedelta(days=2 * MAX_DAYS_APART + 1)
_UNAFFECTED_BEFORE = timedelta(days=MAX_DAYS_APART)


@dataclass(frozen=True, slots=True)
class CalibrationReport:
    """What calibration knows now: the bias overall and per exercise, in words, and month by month."""

    overall: RirBias | None
    per_exercise: dict[int, RirBias] = field(default_factory=dict)
    sentence: str = ""
    accuracy: list[AccuracyPoint] = field(default_factory=list)
    failure_sets: int = 0

    def bias_for(self, exercise_id: int) -> float:
        """The measured bias for an exercise: its own, else the lifter's, else 0 (not enough data)."""
        return choose_bias(self.overall, self.per_exercise, exercise_id)


class CalibrationService:
    """Learns the lifter's RIR bias from their failure sets and hands out corrections."""

    def __init__(
        self,
        queries: CalibrationQueries,
        exercises: Callable[[], dict[int, Exercise]],
        settings: Callable[[], Settings],
        now: Callable[[], datetime],
    ) -> None:
        self._queries = queries
        self._exercises = exercises
        self._settings = settings
        self._now = now
        self._probe: SetsProbe | None = None
        self._observations: dict[int, list[FailureObservation]] = {}
        self._sums: dict[int, BiasSums] = {}
        self._biases: tuple[RirBias | None, dict[int, RirBias]] = (None, {})
        self._report: CalibrationReport | None = None

    def current(self) -> CalibrationReport:
        """The full report (with the month-by-month accuracy) for the sets stored now."""
        self._sync()
        if self._report is None:
            found = self._all_observations()
            overall, per_exercise = self._biases
            self._report = CalibrationReport(
                overall=overall,
                per_exercise=per_exercise,
                sentence=describe_bias(overall, len(found)),
                accuracy=accuracy_by_month(found, self._now().astimezone().tzinfo or UTC),
                failure_sets=len(found),
            )
        return self._report

    def bias_for(self, exercise_id: int) -> float:
        """The correction for this exercise's ratings: 0 when `calibrate_rir` is off or data is short."""
        if not self._settings().calibrate_rir:
            return 0.0
        self._sync()
        overall, per_exercise = self._biases
        return choose_bias(overall, per_exercise, exercise_id)

    def e1rm_basis(self, exercise_id: int) -> E1rmBasis:
        """How this exercise's sets become e1RMs: the formula the lifter chose (RTS chart by default, or
        Epley), ratings corrected by bias_for. Charts, records, advice and summaries all ask here."""
        return E1rmBasis(formula=self._settings().e1rm_formula, rir_bias=self.bias_for(exercise_id))

    def invalidate(self) -> None:
        """Read everything again on the next request (after changes the probe cannot see)."""
        self._probe = None

    # --- keeping current ------------------------------------------------------------------------
    def _sync(self) -> None:
        """Bring the cached observations up to date with the stored sets (see the module docstring)."""
        previous = self._probe
        window_start = self._now() - timedelta(days=RECENT_DAYS)
        if previous is None:
            self._read_all()
            probe = self._queries.probe(window_start)
        else:
            probe = self._queries.probe(previous.since)
            if probe == previous:
                return
            if probe.older != previous.older:
                self._read_all()
            else:
                changed = {
                    exercise_id
                    for exercise_id in set(probe.recent) | set(previous.recent)
                    if probe.recent.get(exercise_id) != previous.recent.get(exercise_id)
                }
                self._read_recent(changed, previous.since)
            if probe.since < window_start - timedelta(days=RECENT_DAYS):  # open for days: slide the window
                probe = self._queries.probe(window_start)
        self._probe = probe
        self._biases = estimate_biases(self._sums)
        self._report = None

    def _read_all(self) -> None:
        """Pair every exercise's whole history again.

        Only the sessions holding failure sets are read, plus, for failure sets with nothing rated before
        them in their session, the sets MAX_DAYS_APART around them: the same pairs as reading everything,
        from a fraction of the rows.
        """
        catalog = self._exercises()
        sets = self._queries.failure_session_sets()
        found = find_pairs(sets, catalog)
        orphans = unpaired_failures(sets, found)
        if orphans:
            known = {s.id for s in sets}
            margin = _UNAFFECTED_BEFORE + timedelta(days=1)  # a day more: whole sessions at the edges
            for exercise_id, start, end in _merged_windows(orphans, margin):
                sets.extend(
                    s for s in self._queries.working_sets([exercise_id], start, end) if s.id not in known
                )
            found = find_pairs(sets, catalog)
        self._observations = {}
        for observation in found:
            self._observations.setdefault(observation.failure.exercise_id, []).append(observation)
        self._sums = {i: BiasSums.of(items) for i, items in self._observations.items()}

    def _read_recent(self, exercise_ids: set[int], window_start: datetime) -> None:
        """Pair again the failure sets of these exercises that changes since `window_start` can reach."""
        if not exercise_ids:
            return
        sets = self._queries.working_sets(exercise_ids, since=window_start - _REREAD)
        keep_before = window_start - _UNAFFECTED_BEFORE
        fresh: dict[int, list[FailureObservation]] = {}
        for observation in find_pairs(sets, self._exercises()):
            if observation.failure.logged_at >= keep_before:
                fresh.setdefault(observation.failure.exercise_id, []).append(observation)
        for exercise_id in exercise_ids:
            kept = [o for o in self._observations.get(exercise_id, []) if o.failure.logged_at < keep_before]
            items = kept + fresh.get(exercise_id, [])
            if items:
                self._observations[exercise_id] = items
                self._sums[exercise_id] = BiasSums.of(items)
            else:
                self._observations.pop(exercise_id, None)
                self._sums.pop(exercise_id, None)

    def _all_observations(self) -> list[FailureObservation]:
        """Every observation, oldest first."""
        found = [o for items in self._observations.values() for o in items]
        found.sort(key=lambda o: (o.failure.logged_at, o.failure.id))
        return found


def _merged_windows(
    failures: list[CalibrationSet], margin: timedelta
) -> list[tuple[int, datetime, datetime]]:
    """(exercise, start, end) windows of `margin` around each failure set, overlapping ones merged."""
    windows: list[tuple[int, datetime, datetime]] = []
    for f in sorted(failures, key=lambda s: (s.exercise_id, s.logged_at)):
        start, end = f.logged_at - margin, f.logged_at + margin
        if windows and windows[-1][0] == f.exercise_id and start <= windows[-1][2]:
            windows[-1] = (f.exercise_id, windows[-1][1], end)
        else:
            windows.append((f.exercise_id, start, end))
    return windows
