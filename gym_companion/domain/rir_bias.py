"""The lifter's RIR bias from paired failure sets (rir_calibration.py): estimate, accuracy, words.

The bias is a normal-normal shrinkage estimate: the literature prior (+1 rep, PRIOR_STRENGTH failure sets'
worth) plus the observations, each weighted by its quality; its standard error follows from the pooled
spread. Per exercise, once it has MIN_FAILURE_SETS_PER_EXERCISE observations, the same estimate is shrunk
toward the lifter's own. Fewer than MIN_FAILURE_SETS observations give no bias at all: nothing is applied.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from gym_companion.domain.model import Exercise
from gym_companion.domain.rir_calibration import CalibrationSet, FailureObservation, find_pairs
from gym_companion.domain.units import format_number

# Halperin 2022 (Sports Med 52:377): lifters under-predict reps in reserve by about 1 rep on average.
PRIOR_BIAS_REPS = 1.0
# How much the prior counts, in failure sets: two or three observations cannot swing the estimate wildly.
PRIOR_STRENGTH = 3.0
# The assumed spread of one observation before the lifter's own spread is known: ratings are whole reps
# and a failure set's count is itself ±1 rep, so about one rep (the same order as the errors reported by
# Halperin 2022).
PRIOR_SD_REPS = 1.0
MIN_FAILURE_SETS = 5  # below this no bias is reported or applied
MIN_FAILURE_SETS_PER_EXERCISE = 5  # an exercise gets its own bias from this many
EXERCISE_PRIOR_STRENGTH = 5.0  # in failure sets: how strongly an exercise's bias leans on the lifter's own

WELL_CALIBRATED_WITHIN = 0.5  # ratings are whole reps: under half a rep off is as good as it gets


@dataclass(frozen=True, slots=True)
class RirBias:
    """A lifter's (or one exercise's) RIR bias: true − rated reserve, in reps, with its standard error."""

    mean: float
    stderr: float
    pairs: int
    failure_sets: int = 0


@dataclass(frozen=True, slots=True)
class AccuracyPoint:
    """How far the ratings were off in one calendar month: mean error over its failure sets."""

    month_start: datetime
    mean_error: float
    failure_sets: int
    pairs: int


@dataclass(frozen=True, slots=True)
class Calibration:
    """Everything calibration learned from a history."""

    overall: RirBias | None
    per_exercise: dict[int, RirBias] = field(default_factory=dict)
    observations: tuple[FailureObservation, ...] = ()
    accuracy: tuple[AccuracyPoint, ...] = ()

    @property
    def failure_sets(self) -> int:
        """Failure sets that could be paired with a rated set."""
        return len(self.observations)

    @property
    def sentence(self) -> str:
        """The finding in one plain sentence."""
        return describe_bias(self.overall, self.failure_sets)

    def bias_for(self, exercise_id: int) -> float:
        """The bias to correct this exercise's ratings by (see choose_bias)."""
        return choose_bias(self.overall, self.per_exercise, exercise_id)


def choose_bias(overall: RirBias | None, per_exercise: Mapping[int, RirBias], exercise_id: int) -> float:
    """An exercise's own bias when it has one, else the lifter's, else 0 (too few failure sets to say)."""
    own = per_exercise.get(exercise_id)
    if own is not None:
        return own.mean
    return overall.mean if overall is not None else 0.0


# --- estimation -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BiasSums:
    """The weighted sums an estimate needs; sums of disjoint groups add up (per exercise → the lifter)."""

    failure_sets: int = 0
    pairs: int = 0
    weight: float = 0.0  # Σ w
    weighted_error: float = 0.0  # Σ w·e
    weighted_square: float = 0.0  # Σ w·e²

    @classmethod
    def of(cls, observations: Iterable[FailureObservation]) -> BiasSums:
        """The sums over some observations."""
        n = pairs = 0
        w = we = wee = 0.0
        for o in observations:
            n += 1
            pairs += len(o.pairs)
            w += o.weight
            we += o.weight * o.error
            wee += o.weight * o.error * o.error
        return cls(n, pairs, w, we, wee)

    def __add__(self, other: BiasSums) -> BiasSums:
        return BiasSums(
            self.failure_sets + other.failure_sets,
            self.pairs + other.pairs,
            self.weight + other.weight,
            self.weighted_error + other.weighted_error,
            self.weighted_square + other.weighted_square,
        )


def estimate_bias(
    observations: Sequence[FailureObservation] | BiasSums,
    prior_mean: float = PRIOR_BIAS_REPS,
    prior_strength: float = PRIOR_STRENGTH,
    min_failure_sets: int = MIN_FAILURE_SETS,
) -> RirBias | None:
    """The shrinkage estimate of the bias from the observations; None with fewer than min_failure_sets.

    mean = (k·prior + Σ w·e) / (k + Σ w); the spread s² pools the prior's PRIOR_SD_REPS² (weight k) with
    the observations' weighted squared deviations from the mean, and stderr = s / √(k + Σ w).
    """
    sums = observations if isinstance(observations, BiasSums) else BiasSums.of(observations)
    if sums.failure_sets < max(1, min_failure_sets):
        return None
    k = prior_strength
    total = k + sums.weight
    mean = (k * prior_mean + sums.weighted_error) / total
    deviations = sums.weighted_square - 2 * mean * sums.weighted_error + mean * mean * sums.weight
    spread = (k * PRIOR_SD_REPS**2 + max(0.0, deviations)) / total
    return RirBias(
        mean=mean, stderr=math.sqrt(spread / total), pairs=sums.pairs, failure_sets=sums.failure_sets
    )


def accuracy_by_month(observations: Sequence[FailureObservation], tz: tzinfo = UTC) -> list[AccuracyPoint]:
    """Mean rating error per calendar month (in `tz`) of the failure sets, oldest first; no empty months."""
    months: dict[tuple[int, int], list[FailureObservation]] = {}
    for o in observations:
        local = o.failure.logged_at.astimezone(tz)
        months.setdefault((local.year, local.month), []).append(o)
    points = []
    for (year, month), items in sorted(months.items()):
        sums = BiasSums.of(items)
        points.append(
            AccuracyPoint(
                month_start=datetime(year, month, 1, tzinfo=tz),
                mean_error=sums.weighted_error / sums.weight,
                failure_sets=sums.failure_sets,
                pairs=sums.pairs,
            )
        )
    return points


def calibrate(
    sets: Iterable[CalibrationSet], exercises: Mapping[int, Exercise] | None = None, tz: tzinfo = UTC
) -> Calibration:
    """Learn the lifter's bias (overall and per exercise) and the monthly accuracy from their sets."""
    return summarize(find_pairs(sets, exercises), tz)


def summarize(observations: Sequence[FailureObservation], tz: tzinfo = UTC) -> Calibration:
    """The bias overall and per exercise, and the monthly accuracy, from paired failure sets."""
    ordered = sorted(observations, key=lambda o: (o.failure.logged_at, o.failure.id))
    grouped: dict[int, list[FailureObservation]] = {}
    for o in ordered:
        grouped.setdefault(o.failure.exercise_id, []).append(o)
    overall, per_exercise = estimate_biases({i: BiasSums.of(items) for i, items in grouped.items()})
    return Calibration(
        overall=overall,
        per_exercise=per_exercise,
        observations=tuple(ordered),
        accuracy=tuple(accuracy_by_month(ordered, tz)),
    )


def estimate_biases(per_exercise_sums: Mapping[int, BiasSums]) -> tuple[RirBias | None, dict[int, RirBias]]:
    """The lifter's bias from all exercises' sums, and each exercise's own once it has
    MIN_FAILURE_SETS_PER_EXERCISE failure sets (shrunk toward the lifter's, EXERCISE_PRIOR_STRENGTH
    failure sets' worth)."""
    overall = estimate_bias(sum(per_exercise_sums.values(), BiasSums()))
    per_exercise: dict[int, RirBias] = {}
    if overall is None:
        return None, per_exercise
    for exercise_id, sums in per_exercise_sums.items():
        own = estimate_bias(sums, overall.mean, EXERCISE_PRIOR_STRENGTH, MIN_FAILURE_SETS_PER_EXERCISE)
        if own is not None:
            per_exercise[exercise_id] = own
    return overall, per_exercise


# --- words ----------------------------------------------------------------------------------------


def describe_bias(bias: RirBias | None, failure_sets: int) -> str:
    """One calm sentence: 'You under-rate your reserve by about 1.3 reps (from 14 failure sets).'"""
    if bias is None:
        return (
            "Not enough failure sets yet to learn your RIR bias — "
            f"{min(failure_sets, MIN_FAILURE_SETS)} of {MIN_FAILURE_SETS}."
        )
    source = f"(from {bias.failure_sets} failure sets)"
    shown = round(bias.mean, 1)  # decide on the number shown, so that "0.5" never reads as calibrated
    size = reps_text(abs(shown))
    if abs(shown) < WELL_CALIBRATED_WITHIN:
        return f"Your RIR ratings are well calibrated: off by {size} on average {source}."
    if shown > 0:
        return f"You under-rate your reserve by about {size} {source}."
    return f"You over-rate your reserve by about {size} {source}."


def reps_text(value: float) -> str:
    """'1.3 reps', '1 rep', '0 reps' (one decimal)."""
    shown = format_number(round(value, 1))
    return f"{shown} rep" if shown == "1" else f"{shown} reps"


def signed_reps(value: float) -> str:
    """A bias as shown beside numbers: '+1.1', '−0.5', '0' (one decimal, a true minus sign)."""
    rounded = round(value, 1)
    if rounded == 0:
        return "0"
    return ("+" if rounded > 0 else "−") + format_number(abs(rounded))
