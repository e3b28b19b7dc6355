"""Estimated one-rep max (e1RM) from a set's load, reps and reps in reserve.

Effective reps n = reps + RIR: a set of 8 at RIR 2 says the lifter could have done 10.
Default formula: the RTS (Reactive Training Systems) %1RM chart by effective reps; alternative: Epley.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from gym_companion.domain.bodyweight_load import effective_load_kg
from gym_companion.domain.model import FailureKind, SetType

# RTS chart, % of 1RM for n = 1..15 effective reps (TRAINING_RULES.md, "Numbers").
RTS_PERCENT: tuple[float, ...] = (
    100.0,
    95.5,
    92.2,
    89.2,
    86.3,
    83.7,
    81.1,
    78.6,
    76.2,
    73.9,
    70.7,
    68.0,
    65.3,
    62.6,
    59.9,
)
MAX_EFFECTIVE_REPS = 15.0  # no e1RM beyond this: the estimate is meaningless
HIGH_CONFIDENCE_MAX_REPS = 10.0  # low confidence above this (RIR and %1RM errors grow)


class E1rmFormula(enum.StrEnum):
    """Which estimate the user prefers."""

    RTS = "rts"
    EPLEY = "epley"


class Confidence(enum.StrEnum):
    """How far to trust an estimate."""

    HIGH = "high"
    LOW = "low"


@dataclass(frozen=True, slots=True)
class E1rmEstimate:
    """An e1RM with the effective reps it came from."""

    kg: float
    effective_reps: float
    confidence: Confidence


def rts_percent(effective_reps: float) -> float:
    """% of 1RM for n effective reps; half steps are the mean of their neighbours, others interpolate.

    Raises ValueError outside 1..15.
    """
    if not 1.0 <= effective_reps <= MAX_EFFECTIVE_REPS:
        raise ValueError(f"effective reps must be within 1..15, got {effective_reps}")
    lower = math.floor(effective_reps)
    frac = effective_reps - lower
    if frac == 0.0:
        return RTS_PERCENT[lower - 1]
    return RTS_PERCENT[lower - 1] + frac * (RTS_PERCENT[lower] - RTS_PERCENT[lower - 1])


def percent_for(effective_reps: float, formula: E1rmFormula = E1rmFormula.RTS) -> float:
    """Fraction (0..1] of 1RM that can be lifted for n effective reps, by the chosen formula."""
    if formula is E1rmFormula.EPLEY:
        if effective_reps < 1.0:
            raise ValueError("effective reps must be >= 1")
        return 1.0 if effective_reps == 1.0 else 1.0 / (1.0 + effective_reps / 30.0)
    return rts_percent(effective_reps) / 100.0


def estimate_e1rm(
    weight_kg: float,
    reps: int,
    rir: float | None,
    formula: E1rmFormula = E1rmFormula.RTS,
    rir_bias: float = 0.0,
) -> E1rmEstimate | None:
    """e1RM for one set, or None when it cannot be estimated.

    rir None (unrated) is treated as 0 only by callers that choose to; here it means "no estimate"
    unless reps alone are known to be at failure, so pass rir=0 for failure sets.
    rir_bias (true RIR - reported RIR) is added to the rating as it is; logged sets go through set_e1rm,
    whose corrected_rir keeps failure sets and RIR 0 exact and caps the correction.
    """
    if weight_kg <= 0 or reps <= 0 or rir is None:
        return None
    n = reps + max(0.0, rir + rir_bias)
    if n > MAX_EFFECTIVE_REPS:
        return None
    pct = percent_for(max(1.0, n), formula)
    confidence = Confidence.HIGH if n <= HIGH_CONFIDENCE_MAX_REPS else Confidence.LOW
    return E1rmEstimate(kg=weight_kg / pct, effective_reps=n, confidence=confidence)


def load_for(e1rm_kg: float, reps: int, rir: float, formula: E1rmFormula = E1rmFormula.RTS) -> float:
    """The load that should leave `rir` reps in reserve after `reps` reps (inverse of the estimate)."""
    n = min(MAX_EFFECTIVE_REPS, max(1.0, reps + rir))
    return e1rm_kg * percent_for(n, formula)


def reps_at(e1rm_kg: float, weight_kg: float, formula: E1rmFormula = E1rmFormula.RTS) -> float:
    """How many reps to failure a load allows (the effective reps whose %1RM matches), clamped 0..15."""
    if e1rm_kg <= 0:
        return 0.0
    pct = weight_kg / e1rm_kg
    if pct > 1.0:
        return 0.0
    lo, hi = 1.0, MAX_EFFECTIVE_REPS
    if pct <= percent_for(hi, formula):
        return hi
    for _ in range(40):  # percent is decreasing in n: bisect
        mid = (lo + hi) / 2
        if percent_for(mid, formula) > pct:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


@dataclass(frozen=True, slots=True)
class E1rmBasis:
    """How logged sets become e1RMs for this lifter: the formula and their measured RIR bias."""

    formula: E1rmFormula = E1rmFormula.RTS
    rir_bias: float = 0.0  # true RIR - reported RIR (see corrected_rir; domain.rir_calibration measures it)
    # The part of the lifter's bodyweight the exercise moves, added to the logged load (pull-ups, dips,
    # assisted machines; domain.bodyweight_load). 0 for exercises whose logged load is the whole load.
    bodyweight_kg: float = 0.0


AS_RATED = E1rmBasis()  # the default formula, ratings taken as given

MAX_APPLIED_BIAS = 3.0  # a correction never moves a rating by more than this many reps


def corrected_rir(rir: int | None, failure: FailureKind, bias: float) -> float | None:
    """The reserve a set really had: logged RIR + the lifter's RIR bias, clamped; None when unrated.

    Failure sets are exact (0) and so is RIR 0, a claim of failure rather than an estimate of distance;
    the bias counts at most ±MAX_APPLIED_BIAS and the result never goes below 0. The one place ratings are
    corrected: set_e1rm (charts, records, advice) and the progression suggestions both use it.
    """
    if failure is not FailureKind.NONE:
        return 0.0
    if rir is None:
        return None
    if rir <= 0:
        return 0.0
    return max(0.0, rir + max(-MAX_APPLIED_BIAS, min(MAX_APPLIED_BIAS, bias)))


def set_e1rm(
    set_type: SetType,
    weight_kg: float,
    reps: int,
    rir: int | None,
    failure: FailureKind,
    basis: E1rmBasis = AS_RATED,
) -> float | None:
    """The e1RM (kg) of one logged set, or None — the one place where sets become e1RM inputs.

    Warm-ups and unrated sets have none (an unrated set says nothing about reserve); failure sets count
    as RIR 0. History charts, records and advice all come through here, so a change to how ratings are
    read (e.g. correcting the lifter's RIR bias) applies everywhere at once. Bodyweight exercises add the
    moved bodyweight (basis.bodyweight_kg) to the logged load, so an assisted set (negative load) counts too.
    """
    if set_type is SetType.WARMUP:
        return None
    load = effective_load_kg(weight_kg, basis.bodyweight_kg)
    estimate = estimate_e1rm(load, reps, corrected_rir(rir, failure, basis.rir_bias), basis.formula)
    return None if estimate is None else estimate.kg
