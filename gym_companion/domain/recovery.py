"""The recovery model (TRAINING_RULES.md, "Numbers", and F8/F10): per-muscle fatigue from logged sets.

fatigue(muscle) = Σ w(role) · E(effort) · C(exercise) · exp(−Δt / τ(muscle))
recovery %      = 100 · clamp(1 − fatigue / K(muscle), 0, 1)

The spec calls this "a proposal to implement and expose, not a fact": every constant is named, and the
dashboard shows the inputs (hard sets this week, last trained, last failure) beside the percentage.
Time is always passed in; nothing here reads the clock.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from gym_companion.domain.model import Exercise, FailureKind, Muscle, SetEntry, SetType


class Role(enum.StrEnum):
    """How an exercise works a muscle: as a prime mover or as a helper."""

    PRIMARY = "primary"
    SECONDARY = "secondary"


# Role weight w (TRAINING_RULES.md, recovery model): primary 1.0, secondary 0.5.
ROLE_WEIGHT: dict[Role, float] = {Role.PRIMARY: 1.0, Role.SECONDARY: 0.5}

# Effort weight E by reps in reserve (TRAINING_RULES.md, recovery model): RIR 5+ 0.5, 4 0.65, 3 0.8,
# 2 1.0, 1 1.25; failure is F8's "failure needs more recovery": technical 1.6, absolute 2.0.
EFFORT_BY_RIR: dict[int, float] = {4: 0.65, 3: 0.8, 2: 1.0, 1: 1.25}
EFFORT_RIR_5_PLUS = 0.5
EFFORT_TECHNICAL_FAILURE = 1.6
EFFORT_ABSOLUTE_FAILURE = 2.0
# Product decision: an unrated working set is assumed to end at the app's default target RIR 2 (F3), so it
# weighs 1.0 and counts as a hard set. Ignoring it would make lifters who skip the prompt look fully rested.
UNRATED_RIR = 2
# Vocabulary: a hard set is a working set ended at RIR <= 4 (warm-ups never count).
HARD_SET_MAX_RIR = 4
# Weekly landmarks (TRAINING_RULES.md): a hard set counts 1 for its primary muscles, 0.5 for secondary ones.
HARD_SET_CREDIT: dict[Role, float] = {Role.PRIMARY: 1.0, Role.SECONDARY: 0.5}

# Time constant τ in hours by muscle size (TRAINING_RULES.md, recovery model).
TAU_SMALL_H = 20.0  # biceps, triceps, side/rear delts, calves, abs, forearms
TAU_MEDIUM_H = 26.0  # chest, lats/upper back, traps, glutes, front delts
TAU_LARGE_H = 31.0  # quads, hamstrings, lower back
TAU_HOURS: dict[Muscle, float] = {
    Muscle.BICEPS: TAU_SMALL_H,
    Muscle.TRICEPS: TAU_SMALL_H,
    Muscle.SIDE_REAR_DELTS: TAU_SMALL_H,
    Muscle.CALVES: TAU_SMALL_H,
    Muscle.ABS: TAU_SMALL_H,
    Muscle.FOREARMS: TAU_SMALL_H,
    Muscle.CHEST: TAU_MEDIUM_H,
    Muscle.BACK: TAU_MEDIUM_H,
    Muscle.TRAPS: TAU_MEDIUM_H,
    Muscle.GLUTES: TAU_MEDIUM_H,
    Muscle.FRONT_DELTS: TAU_MEDIUM_H,
    Muscle.QUADS: TAU_LARGE_H,
    Muscle.HAMSTRINGS: TAU_LARGE_H,
    Muscle.LOWER_BACK: TAU_LARGE_H,
}

# Capacity K in set-equivalents: the fatigue at which a muscle shows 0 % (TRAINING_RULES.md, recovery model).
CAPACITY_SETS: dict[Muscle, float] = {
    Muscle.BICEPS: 13.0,
    Muscle.TRICEPS: 9.0,
    Muscle.SIDE_REAR_DELTS: 13.0,
    Muscle.CALVES: 10.0,
    Muscle.ABS: 12.0,
    Muscle.FOREARMS: 10.0,
    Muscle.CHEST: 11.0,
    Muscle.BACK: 12.0,
    Muscle.TRAPS: 13.0,
    Muscle.GLUTES: 8.0,
    Muscle.FRONT_DELTS: 6.0,
    Muscle.QUADS: 10.0,
    Muscle.HAMSTRINGS: 10.0,
    Muscle.LOWER_BACK: 8.0,
}

# Readiness bands (TRAINING_RULES.md): >= 90 % ready; 70-90 % train but no failure; < 70 % rest or go light.
READY_PERCENT = 90.0
NO_FAILURE_PERCENT = 70.0

# "Full recovery within ~7 days is the outer bound": after 7 days a dose has decayed below 0.5 % even for
# the slowest muscle (exp(-168/31) ≈ 0.004). Twice that leaves room for a slow recovery_speed setting;
# sets older than this are ignored, so callers need to load only this window.
RELEVANT_HISTORY = timedelta(days=14)

_SECONDS_PER_HOUR = 3600.0


@dataclass(frozen=True, slots=True)
class FatigueInput:
    """One logged set as the recovery model and the weekly landmarks see it; cheap to build from a SQL row."""

    logged_at: datetime
    set_type: SetType
    rir: int | None
    failure: FailureKind
    primary: tuple[Muscle, ...]
    secondary: tuple[Muscle, ...] = ()
    fatigue_factor: float = 1.0  # C: 1.2 for heavy barbell squat/deadlift/bench/RDL, else 1.0

    @classmethod
    def from_set(cls, entry: SetEntry, exercise: Exercise) -> FatigueInput:
        """Combine a logged set with its exercise's muscles and fatigue factor."""
        return cls.of(exercise, entry.logged_at, entry.set_type, entry.rir, entry.failure)

    @classmethod
    def of(
        cls, exercise: Exercise, logged_at: datetime, set_type: SetType, rir: int | None, failure: FailureKind
    ) -> FatigueInput:
        """A set given by its columns (a lean query's row), with its exercise's muscles and fatigue factor."""
        return cls(
            logged_at=logged_at,
            set_type=set_type,
            rir=rir,
            failure=failure,
            primary=exercise.primary_muscles,
            secondary=exercise.secondary_muscles,
            fatigue_factor=exercise.fatigue_factor,
        )

    @property
    def is_hard(self) -> bool:
        """A hard set: not a warm-up, ended at RIR <= 4 (unrated counts as RIR 2, failure as RIR 0)."""
        if self.set_type is SetType.WARMUP:
            return False
        return (UNRATED_RIR if self.rir is None else self.rir) <= HARD_SET_MAX_RIR

    @property
    def is_failure(self) -> bool:
        """A working set taken to failure: either kind, or RIR 0 without a kind (e.g. imported RPE 10)."""
        if self.set_type is SetType.WARMUP:
            return False
        return self.failure is not FailureKind.NONE or self.rir == 0

    def roles(self) -> dict[Muscle, Role]:
        """Each muscle the set works, once; a muscle listed both ways counts as primary."""
        roles = dict.fromkeys(self.secondary, Role.SECONDARY)
        roles.update(dict.fromkeys(self.primary, Role.PRIMARY))
        return roles

    def hard_set_credit(self) -> dict[Muscle, float]:
        """How much this set adds to each muscle's weekly hard-set count (empty when it is not hard)."""
        if not self.is_hard:
            return {}
        return {muscle: HARD_SET_CREDIT[role] for muscle, role in self.roles().items()}

    def dose(self) -> float:
        """E · C for this set before the role weight and decay: 0 for warm-ups."""
        if self.set_type is SetType.WARMUP:
            return 0.0
        return effort_weight(self.rir, self.failure) * self.fatigue_factor


class ReadinessBand(enum.StrEnum):
    """What a muscle is fit for now: train freely, train without failure, or rest/go light."""

    READY = "ready"
    NO_FAILURE = "no_failure"
    REST = "rest"


@dataclass(frozen=True, slots=True)
class MuscleRecovery:
    """One dashboard row: the percentage and the inputs that explain it."""

    muscle: Muscle
    percent: float
    band: ReadinessBand
    hours_to_ready: float
    hard_sets_this_week: float  # secondary muscles count 0.5
    last_trained: datetime | None
    last_failure: datetime | None


def effort_weight(rir: int | None, failure: FailureKind) -> float:
    """E for a working set's effort: more for sets closer to failure (F8).

    A failure kind wins over the RIR. RIR 0 without a failure kind (e.g. imported RPE 10) means the next
    rep could not be done, which is technical failure by the vocabulary. None means unrated (RIR 2).
    """
    if failure is FailureKind.ABSOLUTE:
        return EFFORT_ABSOLUTE_FAILURE
    if failure is FailureKind.TECHNICAL:
        return EFFORT_TECHNICAL_FAILURE
    if rir is None:
        rir = UNRATED_RIR
    if rir < 0:
        raise ValueError(f"reps in reserve cannot be negative, got {rir}")
    if rir == 0:
        return EFFORT_TECHNICAL_FAILURE
    return EFFORT_BY_RIR.get(rir, EFFORT_RIR_5_PLUS)


def tau_hours(muscle: Muscle, recovery_speed: float = 1.0) -> float:
    """The muscle's fatigue time constant in hours, scaled by the user's recovery speed (>1 = faster)."""
    if not (recovery_speed > 0 and math.isfinite(recovery_speed)):
        raise ValueError(f"recovery speed must be a positive number, got {recovery_speed}")
    return TAU_HOURS[muscle] / recovery_speed


def fatigue_by_muscle(
    sets: Iterable[FatigueInput], now: datetime, recovery_speed: float = 1.0
) -> dict[Muscle, float]:
    """Fatigue in set-equivalents for all 14 muscles at `now`.

    Sets after `now` have not happened yet and sets older than RELEVANT_HISTORY are ignored.
    """
    taus = {m: tau_hours(m, recovery_speed) for m in Muscle}
    fatigue = dict.fromkeys(Muscle, 0.0)
    for s in sets:
        age = now - s.logged_at
        if age < timedelta(0) or age > RELEVANT_HISTORY:
            continue
        dose = s.dose()
        if dose == 0.0:
            continue
        age_h = age.total_seconds() / _SECONDS_PER_HOUR
        for muscle, role in s.roles().items():
            fatigue[muscle] += ROLE_WEIGHT[role] * dose * math.exp(-age_h / taus[muscle])
    return fatigue


def recovery_percent(fatigue: float, muscle: Muscle) -> float:
    """Recovery % (0..100) for a muscle carrying `fatigue` set-equivalents."""
    return 100.0 * min(1.0, max(0.0, 1.0 - fatigue / CAPACITY_SETS[muscle]))


def band_for(percent: float) -> ReadinessBand:
    """The readiness band for a recovery percentage (90 is ready, 70 is train-without-failure)."""
    if percent >= READY_PERCENT:
        return ReadinessBand.READY
    if percent >= NO_FAILURE_PERCENT:
        return ReadinessBand.NO_FAILURE
    return ReadinessBand.REST


def _hours_until(fatigue: float, muscle: Muscle, threshold: float, recovery_speed: float) -> float:
    """Closed form: fatigue only decays, F(now + h) = F_now · exp(−h/τ), so h = τ · ln(F_now / F_target)."""
    if not 0.0 <= threshold <= 100.0:
        raise ValueError(f"threshold must be a percentage within 0..100, got {threshold}")
    if recovery_percent(fatigue, muscle) >= threshold:
        return 0.0  # the same test as the bands, so "ready" and "0 h to go" never disagree
    target = CAPACITY_SETS[muscle] * (1.0 - threshold / 100.0)
    if target <= 0.0:
        return math.inf  # 100 % is only reached asymptotically
    return max(0.0, tau_hours(muscle, recovery_speed) * math.log(fatigue / target))


def hours_until_ready(
    sets: Iterable[FatigueInput],
    muscle: Muscle,
    now: datetime,
    threshold: float = READY_PERCENT,
    recovery_speed: float = 1.0,
) -> float:
    """Hours from `now` until the muscle reaches `threshold` % recovery; 0 when it already has."""
    fatigue = fatigue_by_muscle(sets, now, recovery_speed)[muscle]
    return _hours_until(fatigue, muscle, threshold, recovery_speed)


def recovery_curve(
    sets: Iterable[FatigueInput],
    muscle: Muscle,
    now: datetime,
    hours: float = 72.0,
    step_h: float = 1.0,
    *,
    recovery_speed: float = 1.0,
) -> list[tuple[float, float]]:
    """(hours ahead, recovery %) from now to `hours` ahead in steps of `step_h`, assuming no more training."""
    if step_h <= 0 or hours < 0:
        raise ValueError("the curve needs hours >= 0 and a positive step")
    fatigue = fatigue_by_muscle(sets, now, recovery_speed)[muscle]
    tau = tau_hours(muscle, recovery_speed)
    steps = math.floor(hours / step_h + 1e-9)
    points = []
    for i in range(steps + 1):
        h = i * step_h
        points.append((h, recovery_percent(fatigue * math.exp(-h / tau), muscle)))
    return points


def summarize_recovery(
    sets: Iterable[FatigueInput], now: datetime, week_start: datetime, recovery_speed: float = 1.0
) -> dict[Muscle, MuscleRecovery]:
    """The recovery dashboard for all 14 muscles at `now`, with the inputs that explain each number.

    Hard sets count from `week_start` to `now` (secondary muscles 0.5, as for the landmarks). Last trained
    and last failure consider every non-warm-up set given (primary or secondary role) up to `now`.
    """
    sets = list(sets)
    fatigue = fatigue_by_muscle(sets, now, recovery_speed)
    hard = dict.fromkeys(Muscle, 0.0)
    last_trained: dict[Muscle, datetime] = {}
    last_failure: dict[Muscle, datetime] = {}
    for s in sets:
        if s.set_type is SetType.WARMUP or s.logged_at > now:
            continue
        if s.logged_at >= week_start:
            for muscle, credit in s.hard_set_credit().items():
                hard[muscle] += credit
        for muscle in s.roles():
            if muscle not in last_trained or s.logged_at > last_trained[muscle]:
                last_trained[muscle] = s.logged_at
            if s.is_failure and (muscle not in last_failure or s.logged_at > last_failure[muscle]):
                last_failure[muscle] = s.logged_at
    summary = {}
    for muscle in Muscle:
        percent = recovery_percent(fatigue[muscle], muscle)
        summary[muscle] = MuscleRecovery(
            muscle=muscle,
            percent=percent,
            band=band_for(percent),
            hours_to_ready=_hours_until(fatigue[muscle], muscle, READY_PERCENT, recovery_speed),
            hard_sets_this_week=hard[muscle],
            last_trained=last_trained.get(muscle),
            last_failure=last_failure.get(muscle),
        )
    return summary
